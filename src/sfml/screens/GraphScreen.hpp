#pragma once
/// The story map, for authors: the scenario's graph as Graphviz lays it out, drawn here.
/// Choices are coloured by style, endings by kind, unreachable nodes dashed and nodes that
/// can get stuck outlined in red; the node the story stands at is ringed. Drag or the
/// arrow keys pan, the wheel or +/- zoom (0 fits); a click on a node shows its words and
/// offers to play from it, reached by the fewest picks from the start.
#include "core/graph/Graph.hpp"
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Graphics/View.hpp>
#include <functional>
#include <memory>
#include <set>

namespace attune::ui {

class GraphScreen : public Screen {
public:
    /// `current`: the node the story stands at (-1: none). `playFrom` gets the picks that
    /// reach a node and the node; null: the map only shows.
    GraphScreen(Context& ctx, const Scenario& s, std::set<std::string> played, int current,
                std::function<void(std::vector<std::string>, int)> playFrom);
    const char* name() const override { return "graph"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void update(float dt) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;
    /// Graphviz is laying the map out (on its own thread: the window stays responsive).
    bool busy() const override { return pending_ != nullptr; }

    /// For tests and screenshots.
    const graph::Layout* graphLayout() const { return laid_ ? &*laid_ : nullptr; }
    const std::string& error() const { return error_; }
    int selected() const { return selected_; }
    void select(int node);
    float zoom() const { return zoom_; }
    /// Where a node's centre is on screen now.
    sf::Vector2f onScreen(int node) const;
    /// The picks that reach the selected node (empty when none is selected or none reach it).
    const std::optional<std::vector<std::string>>& route() const { return route_; }
    void playSelected();

private:
    void buildGraph();
    void placeCard();
    void fit();
    void zoomAt(float factor, sf::Vector2f screen);
    sf::Vector2f toWorld(sf::Vector2f screen) const;
    int nodeAt(sf::Vector2f world) const;

    const Scenario& sc_;
    std::set<std::string> played_;
    int current_;
    std::function<void(std::vector<std::string>, int)> playFrom_;
    std::optional<graph::Layout> laid_;
    /// The layout being made on its thread; null once it is in laid_ (or failed).
    struct Pending;
    std::shared_ptr<Pending> pending_;
    graph::Shape shape_;
    std::string error_;

    sf::FloatRect area_;   ///< where the graph is drawn, on screen
    sf::Vector2f centre_;  ///< the world point at the area's centre
    float zoom_ = 1.f;
    bool dragging_ = false, dragged_ = false;
    sf::Vector2f dragFrom_;

    TextBlock title_, legend_, hint_;
    Button close_, play_;
    // The graph, in world coordinates (Graphviz points).
    sf::VertexArray edges_{sf::Triangles};
    std::vector<sf::ConvexShape> nodes_;
    std::vector<TextBlock> labels_;
    sf::ConvexShape ring_;
    // The selected node's card.
    int selected_ = -1;
    std::optional<std::vector<std::string>> route_;
    bool gaveUp_ = false;  ///< the search for a route stopped at its bound
    sf::ConvexShape card_;
    sf::FloatRect cardRect_;
    TextBlock cardTitle_, cardWho_, cardText_, cardRoute_;
};

}  // namespace attune::ui
