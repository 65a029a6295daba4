#include "sfml/screens/StateScreen.hpp"

#include <fmt/format.h>

namespace attune::ui {

StateScreen::StateScreen(Context& ctx, feedback::StateNote note)
    : PanelScreen(ctx, note.title, false, sf::Keyboard::Unknown), note_(std::move(note)) {}

void StateScreen::fill() {
    const Theme& th = ctx_.theme;
    pager_.clear();
    pager_
        .add<Section>(fmt::format("{}'s nervous system: {} → {}", note_.roleName, note_.before, note_.after),
                      note_.what)
        .setHeadingColour(th.color.shutdown);
    if (!note_.need.empty()) pager_.add<Section>("What it is for", note_.need);
    pager_.add<Section>("In the body", note_.body);
    pager_.add<Section>("A way back", note_.wayBack).setHeadingColour(th.color.secure);
    pager_.add<TextItem>(feedback::lensNote(), TextRole::Muted);
}

}  // namespace attune::ui
