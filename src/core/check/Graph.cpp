#include "core/check/Checker.hpp"
#include "core/graph/Graph.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace attune::check {

void checkGraph(const Scenario& s, Diagnostics& d) {
    if (s.startIndex < 0) return;
    if (std::none_of(s.nodes.begin(), s.nodes.end(), [](const Node& n) { return n.isEnding(); })) {
        d.error(s.startPos, "no-ending", "the scenario has no ending node; give at least one node an 'ending'");
        return;
    }
    const graph::Shape sh = graph::shape(s);  // the same reachability the story map flags
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& n = s.nodes[i];
        if (!sh.reachable[i])
            d.warning(n.pos, "unreachable", fmt::format("node '{}' cannot be reached from '{}'", n.id, s.start));
        else if (!sh.toEnding[i])
            d.error(n.pos, "no-way-out",
                    fmt::format("no ending can be reached from node '{}'; the story would loop here forever", n.id));
    }
}

}  // namespace attune::check
