#pragma once
/// Shapes every screen uses, built at layout time (never every frame).
#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <functional>

namespace attune::ui {

/// A rectangle with rounded corners; the outline is drawn inside the rectangle.
sf::ConvexShape roundRect(const sf::FloatRect& r, float radius, sf::Color fill,
                          sf::Color outline = sf::Color::Transparent, float outlineWidth = 0.f);

/// A filled rectangle as two triangles appended to `va` (sf::Triangles).
void addRect(sf::VertexArray& va, const sf::FloatRect& r, sf::Color c);

/// A thick line segment appended to `va` (sf::Triangles).
void addLine(sf::VertexArray& va, sf::Vector2f a, sf::Vector2f b, float width, sf::Color c);

/// A filled disc appended to `va` (sf::Triangles).
void addDisc(sf::VertexArray& va, sf::Vector2f centre, float radius, sf::Color c, int points = 20);

/// Draws `shape`, overwriting the pixels beneath instead of blending with them when its fill
/// and outline are opaque: under software GL that halves the cost of a large panel.
void drawOpaque(sf::RenderTarget& target, const sf::Shape& shape);

/// Calls `draw` once for each part of the target outside `hole` (in the view's coordinates):
/// up to four strips of whole pixels, the view narrowed to each, so that nothing `draw`
/// draws lands inside `hole` and the pixels drawn are those a whole draw would make there.
void drawAround(sf::RenderTarget& target, const sf::FloatRect& hole, const std::function<void()>& draw);

}  // namespace attune::ui
