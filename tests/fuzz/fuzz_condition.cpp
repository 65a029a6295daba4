// libFuzzer target: a condition, parsed, resolved and evaluated
// (tests/fuzz/Targets.hpp; run with scripts/fuzz, see tests/fuzz/README.md).
#include "fuzz/Targets.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string problem = attune::fuzz::condition(data, size);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_condition: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
