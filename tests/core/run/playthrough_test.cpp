// The Playthrough: the one owner of a Session. Turn ownership, the events it tells,
// rewind, and saving as a pick log that replays onto the same state (or says clearly
// why it no longer can).
#include "core/load/Loader.hpp"
#include "core/run/Playthrough.hpp"
#include "core/run/Script.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>

using namespace attune;

namespace {

using testing::patterns;

std::shared_ptr<const Scenario> small() {
    static const auto s = std::make_shared<const Scenario>(testing::loadTestScenario("data/small.yaml"));
    return s;
}

int choiceById(const Session& s, const std::string& id) {
    for (std::size_t i = 0; i < s.node().choices.size(); ++i)
        if (s.node().choices[i].id == id) return static_cast<int>(i);
    FAIL("no choice " << id);
    return -1;
}

/// Every event as one word, its role and its person: "decision:you@0", "pick:partner(default)".
std::vector<std::string>* record(Playthrough& p) {
    auto* log = new std::vector<std::string>();
    p.listen([log](const Playthrough&, const PlayEvent& e) {
        std::string s = name(e.kind);
        if (!e.role.empty()) s += ":" + e.role;
        if (e.byDefault) s += "(default)";
        if (e.person >= 0) s += "@" + std::to_string(e.person);
        log->push_back(s);
    });
    return log;
}

bool sameState(const Session& a, const Session& b) {
    if (a.nodeIndex() != b.nodeIndex() || a.state() != b.state() || a.meters() != b.meters() ||
        a.history().size() != b.history().size())
        return false;
    for (std::size_t i = 0; i < a.history().size(); ++i) {
        const Step &x = a.history()[i], &y = b.history()[i];
        if (x.node != y.node || x.choice != y.choice || x.role != y.role || x.byDefault != y.byDefault ||
            x.metersAfter != y.metersAfter)
            return false;
    }
    for (std::size_t f = 0; f < a.scenario().flags.size(); ++f)
        if (a.flag(static_cast<int>(f)) != b.flag(static_cast<int>(f))) return false;
    return true;
}

}  // namespace

TEST_CASE("the turn belongs to the role that chooses, and only when a person plays it") {
    Playthrough solo(small());
    CHECK_FALSE(solo.turn());  // a line first
    solo.advance();
    REQUIRE(solo.turn());
    CHECK(*solo.turn() == "you");
    solo.choose(choiceById(solo.session(), "protest"));
    solo.runToPerson();  // the partner's decision is nobody's turn: its default is taken
    CHECK(solo.state() == Session::State::Ending);
    REQUIRE(solo.picks().size() == 2);
    CHECK(solo.picks()[1] == PickRecord{"second-chance", "partner", "partner-soften", true, ""});

    Playthrough couple(small(), {"you", "partner"});
    couple.advance();
    couple.choose(choiceById(couple.session(), "protest"));
    couple.runToPerson();
    REQUIRE(couple.turn());
    CHECK(*couple.turn() == "partner");
}

TEST_CASE("a playthrough tells its listeners every line, decision, pick and the ending, in order") {
    Playthrough p(small(), {"you", "partner"});
    std::unique_ptr<std::vector<std::string>> log(record(p));
    p.announce();
    p.advance();
    p.choose(choiceById(p.session(), "protest"));
    p.runToPerson();
    p.choose(choiceById(p.session(), "partner-defend"));
    p.runToPerson();
    CHECK(fmt::format("{}", fmt::join(*log, " ")) ==
          fmt::format("{}", fmt::join(std::vector<std::string>{"line", "decision:you@0", "pick:you@0", "card:you@0",
                                                               "line", "decision:partner@1", "pick:partner@1",
                                                               "card:partner@1", "ending", "debrief"},
                                      " ")));
}

TEST_CASE("a choice that is not shown is refused and changes nothing") {
    Playthrough p(small());
    p.advance();
    const std::size_t steps = p.session().history().size();
    CHECK_FALSE(p.choose(999));
    CHECK_FALSE(p.choose(-1));
    CHECK(p.session().history().size() == steps);
    CHECK(p.picks().empty());
    CHECK_FALSE(p.rewind());
}

