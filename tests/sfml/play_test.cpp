// Playing with the keyboard alone: number keys, arrows and Enter, Esc; the
// rewind; trying the secure option; the text reveal; the breathing pause; the
// backlog; the debrief's report; progress in the library.
#include "sfml/Driver.hpp"
#include "sfml/screens/BreatheScreen.hpp"
#include "sfml/screens/CoachScreen.hpp"
#include "sfml/screens/DebriefScreen.hpp"
#include "sfml/screens/HistoryScreen.hpp"
#include "sfml/screens/LibraryScreen.hpp"
#include "sfml/screens/DiagnosticsScreen.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace attune;
using attune::testing::Open;
using attune::testing::press;

namespace {

/// Opens The Late Text and reads on to its first decision.
std::unique_ptr<ui::App> atFirstDecision(Open o = {"late-text", "", "play"}) {
    auto app = testing::open(o);
    press(*app, sf::Keyboard::Space);
    press(*app, sf::Keyboard::Space);
    REQUIRE(testing::play(*app).mode() == ui::PlayScreen::Mode::Decision);
    return app;
}

std::string lastChoiceId(ui::App& app) {
    const Session& s = testing::play(app).session();
    const int i = s.lastDecisionStep();
    REQUIRE(i >= 0);
    const Step& st = s.history()[static_cast<std::size_t>(i)];
    return s.scenario().nodes[static_cast<std::size_t>(st.node)].choices[static_cast<std::size_t>(st.choice)].id;
}

}  // namespace

TEST_CASE("a number key picks that choice") {
    auto app = atFirstDecision();
    press(*app, sf::Keyboard::Num3);
    CHECK(lastChoiceId(*app) == "sharp-reply");
    CHECK(std::string(app->top()->name()) == "coach");
}

TEST_CASE("the arrow keys move the selection and Enter picks it") {
    auto app = atFirstDecision();
    auto& p = testing::play(*app);
    CHECK(p.selected() == 0);
    press(*app, sf::Keyboard::Down);
    press(*app, sf::Keyboard::Down);
    press(*app, sf::Keyboard::Down);
    press(*app, sf::Keyboard::Up);
    CHECK(p.selected() == 2);
    press(*app, sf::Keyboard::Enter);
    CHECK(lastChoiceId(*app) == "sharp-reply");
}

TEST_CASE("Esc closes the coaching card, and mid-story, Esc on the play screen asks once before leaving") {
    auto app = atFirstDecision();
    press(*app, sf::Keyboard::Num2);
    REQUIRE(std::string(app->top()->name()) == "coach");
    press(*app, sf::Keyboard::Escape);
    CHECK(std::string(app->top()->name()) == "play");
    press(*app, sf::Keyboard::Escape);  // a choice was made: leaving would lose it, so ask
    CHECK(std::string(app->top()->name()) == "play");
    CHECK(testing::layoutProblems(*app).empty());
    press(*app, sf::Keyboard::Escape);
    CHECK(std::string(app->top()->name()) == "library");
    CHECK(app->context().stack.size() == 1);
}

TEST_CASE("any other key after the question keeps the story going, and before any choice Esc leaves at once") {
    auto app = atFirstDecision();
    press(*app, sf::Keyboard::Num2);
    press(*app, sf::Keyboard::Escape);  // the card
    press(*app, sf::Keyboard::Escape);  // the question
    press(*app, sf::Keyboard::Down);    // no: stay
    press(*app, sf::Keyboard::Escape);  // asks again rather than leaving
    CHECK(std::string(app->top()->name()) == "play");

    auto fresh = atFirstDecision();
    press(*fresh, sf::Keyboard::Escape);
    CHECK(std::string(fresh->top()->name()) == "library");
}

TEST_CASE("the question fits the bar at the largest text size") {
    testing::Open o{"late-text", "sharp-reply,sam-defends", "play"};
    o.textSize = 4;
    auto app = testing::open(o);
    press(*app, sf::Keyboard::Escape);
    REQUIRE(std::string(app->top()->name()) == "play");
    CHECK(testing::layoutProblems(*app).empty());
}

