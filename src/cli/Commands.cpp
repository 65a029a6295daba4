#include "cli/Commands.hpp"
#include "core/check/Lint.hpp"
#include "core/graph/Graph.hpp"
#include "cli/Net.hpp"

#include "core/run/Playthrough.hpp"
#include "core/check/Rules.hpp"
#include "core/feedback/Feedback.hpp"
#include "core/feedback/Practice.hpp"
#include "core/load/Patterns.hpp"
#include "core/feedback/About.hpp"
#include "core/journal/Journal.hpp"
#include "core/journal/Summary.hpp"
#include "core/load/Folders.hpp"
#include "core/load/Loader.hpp"
#include "sfml/Window.hpp"
#include "core/run/Script.hpp"
#include "core/run/Stats.hpp"
#include "core/run/Walk.hpp"
#include "core/settings/Settings.hpp"
#include "core/util/Text.hpp"
#include "text/Checkin.hpp"
#include "text/TextPlayer.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <iostream>
#include <unistd.h>

namespace attune::cli {
namespace fs = std::filesystem;

std::vector<fs::path> scenarioFiles(const std::vector<std::string>& args, std::ostream& err, bool& ok) {
    std::vector<fs::path> out;
    for (const std::string& a : args) {
        std::error_code ec;
        const fs::path p(a);
        if (fs::is_directory(p, ec)) {
            const std::vector<fs::path> found = folders::yamlFiles(p, ec);
            if (ec) {
                err << Diagnostic{a,
                                  {},
                                  Severity::Error,
                                  "the folder cannot be read: " + ec.message(),
                                  "file-unreadable"}
                           .format()
                    << '\n';
                ok = false;
            }
            if (found.empty()) {
                err << Diagnostic{a, {}, Severity::Warning, "no .yaml files in this folder", "no-scenarios"}.format()
                    << '\n';
            }
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(p);
        }
    }
    if (out.empty()) {
        err << "attune: no scenario files found in the paths given\n";
        ok = false;
    }
    return out;
}

namespace {

/// Loads the shipped pattern library or explains why it cannot.
std::optional<PatternLibrary> library(std::ostream& err) {
    Diagnostics d(defaultPatternLibraryPath().string());
    PatternLibrary lib = loadDefaultPatternLibrary(d);
    for (const auto& x : d.all()) err << x.format() << '\n';
    if (d.hasErrors() || !lib.loaded()) {
        err << "attune: the pattern library could not be loaded; set ATTUNE_ASSETS to the assets folder\n";
        return std::nullopt;
    }
    return lib;
}

/// Loads `files` on `jobs` threads and hands each result to `each` in the order of `files`, on
/// the calling thread, as soon as it and every file before it are loaded: the report reads
/// the same as a one-thread run and starts before the last file is read.
void loadInOrder(const std::vector<fs::path>& files, const PatternLibrary& lib, unsigned jobs,
                 const std::function<void(const fs::path&, LoadResult&)>& each) {
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(files.size())));
    std::vector<std::optional<LoadResult>> done(files.size());
    std::atomic<std::size_t> next{0};
    std::mutex m;
    std::condition_variable ready;
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
            LoadResult r = loadScenario(files[i], lib);
            std::lock_guard<std::mutex> lock(m);
            done[i] = std::move(r);
            ready.notify_all();
        }
    };
    // One thread reads every file itself; more start that many workers while this one reports.
    std::vector<std::thread> workers;
    if (jobs == 1)
        work();
    else
        for (unsigned k = 0; k < jobs; ++k) workers.emplace_back(work);
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::optional<LoadResult> r;
        {
            std::unique_lock<std::mutex> lock(m);
            // With one thread every file is loaded above; otherwise the workers run ahead.
            ready.wait(lock, [&] { return done[i].has_value(); });
            r = std::move(done[i]);
            done[i].reset();
        }
        each(files[i], *r);
    }
    for (std::thread& w : workers) w.join();
}

