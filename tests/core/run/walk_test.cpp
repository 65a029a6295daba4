// Random playtesting (attune walk): seeded, so the same seed walks the same paths; the
// report names what no run took; and the shortest and longest runs it prints replay with
// --script to the ending it names, for every shipped scenario.
#include "core/load/Loader.hpp"
#include "core/run/Script.hpp"
#include "core/run/Walk.hpp"
#include "core/util/Text.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace attune;
namespace fs = std::filesystem;

TEST_CASE("a walk of the small scenario says its coverage, endings, paths and meters word for word") {
    const Scenario s = testing::loadTestScenario("data/small.yaml");
    const WalkReport r = walk(s, 200, 7);
    CHECK_GOLDEN(testing::testDir() / "golden" / "walk-small.txt", walkText(s, r, "data/small.yaml"));
    const auto j = nlohmann::json::parse(walkJson(s, r));
    CHECK(j["runs"] == 200);
    CHECK(j["seed"] == 7);
    CHECK(j["nodes"]["reached"] == j["nodes"]["reachable"]);
    CHECK(j["endings"].size() == 2);
    CHECK(j["endings"][0]["runs"].get<int>() + j["endings"][1]["runs"].get<int>() == 200);
    CHECK(j["shortest"]["script"] == nlohmann::json::array({"name-need"}));
    // The same seed walks the same paths; another seed, others.
    CHECK(walkText(s, walk(s, 200, 7), "x") == walkText(s, r, "x"));
    CHECK(walkText(s, walk(s, 200, 8), "x") != walkText(s, r, "x"));
}

TEST_CASE("a choice no run takes is named, with its node") {
    const Scenario s = testing::loadTestScenario("data/small.yaml");
    const WalkReport r = walk(s, 1, 1);  // one run cannot take every choice
    REQUIRE_FALSE(r.choicesMissed.empty());
    for (const auto& c : r.choicesMissed) {
        const auto slash = c.find('/');
        REQUIRE(slash != std::string::npos);
        const int at = s.nodeIndex(c.substr(0, slash));
        REQUIRE(at >= 0);
        const Node* n = &s.nodes[static_cast<std::size_t>(at)];
        CHECK(std::any_of(n->choices.begin(), n->choices.end(),
                          [&](const Choice& ch) { return ch.id == c.substr(slash + 1); }));
    }
    CHECK(r.choicesTaken + static_cast<int>(r.choicesMissed.size()) == r.choices);
}

TEST_CASE("in every shipped scenario, the walk's shortest and longest runs replay with --script to their endings") {
    for (const auto& f : fs::directory_iterator(testing::sourceDir() / "scenarios")) {
        if (f.path().extension() != ".yaml") continue;
        CAPTURE(f.path().filename().string());
        const LoadResult l = loadScenario(f.path(), testing::patterns());
        REQUIRE(l.scenario);
        const Scenario& s = *l.scenario;
        const WalkReport r = walk(s, 300, 3);
        CHECK(r.capped == 0);
        CHECK(r.stuck == 0);
        for (const WalkReport::Path* p : {&r.shortest, &r.longest}) {
            REQUIRE(p->picks > 0);
            std::string err;
            const auto picks = parsePicks(text::join(p->script, ","), err);
            REQUIRE(picks);
            const ScriptResult run = runScript(s, *picks, playedRoles(s, false));
            CHECK(run.ok);
            CHECK(run.session.state() == Session::State::Ending);
            CHECK(run.session.node().id == p->ending);
        }
    }
}

// The side-by-side benchmark's walk (docs/benchmarks.md): other engines reproduce it, so its
// random numbers, picks and hash are checked against the published test vectors.
TEST_CASE("the benchmark walk's mulberry32, picks and FNV-1a match the test vectors") {
    std::uint32_t st = 42;
    std::vector<std::uint32_t> first;
    for (int i = 0; i < 5; ++i) first.push_back(mulberry32(st));
    CHECK(first == std::vector<std::uint32_t>{2581720956u, 1925393290u, 3661312704u, 2876485805u, 750819978u});
    st = 42;
    std::vector<int> picks;
    for (int i = 0; i < 10; ++i) picks.push_back(pickIndex(mulberry32(st), 3));
    CHECK(picks == std::vector<int>{1, 1, 2, 2, 0, 1, 0, 1, 2, 1});
    CHECK(fnv1a32("abc\n") == 0x6033cc93u);
    CHECK(fnv1a32("\n", fnv1a32("abc")) == 0x6033cc93u);
    CHECK(fnv1a32("") == 2166136261u);
}

namespace {
Scenario fromText(const std::string& yaml) {
    LoadResult r = loadScenarioText(yaml, "walk.yaml", testing::patterns(), Checks::Play);
    for (const auto& d : r.diags.all()) INFO(d.format());
    REQUIRE(r.scenario);
    return *r.scenario;
}
const char* kHead =
    "format: 1\nid: w\ntitle: W\nsummary: S\nthemes: [needs]\nroles: { you: { name: You } }\n"
    "meters: { m: { start: 0 } }\nstart: a\nnodes:\n";
}  // namespace

TEST_CASE("the benchmark walk hashes every node entered, raw text and a newline, and counts choices") {
    // a (line) -> b (decision: the second choice only once m >= 1) -> ending c, or back to a.
    const Scenario s = fromText(std::string(kHead) +
                                "  a: { text: \"Hello {you}\", next: b }\n"
                                "  b:\n    text: Pick\n    choices:\n"
                                "      - { text: Again, style: anxious, effects: { m: +1 }, next: a }\n"
                                "      - { text: Done, style: secure, if: \"m >= 1\", next: c }\n"
                                "  c: { text: End, ending: { kind: secure, title: T } }\n");
    // Walk 1 (seed 42): at b only 'Again' is shown (a pick among one), then two are shown
    // with draws 1925393290 -> 0 (Again), 3661312704 -> 1 (Done).
    const RandomWalks w = randomWalks(s, 1, 42, 100);
    CHECK(w.walks == 1);
    CHECK(w.steps == 3);
    CHECK(w.pathHash == fnv1a32("Hello {you}\nPick\nHello {you}\nPick\nHello {you}\nPick\nEnd\n"));
    // The cap stops a walk at the decision reached once it is spent; the next walk starts afresh.
    const RandomWalks capped = randomWalks(s, 2, 42, 1);
    CHECK(capped.steps == 2);
    CHECK(capped.pathHash == fnv1a32("Hello {you}\nPick\nHello {you}\nPick\nHello {you}\nPick\nHello {you}\nPick\n"));
    CHECK(randomWalks(s, 2, 42, 0).steps == 0);
}

TEST_CASE("the benchmark walk stops where nothing can be chosen") {
    const Scenario s = fromText(std::string(kHead) +
                                "  a:\n    text: Stuck\n    choices:\n"
                                "      - { text: Never, style: secure, if: \"m > 5\", next: c }\n"
                                "  c: { text: End, ending: { kind: secure, title: T } }\n");
    const RandomWalks w = randomWalks(s, 3, 1, 10);
    CHECK(w.steps == 0);
    CHECK(w.pathHash == fnv1a32("Stuck\nStuck\nStuck\n"));
}