TEST_CASE("a mouse click on a choice picks it") {
    auto app = atFirstDecision();
    const ui::Button& b = testing::play(*app).choiceButtons()[1];
    app->click({b.rect().left + 30, b.rect().top + b.rect().height / 2});
    app->frame();
    CHECK(lastChoiceId(*app) == "gentle-opening");
}

TEST_CASE("rewind returns to the previous decision with the meters as they were") {
    auto app = atFirstDecision();
    auto& p = testing::play(*app);
    const std::vector<int> before = p.session().meters();
    const int node = p.session().nodeIndex();
    CHECK_FALSE(p.canRewind());
    press(*app, sf::Keyboard::Num3);    // sharp-reply: arousal up, trust down
    press(*app, sf::Keyboard::Escape);  // the card
    CHECK(p.session().meters() != before);
    CHECK(p.canRewind());
    press(*app, sf::Keyboard::R);
    CHECK(p.session().nodeIndex() == node);
    CHECK(p.session().meters() == before);
    CHECK(p.mode() == ui::PlayScreen::Mode::Decision);
    CHECK_FALSE(p.canRewind());
}

TEST_CASE("try the secure option rewinds and takes the secure choice that was there") {
    auto app = atFirstDecision();
    press(*app, sf::Keyboard::Num3);  // sharp-reply, anxious
    auto* coach = app->find<ui::CoachScreen>();
    REQUIRE(coach);
    REQUIRE(coach->canTrySecure());
    press(*app, sf::Keyboard::Y);
    CHECK(lastChoiceId(*app) == "gentle-opening");
    // The secure choice gets its own card.
    REQUIRE(app->find<ui::CoachScreen>());
    CHECK(app->find<ui::CoachScreen>()->card().style == Style::Secure);
    CHECK_FALSE(app->find<ui::CoachScreen>()->canTrySecure());
}

TEST_CASE("with coaching at the end, no card interrupts play") {
    Open o{"late-text", "", "play"};
    o.coaching = feedback::Coaching::AtEnd;
    auto app = atFirstDecision(o);
    press(*app, sf::Keyboard::Num3);
    CHECK(std::string(app->top()->name()) == "play");
}

TEST_CASE("the text reveal shows a line bit by bit, and any key shows all of it at once") {
    Open o{"late-text", "", "play"};
    o.reveal = Reveal::Slow;
    o.reducedMotion = false;
    auto app = testing::open(o);
    auto& p = testing::play(*app);
    CHECK(p.revealing());
    const int node = p.session().nodeIndex();
    press(*app, sf::Keyboard::A);
    CHECK_FALSE(p.revealing());
    CHECK(p.session().nodeIndex() == node);  // the key completed the line; it did not move on
    press(*app, sf::Keyboard::Space);
    CHECK(p.session().nodeIndex() != node);
    CHECK(p.revealing());
    testing::wait(*app, 12);  // at 30 characters a second, any line is done in twelve seconds
    CHECK_FALSE(p.revealing());
}

TEST_CASE("the text reveal can be switched off") {
    Open o{"late-text", "", "play"};
    o.reveal = Reveal::Off;
    o.reducedMotion = false;
    auto app = testing::open(o);
    CHECK_FALSE(testing::play(*app).revealing());
}

TEST_CASE("the line is laid out once when it changes, not every frame") {
    Open o{"late-text", "", "play"};
    o.reveal = Reveal::Medium;
    o.reducedMotion = false;
    auto app = testing::open(o);
    auto& p = testing::play(*app);
    const std::size_t before = p.lineLayouts();
    testing::frames(*app, 90);  // the reveal runs, the gauges glide: no new layout
    CHECK(p.lineLayouts() == before);
    press(*app, sf::Keyboard::Space);  // completes the reveal: still the same lines
    CHECK(p.lineLayouts() == before);
    press(*app, sf::Keyboard::Space);  // a new line: laid out once
    CHECK(p.lineLayouts() == before + 1);
    testing::frames(*app, 30);
    CHECK(p.lineLayouts() == before + 1);
}

