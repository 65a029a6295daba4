#include "sfml/widgets/Button.hpp"

#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {

void Button::set(std::string label, std::string hint, Kind kind) {
    label_ = std::move(label);
    hint_ = std::move(hint);
    kind_ = kind;
}

sf::Vector2f Button::padding() const {
    const float u = th_->unit;
    switch (kind_) {
        case Kind::Choice:
            return {1.6f * u, 1.2f * u};
        case Kind::Chip:
            return {1.3f * u, 0.55f * u};
        default:
            return compact_ ? sf::Vector2f(1.2f * u, 0.6f * u) : sf::Vector2f(1.8f * u, 0.8f * u);
    }
}

sf::Vector2f Button::measure(float width, bool fill) {
    const Theme& th = *th_;
    const bool choice = kind_ == Kind::Choice;
    const unsigned size = choice ? th.type.reading : kind_ == Kind::Chip || compact_ ? th.type.small : th.type.body;
    const bool strong = kind_ == Kind::Primary;
    text_.set(label_, th.look(size, th.color.text, strong));
    hintText_.set(hint_, th.look(choice ? th.type.body : th.type.caption, th.color.faint, choice));
    const sf::Vector2f pad = padding();
    float hintW = hint_.empty() ? 0.f : hintText_.naturalWidth() + th.unit;
    float badge = 0;
    if (choice) {
        badge = std::round(static_cast<float>(th.type.body) * 1.9f);
        hintW = badge + 1.4f * th.unit;
    }
    const float inner = std::max(20.f, width - 2 * pad.x - hintW);
    const float textH = text_.wrap(fill ? inner : std::min(inner, text_.naturalWidth() + 1.f));
    hintText_.wrap(hintText_.naturalWidth() + 1.f);
    const float w = fill ? width : std::min(width, text_.width() + hintW + 2 * pad.x);
    const float h = std::max(textH, std::max(badge, hintText_.height())) + 2 * pad.y;
    rect_.width = std::round(w);
    rect_.height = std::round(h);
    return {rect_.width, rect_.height};
}

sf::Vector2f Button::layout(const Theme& th, float maxWidth) {
    th_ = &th;
    measure(maxWidth, kind_ == Kind::Choice);
    build();
    return size();
}

sf::Vector2f Button::layoutFixed(const Theme& th, float width) {
    th_ = &th;
    measure(width, true);
    build();
    return size();
}

void Button::setPosition(sf::Vector2f p) {
    p = {std::round(p.x), std::round(p.y)};
    if (p == sf::Vector2f(rect_.left, rect_.top) && th_) return;
    rect_.left = p.x;
    rect_.top = p.y;
    if (th_) build();
}

void Button::build() {
    const Theme& th = *th_;
    const sf::Vector2f pad = padding();
    const bool pill = kind_ == Kind::Chip;
    const float radius = pill ? rect_.height / 2 : th.radius;
    shape_ = roundRect(rect_, radius, th.color.raised, th.color.border, th.border);
    const float ring = std::max(2.f, std::round(2.f * th.scale));
    const sf::Color ringColour = kind_ == Kind::Primary ? th.color.text : th.color.accent;
    ring_ = roundRect(rect_, radius, sf::Color::Transparent, ringColour, ring + (th.contrast ? 1.f : 0.f));
    float x = rect_.left + pad.x;
    if (kind_ == Kind::Choice) {
        const float b = std::round(static_cast<float>(th.type.body) * 1.9f);
        const sf::FloatRect br(x, rect_.top + std::round((rect_.height - b) / 2), b, b);
        badge_ = roundRect(br, b / 2, sf::Color::Transparent, th.color.border, std::max(1.5f, th.border));
        hintText_.setPosition(
            {br.left + std::round((b - hintText_.width()) / 2), br.top + std::round((b - hintText_.height()) / 2)});
        x += b + 1.4f * th.unit;
        text_.setPosition({x, rect_.top + std::round((rect_.height - text_.height()) / 2)});
    } else {
        const float hintW = hint_.empty() ? 0.f : hintText_.width() + th.unit;
        const float groupW = text_.width() + hintW;
        x = rect_.left + std::round((rect_.width - groupW) / 2);
        text_.setPosition({x, rect_.top + std::round((rect_.height - text_.height()) / 2)});
        hintText_.setPosition(
            {x + text_.width() + th.unit, rect_.top + std::round((rect_.height - hintText_.height()) / 2)});
    }
    refresh();
}

