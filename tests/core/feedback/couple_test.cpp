// Two people at one table: the mirror reveal (both answers, true to the moment, prompts
// from the two picks) and the couple's debrief (names, side by side, the cycle between
// them, how often they chose alike), in every rendering.
#include "core/feedback/Feedback.hpp"
#include "core/run/Playthrough.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace attune;

namespace {

std::shared_ptr<const Scenario> load(const char* file) {
    return std::make_shared<const Scenario>(testing::loadTestScenario(file));
}

int idx(const Session& s, const std::string& id) {
    for (std::size_t i = 0; i < s.node().choices.size(); ++i)
        if (s.node().choices[i].id == id) return static_cast<int>(i);
    FAIL("no choice " << id);
    return -1;
}

/// Plays mirror rounds "OWNER/OTHER" by choice id, handing the device over as people would.
void mirror(Playthrough& p, const std::vector<std::pair<std::string, std::string>>& rounds) {
    for (const auto& [owner, other] : rounds) {
        p.runToPerson();
        p.handOver();
        REQUIRE(p.choose(idx(p.session(), owner)));
        p.handOver();
        REQUIRE(p.choose(idx(p.session(), other)));
    }
    p.runToPerson();
}

Table people(const Scenario& s, TogetherMode mode, std::vector<std::string> names, std::vector<std::string> roles) {
    std::string err;
    auto t = makeTable(s, mode, names, roles, err);
    REQUIRE_MESSAGE(t, err);
    return *t;
}

}  // namespace

TEST_CASE("the reveal shows both answers from the same moment, and only the owner's changed anything") {
    const auto sc = load("data/small.yaml");
    Playthrough p(sc, people(*sc, TogetherMode::Mirror, {"Sam", "Kim"}, {"partner", "you"}));
    p.advance();
    p.handOver();
    p.choose(idx(p.session(), "protest"));
    p.handOver();
    p.choose(idx(p.session(), "name-need"));
    const auto r = feedback::reveal(p.session(), testing::patterns(), p.table(), p.rounds().back());
    CHECK(r.ownerName == "Kim");
    CHECK(r.otherName == "Sam");
    CHECK(r.roleName == "Alex");
    CHECK(r.headline == "You answered differently: Kim anxious, Sam secure.");
    CHECK(r.owner.text == "Twelve messages, Sam. Do you even care?");
    CHECK(r.other.text == "I got really worried. Can we talk for a minute?");
    CHECK_FALSE(r.owner.changes.empty());
    CHECK(r.other.changes.empty());  // nothing Sam chose happened
    REQUIRE(r.owner.zone);
    CHECK(r.other.zone == r.owner.zone);  // the same body, as the choosing role chose
    CHECK(r.other.arousal == r.owner.arousal);
    REQUIRE(r.prompts.size() == 3);
    CHECK(r.prompts[1] ==
          "Kim's answer reads as protest behaviour; Sam's as naming the need. What did each of you "
          "need right then? Say it in a sentence, then see whether your card puts it the same way.");
    CHECK(r.prompts[2] ==
          "To meet in the middle: Kim, what would make an answer like Sam's feel possible for you here? "
          "Sam, what in Kim's answer makes sense to you, given what they were feeling?");

    Playthrough same(sc, people(*sc, TogetherMode::Mirror, {"Sam", "Kim"}, {"partner", "you"}));
    same.advance();
    same.handOver();
    same.choose(idx(same.session(), "shut-down"));
    same.handOver();
    same.choose(idx(same.session(), "shut-down"));
    const auto alike = feedback::reveal(same.session(), testing::patterns(), same.table(), same.rounds().back());
    CHECK(alike.alike);
    CHECK(alike.headline == "You both chose the same answer: “Fine. Whatever.”");
    // Neither answer was secure: the prompt points at the secure option the story offered there.
    CHECK(alike.prompts[2] ==
          "What would help each of you reach for something like “I got really worried. Can we talk "
          "for a minute?”, the secure option this story offered here? And what could the other do to "
          "make that safer?");
}

