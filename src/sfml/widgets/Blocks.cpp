#include "sfml/widgets/Blocks.hpp"

#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {

TextLook lookFor(const Theme& th, TextRole role) {
    const TypeScale& t = th.type;
    const Palette& c = th.color;
    switch (role) {
        case TextRole::Display:
            return th.look(t.display, c.text, true);
        case TextRole::Title:
            return th.look(t.title, c.text, true);
        case TextRole::Heading:
            return th.look(t.caption, c.muted, true);
        case TextRole::Reading:
            return th.look(t.reading, c.text);
        case TextRole::Body:
            return th.look(t.body, c.text);
        case TextRole::Small:
            return th.look(t.small, c.text);
        case TextRole::Muted:
            return th.look(t.small, c.muted);
        case TextRole::Caption:
            return th.look(t.caption, c.faint);
        case TextRole::Quote:
            return th.look(t.body, c.text, false, sf::Text::Italic);
    }
    return th.look(t.body, c.text);
}

float TextItem::measure(const Theme& th, float width) {
    th_ = &th;
    TextLook look = lookFor(th, role_);
    if (colour_) look.color = *colour_;
    block_.set(text_, look);
    indent_ = role_ == TextRole::Quote ? std::round(1.2f * th.unit) : 0.f;
    return block_.wrap(width - indent_ - (role_ == TextRole::Quote ? 4.f : 0.f));
}

void TextItem::place(sf::Vector2f p) {
    block_.setPosition({p.x + indent_, p.y});
    rule_.clear();
    if (role_ == TextRole::Quote) {
        const sf::Color c = accent_.a ? accent_ : th_->color.border;
        addRect(
            rule_,
            {std::round(p.x), std::round(p.y) + 2, std::max(3.f, std::round(3.f * th_->scale)), block_.height() - 4},
            c);
    }
}

void TextItem::draw(sf::RenderTarget& target) const {
    target.draw(rule_);
    block_.draw(target);
}

void TextItem::boxes(std::vector<Box>& out, int parent) const {
    addBox(out, text_.substr(0, 24), block_.bounds(), parent);
}

float Section::measure(const Theme& th, float width) {
    th_ = &th;
    TextLook h = lookFor(th, TextRole::Heading);
    if (headingColour_) h.color = *headingColour_;
    head_.set(heading_, h);
    body_.set(text_, lookFor(th, role_));
    return head_.wrap(width) + std::round(0.35f * th.unit) + body_.wrap(width);
}

void Section::place(sf::Vector2f p) {
    head_.setPosition(p);
    body_.setPosition({p.x, p.y + head_.height() + std::round(0.35f * th_->unit)});
}

void Section::draw(sf::RenderTarget& target) const {
    head_.draw(target);
    body_.draw(target);
}

void Section::boxes(std::vector<Box>& out, int parent) const {
    addBox(out, heading_, head_.bounds(), parent);
    addBox(out, heading_ + " text", body_.bounds(), parent);
}

namespace {
/// Places items left to right, starting a new row when one would pass `width` (or
/// for every item when `stacked`). Fills `offsets`; returns the height used.
float flow(const std::vector<sf::Vector2f>& sizes, float width, float gap, bool stacked,
           std::vector<sf::Vector2f>& offsets) {
    offsets.clear();
    float x = 0, y = 0, rowH = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        if (i > 0 && (stacked || x + sizes[i].x > width)) {
            y += rowH + gap;
            x = 0;
            rowH = 0;
        }
        offsets.emplace_back(x, y);
        x += sizes[i].x + gap;
        rowH = std::max(rowH, sizes[i].y);
    }
    return y + rowH;
}
}  // namespace

float BadgeRow::measure(const Theme& th, float width) {
    std::vector<sf::Vector2f> sizes;
    for (auto& b : badges_) sizes.push_back(b.layout(th, th.type.caption));
    return flow(sizes, width, std::round(0.6f * th.unit), false, offsets_);
}

void BadgeRow::place(sf::Vector2f p) {
    for (std::size_t i = 0; i < badges_.size(); ++i) badges_[i].setPosition(p + offsets_[i]);
}

void BadgeRow::draw(sf::RenderTarget& target) const {
    for (const auto& b : badges_) b.draw(target);
}

void BadgeRow::boxes(std::vector<Box>& out, int parent) const {
    for (const auto& b : badges_) b.boxes(out, "badge", parent);
}

