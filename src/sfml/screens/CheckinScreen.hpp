#pragma once
/// A check-in, before a story or after its debrief: how activated you feel on a scale from
/// 0 (settled) to 10 (flooded), a word for the feeling, and after the debrief a short note
/// (what I noticed in my body, what I needed). Every part is optional; Esc skips it all.
/// Keyboard: ← → or a number set the scale, Tab moves between the fields, Enter keeps it.
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Button.hpp"
#include "sfml/widgets/Field.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <functional>
#include <optional>

namespace attune::ui {

class CheckinScreen : public Screen {
public:
    enum class Moment { Before, After };
    struct Answer {
        std::optional<int> level;
        std::string word, noticed, needed;
    };
    /// Called once the screen has gone: with the answer, or nothing when skipped.
    using Done = std::function<void(std::optional<Answer>)>;
    CheckinScreen(Context& ctx, Moment m, Done done);
    const char* name() const override { return "checkin"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;

    void keep();
    void skip();
    /// For tests and screenshots: as if typed.
    void setLevel(std::optional<int> v);
    std::optional<int> level() const { return level_; }
    Field& field(int i) { return fields_[static_cast<std::size_t>(i)]; }
    void focus(int i);
    std::string shownText() const;

private:
    void finish(std::optional<Answer> a);
    /// Places everything from `top` down; returns the bottom.
    float place(float top);
    int fieldCount() const { return moment_ == Moment::After ? 3 : 1; }
    Moment moment_;
    Done done_;
    bool finished_ = false;
    std::optional<int> level_;
    int focus_ = 0;  ///< 0: the scale; 1..: the fields
    bool lastWasOne_ = false;
    int compact_ =
        0;  ///< 0: all; 1: the note's fields side by side, no key line; 2: also wider, without the small print
    TextBlock title_, line_, scaleLabel_, low_, high_, note_, keys_;
    std::vector<TextBlock> numbers_;
    std::vector<sf::ConvexShape> cells_;
    std::vector<sf::FloatRect> cellRects_;
    sf::FloatRect scaleRect_;
    sf::ConvexShape scaleFocus_;
    Field fields_[3];
    Button keepBtn_, skipBtn_;
};

}  // namespace attune::ui