/// The threads `validate` uses: --jobs, or every core.
unsigned jobsFor(int asked) {
    if (asked > 0) return static_cast<unsigned>(asked);
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

int validate(const std::vector<std::string>& paths, bool lint, int jobs) {
    auto lib = library(std::cerr);
    if (!lib) return 1;
    bool ok = true;
    const auto files = scenarioFiles(paths, std::cout, ok);
    if (files.empty()) return 1;
    std::size_t errors = 0, warnings = 0, bad = 0;
    std::map<std::string, std::string> ids;  // scenario id -> first file
    check::SeenLines seen;                   // lint: body and why lines across the files
    loadInOrder(files, *lib, jobsFor(jobs), [&](const fs::path& f, LoadResult& r) {
        if (r.scenario) {
            auto [it, fresh] = ids.emplace(r.scenario->id, f.string());
            if (!fresh)
                r.diags.error(r.scenario->idPos, "duplicate-scenario-id",
                              fmt::format("scenario id '{}' is already used by {}", r.scenario->id, it->second));
            if (lint) {
                check::lint(*r.scenario, f.string(), seen, r.diags);
                r.diags.sort();
            }
        }
        for (const auto& d : r.diags.all()) std::cout << d.format() << '\n';
        if (lint && r.scenario) {
            std::vector<std::string> parts;
            for (const check::Reading& rd : check::readings(*r.scenario))
                if (rd.words >= check::kShortestScored)
                    parts.push_back(fmt::format("{} {:.1f}", rd.who, rd.grade()));
                else if (rd.words > 0)
                    parts.push_back(fmt::format("{} (too few words to score)", rd.who));
            std::cout << fmt::format("{}: reading level (Flesch-Kincaid grade): {}\n", f.string(), text::join(parts));
        }
        errors += r.diags.errorCount();
        warnings += r.diags.warningCount();
        bad += r.diags.all().empty() ? 0 : 1;
    });
    if (errors + warnings == 0)
        std::cout << fmt::format("{} file{} checked: no problems\n", files.size(), files.size() == 1 ? "" : "s");
    else
        std::cout << fmt::format("{} file{} checked: {} error{}, {} warning{} in {} file{}\n", files.size(),
                                 files.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
                                 warnings == 1 ? "" : "s", bad, bad == 1 ? "" : "s");
    return ok && errors == 0 ? 0 : 1;
}

int test(const std::vector<std::string>& paths) {
    auto lib = library(std::cerr);
    if (!lib) return 1;
    bool ok = true;
    const auto files = scenarioFiles(paths, std::cout, ok);
    if (files.empty()) return 1;
    int passed = 0, failed = 0;
    for (const auto& f : files) {
        const LoadResult r = loadScenario(f, *lib);
        std::cout << f.string() << '\n';
        if (!r.scenario) {
            for (const auto& d : r.diags.all())
                if (d.severity == Severity::Error) std::cout << "  " << d.format() << '\n';
            std::cout << "  FAIL  the scenario does not load\n";
            ++failed;
            continue;
        }
        if (r.scenario->tests.empty()) std::cout << "  (no tests)\n";
        for (const TestCase& t : r.scenario->tests) {
            const TestOutcome o = runTest(*r.scenario, t);
            std::cout << fmt::format("  {}  {}\n", o.passed ? "ok  " : "FAIL", t.name);
            for (const auto& p : o.problems) std::cout << "        " << p << '\n';
            (o.passed ? passed : failed) += 1;
        }
    }
    std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
    return ok && failed == 0 ? 0 : 1;
}

int graph(const std::string& file, const std::string& format) {
    auto lib = library(std::cerr);
    if (!lib) return 1;
    const LoadResult r = loadScenario(file, *lib);
    for (const auto& d : r.diags.all()) std::cerr << d.format() << '\n';
    if (!r.scenario) return 1;
    if (format == "dot") {
        std::cout << graph::dot(*r.scenario);
        return 0;
    }
    std::string error;
    const auto svg = graph::svg(*r.scenario, error);
    if (!svg) {
        std::cerr << "attune: " << error << '\n';
        return 1;
    }
    std::cout << *svg;
    return 0;
}

struct PlayArgs {
    std::string file;
    std::string script;
    std::string coaching = "immediate";
    std::string report;
    std::string together;  ///< pass or mirror; empty: solo (or both roles, unnamed)
    std::vector<std::string> names, roles;
    bool solo = false;
    bool text = false;
    bool resume = false;                      ///< take up the newest unfinished playthrough of this scenario
    bool checkin = false, noCheckin = false;  ///< ask the check-ins even without a terminal; never ask
    bool watch = false;                       ///< load each save of the file again (authors); nothing is kept
};

/// Writes the debrief as Markdown, HTML or JSON, chosen by the file's extension.
bool writeReport(const Playthrough& run, const PatternLibrary& lib, const std::string& file) {
    const auto d = feedback::debrief(run, lib);
    const auto ext = fs::path(file).extension();
    const std::string body = ext == ".html" || ext == ".htm" ? feedback::reportHtml(d)
                             : ext == ".json"                ? feedback::reportJson(d)
                                                             : feedback::reportMarkdown(d);
    std::ofstream out(file, std::ios::binary);
    out << body;
    out.close();
    if (!out) {
        std::cerr << fmt::format("attune: the report could not be written to {}\n", file);
        return false;
    }
    std::cout << fmt::format("\nThe report is saved in {}\n", file);
    return true;
}

int play(const PlayArgs& a) {
    auto lib = library(std::cerr);
    if (!lib) return 1;
    if (a.watch) {
        if (a.together.empty() && (!a.names.empty() || !a.roles.empty())) {
            std::cerr << "attune: --names and --roles go with --together pass or --together mirror\n";
            return 2;
        }
        return playWatched(
            {a.file, static_cast<int>(*feedback::parseCoaching(a.coaching)), a.solo, a.together, a.names, a.roles},
            *lib);
    }
    const LoadResult r = loadScenario(a.file, *lib);
    for (const auto& d : r.diags.all()) std::cerr << d.format() << '\n';
    if (!r.scenario) return 1;
    const Scenario& s = *r.scenario;
    if (a.together.empty() && (!a.names.empty() || !a.roles.empty())) {
        std::cerr << "attune: --names and --roles go with --together pass or --together mirror\n";
        return 2;
    }
    std::optional<Table> table;
    if (!a.together.empty()) {
        std::string err;
        table = makeTable(s, *parseTogetherMode(a.together), a.names, a.roles, err);
        if (!table) {
            std::cerr << "attune: " << err << '\n';
            return 2;
        }
    }
    // A person at the keyboard is recorded step by step; a script is not.
    std::unique_ptr<Journal> journal = a.script.empty() ? openJournal() : nullptr;
    const auto shared = std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &s);
    std::optional<Playthrough> resumed;
    std::optional<long long> resumedId;
    if (a.resume) {
        const auto left = journal ? journal->unfinished(s.id, profileName()) : std::nullopt;
        if (!left) {
            std::cout << fmt::format("No unfinished playthrough of “{}” is saved; starting from the beginning.\n",
                                     s.title);
        } else {
            auto back = Playthrough::restore(shared, left->saved);
            if (back.playthrough) {
                resumed = std::move(back.playthrough);
                resumedId = left->id;
                table = resumed->table().together() ? std::optional<Table>(resumed->table()) : std::nullopt;
                std::cout << fmt::format("Taking up where you stopped ({} decision{} in, begun {}).\n", left->decisions,
                                         left->decisions == 1 ? "" : "s", left->startedAt);
            } else {
                // The scenario changed under the saved picks: said, and a fresh start.
                journal->abandon(left->id);
                std::cout << fmt::format("The saved playthrough no longer fits this scenario ({}); starting again.\n",
                                         back.error);
            }
        }
    } else if (journal) {
        if (const auto left = journal->unfinished(s.id, profileName()))
            std::cout << fmt::format(
                "An unfinished playthrough of this scenario is saved ({} decision{} in, begun {}); "
                "attune play {} --resume takes it up.\n",
                left->decisions, left->decisions == 1 ? "" : "s", left->startedAt, a.file);
    }
    Playthrough run = resumed ? std::move(*resumed)
                      : table ? Playthrough::borrowing(s, *table)
                              : Playthrough::borrowing(s, playedRoles(s, a.solo));
    std::optional<Recorder> recorder;
    if (journal) recorder.emplace(*journal, run, resumedId, profileName());
    TextOptions opts;
    addCoaching(opts, *lib, static_cast<int>(*feedback::parseCoaching(a.coaching)), run);
    if (recorder)
        opts.onPractice = [&recorder](const std::string& id, int seconds) { recorder->practised(id, seconds); };
    if (recorder)
        opts.stopNote = [&recorder, file = a.file] {
            return recorder->id()
                       ? fmt::format("Your steps so far are kept: attune play {} --resume takes it up again.", file)
                       : std::string();
        };
    // Check-ins belong to one person's record: asked when one person plays, at a terminal
    // (or with --checkin), unless turned off (--no-checkin, or check-ins: false in the settings).
    const bool checkins = recorder && !run.table().together() && a.script.empty() && !a.noCheckin &&
                          (a.checkin || (isatty(STDIN_FILENO) != 0 && loadSettings(settingsPath()).settings.checkins));
    const auto finish = [&](PlayEnd end, bool) {
        if (end != PlayEnd::Ending) return true;
        if (recorder) {
            recorder->finish();
            if (checkins) checkInAfter(*recorder, std::cin, std::cout);
            if (!recorder->error().empty())
                std::cerr << "attune: this playthrough was not saved: " << recorder->error() << '\n';
        }
        return a.report.empty() || writeReport(run, *lib, a.report);
    };
    printTitle(s, std::cout, opts.width);
    if (table) printTable(run, std::cout, opts.width);
    if (!a.script.empty()) {
        std::string err;
        auto picks = run.mode() == TogetherMode::Mirror ? parseMirrorPicks(a.script, err) : parsePicks(a.script, err);
        if (!picks) {
            std::cerr << "attune: --script: " << err << '\n';
            return 2;
        }
        opts.interactive = false;
        ScriptedPicks source(std::move(*picks));
        const PlayEnd end = playText(run, source, std::cout, opts);
        if (end == PlayEnd::BadScript) {
            std::cerr << "attune: " << source.error << '\n';
            return 1;
        }
        if (end == PlayEnd::Stopped) {
            std::cerr << "attune: the script ended before the story did\n";
            return 1;
        }
        if (!finish(end, false)) return 1;
        return end == PlayEnd::Ending ? 0 : 1;
    }
    opts.interactive = isatty(STDIN_FILENO) != 0;
    opts.clearScreen = opts.interactive && isatty(STDOUT_FILENO) != 0 && table.has_value();
    if (checkins) checkInBefore(*recorder, std::cin, std::cout);
    TypedPicks source(std::cin);
    const PlayEnd end = playText(run, source, std::cout, opts);
    if (!finish(end, true)) return 1;
    return end == PlayEnd::Stuck ? 1 : 0;
}

