#include "sfml/widgets/Pager.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {

int Pager::columnsFor(const Theme& th, float width, float minColumnEms) {
    const float em = static_cast<float>(th.type.body);
    return width >= 2 * minColumnEms * em + 3 * th.unit ? 2 : 1;
}

void Pager::layout(const Theme& th, const sf::FloatRect& area, int columns) {
    columns = std::max(1, columns);
    const float gutter = std::round(2.5f * th.unit);
    const float colW = std::floor((area.width - gutter * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    std::vector<sf::FloatRect> slots;
    for (int c = 0; c < columns; ++c)
        slots.push_back({area.left + static_cast<float>(c) * (colW + gutter), area.top, colW, area.height});
    std::vector<float> heights;
    // Each block's own gap after it is folded into its height for the flow.
    std::vector<float> gaps;
    for (auto& b : blocks_) {
        heights.push_back(b->measure(th, colW));
        gaps.push_back(std::round(b->gapAfter * th.unit));
    }
    // Flow with per-block gaps: place heights + gap, but a gap at a column's end is free.
    pageOf_.assign(blocks_.size(), 0);
    int page = 0;
    std::size_t slot = 0;
    float y = 0;
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        while (y > 0 && y + heights[i] > slots[slot].height + 0.5f) {
            y = 0;
            if (++slot == slots.size()) {
                slot = 0;
                ++page;
            }
        }
        pageOf_[i] = page;
        blocks_[i]->place({slots[slot].left, std::round(slots[slot].top + y)});
        y += heights[i] + gaps[i];
    }
    pages_ = page + 1;
    page_ = std::clamp(page_, 0, pages_ - 1);
}

bool Pager::next() {
    if (page_ + 1 >= pages_) return false;
    ++page_;
    return true;
}

bool Pager::previous() {
    if (page_ == 0) return false;
    --page_;
    return true;
}

void Pager::setPage(int p) { page_ = std::clamp(p, 0, pages_ - 1); }

void Pager::draw(sf::RenderTarget& target) const {
    for (std::size_t i = 0; i < blocks_.size(); ++i)
        if (pageOf_.size() > i && pageOf_[i] == page_) blocks_[i]->draw(target);
}

void Pager::boxes(std::vector<Box>& out, int parent) const {
    for (std::size_t i = 0; i < blocks_.size(); ++i)
        if (pageOf_.size() > i && pageOf_[i] == page_) blocks_[i]->boxes(out, parent);
}

std::vector<Button*> Pager::buttons() {
    std::vector<Button*> out;
    for (std::size_t i = 0; i < blocks_.size(); ++i)
        if (pageOf_.size() > i && pageOf_[i] == page_) blocks_[i]->buttons(out);
    return out;
}

}  // namespace attune::ui
