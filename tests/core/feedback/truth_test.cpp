// Feedback true to the moment: cards never claim a zone the meter contradicts, the
// debrief says only what happened in this run, co-regulation means a regulated helper,
// and the shipped library's secure endings leave every nervous system inside the window.
#include "core/check/Checker.hpp"
#include "core/feedback/Feedback.hpp"
#include "core/model/ZoneWords.hpp"
#include "core/load/Loader.hpp"
#include "core/run/Script.hpp"
#include "core/util/Text.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

using namespace attune;

namespace {

using testing::patterns;

std::vector<Scenario> shipped() {
    std::vector<Scenario> out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(testing::sourceDir() / "scenarios"))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        LoadResult r = loadScenario(f, patterns());
        for (const auto& d : r.diags.all()) MESSAGE(d.format());
        REQUIRE_MESSAGE(r.scenario, f.string());
        out.push_back(std::move(*r.scenario));
    }
    return out;
}

const std::vector<Scenario>& library() {
    static const std::vector<Scenario> s = shipped();
    return s;
}

Scenario fromText(const std::string& yaml) {
    LoadResult r = loadScenarioText(yaml, "inline.yaml", patterns());
    for (const auto& d : r.diags.all()) MESSAGE(d.format());
    REQUIRE(r.scenario);
    REQUIRE_FALSE(r.diags.hasErrors());
    return std::move(*r.scenario);
}

/// Plays the picks with every role played; `stopsEarly` when the picks end before the story does.
Session playIds(const Scenario& s, const std::string& picks, bool stopsEarly = false) {
    std::string err;
    const auto p = parsePicks(picks, err);
    REQUIRE(p);
    ScriptResult r = runScript(s, *p, playedRoles(s, false));
    INFO(r.error);
    CHECK(r.ok != stopsEarly);
    return r.session;
}

/// Every text of a card that says something about the present moment.
std::vector<std::pair<std::string, std::string>> presentTexts(const feedback::ChoiceFeedback& f) {
    std::vector<std::pair<std::string, std::string>> out{{"why", f.why}, {"body", f.body}};
    if (f.pattern) {
        out.emplace_back("what", f.pattern->what);
        out.emplace_back("need", f.pattern->need);
    }
    return out;
}

// A two-role story for the debrief rules: Ana (the player) and Ben.
const char* kCouple = R"yaml(format: 1
id: couple
title: Couple
summary: Two people and a hard moment.
themes: [conflict]
roles:
  ana: { name: Ana, pronouns: she/her }
  ben: { name: Ben, pronouns: he/him }
player: ana
meters:
  ana-arousal: { start: 50, role: ana }
  ben-arousal: { start: 80, role: ben }
start: ana-turn
nodes:
  ana-turn:
    say: narrator
    text: "Ben has just raised his voice."
    choices:
      - id: ana-soothe
        text: "I'm here. Let's slow down."
        style: secure
        pattern: co-regulation
        effects: { ben-arousal: { toward: 50, by: 15 } }
        next: ben-turn
      - id: ana-snap
        text: "Don't shout at me."
        style: anxious
        pattern: criticism-for-needs
        effects: { ana-arousal: +30, ben-arousal: +5 }
        next: ben-turn
      - id: ana-fade
        text: "Whatever."
        style: avoidant
        pattern: withdrawing
        effects: { ana-arousal: +25 }
        next: ben-turn
  ben-turn:
    by: ben
    text: "Ben looks at her."
    choices:
      - id: ben-soft
        text: "Sorry. Let me start again."
        style: secure
        pattern: repair-attempt
        default: true
        effects: { ana-arousal: { toward: 50, by: 10 } }
        next: check
      - id: ben-cold
        text: "I'm done talking."
        style: avoidant
        pattern: stonewalling
        effects: { ana-arousal: +10 }
        next: check
  check:
    next:
      - { if: "ana-arousal >= 90", to: ana-still }
      - { to: last }
  ana-still:
    effects: { ana-arousal: 20 }
    body: "Your hands feel far away."
    choices:
      - id: ana-feet
        text: "(Feel your feet on the floor and look around the room.)"
        style: secure
        pattern: orienting
        effects: { ana-arousal: { toward: 45, by: 15 } }
        next: last
      - id: ana-fine
        text: "I'm fine. It's fine."
        style: avoidant
        pattern: fake-fine
        next: last
  last:
    text: "The evening goes on."
    effects: { ana-arousal: { toward: 50, by: 15 } }
    choices:
      - id: ana-ask
        text: "Can we try that again tomorrow?"
        style: secure
        pattern: name-the-need
        next: done
      - id: ana-sulk
        text: "Forget it."
        style: anxious
        pattern: silent-treatment
        effects: { ana-arousal: +5 }
        next: apart
  done:
    ending: { kind: secure, title: "Back together" }
    text: "They sit together."
  apart:
    ending: { kind: rupture, title: "Apart for now" }
    text: "They sleep apart."
)yaml";

}  // namespace

