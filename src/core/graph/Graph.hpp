#pragma once
/// The story's shape as a graph: Graphviz DOT (choices coloured by style, endings by kind,
/// unreachable nodes and nodes that can get stuck flagged), laid out with Graphviz's own
/// library (libgvc) into SVG for `attune graph --format svg`, or into positions the
/// window's graph screen draws. And the shortest run of picks that reaches a node.
#include "core/model/Scenario.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace attune::graph {

/// Per node: reachable from start; an ending reachable from it; can get stuck (every way
/// on has an 'if', so when none holds the story stops).
struct Shape {
    std::vector<char> reachable, toEnding, mayStick;
};
Shape shape(const Scenario& s);

/// Graphviz DOT of the node graph (`edgeLabels`: each choice's words and each condition on
/// its edge, as `attune graph` prints it).
std::string dot(const Scenario& s);
std::string dot(const Scenario& s, bool edgeLabels);

/// A laid-out graph, in points (1/72 inch) with y going down, the box at (0, 0).
struct Point {
    double x = 0, y = 0;
};
struct PlacedNode {
    int node = -1;  ///< index into the scenario's nodes
    Point centre;
    double width = 0, height = 0;
};
struct PlacedEdge {
    int from = -1, to = -1;      ///< node indices
    int choice = -1;             ///< index into from's choices, or -1 for a 'next' branch
    std::vector<Point> curve;    ///< the cubic Bézier control points Graphviz gives (1 + 3n)
    std::optional<Point> arrow;  ///< where the arrowhead's tip is, when it has one
};
struct Layout {
    double width = 0, height = 0;
    std::vector<PlacedNode> nodes;
    std::vector<PlacedEdge> edges;
};

/// Nodes plus edges past which the DOT asks Graphviz for its quicker layout.
constexpr std::size_t kQuickLayout = 300;
/// Past this many nodes the window's map is not drawn (Graphviz would take minutes).
constexpr std::size_t kMapNodeLimit = 250;

/// What a layout needs, taken from the scenario so it can be laid out on another thread.
struct Prepared {
    std::string dot;                   ///< without edge labels
    std::map<std::string, int> index;  ///< node id -> index
};
Prepared prepare(const Scenario& s);
/// Lays it out with Graphviz's dot layout; nothing with `error` when Graphviz cannot.
/// Safe from any thread (layouts take turns: Graphviz keeps global state).
std::optional<Layout> layout(const Prepared& p, std::string& error);
std::optional<Layout> layout(const Scenario& s, std::string& error);
/// The graph as a standalone SVG document; nothing with `error` when Graphviz cannot.
std::optional<std::string> svg(const Scenario& s, std::string& error);

/// The fewest picks (choice keys, as --script takes them) that bring a playthrough with
/// `played` from the start to node `target`, respecting conditions; nothing when no run
/// within `maxStates` distinct story states gets there.
/// `gaveUp` (when given) says whether the search stopped at `maxStates` rather than
/// finding that no run gets there.
std::optional<std::vector<std::string>> shortestPicks(const Scenario& s, const std::set<std::string>& played,
                                                      int target, int maxStates = 50000, bool* gaveUp = nullptr);

}  // namespace attune::graph
