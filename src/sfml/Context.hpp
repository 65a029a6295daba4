#pragma once
/// The shared services every screen receives: the window, fonts, theme,
/// settings, the scenario library, the journal, the pattern library and the
/// screen stack.
#include "core/journal/Journal.hpp"
#include "core/settings/Settings.hpp"
#include "sfml/Library.hpp"
#include "sfml/Images.hpp"
#include "sfml/ScreenStack.hpp"
#include "sfml/Sound.hpp"
#include "sfml/theme/Theme.hpp"

#include <SFML/Graphics/RenderWindow.hpp>
#include <functional>
#include <memory>

namespace attune::ui {

struct Context {
    explicit Context(sf::RenderWindow& w) : window(w) {}

    sf::RenderWindow& window;
    Fonts fonts;
    Settings settings;       ///< in force now (the file's, with this run's flags on top)
    Settings savedSettings;  ///< as in the file: what a change in the settings screen is saved onto
    std::filesystem::path settingsPath;
    bool saveSettingsOnChange = true;  ///< false for screenshots and the benchmark
    Theme theme;
    sf::Vector2f size{1280, 720};  ///< the logical size screens lay out in
    PatternLibrary patterns;
    ScenarioLibrary library;
    std::unique_ptr<Journal> journal;  ///< null when it could not be opened
    std::string profile;               ///< whose record in the journal ("" is the default one)
    Images images;                     ///< portraits and scenes, loaded once each (before the screens that show them)
    ScreenStack stack;
    bool recordPlays = true;  ///< false for screenshots and the benchmark
    /// Switches between a window and full screen (the App recreates the window).
    std::function<void(bool)> setFullscreen;

    /// Rebuilds the theme from the settings and size, and lays every screen out again.
    void restyle();
    /// Applies changed settings: restyles, switches the display mode if needed, saves.
    void applySettings(const Settings& s);
    /// True when animations should jump to their ends.
    bool still() const { return settings.reducedMotion || screenshot; }
    bool screenshot = false;
    /// A screen changed without an event (the other machine's pick arrived): draw a new frame.
    bool redraw = false;
    /// A line for the player about the last thing done (where a report was saved), or empty.
    std::string notice;
    /// A practice's sound cue, when sound is on (never for screenshots). The tones are made
    /// the first time one is wanted.
    void cue(Cue c);

private:
    std::unique_ptr<Chimes> chimes_;
};

}  // namespace attune::ui
