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
        CHECK(std::any_of(n->choices.begin(), n->choices.end(), [&](const Choice& ch) { return ch.id == c.substr(slash + 1); }));
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
