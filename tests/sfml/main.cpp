// The window tests drive real windows, so they need a display: CTest runs them
// through xvfb-run when none is set (tests/sfml/run-with-display.sh). Every
// test runs with its own settings, data and home folders, never the user's.
#define DOCTEST_CONFIG_IMPLEMENT
#include "sfml/Window.hpp"

#include <cstdlib>
#include <ctime>
#include <doctest/doctest.h>
#include <filesystem>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("attune-window-tests-" + std::to_string(::getpid()));
    for (const char* sub : {"config", "data", "home", "cache"}) fs::create_directories(root / sub);
    setenv("XDG_CONFIG_HOME", (root / "config").c_str(), 1);
    setenv("XDG_DATA_HOME", (root / "data").c_str(), 1);
    setenv("XDG_CACHE_HOME", (root / "cache").c_str(), 1);  // the library index
    setenv("HOME", (root / "home").c_str(), 1);
    unsetenv("XDG_DOCUMENTS_DIR");
    setenv("TZ", "UTC", 1);  // the journal's dates are local ones: the same everywhere in the tests
    tzset();
    unsetenv("ATTUNE_SCENARIOS");
    std::string why;
    if (!attune::window::windowAvailable(why)) {
        std::cerr << "attune_window_tests: these tests open real windows and need a display (" << why
                  << "); run them with ctest, which uses xvfb-run, or: xvfb-run -a -s \"-screen 0 1920x1080x24\" "
                  << argv[0] << '\n';
        return 1;
    }
    doctest::Context context(argc, argv);
    const int result = context.run();
    std::error_code ec;
    fs::remove_all(root, ec);
    return result;
}
