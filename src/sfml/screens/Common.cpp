#include "sfml/screens/Common.hpp"

#include "core/util/Text.hpp"
#include <SFML/System/String.hpp>

#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace attune::ui {

sf::ConvexShape panel(const Theme& th, const sf::FloatRect& r, bool raised) {
    return roundRect(r, th.radius * 1.4f, raised ? th.color.raised : th.color.surface,
                     th.contrast ? th.color.border : mix(th.color.border, th.color.surface, 0.4f), th.border);
}

sf::FloatRect panelCover(const Theme& th, const sf::FloatRect& r) {
    // The outline may be translucent: only the fill inside it is opaque.
    const float side = std::ceil(std::max(th.radius * 1.4f, th.border)), edge = std::ceil(th.border);
    return {r.left + side, r.top + edge, std::max(0.f, r.width - 2 * side), std::max(0.f, r.height - 2 * edge)};
}

int numberKey(const sf::Event& e) {
    if (e.type != sf::Event::KeyPressed) return -1;
    if (e.key.code >= sf::Keyboard::Num1 && e.key.code <= sf::Keyboard::Num9) return e.key.code - sf::Keyboard::Num1;
    if (e.key.code >= sf::Keyboard::Numpad1 && e.key.code <= sf::Keyboard::Numpad9)
        return e.key.code - sf::Keyboard::Numpad1;
    return -1;
}

bool pressed(const sf::Event& e, sf::Keyboard::Key k) { return e.type == sf::Event::KeyPressed && e.key.code == k; }

std::optional<sf::Vector2f> pointer(const sf::Event& e) {
    if (e.type == sf::Event::MouseMoved)
        return sf::Vector2f(static_cast<float>(e.mouseMove.x), static_cast<float>(e.mouseMove.y));
    if (e.type == sf::Event::MouseButtonPressed || e.type == sf::Event::MouseButtonReleased)
        return sf::Vector2f(static_cast<float>(e.mouseButton.x), static_cast<float>(e.mouseButton.y));
    return std::nullopt;
}

bool leftClick(const sf::Event& e) {
    return e.type == sf::Event::MouseButtonPressed && e.mouseButton.button == sf::Mouse::Left;
}

sf::Event clickOn(const Button& b) {
    sf::Event click{};
    click.type = sf::Event::MouseButtonPressed;
    click.mouseButton = {sf::Mouse::Left, static_cast<int>(b.rect().left + 1), static_cast<int>(b.rect().top + 1)};
    return click;
}

void FocusRing::set(std::vector<Button*> buttons) {
    // The old buttons are not touched: a screen that lays itself out again may
    // already have destroyed them (the debrief's replay buttons, say).
    buttons_ = std::move(buttons);
    if (index_ >= buttons_.size()) index_ = 0;
    apply();
}

void FocusRing::apply() {
    for (std::size_t i = 0; i < buttons_.size(); ++i) buttons_[i]->setFocused(active_ && i == index_);
}

bool FocusRing::handle(const sf::Event& e) {
    if (!pressed(e, sf::Keyboard::Tab) || buttons_.empty()) return false;
    const std::size_t n = buttons_.size();
    if (!active_)
        active_ = true;
    else
        index_ = e.key.shift ? (index_ + n - 1) % n : (index_ + 1) % n;
    // Skip buttons that are switched off.
    for (std::size_t k = 0; k < n && !buttons_[index_]->enabled(); ++k)
        index_ = e.key.shift ? (index_ + n - 1) % n : (index_ + 1) % n;
    apply();
    return true;
}

Button* FocusRing::current() const {
    return active_ && index_ < buttons_.size() && buttons_[index_]->enabled() ? buttons_[index_] : nullptr;
}

void FocusRing::focus(std::size_t i) {
    active_ = true;
    index_ = i;
    apply();
}

void FocusRing::clear() {
    active_ = false;
    apply();
}

Button* hover(const std::vector<Button*>& buttons, sf::Vector2f p) {
    Button* hit = nullptr;
    for (Button* b : buttons) {
        const bool on = b->contains(p);
        b->setHovered(on);
        if (on) hit = b;
    }
    return hit;
}

bool moveField(const sf::Event& e, int& field, int count) {
    if (e.type != sf::Event::KeyPressed) return false;
    switch (e.key.code) {
        case sf::Keyboard::Tab:
            field = (field + (e.key.shift ? count - 1 : 1)) % count;
            return true;
        case sf::Keyboard::Down:
            if (field < count - 1) ++field;
            return true;
        case sf::Keyboard::Up:
            if (field > 0) --field;
            return true;
        default:
            return false;
    }
}

void editText(std::string& n, std::uint32_t cp, std::size_t max) {
    if (cp == 8) {  // backspace: drop the last code point
        while (!n.empty() && (static_cast<unsigned char>(n.back()) & 0xC0) == 0x80) n.pop_back();
        if (!n.empty()) n.pop_back();
    } else if (cp >= 32 && cp != 127 && text::codePoints(n) < max) {
        const auto utf8 = sf::String(cp).toUtf8();
        n.append(utf8.begin(), utf8.end());
    }
}

std::string homeShort(const std::string& path) {
    const char* home = std::getenv("HOME");
    if (home && *home) {
        const std::string h(home);
        if (path.size() > h.size() && path.compare(0, h.size(), h) == 0 && path[h.size()] == '/')
            return "~" + path.substr(h.size());
    }
    return path;
}

}  // namespace attune::ui
