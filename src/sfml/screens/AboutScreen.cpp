#include "sfml/screens/AboutScreen.hpp"

#include "core/feedback/About.hpp"

namespace attune::ui {

AboutScreen::AboutScreen(Context& ctx, std::string from)
    : PanelScreen(ctx, "About and safety", false, sf::Keyboard::A), from_(std::move(from)) {}

void AboutScreen::fill() {
    const Theme& th = ctx_.theme;
    pager_.clear();
    const auto add = [&](const feedback::AboutSection& s) {
        auto& card = s.id == "safety" || s.id == "help" ? pager_.add<Card>(th.color.accent) : pager_.add<Card>();
        card.add<TextItem>(s.heading, TextRole::Heading).gapAfter = 0.5f;
        for (const std::string& p : s.paragraphs) card.add<TextItem>(p, TextRole::Small).gapAfter = 0.5f;
        for (const std::string& i : s.items) card.add<TextItem>("•  " + i, TextRole::Small).gapAfter = 0.3f;
    };
    // The part asked for comes first; the rest follows in the page's order.
    for (const feedback::AboutSection& s : feedback::aboutPage())
        if (s.id == from_) add(s);
    for (const feedback::AboutSection& s : feedback::aboutPage())
        if (s.id != from_) add(s);
}

}  // namespace attune::ui
