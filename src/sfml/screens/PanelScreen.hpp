#pragma once
/// An overlay panel of text a page at a time, with Earlier/Later and Close: the
/// backlog and the about page share it.
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Pager.hpp"

#include <SFML/Graphics/RectangleShape.hpp>

namespace attune::ui {

class PanelScreen : public Screen {
public:
    /// `toggle` also closes the panel (the key that opened it); sf::Keyboard::Unknown for none.
    PanelScreen(Context& ctx, std::string title, bool openAtEnd, sf::Keyboard::Key toggle);
    bool opaque() const override { return false; }
    std::optional<sf::FloatRect> covers() const override;
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;
    int page() const { return pager_.page(); }
    int pages() const { return pager_.pages(); }

protected:
    /// Adds the panel's blocks to pager_.
    virtual void fill() = 0;
    /// The name of the panel in layout boxes ("history panel").
    virtual const char* boxName() const = 0;
    /// The pager's columns for a panel `inner` wide (two when there is room).
    virtual int columns(float inner) const;
    /// The width the blocks are laid out in (one column's, when there are two).
    float innerWidth() const;
    /// The closing button's words ("Close" unless a panel says otherwise).
    void setCloseLabel(const std::string& label);
    Pager pager_;

private:
    void placeFooter();
    sf::FloatRect panelArea() const;  ///< where the panel goes in the window

    std::string titleText_;
    bool openAtEnd_;
    sf::Keyboard::Key toggle_;
    bool first_ = true;
    sf::RectangleShape dim_;
    sf::ConvexShape panel_;
    sf::FloatRect panelRect_;
    TextBlock title_, pageLabel_;
    Button older_, newer_, close_;
};

}  // namespace attune::ui
