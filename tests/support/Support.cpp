#include "support/Support.hpp"

#include "core/load/Patterns.hpp"
#include "core/load/Loader.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace attune::testing {
namespace fs = std::filesystem;

fs::path testDir() { return ATTUNE_TEST_DIR; }

const PatternLibrary& patterns() {
    static const PatternLibrary lib = [] {
        Diagnostics d;
        return loadDefaultPatternLibrary(d);
    }();
    return lib;
}

Scenario loadTestScenario(const std::string& relative) {
    LoadResult r = loadScenario(testDir() / relative, patterns());
    for (const auto& d : r.diags.all()) MESSAGE(d.format());
    REQUIRE(r.scenario);
    return std::move(*r.scenario);
}
fs::path sourceDir() { return testDir().parent_path(); }

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string compareGolden(const fs::path& golden, const std::string& actual) {
    const char* regold = std::getenv("ATTUNE_REGOLD");
    if (regold && std::string(regold) == "1") {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << actual;
        return {};
    }
    if (!fs::exists(golden))
        return fmt::format("missing golden file {} (record with ATTUNE_REGOLD=1)", golden.string());
    const std::string expected = slurp(golden);
    if (expected == actual) return {};
    std::istringstream e(expected), a(actual);
    std::string el, al;
    int line = 1;
    while (true) {
        const bool me = static_cast<bool>(std::getline(e, el));
        const bool ma = static_cast<bool>(std::getline(a, al));
        if (!me && !ma) break;
        if (!me || !ma || el != al)
            return fmt::format("{}: first difference at line {}\n  expected: {}\n  actual:   {}", golden.string(), line,
                               me ? el : "<end of file>", ma ? al : "<end of output>");
        ++line;
    }
    return fmt::format("{}: differs (line endings or final newline)", golden.string());
}

Run runAttune(const std::string& args, const std::string& input) {
    const fs::path tmp = fs::temp_directory_path() / fmt::format("attune-test-{}", ::getpid());
    fs::create_directories(tmp);
    const fs::path in = tmp / "stdin", out = tmp / "stdout", err = tmp / "stderr";
    std::ofstream(in, std::ios::binary) << input;
    // A private home for the journal, settings and library index, so tests never touch the user's.
    const std::string cmd = fmt::format(
        "cd '{}' && XDG_DATA_HOME='{}/data' XDG_CONFIG_HOME='{}/config' XDG_CACHE_HOME='{}/cache' '{}' {} < '{}' > "
        "'{}' 2> '{}'",
        testDir().string(), tmp.string(), tmp.string(), tmp.string(), ATTUNE_BINARY, args, in.string(), out.string(),
        err.string());
    const int status = std::system(cmd.c_str());
    Run r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    fs::remove_all(tmp);
    return r;
}

}  // namespace attune::testing
