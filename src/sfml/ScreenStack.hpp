#pragma once
/// The deferred screen stack: screens request push, pop and replace while
/// handling events; the stack applies the requests between frames.
#include "sfml/Screen.hpp"

#include <functional>
#include <memory>
#include <vector>

namespace attune::ui {

class ScreenStack {
public:
    ScreenStack() = default;
    ~ScreenStack();
    ScreenStack(const ScreenStack&) = delete;
    ScreenStack& operator=(const ScreenStack&) = delete;
    void push(std::unique_ptr<Screen> s);
    void pop();
    /// Clears the stack, then pushes `s`.
    void replace(std::unique_ptr<Screen> s);
    /// Runs `f` after the pending changes are applied (for work on the screen then on top).
    void later(std::function<void()> f);

    /// Applies pending requests in order. Returns true when anything changed.
    bool apply();
    bool pending() const { return !requests_.empty(); }
    bool empty() const { return screens_.empty(); }
    std::size_t size() const { return screens_.size(); }
    Screen* top() const { return screens_.empty() ? nullptr : screens_.back().get(); }
    /// The topmost screen of a type, or null.
    template <typename T>
    T* find() const {
        for (auto it = screens_.rbegin(); it != screens_.rend(); ++it)
            if (auto* t = dynamic_cast<T*>(it->get())) return t;
        return nullptr;
    }

    /// The screens drawn now, bottom first (an opaque screen hides those beneath it).
    std::vector<const Screen*> visible() const;
    void handle(const sf::Event& e);
    void update(float dt);
    void draw(sf::RenderTarget& target) const;
    void layoutAll();
    /// True when a visible screen is animating.
    bool animating() const;
    /// True when only the top screen is animating and it is an overlay: what lies beneath
    /// is still, so it can be drawn once and shown again (App::render).
    bool onlyOverlayAnimating() const;
    /// The visible screens beneath the top one, and the top one alone.
    void drawBeneathTop(sf::RenderTarget& target) const;
    void drawTop(sf::RenderTarget& target) const;
    /// True while a screen on the stack waits for something that comes soon by itself.
    bool busy() const;
    void settleAll();

private:
    std::size_t firstVisible() const;
    struct Request {
        enum class Kind { Push, Pop, Replace, Later } kind;
        std::unique_ptr<Screen> screen;
        std::function<void()> then;
    };
    void clear();
    std::vector<std::unique_ptr<Screen>> screens_;
    std::vector<Request> requests_;
};

}  // namespace attune::ui
