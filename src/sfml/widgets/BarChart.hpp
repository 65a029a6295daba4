#pragma once
/// Style counts per theme as stacked bars (secure, anxious, avoidant,
/// disorganised), one row per theme that came up.
#include "sfml/widgets/Legend.hpp"

#include <array>

namespace attune::ui {

class BarChart {
public:
    struct Row {
        std::string label;
        std::array<int, 4> counts{};  ///< by Style
    };
    void set(std::vector<Row> rows);
    /// Whether to draw the colour key under the bars (on by default).
    void setLegend(bool on) { legendShown_ = on; }
    float layout(const Theme& th, float width);
    void setPosition(sf::Vector2f p);
    void draw(sf::RenderTarget& target) const;
    void boxes(std::vector<Box>& out, const std::string& name, int parent = -1) const;

private:
    const Theme* th_ = nullptr;
    std::vector<Row> rows_;
    std::vector<TextBlock> labels_;
    std::vector<TextBlock> counts_;
    std::vector<sf::FloatRect> countRects_;
    Legend legend_;
    TextBlock empty_;
    float labelW_ = 0, rowH_ = 0;
    bool legendShown_ = true;
    sf::FloatRect rect_;
    sf::VertexArray bars_{sf::Triangles};
};

}  // namespace attune::ui