TEST_CASE("rewind goes back to before the last pick a person made, pick log included") {
    Playthrough p(small(), {"you", "partner"});
    p.advance();
    p.choose(choiceById(p.session(), "protest"));
    p.runToPerson();
    const Session before = p.session();
    p.choose(choiceById(p.session(), "partner-defend"));
    REQUIRE(p.picks().size() == 2);
    CHECK(p.rewind());
    CHECK(sameState(p.session(), before));
    CHECK(p.picks().size() == 1);
    CHECK(p.rewind());
    CHECK(p.picks().empty());
    CHECK_FALSE(p.rewind());
}

TEST_CASE("restoring replays every tests: path of every shipped scenario onto an identical state") {
    int restored = 0;
    for (const auto& e : std::filesystem::directory_iterator(testing::sourceDir() / "scenarios")) {
        if (e.path().extension() != ".yaml") continue;
        LoadResult r = loadScenario(e.path(), patterns());
        REQUIRE(r.scenario);
        const auto sc = std::make_shared<const Scenario>(std::move(*r.scenario));
        for (const TestCase& t : sc->tests) {
            ScriptResult run = runScript(*sc, t.choose, playedRoles(*sc, t.solo));
            REQUIRE(run.ok);
            SavedPlaythrough saved{
                sc->id,  sc->contentHash,       run.session.played(), {},
                run.log, run.session.node().id, run.session.meters(), static_cast<int>(run.session.history().size())};
            const auto back = Playthrough::restore(sc, saved);
            INFO(sc->id, ": ", t.name, ": ", back.error);
            REQUIRE(back.playthrough);
            CHECK_FALSE(back.changed);
            CHECK(sameState(back.playthrough->session(), run.session));
            CHECK(back.playthrough->picks() == run.log);
            ++restored;
        }
    }
    CHECK(restored >= 150);
}

TEST_CASE("a saved pick log against a changed scenario says which step no longer exists") {
    Playthrough p(small(), {"you", "partner"});
    p.advance();
    p.choose(choiceById(p.session(), "protest"));
    p.runToPerson();
    const SavedPlaythrough saved = p.save();

    // The same story with the choice renamed: the saved pick is gone.
    std::string text = testing::slurp(testing::testDir() / "data/small.yaml");
    text.replace(text.find("- id: protest"), 13, "- id: protesting");
    text.replace(text.find("choose: [protest]"), 17, "choose: [protesting]");
    LoadResult r = loadScenarioText(text, "small.yaml", patterns());
    REQUIRE(r.scenario);
    const auto changed = std::make_shared<const Scenario>(std::move(*r.scenario));
    const auto back = Playthrough::restore(changed, saved);
    CHECK_FALSE(back.playthrough);
    CHECK(back.changed);
    CHECK(back.error == "step 1: the choice 'protest' at node 'first-reply' no longer exists or is not shown there");

    // Restored on the very same scenario, it lands where it was.
    const auto same = Playthrough::restore(small(), saved);
    REQUIRE(same.playthrough);
    CHECK_FALSE(same.changed);
    CHECK(same.playthrough->session().node().id == p.session().node().id);

    // Another scenario altogether is refused by name.
    SavedPlaythrough other = saved;
    other.scenario = "late-text";
    CHECK(Playthrough::restore(small(), other).error ==
          "the saved playthrough is of 'late-text', not 'late-text-small'");
}

TEST_CASE("a scenario's content hash follows its bytes") {
    const std::string a = contentHash("format: 1\n");
    CHECK(a.size() == 16);
    CHECK(a == contentHash("format: 1\n"));
    CHECK(a != contentHash("format: 1 \n"));
    CHECK(contentHash("") == "cbf29ce484222325");  // FNV-1a's offset basis: nothing hashed
}