TEST_CASE("no card of 10,000 seeded random playthroughs per shipped scenario claims a zone the meter contradicts") {
    REQUIRE(library().size() >= 16);
    for (const Scenario& sc : library()) {
        std::set<std::string> everyone;
        for (const Role& r : sc.roles) everyone.insert(r.id);
        std::mt19937 rng(20261201);
        std::set<std::tuple<int, int, int>> checked;  // node, choice, zone: each distinct card once
        std::vector<std::string> wrong;
        int cards = 0, stuck = 0;
        for (int run = 0; run < 10000; ++run) {
            Session s(sc, everyone);
            for (int steps = 0; steps < 400; ++steps) {
                if (s.state() == Session::State::Line) {
                    s.advance();
                    continue;
                }
                if (s.state() != Session::State::Decision) break;
                const auto shown = s.visibleChoices();
                if (shown.empty()) {
                    ++stuck;
                    break;
                }
                s.choose(shown[std::uniform_int_distribution<std::size_t>(0, shown.size() - 1)(rng)]);
                ++cards;
                // Each distinct card (node, choice, the chooser's zone) is explained and read once.
                const Step& st = s.history()[static_cast<std::size_t>(s.lastDecisionStep())];
                const int m = sc.arousalMeter(st.role);
                if (m < 0) continue;
                const Zone z = zoneOf(st.metersOnEntry[static_cast<std::size_t>(m)]);
                if (!checked.insert({st.node, st.choice, static_cast<int>(z)}).second) continue;
                const auto f = feedback::explain(s, patterns(), s.lastDecisionStep());
                REQUIRE(f.zone);
                CHECK(*f.zone == z);
                for (const auto& [field, text] : presentTexts(f))
                    if (const auto* bad = feedback::contradiction(feedback::zoneClaims(text), *f.zone);
                        bad && wrong.size() < 20)
                        wrong.push_back(fmt::format("node {}, choice {}: the {} says \"{}\" at arousal {}",
                                                    sc.nodes[static_cast<std::size_t>(f.node)].id, f.choice + 1, field,
                                                    bad->phrase, f.arousal));
            }
        }
        MESSAGE(sc.id, ": ", cards, " cards, ", checked.size(), " distinct by zone");
        INFO(sc.id, ":\n", text::join(wrong, "\n"));
        CHECK(wrong.empty());
        CHECK(stuck == 0);
        CHECK(cards > 10000);
    }
}

TEST_CASE("a card shows the pattern's body for the chooser's zone at that moment") {
    const Scenario sc = fromText(kCouple);
    const Session s = playIds(sc, "ana-snap,ben-soft,ana-ask");
    // Ana snaps from 50, inside the window (the card is about the state she chose from, not the 80 it led to).
    const auto fa = feedback::explain(s, patterns(), 0);
    REQUIRE(fa.zone);
    CHECK(*fa.zone == Zone::Inside);
    CHECK(fa.arousal == 50);
    CHECK(fa.body == fa.pattern->bodyFor(Zone::Inside));
    // Ben answers at 85, above it.
    const auto fb = feedback::explain(s, patterns(), 1);
    CHECK(*fb.zone == Zone::Above);
    CHECK(fb.body == fb.pattern->bodyFor(Zone::Above));
    CHECK(fb.pattern->bodyFor(Zone::Above) != fb.pattern->bodyFor(Zone::Inside));
}

TEST_CASE("co-regulation counts a regulated helper calming someone above the window") {
    const Scenario sc = fromText(kCouple);
    const auto d = feedback::debrief(playIds(sc, "ana-soothe,ben-soft,ana-ask"), patterns());
    REQUIRE(d.coRegulation.size() == 1);
    CHECK(d.coRegulation[0].calmer == "ana");
    CHECK(d.coRegulation[0].calmed == "ben");
    CHECK(d.coRegulation[0].calmerLevel == 50);
    CHECK(d.coRegulation[0].before == 80);
    CHECK(d.coRegulation[0].after == 65);
    CHECK(d.coRegulation[0].choice == "ana-soothe");
}