TEST_CASE("the couple's debrief names the people, the cycle between them and how often they chose alike") {
    const auto sc = load("data/cycle.yaml");
    // Lee plays Ben and Kim plays Ana: either may take either role.
    Playthrough p(sc, people(*sc, TogetherMode::Mirror, {"Lee", "Kim"}, {"ben", "ana"}));
    mirror(p, {{"a1-chase", "a1-ask"}, {"b1-leave", "b1-leave"}, {"a2-chase", "a2-chase"}, {"b2-leave", "b2-stay"}});
    REQUIRE(p.state() == Session::State::Ending);
    const auto d = feedback::debrief(p, testing::patterns());
    REQUIRE(d.section("together"));
    CHECK(d.section("together")->lines[0].text ==
          "Lee played Ben, and Kim played Ana. At every decision one of you played, you both answered, and the "
          "owner's answer told the story.");
    REQUIRE(d.cycle);
    CHECK(d.cycle->pursuerName == "Kim");
    CHECK(d.cycle->withdrawerName == "Lee");
    CHECK(d.section("cycle")->lines[0].text.find("Kim reached harder and Lee stepped back") != std::string::npos);
    const auto* m = d.section("mirror");
    REQUIRE(m);
    REQUIRE(m->lines.size() == 5);
    CHECK(m->lines[0].text == "You chose the same answer at 2 of 4 decisions.");
    CHECK(m->lines[1].text == "Answers from Kim: 1 secure, 2 anxious, 1 avoidant.");
    CHECK(m->lines[2].text == "Answers from Lee: 1 secure, 1 anxious, 2 avoidant.");
    CHECK(m->lines[3].text ==
          "You differed at step 1, as Ana: Kim chose “Why won't you answer me?” (anxious); Lee chose “Can we talk "
          "tonight?” (secure).");
    CHECK(m->lines[4].text ==
          "You differed at step 4, as Ben: Lee chose “Not now.” (avoidant); Kim chose “I miss you too.” (secure).");
    // The same document in every rendering.
    CHECK(feedback::debriefText(d, 76).find("Side by side:") != std::string::npos);
    CHECK(feedback::reportMarkdown(d).find("Lee played Ben, and Kim played Ana.") != std::string::npos);
    const auto j = nlohmann::json::parse(feedback::reportJson(d));
    CHECK(j["together"]["mode"] == "mirror");
    CHECK(j["together"]["people"][0]["name"] == "Lee");
    CHECK(j["together"]["people"][0]["role"] == "ben");
    CHECK(j["together"]["mirror"].size() == 4);
    CHECK(j["together"]["mirror"][1]["alike"] == true);
    CHECK(j["together"]["mirror"][0]["other"]["style"] == "secure");
}

TEST_CASE("a couple's debrief in pass mode has no mirror section, and one person alone has no together section") {
    const auto sc = load("data/cycle.yaml");
    Playthrough p(sc, people(*sc, TogetherMode::Pass, {}, {}));
    for (const char* id : {"a1-ask", "b1-stay", "a2-ask", "b2-stay"}) {
        p.runToPerson();
        p.handOver();
        REQUIRE(p.choose(idx(p.session(), id)));
    }
    p.runToPerson();
    const auto d = feedback::debrief(p, testing::patterns());
    REQUIRE(d.section("together"));
    CHECK(d.section("together")->lines[0].text ==
          "One of you played Ana, and the other played Ben. You passed the device, each choosing for your own role.");
    CHECK_FALSE(d.section("mirror"));
    CHECK_FALSE(d.cycle);
    Playthrough solo(sc);
    solo.runToPerson();
    CHECK_FALSE(feedback::debrief(solo, testing::patterns()).section("together"));
    CHECK(nlohmann::json::parse(feedback::reportJson(feedback::debrief(solo, testing::patterns())))["together"]
              .is_null());
}