TEST_CASE("no front end or tool drives a Session itself: outside the Playthrough they only ever read one") {
    // A Session can only be moved on through a non-const one. Front ends, tools and the
    // feedback get `const Session&` from a Playthrough; none may own or borrow a mutable one.
    namespace fs = std::filesystem;
    const fs::path src = testing::sourceDir() / "src";
    const std::set<std::string> owners = {"core/run/Session.hpp",     "core/run/Session.cpp",
                                          "core/run/Playthrough.hpp", "core/run/Playthrough.cpp",
                                          "core/check/Endings.cpp",  // the validator explores states itself
                                          "core/run/Script.hpp"};    // a finished run's copy, handed back to read
    std::vector<std::string> found;
    int files = 0;
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".hpp")) continue;
        const std::string rel = fs::relative(e.path(), src).generic_string();
        if (owners.count(rel)) continue;
        ++files;
        const std::string text = testing::slurp(e.path());
        for (std::size_t at = text.find("Session"); at != std::string::npos; at = text.find("Session", at + 1)) {
            const bool word =
                (at == 0 || !(std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) &&
                (at + 7 >= text.size() ||
                 !(std::isalnum(static_cast<unsigned char>(text[at + 7])) || text[at + 7] == '_'));
            if (!word) continue;
            std::size_t k = at + 7;
            while (k < text.size() && text[k] == ' ') ++k;
            if (k >= text.size() || text.compare(k, 2, "::") == 0) continue;  // Session::State and the like
            const bool isConst = at >= 6 && text.compare(at - 6, 6, "const ") == 0;
            const bool ref = text[k] == '&';
            const bool object = std::isalpha(static_cast<unsigned char>(text[k])) || text[k] == '_';  // Session name
            const bool inVector = text[k] == '>';  // std::vector<Session> and the like
            if ((ref && !isConst) || (object && !isConst) || inVector) {
                const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
                found.push_back(fmt::format("src/{}:{}", rel, line));
            }
        }
    }
    CHECK(files > 50);
    INFO(fmt::format("{}", fmt::join(found, "\n")));
    CHECK(found.empty());
}

TEST_CASE("rewinding to a step goes back to that decision, and restarting begins again with the same people") {
    Playthrough p(small(), {"you", "partner"});
    p.advance();
    const int first = static_cast<int>(p.session().history().size()) - 1;
    p.choose(choiceById(p.session(), "protest"));
    p.runToPerson();
    p.choose(choiceById(p.session(), "partner-defend"));
    CHECK_FALSE(p.rewindTo(99));
    REQUIRE(p.rewindTo(first));
    CHECK(p.session().node().id == "first-reply");
    CHECK(p.picks().empty());
    CHECK_FALSE(p.canRewind());
    p.choose(choiceById(p.session(), "name-need"));
    p.restart();
    CHECK(p.session().history().size() == 1);
    CHECK(p.picks().empty());
    CHECK(p.session().played() == std::set<std::string>{"you", "partner"});
}

// ---- two people on one screen --------------------------------------------------------------

namespace {
/// Sam plays the partner and Alex plays "you": either person may take either role.
Table pair(TogetherMode mode) {
    std::string err;
    auto t = makeTable(*small(), mode, {"Sam", "Alex"}, {"partner", "you"}, err);
    REQUIRE_MESSAGE(t, err);
    return *t;
}
}  // namespace

TEST_CASE("a table says who plays what, and refuses what cannot work") {
    const Table t = pair(TogetherMode::Pass);
    CHECK(t.personFor("you") == 1);
    CHECK(t.personFor("partner") == 0);
    CHECK(t.call(0, *small()) == "Sam");
    std::string err;
    auto unnamed = makeTable(*small(), TogetherMode::Pass, {}, {}, err);
    REQUIRE(unnamed);
    CHECK(unnamed->people[0].role == "you");
    CHECK(unnamed->call(1, *small()) == "the person playing Sam");
    CHECK_FALSE(makeTable(*small(), TogetherMode::Pass, {"A", "B"}, {"you", "you"}, err));
    CHECK(err == "both people cannot play 'you'");
    CHECK_FALSE(makeTable(*small(), TogetherMode::Pass, {"A", "B"}, {"you", "friend"}, err));
    CHECK(err == "'friend' is not a role in this scenario (roles: you, partner)");
    CHECK_FALSE(makeTable(*small(), TogetherMode::Mirror, {"Kim", "Kim"}, {}, err));
    CHECK(err == "both people are called 'Kim'; give one a different name");
    CHECK_FALSE(makeTable(*small(), TogetherMode::Pass, {"A", "B", "C"}, {}, err));
    CHECK(err == "--names takes two names, not 3");
    CHECK_FALSE(makeTable(*small(), TogetherMode::Pass, {std::string("Sa\x01m"), "B"}, {}, err));
    CHECK(err == "a name cannot contain control characters");
}