TEST_CASE("a choice with breathe: true opens the breathing pause, which can be skipped") {
    auto app = atFirstDecision();
    press(*app, sf::Keyboard::Num1);  // breathe-1
    REQUIRE(std::string(app->top()->name()) == "breathe");
    auto* b = app->find<ui::BreatheScreen>();
    REQUIRE(b);
    testing::frames(*app, 60);
    CHECK(b->elapsed() == doctest::Approx(1.f + 1.f / 60.f).epsilon(0.05));
    press(*app, sf::Keyboard::Escape);
    CHECK(std::string(app->top()->name()) == "coach");  // then the card for the choice
    press(*app, sf::Keyboard::Enter);
    CHECK(std::string(app->top()->name()) == "play");
}

TEST_CASE("the breathing pause lasts about a minute and then goes on by itself") {
    auto app = atFirstDecision();
    press(*app, sf::Keyboard::B);                           // Alex is at 72, above the window: the button is there
    REQUIRE(std::string(app->top()->name()) == "toolbox");  // any practice, from the toolbox
    press(*app, sf::Keyboard::Num1);
    REQUIRE(std::string(app->top()->name()) == "breathe");
    testing::wait(*app, 55);
    CHECK(std::string(app->top()->name()) == "breathe");
    testing::wait(*app, 6);
    CHECK(std::string(app->top()->name()) == "play");
}

TEST_CASE("the breathing circle grows and shrinks, and keeps still with reduced motion") {
    Open o{"late-text", "", "breathe"};
    o.reducedMotion = false;
    auto app = testing::open(o);
    auto* b = app->find<ui::BreatheScreen>();
    REQUIRE(b);
    const float start = b->size();
    testing::wait(*app, 3.9f);
    CHECK(b->size() > start);
    testing::wait(*app, 5);
    CHECK(b->size() < 1.f);

    o.reducedMotion = true;
    auto still = testing::open(o);
    auto* c = still->find<ui::BreatheScreen>();
    const float s0 = c->size();
    testing::wait(*still, 3);
    CHECK(c->size() == s0);
}

TEST_CASE("the breathe button is offered only while a player's arousal is above the window") {
    auto app = atFirstDecision();
    auto& p = testing::play(*app);
    CHECK(p.breatheOffered());        // Alex at 72
    press(*app, sf::Keyboard::Num2);  // the gentle opening: 67
    press(*app, sf::Keyboard::Escape);
    CHECK_FALSE(p.breatheOffered());
    press(*app, sf::Keyboard::B);
    CHECK(std::string(app->top()->name()) == "play");
}

TEST_CASE("the backlog shows what was said and chosen, and closes with Esc") {
    auto app = atFirstDecision();
    press(*app, sf::Keyboard::Num2);
    press(*app, sf::Keyboard::Escape);
    press(*app, sf::Keyboard::H);
    REQUIRE(std::string(app->top()->name()) == "history");
    bool found = false;
    for (const auto& b : app->boxes()) found = found || b.name == "Alex chose · Secure";
    CHECK(found);
    press(*app, sf::Keyboard::Escape);
    CHECK(std::string(app->top()->name()) == "play");
}

TEST_CASE("the ending leads to the debrief, which saves Markdown and HTML reports") {
    auto app = testing::open({"late-text",
                              "sharp-reply,sam-defends,own-it,sam-meets-repair,name-fear,sam-validates,"
                              "ask-for-text,sam-offers-text,warm-close",
                              "play"});
    auto& p = testing::play(*app);
    REQUIRE(p.mode() == ui::PlayScreen::Mode::Ending);
    press(*app, sf::Keyboard::Enter);
    auto* d = app->find<ui::DebriefScreen>();
    REQUIRE(d);
    CHECK(d->debrief().endingNode == "same-side");
    const auto md = d->saveReport();
    REQUIRE_FALSE(md.empty());
    CHECK(std::filesystem::exists(md));
    auto html = md;
    html.replace_extension(".html");
    CHECK(std::filesystem::exists(html));
    CHECK(app->context().notice.find("Saved to") == 0);
}

