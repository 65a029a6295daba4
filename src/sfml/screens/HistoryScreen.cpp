#include "sfml/screens/HistoryScreen.hpp"

#include <fmt/format.h>

namespace attune::ui {

HistoryScreen::HistoryScreen(Context& ctx, const Session& session, bool styles)
    : PanelScreen(ctx, "So far", true, sf::Keyboard::H), session_(session), styles_(styles) {}

void HistoryScreen::fill() {
    const Theme& th = ctx_.theme;
    const Scenario& sc = session_.scenario();
    pager_.clear();
    headings_.clear();
    const bool coaching = styles_ && ctx_.settings.coaching != feedback::Coaching::Off;
    for (const Step& st : session_.history()) {
        const Node& n = sc.nodes[static_cast<std::size_t>(st.node)];
        const std::string text = sc.substitute(n.text);
        if (!text.empty()) {
            if (n.say.empty())
                pager_.add<TextItem>(text, TextRole::Small).gapAfter = 0.9f;
            else {
                const Role* r = sc.role(n.say);
                auto& s = pager_.add<Section>(r ? r->name : n.say, text, TextRole::Small);
                s.setHeadingColour(roleColor(th, sc, n.say));
                s.gapAfter = 0.9f;
            }
        }
        if (st.choice < 0) continue;
        const Choice& c = n.choices[static_cast<std::size_t>(st.choice)];
        const Role* r = sc.role(st.role);
        std::string heading = fmt::format("{} {}", r ? r->name : st.role, st.byDefault ? "answered" : "chose");
        if (coaching && c.style && !st.byDefault) heading += " · " + styleLabel(c.style);
        headings_.push_back(heading);
        auto& s = pager_.add<Section>(heading, sc.substitute(c.text), TextRole::Quote);
        s.setHeadingColour(coaching && c.style && !st.byDefault ? styleColor(th, c.style) : roleColor(th, sc, st.role));
        s.gapAfter = 1.3f;
    }
}

}  // namespace attune::ui