struct StatsArgs {
    std::vector<std::string> paths;
    int runs = 10000;
    std::uint32_t seed = 1;
    bool check = false;
};

int stats(const StatsArgs& a) {
    auto lib = library(std::cerr);
    if (!lib) return 1;
    bool ok = true;
    const auto files = scenarioFiles(a.paths, std::cout, ok);
    if (files.empty()) return 1;
    std::set<std::string> signs, themes;
    int failures = 0;
    for (const auto& f : files) {
        const LoadResult r = loadScenario(f, *lib);
        if (!r.scenario) {
            std::cout << fmt::format("{}: has errors; run attune validate {}\n", f.string(), f.string());
            ++failures;
            continue;
        }
        const Scenario& s = *r.scenario;
        const ScenarioStats st = computeStats(s, a.runs, a.seed);
        std::vector<std::string> sg(s.signs.begin(), s.signs.end()), th;
        for (Theme t : s.themes) th.emplace_back(name(t));
        signs.insert(sg.begin(), sg.end());
        themes.insert(th.begin(), th.end());
        std::cout << fmt::format("{} ({})\n", s.title, f.string());
        std::cout << fmt::format(
            "  nodes {}, decision points {}, longest path {} decisions, endings {} "
            "(secure {}, mixed {}, rupture {})\n",
            st.nodes, st.decisions, st.longestPath, st.endings, st.endingKinds[0], st.endingKinds[1],
            st.endingKinds[2]);
        std::cout << fmt::format("  choices: secure {}, anxious {}, avoidant {}, disorganised {}\n", st.styles[0],
                                 st.styles[1], st.styles[2], st.styles[3]);
        std::cout << fmt::format("  themes: {}; signs: {}\n", text::join(th), sg.empty() ? "none" : text::join(sg));
        std::cout << fmt::format(
            "  {} random playthroughs (seed {}): reached {} of {} reachable nodes ({:.1f}%); "
            "endings secure {}, mixed {}, rupture {}; stuck {}\n",
            st.runs, a.seed, st.reached, st.reachable, st.percentReached(), st.runEndings[0], st.runEndings[1],
            st.runEndings[2], st.stuckRuns);
        if (!st.missed.empty()) std::cout << "  never reached: " << text::join(st.missed) << '\n';
        if (a.check && (!st.missed.empty() || st.stuckRuns > 0)) ++failures;
    }
    std::vector<std::string> missingSigns, missingThemes;
    for (const auto& id : signIds())
        if (!signs.count(id)) missingSigns.push_back(id);
    for (const auto& t : themeNames())
        if (!themes.count(t)) missingThemes.push_back(t);
    std::cout << fmt::format("\n{} scenario{}; signs covered {} of {}{}; themes covered {} of {}{}\n", files.size(),
                             files.size() == 1 ? "" : "s", signIds().size() - missingSigns.size(), signIds().size(),
                             missingSigns.empty() ? "" : " (missing: " + text::join(missingSigns) + ")",
                             themeNames().size() - missingThemes.size(), themeNames().size(),
                             missingThemes.empty() ? "" : " (missing: " + text::join(missingThemes) + ")");
    return ok && failures == 0 ? 0 : 1;
}

