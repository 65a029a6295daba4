// libFuzzer target: a scenario file's text, through the loader and every check, then played
// (tests/fuzz/Targets.hpp; run with scripts/fuzz, see tests/fuzz/README.md).
#include "fuzz/Targets.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string problem = attune::fuzz::scenario(data, size);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_scenario: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
