#pragma once
/// The backlog: everything said so far and every choice made, newest last,
/// a page at a time.
#include "core/run/Session.hpp"
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Pager.hpp"

#include <SFML/Graphics/RectangleShape.hpp>

namespace attune::ui {

class HistoryScreen : public Screen {
public:
    HistoryScreen(Context& ctx, const Session& session);
    const char* name() const override { return "history"; }
    bool opaque() const override { return false; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;
    int page() const { return pager_.page(); }
    int pages() const { return pager_.pages(); }

private:
    void fill();
    void placeFooter();

    const Session& session_;
    bool first_ = true;
    sf::RectangleShape dim_;
    sf::ConvexShape panel_;
    sf::FloatRect panelRect_;
    TextBlock title_, pageLabel_;
    Pager pager_;
    Button older_, newer_, close_;
};

}  // namespace attune::ui