TEST_CASE("co-regulation does not count calming someone already inside the window, or a flooded helper") {
    // Ben starts at 40: lowering an already settled meter is not co-regulation.
    std::string calm = kCouple;
    calm.replace(calm.find("ben-arousal: { start: 80"), 24, "ben-arousal: { start: 60");
    const Scenario settled = fromText(calm);
    CHECK(feedback::debrief(playIds(settled, "ana-soothe,ben-soft,ana-ask"), patterns()).coRegulation.empty());
    // Ana at 100, flooded herself: she has no calm to lend, whatever the meter does.
    std::string flooded = kCouple;
    flooded.replace(flooded.find("ana-arousal: { start: 50"), 24, "ana-arousal: { start: 99");
    const Scenario helperFlooded = fromText(flooded);
    // (Ben, now at 65, does calm her: that one counts.)
    const auto fl = feedback::debrief(playIds(helperFlooded, "ana-soothe,ben-soft,ana-ask"), patterns());
    REQUIRE(fl.coRegulation.size() == 1);
    CHECK(fl.coRegulation[0].calmer == "ben");
    CHECK(fl.coRegulation[0].calmerLevel == 65);
    // Ben's repair lowers Ana from 80 to 70: she was above the window and Ben was at 85, above it too.
    const Scenario sc = fromText(kCouple);
    const auto d = feedback::debrief(playIds(sc, "ana-snap,ben-soft,ana-ask"), patterns());
    CHECK(d.coRegulation.empty());
}

TEST_CASE("two people with different runs get different strengths, each from their own choices") {
    const Scenario sc = fromText(kCouple);
    // Neither run has a secure choice by Ana: what is said still comes from what she did.
    const auto a = feedback::debrief(playIds(sc, "ana-snap,ben-soft,ana-sulk"), patterns());
    const auto b = feedback::debrief(playIds(sc, "ana-fade,ben-cold,ana-sulk"), patterns());
    REQUIRE(a.people.size() == 2);
    REQUIRE(b.people.size() == 2);
    CHECK(a.people[0].strengths != b.people[0].strengths);
    CHECK(a.people[0].strengths.front().find("“Don't shout at me.”") != std::string::npos);
    CHECK(b.people[0].strengths.front().find("“Whatever.”") != std::string::npos);
    // Ana's strengths quote Ana's words, never Ben's.
    const auto c = feedback::debrief(playIds(sc, "ana-soothe,ben-soft,ana-ask"), patterns());
    const std::string ana = text::join(c.people[0].strengths, " "), ben = text::join(c.people[1].strengths, " ");
    CHECK(ana.find("I'm here. Let's slow down.") != std::string::npos);
    CHECK(ana.find("Let me start again") == std::string::npos);
    CHECK(ben.find("Let me start again") != std::string::npos);
    CHECK(ana != ben);
}

TEST_CASE("a secure choice at a calm moment is not praised as being made with the nervous system stirred up") {
    const Scenario sc = fromText(kCouple);
    const auto d = feedback::debrief(playIds(sc, "ana-soothe,ben-soft,ana-ask"), patterns());
    for (const auto& s : d.people[0].strengths) {
        CHECK(s.find("above the window") == std::string::npos);
        CHECK(s.find("stirred") == std::string::npos);
    }
}

TEST_CASE("an early stop says nothing about the end") {
    const Scenario sc = fromText(kCouple);
    const auto d = feedback::debrief(playIds(sc, "ana-snap", true), patterns());
    CHECK_FALSE(d.ended());
    const std::string all = feedback::debriefText(d, 200);
    CHECK(all.find("You stopped after 2 steps, before an ending.") != std::string::npos);
    CHECK(all.find("to the end") == std::string::npos);
    CHECK(all.find("You reached") == std::string::npos);
    CHECK(all.find("After a rupture") == std::string::npos);
}

TEST_CASE("practise next quotes a secure option that this story really offered at that moment") {
    const Scenario sc = fromText(kCouple);
    const auto d = feedback::debrief(playIds(sc, "ana-snap,ben-soft,ana-sulk"), patterns());
    const std::string& p = d.people[0].practise;
    CHECK(p.find("“Don't shout at me.”") != std::string::npos);
    CHECK(p.find("“I'm here. Let's slow down.”") != std::string::npos);
}

