// Used when the program is built without the SFML window (ATTUNE_WINDOW=OFF).
#include "sfml/Window.hpp"

namespace attune::window {

bool windowAvailable(std::string& why) {
    why = "this build of Attune has no window (built with ATTUNE_WINDOW=OFF)";
    return false;
}

int runWindow(const WindowOptions&) { return 1; }

}  // namespace attune::window
