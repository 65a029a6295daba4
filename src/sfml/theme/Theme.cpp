#include "sfml/theme/Theme.hpp"

#include <algorithm>
#include <cmath>

namespace attune::ui {
namespace {

sf::Color hex(unsigned v) {
    return sf::Color(static_cast<sf::Uint8>(v >> 16), static_cast<sf::Uint8>((v >> 8) & 0xff),
                     static_cast<sf::Uint8>(v & 0xff));
}

unsigned px(float v) { return static_cast<unsigned>(std::lround(std::max(8.f, v))); }

std::optional<sf::Color> parseHex(std::string_view s) {
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    unsigned v = 0;
    for (char ch : s.substr(1)) {
        v <<= 4;
        if (ch >= '0' && ch <= '9')
            v |= static_cast<unsigned>(ch - '0');
        else if (ch >= 'a' && ch <= 'f')
            v |= static_cast<unsigned>(ch - 'a' + 10);
        else if (ch >= 'A' && ch <= 'F')
            v |= static_cast<unsigned>(ch - 'A' + 10);
        else
            return std::nullopt;
    }
    return hex(v);
}

}  // namespace

Palette softDark() {
    Palette p;
    p.background = hex(0x1f1d24);
    p.surface = hex(0x2b2832);
    p.raised = hex(0x34303c);
    p.hover = hex(0x3d3846);
    p.border = hex(0x47414f);
    p.text = hex(0xeee8e1);
    p.muted = hex(0xb8afb6);
    p.faint = hex(0x8e8590);
    p.accent = hex(0xe9a88a);
    p.onAccent = hex(0x231d22);
    p.dim = sf::Color(18, 16, 22, 205);
    p.secure = hex(0x7cc28f);
    p.anxious = hex(0xe6b451);
    p.avoidant = hex(0x72a7e0);
    p.disorganised = hex(0xb590e0);
    p.shutdown = hex(0x6e89ab);
    p.inside = hex(0x78b892);
    p.above = hex(0xe07b63);
    p.roleA = hex(0xe0917a);
    p.roleB = hex(0x7fa8dc);
    p.mixedEnding = hex(0xd9bd8c);
    p.ruptureEnding = hex(0xd98a8a);
    return p;
}

Palette highContrast() {
    Palette p;
    p.background = sf::Color::Black;
    p.surface = sf::Color::Black;
    p.raised = hex(0x101010);
    p.hover = hex(0x262626);
    p.border = sf::Color::White;
    p.text = sf::Color::White;
    p.muted = hex(0xf2f2f2);
    p.faint = hex(0xd8d8d8);
    p.accent = hex(0xffd60a);
    p.onAccent = sf::Color::Black;
    p.dim = sf::Color(0, 0, 0, 235);
    p.secure = hex(0x3ddc84);
    p.anxious = hex(0xffb000);
    p.avoidant = hex(0x4fb3ff);
    p.disorganised = hex(0xe09cff);
    p.shutdown = hex(0x4fb3ff);
    p.inside = hex(0x3ddc84);
    p.above = hex(0xff5c5c);
    p.roleA = hex(0xffab91);
    p.roleB = hex(0x9ccbff);
    p.mixedEnding = hex(0xffd60a);
    p.ruptureEnding = hex(0xff8a8a);
    return p;
}

Theme makeTheme(const Fonts& fonts, const Settings& s, sf::Vector2f window) {
    Theme th;
    th.contrast = s.highContrast;
    th.reducedMotion = s.reducedMotion;
    th.color = s.highContrast ? highContrast() : softDark();
    th.regular = &fonts.regular;
    th.bold = &fonts.bold;
    th.scale = std::clamp(std::min(window.x / 1280.f, window.y / 720.f), 0.75f, 2.f);
    const int step = std::clamp(s.textSize, 0, Settings::kTextSizes - 1);
    const float body = static_cast<float>(kBodySizes[step]) * th.scale;
    th.type.body = px(body);
    th.type.reading = px(body * 1.1f);
    th.type.small = px(body * 0.86f);
    th.type.caption = px(body * 0.76f);
    th.type.title = px(body * 1.3f);
    th.type.display = px(body * 1.75f);
    th.unit = std::round(std::max(6.f, 7.f * th.scale + body * 0.15f));
    th.margin = std::round(std::max(3.f * th.unit, 0.035f * window.x));
    th.radius = std::round(10.f * th.scale);
    th.border = s.highContrast ? std::max(2.f, std::round(2.f * th.scale)) : 1.f;
    return th;
}

sf::Color mix(sf::Color a, sf::Color b, float t) {
    auto m = [t](sf::Uint8 x, sf::Uint8 y) {
        return static_cast<sf::Uint8>(
            std::lround(static_cast<float>(x) + (static_cast<float>(y) - static_cast<float>(x)) * t));
    };
    return sf::Color(m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a));
}

