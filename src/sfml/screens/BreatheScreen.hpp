#pragma once
/// A regulation practice (paced breathing, the sigh, 5-4-3-2-1 grounding): a circle
/// that grows on the in-breath and shrinks on the long out-breath, with the steps in
/// words, about a minute, skippable at any time. With reduced motion the circle keeps still.
#include "core/feedback/Practice.hpp"
#include "sfml/Screen.hpp"
#include "sfml/widgets/Button.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <functional>

namespace attune::ui {

/// Told when a practice ends (by itself or stopped): its id and how many seconds it went on.
using PracticeDone = std::function<void(const std::string&, int)>;

class BreatheScreen : public Screen {
public:
    explicit BreatheScreen(Context& ctx, std::string practice = "paced", PracticeDone done = {});
    ~BreatheScreen() override;
    const char* name() const override { return "breathe"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void update(float dt) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;
    bool animating() const override { return !closing_; }

    /// Moves the exercise on (tests and screenshots use this instead of a clock).
    void advance(float seconds);
    float elapsed() const { return t_; }
    bool finished() const { return t_ >= p_.length(); }
    const feedback::Practice& practice() const { return p_; }
    /// The circle's radius now, as a fraction of its largest.
    float size() const;
    void skip();

private:
    void refreshTexts();
    void placeCircle();
    float phaseWidth() const;

    /// The phase at time t: its index in the cycle, the round, and how far into it.
    struct Where {
        std::size_t phase = 0;
        int round = 0;
        float into = 0;
    };
    Where where() const;

    const feedback::Practice& p_;
    PracticeDone done_;
    float t_ = 0;
    bool closing_ = false;
    bool cuedEnd_ = false;
    TextBlock title_, subtitle_, phase_, count_, progress_;
    Button skipBtn_;
    sf::CircleShape circle_, halo_;
    sf::Vector2f centre_;
    float rMax_ = 100;
    float middleTop_ = 0;
};

}  // namespace attune::ui
