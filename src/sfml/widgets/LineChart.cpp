#include "sfml/widgets/LineChart.hpp"

#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {
namespace {
const feedback::Zone kZones[3] = {feedback::Zone::Above, feedback::Zone::Inside, feedback::Zone::Below};
const float kTop[3] = {100.f, 70.f, 30.f}, kBottom[3] = {70.f, 30.f, 0.f};
}  // namespace

void LineChart::set(std::vector<Series> series) { series_ = std::move(series); }

float LineChart::layout(const Theme& th, float width, float plotHeight) {
    th_ = &th;
    plotH_ = std::round(plotHeight);
    static const char* kGrid[3] = {"100%", "50%", "0%"};
    for (int i = 0; i < 3; ++i) {
        bandLabels_[i].set(frame_.zones ? zoneLabel(kZones[i]) : kGrid[i], th.look(th.type.caption, th.color.muted));
        bandLabels_[i].wrap(width * 0.4f);
    }
    start_.set(frame_.start, th.look(th.type.caption, th.color.faint));
    end_.set(frame_.end, th.look(th.type.caption, th.color.faint));
    start_.wrap(width / 3);
    end_.wrap(width / 3);
    std::vector<std::pair<std::string, sf::Color>> items;
    for (const auto& s : series_) items.emplace_back(s.label, s.color);
    legend_.set(items);
    const float legendH = legend_.layout(th, width);
    rect_.width = std::round(width);
    // A grid's top label stands half above the plot: room for it.
    topPad_ = frame_.zones ? 0.f : std::round(bandLabels_[0].height() / 2);
    rect_.height = std::round(topPad_ + plotH_ + (frame_.zones ? 0.3f : 0.5f) * th.unit + start_.height() +
                              0.5f * th.unit + legendH);
    return rect_.height;
}

void LineChart::setPosition(sf::Vector2f p) {
    const Theme& th = *th_;
    rect_.left = std::round(p.x);
    rect_.top = std::round(p.y);
    plot_ = {rect_.left, rect_.top + topPad_, rect_.width, plotH_};
    if (!frame_.zones) {
        // The per-cent labels sit in a gutter at the left, clear of the lines.
        const float gutter = std::round(bandLabels_[0].width() + 0.5f * th.unit);
        plot_.left += gutter;
        plot_.width -= gutter;
    }
    bands_.clear();
    auto yOf = [&](float v) { return std::round(plot_.top + plot_.height * (1.f - v / 100.f)); };
    for (int i = 0; frame_.zones && i < 3; ++i) {
        const float y0 = yOf(kTop[i]), y1 = yOf(kBottom[i]);
        const sf::Color c = zoneColor(th, kZones[i]);
        addRect(bands_, {plot_.left, y0, plot_.width, y1 - y0}, alpha(c, th.contrast ? 70 : 46));
        addRect(bands_, {plot_.left, y0, plot_.width, 1}, alpha(c, 110));
        // Band names sit in the band's top-left corner when there is room.
        const bool fits = bandLabels_[i].height() + 0.4f * th.unit < y1 - y0;
        bandLabels_[i].setPosition({plot_.left + 0.6f * th.unit, fits ? y0 + 0.2f * th.unit : -1000.f});
    }
    if (!frame_.zones) {
        // Quiet lines at 100, 50 and 0 per cent, each labelled just above it at the left.
        addRect(bands_, plot_, alpha(th.color.surface, th.contrast ? 0 : 255));
        for (int i = 0; i < 3; ++i) {
            const float y = yOf(100.f - 50.f * static_cast<float>(i));
            addRect(bands_, {plot_.left, std::min(y, plot_.top + plot_.height - 1), plot_.width, 1},
                    alpha(th.color.border, th.contrast ? 255 : 200));
            bandLabels_[i].setPosition({std::round(plot_.left - 0.5f * th.unit - bandLabels_[i].width()),
                                        std::round(y - bandLabels_[i].height() / 2)});
        }
    }
    lines_.clear();
    const float lineW = std::max(2.f, std::round(2.5f * th.scale));
    const float dot = std::max(3.f, std::round(3.5f * th.scale));
    const float inset = dot + 0.6f * th.unit;
    for (const auto& s : series_) {
        if (s.values.empty()) continue;
        const float n = static_cast<float>(std::max<std::size_t>(1, s.values.size() - 1));
        std::vector<sf::Vector2f> pts;
        for (std::size_t i = 0; i < s.values.size(); ++i) {
            if (s.values[i] < 0) continue;  // nothing there: the line goes from the point before to the next
            const float x = plot_.left + inset +
                            (plot_.width - 2 * inset) * (s.values.size() == 1 ? 0.5f : static_cast<float>(i) / n);
            // The arc keeps clear of the bands' edges; a share sits on its grid line.
            pts.emplace_back(x, yOf(static_cast<float>(frame_.zones ? std::clamp(s.values[i], 2, 98)
                                                                    : std::clamp(s.values[i], 0, 100))));
        }
        for (std::size_t i = 1; i < pts.size(); ++i) addLine(lines_, pts[i - 1], pts[i], lineW, s.color);
        // A dot on each point, unless there are so many (a year of weeks) that the dots would crowd the line.
        if (s.values.size() <= 26)
            for (const auto& q : pts) addDisc(lines_, q, dot, s.color, 16);
    }
    const float below = plot_.top + plot_.height + (frame_.zones ? 0.3f : 0.5f) * th.unit;
    start_.setPosition({plot_.left, below});
    end_.setPosition({plot_.left + plot_.width - end_.width(), below});
    legend_.setPosition({rect_.left, below + start_.height() + 0.5f * th.unit});
}

void LineChart::draw(sf::RenderTarget& target) const {
    target.draw(bands_);
    target.draw(lines_);
    // The zone names go on top, so a line passing through never crosses out a word.
    for (const auto& b : bandLabels_)
        if (b.position().y >= 0) b.draw(target);
    start_.draw(target);
    end_.draw(target);
    legend_.draw(target);
}

void LineChart::boxes(std::vector<Box>& out, const std::string& name, int parent) const {
    const int me = addBox(out, name, rect_, parent);
    const int plot = addBox(out, name + " plot", plot_, me);
    for (const auto& b : bandLabels_)
        if (b.position().y >= 0) addBox(out, name + " band label", b.bounds(), frame_.zones ? plot : me);
    addBox(out, name + " start", start_.bounds(), me);
    addBox(out, name + " end", end_.bounds(), me);
    legend_.boxes(out, name + " legend", me);
}

}  // namespace attune::ui