TEST_CASE("passing the device: the decision waits for its owner, and nothing private shows before the hand-off") {
    Playthrough p(small(), pair(TogetherMode::Pass));
    std::unique_ptr<std::vector<std::string>> log(record(p));
    p.announce();
    CHECK(p.holder() == 0);
    // The opening line's body is written for "you" (Alex); Sam holds the device and does not see it.
    CHECK(p.privateBody().empty());
    p.advance();
    REQUIRE(p.turn() == std::optional<std::string>("you"));
    CHECK(p.actor() == std::optional<int>(1));
    CHECK(p.needsHandoff());
    CHECK_FALSE(p.choose(choiceById(p.session(), "protest")));  // not before Alex has the device
    CHECK(p.session().history().size() == 2);
    p.handOver();
    CHECK(p.holder() == 1);
    CHECK_FALSE(p.needsHandoff());
    CHECK(p.choose(choiceById(p.session(), "protest")));
    p.runToPerson();
    REQUIRE(p.turn() == std::optional<std::string>("partner"));
    CHECK(p.actor() == std::optional<int>(0));
    CHECK(p.needsHandoff());
    p.handOver();
    CHECK(p.choose(choiceById(p.session(), "partner-defend")));
    p.runToPerson();
    CHECK(fmt::format("{}", fmt::join(*log, " ")) ==
          fmt::format(
              "{}", fmt::join(std::vector<std::string>{"line", "decision:you@1", "handoff:you@1", "pick:you@1",
                                                       "card:you@1", "line", "decision:partner@0", "handoff:partner@0",
                                                       "pick:partner@0", "card:partner@0", "ending", "debrief"},
                              " ")));
}

TEST_CASE("mirror mode: both answer privately, the reveal shows both, and the owner's answer drives the story") {
    Playthrough p(small(), pair(TogetherMode::Mirror));
    std::unique_ptr<std::vector<std::string>> log(record(p));
    p.announce();
    p.advance();
    // Alex owns "you": Alex answers first, then Sam answers as Alex's role.
    CHECK(p.actor() == std::optional<int>(1));
    p.handOver();
    CHECK(p.choose(choiceById(p.session(), "protest")));
    CHECK(p.awaitingSecondAnswer());
    CHECK(p.state() == Session::State::Decision);  // nothing played yet
    CHECK(p.actor() == std::optional<int>(0));
    CHECK(p.needsHandoff());
    CHECK_FALSE(p.choose(choiceById(p.session(), "name-need")));
    p.handOver();
    CHECK(p.choose(choiceById(p.session(), "name-need")));
    REQUIRE(p.rounds().size() == 1);
    const MirrorRound& r = p.rounds()[0];
    CHECK(r.node == "first-reply");
    CHECK(r.role == "you");
    CHECK(r.ownerPerson == 1);
    CHECK(r.otherPerson == 0);
    CHECK(small()
              ->nodes[static_cast<std::size_t>(p.session().history()[1].node)]
              .choices[static_cast<std::size_t>(r.owner)]
              .id == "protest");
    CHECK(small()->nodes[1].choices[static_cast<std::size_t>(r.other)].id == "name-need");
    CHECK_FALSE(r.alike());
    // The owner's answer was played: protest leads to the partner's defensive line.
    CHECK(p.session().node().id == "defensive");
    REQUIRE(p.picks().size() == 1);
    CHECK(p.picks()[0] == PickRecord{"first-reply", "you", "protest", false, "name-need"});
    p.runToPerson();
    // Sam owns the partner's decision: Sam has the device already, so no hand-off first.
    CHECK(p.actor() == std::optional<int>(0));
    CHECK_FALSE(p.needsHandoff());
    p.choose(choiceById(p.session(), "partner-soften"));
    p.handOver();
    p.choose(choiceById(p.session(), "partner-soften"));
    CHECK(p.rounds().back().alike());
    p.runToPerson();
    CHECK(fmt::format("{}", fmt::join(*log, " ")) ==
          fmt::format("{}",
                      fmt::join(std::vector<std::string>{"line", "decision:you@1", "handoff:you@1", "answer:you@1",
                                                         "handoff:you@0", "answer:you@0", "pick:you@1", "reveal:you@1",
                                                         "line", "decision:partner@0", "answer:partner@0",
                                                         "handoff:partner@1", "answer:partner@1", "pick:partner@0",
                                                         "reveal:partner@0", "line", "ending", "debrief"},
                                " ")));
}

