#include "sfml/widgets/Pager.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {

int Pager::columnsFor(const Theme& th, float width, float minColumnEms) {
    const float em = static_cast<float>(th.type.body);
    return width >= 2 * minColumnEms * em + 3 * th.unit ? 2 : 1;
}

void Pager::layout(const Theme& th, const sf::FloatRect& area, int columns, bool pack) {
    columns = std::max(1, columns);
    const float gutter = std::round(2.5f * th.unit);
    const float colW =
        std::floor((area.width - gutter * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    pageOf_.assign(blocks_.size(), 0);
    std::vector<float> used(static_cast<std::size_t>(columns), 0.f);  // height taken in each column of the page
    int page = 0;
    std::size_t column = 0;
    auto fits = [&](std::size_t c, float h) { return used[c] == 0 || used[c] + h <= area.height + 0.5f; };
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
        const float h = blocks_[i]->measure(th, colW);
        if (pack) {
            column = 0;
            while (column < used.size() && !fits(column, h)) ++column;
        } else {
            while (column < used.size() && !fits(column, h)) ++column;
        }
        if (column == used.size()) {  // a new page
            ++page;
            std::fill(used.begin(), used.end(), 0.f);
            column = 0;
        }
        pageOf_[i] = page;
        blocks_[i]->place(
            {area.left + static_cast<float>(column) * (colW + gutter), std::round(area.top + used[column])});
        used[column] += h + std::round(blocks_[i]->gapAfter * th.unit);
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
