#pragma once
/// A row of coloured swatches with labels, wrapping onto more rows when narrow.
#include "sfml/Layout.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <SFML/Graphics/VertexArray.hpp>

namespace attune::ui {

class Legend {
public:
    void set(std::vector<std::pair<std::string, sf::Color>> items);
    float layout(const Theme& th, float width);
    void setPosition(sf::Vector2f p);
    void draw(sf::RenderTarget& target) const;
    void boxes(std::vector<Box>& out, const std::string& name, int parent) const;

private:
    const Theme* th_ = nullptr;
    std::vector<std::pair<std::string, sf::Color>> items_;
    std::vector<TextBlock> labels_;
    std::vector<sf::Vector2f> offsets_;
    sf::VertexArray swatches_{sf::Triangles};
    sf::FloatRect rect_;
    float swatch_ = 10;
};

}  // namespace attune::ui
