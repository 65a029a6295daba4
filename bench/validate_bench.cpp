// Times loading and checking a scenario against yaml-cpp's own parse of the
// same file (YAML::Load, the floor). Prints figures; asserts nothing.
#include "core/load/Patterns.hpp"
#include "core/model/PatternLibrary.hpp"
#include "core/load/Loader.hpp"

#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace {
template <typename F>
double medianMs(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto a = std::chrono::steady_clock::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: validate_bench FILE [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    attune::Diagnostics d(attune::defaultPatternLibraryPath().string());
    const attune::PatternLibrary lib = attune::loadDefaultPatternLibrary(d);

    std::size_t nodes = 0, problems = 0;
    const double yamlMs = medianMs(runs, [&] { nodes = YAML::Load(text)["nodes"].size(); });
    const double attuneMs = medianMs(runs, [&] {
        const auto r = attune::loadScenarioText(text, argv[1], lib);
        problems = r.diags.all().size();
    });
    const double mb = static_cast<double>(text.size()) / (1024.0 * 1024.0);
    fmt::print("file: {} ({:.2f} MiB, {} nodes, {} diagnostics)\n", argv[1], mb, nodes, problems);
    fmt::print("yaml-cpp YAML::Load alone:     {:8.1f} ms  ({:.1f} MiB/s)\n", yamlMs, mb / (yamlMs / 1000.0));
    fmt::print("attune load + check:           {:8.1f} ms  ({:.1f} MiB/s)\n", attuneMs, mb / (attuneMs / 1000.0));
    fmt::print("ratio attune / yaml-cpp:       {:8.2f}  (target: at most 2.00)\n", attuneMs / yamlMs);
    return 0;
}
