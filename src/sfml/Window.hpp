#pragma once
/// The window front end's entry points and options: what the command line calls.
/// Nothing here includes SFML, so the CLI can include it whether or not the window
/// is built; without it (ATTUNE_WINDOW=OFF), NoWindow.cpp stands in and
/// windowAvailable() says why not.
#include <string>
#include <vector>

namespace attune::window {

struct WindowOptions {
    std::string screenshot;  ///< save a PNG of the screen reached, then exit
    std::string scenario;    ///< scenario id (or file) to open straight away
    std::string script;      ///< picks to play before showing (as for play --script)
    std::string screen;  ///< library, play, coach, breathe, history, debrief, settings, together, reveal, host, join
    std::string size;    ///< "1280x720"; empty: the saved or default size
    bool highContrast = false;
    int textSize = -1;  ///< 0..4 (small .. largest); -1: the saved setting
    bool reducedMotion = false;
    bool fullscreen = false;
    bool solo = false;                      ///< with --scenario: play only the player role
    bool watch = false;                     ///< with --scenario FILE: play each save of the file again (authors)
    std::string together;                   ///< with --scenario: "pass" or "mirror", two people at one screen
    std::vector<std::string> names, roles;  ///< with together: the people's names and roles
    // Two machines.
    bool host = false;          ///< with --scenario: host it at once (the pairing code and addresses)
    std::string join;           ///< HOST or HOST:PORT: join it at once (with `code`)
    std::string code;           ///< the pairing code (hosting: instead of a random one)
    std::string name;           ///< this machine's person's name
    std::string role;           ///< hosting: the role this machine's person plays
    int port = 47474;           ///< hosting: the port to listen on
    std::string journal;        ///< the journal file; empty: the XDG data folder's
    std::string profile;        ///< whose record (partners sharing a machine keep separate ones)
    std::string practice;       ///< with --screen breathe: the practice (paced when empty)
    float practiceAt = -1;      ///< with --screen breathe: seconds into it (-1: the usual moment)
    float screenshotDelay = 0;  ///< seconds to keep playing before the screenshot (a partner's move may come)
    int benchFrames = 0;        ///< > 0: run the frame-time benchmark for N frames
    int benchProgress = 0;      ///< > 0: open the progress screen N times, printing how long it takes
    int benchReload = 0;        ///< > 0 (with watch): save the watched file N times, printing save-to-screen times
    bool firstFrame = false;  ///< bench --startup's child: draw the first frame, print the monotonic clock in ns, exit
};

/// True when a display can be opened; otherwise `why` says in one line why not.
bool windowAvailable(std::string& why);

/// Runs the window front end; returns the exit code.
int runWindow(const WindowOptions& options);

}  // namespace attune::window