struct WalkArgs {
    std::string file;
    int runs = 1000;
    std::uint32_t seed = 1;
    bool json = false;
};

int walkCommand(const WalkArgs& a) {
    auto lib = library(std::cerr);
    if (!lib) return 1;
    const LoadResult r = loadScenario(a.file, *lib);
    for (const auto& d : r.diags.all()) std::cerr << d.format() << '\n';
    if (!r.scenario) return 1;
    const WalkReport w = walk(*r.scenario, a.runs, a.seed);
    std::cout << (a.json ? walkJson(*r.scenario, w) : walkText(*r.scenario, w, a.file));
    return 0;
}

struct RandomWalkArgs {
    std::string file;
    int walks = 0;
    std::uint32_t seed = 1;
    int stepCap = 200;
};

/// `attune bench --random-walks`: the side-by-side benchmark's figures as one JSON line.
int randomWalksCommand(const RandomWalkArgs& a) {
    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
    auto lib = library(std::cerr);
    if (!lib) return 1;
    Diagnostics diags(a.file);
    const auto text = readFile(a.file, diags);
    // The file is read before the clock starts: the other engines are timed from text in memory too.
    const auto t0 = Clock::now();
    auto tree = text ? yaml::parse(*text, diags) : std::nullopt;
    const auto t1 = Clock::now();
    auto s = tree ? buildScenario(*tree, a.file, diags) : std::nullopt;
    tree.reset();  // what a load leaves behind is the model, not the tree
    const auto t2 = Clock::now();
    if (s) checkScenario(*s, *lib, diags, Checks::Play);
    const auto t3 = Clock::now();
    diags.sort();
    for (const auto& d : diags.all()) std::cerr << d.format() << '\n';
    if (!s || diags.hasErrors()) return 1;
    const auto t4 = Clock::now();  // the warnings are printed before the walks are timed
    const RandomWalks w = randomWalks(*s, a.walks, a.seed, a.stepCap);
    const auto t5 = Clock::now();
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    const double walkMs = ms(t5 - t4);
    const nlohmann::ordered_json j{{"engine", "attune " ATTUNE_VERSION},
                                   {"file", a.file},
                                   {"walks", w.walks},
                                   {"seed", a.seed},
                                   {"step_cap", a.stepCap},
                                   {"parse_ms", ms(t1 - t0)},
                                   {"validate_ms", ms(t3 - t2)},
                                   {"load_ms", ms(t3 - t0)},
                                   {"walk_ms", walkMs},
                                   {"steps", w.steps},
                                   {"steps_per_s", walkMs > 0 ? static_cast<double>(w.steps) / (walkMs / 1000.0) : 0.0},
                                   {"path_hash", w.pathHash},
                                   {"rss_mb", static_cast<double>(ru.ru_maxrss) / 1024.0}};
    std::cout << j.dump() << '\n';
    return 0;
}

namespace {
std::string whose() { return profileName().empty() ? std::string("your") : fmt::format("{}'s", profileName()); }
}  // namespace

/// Scenario titles by id, from the scenario folders, read the first time one is asked for.
summary::TitleOf scenarioTitles(const PatternLibrary* lib) {
    auto titles = std::make_shared<std::optional<std::map<std::string, std::string>>>();
    return [titles, lib](const std::string& id) {
        if (!*titles) {
            titles->emplace();
            if (lib)
                for (const auto& dir : folders::scenarioFolders()) {
                    std::error_code ec;
                    for (const auto& f : folders::yamlFiles(dir, ec))
                        if (const LoadResult r = loadScenario(f, *lib); r.scenario)
                            (**titles)[r.scenario->id] = r.scenario->title;
                }
        }
        const auto it = (*titles)->find(id);
        return it == (*titles)->end() ? id : it->second;
    };
}

int journalExport(const std::string& format, const std::string& file, const PatternLibrary* lib) {
    auto j = openJournal("");
    if (!j) return 1;
    const std::string body =
        format == "csv" ? j->exportCsv(profileName())
        : format == "html"
            ? summary::html(summary::summarise(j->report(profileName()), profileName(), lib, scenarioTitles(lib)))
            : j->exportJson(profileName()) + "\n";
    if (file.empty() || file == "-") {
        std::cout << body;
        return 0;
    }
    std::ofstream out(file, std::ios::binary);
    out << body;
    out.close();
    if (!out) {
        std::cerr << fmt::format("attune: the export could not be written to {}\n", file);
        return 1;
    }
    std::cout << fmt::format("The journal ({} record) is saved in {}\n", whose(), file);
    return 0;
}

int journalImport(const std::string& file) {
    Diagnostics d(file);
    const auto text = readFile(file, d);
    for (const auto& x : d.all()) std::cerr << x.format() << '\n';
    if (!text) return 1;
    auto j = openJournal("");
    if (!j) return 1;
    if (!j->importJson(*text, profileName())) {
        std::cerr << fmt::format("attune: {}: {}; nothing was added\n", file, j->error());
        return 1;
    }
    std::cout << fmt::format("Added {} to {} record.\n", file, whose());
    return 0;
}

int journalDelete(bool yes) {
    auto j = openJournal("");
    if (!j) return 1;
    const std::string who = profileName().empty() ? std::string("the default profile") : "'" + profileName() + "'";
    if (!yes) {
        std::cout << fmt::format(
                         "This removes every playthrough, step, check-in, note and practice of {} from {}, for "
                         "good. Type yes to go on: ",
                         who, j->file().string())
                  << std::flush;
        std::string answer;
        if (!std::getline(std::cin, answer) || text::trim(answer) != "yes") {
            std::cout << "Nothing was deleted.\n";
            return 1;
        }
    }
    if (!j->deleteProfile(profileName())) {
        std::cerr << "attune: " << j->error() << '\n';
        return 1;
    }
    std::cout << fmt::format("Deleted every record of {}, and compacted the file so none of it stays on disk.\n", who);
    return 0;
}

int showProgress(const PatternLibrary* lib) {
    auto j = openJournal("");
    if (!j) return 1;
    std::cout << summary::text(summary::summarise(j->report(profileName()), profileName(), lib, scenarioTitles(lib)));
    return 0;
}

