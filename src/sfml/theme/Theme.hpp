#pragma once
/// One theme for every screen: the palette (soft dark, or high contrast), the
/// type scale (from the text size and the window) and the spacing that follows.
#include "core/feedback/Feedback.hpp"
#include "core/settings/Settings.hpp"
#include "sfml/theme/Fonts.hpp"

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/System/Vector2.hpp>

namespace attune::ui {

struct Palette {
    sf::Color background;
    sf::Color surface, raised, hover, border;
    sf::Color text, muted, faint;
    sf::Color accent, onAccent;
    sf::Color dim;  ///< laid over a screen beneath an overlay
    sf::Color secure, anxious, avoidant, disorganised;
    sf::Color shutdown, inside, above;  ///< window-of-tolerance zones
    sf::Color roleA, roleB;             ///< when a scenario gives no role colours
    sf::Color mixedEnding, ruptureEnding;
};

Palette softDark();
Palette highContrast();

/// Character sizes in pixels.
struct TypeScale {
    unsigned caption = 14, small = 16, body = 19, reading = 21, title = 25, display = 36;
};

/// How a piece of text looks: face, size, colour, style, line height.
struct TextLook {
    const sf::Font* font = nullptr;
    unsigned size = 16;
    sf::Color color = sf::Color::White;
    sf::Uint32 style = sf::Text::Regular;
    float leading = 1.4f;  ///< line height as a multiple of the size
};

struct Theme {
    Palette color;
    TypeScale type;
    const sf::Font* regular = nullptr;
    const sf::Font* bold = nullptr;
    bool contrast = false;
    bool reducedMotion = false;
    float scale = 1.f;    ///< window scale against the 1280x720 reference
    float unit = 10.f;    ///< the spacing step
    float margin = 40.f;  ///< outer margin of a screen
    float radius = 10.f;  ///< corner radius of panels and buttons
    float border = 1.f;   ///< outline width (wider in high contrast)

    TextLook look(unsigned size, sf::Color c, bool isBold = false, sf::Uint32 style = sf::Text::Regular) const {
        return {isBold ? bold : regular, size, c, style, isBold ? 1.3f : 1.42f};
    }
};

/// The theme for the settings and a (logical) window size.
Theme makeTheme(const Fonts& fonts, const Settings& s, sf::Vector2f window);

/// Base body sizes per text-size step, at the 1280x720 reference.
inline constexpr unsigned kBodySizes[Settings::kTextSizes] = {15, 17, 19, 22, 25};

sf::Color mix(sf::Color a, sf::Color b, float t);
sf::Color alpha(sf::Color c, std::uint8_t a);
/// The badge colour of a style (secure green, anxious amber, avoidant blue, disorganised purple).
sf::Color styleColor(const Theme& th, std::optional<Style> s);
sf::Color zoneColor(const Theme& th, feedback::Zone z);
/// A colour per theme (needs, boundaries, conflict, regulation, repair), for lines over time.
sf::Color themeColor(const Theme& th, attune::Theme t);
sf::Color endingColor(const Theme& th, EndingKind k);
/// A role's accent: the scenario's `color` (lifted for legibility), else a default pair.
/// The WCAG contrast ratio of a colour against the theme's background.
double contrastAgainstBackground(const Theme& th, sf::Color c);
sf::Color roleColor(const Theme& th, const Scenario& s, std::string_view role);
/// "Secure", "Anxious", ...
std::string styleLabel(std::optional<Style> s);
std::string themeLabel(attune::Theme t);
/// "below the window: shutdown" style words for a zone, short enough for a label.
std::string zoneLabel(feedback::Zone z);

}  // namespace attune::ui
