// attune bench --frames N: plays a scenario in the window with simulated input
// and prints frame times and peak memory. Figures, not a test.
#include "sfml/App.hpp"
#include "sfml/screens/PlayScreen.hpp"
#include "sfml/screens/LibraryScreen.hpp"
#include "sfml/screens/ProgressScreen.hpp"

#include <SFML/System/Sleep.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <numeric>
#include <string>

namespace attune::ui {
namespace fs = std::filesystem;
namespace {

constexpr long kInputEvery = 30;  // frames between simulated key presses: twice a second

/// Peak resident memory in MB (VmHWM), or -1.
double peakMegabytes() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return -1;
}

/// What a person might press now: read on, pick a choice, close an overlay.
void simulate(App& app, long frame) {
    Screen* top = app.top();
    if (!top) return;
    const std::string name = top->name();
    if (name == "play") {
        auto* p = static_cast<PlayScreen*>(top);
        if (p->mode() == PlayScreen::Mode::Decision) {
            // Point at a choice first (a colour change), then pick one.
            const auto& cs = p->choiceButtons();
            const auto k = static_cast<std::size_t>(frame / kInputEvery) % cs.size();
            app.moveMouse({cs[k].rect().left + 10, cs[k].rect().top + 10});
            app.key(static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + static_cast<int>(k)));
        } else {
            app.key(sf::Keyboard::Space);
        }
    } else if (name == "debrief") {
        app.key(sf::Keyboard::P);  // play again
    } else {
        app.key(sf::Keyboard::Escape);  // close the card, the breath, the backlog
    }
}

struct Figures {
    double mean = 0, p99 = 0, max = 0;
    std::size_t n = 0;
};

Figures figures(std::vector<double> ms) {
    Figures f;
    if (ms.empty()) return f;
    std::sort(ms.begin(), ms.end());
    f.n = ms.size();
    f.mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    const auto k = static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(ms.size())));
    f.p99 = ms[std::min(ms.size(), std::max<std::size_t>(k, 1)) - 1];
    f.max = ms.back();
    return f;
}

}  // namespace