TEST_CASE("a mirror playthrough saves both answers and restores onto the same state and rounds") {
    Playthrough p(small(), pair(TogetherMode::Mirror));
    p.advance();
    p.handOver();
    p.choose(choiceById(p.session(), "shut-down"));
    p.handOver();
    p.choose(choiceById(p.session(), "protest"));
    p.runToPerson();
    const SavedPlaythrough saved = p.save();
    CHECK(saved.table == pair(TogetherMode::Mirror));
    const auto back = Playthrough::restore(small(), saved);
    REQUIRE_MESSAGE(back.playthrough, back.error);
    CHECK(sameState(back.playthrough->session(), p.session()));
    REQUIRE(back.playthrough->rounds().size() == 1);
    CHECK(back.playthrough->rounds()[0].other == p.rounds()[0].other);
    CHECK(back.playthrough->holder() == p.holder());
    // A mirror answer that no longer exists is named, like any pick.
    SavedPlaythrough gone = saved;
    gone.picks[0].mirror = "sulk";
    const auto bad = Playthrough::restore(small(), gone);
    CHECK_FALSE(bad.playthrough);
    CHECK(bad.error == "step 1: the choice 'sulk' at node 'first-reply' no longer exists or is not shown there");
}

TEST_CASE("rewinding a mirror round forgets its answers, and the device stays where it is, so the owner is asked for") {
    Playthrough p(small(), pair(TogetherMode::Mirror));
    p.advance();
    p.handOver();
    p.choose(choiceById(p.session(), "protest"));
    p.handOver();
    p.choose(choiceById(p.session(), "shut-down"));
    REQUIRE(p.rounds().size() == 1);
    CHECK(p.holder() == 0);
    REQUIRE(p.rewind());
    CHECK(p.rounds().empty());
    CHECK(p.picks().empty());
    CHECK(p.holder() == 0);  // Sam answered last and still has it
    CHECK(p.session().node().id == "first-reply");
    CHECK_FALSE(p.awaitingSecondAnswer());
    CHECK(p.needsHandoff());  // Alex's owner answers first again, after a hand-off
    CHECK_FALSE(p.choose(choiceById(p.session(), "protest")));
}

TEST_CASE("rewinding in pass mode never shows a decision to the person who happens to hold the device") {
    Playthrough p(small(), pair(TogetherMode::Pass));
    p.advance();
    p.handOver();  // Alex's owner (person 1)
    p.choose(choiceById(p.session(), "protest"));
    p.runToPerson();
    p.handOver();         // the partner's (person 0)
    REQUIRE(p.rewind());  // person 0 holds the device; the decision is person 1's
    CHECK(p.session().node().id == "first-reply");
    CHECK(p.holder() == 0);
    CHECK(p.needsHandoff());
    p.restart();
    p.advance();
    CHECK(p.needsHandoff());
}

TEST_CASE("in mirror mode a breathing pause picked by the owner is taken for both, with no round") {
    Playthrough p(small(), pair(TogetherMode::Mirror));
    p.advance();
    p.handOver();
    REQUIRE(p.choose(choiceById(p.session(), "breathe")));
    CHECK_FALSE(p.awaitingSecondAnswer());
    CHECK(p.rounds().empty());
    CHECK(p.picks().back() == PickRecord{"first-reply", "you", "breathe", false, ""});
    // The story is back at the same decision, and both answer it this time.
    CHECK(p.session().node().id == "first-reply");
    CHECK_FALSE(p.needsHandoff());
    p.choose(choiceById(p.session(), "name-need"));
    p.handOver();
    p.choose(choiceById(p.session(), "protest"));
    REQUIRE(p.rounds().size() == 1);
    const auto back = Playthrough::restore(small(), p.save());
    REQUIRE_MESSAGE(back.playthrough, back.error);
    CHECK(back.playthrough->rounds().size() == 1);
}
