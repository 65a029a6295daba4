#pragma once
/// The breathing pause: a circle that grows on the in-breath and shrinks on
/// the long out-breath, with the counts in words, five breaths (about a
/// minute), skippable at any time. With reduced motion the circle keeps still.
#include "sfml/Screen.hpp"
#include "sfml/widgets/Button.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace attune::ui {

class BreatheScreen : public Screen {
public:
    static constexpr float kIn = 4.f, kHold = 2.f, kOut = 6.f;
    static constexpr int kBreaths = 5;

    explicit BreatheScreen(Context& ctx);
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
    bool finished() const { return t_ >= static_cast<float>(kBreaths) * (kIn + kHold + kOut); }
    /// The circle's radius now, as a fraction of its largest.
    float size() const;
    void skip();

private:
    void refreshTexts();
    void placeCircle();

    float t_ = 0;
    bool closing_ = false;
    TextBlock title_, subtitle_, phase_, count_, progress_;
    Button skipBtn_;
    sf::CircleShape circle_, halo_;
    sf::Vector2f centre_;
    float rMax_ = 100;
    float middleTop_ = 0;
};

}  // namespace attune::ui