TEST_CASE("a rupture ending gets a kind note and a pointer to the safety page, never advice to try harder") {
    const Scenario sc = fromText(kCouple);
    const auto d = feedback::debrief(playIds(sc, "ana-snap,ben-soft,ana-sulk"), patterns());
    REQUIRE(d.ended());
    const auto* care = d.section("care");
    REQUIRE(care);
    const std::string text = care->lines[0].text + " " + care->lines[1].text;
    CHECK(text.find("Ruptures are where repair is learned") != std::string::npos);
    CHECK(text.find("not a communication problem to fix by trying harder") != std::string::npos);
    CHECK(text.find("attune about") != std::string::npos);
    CHECK(feedback::debrief(playIds(sc, "ana-soothe,ben-soft,ana-ask"), patterns()).section("care") == nullptr);
}

TEST_CASE("a body going below the window is a state with a way back, never a choice worth replaying") {
    const Scenario sc = fromText(kCouple);
    // 50 + 30 (snap) + 10 (Ben goes cold) = 90: the story enters ana-still, set to 20.
    const Session s = playIds(sc, "ana-snap,ben-cold,ana-fine,ana-sulk");
    const auto d = feedback::debrief(s, patterns());
    REQUIRE(d.shutdowns.size() == 1);
    CHECK(d.shutdowns[0].role == "ana");
    CHECK(d.shutdowns[0].before == 90);
    CHECK(d.shutdowns[0].after == 20);
    CHECK_FALSE(d.shutdowns[0].wayBack.empty());
    const auto* sec = d.section("shutdown");
    REQUIRE(sec);
    CHECK(sec->lines[0].text.find("not a choice, and not a failure") != std::string::npos);
    // "I'm fine" was chosen below the window: it is not listed as a moment worth replaying.
    for (const auto& m : d.replay) CHECK(m.node != "ana-still");
    // The terminal and the window are given the note on entering the node, once.
    int noted = 0;
    for (int i = 0; i < static_cast<int>(s.history().size()); ++i)
        noted += static_cast<int>(feedback::statesAt(s, patterns(), i).size());
    CHECK(noted == 1);
}

TEST_CASE("the JSON report holds the debrief document") {
    const Scenario sc = fromText(kCouple);
    const auto d = feedback::debrief(playIds(sc, "ana-soothe,ben-soft,ana-ask"), patterns());
    const auto j = nlohmann::json::parse(feedback::reportJson(d));
    CHECK(j["scenario"]["id"] == "couple");
    CHECK(j["ending"]["id"] == "done");
    CHECK(j["ending"]["kind"] == "secure");
    CHECK(j["ending"]["title"] == "Back together");
    REQUIRE(j["steps"].size() == d.stepLog.size());
    CHECK(j["steps"][0]["node"] == "ana-turn");
    CHECK(j["steps"][0]["by"] == "ana");
    CHECK(j["steps"][0]["choice"] == "ana-soothe");
    CHECK(j["steps"][0]["style"] == "secure");
    CHECK(j["steps"][0]["pattern"] == "co-regulation");
    CHECK(j["steps"][0]["meters"]["ben-arousal"] == 65);
    CHECK(j["arcs"]["ana"].size() == d.stepLog.size());
    CHECK(j["coregulation"][0]["by"] == "ana");
    CHECK(j["coregulation"][0]["helped"] == "ben");
    CHECK(j["coregulation"][0]["from"] == 80);
    CHECK(j["coregulation"][0]["to"] == 65);
    CHECK(j["strengths"]["ana"].is_string());
    CHECK(j["practice"]["ben"].is_string());
    CHECK(j["replay"].is_array());
    const auto early =
        nlohmann::json::parse(feedback::reportJson(feedback::debrief(playIds(sc, "ana-snap", true), patterns())));
    CHECK(early["ending"].is_null());
}

