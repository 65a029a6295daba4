#include "sfml/screens/CoachScreen.hpp"
#include "sfml/widgets/Shapes.hpp"

#include "sfml/screens/AboutScreen.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace attune::ui {

CoachScreen::CoachScreen(Context& ctx, const Scenario& s, std::vector<feedback::ChoiceFeedback> cards,
                         std::size_t index, TryFn onTry)
    : Screen(ctx),
      sc_(s),
      cards_(std::move(cards)),
      index_(std::min(index, cards_.size() - 1)),
      onTry_(std::move(onTry)) {
    tryBtn_.set("Try the secure option", "Y", Button::Kind::Secondary);
    continueBtn_.set(cards_.size() > 1 ? "Done" : "Continue", "Enter", Button::Kind::Primary);
    prevBtn_.set("Previous choice", "←", Button::Kind::Secondary);
    nextBtn_.set("Next choice", "→", Button::Kind::Secondary);
    pagePrev_.set("Back", "PgUp", Button::Kind::Secondary);
    pageNext_.set("More", "PgDn", Button::Kind::Secondary);
    lensBtn_.set("About this picture", "I", Button::Kind::Secondary);
    for (Button* b : {&tryBtn_, &prevBtn_, &nextBtn_, &pagePrev_, &pageNext_, &lensBtn_}) b->setCompact(true);
    fill();
}

void CoachScreen::fill() {
    const Theme& th = ctx_.theme;
    const feedback::ChoiceFeedback& c = card();
    pager_.clear();
    const sf::Color who = roleColor(th, sc_, c.role);
    auto& chose = pager_.add<Section>(fmt::format("{} chose", c.roleName), c.text, TextRole::Quote);
    chose.setHeadingColour(who);
    chose.gapAfter = 1.5f;
    if (!c.why.empty()) pager_.add<Section>("What was going on", c.why);
    if (const Pattern* p = c.pattern) {
        if (!p->what.empty()) pager_.add<Section>("What it looks like", sc_.substitute(p->what));
        if (!p->need.empty()) pager_.add<Section>("The need underneath", sc_.substitute(p->need));
        if (!c.body.empty()) pager_.add<Section>("In the body", c.body);
        if (!p->instead.empty() && c.style != Style::Secure)
            pager_.add<Section>("A secure way to meet it", sc_.substitute(p->instead))
                .setHeadingColour(th.color.secure);
    }
    std::string changes;
    for (const auto& m : c.changes) {
        if (m.delta() == 0) continue;
        std::string line = fmt::format("{}: {} → {}", m.label, m.before, m.after);
        if (m.kind == MeterKind::Arousal && feedback::zoneOf(m.before) != feedback::zoneOf(m.after))
            line += fmt::format(" ({})", zoneLabel(feedback::zoneOf(m.after)));
        changes += (changes.empty() ? "" : "\n") + line;
    }
    if (!changes.empty()) pager_.add<Section>("What changed", changes, TextRole::Small);
    if (!c.secureAlternatives.empty()) {
        auto& alt = pager_.add<Card>(th.color.secure);
        alt.add<TextItem>("A secure option you had", TextRole::Heading, th.color.secure).gapAfter = 0.5f;
        alt.add<TextItem>(c.secureAlternatives.front().text, TextRole::Body);
    }
}

std::vector<Button*> CoachScreen::footer() {
    std::vector<Button*> out;
    if (pager_.pages() > 1) out.insert(out.end(), {&pagePrev_, &pageNext_});
    if (cards_.size() > 1) out.insert(out.end(), {&prevBtn_, &nextBtn_});
    out.push_back(&lensBtn_);
    if (canTrySecure()) out.push_back(&tryBtn_);
    out.push_back(&continueBtn_);
    return out;
}

std::vector<const Button*> CoachScreen::footer() const {
    std::vector<const Button*> out;
    if (pager_.pages() > 1) out.insert(out.end(), {&pagePrev_, &pageNext_});
    if (cards_.size() > 1) out.insert(out.end(), {&prevBtn_, &nextBtn_});
    out.push_back(&lensBtn_);
    if (canTrySecure()) out.push_back(&tryBtn_);
    out.push_back(&continueBtn_);
    return out;
}

