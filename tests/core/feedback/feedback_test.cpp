#include "core/check/Checker.hpp"
#include "core/feedback/Feedback.hpp"
#include "core/load/Patterns.hpp"
#include "core/load/Loader.hpp"
#include "core/run/Script.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>

using namespace attune;

namespace {

using testing::patterns;

const Scenario& small() {
    static const Scenario s = testing::loadTestScenario("data/small.yaml");
    return s;
}

Session play(const std::string& picks, bool solo = false) {
    std::string err;
    auto p = parsePicks(picks, err);
    REQUIRE(p);
    ScriptResult r = runScript(small(), *p, playedRoles(small(), solo));
    REQUIRE_MESSAGE(r.ok, r.error);
    return r.session;
}

}  // namespace

TEST_CASE("the shipped pattern library loads cleanly with at least 30 patterns of every style") {
    Diagnostics d;
    const PatternLibrary lib = loadDefaultPatternLibrary(d);
    for (const auto& x : d.all()) MESSAGE(x.format());
    CHECK(d.all().empty());
    CHECK(lib.all().size() >= 30);
    std::array<int, 4> styles{};
    for (const Pattern& p : lib.all()) {
        ++styles[static_cast<std::size_t>(p.style)];
        CHECK_FALSE(p.what.empty());
        CHECK_FALSE(p.need.empty());
        // Every card shows the body text for the chooser's zone, so every zone has one.
        CHECK(p.zoned);
        for (Zone z : kZones) CHECK_FALSE(p.bodyFor(z).empty());
        CHECK_FALSE(p.instead.empty());
        CHECK_FALSE(p.themes.empty());
    }
    for (int n : styles) CHECK(n >= 3);
    // No pattern text claims a zone where a card could contradict the meter.
    Diagnostics claims;
    check::checkPatterns(lib.all(), claims);
    for (const auto& x : claims.all()) MESSAGE(x.format());
    CHECK(claims.all().empty());
}

TEST_CASE("the horsemen are behaviours any strategy can reach for, so their patterns allow several styles") {
    Diagnostics d;
    const PatternLibrary lib = loadDefaultPatternLibrary(d);
    for (const char* id : {"criticism-for-needs", "contempt", "defensiveness", "stonewalling"}) {
        const Pattern* p = lib.find(id);
        REQUIRE(p);
        CHECK(p->styles.size() >= 2);
    }
    CHECK(lib.find("contempt")->allows(Style::Anxious));
    CHECK(lib.find("defensiveness")->allows(Style::Anxious));
    CHECK_FALSE(lib.find("name-the-need")->allows(Style::Anxious));
    REQUIRE(lib.find("orienting"));
    CHECK(lib.find("orienting")->style == Style::Secure);
}

TEST_CASE("a non-secure choice is explained with its pattern, meter changes and the secure options on offer") {
    const Session s = play("protest,partner-soften");
    const int step = 1;  // opening is step 0
    const auto f = feedback::explain(s, patterns(), step);
    CHECK(f.role == "you");
    CHECK(f.roleName == "Alex");
    CHECK(f.text == "Twelve messages, Sam. Do you even care?");
    CHECK(f.style == Style::Anxious);
    CHECK(f.theme == Theme::Conflict);
    REQUIRE(f.pattern);
    CHECK(f.pattern->id == "protest-behaviour");
    CHECK(f.headline() == "Anxious: " + f.pattern->title);
    REQUIRE(f.changes.size() == 2);
    CHECK(f.changes[0].label == "Your nervous system");
    CHECK(f.changes[0].before == 60);
    CHECK(f.changes[0].after == 75);
    CHECK(f.changes[1].delta() == -10);
    REQUIRE(f.secureAlternatives.size() == 2);
    CHECK(f.secureAlternatives[0].text == "I got really worried. Can we talk for a minute?");
    CHECK(f.secureAlternatives[1].text == "(Take a slow breath before answering.)");  // the breath goes last
}

TEST_CASE("a secure choice lists no alternatives") {
    const Session s = play("name-need");
    const auto f = feedback::explain(s, patterns(), 1);
    CHECK(f.style == Style::Secure);
    CHECK(f.secureAlternatives.empty());
}

TEST_CASE("the debrief counts styles per theme, draws one arc point per step and finds replay moments") {
    const Session s = play("protest,partner-defend");
    const auto d = feedback::debrief(s, patterns());
    CHECK(d.endingNode == "rupture");
    CHECK(d.endingKind == EndingKind::Rupture);
    CHECK(d.bestNode == "reconnected");
    CHECK_FALSE(d.reachedBest);
    REQUIRE(d.people.size() == 2);
    CHECK(d.people[0].name == "Alex");
    CHECK(d.people[0].styles == std::array<int, 4>{0, 1, 0, 0});
    CHECK(d.people[0].byTheme[static_cast<std::size_t>(Theme::Conflict)][1] == 1);
    CHECK(d.people[1].name == "Sam");
    CHECK(d.people[1].styles == std::array<int, 4>{0, 0, 1, 0});
    REQUIRE(d.arcs.size() == 1);
    CHECK(d.arcs[0].values.size() == s.history().size());
    CHECK(d.arcs[0].values == std::vector<int>{60, 60, 75, 75, 75});  // as each step began
    CHECK(d.arcs[0].zoneSteps == std::array<int, 3>{0, 2, 3});
    REQUIRE(d.replay.size() == 2);
    CHECK(d.replay[0].node == "first-reply");
    CHECK(d.replay[0].secureText == "I got really worried. Can we talk for a minute?");
    CHECK(d.replay[1].node == "second-chance");
    REQUIRE(d.topPatterns.size() == 2);
    CHECK(d.topPatterns[0].pattern->id == "protest-behaviour");
    CHECK(d.topPatterns[0].arousalRise == 15);
    // Practise next quotes the secure option this story really offered at that moment.
    CHECK(d.people[0].practise.find("“I got really worried. Can we talk for a minute?”") != std::string::npos);
}

TEST_CASE("a partner whose own nervous system has no meter is not credited with lending calm") {
    // Sam's soft answer lowers Alex from 75 to 65, but nothing shows that Sam was regulated.
    const Session s = play("protest,partner-soften");
    CHECK(feedback::debrief(s, patterns()).coRegulation.empty());
}

TEST_CASE("solo play shows only the player's choices, not the defaults taken for the partner") {
    const Session s = play("protest", true);
    const auto d = feedback::debrief(s, patterns());
    REQUIRE(d.people.size() == 1);
    CHECK(d.people[0].choices.size() == 1);
    CHECK(d.reachedBest);
    CHECK(d.replay.size() == 1);
}

TEST_CASE("the strength names what the choices showed") {
    const auto breathe = feedback::debrief(play("breathe,name-need"), patterns());
    CHECK(breathe.people[0].strengths.front().find("pause") != std::string::npos);
    const auto secure = feedback::debrief(play("name-need"), patterns());
    CHECK(secure.people[0].strengths.front().find("“I got really worried. Can we talk for a minute?”") !=
          std::string::npos);
}

TEST_CASE("the HTML report is self-contained and draws one point per step per arc") {
    const Session s = play("breathe,protest,partner-soften");
    const auto d = feedback::debrief(s, patterns());
    const std::string html = feedback::reportHtml(d);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("http") == html.find("http://www.w3.org/2000/svg"));  // the SVG namespace is the only address
    std::size_t points = 0;
    for (std::size_t at = html.find("class=\"point\""); at != std::string::npos;
         at = html.find("class=\"point\"", at + 1))
        ++points;
    CHECK(points == s.history().size());
}