TEST_CASE("replaying a moment from the debrief goes back to that decision") {
    auto app = testing::open({"late-text",
                              "sharp-reply,sam-defends,own-it,sam-meets-repair,name-fear,sam-validates,"
                              "ask-for-text,sam-offers-text,warm-close",
                              "debrief"});
    auto* d = app->find<ui::DebriefScreen>();
    REQUIRE(d);
    REQUIRE_FALSE(d->debrief().replay.empty());
    const int step = d->debrief().replay.front().step;
    press(*app, sf::Keyboard::Num1);
    CHECK(std::string(app->top()->name()) == "play");
    auto& p = testing::play(*app);
    CHECK(p.mode() == ui::PlayScreen::Mode::Decision);
    CHECK(static_cast<int>(p.session().history().size()) - 1 == step);
}

TEST_CASE("a finished playthrough is recorded, and the library shows it") {
    auto app = testing::open({"late-text",
                              "sharp-reply,sam-defends,own-it,sam-meets-repair,name-fear,sam-validates,"
                              "ask-for-text,sam-offers-text,warm-close",
                              "play"});
    REQUIRE(app->context().journal);
    const int before = app->context().journal->progress("late-text").plays;
    press(*app, sf::Keyboard::Enter);  // recorded when the player moves on, to the debrief
    CHECK(app->context().journal->progress("late-text").plays == before + 1);
    press(*app, sf::Keyboard::Escape);
    const auto progress = app->context().journal->progress("late-text");
    CHECK(progress.completed());
    CHECK(std::find(progress.endingsFound.begin(), progress.endingsFound.end(), "same-side") !=
          progress.endingsFound.end());
    if (std::string(app->top()->name()) != "library") press(*app, sf::Keyboard::Escape);
    REQUIRE(std::string(app->top()->name()) == "library");
    auto* lib = app->find<ui::LibraryScreen>();
    const auto ids = lib->shownIds();
    const auto it = std::find(ids.begin(), ids.end(), "late-text");
    REQUIRE(it != ids.end());
    lib->select(static_cast<std::size_t>(it - ids.begin()));
    bool tick = false, endings = false;
    for (const auto& b : lib->boxes()) {
        tick = tick || (b.name == "row tick");
        endings = endings || b.name.find("endings found") != std::string::npos;
    }
    CHECK(tick);
    CHECK(endings);
}

TEST_CASE("the library filters by theme and plays the chosen scenario alone or together") {
    auto app = testing::open({});
    auto* lib = app->find<ui::LibraryScreen>();
    REQUIRE(lib);
    const auto all = lib->shownIds().size();
    press(*app, sf::Keyboard::Right);  // Needs
    CHECK(lib->filter() == 1);
    CHECK(lib->shownIds().size() <= all);
    for (const auto& id : lib->shownIds()) {
        const Scenario& s = app->context().library.find(id)->meta;
        CHECK(std::find(s.themes.begin(), s.themes.end(), Theme::Needs) != s.themes.end());
    }
    press(*app, sf::Keyboard::Left);
    CHECK(lib->filter() == 0);
    press(*app, sf::Keyboard::Down);
    CHECK(lib->selected() == 1);
    const std::string chosen = lib->shownIds()[1];
    press(*app, sf::Keyboard::T);
    REQUIRE(std::string(app->top()->name()) == "together");
    press(*app, sf::Keyboard::Enter);
    auto& p = testing::play(*app);
    CHECK(p.session().scenario().id == chosen);
    CHECK(p.together());
    CHECK(p.couple());
}

namespace {
/// The number key for a choice id among those shown now.
sf::Keyboard::Key keyFor(ui::PlayScreen& p, const std::string& id) {
    const auto shown = p.session().visibleChoices();
    for (std::size_t k = 0; k < shown.size(); ++k)
        if (p.session().node().choices[static_cast<std::size_t>(shown[k])].id == id)
            return static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + static_cast<int>(k));
    FAIL("choice " << id << " is not shown");
    return sf::Keyboard::Num1;
}
}  // namespace

