#pragma once
/// Small helpers the screens share: panels, keys, the mouse and keyboard focus.
#include "sfml/Context.hpp"
#include "sfml/widgets/Button.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace attune::ui {

/// A panel: the surface colour, a quiet outline (white in high contrast).
sf::ConvexShape panel(const Theme& th, const sf::FloatRect& r, bool raised = false);
/// The part of panel(th, r) that is opaque all the way across: `r` less the rounded corners'
/// width at each side and the outline at the top and bottom (Screen::covers).
sf::FloatRect panelCover(const Theme& th, const sf::FloatRect& r);

/// 0-based number of a 1..9 key (top row or keypad), or -1.
int numberKey(const sf::Event& e);
bool pressed(const sf::Event& e, sf::Keyboard::Key k);
/// The pointer position of a mouse move or left click, if the event is one.
std::optional<sf::Vector2f> pointer(const sf::Event& e);
bool leftClick(const sf::Event& e);
/// A left click just inside a button: how Enter presses the focused button.
sf::Event clickOn(const Button& b);

/// Keyboard focus over a list of buttons: Tab and Shift+Tab move it, Enter presses.
class FocusRing {
public:
    /// Sets the buttons in order; keeps the focus on the same index when it still exists.
    void set(std::vector<Button*> buttons);
    /// Tab / Shift+Tab: returns true when handled.
    bool handle(const sf::Event& e);
    Button* current() const;
    void focus(std::size_t i);
    void clear();

private:
    void apply();
    std::vector<Button*> buttons_;
    std::size_t index_ = 0;
    bool active_ = false;
};

/// Hover for every button in the list; returns the one under the pointer.
Button* hover(const std::vector<Button*>& buttons, sf::Vector2f p);

/// A form's fields by keyboard: Tab and Shift+Tab go round the `count` fields, ↓ and ↑ go
/// down and up them. True (with `field` moved, or kept at an end) when the key was one of these.
bool moveField(const sf::Event& e, int& field, int count);

/// Typing into a one-line field: a character (text entered) appended, Backspace (8) drops
/// the last code point; control characters are ignored; at most `max` code points.
void editText(std::string& value, std::uint32_t codePoint, std::size_t max);

/// A file name's "~/..." form for showing.
std::string homeShort(const std::string& path);

}  // namespace attune::ui
