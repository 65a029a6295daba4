#include "sfml/widgets/Field.hpp"

#include "sfml/widgets/Blocks.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <cmath>

namespace attune::ui {

float Field::layout(const Theme& th, float x, float y, float w, bool focused) {
    labelText.set(label, lookFor(th, TextRole::Heading));
    labelText.setPosition({x, y});
    const float lh = labelText.wrap(w) + std::round(0.3f * th.unit);
    const std::string shown = value.empty() ? (focused ? "" : placeholder) : value;
    valueText.set(shown + (focused ? "|" : ""),
                  th.look(th.type.body, value.empty() && !focused ? th.color.faint : th.color.text));
    const float pad = std::round(0.6f * th.unit);
    const float h = valueText.wrap(w - 2 * pad) + 2 * pad;
    rect = {x, y + lh, w, std::round(h)};
    box = roundRect(rect, th.radius, th.color.surface, focused ? th.color.accent : th.color.border,
                    focused ? std::max(2.f, 2 * th.border) : th.border);
    valueText.setPosition({x + pad, y + lh + pad});
    return lh + rect.height;
}

void Field::draw(sf::RenderTarget& target) const {
    labelText.draw(target);
    target.draw(box);
    valueText.draw(target);
}

}  // namespace attune::ui