TEST_CASE("regression: an ending left by trying the secure option is not recorded") {
    auto app = testing::open({"late-text", "its-fine,sam-takes-fine,check-photos,call-again", "play"});
    const int before = app->context().journal->progress("late-text").plays;  // the journal is shared by the run
    auto& p = testing::play(*app);
    REQUIRE(p.mode() == ui::PlayScreen::Mode::Decision);
    press(*app, keyFor(p, "sam-silences"));  // the cold night, under the coaching card...
    REQUIRE(p.mode() == ui::PlayScreen::Mode::Ending);
    REQUIRE(std::string(app->top()->name()) == "coach");
    press(*app, sf::Keyboard::Y);  // ...left at once for the secure option
    CHECK(p.mode() != ui::PlayScreen::Mode::Ending);
    CHECK(app->context().journal->progress("late-text").plays == before);
}

TEST_CASE("regression: rewinding from an ending and reaching it again records one playthrough") {
    auto app = testing::open({"late-text",
                              "sharp-reply,sam-defends,own-it,sam-meets-repair,name-fear,sam-validates,"
                              "ask-for-text,sam-offers-text,warm-close",
                              "play"});
    const int before = app->context().journal->progress("late-text").plays;
    auto& p = testing::play(*app);
    REQUIRE(p.mode() == ui::PlayScreen::Mode::Ending);
    press(*app, sf::Keyboard::R);
    REQUIRE(p.mode() == ui::PlayScreen::Mode::Decision);
    press(*app, keyFor(p, "warm-close"));
    if (std::string(app->top()->name()) == "coach") press(*app, sf::Keyboard::Escape);
    REQUIRE(p.mode() == ui::PlayScreen::Mode::Ending);
    press(*app, sf::Keyboard::Enter);  // on to the debrief
    CHECK(app->context().journal->progress("late-text").plays == before + 1);
}

TEST_CASE("regression: the debrief can lay itself out again while replay buttons are focusable") {
    testing::Open o{"late-text",
                    "sharp-reply,sam-defends,own-it,sam-meets-repair,name-fear,sam-validates,ask-for-text,sam-offers-"
                    "text,warm-close",
                    "debrief"};
    o.width = 1024;
    o.height = 768;
    o.textSize = 0;
    auto app = testing::open(o);
    REQUIRE(std::string(app->top()->name()) == "debrief");
    for (int i = 0; i < 3; ++i) {
        press(*app, sf::Keyboard::PageDown);
        press(*app, sf::Keyboard::PageUp);
    }
    press(*app, sf::Keyboard::Tab);
    press(*app, sf::Keyboard::PageDown);
    CHECK(testing::layoutProblems(*app).empty());
}

TEST_CASE("regression: a theme filter that matches nothing offers nothing to play") {
    const auto dir = std::filesystem::temp_directory_path() / "attune-one-scenario";
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(std::filesystem::path(ATTUNE_SOURCE_DIR) / "scenarios" / "late-text.yaml",
                               dir / "late-text.yaml", std::filesystem::copy_options::overwrite_existing);
    ::setenv("ATTUNE_SCENARIOS", dir.c_str(), 1);
    auto app = testing::open({"", "", "library"});
    ::unsetenv("ATTUNE_SCENARIOS");
    auto* lib = app->find<ui::LibraryScreen>();
    REQUIRE(lib);
    REQUIRE(lib->shownIds() == std::vector<std::string>{"late-text"});
    press(*app, sf::Keyboard::Right);  // needs
    press(*app, sf::Keyboard::Right);  // boundaries: The Late Text is not about boundaries
    CHECK(lib->shownIds().empty());
    for (const auto& b : app->boxes()) CHECK(b.name != "play alone");
    press(*app, sf::Keyboard::Enter);
    CHECK(std::string(app->top()->name()) == "library");
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "the library comes from its index, and a story that broke after the index was written shows its errors when "
    "opened") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("attune-index-window-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path file = dir / "late-text.yaml";
    fs::copy_file(fs::path(ATTUNE_SOURCE_DIR) / "scenarios" / "late-text.yaml", file);
    ::setenv("ATTUNE_SCENARIOS", dir.c_str(), 1);
    {
        auto app = testing::open({"", "", "library"});
        CHECK(app->context().library.counts().loaded == 1);
    }
    // The same size and time, other bytes: the index still trusts it, and opening it finds out.
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    const auto when = fs::last_write_time(file);
    const auto at = text.find("\nstart: ");
    REQUIRE(at != std::string::npos);
    text.replace(at, 8, "\nstart; ");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    fs::last_write_time(file, when);
    auto app = testing::open({"", "", "library"});
    ::unsetenv("ATTUNE_SCENARIOS");
    CHECK(app->context().library.counts().fromIndex == 1);
    auto* lib = app->find<ui::LibraryScreen>();
    REQUIRE(lib);
    REQUIRE(lib->shownIds() == std::vector<std::string>{"late-text"});
    CHECK(app->context().library.find("late-text")->full == nullptr);  // not loaded until it is opened
    press(*app, sf::Keyboard::Enter);
    REQUIRE(std::string(app->top()->name()) == "diagnostics");
    CHECK(app->find<ui::DiagnosticsScreen>()->diagnostics().errorCount() >= 1);
    CHECK(testing::layoutProblems(*app).empty());
    press(*app, sf::Keyboard::Escape);
    CHECK(std::string(app->top()->name()) == "library");
    fs::remove_all(dir);
}

