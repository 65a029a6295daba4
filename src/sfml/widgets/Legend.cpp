#include "sfml/widgets/Legend.hpp"

#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {

void Legend::set(std::vector<std::pair<std::string, sf::Color>> items) { items_ = std::move(items); }

float Legend::layout(const Theme& th, float width) {
    th_ = &th;
    swatch_ = std::round(static_cast<float>(th.type.caption) * 0.8f);
    labels_.resize(items_.size());
    offsets_.clear();
    float x = 0, y = 0, rowH = 0;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        labels_[i].set(items_[i].first, th.look(th.type.caption, th.color.muted));
        const float w = std::min(labels_[i].naturalWidth() + 1.f, width - swatch_ - th.unit);
        const float h = labels_[i].wrap(w);
        const float itemW = swatch_ + 0.6f * th.unit + labels_[i].width();
        if (x > 0 && x + itemW > width) {
            x = 0;
            y += rowH + 0.4f * th.unit;
            rowH = 0;
        }
        offsets_.emplace_back(x, y);
        x += itemW + 1.6f * th.unit;
        rowH = std::max(rowH, h);
    }
    rect_.width = width;
    rect_.height = std::round(y + rowH);
    return rect_.height;
}

void Legend::setPosition(sf::Vector2f p) {
    rect_.left = std::round(p.x);
    rect_.top = std::round(p.y);
    swatches_.clear();
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const sf::Vector2f o(rect_.left + offsets_[i].x, rect_.top + offsets_[i].y);
        const float lh = labels_[i].lineHeight();
        addRect(swatches_, {o.x, std::round(o.y + (lh - swatch_) / 2), swatch_, swatch_}, items_[i].second);
        labels_[i].setPosition({o.x + swatch_ + 0.6f * th_->unit, o.y});
    }
}

void Legend::draw(sf::RenderTarget& target) const {
    target.draw(swatches_);
    for (const auto& l : labels_) l.draw(target);
}

void Legend::boxes(std::vector<Box>& out, const std::string& name, int parent) const {
    const int me = addBox(out, name, rect_, parent);
    for (std::size_t i = 0; i < labels_.size(); ++i) addBox(out, name + " " + items_[i].first, labels_[i].bounds(), me);
}

}  // namespace attune::ui
