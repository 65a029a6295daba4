#pragma once
/// Layout helpers shared by the screens: the boxes a screen reports for the
/// layout checks, and whole-item scrolling (nothing is ever drawn cut in half).
#include <SFML/Graphics/Rect.hpp>
#include <cstddef>
#include <string>
#include <vector>

namespace attune::ui {

/// One laid-out element: a text box, a button, a chart. `parent` (an index in
/// the same list) is the element it sits inside, or -1 for the screen.
struct Box {
    std::string name;
    sf::FloatRect rect;
    int parent = -1;
};

/// Adds a box and returns its index (for children).
int addBox(std::vector<Box>& out, std::string name, sf::FloatRect rect, int parent = -1);

/// Problems in a layout: a box past the window, two siblings overlapping, a
/// child outside its parent, an empty box. Empty when the layout is sound.
std::vector<std::string> checkLayout(const std::vector<Box>& boxes, sf::Vector2f window);

/// True when the rectangles share area (touching edges do not count).
bool overlaps(const sf::FloatRect& a, const sf::FloatRect& b);
/// True when `inner` lies within `outer` (half a pixel of slack).
bool contains(const sf::FloatRect& outer, const sf::FloatRect& inner);

/// Whole-item vertical scrolling: shows items first..last-1, as many as fit.
class Scroll {
public:
    /// Sets the item heights, the gap and the height available; keeps `first` valid.
    void setItems(std::vector<float> heights, float gap, float available);
    std::size_t first() const { return first_; }
    /// One past the last item shown.
    std::size_t last() const { return last_; }
    std::size_t count() const { return heights_.size(); }
    bool shown(std::size_t i) const { return i >= first_ && i < last_; }
    /// Offset of item i from the top of the area (shown items only).
    float offset(std::size_t i) const;
    bool canUp() const { return first_ > 0; }
    bool canDown() const { return last_ < heights_.size(); }
    void up();
    void down();
    /// Scrolls just enough for item i to be shown.
    void reveal(std::size_t i);
    /// Scrolls so the last item is shown.
    void toEnd();

private:
    void fit();
    std::vector<float> heights_;
    float gap_ = 0, available_ = 0;
    std::size_t first_ = 0, last_ = 0;
};

}  // namespace attune::ui
