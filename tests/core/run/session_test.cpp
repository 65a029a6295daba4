#include "core/model/PatternLibrary.hpp"
#include "core/load/Loader.hpp"
#include "core/run/Script.hpp"
#include "core/run/Session.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>

using namespace attune;

namespace {

using testing::patterns;

Scenario load(const std::string& text) {
    LoadResult r = loadScenarioText(text, "t.yaml", patterns());
    for (const auto& d : r.diags.all()) MESSAGE(d.format());
    REQUIRE(r.scenario);
    return std::move(*r.scenario);
}

Scenario small() { return testing::loadTestScenario("data/small.yaml"); }

int choiceById(const Session& s, const std::string& id) {
    for (std::size_t i = 0; i < s.node().choices.size(); ++i)
        if (s.node().choices[i].id == id) return static_cast<int>(i);
    FAIL("no choice " << id);
    return -1;
}

const char* const kLoop = R"(format: 1
id: loop
title: Loop
summary: s
themes: [regulation]
roles: { me: { name: Me } }
meters: { calm: { start: 95, min: 0, max: 100 } }
flags: [done]
start: a
nodes:
  a:
    text: "again"
    effects: { calm: +10 }
    choices:
      - { text: "count", style: secure, next: a, if: "visits(a) < 3" }
      - { text: "stop", style: secure, next: b, effects: { calm: -500, done: true } }
  b:
    ending: { kind: secure, title: "Done" }
    text: "done"
)";

}  // namespace

TEST_CASE("a new session starts at the start node with meters at their start values") {
    const Scenario s = small();
    Session ses(s);
    CHECK(ses.node().id == "opening");
    CHECK(ses.state() == Session::State::Line);
    CHECK(ses.meter("arousal") == 60);
    CHECK(ses.meter("trust") == 50);
    CHECK(ses.text() == "Hey, sorry. My phone died at work and I only just saw your messages.");
    CHECK(ses.visits(s.nodeIndex("opening")) == 1);
}

TEST_CASE("an entry counts before the node's choices are evaluated") {
    const Scenario s = load(kLoop);
    Session ses(s);
    CHECK(ses.visits(s.nodeIndex("a")) == 1);
    CHECK(ses.visibleChoices().size() == 2);
    ses.choose(0);
    CHECK(ses.visits(s.nodeIndex("a")) == 2);
    CHECK(ses.visibleChoices().size() == 2);
    ses.choose(0);
    CHECK(ses.visits(s.nodeIndex("a")) == 3);
    REQUIRE(ses.visibleChoices() == std::vector<int>{1});
}

TEST_CASE("meters are clamped to their range and flags are set") {
    const Scenario s = load(kLoop);
    Session ses(s);
    CHECK(ses.meter("calm") == 100);  // 95 + 10, clamped
    ses.choose(1);
    CHECK(ses.state() == Session::State::Ending);
    CHECK(ses.meter("calm") == 0);  // -500, clamped
    CHECK(ses.flag("done"));
}

TEST_CASE("a hidden choice cannot be taken") {
    const Scenario s = load(kLoop);
    Session ses(s);
    ses.choose(0);
    ses.choose(0);
    CHECK_THROWS_AS(ses.choose(0), std::logic_error);
}

TEST_CASE("conditional next takes the first branch that holds") {
    const Scenario s = small();
    Session high(s, playedRoles(s, false));
    high.advance();
    high.choose(choiceById(high, "protest"));  // trust 40: a second chance
    REQUIRE(high.state() == Session::State::Line);
    high.advance();
    CHECK(high.node().id == "second-chance");

    Session low(s, playedRoles(s, false));
    low.advance();
    low.choose(choiceById(low, "breathe"));
    low.choose(choiceById(low, "shut-down"));
    CHECK(low.meter("trust") == 45);
}

TEST_CASE("a role that nobody plays takes its default choice") {
    const Scenario s = small();
    Session ses(s);  // solo: only 'you'
    ses.advance();
    ses.choose(choiceById(ses, "protest"));
    ses.advance();
    REQUIRE(ses.state() == Session::State::Decision);
    CHECK(ses.chooser() == "partner");
    CHECK_FALSE(ses.waitingForPerson());
    CHECK(
        s.nodes[static_cast<std::size_t>(ses.nodeIndex())].choices[static_cast<std::size_t>(ses.defaultChoice())].id ==
        "partner-soften");
    ses.chooseDefault();
    const Step& step = ses.history()[static_cast<std::size_t>(ses.lastDecisionStep())];
    CHECK(step.byDefault);
    CHECK(step.role == "partner");
}

