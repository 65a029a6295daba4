// Settings: saved per user under $XDG_CONFIG_HOME, read back the same; a bad
// file gives the defaults and one warning, never a crash; the screen saves.
#include "sfml/Driver.hpp"
#include "sfml/screens/SettingsScreen.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sys/stat.h>

using namespace attune;

namespace {
void write(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}
}  // namespace

TEST_CASE("settings live in $XDG_CONFIG_HOME/attune/settings.yaml") {
    const char* x = std::getenv("XDG_CONFIG_HOME");
    REQUIRE(x);
    CHECK(settingsPath() == std::filesystem::path(x) / "attune" / "settings.yaml");
}

TEST_CASE("settings saved are the settings loaded") {
    const auto file = std::filesystem::path(std::getenv("XDG_CONFIG_HOME")) / "round" / "settings.yaml";
    Settings s;
    s.textSize = 4;
    s.highContrast = true;
    s.reducedMotion = true;
    s.reveal = Reveal::Fast;
    s.coaching = feedback::Coaching::AtEnd;
    s.fullscreen = true;
    std::string error;
    REQUIRE(saveSettings(s, file, error));
    const SettingsLoad l = loadSettings(file);
    CHECK(l.warning.empty());
    CHECK(l.settings == s);
}

TEST_CASE("a missing settings file gives the defaults without a word") {
    const SettingsLoad l =
        loadSettings(std::filesystem::path(std::getenv("XDG_CONFIG_HOME")) / "none" / "settings.yaml");
    CHECK(l.warning.empty());
    CHECK(l.settings == Settings{});
}

TEST_CASE("a broken settings file gives the defaults and one warning line") {
    const auto file = std::filesystem::path(std::getenv("XDG_CONFIG_HOME")) / "broken" / "settings.yaml";
    write(file, "text-size: [1, 2\n  high-contrast: :\n");
    const SettingsLoad l = loadSettings(file);
    CHECK(l.settings == Settings{});
    CHECK(l.warning.find("using the default settings") != std::string::npos);
    CHECK(l.warning.find('\n') == std::string::npos);
}

TEST_CASE("regression: a settings path that is a folder or a FIFO gives the defaults, never a crash or a hang") {
    const auto base = std::filesystem::path(std::getenv("XDG_CONFIG_HOME")) / "odd";
    std::filesystem::create_directories(base / "folder" / "settings.yaml");
    const SettingsLoad folder = loadSettings(base / "folder" / "settings.yaml");
    CHECK(folder.settings == Settings{});
    CHECK(folder.warning.find("using the default settings") != std::string::npos);

    const auto fifo = base / "fifo.yaml";
    std::filesystem::remove(fifo);
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const SettingsLoad pipe = loadSettings(fifo);  // reading it would block forever
    CHECK(pipe.settings == Settings{});
    CHECK(pipe.warning == fifo.string() + ": cannot be read (it is not a regular file); using the default settings");
}

TEST_CASE("a bad value falls back to its default and keeps the good ones") {
    const auto file = std::filesystem::path(std::getenv("XDG_CONFIG_HOME")) / "bad" / "settings.yaml";
    write(file, "text-size: 9\nhigh-contrast: true\ncoaching: sometimes\n");
    const SettingsLoad l = loadSettings(file);
    CHECK(l.settings.textSize == Settings{}.textSize);
    CHECK(l.settings.highContrast);
    CHECK(l.settings.coaching == Settings{}.coaching);
    CHECK(l.warning.find("'text-size: 9' should be a number from 0 to 4") != std::string::npos);
    CHECK(l.warning.find("coaching") != std::string::npos);
    CHECK(l.warning.find('\n') == std::string::npos);
}

TEST_CASE("the settings screen applies a change at once and saves it") {
    auto app = testing::open({"", "", "settings"});
    auto* s = app->find<ui::SettingsScreen>();
    REQUIRE(s);
    const unsigned before = app->context().theme.type.body;
    CHECK(s->row() == 0);  // text size
    testing::press(*app, sf::Keyboard::Right);
    CHECK(app->context().settings.textSize == 3);
    CHECK(app->context().theme.type.body > before);  // reflowed at once
    testing::press(*app, sf::Keyboard::Down);        // theme
    testing::press(*app, sf::Keyboard::Right);
    CHECK(app->context().settings.highContrast);
    CHECK(loadSettings(settingsPath()).settings.textSize == 3);
    CHECK(loadSettings(settingsPath()).settings.highContrast);
    CHECK(testing::layoutProblems(*app).empty());
    testing::press(*app, sf::Keyboard::Escape);
    CHECK(std::string(app->top()->name()) == "library");
}

TEST_CASE("a bad settings file does not stop the window from opening") {
    write(settingsPath(), "{{{ not yaml");
    window::WindowOptions w;
    w.size = "1280x720";
    ui::App::Failure failure;
    auto app = ui::App::open(w, failure);
    REQUIRE(app);
    CHECK(app->context().settings == Settings{});
}

TEST_CASE("regression: settings given for one run are not saved when another setting changes") {
    auto app = testing::open({"", "", "library"});
    ui::Context& c = app->context();
    // As `attune --high-contrast --text-size 4` does: in force for this run only.
    c.settings.highContrast = true;
    c.settings.textSize = 4;
    Settings changed = c.settings;
    changed.reveal = Reveal::Off;  // the player changes one thing
    c.applySettings(changed);
    const Settings onDisk = loadSettings(c.settingsPath).settings;
    CHECK(onDisk.reveal == Reveal::Off);
    CHECK(onDisk.highContrast == c.savedSettings.highContrast);
    CHECK_FALSE(onDisk.highContrast);
    CHECK(onDisk.textSize == Settings{}.textSize);
    CHECK(c.settings.highContrast);  // still in force for this run
}

TEST_CASE("withChanges applies exactly the fields that changed") {
    Settings base;
    base.textSize = 1;
    Settings before = base;
    before.highContrast = true;  // a flag for this run
    Settings after = before;
    after.coaching = feedback::Coaching::Off;
    const Settings out = withChanges(base, before, after);
    CHECK(out.textSize == 1);
    CHECK_FALSE(out.highContrast);
    CHECK(out.coaching == feedback::Coaching::Off);
}
