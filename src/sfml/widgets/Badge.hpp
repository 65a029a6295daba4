#pragma once
/// A small pill with a label: a style badge, a theme tag, an ending's kind.
#include "sfml/Layout.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <SFML/Graphics/ConvexShape.hpp>

namespace attune::ui {

class Badge {
public:
    /// `filled`: the colour fills the pill (dark text); else an outline in the colour.
    void set(const std::string& label, sf::Color colour, bool filled = true);
    sf::Vector2f layout(const Theme& th, unsigned size);
    void setPosition(sf::Vector2f p);
    sf::FloatRect rect() const { return rect_; }
    void draw(sf::RenderTarget& target) const;
    void boxes(std::vector<Box>& out, const std::string& name, int parent = -1) const;

private:
    std::string label_;
    sf::Color colour_;
    bool filled_ = true;
    const Theme* th_ = nullptr;
    TextBlock text_;
    sf::FloatRect rect_;
    sf::ConvexShape shape_;
};

}  // namespace attune::ui
