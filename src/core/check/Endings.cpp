#include "core/check/Checker.hpp"
#include "core/run/Session.hpp"

#include <deque>
#include <fmt/format.h>
#include <string>
#include <unordered_set>

namespace attune::check {
namespace {

constexpr std::size_t kStateCap = 40000;  // distinct states explored; the shipped stories need a few thousand

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

struct Explored {
    Session session;
    int parent = -1;
    int choice = -1;  ///< taken at the parent
};

std::string pickName(const Node& n, int choice) {
    const Choice& c = n.choices[static_cast<std::size_t>(choice)];
    return c.id.empty() ? fmt::format("{}#{}", n.id, choice + 1) : c.id;
}

std::string picksTo(const std::vector<Explored>& all, int at) {
    std::vector<std::string> picks;
    for (int i = at; all[static_cast<std::size_t>(i)].parent >= 0; i = all[static_cast<std::size_t>(i)].parent) {
        const Explored& e = all[static_cast<std::size_t>(i)];
        if (e.choice < 0) continue;
        picks.push_back(pickName(all[static_cast<std::size_t>(e.parent)].session.node(), e.choice));
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
    std::vector<Explored> all{{Session(s, everyone), -1, -1}};
    std::unordered_set<std::string> seen{stateKey(all.front().session)};
    std::set<int> reported;
    std::deque<int> queue{0};
    while (!queue.empty() && all.size() < kStateCap) {
        const int at = queue.front();
        queue.pop_front();
        const Session cur = all[static_cast<std::size_t>(at)].session;
        const auto push = [&](Session next, int choice) {
            if (!seen.insert(stateKey(next)).second) return;
            all.push_back({std::move(next), at, choice});
            queue.push_back(static_cast<int>(all.size()) - 1);
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
                    const std::string picks = picksTo(all, at);
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
