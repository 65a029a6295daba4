// The window's --watch, against a real file and inotify: a save in place keeps the story at
// its step with the new words; a save with errors puts its diagnostics over the story, and
// the fix takes them away; Close plays on with the last version; a save by rename that drops
// a picked choice starts again and says why.
#include "sfml/Driver.hpp"
#include "sfml/screens/DiagnosticsScreen.hpp"

#include <SFML/System/Sleep.hpp>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <unistd.h>

using namespace attune;
namespace fs = std::filesystem;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

/// Frames until `done` (at most five seconds: a guard against a hang, not a measure).
template <typename F>
bool until(ui::App& app, F done) {
    for (int i = 0; i < 500; ++i) {
        app.frame();
        if (done()) return true;
        sf::sleep(sf::milliseconds(10));
    }
    return false;
}

std::string smallText() {
    std::ifstream in(fs::path(ATTUNE_SOURCE_DIR) / "tests" / "data" / "small.yaml", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string topName(const ui::App& app) { return app.top() ? app.top()->name() : ""; }

std::string withoutTime(const std::string& s) {
    return std::regex_replace(s, std::regex("[0-9]{2}:[0-9]{2}:[0-9]{2}"), "HH:MM:SS");
}

}  // namespace

TEST_CASE("window --watch: kept step, errors over the story and then fixed, Close, restart by rename") {
    const fs::path dir = fs::temp_directory_path() / fmt::format("attune-watch-window-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path file = dir / "s.yaml";
    const std::string good = smallText();
    std::ofstream(file) << good;
    testing::Open o(file.string(), "protest");
    o.watch = true;
    o.coaching = feedback::Coaching::Off;
    auto app = testing::open(o);
    REQUIRE(topName(*app) == "play");
    CHECK(testing::play(*app).watchNote() == "Each save plays here at once, from where the story stands.");
    CHECK(testing::play(*app).session().node().id == "second-chance");
    CHECK(testing::layoutProblems(*app) == "");

    // A save in place.
    const std::string edited = replaced(good, "Why is that never enough?", "Is that not enough?");
    std::ofstream(file) << edited;
    REQUIRE(until(*app, [&] {
        return testing::play(*app).watchNote() != "Each save plays here at once, from where the story stands.";
    }));
    CHECK(withoutTime(testing::play(*app).watchNote()) ==
          "Reloaded at HH:MM:SS. Your 1 pick was replayed; the story stands where it was.");
    const ui::PlayScreen& kept = testing::play(*app);
    CHECK(kept.session().node().id == "second-chance");
    CHECK(kept.playthrough()
              .scenario()
              .nodes[static_cast<std::size_t>(kept.playthrough().scenario().nodeIndex("defensive"))]
              .text == "I said my phone died. Is that not enough?");
    CHECK(testing::layoutProblems(*app) == "");

    // A save with an error: the diagnostics over the story, word for word.
    std::ofstream(file) << replaced(edited, "next: distance", "next: distanse");
    REQUIRE(until(*app, [&] { return topName(*app) == "diagnostics"; }));
    const auto* d = app->find<ui::DiagnosticsScreen>();
    REQUIRE(d);
    REQUIRE(d->diagnostics().all().size() == 1);
    CHECK(d->diagnostics().all()[0].format() ==
          file.string() +
              ":46:15: error: 'next' goes to unknown node 'distanse' (did you mean 'distance'?) [dangling-next]");
    CHECK(testing::layoutProblems(*app) == "");
    CHECK(app->find<ui::PlayScreen>()->session().node().id == "second-chance");  // waiting beneath
    // The fix: the list goes, and the story goes on where it stood.
    std::ofstream(file) << edited;
    REQUIRE(until(*app, [&] { return topName(*app) == "play"; }));
    CHECK(withoutTime(testing::play(*app).watchNote()) ==
          "Reloaded at HH:MM:SS. Your 1 pick was replayed; the story stands where it was.");
    CHECK(testing::play(*app).session().node().id == "second-chance");

    // Errors again, and Close: the last version plays on.
    std::ofstream(file) << replaced(edited, "next: distance", "next: distanse");
    REQUIRE(until(*app, [&] { return topName(*app) == "diagnostics"; }));
    testing::press(*app, sf::Keyboard::Escape);
    CHECK(topName(*app) == "play");
    CHECK(testing::play(*app).session().node().id == "second-chance");

    // A save by rename, as editors do, that drops the choice picked: a fresh start, and why.
    std::ofstream(dir / ".s.yaml.new") << replaced(replaced(edited, "- id: protest\n", "- id: protest-loudly\n"),
                                                   "choose: [protest]", "choose: [protest-loudly]");
    fs::rename(dir / ".s.yaml.new", file);
    REQUIRE(until(*app, [&] { return testing::play(*app).session().node().id != "second-chance"; }));
    CHECK(
        withoutTime(testing::play(*app).watchNote()) ==
        "Reloaded at HH:MM:SS. Started again from the beginning: step 1: the choice 'protest' at node 'first-reply' no "
        "longer exists or is not shown there.");
    CHECK(testing::play(*app).playthrough().picks().empty());
    CHECK(testing::layoutProblems(*app) == "");
    app.reset();
    fs::remove_all(dir);
}

TEST_CASE("window --watch on a file with errors from the start: its diagnostics, then the story once fixed") {
    const fs::path dir = fs::temp_directory_path() / fmt::format("attune-watch-window-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path file = dir / "s.yaml";
    const std::string good = smallText();
    std::ofstream(file) << replaced(good, "next: distance", "next: distanse");
    testing::Open o(file.string());
    o.watch = true;
    auto app = testing::open(o);
    REQUIRE(topName(*app) == "diagnostics");
    CHECK(testing::layoutProblems(*app) == "");
    std::ofstream(file) << good;
    REQUIRE(until(*app, [&] { return topName(*app) == "play"; }));
    CHECK(withoutTime(testing::play(*app).watchNote()) == "Loaded at HH:MM:SS.");
    CHECK(testing::play(*app).session().node().id == "opening");
    app.reset();
    fs::remove_all(dir);
}
