#pragma once
/// The scenario library: a list on the left (title, themes, minutes, a tick
/// once completed and the endings found), the chosen scenario's details on
/// the right, theme filters on top. Keyboard and mouse.
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Pager.hpp"

namespace attune::ui {

class LibraryScreen : public Screen {
public:
    explicit LibraryScreen(Context& ctx, std::string selectId = {});
    const char* name() const override { return "library"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    void resumed() override;
    std::vector<Box> boxes() const override;

    /// 0 shows every theme; 1..5 one theme each.
    void setFilter(std::size_t f);
    std::size_t filter() const { return filter_; }
    /// Index into the shown list.
    void select(std::size_t i);
    std::size_t selected() const { return selected_; }
    /// Scenario ids in the order shown.
    std::vector<std::string> shownIds() const;
    const Scenario* opened();
    void play(bool together);
    /// Hosting the chosen scenario for a partner on another machine.
    void host();
    /// Joining a partner's scenario from another machine.
    void join();

private:
    struct Row {
        const Scenario* scenario = nullptr;
        std::string progress;
        bool completed = false;
        std::size_t found = 0, endings = 0;
        TextBlock title, meta, tick;
        sf::ConvexShape shape;
        sf::FloatRect rect;
    };
    void collect();
    void layoutHeader(float& y);
    void layoutList(const sf::FloatRect& area);
    void layoutDetail(const sf::FloatRect& area);
    void placeRows();
    std::vector<Button*> buttons();
    std::vector<const Button*> buttons() const;
    /// The buttons at the header's right, in order.
    std::vector<Button*> headerButtons() { return {&toolboxBtn_, &progressBtn_, &joinBtn_, &aboutBtn_, &settingsBtn_}; }
    std::vector<const Button*> headerButtons() const {
        return {&toolboxBtn_, &progressBtn_, &joinBtn_, &aboutBtn_, &settingsBtn_};
    }

    std::string want_;
    std::size_t filter_ = 0, selected_ = 0;
    std::vector<Row> rows_;
    Scroll scroll_;
    sf::FloatRect listArea_, detailArea_;
    TextBlock brand_, tagline_, empty_, more_, footer_, keys_;
    std::vector<Button> chips_;
    Button toolboxBtn_, progressBtn_, settingsBtn_, aboutBtn_, joinBtn_, aloneBtn_, togetherBtn_, hostBtn_, pagePrev_,
        pageNext_;
    sf::ConvexShape detailPanel_;
    Pager detail_;
    TextBlock pageLabel_;
    FocusRing focus_;
};

}  // namespace attune::ui