TEST_CASE(
    "every secure ending of the shipped library has a test whose path leaves every nervous system between 35 and 65") {
    for (const Scenario& sc : library()) {
        std::set<std::string> secure, tested;
        for (const Node& n : sc.nodes)
            if (n.isEnding() && n.ending->kind == EndingKind::Secure) secure.insert(n.id);
        for (const TestCase& t : sc.tests) {
            ScriptResult r = runScript(sc, t.choose, playedRoles(sc, t.solo));
            const Session& s = r.session;
            if (s.state() != Session::State::Ending || !secure.count(s.node().id)) continue;
            tested.insert(s.node().id);
            for (const Meter& m : sc.meters) {
                if (m.kind != MeterKind::Arousal) continue;
                INFO(sc.id, ": test '", t.name, "' ends at ", s.node().id, " with ", m.name, " at ", s.meter(m.name));
                CHECK(s.meter(m.name) >= 35);
                CHECK(s.meter(m.name) <= 65);
            }
        }
        for (const std::string& e : secure) {
            INFO(sc.id, ": secure ending ", e);
            CHECK(tested.count(e) == 1);
        }
    }
}

TEST_CASE("no body or why line of the shipped library appears in more than one file") {
    std::map<std::string, std::string> seen;  // text -> scenario id
    for (const Scenario& sc : library()) {
        std::set<std::string> mine;
        for (const Node& n : sc.nodes) {
            if (!n.body.empty()) mine.insert(n.body);
            for (const auto& [role, text] : n.roleBody) mine.insert(text);
            for (const Choice& c : n.choices)
                if (!c.why.empty()) mine.insert(c.why);
        }
        for (const std::string& t : mine) {
            auto [it, fresh] = seen.emplace(t, sc.id);
            INFO("\"", t, "\" is in ", it->second, " and ", sc.id);
            CHECK(fresh);
        }
    }
}

TEST_CASE("no shipped choice is a freeze, and the breathing choice is worded afresh in every file") {
    std::map<std::string, std::string> breathe;
    for (const Scenario& sc : library())
        for (const Node& n : sc.nodes)
            for (const Choice& c : n.choices) {
                INFO(sc.id, ": ", c.text);
                CHECK(c.pattern != "freeze");
                if (!c.breathe) continue;
                CHECK(c.cond.has_value());  // offered only when it fits the moment
                auto [it, fresh] = breathe.emplace(c.text, sc.id);
                if (it->second != sc.id) CHECK(fresh);
            }
}

TEST_CASE("the validator warns when a secure ending can be reached with a nervous system in shutdown") {
    std::string low = kCouple;
    const std::string settle = "    effects: { ana-arousal: { toward: 50, by: 15 } }\n";
    low.erase(low.find(settle), settle.size());
    LoadResult r = loadScenarioText(low, "low.yaml", patterns());
    std::string all;
    for (const auto& d : r.diags.all()) all += d.format() + "\n";
    CHECK(all.find("[secure-ending-shutdown]") != std::string::npos);
    CHECK(all.find("the secure ending 'done' can be reached with 'ana-arousal' at 20, below the window (shutdown), "
                   "after ana-snap, ben-cold, ana-fine, ana-ask") != std::string::npos);
    LoadResult ok = loadScenarioText(kCouple, "ok.yaml", patterns());
    for (const auto& d : ok.diags.all()) CHECK(d.format().find("secure-ending-shutdown") == std::string::npos);
}

TEST_CASE("regression: a body taken below the window by a choice's own effect gets the note") {
    // Ana's snap sends her from 50 to 80; here a choice sets her straight to 15.
    std::string drop = kCouple;
    drop.replace(drop.find("effects: { ana-arousal: +25 }"), 29, "effects: { ana-arousal: 15 }");
    const Scenario sc = fromText(drop);
    const Session s = playIds(sc, "ana-fade,ben-soft,ana-ask");
    const auto d = feedback::debrief(s, patterns());
    REQUIRE(d.shutdowns.size() == 1);
    CHECK(d.shutdowns[0].before == 50);
    CHECK(d.shutdowns[0].after == 15);
    CHECK(d.section("shutdown") != nullptr);
}

TEST_CASE("regression: a helper below the window is not credited with lending calm") {
    std::string low = kCouple;
    low.replace(low.find("ana-arousal: { start: 50"), 24, "ana-arousal: { start: 20");
    const Scenario sc = fromText(low);
    const auto d = feedback::debrief(playIds(sc, "ana-soothe,ben-soft,ana-ask"), patterns());
    for (const auto& c : d.coRegulation) CHECK(c.calmer != "ana");
}

