// The journal's speed, measured: 100,000 steps recorded through the Recorder (the path
// every playthrough takes: one transaction per pick), and the progress report over 1,000
// playthroughs. Prints figures; asserts nothing.
#include "core/journal/Journal.hpp"
#include "core/load/Loader.hpp"
#include "core/load/Patterns.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <random>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace attune;

namespace {
double ms(std::chrono::steady_clock::time_point a) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
}

/// Random playthroughs, each kept by a Recorder, until `steps` picks are recorded or
/// `playthroughs` are played; the picks recorded.
long record(Journal& j, const std::shared_ptr<const Scenario>& s, long steps, long playthroughs, std::mt19937& rng) {
    long picks = 0;
    for (long n = 0; picks < steps && n < playthroughs; ++n) {
        Playthrough p(s, std::set<std::string>{s->roles[0].id, s->roles.size() > 1 ? s->roles[1].id : s->roles[0].id});
        p.keepRewindPoints(false);
        Recorder rec(j, p);
        for (int guard = 0; guard < 10000; ++guard) {
            if (p.state() == Session::State::Line) {
                p.advance();
            } else if (p.state() == Session::State::Decision) {
                const auto shown = p.session().visibleChoices();
                p.choose(shown[std::uniform_int_distribution<std::size_t>(0, shown.size() - 1)(rng)]);
                ++picks;
            } else {
                break;
            }
        }
        rec.finish();
    }
    return picks;
}
}  // namespace

int main(int argc, char** argv) {
    const std::string file = argc > 1 ? argv[1] : "scenarios/late-text.yaml";
    Diagnostics d(defaultPatternLibraryPath().string());
    const PatternLibrary lib = loadDefaultPatternLibrary(d);
    LoadResult r = loadScenario(file, lib);
    if (!r.scenario) {
        for (const auto& x : r.diags.all()) fmt::print(stderr, "{}\n", x.format());
        return 1;
    }
    const auto s = std::make_shared<const Scenario>(std::move(*r.scenario));
    const fs::path dir = fs::temp_directory_path() / fmt::format("attune-journal-bench-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::mt19937 rng(1);
    {
        Journal j(dir / "steps.sqlite");
        const auto a = std::chrono::steady_clock::now();
        const long picks = record(j, s, 100000, 1000000, rng);
        const double t = ms(a);
        fmt::print("record: {} steps in {:.0f} ms ({:.0f} steps/s, {:.2f} ms a step), file {:.1f} MB\n", picks, t,
                   picks / (t / 1000), t / static_cast<double>(picks),
                   static_cast<double>(fs::file_size(dir / "steps.sqlite")) / 1e6);
    }
    {
        Journal j(dir / "progress.sqlite");
        record(j, s, 1L << 40, 1000, rng);
        std::vector<double> times;
        Journal::Report rep;
        for (int i = 0; i < 7; ++i) {
            const auto a = std::chrono::steady_clock::now();
            rep = j.report("");
            times.push_back(ms(a));
        }
        std::sort(times.begin(), times.end());
        fmt::print("report: {} playthroughs, {} weeks x themes, median {:.2f} ms (min {:.2f}, max {:.2f})\n",
                   rep.playthroughs, rep.secureByTheme.size(), times[3], times.front(), times.back());
    }
    fs::remove_all(dir);
    return 0;
}
