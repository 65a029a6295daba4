#include "sfml/screens/BreatheScreen.hpp"

#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Blocks.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace attune::ui {
namespace {
constexpr float kCycle = BreatheScreen::kIn + BreatheScreen::kHold + BreatheScreen::kOut;
float ease(float x) { return 0.5f - 0.5f * std::cos(std::clamp(x, 0.f, 1.f) * 3.14159265f); }
constexpr float kSmallest = 0.45f;  // the circle's size at the bottom of a breath
}  // namespace

BreatheScreen::BreatheScreen(Context& ctx) : Screen(ctx) { skipBtn_.set("Skip", "Esc", Button::Kind::Secondary); }

float BreatheScreen::size() const {
    if (ctx_.settings.reducedMotion) return 0.75f;
    const float c = std::fmod(std::min(t_, static_cast<float>(kBreaths) * kCycle - 0.001f), kCycle);
    if (c < kIn) return kSmallest + (1 - kSmallest) * ease(c / kIn);
    if (c < kIn + kHold) return 1.f;
    return 1.f - (1 - kSmallest) * ease((c - kIn - kHold) / kOut);
}

void BreatheScreen::refreshTexts() {
    const Theme& th = ctx_.theme;
    const float c = std::fmod(std::min(t_, static_cast<float>(kBreaths) * kCycle - 0.001f), kCycle);
    std::string phase;
    int left = 0;
    if (c < kIn) {
        phase = "Breathe in through your nose";
        left = static_cast<int>(std::ceil(kIn - c));
    } else if (c < kIn + kHold) {
        phase = "Hold it gently";
        left = static_cast<int>(std::ceil(kIn + kHold - c));
    } else {
        phase = "Breathe out slowly";
        left = static_cast<int>(std::ceil(kCycle - c));
    }
    const int breath = std::min(kBreaths, static_cast<int>(t_ / kCycle) + 1);
    // set() is a no-op when the words have not changed, so this lays out only on change.
    phase_.set(phase, th.look(th.type.title, th.color.text, true));
    count_.set(std::to_string(std::max(1, left)),
               th.look(th.type.display, th.contrast ? th.color.text : th.color.onAccent, true));
    progress_.set(fmt::format("Breath {} of {}", breath, kBreaths), th.look(th.type.small, th.color.muted));
    const float w = ctx_.size.x - 2 * th.margin;
    phase_.wrap(w);
    count_.wrap(w);
    progress_.wrap(w);
    const float y = middleTop_ + 2 * rMax_ + std::round(1.6f * th.unit);
    phase_.setPosition({std::round((ctx_.size.x - phase_.width()) / 2), y});
    progress_.setPosition(
        {std::round((ctx_.size.x - progress_.width()) / 2), y + phase_.height() + std::round(0.4f * th.unit)});
    count_.setPosition({std::round(centre_.x - count_.width() / 2), std::round(centre_.y - count_.height() / 2)});
}

void BreatheScreen::layout() {
    const Theme& th = ctx_.theme;
    const float w = ctx_.size.x - 2 * th.margin;
    title_.set("A breathing pause", lookFor(th, TextRole::Display));
    subtitle_.set(
        "Follow the circle. Let the out-breath be longer than the in-breath; it tells your body the "
        "danger has passed.",
        th.look(th.type.body, th.color.muted));
    float y = th.margin;
    title_.wrap(w);
    title_.setPosition({std::round((ctx_.size.x - title_.width()) / 2), y});
    y += title_.height() + std::round(0.5f * th.unit);
    const float subW = std::min(w, 36.f * static_cast<float>(th.type.body));
    subtitle_.wrap(subW);
    subtitle_.setCentred(true);
    subtitle_.setPosition({std::round((ctx_.size.x - subW) / 2), y});
    y += subtitle_.height() + std::round(1.8f * th.unit);
    const sf::Vector2f bs = skipBtn_.layout(th, w);
    const float bottom = ctx_.size.y - th.margin - bs.y;
    skipBtn_.setPosition({std::round((ctx_.size.x - bs.x) / 2), bottom});
    // The words under the circle take their room first; the circle gets the rest.
    phase_.set("Breathe in through your nose", th.look(th.type.title, th.color.text, true));
    progress_.set("Breath 1 of 5", th.look(th.type.small, th.color.muted));
    const float words = phase_.wrap(w) + std::round(0.4f * th.unit) + progress_.wrap(w) + std::round(1.6f * th.unit);
    const float room = bottom - std::round(1.8f * th.unit) - y - words;
    rMax_ = std::floor(std::max(20.f, std::min(room / 2, ctx_.size.x * 0.2f)));
    middleTop_ = std::round(y + (room - 2 * rMax_) / 2);
    centre_ = {std::round(ctx_.size.x / 2), middleTop_ + rMax_};
    circle_.setPointCount(96);
    halo_.setPointCount(96);
    circle_.setRadius(rMax_);
    circle_.setOrigin(rMax_, rMax_);
    circle_.setPosition(centre_);
    halo_.setRadius(rMax_);
    halo_.setOrigin(rMax_, rMax_);
    halo_.setPosition(centre_);
    const sf::Color green = th.color.inside;
    circle_.setFillColor(th.contrast ? sf::Color::Black : mix(th.color.background, green, 0.75f));
    circle_.setOutlineColor(green);
    circle_.setOutlineThickness(-std::max(2.f, std::round(3.f * th.scale)));
    halo_.setFillColor(alpha(green, th.contrast ? 0 : 26));
    halo_.setOutlineColor(alpha(green, th.contrast ? 255 : 60));
    halo_.setOutlineThickness(-std::max(1.f, std::round(1.5f * th.scale)));
    placeCircle();
    refreshTexts();
}

void BreatheScreen::placeCircle() {
    const float s = size();
    circle_.setScale(s, s);
    // The halo shows how far the breath can go.
    halo_.setScale(1.f, 1.f);
}

void BreatheScreen::advance(float seconds) {
    t_ += seconds;
    placeCircle();
    refreshTexts();
}

void BreatheScreen::update(float dt) {
    if (closing_) return;
    advance(dt);
    if (finished()) skip();
}

void BreatheScreen::skip() {
    if (closing_) return;
    closing_ = true;
    ctx_.stack.pop();
}

void BreatheScreen::handle(const sf::Event& e) {
    if (auto p = pointer(e)) {
        skipBtn_.setHovered(skipBtn_.contains(*p));
        if (leftClick(e) && skipBtn_.contains(*p)) skip();
        return;
    }
    if (pressed(e, sf::Keyboard::Escape) || pressed(e, sf::Keyboard::Enter) || pressed(e, sf::Keyboard::Space)) skip();
}

void BreatheScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    subtitle_.draw(target);
    target.draw(halo_);
    target.draw(circle_);
    count_.draw(target);
    phase_.draw(target);
    progress_.draw(target);
    skipBtn_.draw(target);
}

std::vector<Box> BreatheScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    addBox(out, "subtitle", subtitle_.bounds());
    const int c = addBox(out, "circle", {centre_.x - rMax_, centre_.y - rMax_, 2 * rMax_, 2 * rMax_});
    addBox(out, "count", count_.bounds(), c);
    addBox(out, "phase", phase_.bounds());
    addBox(out, "progress", progress_.bounds());
    skipBtn_.boxes(out, "skip");
    return out;
}

}  // namespace attune::ui