void CoachScreen::layout() {
    const Theme& th = ctx_.theme;
    const feedback::ChoiceFeedback& c = card();
    dim_.setSize(ctx_.size);
    dim_.setFillColor(th.color.dim);
    const float m = std::round(th.margin * 0.7f);
    const float w = std::min(ctx_.size.x - 2 * m, 62.f * static_cast<float>(th.type.body));
    panelRect_ = {std::round((ctx_.size.x - w) / 2), m, std::round(w), ctx_.size.y - 2 * m};
    panel_ = panel(th, panelRect_, true);
    const float pad = std::round(2.2f * th.unit);
    const float x = panelRect_.left + pad, inner = panelRect_.width - 2 * pad;
    float y = panelRect_.top + pad;

    style_.set(styleLabel(c.style), styleColor(th, c.style), true);
    const sf::Vector2f bs = style_.layout(th, th.type.small);
    style_.setPosition({x, y});
    theme_.set(c.theme ? themeLabel(*c.theme) : "", th.color.muted, false);
    const sf::Vector2f ts = c.theme ? theme_.layout(th, th.type.small) : sf::Vector2f();
    if (c.theme) theme_.setPosition({x + bs.x + th.unit, y + std::round((bs.y - ts.y) / 2)});
    counter_.set(cards_.size() > 1 ? fmt::format("Choice {} of {}", index_ + 1, cards_.size()) : "",
                 th.look(th.type.small, th.color.muted));
    if (!counter_.empty()) {
        counter_.wrap(inner / 3);
        counter_.setPosition({x + inner - counter_.width(), y + std::round((bs.y - counter_.height()) / 2)});
    }
    y += bs.y + th.unit;
    headline_.set(c.pattern ? sc_.substitute(c.pattern->title) : c.headline(), lookFor(th, TextRole::Title));
    y += headline_.wrap(inner) + std::round(1.4f * th.unit);
    headline_.setPosition({x, y - headline_.height() - std::round(1.4f * th.unit)});

    // The footer: page and card navigation on the left, the actions on the right.
    tryBtn_.setEnabled(canTrySecure());
    for (Button* b : {&tryBtn_, &continueBtn_, &prevBtn_, &nextBtn_, &pagePrev_, &pageNext_, &lensBtn_})
        b->layout(th, inner / 2);
    const float gap = std::round(0.8f * th.unit);
    const float bh = std::max(continueBtn_.size().y, tryBtn_.size().y);
    // Lay the pages out once without navigation to learn whether it is needed.
    const float bottom = panelRect_.top + panelRect_.height - pad;
    float footTop = bottom - bh;
    sf::FloatRect area{x, y, inner, footTop - th.unit * 1.4f - y};
    pager_.layout(th, area, Pager::columnsFor(th, inner, 22.f));
    std::vector<Button*> left, right;
    if (pager_.pages() > 1) left = {&pagePrev_, &pageNext_};
    if (cards_.size() > 1) left.insert(left.end(), {&prevBtn_, &nextBtn_});
    left.push_back(&lensBtn_);
    if (canTrySecure()) right.push_back(&tryBtn_);
    right.push_back(&continueBtn_);
    auto widthOf = [&](const std::vector<Button*>& bs2) {
        float s = 0;
        for (Button* b : bs2) s += b->size().x + gap;
        return bs2.empty() ? 0.f : s - gap;
    };
    pageLabel_.set(pager_.pages() > 1 ? fmt::format("Page {} of {}", pager_.page() + 1, pager_.pages()) : "",
                   th.look(th.type.caption, th.color.muted));
    float labelW = 0;
    if (!pageLabel_.empty()) {
        pageLabel_.wrap(inner);
        labelW = pageLabel_.width() + gap;
    }
    const bool twoRows = widthOf(left) + labelW + widthOf(right) + 2 * gap > inner;
    if (twoRows && !left.empty()) {
        footTop = bottom - 2 * bh - gap;
        area.height = footTop - th.unit * 1.4f - y;
        pager_.layout(th, area, Pager::columnsFor(th, inner, 22.f));
        pageLabel_.set(pager_.pages() > 1 ? fmt::format("Page {} of {}", pager_.page() + 1, pager_.pages()) : "",
                       th.look(th.type.caption, th.color.muted));
        pageLabel_.wrap(inner);
    }
    float lx = x;
    const float ly = footTop;
    for (Button* b : left) {
        b->setPosition({lx, ly + std::round((bh - b->size().y) / 2)});
        lx += b->size().x + gap;
        if (b == &pageNext_ && !pageLabel_.empty()) {
            pageLabel_.setPosition({lx, ly + std::round((bh - pageLabel_.height()) / 2)});
            lx += pageLabel_.width() + 2 * gap;
        }
    }
    pagePrev_.setEnabled(pager_.page() > 0);
    pageNext_.setEnabled(pager_.page() + 1 < pager_.pages());
    prevBtn_.setEnabled(index_ > 0);
    nextBtn_.setEnabled(index_ + 1 < cards_.size());
    float rx = x + inner;
    const float ry = twoRows && !left.empty() ? footTop + bh + gap : footTop;
    for (std::size_t i = right.size(); i-- > 0;) {
        rx -= right[i]->size().x;
        right[i]->setPosition({rx, ry + std::round((bh - right[i]->size().y) / 2)});
        rx -= gap;
    }
    std::vector<Button*> ring = pager_.buttons();
    for (Button* b : footer()) ring.push_back(b);
    focus_.set(ring);
}

