// The bad-input suite: every malformed file under tests/bad/ gets the exact
// report in its .expected file, and none crashes or hangs.
#include "core/model/PatternLibrary.hpp"
#include "core/load/Loader.hpp"
#include "support/Support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace attune;

namespace {

using testing::patterns;

std::string report(const LoadResult& r) {
    std::string out;
    for (const auto& d : r.diags.all()) out += d.format() + '\n';
    return out;
}

}  // namespace

TEST_CASE("every malformed file gets its expected report word for word") {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(testing::testDir() / "bad"))
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    CHECK(files.size() >= 30);
    for (const auto& f : files) {
        const std::string shown = "bad/" + f.filename().string();
        INFO("file: ", shown);
        Diagnostics readDiags(shown);
        const auto text = readFile(f, readDiags);
        REQUIRE(text);
        const LoadResult r = loadScenarioText(*text, shown, patterns());
        CHECK_FALSE(r.diags.all().empty());
        CHECK_GOLDEN(fs::path(f).replace_extension(".expected"), report(r));
    }
}

TEST_CASE("a file over the size cap is refused before it is parsed") {
    const fs::path big = fs::temp_directory_path() / "attune-too-large.yaml";
    {
        std::ofstream out(big);
        const std::string line = "#" + std::string(1022, 'x') + "\n";  // 1024 bytes
        for (int i = 0; i < 8 * 1024 + 1; ++i) out << line;
    }
    const LoadResult r = loadScenario(big, patterns());
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all()[0].rule == "file-too-large");
    CHECK(r.diags.all()[0].message == "the file is 8389632 bytes; scenarios are limited to 8388608 bytes");
    fs::remove(big);
}

TEST_CASE("a folder, a missing file and an unreadable file are reported plainly") {
    const LoadResult folder = loadScenario(testing::testDir() / "bad", patterns());
    REQUIRE(folder.diags.all().size() == 1);
    CHECK(folder.diags.all()[0].message == "this is a folder, not a scenario file");

    const LoadResult missing = loadScenario(testing::testDir() / "no-such-file.yaml", patterns());
    REQUIRE(missing.diags.all().size() == 1);
    CHECK(missing.diags.all()[0].format().ends_with("no-such-file.yaml: error: no such file [file-missing]"));

    if (::geteuid() != 0) {  // root reads anything, so this only means something for users
        const fs::path locked = fs::temp_directory_path() / "attune-locked.yaml";
        std::ofstream(locked) << "format: 1\n";
        fs::permissions(locked, fs::perms::none);
        const LoadResult r = loadScenario(locked, patterns());
        REQUIRE(r.diags.all().size() == 1);
        CHECK(r.diags.all()[0].rule == "file-unreadable");
        fs::remove(locked);
    }
}