void Button::refresh() {
    if (!th_) return;
    const Theme& th = *th_;
    const Palette& c = th.color;
    sf::Color fill = c.raised, outline = c.border, label = c.text, hint = c.faint;
    if (kind_ == Kind::Primary) {
        fill = c.accent;
        outline = c.accent;
        label = c.onAccent;
        hint = mix(c.onAccent, c.accent, 0.35f);
    }
    if (kind_ == Kind::Chip && selected_) {
        fill = th.contrast ? c.accent : mix(c.surface, c.accent, 0.85f);
        outline = c.accent;
        label = c.onAccent;
    }
    if (hovered_ || (focused_ && kind_ == Kind::Choice)) {
        if (kind_ == Kind::Primary)
            fill = mix(c.accent, sf::Color::White, 0.18f);
        else if (!(kind_ == Kind::Chip && selected_))
            fill = c.hover;
    }
    // The chooser's colour marks the choice in focus; high contrast keeps its one strong accent.
    const sf::Color choiceAccent = accent_.a && !th.contrast ? accent_ : c.accent;
    if (kind_ == Kind::Choice && (focused_ || hovered_)) outline = choiceAccent;
    if (!enabled_) {
        fill = c.surface;
        outline = mix(c.border, c.background, 0.4f);
        label = c.faint;
        hint = mix(c.faint, c.background, 0.4f);
    }
    shape_.setFillColor(fill);
    shape_.setOutlineColor(outline);
    const bool strong = kind_ == Kind::Choice && (focused_ || hovered_);
    shape_.setOutlineThickness(-(strong ? std::max(2.f, th.border + (th.contrast ? 1.f : 1.f)) : th.border));
    text_.setColor(label);
    if (kind_ == Kind::Choice) {
        const sf::Color a = choiceAccent;
        const bool lit = focused_ || hovered_;
        badge_.setFillColor(lit ? a : sf::Color::Transparent);
        badge_.setOutlineColor(lit ? a : c.border);
        hintText_.setColor(lit ? c.onAccent : c.muted);
    } else {
        hintText_.setColor(hint);
    }
}

void Button::setHovered(bool on) {
    if (on == hovered_) return;
    hovered_ = on;
    refresh();
}

void Button::setFocused(bool on) {
    if (on == focused_) return;
    focused_ = on;
    refresh();
}

void Button::setSelected(bool on) {
    if (on == selected_) return;
    selected_ = on;
    refresh();
}

void Button::setEnabled(bool on) {
    if (on == enabled_) return;
    enabled_ = on;
    if (!on) hovered_ = false;
    refresh();
}

void Button::setAccent(sf::Color c) {
    accent_ = c;
    refresh();
}

void Button::draw(sf::RenderTarget& target) const {
    if (!th_) return;
    target.draw(shape_);
    if (kind_ == Kind::Choice) target.draw(badge_);
    text_.draw(target);
    hintText_.draw(target);
    // Choices show focus by their outline; other buttons get a ring.
    if (focused_ && kind_ != Kind::Choice && enabled_) target.draw(ring_);
}

void Button::boxes(std::vector<Box>& out, const std::string& name, int parent) const {
    const int me = addBox(out, name, rect_, parent);
    addBox(out, name + " label", text_.bounds(), me);
    if (!hint_.empty()) addBox(out, name + " key", hintText_.bounds(), me);
}

}  // namespace attune::ui
