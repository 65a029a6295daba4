#include "sfml/widgets/TextBlock.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>

namespace attune::ui {

void TextBlock::set(const std::string& utf8, const TextLook& look) {
    sf::String s = sf::String::fromUtf8(utf8.begin(), utf8.end());
    const bool same = s == text_ && look.font == look_.font && look.size == look_.size && look.style == look_.style &&
                      look.leading == look_.leading;
    text_ = std::move(s);
    const sf::Color old = look_.color;
    look_ = look;
    if (!same) {
        // The old lines are gone at once, even before the next wrap().
        dirty_ = true;
        lines_.clear();
        ranges_.clear();
        widths_.clear();
        widest_ = 0;
    } else if (old != look.color) {
        setColor(look.color);
    }
}

void TextBlock::setColor(sf::Color c) {
    look_.color = c;
    for (auto& l : lines_) l.setFillColor(c);
    partial_.setFillColor(c);
}

float TextBlock::lineHeight() const { return std::round(static_cast<float>(look_.size) * look_.leading); }

namespace {
/// Advances already measured, by font, size, weight and the pair of characters. SFML asks
/// FreeType afresh for every kerning pair (setting the face's size each time the size
/// changes), which made wrapping a long library list cost more than drawing it. A font's
/// measures never change, and the fonts live as long as the program (theme/Fonts).
struct AdvanceKey {
    const sf::Font* font;
    unsigned size;
    bool bold;
    sf::Uint32 prev, cp;
    bool operator==(const AdvanceKey&) const = default;
};
struct AdvanceHash {
    std::size_t operator()(const AdvanceKey& k) const {
        std::size_t h = std::hash<const void*>()(k.font);
        for (const std::size_t v :
             {std::size_t{k.size} * 2 + (k.bold ? 1u : 0u), std::size_t{k.prev}, std::size_t{k.cp}})
            h = (h ^ v) * 0x100000001b3ull;
        return h;
    }
};
}  // namespace

float TextBlock::advance(sf::Uint32 prev, sf::Uint32 cp) const {
    thread_local std::unordered_map<AdvanceKey, float, AdvanceHash> measured;
    const bool bold = (look_.style & sf::Text::Bold) != 0;
    const AdvanceKey key{look_.font, look_.size, bold, prev, cp};
    if (const auto it = measured.find(key); it != measured.end()) return it->second;
    const float kern = prev ? look_.font->getKerning(prev, cp, look_.size) : 0.f;
    const float a = kern + look_.font->getGlyph(cp, look_.size, bold).advance;
    if (measured.size() > 200000) measured.clear();  // a bound, for text that never repeats
    measured.emplace(key, a);
    return a;
}

float TextBlock::naturalWidth() const {
    if (!look_.font) return 0;
    float x = 0, best = 0;
    sf::Uint32 prev = 0;
    for (std::size_t i = 0; i < text_.getSize(); ++i) {
        if (text_[i] == '\n') {
            best = std::max(best, x);
            x = 0;
            prev = 0;
            continue;
        }
        x += advance(prev, text_[i]);
        prev = text_[i];
    }
    return std::ceil(std::max(best, x));
}

float TextBlock::wrap(float width) {
    width = std::floor(width);
    if (dirty_ || width != wrapWidth_) {
        wrapWidth_ = width;
        relayout();
    }
    return height();
}

sf::Text TextBlock::makeLine(std::size_t from, std::size_t to) const {
    sf::Text t(text_.substring(from, to - from), *look_.font, look_.size);
    t.setStyle(look_.style);
    t.setFillColor(look_.color);
    return t;
}

void TextBlock::relayout() {
    dirty_ = false;
    ++layouts_;
    lines_.clear();
    ranges_.clear();
    widths_.clear();
    widest_ = 0;
    if (!look_.font || text_.isEmpty()) return;
    const std::size_t n = text_.getSize();
    const std::size_t none = static_cast<std::size_t>(-1);
    std::size_t start = 0, lastSpace = none;
    float x = 0;
    sf::Uint32 prev = 0;
    auto measure = [&](std::size_t from, std::size_t to) {
        float w = 0;
        sf::Uint32 p = 0;
        for (std::size_t k = from; k < to; ++k) {
            w += advance(p, text_[k]);
            p = text_[k];
        }
        return w;
    };
    auto push = [&](std::size_t from, std::size_t to) {
        ranges_.emplace_back(from, to);
        widths_.push_back(std::ceil(measure(from, to)));
        widest_ = std::max(widest_, widths_.back());
    };
    for (std::size_t i = 0; i < n; ++i) {
        const sf::Uint32 c = text_[i];
        if (c == '\n') {
            push(start, i);
            start = i + 1;
            x = 0;
            prev = 0;
            lastSpace = none;
            continue;
        }
        if (c == ' ') lastSpace = i;
        float w = advance(prev, c);
        if (c != ' ' && x + w > wrapWidth_ && i > start) {
            if (lastSpace != none && lastSpace > start) {
                push(start, lastSpace);  // break at the last space; it is not drawn
                start = lastSpace + 1;
                x = measure(start, i);
                prev = i > start ? text_[i - 1] : 0;
                w = advance(prev, c);
            } else {
                push(start, i);  // a word wider than the line breaks where it must
                start = i;
                x = 0;
                prev = 0;
                w = advance(0, c);
            }
            lastSpace = none;
        }
        x += w;
        prev = c;
    }
    push(start, n);
    for (const auto& [from, to] : ranges_) lines_.push_back(makeLine(from, to));
    placeLines();
    if (reveal_ < n) {
        const std::size_t r = reveal_;
        reveal_ = static_cast<std::size_t>(-1);
        reveal(r);
    }
}

void TextBlock::placeLines() {
    const float lh = lineHeight();
    // Centre the glyphs in the line box: sf::Text puts the baseline one size below the top.
    const float inset = std::round((lh - static_cast<float>(look_.size) * 1.2f) / 2);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        const float dx = centred_ ? std::round((std::max(wrapWidth_, widest_) - widths_[i]) / 2) : 0.f;
        lines_[i].setPosition(pos_.x + dx, pos_.y + inset + static_cast<float>(i) * lh);
    }
    if (partialLine_ < lines_.size()) partial_.setPosition(lines_[partialLine_].getPosition());
}

