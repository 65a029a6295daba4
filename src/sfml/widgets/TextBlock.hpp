#pragma once
/// Wrapped text. The project's own word wrap, measured with the font's glyph
/// advances and kerning (the same metrics sf::Text uses); lines are laid out
/// only when the text, look or width change, never every frame.
#include "sfml/theme/Theme.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Text.hpp>
#include <string>
#include <vector>

namespace attune::ui {

class TextBlock {
public:
    TextBlock() = default;
    TextBlock(const std::string& utf8, const TextLook& look) { set(utf8, look); }

    /// Sets the text (UTF-8) and its look; lines are rebuilt at the next wrap()
    /// only when something changed.
    void set(const std::string& utf8, const TextLook& look);
    /// Changes the colour without laying out again.
    void setColor(sf::Color c);
    /// Lays the text out at `width` when needed; returns the height.
    float wrap(float width);
    void setPosition(sf::Vector2f p);
    /// Centres each line within the wrap width (the position is the wrap box's left).
    void setCentred(bool on);

    sf::Vector2f position() const { return pos_; }
    /// The height of the laid-out lines.
    float height() const { return static_cast<float>(lines_.size()) * lineHeight(); }
    /// The widest line.
    float width() const { return widest_; }
    float lineHeight() const;
    sf::FloatRect bounds() const;
    std::size_t lineCount() const { return lines_.size(); }
    bool empty() const { return text_.isEmpty(); }
    /// Width of the text on one line, unwrapped.
    float naturalWidth() const;

    /// The text as UTF-8.
    std::string text() const {
        const auto u = text_.toUtf8();
        return std::string(u.begin(), u.end());
    }
    /// Characters (code points) in the text.
    std::size_t length() const { return text_.getSize(); }
    /// Shows only the first `chars` characters (a reveal); length() or more shows all.
    void reveal(std::size_t chars);
    std::size_t revealed() const { return reveal_; }
    bool complete() const { return reveal_ >= text_.getSize(); }

    void draw(sf::RenderTarget& target) const;
    /// How many times the lines were rebuilt (the tests check this stays put between frames).
    std::size_t layouts() const { return layouts_; }

private:
    void relayout();
    float advance(sf::Uint32 prev, sf::Uint32 cp) const;
    sf::Text makeLine(std::size_t from, std::size_t to) const;
    void placeLines();

    sf::String text_;
    TextLook look_;
    float wrapWidth_ = -1;
    bool dirty_ = true;
    std::vector<sf::Text> lines_;
    std::vector<std::pair<std::size_t, std::size_t>> ranges_;  ///< [from, to) per line
    std::vector<float> widths_;                                ///< per line
    bool centred_ = false;
    sf::Text partial_;
    std::size_t partialLine_ = 0;
    std::size_t reveal_ = static_cast<std::size_t>(-1);
    float widest_ = 0;
    sf::Vector2f pos_;
    std::size_t layouts_ = 0;
};

}  // namespace attune::ui
