#pragma once
/// One field of typed text with a label (a name, an address, a code, a note). A long
/// value wraps and the box grows with it.
#include "sfml/Layout.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <SFML/Graphics/ConvexShape.hpp>

namespace attune::ui {

struct Field {
    std::string label, value, placeholder;
    std::size_t max = 40;  ///< code points
    TextBlock labelText, valueText;
    sf::ConvexShape box;
    sf::FloatRect rect;
    /// Lays it out at `y`; returns the height used.
    float layout(const Theme& th, float x, float y, float w, bool focused);
    void draw(sf::RenderTarget& target) const;
};

}  // namespace attune::ui
