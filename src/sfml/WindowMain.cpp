// The seam between the command line and the window: the display check runs
// before any SFML object exists (SFML 2.5 aborts without a display).
#include "sfml/Window.hpp"
#include "sfml/App.hpp"

#include <cstdlib>
#include <iostream>

// Xlib last: its macros (None, Status, ...) would clash with SFML's names.
#include <X11/Xlib.h>

namespace attune::window {

bool windowAvailable(std::string& why) {
    // The probe connection stays open for the life of the program: under Xvfb,
    // closing the only connection and opening the next one at once (as SFML then
    // does) fails now and then, and SFML 2.5 aborts when it does.
    static Display* probe = nullptr;
    if (probe) return true;
    const char* name = std::getenv("DISPLAY");
    Display* d = XOpenDisplay(nullptr);
    if (!d) {
        why = name && *name ? "the display " + std::string(name) + " could not be opened"
                            : "no display: DISPLAY is not set";
        return false;
    }
    int opcode = 0, event = 0, error = 0;
    if (!XQueryExtension(d, "GLX", &opcode, &event, &error)) {
        XCloseDisplay(d);
        why = "the display has no OpenGL (GLX)";
        return false;
    }
    probe = d;
    return true;
}

int runWindow(const WindowOptions& options) {
    ui::App::Failure failure;
    auto app = ui::App::open(options, failure);
    if (!app) {
        std::cerr << "attune: " << failure.message << '\n';
        return failure.exitCode;
    }
    if (options.firstFrame) return app->firstFrame();
    if (options.benchFrames > 0) return app->bench(options.benchFrames);
    if (options.benchProgress > 0) return app->benchProgress(options.benchProgress);
    if (options.benchReload > 0) return app->benchReload(options.benchReload);
    if (!options.screenshot.empty()) return app->screenshot(options.screenshot, options.screenshotDelay);
    return app->run();
}

}  // namespace attune::window
