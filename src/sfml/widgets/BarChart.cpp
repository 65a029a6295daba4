#include "sfml/widgets/BarChart.hpp"

#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {

void BarChart::set(std::vector<Row> rows) { rows_ = std::move(rows); }

float BarChart::layout(const Theme& th, float width) {
    th_ = &th;
    labels_.resize(rows_.size());
    labelW_ = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        labels_[i].set(rows_[i].label, th.look(th.type.small, th.color.text));
        labelW_ = std::max(labelW_, labels_[i].naturalWidth() + 1.f);
    }
    labelW_ = std::min(labelW_, width * 0.4f);
    rowH_ = 0;
    for (auto& l : labels_) rowH_ = std::max(rowH_, l.wrap(labelW_));
    rowH_ = std::max(rowH_, std::round(static_cast<float>(th.type.small) * 1.6f));
    legend_.set({{"Secure", th.color.secure},
                 {"Anxious", th.color.anxious},
                 {"Avoidant", th.color.avoidant},
                 {"Disorganised", th.color.disorganised}});
    const float legendH = legendShown_ ? legend_.layout(th, width) : 0.f;
    empty_.set(rows_.empty() ? "No choices were made." : "", th.look(th.type.small, th.color.muted));
    const float emptyH = empty_.wrap(width);
    rect_.width = std::round(width);
    rect_.height = std::round(static_cast<float>(rows_.size()) * (rowH_ + 0.5f * th.unit) + emptyH +
                              (legendShown_ ? 0.5f * th.unit + legendH : -0.5f * th.unit));
    return rect_.height;
}

void BarChart::setPosition(sf::Vector2f p) {
    const Theme& th = *th_;
    rect_.left = std::round(p.x);
    rect_.top = std::round(p.y);
    bars_.clear();
    counts_.clear();
    countRects_.clear();
    int most = 1;
    for (const auto& r : rows_) most = std::max(most, r.counts[0] + r.counts[1] + r.counts[2] + r.counts[3]);
    const float barX = rect_.left + labelW_ + th.unit;
    const float barW = rect_.width - labelW_ - th.unit;
    const sf::Color colours[4] = {th.color.secure, th.color.anxious, th.color.avoidant, th.color.disorganised};
    float y = rect_.top;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        labels_[i].setPosition({rect_.left, y + std::round((rowH_ - labels_[i].height()) / 2)});
        float x = barX;
        const float h = std::round(rowH_ * 0.78f);
        const float top = y + std::round((rowH_ - h) / 2);
        for (int s = 0; s < 4; ++s) {
            const int c = rows_[i].counts[static_cast<std::size_t>(s)];
            if (c == 0) continue;
            const float w = std::round(barW * static_cast<float>(c) / static_cast<float>(most));
            addRect(bars_, {x, top, std::max(1.f, w - 2.f), h}, colours[s]);
            TextBlock count(std::to_string(c), th.look(th.type.caption, th.color.onAccent, true));
            count.wrap(w);
            if (count.width() + th.unit <= w - 2.f && count.height() <= h) {
                count.setPosition(
                    {x + std::round((w - 2.f - count.width()) / 2), top + std::round((h - count.height()) / 2)});
                counts_.push_back(std::move(count));
                countRects_.push_back({x, top, std::max(1.f, w - 2.f), h});
            }
            x += w;
        }
        y += rowH_ + 0.5f * th.unit;
    }
    empty_.setPosition({rect_.left, y});
    if (legendShown_) legend_.setPosition({rect_.left, y + empty_.height() + (rows_.empty() ? 0.5f * th.unit : 0.f)});
}

void BarChart::draw(sf::RenderTarget& target) const {
    for (const auto& l : labels_) l.draw(target);
    target.draw(bars_);
    for (const auto& c : counts_) c.draw(target);
    empty_.draw(target);
    if (legendShown_) legend_.draw(target);
}

void BarChart::boxes(std::vector<Box>& out, const std::string& name, int parent) const {
    const int me = addBox(out, name, rect_, parent);
    for (std::size_t i = 0; i < labels_.size(); ++i) addBox(out, name + " " + rows_[i].label, labels_[i].bounds(), me);
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        const int seg = addBox(out, name + " segment", countRects_[i], me);
        addBox(out, name + " count", counts_[i].bounds(), seg);
    }
    if (!empty_.empty()) addBox(out, name + " empty", empty_.bounds(), me);
    if (legendShown_) legend_.boxes(out, name + " legend", me);
}

}  // namespace attune::ui
