#include "sfml/screens/PanelScreen.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace attune::ui {

PanelScreen::PanelScreen(Context& ctx, std::string title, bool openAtEnd, sf::Keyboard::Key toggle)
    : Screen(ctx), titleText_(std::move(title)), openAtEnd_(openAtEnd), toggle_(toggle) {
    older_.set("Earlier", "PgUp", Button::Kind::Secondary);
    newer_.set("Later", "PgDn", Button::Kind::Secondary);
    close_.set("Close", "Esc", Button::Kind::Primary);
    older_.setCompact(true);
    newer_.setCompact(true);
}

void PanelScreen::setCloseLabel(const std::string& label) { close_.set(label, "Esc", Button::Kind::Primary); }

int PanelScreen::columns(float inner) const { return Pager::columnsFor(ctx_.theme, inner, 24.f); }

sf::FloatRect PanelScreen::panelArea() const {
    const Theme& th = ctx_.theme;
    const float m = std::round(th.margin * 0.7f);
    const float w = std::min(ctx_.size.x - 2 * m, 64.f * static_cast<float>(th.type.body));
    return {std::round((ctx_.size.x - w) / 2), m, std::round(w), ctx_.size.y - 2 * m};
}

float PanelScreen::innerWidth() const { return panelArea().width - 2 * std::round(2.2f * ctx_.theme.unit); }

void PanelScreen::layout() {
    const Theme& th = ctx_.theme;
    fill();
    dim_.setSize(ctx_.size);
    dim_.setFillColor(th.color.dim);
    panelRect_ = panelArea();
    panel_ = panel(th, panelRect_, true);
    const float pad = std::round(2.2f * th.unit);
    const float x = panelRect_.left + pad, inner = panelRect_.width - 2 * pad;
    title_.set(titleText_, lookFor(th, TextRole::Title));
    const float y = panelRect_.top + pad + title_.wrap(inner) + std::round(1.2f * th.unit);
    title_.setPosition({x, panelRect_.top + pad});
    const float bh = close_.layout(th, inner / 3).y;
    older_.layout(th, inner / 3);
    newer_.layout(th, inner / 3);
    const float footTop = panelRect_.top + panelRect_.height - pad - bh;
    pager_.layout(th, {x, y, inner, footTop - std::round(1.2f * th.unit) - y}, columns(inner));
    if (first_) {
        if (openAtEnd_) pager_.setPage(pager_.pages() - 1);  // the backlog opens on the most recent page
        first_ = false;
    }
    placeFooter();
}

void PanelScreen::placeFooter() {
    const Theme& th = ctx_.theme;
    const float pad = std::round(2.2f * th.unit);
    const float x = panelRect_.left + pad, inner = panelRect_.width - 2 * pad;
    const float bh = close_.size().y;
    const float y = panelRect_.top + panelRect_.height - pad - bh;
    const float gap = std::round(0.8f * th.unit);
    close_.setPosition({x + inner - close_.size().x, y});
    pageLabel_.set(pager_.pages() > 1 ? fmt::format("Page {} of {}", pager_.page() + 1, pager_.pages()) : "",
                   th.look(th.type.caption, th.color.muted));
    older_.setEnabled(pager_.page() > 0);
    newer_.setEnabled(pager_.page() + 1 < pager_.pages());
    if (pager_.pages() > 1) {
        older_.setPosition({x, y + std::round((bh - older_.size().y) / 2)});
        newer_.setPosition({x + older_.size().x + gap, y + std::round((bh - newer_.size().y) / 2)});
        pageLabel_.wrap(std::max(10.f, inner - older_.size().x - newer_.size().x - close_.size().x - 4 * gap));
        pageLabel_.setPosition(
            {newer_.rect().left + newer_.size().x + gap, y + std::round((bh - pageLabel_.height()) / 2)});
    }
}

void PanelScreen::handle(const sf::Event& e) {
    if (auto p = pointer(e)) {
        std::vector<Button*> bs{&close_};
        if (pager_.pages() > 1) bs.insert(bs.begin(), {&older_, &newer_});
        Button* hit = hover(bs, *p);
        if (!leftClick(e) || !hit) return;
        if (hit == &close_)
            ctx_.stack.pop();
        else if (hit == &older_ && pager_.previous())
            placeFooter();
        else if (hit == &newer_ && pager_.next())
            placeFooter();
        return;
    }
    if (e.type == sf::Event::MouseWheelScrolled) {
        if (e.mouseWheelScroll.delta > 0 ? pager_.previous() : pager_.next()) placeFooter();
        return;
    }
    if (e.type != sf::Event::KeyPressed) return;
    if (toggle_ != sf::Keyboard::Unknown && e.key.code == toggle_) {  // Unknown: no key of its own
        ctx_.stack.pop();
        return;
    }
    switch (e.key.code) {
        case sf::Keyboard::Escape:
        case sf::Keyboard::Enter:
            ctx_.stack.pop();
            break;
        case sf::Keyboard::Up:
        case sf::Keyboard::PageUp:
        case sf::Keyboard::Left:
            if (pager_.previous()) placeFooter();
            break;
        case sf::Keyboard::Down:
        case sf::Keyboard::PageDown:
        case sf::Keyboard::Right:
            if (pager_.next()) placeFooter();
            break;
        default:
            break;
    }
}

std::optional<sf::FloatRect> PanelScreen::covers() const { return panelCover(ctx_.theme, panelRect_); }

void PanelScreen::draw(sf::RenderTarget& target) const {
    drawAround(target, panelCover(ctx_.theme, panelRect_), [&] { target.draw(dim_); });
    drawOpaque(target, panel_);
    title_.draw(target);
    pager_.draw(target);
    if (pager_.pages() > 1) {
        older_.draw(target);
        newer_.draw(target);
        pageLabel_.draw(target);
    }
    close_.draw(target);
}

std::vector<Box> PanelScreen::boxes() const {
    std::vector<Box> out;
    const int p = addBox(out, boxName(), panelRect_);
    addBox(out, "title", title_.bounds(), p);
    pager_.boxes(out, p);
    if (pager_.pages() > 1) {
        older_.boxes(out, "earlier", p);
        newer_.boxes(out, "later", p);
        addBox(out, "page label", pageLabel_.bounds(), p);
    }
    close_.boxes(out, "close", p);
    return out;
}

}  // namespace attune::ui