int App::bench(int frames) {
    Context& c = *ctx_;
    if (!c.stack.find<PlayScreen>()) {
        std::string error;
        const Scenario* opened =
            c.library.open(c.library.find("late-text") ? "late-text" : c.library.entries().front().meta.id, error);
        if (!opened) {
            std::cerr << "attune: bench: " << error << '\n';
            return 1;
        }
        const Scenario& s = *opened;
        std::set<std::string> everyone;
        for (const Role& r : s.roles) everyone.insert(r.id);
        c.stack.replace(std::make_unique<PlayScreen>(c, s, everyone));
        c.stack.apply();
    }
    const std::string scenario = c.stack.find<PlayScreen>()->session().scenario().id;
    std::vector<double> all;
    std::map<std::string, std::vector<double>> byScreen;  // by the screen on top during the frame
    std::map<std::string, std::vector<double>> whole;     // the frames that drew every visible screen
    all.reserve(static_cast<std::size_t>(frames));
    for (long i = 0; i < frames && window_.isOpen(); ++i) {
        if (i % kInputEvery == kInputEvery - 1) simulate(*this, i);
        const auto t0 = std::chrono::steady_clock::now();
        frame(1.f / 60.f);
        const auto t1 = std::chrono::steady_clock::now();
        all.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        const std::string name = top() ? top()->name() : "none";
        byScreen[name].push_back(all.back());
        if (drawn_ == Drawn::Whole) whole[name].push_back(all.back());
    }
    if (all.empty()) return 1;
    const Figures f = figures(all);
    std::cout << fmt::format("attune bench: {} frames of '{}' at {}x{}, a key pressed every {} frames\n", f.n, scenario,
                             window_.getSize().x, window_.getSize().y, kInputEvery);
    std::cout << fmt::format("frame time: mean {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms\n", f.mean, f.p99, f.max);
    for (const auto& [name, ms] : byScreen) {
        const Figures s = figures(ms);
        const Figures w = figures(whole[name]);
        std::cout << fmt::format("  {:<9} {:>5} frames: mean {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms; {} drawn whole",
                                 name, s.n, s.mean, s.p99, s.max, w.n);
        std::cout << (w.n ? fmt::format(" (mean {:.2f} ms)\n", w.mean) : "\n");
    }
    // The floor under every frame: handing the window's pixels to the display, nothing drawn.
    std::vector<double> present;
    for (int i = 0; i < 120 && window_.isOpen(); ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        window_.display();
        present.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    const Figures pf = figures(present);
    std::cout << fmt::format("presenting alone (display(), nothing drawn): mean {:.2f} ms, p99 {:.2f} ms\n", pf.mean,
                             pf.p99);
    std::cout << fmt::format("peak memory: {:.1f} MB\n", peakMegabytes());
    return 0;
}

int App::benchProgress(int runs) {
    Context& c = *ctx_;
    if (!c.journal) {
        std::cerr << "attune: bench --progress needs a journal that opens (--journal FILE)\n";
        return 1;
    }
    c.stack.replace(std::make_unique<LibraryScreen>(c));
    c.stack.apply();
    frame(1.f / 60.f);
    std::vector<double> open, report;
    int playthroughs = 0;
    for (int i = 0; i < runs && window_.isOpen(); ++i) {
        // From the key press to the first frame of the screen shown: the report, the summary,
        // the layout of every block, drawing and display().
        const auto t0 = std::chrono::steady_clock::now();
        c.stack.push(std::make_unique<ProgressScreen>(c));
        c.stack.apply();
        frame(1.f / 60.f);
        open.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (auto* p = c.stack.find<ProgressScreen>()) report.push_back(p->reportMs());
        c.stack.pop();
        c.stack.apply();
        frame(1.f / 60.f);
    }
    if (open.empty()) return 1;
    playthroughs = c.journal->report(c.profile).playthroughs;
    const Figures f = figures(open), r = figures(report);
    std::sort(open.begin(), open.end());
    std::cout << fmt::format("attune bench --progress: {} playthroughs in {}, at {}x{}, opened {} times\n",
                             playthroughs, c.journal->file().string(), window_.getSize().x, window_.getSize().y, f.n);
    std::cout << fmt::format(
        "progress screen to its first frame: median {:.1f} ms, mean {:.1f} ms, max {:.1f} ms "
        "(the journal's report: mean {:.1f} ms)\n",
        open[open.size() / 2], f.mean, f.max, r.mean);
    return 0;
}

int App::benchReload(int runs) {
    Context& c = *ctx_;
    if (!watch_ || !c.stack.find<PlayScreen>()) {
        std::cerr << "attune: bench --reload needs a scenario without errors\n";
        return 1;
    }
    const fs::path file = watch_->file();
    std::string text;
    {
        std::ifstream in(file, std::ios::binary);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    frame(1.f / 60.f);
    std::vector<double> ms;
    int missed = 0;
    for (int i = 0; i < runs && window_.isOpen(); ++i) {
        // A new comment each time, so every save has new bytes; in place and by rename in turn.
        const std::string saved = text + fmt::format("\n# bench save {}\n", i + 1);
        const int before = reloads_;
        const auto t0 = std::chrono::steady_clock::now();
        if (i % 2 == 0) {
            std::ofstream(file, std::ios::binary) << saved;
        } else {
            const fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".new");
            std::ofstream(tmp, std::ios::binary) << saved;
            fs::rename(tmp, file);
        }
        // Frames as the program runs them (60 a second), until one shows the new version.
        bool shown = false;
        for (int f = 0; f < 300 && !shown; ++f) {
            frame(1.f / 60.f);
            shown = reloads_ != before;
            if (!shown) sf::sleep(sf::milliseconds(16));
        }
        if (!shown) {
            ++missed;
            continue;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    if (ms.empty()) return 1;
    const Figures f = figures(ms);
    std::sort(ms.begin(), ms.end());
    std::cout << fmt::format("attune bench --reload: {} ({} nodes), {} saves, at {}x{}\n", file.filename().string(),
                             c.stack.find<PlayScreen>()->playthrough().scenario().nodes.size(), f.n,
                             window_.getSize().x, window_.getSize().y);
    std::cout << fmt::format("save to the first frame showing it: median {:.1f} ms, mean {:.1f} ms, max {:.1f} ms{}\n",
                             ms[ms.size() / 2], f.mean, f.max,
                             missed ? fmt::format(" ({} saves never shown)", missed) : std::string());
    return missed ? 1 : 0;
}

}  // namespace attune::ui