void TextBlock::setPosition(sf::Vector2f p) {
    p = {std::round(p.x), std::round(p.y)};
    if (p == pos_) return;
    pos_ = p;
    placeLines();
}

void TextBlock::setCentred(bool on) {
    if (on == centred_) return;
    centred_ = on;
    placeLines();
}

sf::FloatRect TextBlock::bounds() const {
    const float dx = centred_ ? std::round((std::max(wrapWidth_, widest_) - widest_) / 2) : 0.f;
    return {pos_.x + dx, pos_.y, widest_, height()};
}

void TextBlock::reveal(std::size_t chars) {
    if (chars == reveal_) return;
    reveal_ = chars;
    if (dirty_ || chars >= text_.getSize()) return;
    for (std::size_t i = 0; i < ranges_.size(); ++i) {
        if (chars >= ranges_[i].second) continue;
        partialLine_ = i;
        const std::size_t to = std::max(ranges_[i].first, chars);
        partial_ = makeLine(ranges_[i].first, to);
        partial_.setPosition(lines_[i].getPosition());
        return;
    }
}

void TextBlock::draw(sf::RenderTarget& target) const {
    if (reveal_ >= text_.getSize()) {
        for (const auto& l : lines_) target.draw(l);
        return;
    }
    for (std::size_t i = 0; i < lines_.size() && i < partialLine_; ++i) target.draw(lines_[i]);
    if (partialLine_ < lines_.size()) target.draw(partial_);
}

}  // namespace attune::ui
