#pragma once
/// The coaching card after a choice (or, from the debrief, every choice in
/// turn): the style badge, the pattern card, the author's why, what changed,
/// and for a non-secure choice the secure option there was. "Try the secure
/// option" rewinds and takes it.
#include "core/feedback/Feedback.hpp"
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Pager.hpp"

#include <SFML/Graphics/RectangleShape.hpp>
#include <functional>

namespace attune::ui {

class CoachScreen : public Screen {
public:
    /// Called with the history step and the secure choice to take there.
    using TryFn = std::function<void(int step, int choice)>;

    CoachScreen(Context& ctx, const Scenario& s, std::vector<feedback::ChoiceFeedback> cards, std::size_t index,
                TryFn onTry);
    const char* name() const override { return "coach"; }
    bool opaque() const override { return false; }
    std::optional<sf::FloatRect> covers() const override;
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;

    const feedback::ChoiceFeedback& card() const { return cards_[index_]; }
    /// There is a secure alternative and a way to go back and take it (none on two machines).
    bool canTrySecure() const { return onTry_ && !card().secureAlternatives.empty(); }
    void trySecure();
    void close();

private:
    void fill();
    void show(std::size_t index);
    std::vector<Button*> footer();
    std::vector<const Button*> footer() const;

    const Scenario& sc_;
    std::vector<feedback::ChoiceFeedback> cards_;
    std::size_t index_;
    TryFn onTry_;

    sf::RectangleShape dim_;
    sf::ConvexShape panel_;
    sf::FloatRect panelRect_;
    Badge style_, theme_;
    TextBlock headline_, counter_, pageLabel_;
    Pager pager_;
    Button tryBtn_, continueBtn_, prevBtn_, nextBtn_, pagePrev_, pageNext_, lensBtn_;
    FocusRing focus_;
};

}  // namespace attune::ui