TEST_CASE("regression: a debrief before any ending names no ending kind") {
    auto app = testing::open({"late-text", "sharp-reply,sam-defends", "debrief"});
    REQUIRE(std::string(app->top()->name()) == "debrief");
    bool badge = false, stopped = false;
    for (const auto& b : app->boxes()) {
        badge = badge || b.name == "ending kind";
        stopped = stopped || b.name == "ending title";
    }
    CHECK_FALSE(badge);
    CHECK(stopped);
    CHECK(testing::layoutProblems(*app).empty());
}

TEST_CASE("a playthrough left half-way is offered when its scenario is opened again, and goes on where it stood") {
    std::string node;
    std::vector<int> meters;
    {
        auto app = testing::open({});
        auto* lib = app->find<ui::LibraryScreen>();
        const auto ids = lib->shownIds();
        const auto it = std::find(ids.begin(), ids.end(), "late-text");
        REQUIRE(it != ids.end());
        lib->select(static_cast<std::size_t>(it - ids.begin()));
        lib->play(false);
        app->frame();
        if (std::string(app->top()->name()) == "resume") press(*app, sf::Keyboard::N);  // an earlier test's
        REQUIRE(std::string(app->top()->name()) == "checkin");  // the check-in before: skipped with one key
        press(*app, sf::Keyboard::Escape);
        auto& p = testing::play(*app);
        const auto toDecision = [&] {
            for (int i = 0; i < 50 && !(p.mode() == ui::PlayScreen::Mode::Decision && app->top() == &p); ++i)
                press(*app, app->top() == &p ? sf::Keyboard::Space : sf::Keyboard::Escape);
        };
        toDecision();
        press(*app, keyFor(p, "sharp-reply"));
        toDecision();
        node = p.session().node().id;
        meters = p.session().meters();
    }  // the window closes mid-story
    auto app = testing::open({});
    auto* lib = app->find<ui::LibraryScreen>();
    const auto ids = lib->shownIds();
    lib->select(static_cast<std::size_t>(std::find(ids.begin(), ids.end(), "late-text") - ids.begin()));
    lib->play(false);
    app->frame();
    REQUIRE(std::string(app->top()->name()) == "resume");
    CHECK(testing::layoutProblems(*app) == "");
    press(*app, sf::Keyboard::Enter);
    REQUIRE(std::string(app->top()->name()) == "checkin");
    press(*app, sf::Keyboard::Escape);
    auto& p = testing::play(*app);
    while (p.mode() == ui::PlayScreen::Mode::Line) press(*app, sf::Keyboard::Space);
    CHECK(p.session().node().id == node);
    CHECK(p.session().meters() == meters);
    const auto& picks = p.playthrough().picks();
    CHECK(std::count_if(picks.begin(), picks.end(), [](const PickRecord& r) { return !r.byDefault; }) == 1);
    CHECK(picks.front().choice == "sharp-reply");
}
