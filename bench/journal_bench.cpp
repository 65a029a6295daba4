// The journal's speed, measured: 100,000 steps recorded through the Recorder (the path
// every playthrough takes: one transaction per pick), and the progress report and its
// summary over 1,000 playthroughs spread over a year (with check-ins, notes and practices).
// Prints figures; asserts nothing. `journal_bench [SCENARIO] [--keep FILE]` keeps the
// year's journal in FILE, for `attune bench --progress` (the window's progress screen).
#include "core/journal/Journal.hpp"
#include "core/journal/Summary.hpp"
#include "core/load/Loader.hpp"
#include "core/load/Patterns.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
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
/// A year of practice as an export: `n` playthroughs of this scenario's choices, a few a
/// week, most with check-ins, some with notes and practices.
std::string yearOf(const Scenario& s, int n, std::mt19937& rng) {
    using nlohmann::json;
    json out{{"attune_journal", 2},           {"profile", ""},
             {"playthroughs", json::array()}, {"checkins", json::array()},
             {"reflections", json::array()},  {"practices", json::array()}};
    std::vector<const Choice*> choices;
    std::vector<std::string> nodes;
    for (const Node& node : s.nodes)
        for (const Choice& c : node.choices) {
            choices.push_back(&c);
            nodes.push_back(node.id);
        }
    const auto day = [](int i) {  // from 2025-12-01, a day at a time
        std::tm tm{};
        tm.tm_year = 125;
        tm.tm_mon = 11;
        tm.tm_mday = 1 + i;
        tm.tm_hour = 19;
        std::mktime(&tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        return std::string(buf);
    };
    for (int i = 0; i < n; ++i) {
        const std::string at = day(i * 365 / n);
        json steps = json::array();
        for (int k = 0; k < 8; ++k) {
            const std::size_t c = std::uniform_int_distribution<std::size_t>(0, choices.size() - 1)(rng);
            const Choice& ch = *choices[c];
            steps.push_back({{"node", nodes[c]},
                             {"role", s.player},
                             {"choice", ch.id},
                             {"mirror", ""},
                             {"by_default", false},
                             {"style", ch.style ? name(*ch.style) : ""},
                             {"theme", ch.theme ? name(*ch.theme) : ""},
                             {"pattern", ch.pattern},
                             {"meters", {50}},
                             {"at", at}});
        }
        out["playthroughs"].push_back({{"scenario", s.id},
                                       {"hash", s.contentHash},
                                       {"mode", "solo"},
                                       {"people", json::array()},
                                       {"state", "ended"},
                                       {"started_at", at},
                                       {"ended_at", at},
                                       {"ending", "end"},
                                       {"kind", "secure"},
                                       {"nodes_entered", 12},
                                       {"at_node", "end"},
                                       {"at_meters", {50}},
                                       {"steps", steps}});
        if (i % 3 != 2) {
            out["checkins"].push_back(
                {{"playthrough", i}, {"moment", "before"}, {"activation", 3 + i % 6}, {"word", "tense"}, {"at", at}});
            out["checkins"].push_back(
                {{"playthrough", i}, {"moment", "after"}, {"activation", 2 + i % 5}, {"word", "calmer"}, {"at", at}});
        }
        if (i % 10 == 0)
            out["reflections"].push_back(
                {{"playthrough", i}, {"noticed", "a tight chest"}, {"needed", "to be heard"}, {"at", at}});
        if (i % 5 == 0)
            out["practices"].push_back({{"playthrough", nullptr}, {"practice", "paced"}, {"seconds", 60}, {"at", at}});
    }
    return out.dump();
}
}  // namespace

int main(int argc, char** argv) {
    std::string file = "scenarios/late-text.yaml", keep;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--keep" && i + 1 < argc)
            keep = argv[++i];
        else
            file = argv[i];
    }
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
        const auto a = std::chrono::steady_clock::now();
        if (!j.importJson(yearOf(*s, 1000, rng), "")) {
            fmt::print(stderr, "journal_bench: {}\n", j.error());
            return 1;
        }
        const double importMs = ms(a);
        std::vector<double> times, words;
        Journal::Report rep;
        summary::Summary sum;
        for (int i = 0; i < 7; ++i) {
            const auto b = std::chrono::steady_clock::now();
            rep = j.report("");
            times.push_back(ms(b));
            const auto c = std::chrono::steady_clock::now();
            sum = summary::summarise(rep, "", &lib);
            words.push_back(ms(c));
        }
        std::sort(times.begin(), times.end());
        std::sort(words.begin(), words.end());
        fmt::print(
            "report: {} playthroughs over {} weeks ({} week-and-theme shares), imported in {:.0f} ms; report median "
            "{:.2f} ms (min {:.2f}, max {:.2f}); summary median {:.2f} ms\n",
            rep.playthroughs, sum.weeks.size(), rep.secureByTheme.size(), importMs, times[3], times.front(),
            times.back(), words[3]);
    }
    if (!keep.empty()) {  // the journal closed (its log folded in) before it is copied
        std::error_code ec;
        fs::copy_file(dir / "progress.sqlite", keep, fs::copy_options::overwrite_existing, ec);
        if (ec) {
            fmt::print(stderr, "journal_bench: {} could not be written: {}\n", keep, ec.message());
            return 1;
        }
        fmt::print("kept in {} (for attune bench --progress)\n", keep);
    }
    fs::remove_all(dir);
    return 0;
}
