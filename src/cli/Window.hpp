#pragma once
/// The seam between the command line and the SFML window front end.
/// Built without the window (ATTUNE_WINDOW=OFF), windowAvailable() says why not.
#include <string>

namespace attune::cli {

struct WindowOptions {
    std::string screenshot;   ///< save a PNG of the screen reached, then exit
    std::string scenario;     ///< scenario id (or file) to open straight away
    std::string script;       ///< picks to play before showing (as for play --script)
    std::string screen;       ///< library, play, coach, breathe, history, debrief, settings
    std::string size;         ///< "1280x720"; empty: the saved or default size
    bool highContrast = false;
    int textSize = -1;        ///< 0..4 (small .. largest); -1: the saved setting
    bool reducedMotion = false;
    bool fullscreen = false;
    bool solo = false;        ///< with --scenario: play only the player role
    int benchFrames = 0;      ///< > 0: run the frame-time benchmark for N frames
};

/// True when a display can be opened; otherwise `why` says in one line why not.
bool windowAvailable(std::string& why);

/// Runs the window front end; returns the exit code.
int runWindow(const WindowOptions& options);

}  // namespace attune::cli
