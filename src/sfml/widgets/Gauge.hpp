#pragma once
/// The window-of-tolerance gauge for one person's arousal: three zones
/// (shutdown below 30, the window, fight or flight above 70), a marker that
/// glides to a new value (or jumps, with reduced motion) and the zone in words.
#include "sfml/Layout.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/VertexArray.hpp>

namespace attune::ui {

class Gauge {
public:
    /// The person's name (in their colour) and the value to show.
    void set(const std::string& name, sf::Color roleColor, int value);
    /// Changes the name and colour, keeping the value shown.
    void setLabel(const std::string& name, sf::Color roleColor);
    /// Moves to a new value; the marker glides there in update().
    void setValue(int value);
    /// Jumps straight to the value (reduced motion, screenshots).
    void settle();
    float layout(const Theme& th, float width);
    void setPosition(sf::Vector2f p);
    /// Eases the marker; returns true while it is still moving.
    bool update(float dt);

    float shown() const { return shown_; }
    int target() const { return target_; }
    sf::Vector2f markerCentre() const { return marker_.getPosition(); }
    sf::FloatRect rect() const { return rect_; }
    sf::FloatRect track() const { return track_; }
    void draw(sf::RenderTarget& target) const;
    void boxes(std::vector<Box>& out, const std::string& name, int parent = -1) const;

private:
    void placeMarker();
    void colourZones();

    const Theme* th_ = nullptr;
    std::string who_;
    TextBlock name_, zone_;
    sf::Color role_;
    int target_ = 50;
    float shown_ = 50;
    feedback::Zone zoneShown_ = feedback::Zone::Inside;
    sf::FloatRect rect_, track_;
    sf::VertexArray zones_{sf::Triangles};
    sf::VertexArray ticks_{sf::Triangles};
    sf::CircleShape marker_;
};

}  // namespace attune::ui
