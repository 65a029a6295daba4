#include "sfml/widgets/Badge.hpp"

#include "sfml/widgets/Shapes.hpp"

#include <cmath>

namespace attune::ui {

void Badge::set(const std::string& label, sf::Color colour, bool filled) {
    label_ = label;
    colour_ = colour;
    filled_ = filled;
}

sf::Vector2f Badge::layout(const Theme& th, unsigned size) {
    th_ = &th;
    text_.set(label_, th.look(size, filled_ ? th.color.onAccent : colour_, true));
    text_.wrap(text_.naturalWidth() + 1.f);
    const float padX = std::round(static_cast<float>(size) * 0.75f), padY = std::round(static_cast<float>(size) * 0.2f);
    rect_.width = std::round(text_.width() + 2 * padX);
    rect_.height = std::round(text_.height() + 2 * padY);
    return {rect_.width, rect_.height};
}

void Badge::setPosition(sf::Vector2f p) {
    rect_.left = std::round(p.x);
    rect_.top = std::round(p.y);
    const sf::Color fill = filled_ ? colour_ : alpha(colour_, th_->contrast ? 0 : 28);
    shape_ = roundRect(rect_, rect_.height / 2, fill, colour_, filled_ ? 0.f : std::max(1.5f, th_->border));
    text_.setPosition({rect_.left + std::round((rect_.width - text_.width()) / 2),
                       rect_.top + std::round((rect_.height - text_.height()) / 2)});
}

void Badge::draw(sf::RenderTarget& target) const {
    target.draw(shape_);
    text_.draw(target);
}

void Badge::boxes(std::vector<Box>& out, const std::string& name, int parent) const {
    const int me = addBox(out, name, rect_, parent);
    addBox(out, name + " label", text_.bounds(), me);
}

}  // namespace attune::ui
