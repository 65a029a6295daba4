// The graph view's core: the shape flags (unreachable, can get stuck), Graphviz's layout
// through its library (every node placed inside the box, every edge with its curve and its
// choice), the SVG it writes, and the fewest picks that reach a node, conditions and all.
#include "core/graph/Graph.hpp"
#include "core/load/Loader.hpp"
#include "core/run/Script.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>

using namespace attune;

namespace {

Scenario flagged() {
    std::string text = testing::slurp(testing::testDir() / "data" / "small.yaml");
    // A node nothing leads to, and a last branch with an 'if' (the story could stop there).
    text.replace(text.find("  distance:\n"), 12,
                 "  orphan:\n    text: \"Never seen.\"\n    next: rupture\n  distance:\n");
    text.replace(text.find("      - { to: rupture }"), 23, "      - { if: \"trust < 40\", to: rupture }");
    LoadResult r = loadScenarioText(text, "flagged.yaml", testing::patterns());
    REQUIRE(r.scenario);
    return std::move(*r.scenario);
}

}  // namespace

TEST_CASE("the shape flags unreachable nodes and nodes that can get stuck, and the DOT shows them") {
    const Scenario s = flagged();
    const graph::Shape sh = graph::shape(s);
    const auto at = [&](const char* id) { return static_cast<std::size_t>(s.nodeIndex(id)); };
    CHECK_FALSE(sh.reachable[at("orphan")]);
    CHECK(sh.reachable[at("distance")]);
    CHECK(sh.mayStick[at("defensive")]);
    CHECK_FALSE(sh.mayStick[at("first-reply")]);
    CHECK(sh.toEnding[at("opening")]);
    const std::string dot = graph::dot(s);
    CHECK(dot.find("\"orphan\" [label=\"orphan\\nunreachable\", style=\"rounded,filled,dashed\", color=gray45, "
                   "fontcolor=gray35];") != std::string::npos);
    CHECK(dot.find("\"defensive\" [label=\"defensive\\n(partner)\\ncan get stuck\", color=red3, penwidth=2];") !=
          std::string::npos);
}

TEST_CASE("Graphviz lays every node out inside the box, with each edge's curve and choice") {
    const Scenario s = flagged();
    std::string error;
    const auto l = graph::layout(s, error);
    REQUIRE_MESSAGE(l, error);
    CHECK(l->nodes.size() == s.nodes.size());
    for (const auto& n : l->nodes) {
        CHECK(n.centre.x - n.width / 2 >= -0.5);
        CHECK(n.centre.x + n.width / 2 <= l->width + 0.5);
        CHECK(n.centre.y - n.height / 2 >= -0.5);
        CHECK(n.centre.y + n.height / 2 <= l->height + 0.5);
    }
    // The start is at the top: nothing above it.
    double startY = 0, top = 1e9;
    for (const auto& n : l->nodes) {
        top = std::min(top, n.centre.y);
        if (n.node == s.startIndex) startY = n.centre.y;
    }
    CHECK(startY == doctest::Approx(top));
    std::size_t branches = 0;
    for (const Node& n : s.nodes) {
        branches += n.next.size();
        for (const Choice& c : n.choices) branches += c.next.size();
    }
    CHECK(l->edges.size() == branches);
    int choiceEdges = 0;
    for (const auto& e : l->edges) {
        CHECK(e.curve.size() >= 4);
        CHECK((e.curve.size() - 1) % 3 == 0);
        if (e.choice >= 0) {
            ++choiceEdges;
            CHECK(static_cast<std::size_t>(e.choice) < s.nodes[static_cast<std::size_t>(e.from)].choices.size());
        }
    }
    CHECK(choiceEdges == 7);  // first-reply's four and second-chance's three
}

TEST_CASE("the SVG is a whole document with every node and the styles' colours") {
    const Scenario s = flagged();
    std::string error;
    const auto svg = graph::svg(s, error);
    REQUIRE_MESSAGE(svg, error);
    CHECK(svg->rfind("<?xml", 0) == 0);
    CHECK(svg->find("</svg>") != std::string::npos);
    for (const Node& n : s.nodes) {
        std::string title = n.id;
        for (std::size_t at = 0; (at = title.find('-', at)) != std::string::npos; at += 5)
            title.replace(at, 1, "&#45;");
        CHECK_MESSAGE(svg->find("<title>" + title + "</title>") != std::string::npos, n.id);
    }
    CHECK(svg->find("stroke=\"forestgreen\"") != std::string::npos);  // a secure choice
    CHECK(svg->find("stroke=\"darkorange\"") != std::string::npos);   // an anxious one
    CHECK(svg->find("stroke-dasharray") != std::string::npos);        // the unreachable node
}

TEST_CASE("the fewest picks to a node respect conditions and the roles played") {
    const Scenario s = testing::loadTestScenario("data/small.yaml");
    const auto both = playedRoles(s, false);
    const auto to = [&](const char* id) { return graph::shortestPicks(s, both, s.nodeIndex(id)); };
    CHECK(to("opening") == std::vector<std::string>{});
    CHECK(to("second-chance") == std::vector<std::string>{"protest"});
    CHECK(to("open-talk") == std::vector<std::string>{"name-need"});
    CHECK(to("rupture") == std::vector<std::string>{"shut-down"});
    // Alone, the partner's decision is taken by default (partner-soften): it is passed through.
    const auto solo = playedRoles(s, true);
    CHECK(graph::shortestPicks(s, solo, s.nodeIndex("second-chance")) == std::vector<std::string>{"protest"});
    // A node no run reaches.
    const Scenario f = flagged();
    CHECK_FALSE(graph::shortestPicks(f, both, f.nodeIndex("orphan")));
}
