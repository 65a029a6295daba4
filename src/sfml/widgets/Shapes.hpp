#pragma once
/// Shapes every screen uses, built at layout time (never every frame).
#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/VertexArray.hpp>

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

}  // namespace attune::ui
