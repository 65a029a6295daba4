// Placeholder until the window front end lands: checks for a display without
// creating any SFML object, and says the window is not ready yet.
#include "cli/Window.hpp"

#include <X11/Xlib.h>

namespace attune::cli {

bool windowAvailable(std::string& why) {
    Display* d = XOpenDisplay(nullptr);
    if (!d) {
        why = "no display could be opened";
        return false;
    }
    XCloseDisplay(d);
    why = "the window front end is not built yet";
    return false;
}

int runWindow(const WindowOptions&) { return 1; }

}  // namespace attune::cli
