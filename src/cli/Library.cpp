#include "cli/Commands.hpp"

#include "core/run/Playthrough.hpp"
#include "core/load/Patterns.hpp"
#include "core/journal/Journal.hpp"
#include "core/load/Folders.hpp"
#include "core/load/Index.hpp"
#include "core/load/Loader.hpp"
#include "core/run/Script.hpp"
#include "core/util/Text.hpp"
#include "core/settings/Settings.hpp"
#include "text/Checkin.hpp"
#include "text/TextPlayer.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <set>
#include <unistd.h>

namespace attune::cli {
namespace fs = std::filesystem;

namespace {

std::optional<int> askNumber(std::istream& in, std::ostream& out, int max, const std::string& prompt) {
    while (true) {
        out << prompt << std::flush;
        std::string line;
        if (!std::getline(in, line)) {
            out << '\n';
            return std::nullopt;
        }
        const auto t = text::splitTrim(line, ',');
        const std::string a = t.empty() ? "" : t.front();
        if (a == "q" || a == "quit") return std::nullopt;
        if (!a.empty() && a.size() < 6 && a.find_first_not_of("0123456789") == std::string::npos) {
            const int n = std::stoi(a);
            if (n >= 1 && n <= max) return n;
        }
        out << fmt::format("Type a number from 1 to {}, or q to stop.\n", max);
    }
}

/// A line of text, or nothing at the end of input.
std::optional<std::string> askLine(std::istream& in, std::ostream& out, const std::string& prompt) {
    out << prompt << std::flush;
    std::string line;
    if (!std::getline(in, line)) {
        out << '\n';
        return std::nullopt;
    }
    const auto parts = text::splitTrim(line, '\n');
    return parts.empty() ? std::string() : parts.front();
}

/// Names (optional), who takes which role, and how to play together.
std::optional<Table> askTable(std::istream& in, std::ostream& out, const Scenario& s) {
    out << "\n  Names help the screen say whose turn it is. Press Enter to skip.\n";
    std::vector<std::string> names;
    for (const char* which : {"First", "Second"}) {
        while (true) {
            auto n = askLine(in, out, fmt::format("  {} person's name: ", which));
            if (!n) return std::nullopt;
            Table probe{TogetherMode::Solo, {{*n, s.roles[0].id}}};
            if (const std::string why = checkTable(probe, s); !why.empty()) {
                out << "  " << text::capitalFirst(why) << ".\n";
                continue;
            }
            if (!names.empty() && !n->empty() && *n == names.front()) {
                out << fmt::format("  {} is taken; give the second person a different name (or none).\n", *n);
                continue;
            }
            names.push_back(*n);
            break;
        }
    }
    const std::string first = names[0].empty() ? std::string("the first person") : names[0];
    out << fmt::format("\n  Which role does {} take?\n  1. {}\n  2. {}\n", first, s.roles[0].name, s.roles[1].name);
    const auto role = askNumber(in, out, 2, "  Role: ");
    if (!role) return std::nullopt;
    out << "\n  1. Pass the device: each of you chooses for your own role, in private.\n"
           "  2. Mirror: you both answer every decision in private, then compare.\n";
    const auto how = askNumber(in, out, 2, "  How do you want to play together? ");
    if (!how) return std::nullopt;
    const std::vector<std::string> roles = *role == 1 ? std::vector<std::string>{s.roles[0].id, s.roles[1].id}
                                                      : std::vector<std::string>{s.roles[1].id, s.roles[0].id};
    std::string err;
    auto t = makeTable(s, *how == 1 ? TogetherMode::Pass : TogetherMode::Mirror, names, roles, err);
    if (!t) out << "  " << err << ".\n";
    return t;
}

std::string themeList(const Scenario& s) {
    std::vector<std::string> t;
    for (Theme th : s.themes) t.emplace_back(name(th));
    return text::join(t);
}

}  // namespace

int textLibrary(std::istream& in, std::ostream& out) {
    Diagnostics libDiags(defaultPatternLibraryPath().string());
    PatternLibrary patterns = loadDefaultPatternLibrary(libDiags);
    if (!patterns.loaded()) {
        for (const auto& d : libDiags.all()) std::cerr << d.format() << '\n';
        std::cerr << "attune: the pattern library could not be loaded; set ATTUNE_ASSETS to the assets folder\n";
        return 1;
    }
    bool ok = true;
    std::vector<std::string> folders;
    for (const auto& f : folders::scenarioFolders()) folders.push_back(f.string());
    // What the list shows comes from the library index; the story picked is loaded in full.
    std::vector<IndexEntry> scenarios;
    LibraryIndex index(patterns);
    for (const auto& f : scenarioFiles(folders, std::cerr, ok)) {
        const IndexEntry& e = index.entry(f);
        if (e.errors == 0)
            scenarios.push_back(e);
        else
            std::cerr << fmt::format("attune: skipping {}: it has errors (run: attune validate {})\n", f.string(),
                                     f.string());
    }
    index.save();
    // Gentlest first, then by title: a newcomer meets a difficulty-1 story at the top.
    std::stable_sort(scenarios.begin(), scenarios.end(),
                     [](const IndexEntry& a, const IndexEntry& b) { return folders::gentlestFirst(a.meta, b.meta); });
    if (scenarios.empty()) {
        std::cerr << "attune: no scenarios found in " << text::join(folders) << '\n';
        return 1;
    }
    out << "Attune: practise secure communication, one conversation at a time.\n"
           "This is practice, not therapy. If you are not safe at home, please call your local\n"
           "emergency number or a domestic-abuse helpline.\n\n";
    const Journal journal(journalPath());
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        const Scenario& s = scenarios[i].meta;
        const std::size_t endings = scenarios[i].endings.size();
        const auto progress = journal.progress(s.id, profileName());
        const std::string done = progress.completed() ? fmt::format("; played, {} of {} endings found",
                                                                    progress.endingsFound.size(), endings)
                                                      : "";
        out << fmt::format("{:>3}. {}  ({}; about {} min; difficulty {}{})\n", i + 1, s.title, themeList(s), s.minutes,
                           s.difficulty, done);
        for (const auto& l : text::wrap(s.summary, 70)) out << "       " << l << '\n';
    }
    const auto pick = askNumber(in, out, static_cast<int>(scenarios.size()), "\nWhich scenario? (number, q to stop) ");
    if (!pick) return 0;
    const fs::path picked = scenarios[static_cast<std::size_t>(*pick - 1)].file;
    LoadResult loaded = loadScenario(picked, patterns, Checks::Play);
    if (!loaded.scenario) {
        for (const auto& d : loaded.diags.all()) std::cerr << d.format() << '\n';
        std::cerr << fmt::format(
            "attune: {} changed after the list was read and now has errors (run: attune validate {})\n",
            picked.string(), picked.string());
        return 1;
    }
    const Scenario& s = *loaded.scenario;
    const Role* player = s.role(s.player);
    std::optional<Table> table;
    if (s.roles.size() > 1) {
        const Role& other = s.roles[0].id == s.player ? s.roles[1] : s.roles[0];
        out << fmt::format(
            "\n  1. Alone: you play {}, and {} answers.\n  2. Together: one of you plays {}, the other {}.\n",
            player ? player->name : s.player, other.name, player ? player->name : s.player, other.name);
        const auto mode = askNumber(in, out, 2, "How do you want to play? ");
        if (!mode) return 0;
        if (*mode == 2) {
            table = askTable(in, out, s);
            if (!table) return 0;
        }
    }
    out << '\n';
    printTitle(s, out);
    Playthrough run = table ? Playthrough::borrowing(s, *table) : Playthrough::borrowing(s, playedRoles(s, true));
    auto recording = openJournal();
    std::optional<Recorder> recorder;
    if (recording) recorder.emplace(*recording, run, std::nullopt, profileName());
    TextOptions opts;
    opts.interactive = isatty(STDIN_FILENO) != 0;
    opts.clearScreen = opts.interactive && isatty(STDOUT_FILENO) != 0 && table.has_value();
    addCoaching(opts, patterns, 0, run);
    if (recorder)
        opts.onPractice = [&recorder](const std::string& id, int seconds) { recorder->practised(id, seconds); };
    if (recorder)
        opts.stopNote = [&recorder] {
            return recorder->id() ? std::string("Your steps so far are kept in your journal.") : std::string();
        };
    if (table) printTable(run, out, opts.width);
    // The check-ins, as with attune play: one person's, at a terminal, when the setting allows.
    const bool checkins = recorder && !table && opts.interactive && loadSettings(settingsPath()).settings.checkins;
    if (checkins) checkInBefore(*recorder, in, out);
    TypedPicks source(in);
    const PlayEnd end = playText(run, source, out, opts);
    if (end == PlayEnd::Ending && recorder) {
        recorder->finish();
        if (checkins) checkInAfter(*recorder, in, out);
    }
    return end == PlayEnd::Stuck ? 1 : 0;
}

}  // namespace attune::cli
