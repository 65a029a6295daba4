#pragma once
/// Blocks flowed into one or more columns; what does not fit goes onto the
/// next page, so a block is never drawn cut off, at any text size.
#include "sfml/widgets/Blocks.hpp"

namespace attune::ui {

class Pager {
public:
    void clear() { blocks_.clear(); }
    template <typename T, typename... A>
    T& add(A&&... args) {
        auto b = std::make_unique<T>(std::forward<A>(args)...);
        T& ref = *b;
        blocks_.push_back(std::move(b));
        return ref;
    }
    /// Adds a block made elsewhere.
    Block& adopt(std::unique_ptr<Block> b) {
        blocks_.push_back(std::move(b));
        return *blocks_.back();
    }
    /// Lays the blocks out in `area`, in `columns` equal columns; keeps the page when it still exists.
    /// In reading order by default (a column fills before the next begins); with `pack`, each
    /// block goes into the first column of the page with room for it (cards that stand alone).
    void layout(const Theme& th, const sf::FloatRect& area, int columns, bool pack = false);
    /// Two columns when each can be at least `minColumnEms` body sizes wide, else one.
    static int columnsFor(const Theme& th, float width, float minColumnEms);

    int page() const { return page_; }
    int pages() const { return pages_; }
    bool next();
    bool previous();
    void setPage(int p);

    void draw(sf::RenderTarget& target) const;
    void boxes(std::vector<Box>& out, int parent) const;
    /// Buttons on the page shown.
    std::vector<Button*> buttons();
    bool empty() const { return blocks_.empty(); }
    /// The page block i is on.
    int pageOf(std::size_t i) const { return i < pageOf_.size() ? pageOf_[i] : 0; }
    Block& block(std::size_t i) { return *blocks_[i]; }
    std::size_t size() const { return blocks_.size(); }

private:
    std::vector<std::unique_ptr<Block>> blocks_;
    std::vector<int> pageOf_;
    int page_ = 0, pages_ = 1;
};

}  // namespace attune::ui