TEST_CASE("a copy of a session is a save point to rewind to") {
    const Scenario s = small();
    Session ses(s);
    ses.advance();
    const Session saved = ses;
    ses.choose(choiceById(ses, "shut-down"));
    CHECK(ses.meter("trust") == 45);
    ses = saved;
    CHECK(ses.node().id == "first-reply");
    CHECK(ses.meter("trust") == 50);
    ses.choose(choiceById(ses, "name-need"));
    CHECK(ses.node().id == "open-talk");
}

TEST_CASE("history records each step with the meters before and after the choice") {
    const Scenario s = small();
    Session ses(s);
    ses.advance();
    ses.choose(choiceById(ses, "breathe"));
    const auto& h = ses.history();
    REQUIRE(h.size() == 3);
    CHECK(h[0].node == s.nodeIndex("opening"));
    CHECK(h[1].choice == choiceById(ses, "breathe"));
    CHECK(h[1].offered.size() == 4);
    CHECK(h[1].metersOnEntry[0] == 60);
    CHECK(h[1].metersAfter[0] == 45);
    CHECK(h[2].offered.size() == 3);  // the breath is offered once
}

TEST_CASE("role names are filled in") {
    const Scenario s = small();
    CHECK(s.substitute("Twelve messages, {partner}. {nobody} {you}") == "Twelve messages, Sam. {nobody} Alex");
}

TEST_CASE("a story with no way on is stuck, with the reason") {
    const Scenario s = load(R"(format: 1
id: stuck
title: Stuck
summary: s
themes: [regulation]
roles: { me: { name: Me } }
meters: { m: { start: 5 } }
start: a
nodes:
  a:
    text: "x"
    next: [ { if: "m > 10", to: b } ]
  b:
    ending: { kind: mixed, title: "B" }
    text: "b"
)");
    Session ses(s);
    ses.advance();
    CHECK(ses.state() == Session::State::Stuck);
    CHECK(ses.stuckReason() == "no 'next' branch of node 'a' holds");
}

TEST_CASE("scripted tests report where a playthrough diverged") {
    const Scenario s = small();
    TestCase t;
    t.name = "wrong";
    t.choose = {Pick{0, "partner-soften", {}}};
    const TestOutcome o = runTest(s, t);
    CHECK_FALSE(o.passed);
    REQUIRE(o.problems.size() == 1);
    CHECK(o.problems[0] ==
          "step 1: pick 'partner-soften' is not shown at node 'first-reply' (shown: protest, name-need, shut-down, "
          "breathe)");
}

TEST_CASE("regression: a decision visited a thousand times through a silent router is not called stuck") {
    const Scenario s = load(R"(format: 1
id: router
title: Router
summary: s
themes: [regulation]
roles: { me: { name: Me } }
start: a
nodes:
  a:
    text: "Again?"
    choices:
      - { id: loop, text: "Again", style: secure, next: r }
      - { id: stop, text: "Stop", style: secure, next: end }
  r:
    next: a
  end:
    ending: { kind: secure, title: "End" }
    text: "done"
)");
    Session ses(s);
    for (int i = 0; i < 1500; ++i) ses.choose(0);
    CHECK(ses.state() == Session::State::Decision);
    ses.choose(1);
    CHECK(ses.state() == Session::State::Ending);
}

TEST_CASE("a condition written as a block scalar is read like any other") {
    const Scenario s = load(R"(format: 1
id: block
title: Block
summary: s
themes: [regulation]
roles: { me: { name: Me } }
meters: { trust: { start: 50 } }
start: a
nodes:
  a:
    text: "x"
    next:
      - if: |
          trust >= 40
          and trust < 60
        to: yes
      - to: no
  yes:
    ending: { kind: secure, title: "Y" }
    text: "y"
  no:
    ending: { kind: rupture, title: "N" }
    text: "n"
tests:
  - name: quoted and bare numbers both compare with ==
    choose: []
    expect: { ending: yes, meters: { trust: "50" } }
)");
    Session ses(s);
    ses.advance();
    CHECK(ses.node().id == "yes");
    CHECK(runTest(s, s.tests[0]).passed);
}
