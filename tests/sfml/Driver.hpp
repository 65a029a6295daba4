#pragma once
// Helpers for driving the window in tests: open it at a size and text size,
// press keys a frame at a time, read pixels, check layouts.
#include "sfml/App.hpp"
#include "sfml/screens/PlayScreen.hpp"

#include <memory>
#include <string>

namespace attune::testing {

struct Open {
    Open(std::string sc = {}, std::string picks = {}, std::string scr = {})
        : scenario(std::move(sc)), script(std::move(picks)), screen(std::move(scr)) {}
    std::string scenario, script, screen;
    unsigned width = 1280, height = 720;
    int textSize = 2;
    bool highContrast = false;
    bool solo = false;
    std::string together;  ///< pass or mirror, with names and roles
    std::vector<std::string> names, roles;
    Reveal reveal = Reveal::Off;
    feedback::Coaching coaching = feedback::Coaching::Immediate;
    bool reducedMotion = true;
    // Two machines.
    bool host = false;  ///< with the host screen: hosting at once
    int port = 47474;   ///< 0: a port the system picks
    std::string code, name;
    // The journal and the practices.
    std::string journal;    ///< a journal file instead of the run's
    std::string practice;   ///< with the breathe screen: which practice
    float practiceAt = -1;  ///< seconds into it
    bool checkins = true;   ///< the setting
    bool watch = false;     ///< --watch: `scenario` is a file, loaded again at each save
};

/// Writes the settings file for `o`, then opens the window as `attune` would.
std::unique_ptr<ui::App> open(const Open& o);

/// Types text (TextEntered events, one per code point) and runs a frame.
void type(ui::App& app, const std::string& utf8);

/// Presses a key and runs a frame.
void press(ui::App& app, sf::Keyboard::Key k, bool shift = false);
/// Runs `n` frames of 1/60 s.
void frames(ui::App& app, int n);
/// Lets `seconds` pass, a sixtieth at a time, without drawing.
void wait(ui::App& app, float seconds);

/// The layout problems of the top screen (empty when sound), one per line.
std::string layoutProblems(const ui::App& app);
std::string layoutProblems(const ui::Screen& screen, sf::Vector2f size);

ui::PlayScreen& play(ui::App& app);

/// Runs the real binary as `env ENV attune ARGS` from the source folder, with
/// `input` on stdin; returns the exit code.
int runBinary(const std::string& env, const std::string& args, const std::string& input, std::string& out,
              std::string& err);

}  // namespace attune::testing