TEST_CASE("regression: the secure-ending check tells visit counts apart as far as conditions look") {
    const char* yaml = R"yaml(format: 1
id: visits
title: Visits
summary: Waiting.
themes: [regulation]
roles:
  a: { name: A }
meters:
  a-arousal: { start: 50, role: a }
start: wait
nodes:
  wait:
    text: "You wait."
    choices:
      - { id: again, text: "Wait more.", style: secure, next: wait }
      - { id: go, text: "Go.", style: anxious, why: "Enough.", if: "visits(wait) >= 5", effects: { a-arousal: 10 }, next: done }
  done:
    ending: { kind: secure, title: Done }
    text: "Done."
)yaml";
    LoadResult r = loadScenarioText(yaml, "visits.yaml", patterns());
    std::string all;
    for (const auto& d : r.diags.all()) all += d.format() + "\n";
    INFO(all);
    CHECK(all.find("at 10, below the window (shutdown), after again, again, again, again, go;") != std::string::npos);
}

TEST_CASE(
    "regression: a decision with 20,000 choices is refused by the limit, and checked within the exploration's bounds") {
    std::string yaml =
        "format: 1\nid: wide\ntitle: Wide\nsummary: Many ways.\nthemes: [needs]\nroles:\n  a: { name: A }\n"
        "meters:\n  a-arousal: { start: 50, role: a }\nstart: pick\nnodes:\n  pick:\n    text: \"Pick.\"\n    "
        "choices:\n";
    for (int i = 0; i < 20000; ++i)
        yaml += fmt::format("      - {{ text: \"c{0}\", style: secure, if: \"a-arousal > 0\", next: e{0} }}\n", i);
    for (int i = 0; i < 20000; ++i)
        yaml += fmt::format("  e{0}:\n    ending: {{ kind: secure, title: E }}\n    text: \"e\"\n", i);
    LoadResult r = loadScenarioText(yaml, "wide.yaml", patterns());
    CHECK_FALSE(r.scenario.has_value());
    std::string errors;
    for (const auto& d : r.diags.all())
        if (d.severity == Severity::Error) errors += d.format() + "\n";
    CHECK(errors ==
          "wide.yaml:47:9: error: node 'pick' has 20000 choices; a decision is limited to 32 [too-many-choices]\n");
    // Past the limit (docs/limits.md) the checks themselves, the state exploration among them,
    // still stay within their bounds on a decision that wide.
    Diagnostics parsed("wide.yaml");
    std::optional<Scenario> s = parseScenario(yaml, "wide.yaml", parsed);
    REQUIRE(s);
    Diagnostics checked("wide.yaml");
    check::checkScenario(*s, patterns(), checked, true);
    CHECK_FALSE(checked.hasErrors());
}

TEST_CASE(
    "the pursue-withdraw cycle is named when a pursuing move meets withdrawal more than once, and not on a secure "
    "run") {
    LoadResult r = loadScenario(testing::testDir() / "data" / "cycle.yaml", patterns());  // Ana chases, Ben leaves
    REQUIRE(r.scenario);
    const Scenario& sc = *r.scenario;
    const auto chase = feedback::debrief(playIds(sc, "a1-chase,b1-leave,a2-chase,b2-leave"), patterns());
    REQUIRE(chase.cycle);
    CHECK(chase.cycle->pursuer == "ana");
    CHECK(chase.cycle->withdrawer == "ben");
    CHECK(chase.cycle->rounds == std::vector<std::pair<int, int>>{{0, 1}, {2, 3}});
    const auto* sec = chase.section("cycle");
    REQUIRE(sec);
    CHECK(sec->lines[0].text ==
          "Twice here (steps 1 and 2; steps 3 and 4), Ana reached harder and Ben stepped back, and each move made the "
          "other's more likely. Many couples know this loop. It is the pattern between you, not either person's "
          "fault, and either of you can loosen it.");
    CHECK(sec->lines.size() == 3);
    // Once is not a cycle; a secure run has none; and solo play names no pattern for a partner nobody played.
    CHECK_FALSE(feedback::debrief(playIds(sc, "a1-chase,b1-leave,a2-ask,b2-leave"), patterns()).cycle);
    CHECK_FALSE(feedback::debrief(playIds(sc, "a1-ask,b1-stay,a2-ask,b2-stay"), patterns()).cycle);
    std::string err;
    const auto solo = runScript(sc, *parsePicks("a1-chase,a2-chase", err), playedRoles(sc, true));
    CHECK_FALSE(feedback::debrief(solo.session, patterns()).cycle);
}
