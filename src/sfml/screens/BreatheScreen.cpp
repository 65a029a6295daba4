#include "sfml/screens/BreatheScreen.hpp"

#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Blocks.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace attune::ui {
namespace {
float ease(float x) { return 0.5f - 0.5f * std::cos(std::clamp(x, 0.f, 1.f) * 3.14159265f); }
constexpr float kSmallest = 0.45f;  // the circle's size at the bottom of a breath
}  // namespace

BreatheScreen::BreatheScreen(Context& ctx, std::string practice, PracticeDone done)
    : Screen(ctx), p_(feedback::practice(practice)), done_(std::move(done)) {
    skipBtn_.set("Skip", "Esc", Button::Kind::Secondary);
}

BreatheScreen::~BreatheScreen() {
    // The window closed (or the story was left) part-way through: what was done still counts.
    if (!closing_ && done_) done_(p_.id, static_cast<int>(std::min(t_, p_.length())));
}

BreatheScreen::Where BreatheScreen::where() const {
    float cycle = 0;
    for (const auto& ph : p_.cycle) cycle += ph.seconds;
    const float t = std::clamp(t_, 0.f, p_.length() - 0.001f);
    Where w;
    w.round = static_cast<int>(t / cycle);
    float c = std::fmod(t, cycle);
    while (w.phase + 1 < p_.cycle.size() && c >= p_.cycle[w.phase].seconds) c -= p_.cycle[w.phase++].seconds;
    w.into = c;
    return w;
}

float BreatheScreen::size() const {
    if (ctx_.settings.reducedMotion) return 0.75f;
    const Where w = where();
    const auto& ph = p_.cycle[w.phase];
    const float from = w.phase > 0                   ? p_.cycle[w.phase - 1].size
                       : p_.cycle.back().size == 1.f ? kSmallest
                                                     : p_.cycle.back().size;
    return from + (ph.size - from) * ease(w.into / ph.seconds);
}

void BreatheScreen::refreshTexts() {
    const Theme& th = ctx_.theme;
    const Where w = where();
    const auto& ph = p_.cycle[w.phase];
    const int left = static_cast<int>(std::ceil(ph.seconds - w.into));
    const bool byRound = p_.rounds > 1;
    // set() is a no-op when the words have not changed, so this lays out only on change.
    phase_.set(ph.text, th.look(th.type.title, th.color.text, true));
    count_.set(std::to_string(std::max(1, left)),
               th.look(th.type.display, th.contrast ? th.color.text : th.color.onAccent, true));
    progress_.set(byRound ? fmt::format("{} {} of {}", p_.unit, w.round + 1, p_.rounds)
                          : fmt::format("{} {} of {}", p_.unit, w.phase + 1, p_.cycle.size()),
                  th.look(th.type.small, th.color.muted));
    const float wd = ctx_.size.x - 2 * th.margin;
    phase_.wrap(phaseWidth());
    phase_.setCentred(true);
    count_.wrap(wd);
    progress_.wrap(wd);
    const float y = middleTop_ + 2 * rMax_ + std::round(1.6f * th.unit);
    phase_.setPosition({std::round((ctx_.size.x - phaseWidth()) / 2), y});
    progress_.setPosition(
        {std::round((ctx_.size.x - progress_.width()) / 2), y + phase_.height() + std::round(0.4f * th.unit)});
    count_.setPosition({std::round(centre_.x - count_.width() / 2), std::round(centre_.y - count_.height() / 2)});
}

float BreatheScreen::phaseWidth() const {
    // A long step (the self-compassion break's) in lines short enough to read at a glance.
    const Theme& th = ctx_.theme;
    return std::round(std::min(ctx_.size.x - 2 * th.margin, 30.f * static_cast<float>(th.type.title)));
}

void BreatheScreen::layout() {
    const Theme& th = ctx_.theme;
    const float w = ctx_.size.x - 2 * th.margin;
    title_.set(p_.title, lookFor(th, TextRole::Display));
    subtitle_.set(p_.intro, th.look(th.type.body, th.color.muted));
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
    // Room for the longest step's words, so the circle does not move between steps.
    std::string longest;
    for (const auto& ph : p_.cycle)
        if (ph.text.size() > longest.size()) longest = ph.text;
    phase_.set(longest, th.look(th.type.title, th.color.text, true));
    progress_.set(fmt::format("{} 1 of 5", p_.unit), th.look(th.type.small, th.color.muted));
    const float words =
        phase_.wrap(phaseWidth()) + std::round(0.4f * th.unit) + progress_.wrap(w) + std::round(1.6f * th.unit);
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
    const Where before = where();
    const bool first = t_ == 0;
    t_ += seconds;
    const Where now = where();
    if (finished()) {
        if (!cuedEnd_) ctx_.cue(Cue::End);
        cuedEnd_ = true;
    } else if (first || now.phase != before.phase || now.round != before.round) {
        // A soft tone at each change: up for a breath in, level for a hold or a step, down for out.
        const float from = now.phase > 0 ? p_.cycle[now.phase - 1].size : p_.cycle.back().size;
        const float to = p_.cycle[now.phase].size;
        ctx_.cue(to > from + 0.01f ? Cue::In : to < from - 0.01f ? Cue::Out : Cue::Hold);
    }
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
    if (done_) done_(p_.id, static_cast<int>(std::min(t_, p_.length())));
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
