#include "sfml/widgets/Gauge.hpp"

#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {
namespace {
constexpr float kLow = 30.f, kHigh = 70.f;  // the bands of feedback::zoneOf
}

void Gauge::set(const std::string& name, sf::Color roleColor, int value) {
    who_ = name;
    role_ = roleColor;
    target_ = value;
    shown_ = static_cast<float>(value);
}

void Gauge::setLabel(const std::string& name, sf::Color roleColor) {
    who_ = name;
    role_ = roleColor;
}

void Gauge::setValue(int value) { target_ = value; }

void Gauge::settle() {
    shown_ = static_cast<float>(target_);
    if (th_) placeMarker();
}

float Gauge::layout(const Theme& th, float width) {
    th_ = &th;
    name_.set(who_, th.look(th.type.small, role_, true));
    zoneShown_ = feedback::zoneOf(static_cast<int>(std::lround(shown_)));
    zone_.set(zoneLabel(zoneShown_), th.look(th.type.caption, th.color.muted));
    const float nameW = std::min(name_.naturalWidth() + 1.f, width * 0.5f);
    name_.wrap(nameW);
    zone_.wrap(std::max(10.f, width - name_.width() - th.unit));
    const float head = std::max(name_.height(), zone_.height());
    const float markerR = std::round(0.85f * th.unit + 2.f * th.scale);
    rect_.width = std::round(width);
    rect_.height = std::round(head + 0.6f * th.unit + 2 * markerR);
    return rect_.height;
}

void Gauge::setPosition(sf::Vector2f p) {
    const Theme& th = *th_;
    rect_.left = std::round(p.x);
    rect_.top = std::round(p.y);
    const float head = std::max(name_.height(), zone_.height());
    name_.setPosition({rect_.left, rect_.top + head - name_.height()});
    zone_.setPosition({rect_.left + rect_.width - zone_.width(), rect_.top + head - zone_.height()});
    const float markerR = std::round(0.85f * th.unit + 2.f * th.scale);
    const float trackH = std::max(6.f, std::round(0.8f * th.unit));
    // The marker may sit at 0 or 100: the track is inset by its radius so it never leaves the box.
    track_ = {rect_.left + markerR, rect_.top + head + 0.6f * th.unit + markerR - trackH / 2, rect_.width - 2 * markerR,
              trackH};
    ticks_.clear();
    const float tickH = 2 * markerR - 2;
    for (float v : {kLow, kHigh}) {
        const float x = std::round(track_.left + track_.width * v / 100.f);
        addRect(ticks_, {x - 1, track_.top + trackH / 2 - tickH / 2, 2, tickH}, th.color.faint);
    }
    marker_.setRadius(markerR);
    marker_.setOrigin(markerR, markerR);
    marker_.setPointCount(32);
    marker_.setOutlineThickness(-std::max(2.f, std::round(2.5f * th.scale)));
    placeMarker();
    colourZones();  // the bands follow the track (and the theme) on every layout, not only on a zone change
}

void Gauge::colourZones() {
    const Theme& th = *th_;
    zones_.clear();
    const float ends[4] = {0.f, kLow, kHigh, 100.f};
    const feedback::Zone zs[3] = {feedback::Zone::Below, feedback::Zone::Inside, feedback::Zone::Above};
    for (int i = 0; i < 3; ++i) {
        const float x0 = track_.left + track_.width * ends[i] / 100.f;
        const float x1 = track_.left + track_.width * ends[i + 1] / 100.f;
        sf::Color c = zoneColor(th, zs[i]);
        // The zone the person is in is lit; the others are quieter.
        if (zs[i] != zoneShown_) c = th.contrast ? mix(c, sf::Color::Black, 0.45f) : mix(c, th.color.surface, 0.62f);
        addRect(zones_,
                {std::round(x0) + (i ? 1.f : 0.f), track_.top, std::round(x1) - std::round(x0) - (i ? 1.f : 0.f),
                 track_.height},
                c);
    }
    const sf::Color zc = zoneColor(th, zoneShown_);
    marker_.setFillColor(zc);
    marker_.setOutlineColor(th.contrast ? sf::Color::White : th.color.surface);
    zone_.setColor(th.contrast ? th.color.text : mix(zc, th.color.text, 0.35f));
}

void Gauge::placeMarker() {
    const float v = std::clamp(shown_, 0.f, 100.f);
    marker_.setPosition(std::round(track_.left + track_.width * v / 100.f), std::round(track_.top + track_.height / 2));
    const feedback::Zone z = feedback::zoneOf(static_cast<int>(std::lround(shown_)));
    if (z != zoneShown_ || zones_.getVertexCount() == 0) {
        zoneShown_ = z;
        zone_.set(zoneLabel(z), th_->look(th_->type.caption, th_->color.muted));
        zone_.wrap(std::max(10.f, rect_.width - name_.width() - th_->unit));
        const float head = std::max(name_.height(), zone_.height());
        zone_.setPosition({rect_.left + rect_.width - zone_.width(), rect_.top + head - zone_.height()});
        colourZones();
    }
}

bool Gauge::update(float dt) {
    const float t = static_cast<float>(target_);
    if (shown_ == t || !th_) return false;
    if (th_->reducedMotion)
        shown_ = t;
    else {
        shown_ += (t - shown_) * (1.f - std::exp(-dt * 4.f));
        if (std::abs(t - shown_) < 0.05f) shown_ = t;
    }
    placeMarker();
    return shown_ != t;
}

void Gauge::draw(sf::RenderTarget& target) const {
    name_.draw(target);
    zone_.draw(target);
    target.draw(zones_);
    target.draw(ticks_);
    target.draw(marker_);
}

void Gauge::boxes(std::vector<Box>& out, const std::string& name, int parent) const {
    const int me = addBox(out, name, rect_, parent);
    addBox(out, name + " name", name_.bounds(), me);
    addBox(out, name + " zone", zone_.bounds(), me);
    addBox(out, name + " track",
           {track_.left - marker_.getRadius(), track_.top + track_.height / 2 - marker_.getRadius(),
            track_.width + 2 * marker_.getRadius(), 2 * marker_.getRadius()},
           me);
}

}  // namespace attune::ui
