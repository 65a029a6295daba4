#pragma once
/// Blocks: pieces of content that a Pager stacks in columns and pages. Each is
/// measured for a width (laying its text out once), then placed.
#include "sfml/widgets/Badge.hpp"
#include "sfml/widgets/Button.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <functional>
#include <memory>
#include <optional>

namespace attune::ui {

class Block {
public:
    virtual ~Block() = default;
    /// Lays out at `width`; returns the height.
    virtual float measure(const Theme& th, float width) = 0;
    virtual void place(sf::Vector2f p) = 0;
    virtual void draw(sf::RenderTarget& target) const = 0;
    virtual void boxes(std::vector<Box>& out, int parent) const = 0;
    /// The buttons inside, for focus and clicks.
    virtual void buttons(std::vector<Button*>& /*out*/) {}
    /// Space after this block, in theme units.
    float gapAfter = 1.f;
};

/// The kinds of text, each with its size, weight and colour from the theme.
enum class TextRole { Display, Title, Heading, Reading, Body, Small, Muted, Caption, Quote };
TextLook lookFor(const Theme& th, TextRole role);

/// One paragraph. A Quote gets a rule in `accent` at its left.
class TextItem : public Block {
public:
    TextItem(std::string text, TextRole role, std::optional<sf::Color> colour = std::nullopt)
        : text_(std::move(text)), role_(role), colour_(colour) {}
    float measure(const Theme& th, float width) override;
    void place(sf::Vector2f p) override;
    void draw(sf::RenderTarget& target) const override;
    void boxes(std::vector<Box>& out, int parent) const override;
    void setAccent(sf::Color c) { accent_ = c; }
    TextBlock& block() { return block_; }

private:
    std::string text_;
    TextRole role_;
    std::optional<sf::Color> colour_;
    sf::Color accent_ = sf::Color::Transparent;
    const Theme* th_ = nullptr;
    TextBlock block_;
    sf::VertexArray rule_{sf::Triangles};
    float indent_ = 0;
};

/// A heading and its paragraph, kept together.
class Section : public Block {
public:
    Section(std::string heading, std::string text, TextRole role = TextRole::Body)
        : heading_(std::move(heading)), text_(std::move(text)), role_(role) {
        gapAfter = 1.5f;
    }
    float measure(const Theme& th, float width) override;
    void place(sf::Vector2f p) override;
    void draw(sf::RenderTarget& target) const override;
    void boxes(std::vector<Box>& out, int parent) const override;
    void setHeadingColour(sf::Color c) { headingColour_ = c; }

private:
    std::string heading_, text_;
    TextRole role_;
    std::optional<sf::Color> headingColour_;
    const Theme* th_ = nullptr;
    TextBlock head_, body_;
};

/// Badges in a row, wrapping when narrow.
class BadgeRow : public Block {
public:
    void add(const std::string& label, sf::Color colour, bool filled) {
        badges_.emplace_back();
        badges_.back().set(label, colour, filled);
    }
    bool empty() const { return badges_.empty(); }
    float measure(const Theme& th, float width) override;
    void place(sf::Vector2f p) override;
    void draw(sf::RenderTarget& target) const override;
    void boxes(std::vector<Box>& out, int parent) const override;

private:
    std::vector<Badge> badges_;
    std::vector<sf::Vector2f> offsets_;
};

/// Buttons side by side (wrapping), or stacked full width.
class ButtonRow : public Block {
public:
    explicit ButtonRow(bool stacked = false) : stacked_(stacked) {}
    Button& add(std::string label, std::string hint, Button::Kind kind, int id);
    float measure(const Theme& th, float width) override;
    void place(sf::Vector2f p) override;
    void draw(sf::RenderTarget& target) const override;
    void boxes(std::vector<Box>& out, int parent) const override;
    void buttons(std::vector<Button*>& out) override;
    /// The id given to add() for a button of this row, or -1.
    int idOf(const Button* b) const;

private:
    bool stacked_;
    const Theme* th_ = nullptr;
    std::vector<std::unique_ptr<Button>> buttons_;
    std::vector<int> ids_;
    std::vector<sf::Vector2f> offsets_;
};

/// Inner blocks on a raised panel, with an optional coloured edge.
class Card : public Block {
public:
    explicit Card(std::optional<sf::Color> edge = std::nullopt) : edge_(edge) {}
    template <typename T, typename... A>
    T& add(A&&... args) {
        auto b = std::make_unique<T>(std::forward<A>(args)...);
        T& ref = *b;
        inner_.push_back(std::move(b));
        return ref;
    }
    float measure(const Theme& th, float width) override;
    void place(sf::Vector2f p) override;
    void draw(sf::RenderTarget& target) const override;
    void boxes(std::vector<Box>& out, int parent) const override;
    void buttons(std::vector<Button*>& out) override;

private:
    std::optional<sf::Color> edge_;
    const Theme* th_ = nullptr;
    std::vector<std::unique_ptr<Block>> inner_;
    std::vector<float> heights_;
    sf::FloatRect rect_;
    sf::ConvexShape panel_;
    sf::VertexArray edgeBar_{sf::Triangles};
};

/// Two blocks side by side in equal halves (a couple's answers), the taller setting the height.
class Pair : public Block {
public:
    Pair(std::unique_ptr<Block> left, std::unique_ptr<Block> right)
        : left_(std::move(left)), right_(std::move(right)) {}
    float measure(const Theme& th, float width) override;
    void place(sf::Vector2f p) override;
    void draw(sf::RenderTarget& target) const override;
    void boxes(std::vector<Box>& out, int parent) const override;
    void buttons(std::vector<Button*>& out) override;

private:
    std::unique_ptr<Block> left_, right_;
    float half_ = 0, gap_ = 0;
};

/// Anything with measure/place/draw/boxes (charts) as a block.
class CustomBlock : public Block {
public:
    std::function<float(const Theme&, float)> onMeasure;
    std::function<void(sf::Vector2f)> onPlace;
    std::function<void(sf::RenderTarget&)> onDraw;
    std::function<void(std::vector<Box>&, int)> onBoxes;
    float measure(const Theme& th, float width) override { return onMeasure(th, width); }
    void place(sf::Vector2f p) override { onPlace(p); }
    void draw(sf::RenderTarget& target) const override { onDraw(target); }
    void boxes(std::vector<Box>& out, int parent) const override { onBoxes(out, parent); }
};

/// Makes a block of the pager show a chart (anything with setPosition, draw and boxes); it
/// is laid out by `measure`, and its boxes are named "chart".
template <typename Chart>
void bindChart(CustomBlock& b, Chart& chart, std::function<float(const Theme&, float)> measure) {
    b.onMeasure = std::move(measure);
    b.onPlace = [&chart](sf::Vector2f p) { chart.setPosition(p); };
    b.onDraw = [&chart](sf::RenderTarget& t) { chart.draw(t); };
    b.onBoxes = [&chart](std::vector<Box>& out, int parent) { chart.boxes(out, "chart", parent); };
}

}  // namespace attune::ui
