#pragma once
/// The arousal arc: one line per person over the steps of a playthrough,
/// drawn over the three window-of-tolerance bands.
#include "sfml/widgets/Legend.hpp"

namespace attune::ui {

class LineChart {
public:
    struct Series {
        std::string label;
        sf::Color color;
        std::vector<int> values;  ///< 0..100, one per step
    };
    void set(std::vector<Series> series);
    /// Lays out at `width` with a plot `plotHeight` high; returns the whole height.
    float layout(const Theme& th, float width, float plotHeight);
    void setPosition(sf::Vector2f p);
    sf::FloatRect plot() const { return plot_; }
    void draw(sf::RenderTarget& target) const;
    void boxes(std::vector<Box>& out, const std::string& name, int parent = -1) const;

private:
    const Theme* th_ = nullptr;
    std::vector<Series> series_;
    TextBlock bandLabels_[3];
    TextBlock start_, end_;
    Legend legend_;
    float plotH_ = 100;
    sf::FloatRect rect_, plot_;
    sf::VertexArray bands_{sf::Triangles}, lines_{sf::Triangles};
};

}  // namespace attune::ui
