// Every input a fuzzer once failed on (tests/fuzz/regressions/TARGET/) and every committed
// seed (tests/fuzz/corpus/TARGET/), run through the same function the fuzzer calls
// (tests/fuzz/Targets.hpp), so the ordinary suite fails if one of them breaks again. Under
// the asan preset the sanitizers see them too.
#include "fuzz/Targets.hpp"
#include "support/Support.hpp"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace {

using Body = std::string (*)(const std::uint8_t*, std::size_t);

/// Runs every file of tests/fuzz/FOLDER/TARGET through `body`; returns how many there were.
int runAll(const std::string& folder, const std::string& target, Body body) {
    const fs::path dir = attune::testing::testDir() / "fuzz" / folder / target;
    std::vector<fs::path> files;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        const std::string bytes = attune::testing::slurp(f);
        const auto start = std::chrono::steady_clock::now();
        const std::string problem = body(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        INFO(f.string());
        CHECK_MESSAGE(problem.empty(), problem);
        CHECK(seconds < 20.0);  // the fuzzers count ten seconds as a hang, and run far slower
    }
    return static_cast<int>(files.size());
}

void runTarget(const std::string& target, Body body) {
    runAll("regressions", target, body);
    CHECK(runAll("corpus", target, body) > 0);
}

}  // namespace

TEST_CASE("fuzz: scenario files the loader once failed on, and the seeds") {
    runTarget("scenario", attune::fuzz::scenario);
}

TEST_CASE("fuzz: conditions the parser once failed on, and the seeds") {
    runTarget("condition", attune::fuzz::condition);
}

TEST_CASE("fuzz: journal imports and files the journal once failed on, and the seeds") {
    runTarget("journal", attune::fuzz::journal);
}

TEST_CASE("fuzz: messages from another machine the protocol once failed on, and the seeds") {
    runTarget("protocol", attune::fuzz::protocol);
}