Button& ButtonRow::add(std::string label, std::string hint, Button::Kind kind, int id) {
    buttons_.push_back(std::make_unique<Button>(std::move(label), std::move(hint), kind));
    ids_.push_back(id);
    return *buttons_.back();
}

float ButtonRow::measure(const Theme& th, float width) {
    th_ = &th;
    std::vector<sf::Vector2f> sizes;
    for (auto& b : buttons_) sizes.push_back(stacked_ ? b->layoutFixed(th, width) : b->layout(th, width));
    return flow(sizes, width, std::round(0.8f * th.unit), stacked_, offsets_);
}

void ButtonRow::place(sf::Vector2f p) {
    for (std::size_t i = 0; i < buttons_.size(); ++i) buttons_[i]->setPosition(p + offsets_[i]);
}

void ButtonRow::draw(sf::RenderTarget& target) const {
    for (const auto& b : buttons_) b->draw(target);
}

void ButtonRow::boxes(std::vector<Box>& out, int parent) const {
    for (const auto& b : buttons_) b->boxes(out, "button " + b->label(), parent);
}

void ButtonRow::buttons(std::vector<Button*>& out) {
    for (auto& b : buttons_) out.push_back(b.get());
}

int ButtonRow::idOf(const Button* b) const {
    for (std::size_t i = 0; i < buttons_.size(); ++i)
        if (buttons_[i].get() == b) return ids_[i];
    return -1;
}

float Card::measure(const Theme& th, float width) {
    th_ = &th;
    const float pad = std::round(1.4f * th.unit);
    const float inner = width - 2 * pad - (edge_ ? std::round(1.2f * th.unit) : 0.f);
    heights_.clear();
    float h = 2 * pad;
    for (std::size_t i = 0; i < inner_.size(); ++i) {
        heights_.push_back(inner_[i]->measure(th, inner));
        h += heights_.back() + (i + 1 < inner_.size() ? std::round(inner_[i]->gapAfter * 0.8f * th.unit) : 0.f);
    }
    rect_.width = width;
    rect_.height = std::round(h);
    return rect_.height;
}

void Card::place(sf::Vector2f p) {
    const Theme& th = *th_;
    rect_.left = std::round(p.x);
    rect_.top = std::round(p.y);
    panel_ = roundRect(rect_, th.radius, th.color.surface, th.contrast ? th.color.border : th.color.raised, th.border);
    edgeBar_.clear();
    const float pad = std::round(1.4f * th.unit);
    float x = rect_.left + pad;
    if (edge_) {
        addRect(edgeBar_,
                {rect_.left + pad, rect_.top + pad, std::max(3.f, std::round(3.f * th.scale)), rect_.height - 2 * pad},
                *edge_);
        x += std::round(1.2f * th.unit);
    }
    float y = rect_.top + pad;
    for (std::size_t i = 0; i < inner_.size(); ++i) {
        inner_[i]->place({x, y});
        y += heights_[i] + std::round(inner_[i]->gapAfter * 0.8f * th.unit);
    }
}

void Card::draw(sf::RenderTarget& target) const {
    drawOpaque(target, panel_);
    target.draw(edgeBar_);
    for (const auto& b : inner_) b->draw(target);
}

void Card::boxes(std::vector<Box>& out, int parent) const {
    const int me = addBox(out, "card", rect_, parent);
    for (const auto& b : inner_) b->boxes(out, me);
}

void Card::buttons(std::vector<Button*>& out) {
    for (auto& b : inner_) b->buttons(out);
}

float Pair::measure(const Theme& th, float width) {
    gap_ = std::round(1.2f * th.unit);
    half_ = std::floor((width - gap_) / 2);
    return std::max(left_->measure(th, half_), right_->measure(th, half_));
}

void Pair::place(sf::Vector2f p) {
    left_->place(p);
    right_->place({p.x + half_ + gap_, p.y});
}

void Pair::draw(sf::RenderTarget& target) const {
    left_->draw(target);
    right_->draw(target);
}

void Pair::boxes(std::vector<Box>& out, int parent) const {
    left_->boxes(out, parent);
    right_->boxes(out, parent);
}

void Pair::buttons(std::vector<Button*>& out) {
    left_->buttons(out);
    right_->buttons(out);
}

}  // namespace attune::ui
