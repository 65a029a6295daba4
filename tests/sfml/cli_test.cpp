// The program as a user runs it: without a display it says so in one line and
// plays in the terminal; with one, the window's flags work.
#include "sfml/Driver.hpp"

#include <doctest/doctest.h>

using namespace attune;

TEST_CASE("without a display, attune says so in one line, plays in the terminal and exits 0 at the end of input") {
    std::string out, err;
    const int code = testing::runBinary("-u DISPLAY", "", "", out, err);
    CHECK(code == 0);
    const std::string first = out.substr(0, out.find('\n'));
    CHECK(first == "No window this time (no display: DISPLAY is not set), so Attune starts in the terminal.");
    CHECK(out.find("Which scenario?") != std::string::npos);
    CHECK(err.empty());
}

TEST_CASE("attune --text plays in the terminal even with a display") {
    std::string out, err;
    CHECK(testing::runBinary("", "--text", "", out, err) == 0);
    CHECK(out.find("No window this time") == std::string::npos);
    CHECK(out.find("Which scenario?") != std::string::npos);
}

TEST_CASE("window flags with a bad value are usage errors") {
    std::string out, err;
    CHECK(testing::runBinary("", "--screenshot x.png --size big", "", out, err) == 2);
    CHECK(err == "attune: --size 'big' should look like 1280x720\n");
    CHECK(testing::runBinary("", "--screenshot x.png --scenario no-such-story", "", out, err) == 2);
    CHECK(err.find("attune: no scenario 'no-such-story' in the library") == 0);
    CHECK(testing::runBinary("", "--screenshot x.png --scenario late-text --script 9", "", out, err) == 2);
    CHECK(err.find("attune: --script: pick 1 of the script") == 0);
}

TEST_CASE("regression: a library scenario can also be opened by its file path") {
    std::string out, err;
    const std::string png = (std::filesystem::temp_directory_path() / "attune-by-path.png").string();
    CHECK(testing::runBinary("", "--screenshot '" + png + "' --scenario scenarios/late-text.yaml --screen play", "",
                             out, err) == 0);
    CHECK(err.empty());
    CHECK(std::filesystem::exists(png));
    std::filesystem::remove(png);
}
