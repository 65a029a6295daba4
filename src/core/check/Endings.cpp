#include "core/check/Checker.hpp"
#include "core/run/Session.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <fmt/format.h>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>

namespace attune::check {
namespace {

constexpr std::size_t kStateCap = 40000;    // distinct states explored; the shipped stories need a few thousand
constexpr std::size_t kWorkCap = 30000000;  // ints copied and choices looked at, all told (about 120 MB at most)

/// What makes two moments of play the same for everything that follows, as a 64-bit hash.
/// Visits count up to `visitCap`: past the largest number any condition compares them with,
/// more visits change nothing.
std::uint64_t stateKey(const Session& s, int visitCap) {
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a over the state's numbers
    const auto put = [&h](std::int64_t v) {
        for (int i = 0; i < 8; ++i) {
            h ^= static_cast<std::uint64_t>(v >> (8 * i)) & 0xffu;
            h *= 1099511628211ull;
        }
    };
    put(s.nodeIndex());
    put(static_cast<int>(s.state()));
    for (int m : s.meters()) put(m);
    for (std::size_t f = 0; f < s.scenario().flags.size(); ++f) put(s.flag(static_cast<int>(f)) ? 1 : 0);
    for (std::size_t n = 0; n < s.scenario().nodes.size(); ++n) put(std::min(s.visits(static_cast<int>(n)), visitCap));
    return h;
}

/// How a state was first reached: enough to name the picks, without keeping its Session.
struct Trail {
    int parent = -1;
    int node = -1;    ///< the parent's node
    int choice = -1;  ///< taken there, or -1 for a line
};

std::string picksTo(const std::vector<Trail>& trail, const Scenario& s, int at) {
    std::vector<std::string> picks;
    for (int i = at; trail[static_cast<std::size_t>(i)].parent >= 0; i = trail[static_cast<std::size_t>(i)].parent) {
        const Trail& t = trail[static_cast<std::size_t>(i)];
        if (t.choice < 0) continue;
        const Node& n = s.nodes[static_cast<std::size_t>(t.node)];
        const Choice& c = n.choices[static_cast<std::size_t>(t.choice)];
        picks.push_back(c.id.empty() ? fmt::format("{}#{}", n.id, t.choice + 1) : c.id);
    }
    std::string out;
    for (auto it = picks.rbegin(); it != picks.rend(); ++it) out += (out.empty() ? "" : ", ") + *it;
    return out;
}

/// Every distinct state of the story once, breadth first (so the picks to it are a
/// shortest way there), with every role played; `visit` sees each with the trail index
/// it was reached by. Only the frontier keeps whole Sessions, and the work is capped:
/// states, and every int copied or choice looked at.
/// True when every state was seen (false: the caps stopped it first).
bool explore(const Scenario& s, const std::function<void(const Session&, const std::vector<Trail>&, int)>& visit) {
    if (s.startIndex < 0) return true;
    std::set<std::string> everyone;
    for (const Role& r : s.roles) everyone.insert(r.id);
    const int cap = visitFacts(s).cap;
    std::vector<Trail> trail{{-1, -1, -1}};
    std::deque<std::pair<Session, int>> frontier;
    frontier.emplace_back(Session(s, everyone), 0);
    std::unordered_set<std::uint64_t> seen{stateKey(frontier.front().first, cap)};
    std::size_t work = 0;
    const std::size_t perState = s.nodes.size() + s.meters.size() + s.flags.size() + 16;
    const auto over = [&] { return trail.size() >= kStateCap || work >= kWorkCap; };
    while (!frontier.empty() && !over()) {
        Session cur = std::move(frontier.front().first);
        const int at = frontier.front().second;
        frontier.pop_front();
        visit(cur, trail, at);
        // Every copy of a Session is paid for, kept or not.
        const std::size_t copy = perState + cur.history().size() * (2 * s.meters.size() + 8);
        const auto push = [&](Session next, int choice) {
            if (over() || !seen.insert(stateKey(next, cap)).second) return;
            trail.push_back({at, cur.nodeIndex(), choice});
            frontier.emplace_back(std::move(next), static_cast<int>(trail.size()) - 1);
        };
        switch (cur.state()) {
            case Session::State::Line: {
                work += copy;
                Session next = cur;
                next.advance();
                push(std::move(next), -1);
                break;
            }
            case Session::State::Decision: {
                const StepInts shown = cur.history().back().offered;
                work += cur.node().choices.size();
                for (int c : shown) {
                    if (over()) break;
                    work += copy;
                    Session next = cur;
                    next.choose(c);
                    push(std::move(next), c);
                }
                break;
            }
            case Session::State::Ending:
            case Session::State::Stuck:
                break;
        }
    }
    return frontier.empty();
}

}  // namespace

void checkEndings(const Scenario& s, Diagnostics& d) {
    std::set<int> reported;
    explore(s, [&](const Session& cur, const std::vector<Trail>& trail, int at) {
        if (cur.state() != Session::State::Ending) return;
        const Node& n = cur.node();
        if (n.ending->kind != EndingKind::Secure || reported.count(cur.nodeIndex())) return;
        for (const Meter& m : s.meters) {
            if (m.kind != MeterKind::Arousal) continue;
            const int v = cur.meter(m.name);
            if (zoneOf(v) != Zone::Below) continue;
            reported.insert(cur.nodeIndex());
            const std::string picks = picksTo(trail, s, at);
            d.warning(n.ending->pos, "secure-ending-shutdown",
                      fmt::format("the secure ending '{}' can be reached with '{}' at {}, below the window "
                                  "(shutdown){}; let the story settle the body first, for example with "
                                  "{{ toward: 50, by: 10 }}",
                                  n.id, m.name, v, picks.empty() ? "" : ", after " + picks));
            break;
        }
    });
}

std::vector<int> highestArousal(const Scenario& s, bool* complete) {
    std::vector<int> top(s.nodes.size(), -1);
    const bool all = explore(s, [&](const Session& cur, const std::vector<Trail>&, int) {
        int& t = top[static_cast<std::size_t>(cur.nodeIndex())];
        for (std::size_t i = 0; i < s.meters.size(); ++i)
            if (s.meters[i].kind == MeterKind::Arousal) t = std::max(t, cur.meter(static_cast<int>(i)));
    });
    if (complete) *complete = all;
    return top;
}

}  // namespace attune::check
