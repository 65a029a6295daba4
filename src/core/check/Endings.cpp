#include "core/check/Checker.hpp"
#include "core/run/Session.hpp"

#include <deque>
#include <fmt/format.h>
#include <string>
#include <unordered_set>

namespace attune::check {
namespace {

constexpr std::size_t kStateCap = 40000;      // distinct states explored; the shipped stories need a few thousand
constexpr std::size_t kWorkCap = 40000000;    // ints copied into explored Sessions (about 160 MB at most)

/// What makes two moments of play the same for everything that follows.
std::string stateKey(const Session& s) {
    std::string k;
    k.reserve(64);
    const auto put = [&k](int v) { k.append(reinterpret_cast<const char*>(&v), sizeof v); };
    put(s.nodeIndex());
    put(static_cast<int>(s.state()));
    for (int m : s.meters()) put(m);
    for (std::size_t f = 0; f < s.scenario().flags.size(); ++f) k += s.flag(static_cast<int>(f)) ? '1' : '0';
    for (std::size_t n = 0; n < s.scenario().nodes.size(); ++n) put(std::min(s.visits(static_cast<int>(n)), 3));
    return k;
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

}  // namespace

void checkEndings(const Scenario& s, Diagnostics& d) {
    if (s.startIndex < 0) return;
    std::set<std::string> everyone;
    for (const Role& r : s.roles) everyone.insert(r.id);
    // Breadth first, so the picks named are a shortest way there. Only the frontier keeps
    // whole Sessions, and the work is capped in states and in what copying them costs.
    std::vector<Trail> trail{{-1, -1, -1}};
    std::deque<std::pair<Session, int>> frontier;
    frontier.emplace_back(Session(s, everyone), 0);
    std::unordered_set<std::string> seen{stateKey(frontier.front().first)};
    std::set<int> reported;
    std::size_t work = 0;
    const std::size_t perState = s.nodes.size() + s.meters.size() + 16;
    while (!frontier.empty() && trail.size() < kStateCap && work < kWorkCap) {
        auto [cur, at] = std::move(frontier.front());
        frontier.pop_front();
        const auto push = [&](Session next, int choice) {
            if (!seen.insert(stateKey(next)).second) return;
            trail.push_back({at, cur.nodeIndex(), choice});
            work += perState + next.history().size() * 8;
            frontier.emplace_back(std::move(next), static_cast<int>(trail.size()) - 1);
        };
        switch (cur.state()) {
            case Session::State::Line: {
                Session next = cur;
                next.advance();
                push(std::move(next), -1);
                break;
            }
            case Session::State::Decision:
                for (int c : cur.visibleChoices()) {
                    Session next = cur;
                    next.choose(c);
                    push(std::move(next), c);
                }
                break;
            case Session::State::Ending: {
                const Node& n = cur.node();
                if (n.ending->kind != EndingKind::Secure || reported.count(cur.nodeIndex())) break;
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
                break;
            }
            case Session::State::Stuck: break;
        }
    }
}

}  // namespace attune::check