sf::Color alpha(sf::Color c, std::uint8_t a) {
    c.a = a;
    return c;
}

sf::Color styleColor(const Theme& th, std::optional<Style> s) {
    if (!s) return th.color.faint;
    switch (*s) {
        case Style::Secure:
            return th.color.secure;
        case Style::Anxious:
            return th.color.anxious;
        case Style::Avoidant:
            return th.color.avoidant;
        case Style::Disorganised:
            return th.color.disorganised;
    }
    return th.color.faint;
}

sf::Color zoneColor(const Theme& th, feedback::Zone z) {
    switch (z) {
        case feedback::Zone::Below:
            return th.color.shutdown;
        case feedback::Zone::Inside:
            return th.color.inside;
        case feedback::Zone::Above:
            return th.color.above;
    }
    return th.color.inside;
}

sf::Color endingColor(const Theme& th, EndingKind k) {
    switch (k) {
        case EndingKind::Secure:
            return th.color.secure;
        case EndingKind::Mixed:
            return th.color.mixedEnding;
        case EndingKind::Rupture:
            return th.color.ruptureEnding;
    }
    return th.color.mixedEnding;
}

namespace {
/// WCAG relative luminance and contrast ratio.
double luminance(sf::Color c) {
    const auto channel = [](sf::Uint8 v) {
        const double x = v / 255.0;
        return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}
double contrastRatio(sf::Color a, sf::Color b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
}  // namespace

sf::Color themeColor(const Theme& th, attune::Theme t) {
    switch (t) {
        case attune::Theme::Needs:
            return th.color.accent;
        case attune::Theme::Boundaries:
            return th.color.roleB;
        case attune::Theme::Conflict:
            return th.color.ruptureEnding;
        case attune::Theme::Regulation:
            return th.color.inside;
        case attune::Theme::Repair:
            return th.contrast ? th.color.text : th.color.mixedEnding;
    }
    return th.color.text;
}

sf::Color roleColor(const Theme& th, const Scenario& s, std::string_view role) {
    std::size_t index = 0;
    for (std::size_t i = 0; i < s.roles.size(); ++i) {
        if (s.roles[i].id != role) continue;
        index = i;
        // Lifted toward white so names stay legible on the dark backdrop: a little for
        // every colour, and as far as it takes to reach a 4.5:1 contrast for dark ones.
        if (auto c = parseHex(s.roles[i].color)) {
            float lift = th.contrast ? 0.5f : 0.22f;
            sf::Color out = mix(*c, sf::Color::White, lift);
            while (contrastRatio(out, th.color.background) < 4.5 && lift < 1.f) {
                lift = std::min(1.f, lift + 0.05f);
                out = mix(*c, sf::Color::White, lift);
            }
            return out;
        }
    }
    return index % 2 == 0 ? th.color.roleA : th.color.roleB;
}

double contrastAgainstBackground(const Theme& th, sf::Color c) { return contrastRatio(c, th.color.background); }

std::string styleLabel(std::optional<Style> s) {
    if (!s) return "No style";
    switch (*s) {
        case Style::Secure:
            return "Secure";
        case Style::Anxious:
            return "Anxious";
        case Style::Avoidant:
            return "Avoidant";
        case Style::Disorganised:
            return "Disorganised";
    }
    return "";
}

std::string themeLabel(attune::Theme t) {
    std::string n = name(t);
    if (!n.empty()) n[0] = static_cast<char>(n[0] - 'a' + 'A');
    return n;
}

std::string zoneLabel(feedback::Zone z) {
    switch (z) {
        case feedback::Zone::Below:
            return "Shutdown";
        case feedback::Zone::Inside:
            return "In the window";
        case feedback::Zone::Above:
            return "Fight or flight";
    }
    return "";
}

}  // namespace attune::ui
