#pragma once
// Shared test helpers: files, golden comparisons, running the real binary.
#include <filesystem>
#include <string>

namespace attune {
class PatternLibrary;
struct Scenario;
}  // namespace attune

namespace attune::testing {

/// The shipped pattern library, loaded once.
const PatternLibrary& patterns();
/// A scenario under tests/ (e.g. "data/small.yaml"), loaded and checked; fails the test if it has errors.
Scenario loadTestScenario(const std::string& relative);

/// The tests/ folder of the source tree.
std::filesystem::path testDir();
/// The source tree's root.
std::filesystem::path sourceDir();
std::string slurp(const std::filesystem::path& p);

/// Compares `actual` with tests/golden/<name> word for word. With ATTUNE_REGOLD=1
/// in the environment it rewrites the golden file instead (and the check passes).
/// Returns an empty string on a match, else a unified-style first difference.
std::string compareGolden(const std::filesystem::path& golden, const std::string& actual);

struct Run {
    int exitCode = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};

/// Runs the attune binary with arguments (a shell-quoted string) and optional stdin text.
Run runAttune(const std::string& args, const std::string& input = {});

}  // namespace attune::testing

#define CHECK_GOLDEN(path, actual)                                                     \
    do {                                                                               \
        const std::string golden_diff_ = attune::testing::compareGolden(path, actual); \
        INFO(golden_diff_);                                                            \
        CHECK(golden_diff_.empty());                                                   \
    } while (0)
