#pragma once
/// A button: a rounded shape with a wrapped label and an optional key hint
/// (the key that does the same thing). Kinds: a primary action, a secondary
/// one, a large choice with a number badge, and a chip for filters and options.
#include "sfml/Layout.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <SFML/Graphics/ConvexShape.hpp>

namespace attune::ui {

class Button {
public:
    enum class Kind { Primary, Secondary, Choice, Chip };

    Button() = default;
    Button(std::string label, std::string hint, Kind kind) { set(std::move(label), std::move(hint), kind); }

    void set(std::string label, std::string hint, Kind kind);
    /// Lays out within `maxWidth`: Choice buttons take the whole width, others
    /// their natural width (wrapping when they must). Returns the size.
    sf::Vector2f layout(const Theme& th, float maxWidth);
    /// Lays out at exactly `width` (for rows of equal buttons).
    sf::Vector2f layoutFixed(const Theme& th, float width);
    void setPosition(sf::Vector2f p);

    sf::FloatRect rect() const { return rect_; }
    sf::Vector2f size() const { return {rect_.width, rect_.height}; }
    bool contains(sf::Vector2f p) const { return enabled_ && rect_.contains(p); }

    void setHovered(bool on);
    void setFocused(bool on);
    void setSelected(bool on);
    void setEnabled(bool on);
    void setAccent(sf::Color c);
    /// Smaller type and padding (tool bars).
    void setCompact(bool on) { compact_ = on; }  ///< the badge colour of a choice (default: the theme accent)
    bool hovered() const { return hovered_; }
    bool focused() const { return focused_; }
    bool selected() const { return selected_; }
    bool enabled() const { return enabled_; }
    const std::string& label() const { return label_; }

    void draw(sf::RenderTarget& target) const;
    /// Reports the button and its label (as a child) for the layout checks.
    void boxes(std::vector<Box>& out, const std::string& name, int parent = -1) const;

private:
    sf::Vector2f measure(float width, bool fill);
    void build();
    void refresh();
    sf::Vector2f padding() const;

    std::string label_, hint_;
    Kind kind_ = Kind::Secondary;
    const Theme* th_ = nullptr;
    TextBlock text_, hintText_;
    sf::FloatRect rect_;
    sf::ConvexShape shape_, ring_, badge_;
    sf::Color accent_ = sf::Color::Transparent;
    bool compact_ = false;
    bool hovered_ = false, focused_ = false, selected_ = false, enabled_ = true;
};

}  // namespace attune::ui
