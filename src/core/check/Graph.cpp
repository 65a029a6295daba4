#include "core/check/Checker.hpp"

#include <fmt/format.h>

namespace attune::check {
namespace {

using Adjacency = std::vector<std::vector<int>>;

Adjacency edges(const Scenario& s) {
    Adjacency out(s.nodes.size());
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& n = s.nodes[i];
        for (const Branch& b : n.next) out[i].push_back(b.target);
        for (const Choice& c : n.choices)
            for (const Branch& b : c.next) out[i].push_back(b.target);
    }
    return out;
}

std::vector<char> reach(const Adjacency& adj, std::vector<int> frontier) {
    std::vector<char> seen(adj.size(), 0);
    for (int f : frontier) seen[static_cast<std::size_t>(f)] = 1;
    while (!frontier.empty()) {
        const int n = frontier.back();
        frontier.pop_back();
        for (int m : adj[static_cast<std::size_t>(n)])
            if (m >= 0 && !seen[static_cast<std::size_t>(m)]) {
                seen[static_cast<std::size_t>(m)] = 1;
                frontier.push_back(m);
            }
    }
    return seen;
}

}  // namespace

void checkGraph(const Scenario& s, Diagnostics& d) {
    if (s.startIndex < 0) return;
    const Adjacency adj = edges(s);
    const auto fromStart = reach(adj, {s.startIndex});

    Adjacency reverse(adj.size());
    std::vector<int> endings;
    for (std::size_t i = 0; i < adj.size(); ++i) {
        for (int m : adj[i]) reverse[static_cast<std::size_t>(m)].push_back(static_cast<int>(i));
        if (s.nodes[i].isEnding()) endings.push_back(static_cast<int>(i));
    }
    if (endings.empty()) {
        d.error(s.startPos, "no-ending", "the scenario has no ending node; give at least one node an 'ending'");
        return;
    }
    const auto toEnding = reach(reverse, endings);
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& n = s.nodes[i];
        if (!fromStart[i])
            d.warning(n.pos, "unreachable", fmt::format("node '{}' cannot be reached from '{}'", n.id, s.start));
        else if (!toEnding[i])
            d.error(n.pos, "no-way-out",
                    fmt::format("no ending can be reached from node '{}'; the story would loop here forever", n.id));
    }
}

}  // namespace attune::check
