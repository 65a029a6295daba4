// attune bench --startup: the time from starting the program to the library's first drawn
// frame, beside a bare SFML program that draws one line of text (bench/bare_window.cpp),
// with the shipped library and with 1,000 more scenarios in the user's folder. Each run is
// its own process: the parent notes the monotonic clock, starts the child, and the child
// prints the clock once its first frame is shown.
#include "cli/Commands.hpp"
#include "core/load/Folders.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <regex>
#include <unistd.h>

namespace attune::cli {
namespace fs = std::filesystem;

namespace {
/// One run: milliseconds from just before the child starts to its first frame; < 0 when it failed.
double runOnce(const std::string& command) {
    const auto t0 = std::chrono::steady_clock::now().time_since_epoch().count();
    FILE* p = ::popen(command.c_str(), "r");
    if (!p) return -1;
    char line[64] = {};
    const bool got = std::fgets(line, sizeof line, p) != nullptr;
    const int rc = ::pclose(p);
    if (!got || rc != 0) return -1;
    const long long t1 = std::atoll(line);
    return static_cast<double>(t1 - t0) / 1e6;
}

struct Figures {
    double median = -1, low = -1;
};

Figures runMany(const std::string& command, int runs) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const double m = runOnce(command);
        if (m < 0) return {};
        ms.push_back(m);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front()};
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

/// Writes `count` copies of the shipped scenarios, each with an id and title of its own.
bool fillUserFolder(const fs::path& dir, int count) {
    std::vector<std::pair<std::string, std::string>> shipped;  // file name, text
    std::error_code ec;
    for (const fs::path& folder : folders::scenarioFolders()) {
        for (const fs::path& f : folders::yamlFiles(folder, ec)) {
            std::ifstream in(f, std::ios::binary);
            shipped.emplace_back(f.stem().string(), std::string(std::istreambuf_iterator<char>(in), {}));
        }
        break;  // the shipped folder only
    }
    if (shipped.empty()) return false;
    fs::create_directories(dir, ec);
    const std::regex id("^id: *(.*)$", std::regex::multiline),
        title("^title: *\"?([^\"\\n]*)\"?$", std::regex::multiline);
    for (int i = 0; i < count; ++i) {
        const auto& [stem, textIn] = shipped[static_cast<std::size_t>(i) % shipped.size()];
        std::string text = std::regex_replace(textIn, id, fmt::format("id: copy-{:04}-$1", i));
        text = std::regex_replace(text, title, fmt::format("title: \"$1 ({})\"", i + 1));
        std::ofstream out(dir / fmt::format("copy-{:04}-{}.yaml", i, stem), std::ios::binary);
        out << text;
        if (!out) return false;
    }
    return true;
}
}  // namespace

int startupBench(int runs) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    const fs::path bare = self.parent_path() / "bare_window";
    if (ec || !fs::exists(bare)) {
        std::cerr << fmt::format(
            "attune: bench --startup needs the bare SFML program beside attune ({}); build it with "
            "cmake --build build --target bare_window\n",
            bare.string());
        return 1;
    }
    // Everything the runs write goes to a folder of their own: a person's library, cache and
    // journal are never touched.
    const fs::path home = fs::temp_directory_path() / fmt::format("attune-bench-startup-{}", ::getpid());
    fs::remove_all(home, ec);
    for (const char* sub : {"data", "cache", "config"}) fs::create_directories(home / sub, ec);
    ::setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
    ::setenv("XDG_CACHE_HOME", (home / "cache").c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
    const std::string attune = fmt::format("{} --bench-first-frame --size 1280x720 --journal {} 2>/dev/null",
                                           quote(self), quote(home / "journal.sqlite"));
    const auto line = [](const char* what, const Figures& f, const std::string& after) {
        if (f.median < 0) return fmt::format("  {:<44} failed\n", what);
        return fmt::format("  {:<44} {:>8.1f} ms median, {:>8.1f} ms best{}\n", what, f.median, f.low, after);
    };
    std::cout << fmt::format(
        "Start-up to the first drawn frame, {} runs each (the program started afresh each time):\n", runs);
    std::cout.flush();
    const Figures b = runMany(quote(bare) + " 2>/dev/null", runs);
    std::cout << line("a bare SFML window with one line of text", b, "") << std::flush;
    runOnce(attune);  // the index is written by the first start
    const Figures shipped = runMany(attune, runs);
    std::cout << line("attune, the shipped library", shipped,
                      b.median > 0 && shipped.median > 0
                          ? fmt::format("  ({:.2f}x the bare program)", shipped.median / b.median)
                          : "")
              << std::flush;
    if (!fillUserFolder(home / "data" / "attune" / "scenarios", 1000)) {
        std::cerr << "attune: bench --startup: the 1,000 scenarios could not be written to " << home.string() << '\n';
        fs::remove_all(home, ec);
        return 1;
    }
    const Figures first = runMany(attune, 1);  // no index entries yet: every file is loaded
    std::cout << line("attune, 1,000 more, the first start", first, "  (each file read and checked once)")
              << std::flush;
    const Figures many = runMany(attune, runs);
    std::cout << line("attune, 1,000 more, from the index", many,
                      shipped.median > 0 && many.median > 0
                          ? fmt::format("  ({:.2f}x the shipped library)", many.median / shipped.median)
                          : "");
    fs::remove_all(home, ec);
    return b.median > 0 && shipped.median > 0 && many.median > 0 ? 0 : 1;
}

}  // namespace attune::cli
