#pragma once
/// A screen of the window. Screens never change the stack directly: they ask
/// the Context's ScreenStack, which applies the change between frames.
#include "sfml/Layout.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Window/Event.hpp>

#include <optional>

namespace attune::ui {

struct Context;

class Screen {
public:
    explicit Screen(Context& ctx) : ctx_(ctx) {}
    virtual ~Screen() = default;
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    /// "library", "play", "coach", "breathe", "debrief", "settings", "history".
    virtual const char* name() const = 0;
    /// False for overlays: the screen beneath is drawn first.
    virtual bool opaque() const { return true; }
    /// For an overlay on top: the part of the window it paints opaque (its panel, less the
    /// rounded corners), in the view's coordinates. The screens beneath are not drawn there:
    /// under software GL, filling pixels that are then painted over is most of a frame.
    virtual std::optional<sf::FloatRect> covers() const { return std::nullopt; }
    /// Lays everything out from the window size, theme and content. Called when
    /// the screen is pushed, the window resizes or the settings change.
    virtual void layout() = 0;
    /// Events arrive in window coordinates of the logical view.
    virtual void handle(const sf::Event& e) = 0;
    /// Animation; `dt` in seconds. Never lays text out.
    virtual void update(float /*dt*/) {}
    virtual void draw(sf::RenderTarget& target) const = 0;
    /// Called when the screen above it is popped.
    virtual void resumed() {}
    /// True while something on the screen moves on its own (a reveal, a glide,
    /// the breathing circle); otherwise the last frame can be shown again as it was.
    virtual bool animating() const { return false; }
    /// Jumps every animation to its end (reduced motion, screenshots).
    virtual void settle() {}
    /// True while the screen waits for something that comes soon by itself (a connection
    /// being made): a screenshot waits until nothing on the stack is busy.
    virtual bool busy() const { return false; }
    /// The laid-out text boxes and buttons, for the layout checks.
    virtual std::vector<Box> boxes() const = 0;

protected:
    Context& ctx_;
};

}  // namespace attune::ui
