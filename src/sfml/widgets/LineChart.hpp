#pragma once
/// A line chart of values 0..100: by default the arousal arc (one line per person over the
/// steps of a playthrough, over the three window-of-tolerance bands); with a plain frame,
/// shares in per cent over time (progress), on quiet grid lines.
#include "sfml/widgets/Legend.hpp"

namespace attune::ui {

class LineChart {
public:
    struct Series {
        std::string label;
        sf::Color color;
        std::vector<int> values;  ///< 0..100, one per step (-1: no value there; the line skips it)
    };
    struct Frame {
        bool zones = true;  ///< the window-of-tolerance bands; else grid lines at 0, 50 and 100%
        std::string start = "Start", end = "Ending";  ///< under the first and the last point
    };
    void set(std::vector<Series> series);
    void setFrame(Frame f) { frame_ = std::move(f); }
    /// Lays out at `width` with a plot `plotHeight` high; returns the whole height.
    float layout(const Theme& th, float width, float plotHeight);
    void setPosition(sf::Vector2f p);
    sf::FloatRect plot() const { return plot_; }
    void draw(sf::RenderTarget& target) const;
    void boxes(std::vector<Box>& out, const std::string& name, int parent = -1) const;

private:
    const Theme* th_ = nullptr;
    std::vector<Series> series_;
    Frame frame_;
    TextBlock bandLabels_[3];
    TextBlock start_, end_;
    Legend legend_;
    float plotH_ = 100, topPad_ = 0;
    sf::FloatRect rect_, plot_;
    sf::VertexArray bands_{sf::Triangles}, lines_{sf::Triangles};
};

}  // namespace attune::ui