/// The toolbox in the terminal: the list, or one practice (kept in the journal when taken).
int practiceCommand(const std::string& id) {
    const auto& all = feedback::practices();
    if (id.empty()) {
        std::cout << "The regulation toolbox\n";
        for (const auto& p : all) {
            const auto rows = text::wrap(p.name + ": " + p.summary, 62);
            for (std::size_t i = 0; i < rows.size(); ++i)
                std::cout << fmt::format("  {:<12}{}\n", i ? "" : p.id, rows[i]);
        }
        std::cout << "\nattune practice ID takes one; the window has them too (B in the library).\n";
        return 0;
    }
    std::vector<std::string> ids;
    for (const auto& p : all) ids.push_back(p.id);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        std::cerr << fmt::format("attune: there is no practice '{}'; the practices are {}{}\n", id, text::join(ids),
                                 text::didYouMean(id, ids));
        return 2;
    }
    const bool atTerminal = isatty(STDIN_FILENO) != 0;
    auto journal = atTerminal ? openJournal("this practice will not be kept in the journal: ") : nullptr;
    const int seconds = practise(std::cout, atTerminal ? &std::cin : nullptr, 76, id);
    std::cout << '\n';
    if (journal && !journal->practised(profileName(), std::nullopt, id, seconds))
        std::cerr << "attune: this practice was not kept in the journal: " << journal->error() << '\n';
    return 0;
}

int showJournal(int limit) {
    const Journal journal(journalPath());
    if (!journal.ok()) {
        std::cerr << "attune: " << journal.error() << '\n';
        return 1;
    }
    const auto entries = journal.recent(limit, profileName());
    if (entries.empty()) {
        std::cout << "No finished playthroughs yet. They appear here once you reach an ending.\n";
        return 0;
    }
    for (const auto& e : entries)
        std::cout << fmt::format("{}  {:<24} {:<22} {:<8} {:<9} {} secure, {} anxious, {} avoidant, {} disorganised\n",
                                 e.finishedAt, text::shorten(e.scenario, 24), text::shorten(e.ending, 22), e.kind,
                                 e.mode, e.styles[0], e.styles[1], e.styles[2], e.styles[3]);
    return 0;
}

int listRules() {
    for (const check::Rule& r : check::rules())
        std::cout << fmt::format("{:<22} {:<8} {:<10} {}\n", r.id, r.severity == Severity::Error ? "error" : "warning",
                                 r.stage, r.summary);
    return 0;
}

}  // namespace

void addCoaching(TextOptions& opts, const PatternLibrary& lib, int coaching, const Playthrough& run) {
    const auto mode = static_cast<feedback::Coaching>(coaching);
    if (mode == feedback::Coaching::Immediate)
        opts.afterChoice = [&lib, w = opts.width](const Session& s, const Step& st, std::ostream& out) {
            if (st.byDefault) return;  // nobody chose it: nothing to coach
            out << feedback::cardText(feedback::explain(s, lib, static_cast<int>(&st - s.history().data())), w);
        };
    // Two machines: only this machine's person's notes and cards (the other's are on their screen).
    const std::string mine = opts.localRole;
    if (mode != feedback::Coaching::Off)
        opts.onEnter = [&lib, mine, w = opts.width](const Session& s, std::ostream& out) {
            for (const auto& n : feedback::statesAt(s, lib, static_cast<int>(s.history().size()) - 1))
                if (mine.empty() || n.role == mine) out << feedback::stateText(n, w);
        };
    // Mirror mode: the reveal is both people's cards, side by side, whatever the coaching.
    opts.onReveal = [&lib, w = opts.width](const Playthrough& p, std::ostream& out) {
        out << feedback::revealText(feedback::reveal(p.session(), lib, p.table(), p.rounds().back()), w);
    };
    opts.atEnding = [&lib, mode, &run, mine, w = opts.width](const Session& s, std::ostream& out) {
        if (mode == feedback::Coaching::AtEnd) {
            out << "\n== Your choices, one by one ==\n";
            for (const auto& f : feedback::explainAll(s, lib))
                if (!f.byDefault && (mine.empty() || f.role == mine)) out << feedback::cardText(f, w);
        }
        out << feedback::debriefText(feedback::debrief(run, lib), w);
    };
}

namespace {
fs::path& journalOverride() {
    static fs::path p;
    return p;
}
}  // namespace

fs::path journalPath() { return journalOverride().empty() ? Journal::defaultPath() : journalOverride(); }
void setJournalPath(fs::path p) { journalOverride() = std::move(p); }

namespace {
std::string& profileOverride() {
    static std::string p;
    return p;
}
}  // namespace

const std::string& profileName() { return profileOverride(); }
void setProfileName(std::string name) { profileOverride() = std::move(name); }

std::unique_ptr<Journal> openJournal(const std::string& unusable) {
    auto j = std::make_unique<Journal>(journalPath());
    if (!j->notice().empty()) std::cerr << "attune: " << j->notice() << '\n';
    if (!j->ok()) {
        std::cerr << "attune: " << unusable << j->error() << '\n';
        return nullptr;
    }
    return j;
}

