#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {
namespace {
constexpr float kPi = 3.14159265f;
constexpr std::size_t kCornerPoints = 8;
}  // namespace

sf::ConvexShape roundRect(const sf::FloatRect& r, float radius, sf::Color fill, sf::Color outline, float outlineWidth) {
    const float rad = std::max(0.f, std::min({radius, r.width / 2, r.height / 2}));
    sf::ConvexShape s(kCornerPoints * 4);
    const sf::Vector2f centres[4] = {{r.left + r.width - rad, r.top + rad},
                                     {r.left + r.width - rad, r.top + r.height - rad},
                                     {r.left + rad, r.top + r.height - rad},
                                     {r.left + rad, r.top + rad}};
    std::size_t k = 0;
    for (int corner = 0; corner < 4; ++corner) {
        const float start = -kPi / 2 + static_cast<float>(corner) * kPi / 2;
        for (std::size_t i = 0; i < kCornerPoints; ++i) {
            const float a = start + static_cast<float>(i) / static_cast<float>(kCornerPoints - 1) * (kPi / 2);
            s.setPoint(k++, centres[corner] + sf::Vector2f(std::cos(a) * rad, std::sin(a) * rad));
        }
    }
    s.setFillColor(fill);
    s.setOutlineColor(outline);
    s.setOutlineThickness(-outlineWidth);
    return s;
}

void addRect(sf::VertexArray& va, const sf::FloatRect& r, sf::Color c) {
    const sf::Vector2f a(r.left, r.top), b(r.left + r.width, r.top), d(r.left, r.top + r.height),
        e(r.left + r.width, r.top + r.height);
    for (sf::Vector2f p : {a, b, d, b, e, d}) va.append(sf::Vertex(p, c));
}

void addLine(sf::VertexArray& va, sf::Vector2f a, sf::Vector2f b, float width, sf::Color c) {
    sf::Vector2f d = b - a;
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len <= 0) return;
    const sf::Vector2f n(-d.y / len * width / 2, d.x / len * width / 2);
    for (sf::Vector2f p : {a + n, b + n, a - n, b + n, b - n, a - n}) va.append(sf::Vertex(p, c));
}

void addDisc(sf::VertexArray& va, sf::Vector2f centre, float radius, sf::Color c, int points) {
    for (int i = 0; i < points; ++i) {
        const float a0 = 2 * kPi * static_cast<float>(i) / static_cast<float>(points);
        const float a1 = 2 * kPi * static_cast<float>(i + 1) / static_cast<float>(points);
        va.append(sf::Vertex(centre, c));
        va.append(sf::Vertex(centre + sf::Vector2f(std::cos(a0), std::sin(a0)) * radius, c));
        va.append(sf::Vertex(centre + sf::Vector2f(std::cos(a1), std::sin(a1)) * radius, c));
    }
}

void drawOpaque(sf::RenderTarget& target, const sf::Shape& shape) {
    const bool opaque =
        shape.getFillColor().a == 255 && (shape.getOutlineThickness() == 0.f || shape.getOutlineColor().a == 255);
    target.draw(shape, opaque ? sf::BlendNone : sf::BlendAlpha);
}

void drawAround(sf::RenderTarget& target, const sf::FloatRect& hole, const std::function<void()>& draw) {
    const sf::View view = target.getView();
    const sf::IntRect area = target.getViewport(view);  // the pixels the view draws on
    const int l = area.left, t = area.top, r = area.left + area.width, btm = area.top + area.height;
    const sf::Vector2i a = target.mapCoordsToPixel({hole.left, hole.top}, view);
    const sf::Vector2i b = target.mapCoordsToPixel({hole.left + hole.width, hole.top + hole.height}, view);
    const int x0 = std::clamp(a.x, l, r), y0 = std::clamp(a.y, t, btm);
    const int x1 = std::clamp(b.x, l, r), y1 = std::clamp(b.y, t, btm);
    if (x1 <= x0 || y1 <= y0) {
        draw();
        return;
    }
    const sf::IntRect strips[] = {
        {l, t, r - l, y0 - t}, {l, y1, r - l, btm - y1}, {l, y0, x0 - l, y1 - y0}, {x1, y0, r - x1, y1 - y0}};
    const float fw = static_cast<float>(target.getSize().x), fh = static_cast<float>(target.getSize().y);
    for (const sf::IntRect& s : strips) {
        if (s.width <= 0 || s.height <= 0) continue;
        // The same mapping from coordinates to pixels as the whole view, on this strip alone.
        const sf::Vector2f p = target.mapPixelToCoords({s.left, s.top}, view);
        const sf::Vector2f q = target.mapPixelToCoords({s.left + s.width, s.top + s.height}, view);
        sf::View part(sf::FloatRect(p.x, p.y, q.x - p.x, q.y - p.y));
        part.setViewport({static_cast<float>(s.left) / fw, static_cast<float>(s.top) / fh,
                          static_cast<float>(s.width) / fw, static_cast<float>(s.height) / fh});
        target.setView(part);
        draw();
    }
    target.setView(view);
}

}  // namespace attune::ui