void CoachScreen::show(std::size_t index) {
    index_ = std::min(index, cards_.size() - 1);
    pager_.setPage(0);
    fill();
    layout();
}

void CoachScreen::trySecure() {
    if (!canTrySecure() || !onTry_) return;
    onTry_(card().step, card().secureAlternatives.front().choice);
}

void CoachScreen::close() { ctx_.stack.pop(); }

void CoachScreen::handle(const sf::Event& e) {
    if (focus_.handle(e)) return;
    if (auto p = pointer(e)) {
        Button* hit = hover(footer(), *p);
        if (!leftClick(e) || !hit) return;
        if (hit == &tryBtn_)
            trySecure();
        else if (hit == &continueBtn_)
            close();
        else if (hit == &lensBtn_)
            ctx_.stack.push(std::make_unique<AboutScreen>(ctx_, "lens"));
        else if (hit == &prevBtn_ && index_ > 0)
            show(index_ - 1);
        else if (hit == &nextBtn_)
            show(index_ + 1);
        else if (hit == &pagePrev_ && pager_.previous())
            layout();
        else if (hit == &pageNext_ && pager_.next())
            layout();
        return;
    }
    if (e.type != sf::Event::KeyPressed) return;
    switch (e.key.code) {
        case sf::Keyboard::Enter:
        case sf::Keyboard::Space:
            if (Button* f = focus_.current(); f && f != &continueBtn_) {
                handle(clickOn(*f));
            } else {
                close();
            }
            break;
        case sf::Keyboard::Escape:
            close();
            break;
        case sf::Keyboard::Y:
        case sf::Keyboard::T:
            trySecure();
            break;
        case sf::Keyboard::I:
            ctx_.stack.push(std::make_unique<AboutScreen>(ctx_, "lens"));
            break;
        case sf::Keyboard::Left:
            if (index_ > 0) show(index_ - 1);
            break;
        case sf::Keyboard::Right:
            if (index_ + 1 < cards_.size()) show(index_ + 1);
            break;
        case sf::Keyboard::Down:
        case sf::Keyboard::PageDown:
            if (pager_.next()) layout();
            break;
        case sf::Keyboard::Up:
        case sf::Keyboard::PageUp:
            if (pager_.previous()) layout();
            break;
        default:
            break;
    }
}

std::optional<sf::FloatRect> CoachScreen::covers() const { return panelCover(ctx_.theme, panelRect_); }

void CoachScreen::draw(sf::RenderTarget& target) const {
    drawAround(target, panelCover(ctx_.theme, panelRect_), [&] { target.draw(dim_); });
    drawOpaque(target, panel_);
    style_.draw(target);
    if (card().theme) theme_.draw(target);
    counter_.draw(target);
    headline_.draw(target);
    pager_.draw(target);
    pageLabel_.draw(target);
    for (const Button* b : footer()) b->draw(target);
}

std::vector<Box> CoachScreen::boxes() const {
    std::vector<Box> out;
    const int p = addBox(out, "coach panel", panelRect_);
    style_.boxes(out, "style badge", p);
    if (card().theme) theme_.boxes(out, "theme badge", p);
    if (!counter_.empty()) addBox(out, "counter", counter_.bounds(), p);
    addBox(out, "headline", headline_.bounds(), p);
    pager_.boxes(out, p);
    if (!pageLabel_.empty()) addBox(out, "page label", pageLabel_.bounds(), p);
    for (const Button* b : footer()) b->boxes(out, "button " + b->label(), p);
    return out;
}

}  // namespace attune::ui
