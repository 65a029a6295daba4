#include "sfml/Layout.hpp"

#include <fmt/format.h>

namespace attune::ui {

int addBox(std::vector<Box>& out, std::string name, sf::FloatRect rect, int parent) {
    out.push_back({std::move(name), rect, parent});
    return static_cast<int>(out.size()) - 1;
}

bool overlaps(const sf::FloatRect& a, const sf::FloatRect& b) {
    constexpr float e = 0.5f;  // sub-pixel rounding is not an overlap
    return a.left + e < b.left + b.width && b.left + e < a.left + a.width && a.top + e < b.top + b.height &&
           b.top + e < a.top + a.height;
}

bool contains(const sf::FloatRect& outer, const sf::FloatRect& inner) {
    constexpr float e = 0.5f;
    return inner.left >= outer.left - e && inner.top >= outer.top - e &&
           inner.left + inner.width <= outer.left + outer.width + e &&
           inner.top + inner.height <= outer.top + outer.height + e;
}

std::vector<std::string> checkLayout(const std::vector<Box>& boxes, sf::Vector2f window) {
    std::vector<std::string> problems;
    const sf::FloatRect screen(0, 0, window.x, window.y);
    auto show = [](const Box& b) {
        return fmt::format("'{}' ({:.0f},{:.0f} {:.0f}x{:.0f})", b.name, b.rect.left, b.rect.top, b.rect.width,
                           b.rect.height);
    };
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Box& b = boxes[i];
        if (b.rect.width <= 0 || b.rect.height <= 0) problems.push_back(fmt::format("{} is empty", show(b)));
        if (!contains(screen, b.rect)) problems.push_back(fmt::format("{} extends past the window", show(b)));
        if (b.parent >= 0 && !contains(boxes[static_cast<std::size_t>(b.parent)].rect, b.rect))
            problems.push_back(
                fmt::format("{} is cut off by {}", show(b), show(boxes[static_cast<std::size_t>(b.parent)])));
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            if (boxes[j].parent == b.parent && overlaps(b.rect, boxes[j].rect))
                problems.push_back(fmt::format("{} overlaps {}", show(b), show(boxes[j])));
    }
    return problems;
}

void Scroll::setItems(std::vector<float> heights, float gap, float available) {
    heights_ = std::move(heights);
    gap_ = gap;
    available_ = available;
    if (first_ >= heights_.size()) first_ = heights_.empty() ? 0 : heights_.size() - 1;
    fit();
}

void Scroll::fit() {
    float used = 0;
    last_ = first_;
    while (last_ < heights_.size()) {
        const float h = heights_[last_] + (last_ > first_ ? gap_ : 0.f);
        // The first shown item is always shown, even when it alone is too tall.
        if (last_ > first_ && used + h > available_ + 0.5f) break;
        used += h;
        ++last_;
    }
}

float Scroll::offset(std::size_t i) const {
    float y = 0;
    for (std::size_t k = first_; k < i && k < heights_.size(); ++k) y += heights_[k] + gap_;
    return y;
}

void Scroll::up() {
    if (first_ > 0) --first_;
    fit();
}

void Scroll::down() {
    if (canDown()) ++first_;
    fit();
}

void Scroll::reveal(std::size_t i) {
    if (i >= heights_.size()) return;
    if (i < first_) first_ = i;
    fit();
    while (i >= last_ && first_ < i) {
        ++first_;
        fit();
    }
}

void Scroll::toEnd() {
    if (!heights_.empty()) reveal(heights_.size() - 1);
}

}  // namespace attune::ui
