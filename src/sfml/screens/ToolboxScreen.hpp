#pragma once
/// The regulation toolbox, reachable from the library at any time: paced breathing, the
/// physiological sigh, 5-4-3-2-1 grounding, a self-compassion break and the twenty-minute
/// break after flooding. Keyboard: 1-5 or ↑ ↓ and Enter start one, Esc goes back.
/// The twenty-minute break has its own screen: the time to come back by, the minutes left,
/// and a reminder when they are up.
#include "core/feedback/Practice.hpp"
#include "sfml/Screen.hpp"
#include "sfml/screens/BreatheScreen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Button.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <SFML/Graphics/ConvexShape.hpp>
#include <ctime>
#include <functional>

namespace attune::ui {

/// Opens the practice `id` on top of the stack (the break on its own screen). `done` is
/// called when it ends; without one, the practice is kept in the journal on its own.
void openPractice(Context& ctx, const std::string& id, PracticeDone done = {});

class ToolboxScreen : public Screen {
public:
    /// `done`: a practice taken from here belongs to a story (its playthrough); without one,
    /// it is kept in the journal on its own.
    explicit ToolboxScreen(Context& ctx, PracticeDone done = {});
    const char* name() const override { return "toolbox"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;
    void open(std::size_t i);
    std::string shownText() const;

private:
    std::vector<Button*> buttons();
    /// Lays the list out in one or two columns; false when it does not fit the window.
    bool place(int columns);
    TextBlock title_, line_, keys_;
    std::vector<Button> items_;
    std::vector<TextBlock> summaries_;
    Button backBtn_;
    FocusRing focus_;
    PracticeDone done_;
};

class BreakScreen : public Screen {
public:
    BreakScreen(Context& ctx, PracticeDone done);
    ~BreakScreen() override;
    const char* name() const override { return "break"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void update(float dt) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;

    /// Moves the clock on (tests and screenshots).
    void advance(float seconds);
    /// Twenty minutes have passed (by the wall clock, and any advance()).
    bool over() const { return t_ >= p_.length(); }
    /// Ends the break ("I'm back"), or stops it early.
    void back();
    std::string shownText() const;

private:
    void refresh();
    void tick();
    float elapsed() const;
    const feedback::Practice& p_;
    PracticeDone done_;
    std::time_t started_;
    float t_ = 0, offset_ = 0;
    int shownMinutes_ = -1;
    bool remindedOver_ = false, closed_ = false;
    std::time_t comeBack_;
    TextBlock title_, intro_, clock_, at_, hint_;
    sf::ConvexShape track_, fill_;  ///< the twenty minutes, filling a minute at a time
    sf::FloatRect trackRect_;
    Button backBtn_;
};

}  // namespace attune::ui
