#include "core/run/Walk.hpp"

#include "core/run/Playthrough.hpp"
#include "core/run/Session.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

namespace attune {
namespace {
std::size_t u(int i) { return static_cast<std::size_t>(i); }
}  // namespace

WalkReport walk(const Scenario& s, int runs, std::uint32_t seed) {
    WalkReport r;
    r.seed = seed;
    r.runs = s.startIndex < 0 ? 0 : runs;
    r.stepCap = static_cast<int>(std::max<std::size_t>(2000, 4 * s.nodes.size()));
    std::set<std::string> everyone;
    for (const Role& role : s.roles) everyone.insert(role.id);
    std::vector<char> reached(s.nodes.size(), 0);
    std::vector<std::vector<int>> taken(s.nodes.size());
    for (std::size_t i = 0; i < s.nodes.size(); ++i) taken[i].assign(s.nodes[i].choices.size(), 0);
    std::vector<int> endingRuns(s.nodes.size(), 0);
    for (const Meter& m : s.meters) r.meters.push_back({m.name, m.min, m.max, m.start, m.start, 0});
    std::mt19937 rng(seed);
    for (int run = 0; run < r.runs; ++run) {
        Playthrough p = Playthrough::borrowing(s, everyone);
        p.keepRewindPoints(false);
        const Session& ses = p.session();
        int steps = 0;
        bool capped = false;
        for (;;) {
            if (ses.state() == Session::State::Line) {
                p.advance();
            } else if (ses.state() == Session::State::Decision) {
                const auto& shown = ses.history().back().offered;
                p.choose(shown[std::uniform_int_distribution<std::size_t>(0, shown.size() - 1)(rng)]);
            } else {
                break;
            }
            if (++steps >= r.stepCap) {
                capped = true;
                break;
            }
        }
        std::vector<std::string> script;
        for (const Step& st : ses.history()) {
            reached[u(st.node)] = 1;
            for (std::size_t m = 0; m < r.meters.size() && m < st.metersAfter.size(); ++m) {
                r.meters[m].low = std::min(r.meters[m].low, st.metersAfter[m]);
                r.meters[m].high = std::max(r.meters[m].high, st.metersAfter[m]);
            }
            if (st.choice < 0) continue;
            ++taken[u(st.node)][u(st.choice)];
            script.push_back(s.nodes[u(st.node)].choices[u(st.choice)].id);
        }
        for (std::size_t m = 0; m < r.meters.size(); ++m) {
            const int v = ses.meters()[m];
            if (v <= r.meters[m].min || v >= r.meters[m].max) ++r.meters[m].pinnedRuns;
        }
        if (capped) {
            if (r.capped++ == 0)
                r.cappedScript.assign(script.begin(), script.begin() + std::min<std::size_t>(40, script.size()));
            continue;
        }
        if (ses.state() != Session::State::Ending) {
            ++r.stuck;
            continue;
        }
        ++endingRuns[u(ses.nodeIndex())];
        const int picks = static_cast<int>(script.size());
        if (r.shortest.picks < 0 || picks < r.shortest.picks) r.shortest = {picks, ses.node().id, script};
        if (picks > r.longest.picks) r.longest = {picks, ses.node().id, script};
    }
    // Reachable in the graph from the start (any branch, any choice).
    std::vector<char> reachable(s.nodes.size(), 0);
    if (s.startIndex >= 0) {
        std::vector<int> todo{s.startIndex};
        reachable[u(s.startIndex)] = 1;
        while (!todo.empty()) {
            const int v = todo.back();
            todo.pop_back();
            const auto visit = [&](int w) {
                if (w >= 0 && !reachable[u(w)]) {
                    reachable[u(w)] = 1;
                    todo.push_back(w);
                }
            };
            for (const Branch& b : s.nodes[u(v)].next) visit(b.target);
            for (const Choice& c : s.nodes[u(v)].choices)
                for (const Branch& b : c.next) visit(b.target);
        }
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& n = s.nodes[i];
        if (n.isEnding()) r.endings.push_back({n.id, n.ending->title, name(n.ending->kind), endingRuns[i]});
        if (!reachable[i]) continue;
        ++r.reachable;
        if (!reached[i]) {
            r.nodesMissed.push_back(n.id);
            continue;
        }
        ++r.reached;
        for (std::size_t c = 0; c < n.choices.size(); ++c) {
            ++r.choices;
            if (taken[i][c] > 0)
                ++r.choicesTaken;
            else
                r.choicesMissed.push_back(n.id + "/" + n.choices[c].id);
        }
    }
    return r;
}

std::uint32_t mulberry32(std::uint32_t& state) {
    state += 0x6D2B79F5u;
    std::uint32_t t = state;
    t = (t ^ (t >> 15)) * (t | 1u);
    t ^= t + (t ^ (t >> 7)) * (t | 61u);
    return t ^ (t >> 14);
}

int pickIndex(std::uint32_t r, std::size_t count) {
    return static_cast<int>((static_cast<std::uint64_t>(r) * count) >> 32);
}

std::uint32_t fnv1a32(std::string_view bytes, std::uint32_t h) {
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

RandomWalks randomWalks(const Scenario& s, int walks, std::uint32_t seed, int stepCap) {
    RandomWalks r;
    r.walks = walks;
    r.pathHash = fnv1a32({});
    std::set<std::string> everyone;
    for (const Role& role : s.roles) everyone.insert(role.id);
    std::uint32_t rng = seed;
    for (int w = 0; w < walks; ++w) {
        Playthrough p = Playthrough::borrowing(s, everyone);
        p.keepRewindPoints(false);
        const Session& ses = p.session();
        std::size_t hashed = 0;
        int steps = 0;
        for (;;) {
            for (const auto& h = ses.history(); hashed < h.size(); ++hashed)
                r.pathHash = fnv1a32("\n", fnv1a32(s.nodes[u(h[hashed].node)].text, r.pathHash));
            if (ses.state() == Session::State::Line) {
                p.advance();
            } else if (ses.state() == Session::State::Decision && steps < stepCap) {
                const auto& shown = ses.history().back().offered;
                p.choose(shown[u(pickIndex(mulberry32(rng), shown.size()))]);
                ++steps;
            } else {
                break;  // an ending, stuck (nothing to choose), or the cap
            }
        }
        r.steps += steps;
    }
    return r;
}

namespace {
/// A list for reading: the first twenty, then how many more (the JSON has them all).
std::string some(const std::vector<std::string>& items) {
    if (items.size() <= 20) return text::join(items);
    return text::join(std::vector<std::string>(items.begin(), items.begin() + 20)) +
           fmt::format(" and {} more (--json lists them all)", items.size() - 20);
}

std::string percent(int part, int whole) {
    return whole > 0 ? fmt::format("{:.1f}%", 100.0 * part / whole) : std::string("0%");
}
}  // namespace

std::string walkText(const Scenario& s, const WalkReport& r, const std::string& file) {
    std::string out = fmt::format("{} ({}): {} random playthrough{}, seed {}, every role played\n", s.title, file,
                                  r.runs, r.runs == 1 ? "" : "s", r.seed);
    out += fmt::format("  nodes: reached {} of {} reachable ({})\n", r.reached, r.reachable,
                       percent(r.reached, r.reachable));
    if (!r.nodesMissed.empty()) out += "    never reached: " + some(r.nodesMissed) + "\n";
    out += fmt::format("  choices: taken {} of {} at the nodes reached ({})\n", r.choicesTaken, r.choices,
                       percent(r.choicesTaken, r.choices));
    if (!r.choicesMissed.empty()) out += "    never taken: " + some(r.choicesMissed) + "\n";
    out += "  endings:\n";
    for (const auto& e : r.endings)
        out += fmt::format("    {} ({}, {}): {} run{} ({})\n", e.node, e.title, e.kind, e.runs, e.runs == 1 ? "" : "s",
                           percent(e.runs, r.runs));
    if (r.shortest.picks >= 0) {
        out += fmt::format("  shortest: {} pick{} to {}: --script {}\n", r.shortest.picks,
                           r.shortest.picks == 1 ? "" : "s", r.shortest.ending, text::join(r.shortest.script, ","));
        out += fmt::format("  longest: {} pick{} to {}: --script {}\n", r.longest.picks,
                           r.longest.picks == 1 ? "" : "s", r.longest.ending, text::join(r.longest.script, ","));
    }
    if (r.capped > 0)
        out += fmt::format("  {} run{} hit the cap of {} steps, a possible endless loop; the first began --script {}\n",
                           r.capped, r.capped == 1 ? "" : "s", r.stepCap, text::join(r.cappedScript, ","));
    if (r.stuck > 0)
        out += fmt::format("  {} run{} stopped where no choice was shown and no next applied\n", r.stuck,
                           r.stuck == 1 ? "" : "s");
    out += "  meters (the lowest and highest each took; runs ending at a bound):\n";
    for (const auto& m : r.meters) {
        out += fmt::format("    {}: {} to {} (of {} to {}); {} run{} ended at a bound ({})", m.id, m.low, m.high, m.min,
                           m.max, m.pinnedRuns, m.pinnedRuns == 1 ? "" : "s", percent(m.pinnedRuns, r.runs));
        if (r.runs > 0 && 2 * m.pinnedRuns > r.runs) out += ": pinned in most runs, worth a look";
        out += "\n";
    }
    return out;
}

std::string walkJson(const Scenario& s, const WalkReport& r) {
    using nlohmann::json;
    json j{{"format", 1},
           {"scenario", s.id},
           {"runs", r.runs},
           {"seed", r.seed},
           {"step_cap", r.stepCap},
           {"nodes", {{"reachable", r.reachable}, {"reached", r.reached}, {"missed", r.nodesMissed}}},
           {"choices", {{"total", r.choices}, {"taken", r.choicesTaken}, {"missed", r.choicesMissed}}},
           {"endings", json::array()},
           {"capped", {{"runs", r.capped}, {"script", r.cappedScript}}},
           {"stuck", r.stuck},
           {"meters", json::array()}};
    for (const auto& e : r.endings)
        j["endings"].push_back({{"node", e.node}, {"title", e.title}, {"kind", e.kind}, {"runs", e.runs}});
    const auto path = [](const WalkReport::Path& p) -> json {
        if (p.picks < 0) return nullptr;
        return {{"picks", p.picks}, {"ending", p.ending}, {"script", p.script}};
    };
    j["shortest"] = path(r.shortest);
    j["longest"] = path(r.longest);
    for (const auto& m : r.meters)
        j["meters"].push_back({{"id", m.id},
                               {"min", m.min},
                               {"max", m.max},
                               {"low", m.low},
                               {"high", m.high},
                               {"pinned_runs", m.pinnedRuns}});
    return j.dump(2) + "\n";
}

}  // namespace attune
