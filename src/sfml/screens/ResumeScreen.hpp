#pragma once
/// Opening a scenario that has an unfinished playthrough in the journal (played alone, or
/// by two people at one screen): take it up where it stopped (the same step, the same
/// meters, the same people in the same roles), or start again. Keyboard: Enter continues,
/// N starts again, Esc goes back (to the library, or to the set-up for two).
#include "core/journal/Journal.hpp"
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Button.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <set>

namespace attune::ui {

class ResumeScreen : public Screen {
public:
    /// `again`: two people at one screen, the table a new start gets (else one person, `played`).
    ResumeScreen(Context& ctx, const Scenario& s, Journal::Unfinished left, std::set<std::string> played,
                 std::optional<Table> again = std::nullopt);
    const char* name() const override { return "resume"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;

    void resume();
    void startAgain();
    void back();
    std::string shownText() const;

private:
    std::vector<Button*> buttons();
    const Scenario& sc_;
    Journal::Unfinished left_;
    std::set<std::string> played_;
    std::optional<Table> again_;
    std::string error_;
    TextBlock title_, line_, note_, keys_;
    Button resumeBtn_, againBtn_, backBtn_;
};

}  // namespace attune::ui