int run(int argc, char** argv) {
    CLI::App app{"Attune: practise secure communication in relationship scenarios", "attune"};
    app.set_version_flag("--version", std::string("attune ") + ATTUNE_VERSION);
    app.require_subcommand(0, 1);

    std::vector<std::string> validatePaths, testPaths, lintPaths;
    bool validateLint = false;
    int validateJobs = 0;
    auto* v = app.add_subcommand("validate", "Check scenario files and folders; exit 1 on any error");
    v->add_option("paths", validatePaths, "Scenario files or folders")->required();
    v->add_flag("--lint", validateLint,
                "Also the authors' lint: reading level, long lines, repeated lines, calm breathing pauses");
    v->add_option("--jobs,-j", validateJobs, "Files read at once (default: one a core); the report is the same")
        ->check(CLI::Range(1, 256));
    auto* li =
        app.add_subcommand("lint", "Validate and lint scenarios for authors (validate --lint); exit 1 on any error");
    li->add_option("paths", lintPaths, "Scenario files or folders")->required();
    li->add_option("--jobs,-j", validateJobs, "Files read at once (default: one a core); the report is the same")
        ->check(CLI::Range(1, 256));

    auto* t = app.add_subcommand("test", "Run the tests: block of each scenario");
    t->add_option("paths", testPaths, "Scenario files or folders")->required();

    PlayArgs pa;
    auto* p = app.add_subcommand("play", "Play a scenario in the terminal");
    p->add_option("file", pa.file, "Scenario file")->required();
    p->add_option("--script", pa.script, "Comma-separated picks (1-based numbers or choice ids); plays without asking");
    auto* soloFlag =
        p->add_flag("--solo", pa.solo, "Play only the scenario's player role; the other role takes its defaults");
    p->add_option("--together", pa.together,
                  "Two people on one screen: pass (pass the device, each chooses for their own role) or mirror (both "
                  "answer every decision privately, then compare)")
        ->check(CLI::IsMember({"pass", "mirror"}))
        ->excludes(soloFlag);
    p->add_option("--names", pa.names, "With --together: the two people's names, A,B (A takes the first role)")
        ->delimiter(',')
        ->expected(1, 2);
    p->add_option("--roles", pa.roles, "With --together: the roles the named people take, in the same order (R1,R2)")
        ->delimiter(',')
        ->expected(2);
    p->add_flag("--text", pa.text, "Use the terminal player (the default for play)");
    p->add_option("--coaching", pa.coaching, "Feedback after each choice (immediate), only at the end (end), or off")
        ->check(CLI::IsMember({"immediate", "end", "off"}));
    p->add_option("--report", pa.report, "Save the debrief at the ending as FILE.md, FILE.html or FILE.json");
    auto* watchFlag = p->add_flag("--watch", pa.watch,
                                  "Authors: play the file again each time it is saved, from where the story stands "
                                  "(nothing is kept in the journal)");
    p->add_flag("--resume", pa.resume, "Take up the newest unfinished playthrough of this scenario where it stopped")
        ->excludes(watchFlag);
    auto* checkinFlag = p->add_flag(
        "--checkin", pa.checkin, "Ask the check-ins (before, and after the debrief) even when input is not a terminal");
    p->add_flag("--no-checkin", pa.noCheckin, "Do not ask the check-ins")->excludes(checkinFlag);
    watchFlag->excludes(checkinFlag);
    p->get_option("--script")->excludes(watchFlag);
    p->get_option("--report")->excludes(watchFlag);
    std::string journalFile;
    const char* journalHelp = "The journal file (default: attune/journal.sqlite in the XDG data folder)";
    p->add_option("--journal", journalFile, journalHelp);

    HostArgs ha;
    auto* ho =
        app.add_subcommand("host", "Play with someone on another machine: host a scenario and show a pairing code");
    ho->add_option("file", ha.file, "Scenario file")->required();
    ho->add_option("--role", ha.role, "The role you play here (default: the scenario's player)");
    ho->add_option("--mode", ha.mode, "pass (each machine chooses for its own role)")
        ->check(CLI::IsMember({"pass", "mirror"}));
    ho->add_option("--port", ha.port, "The TCP port to listen on (0: any free port)")->check(CLI::Range(0, 65535));
    ho->add_option("--code", ha.code, "The pairing code (default: a random six digits)");
    ho->add_option("--name", ha.name, "Your name, shown to the other person");
    ho->add_option("--script", ha.script, "Picks for your own role; plays without asking");
    ho->add_option("--coaching", ha.coaching, "Cards after each choice (immediate), at the end (end), or off")
        ->check(CLI::IsMember({"immediate", "end", "off"}));
    ho->add_option("--slowdown", ha.slowdown, "Seconds to wait after five wrong codes within a minute (default 30)")
        ->check(CLI::Range(1, 3600));
    JoinArgs ja;
    auto* jo = app.add_subcommand("join", "Join a scenario hosted on another machine");
    jo->add_option("address", ja.address, "HOST or HOST:PORT, as the host shows it")->required();
    jo->add_option("--code", ja.code, "The pairing code the host shows (asked for when not given)");
    jo->add_option("--name", ja.name, "Your name, shown to the other person");
    jo->add_option("--script", ja.script, "Picks for your own role; plays without asking");
    jo->add_option("--coaching", ja.coaching, "Cards after each choice (immediate), at the end (end), or off")
        ->check(CLI::IsMember({"immediate", "end", "off"}));

    std::string graphFile, graphFormat = "dot";
    auto* g = app.add_subcommand("graph", "Print the node graph as Graphviz DOT, or as SVG laid out by Graphviz");
    g->add_option("file", graphFile, "Scenario file")->required();
    g->add_option("--format", graphFormat, "dot (Graphviz's text, the default) or svg (laid out by Graphviz)")
        ->check(CLI::IsMember({"dot", "svg"}));

    window::WindowOptions win;
    app.add_option("--screenshot", win.screenshot, "Window: save a PNG of the screen reached, then exit");
    app.add_option("--scenario", win.scenario, "Window: open this scenario (id or file) straight away");
    app.add_option("--script", win.script, "Window: picks to play first (numbers or choice ids)");
    app.add_option(
           "--screen", win.screen,
           "Window: library, play, coach, breathe, history, debrief, settings, about, state, together (the set-up for "
           "two), "
           "reveal (mirror mode), host or join (two machines), resume (an unfinished playthrough), toolbox, "
           "checkin (before a story), after (the check-in and note after a debrief), progress, graph (the story map)")
        ->check(CLI::IsMember({"library", "play", "coach", "breathe", "history", "debrief", "settings", "about",
                               "state", "together", "reveal", "host", "join", "resume", "toolbox", "checkin", "after",
                               "progress", "graph"}));
    app.add_option("--practice", win.practice,
                   "Window: with --screen breathe, the practice to show (paced, sigh, "
                   "grounding, compassion, break)")
        ->check(CLI::IsMember({"paced", "sigh", "grounding", "compassion", "break"}));
    app.add_option("--practice-at", win.practiceAt, "Window: with --screen breathe, seconds into the practice to show")
        ->check(CLI::Range(0.f, 1200.f));
    app.add_option("--size", win.size, "Window: size as WIDTHxHEIGHT, e.g. 1280x720");
    app.add_flag("--high-contrast", win.highContrast, "Window: use the high-contrast theme");
    app.add_option("--text-size", win.textSize, "Window: text size 0 (small) to 4 (largest)")->check(CLI::Range(0, 4));
    app.add_flag("--reduced-motion", win.reducedMotion, "Window: no animation");
    app.add_flag("--fullscreen", win.fullscreen, "Window: full screen");
    auto* winSolo = app.add_flag("--solo", win.solo, "Window: with --scenario, play only the player role");
    app.add_flag("--watch", win.watch,
                 "Window: with --scenario FILE, play each save of the file again from where the story stands; "
                 "a save with errors shows them until it is fixed (nothing is kept in the journal)");
    app.add_option("--together", win.together, "Window: with --scenario, two people on one screen: pass or mirror")
        ->check(CLI::IsMember({"pass", "mirror"}))
        ->excludes(winSolo);
    app.add_option("--names", win.names, "Window: with --together, the two names A,B")->delimiter(',')->expected(1, 2);
    app.add_option("--roles", win.roles, "Window: with --together, the roles the named people take, R1,R2")
        ->delimiter(',')
        ->expected(2);
    app.add_flag("--host", win.host, "Window: with --scenario, host it for a partner on another machine at once");
    app.add_option(
        "--join", win.join,
        "Window: join a partner's scenario at HOST or HOST:PORT at once (with --screen join: only fill the form)");
    app.add_option("--code", win.code, "Window: the pairing code (hosting: instead of a random one)");
    app.add_option("--name", win.name, "Window: your name, shown on the other machine");
    app.add_option("--role", win.role, "Window: hosting, the role you play");
    app.add_option("--port", win.port, "Window: hosting, the port to listen on (default 47474; 0: any free port)")
        ->check(CLI::Range(0, 65535));
    app.add_option("--screenshot-delay", win.screenshotDelay, "Window: seconds to play on before the screenshot")
        ->check(CLI::Range(0.f, 60.f));
    bool textOnly = false;
    app.add_flag("--text", textOnly, "Use the terminal player even when a display exists");

    auto* bench = app.add_subcommand("bench", "Benchmarks that print figures");
    int benchFrames = 0, benchProgress = 0, benchReload = 0;
    auto* framesOpt = bench
                          ->add_option("--frames", benchFrames,
                                       "Play a scenario in the window for N frames; print frame times and memory")
                          ->check(CLI::PositiveNumber);
    bench
        ->add_option("--progress", benchProgress,
                     "Open the progress screen N times over --journal FILE; print how long it takes")
        ->check(CLI::PositiveNumber)
        ->excludes(framesOpt);
    bench
        ->add_option("--reload", benchReload,
                     "Save a copy of --scenario FILE N times while the window watches it; print how long each save "
                     "takes to reach the screen")
        ->check(CLI::PositiveNumber)
        ->excludes(framesOpt);
    int benchStartup = 0;
    bench
        ->add_option(
            "--startup", benchStartup,
            "Time start-up to the library's first drawn frame N times (default 10), beside a bare SFML program, "
            "with the shipped library and with 1,000 more scenarios")
        ->expected(0, 1)
        ->default_str("10")
        ->excludes(framesOpt);
    app.add_flag("--bench-first-frame", win.firstFrame, "")->group("");  // bench --startup's child
    RandomWalkArgs rw;
    auto* walksOpt = bench
                         ->add_option("--random-walks", rw.walks,
                                      "Load FILE, then play K random walks as the side-by-side benchmark defines them "
                                      "(docs/benchmarks.md); print one JSON line")
                         ->check(CLI::Range(1, 100000000))
                         ->excludes(framesOpt);
    bench->add_option("--seed", rw.seed, "With --random-walks: the mulberry32 seed (default 1)")->needs(walksOpt);
    bench->add_option("--step-cap", rw.stepCap, "With --random-walks: choices a walk may take (default 200)")
        ->check(CLI::Range(0, 100000000))
        ->needs(walksOpt);
    bench->add_option("file", rw.file, "With --random-walks: the scenario file")->needs(walksOpt);
    bench->add_option("--journal", journalFile,
                      "With --progress: the journal to draw (journal_bench --keep FILE makes one)");
    bench->add_option("--scenario", win.scenario, "Scenario id or file (default: the first in the library)");

    WalkArgs wa;
    auto* wk =
        app.add_subcommand("walk", "Random playtesting: coverage, endings, shortest and longest paths, loops, meters");
    wk->add_option("file", wa.file, "Scenario file")->required();
    wk->add_option("--runs", wa.runs, "Random playthroughs (default 1000)")->check(CLI::Range(1, 10000000));
    wk->add_option("--seed", wa.seed, "Seed for the random picks (default 1): the same seed walks the same paths");
    wk->add_flag("--json", wa.json, "Print the report as JSON (docs/walk-json.md)");

    StatsArgs sa;
    auto* st = app.add_subcommand("stats",
                                  "Coverage report: size, style mix, signs, and nodes reached by random playthroughs");
    st->add_option("paths", sa.paths, "Scenario files or folders")->required();
    st->add_option("--runs", sa.runs, "Random playthroughs per scenario (default 10000)")
        ->check(CLI::Range(1, 1000000));
    st->add_option("--seed", sa.seed, "Random seed (default 1)");
    st->add_flag("--check", sa.check, "Exit 1 if any reachable node is never reached or a playthrough gets stuck");

    int journalLimit = 20;
    auto* jn = app.add_subcommand("journal", "List your most recent finished playthroughs");
    jn->add_option("--journal", journalFile, journalHelp);
    ho->add_option("--journal", journalFile, journalHelp);
    jo->add_option("--journal", journalFile, journalHelp);
    app.add_option("--journal", journalFile, journalHelp);
    jn->add_option("--limit", journalLimit, "How many (default 20)")->check(CLI::Range(1, 100000));
    std::string profile, exportFormat = "json", exportFile, importFile;
    bool yes = false;
    const char* profileHelp =
        "Whose record: partners sharing a machine keep separate ones (default: the default profile)";
    auto* jx = jn->add_subcommand(
        "export",
        "Write your journal as JSON (every row), CSV (one line per step) or an HTML summary to bring to a therapist");
    jx->add_option("--format", exportFormat, "json, csv or html (default json)")
        ->check(CLI::IsMember({"json", "csv", "html"}));
    jx->add_option("--out", exportFile, "The file to write (default: standard output)");
    auto* ji = jn->add_subcommand("import", "Add a JSON export to a profile of this journal");
    ji->add_option("file", importFile, "A file written by attune journal export")->required();
    auto* jd = jn->add_subcommand("delete", "Remove every record of a profile, for good");
    jd->add_flag("--yes", yes, "Do not ask first");
    auto* pg = app.add_subcommand("progress", "Your practice over time: secure choices by theme, patterns, check-ins");
    for (CLI::App* c : {p, jn, jx, ji, jd, pg}) c->add_option("--profile", profile, profileHelp);
    for (CLI::App* c : {jx, ji, jd, pg}) c->add_option("--journal", journalFile, journalHelp);
    app.add_option("--profile", profile, profileHelp);

    std::string practiceId;
    auto* pr = app.add_subcommand("practice", "The regulation toolbox: breathing, grounding, self-compassion, a break");
    pr->add_option("id", practiceId, "The practice to take (without one: the list)");
    pr->add_option("--journal", journalFile, journalHelp);
    pr->add_option("--profile", profile, profileHelp);

    auto* rl = app.add_subcommand("rules", "List the validator's rule ids and what each means");
    auto* ab =
        app.add_subcommand("about", "What Attune is and is not, where to find support, and signs of control or abuse");

    std::string newId, newDir = ".";
    auto* nw = app.add_subcommand("new", "Start a new scenario from a small, valid template");
    nw->add_option("id", newId, "The new scenario's id, in kebab-case (also its file name)")->required();
    nw->add_option("--dir", newDir, "Folder to write it in (default: here)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }

    if (!journalFile.empty()) {
        setJournalPath(journalFile);
        win.journal = journalFile;
    }
    setProfileName(profile);
    win.profile = profile;
    if (*jx) {
        auto lib = exportFormat == "html" ? library(std::cerr) : std::nullopt;
        return journalExport(exportFormat, exportFile, lib ? &*lib : nullptr);
    }
    if (*ji) return journalImport(importFile);
    if (*jd) return journalDelete(yes);
    if (*pg) {
        auto lib = library(std::cerr);
        return showProgress(lib ? &*lib : nullptr);
    }
    if (*pr) return practiceCommand(practiceId);
    if (*wk) return walkCommand(wa);
    if (*v) return validate(validatePaths, validateLint, validateJobs);
    if (*li) return validate(lintPaths, true, validateJobs);
    if (*t) return test(testPaths);
    if (*p) return play(pa);
    if (*g) return graph(graphFile, graphFormat);
    if (*rl) return listRules();
    if (*ab) {
        std::cout << feedback::aboutText(TextOptions{}.width);
        return 0;
    }
    if (*jn) return showJournal(journalLimit);
    if (*st) return stats(sa);
    // A backstop: a message from another machine must never end the program uncaught.
    if (*ho || *jo) try {
            return *ho ? host(ha) : join(ja);
        } catch (const std::exception& e) {
            std::cerr << "attune: the connection failed: " << e.what() << '\n';
            return 1;
        }
    if (*nw) return newScenario(newId, newDir);
    if (*bench) {
        std::string why;
        if (bench->count("--startup") > 0) {
            if (!window::windowAvailable(why)) {
                std::cerr << "attune: bench needs a display: " << why << '\n';
                return 1;
            }
            return startupBench(benchStartup > 0 ? benchStartup : 10);
        }
        if (rw.walks > 0) {
            if (rw.file.empty()) {
                std::cerr << "attune: bench --random-walks needs a scenario FILE\n";
                return 2;
            }
            return randomWalksCommand(rw);
        }
        if (benchFrames == 0 && benchProgress == 0 && benchReload == 0) {
            std::cerr
                << "attune: bench needs --frames N, --progress N, --reload N, --startup [N] or --random-walks K FILE\n";
            return 2;
        }
        if (benchReload > 0 && (benchProgress > 0 || !fs::is_regular_file(win.scenario))) {
            std::cerr << "attune: bench --reload needs --scenario FILE (a copy of it is saved, never the file)\n";
            return 2;
        }
        if (!window::windowAvailable(why)) {
            std::cerr << "attune: bench needs a display: " << why << '\n';
            return 1;
        }
        win.benchFrames = benchFrames;
        win.benchProgress = benchProgress;
        if (benchReload > 0) {
            // The saves go to a copy in a folder of its own: the author's file is never touched.
            const fs::path dir = fs::temp_directory_path() / fmt::format("attune-bench-reload-{}", ::getpid());
            std::error_code ec;
            fs::remove_all(dir, ec);
            fs::create_directories(dir, ec);
            const fs::path copy = dir / fs::path(win.scenario).filename();
            if (ec || !fs::copy_file(win.scenario, copy, ec)) {
                std::cerr << fmt::format("attune: bench --reload: the scenario could not be copied to {}\n",
                                         dir.string());
                return 1;
            }
            win.scenario = copy.string();
            win.watch = true;
            win.benchReload = benchReload;
            const int rc = window::runWindow(win);
            fs::remove_all(dir, ec);
            return rc;
        }
        return window::runWindow(win);
    }
    std::string why;
    if (!textOnly && window::windowAvailable(why)) return window::runWindow(win);
    if (!win.screenshot.empty()) {
        std::cerr << "attune: --screenshot needs a display: " << why << '\n';
        return 1;
    }
    if (!textOnly) std::cout << "No window this time (" << why << "), so Attune starts in the terminal.\n";
    return textLibrary(std::cin, std::cout);
}

}  // namespace attune::cli
