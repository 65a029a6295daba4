#include "sfml/screens/ResumeScreen.hpp"

#include "core/util/Text.hpp"
#include "sfml/screens/LibraryScreen.hpp"
#include "sfml/screens/PlayScreen.hpp"

#include <cmath>
#include <fmt/format.h>

namespace attune::ui {

ResumeScreen::ResumeScreen(Context& ctx, const Scenario& s, Journal::Unfinished left, std::set<std::string> played,
                           std::optional<Table> again)
    : Screen(ctx), sc_(s), left_(std::move(left)), played_(std::move(played)), again_(std::move(again)) {
    resumeBtn_.set("Continue where I stopped", "Enter", Button::Kind::Primary);
    againBtn_.set("Start again", "N", Button::Kind::Secondary);
    backBtn_.set("Back", "Esc", Button::Kind::Secondary);
}

std::vector<Button*> ResumeScreen::buttons() {
    if (!error_.empty()) return {&againBtn_, &backBtn_};
    return {&resumeBtn_, &againBtn_, &backBtn_};
}

void ResumeScreen::resume() {
    if (!error_.empty()) return;
    const auto shared = std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &sc_);
    auto back = Playthrough::restore(shared, left_.saved);
    if (!back.playthrough) {
        // The scenario changed under the saved steps: said, and only a new start is offered.
        if (ctx_.journal) ctx_.journal->abandon(left_.id);
        error_ = fmt::format("The saved steps no longer fit this scenario: {}.", back.error);
        return layout();
    }
    startPlay(ctx_, std::make_unique<PlayScreen>(ctx_, sc_, std::move(*back.playthrough), left_.id));
}

void ResumeScreen::startAgain() {
    if (ctx_.journal && error_.empty()) ctx_.journal->abandon(left_.id);
    startPlay(ctx_, again_ ? std::make_unique<PlayScreen>(ctx_, sc_, std::set<std::string>{}, *again_)
                           : std::make_unique<PlayScreen>(ctx_, sc_, played_));
}

void ResumeScreen::back() {
    // Two people came from their set-up, which is still beneath: back to it.
    if (again_) return ctx_.stack.pop();
    ctx_.stack.replace(std::make_unique<LibraryScreen>(ctx_, sc_.id));
}

void ResumeScreen::layout() {
    const Theme& th = ctx_.theme;
    const float w = std::round(std::min(ctx_.size.x - 2 * th.margin, 36.f * static_cast<float>(th.type.body)));
    const float x = std::round((ctx_.size.x - w) / 2);
    const float gap = std::round(1.2f * th.unit);
    title_.set(fmt::format("Pick up “{}” where you stopped?", sc_.title), lookFor(th, TextRole::Title));
    const std::string day = left_.startedAt.substr(0, 10);
    // Two people: who played whom, and how, so the right two sit down again.
    std::string who;
    const Table& t = left_.saved.table;
    if (t.together()) {
        std::vector<std::string> parts;
        for (const Person& p : t.people) {
            const Role* r = sc_.role(p.role);
            parts.push_back(
                fmt::format("{} as {}", p.name.empty() ? std::string("someone") : p.name, r ? r->name : p.role));
        }
        who = fmt::format(" {}, {}.", text::capitalFirst(text::join(parts, " and ")),
                          t.mode == TogetherMode::Mirror ? "both answering every decision" : "passing the device");
    }
    line_.set(error_.empty()
                  ? fmt::format("You stopped {} decision{} in (begun {}).{} It goes on at the same moment, with "
                                "the meters as they were.",
                                left_.decisions, left_.decisions == 1 ? "" : "s", day, who)
                  : error_,
              th.look(th.type.reading, error_.empty() ? th.color.text : th.color.ruptureEnding));
    note_.set("Starting again leaves that one unfinished in your journal.", th.look(th.type.small, th.color.muted));
    keys_.set(error_.empty() ? "Enter continue  ·  N start again  ·  Esc back" : "N start again  ·  Esc back",
              lookFor(th, TextRole::Caption));
    float y = std::round(std::max(th.margin, ctx_.size.y * 0.22f));
    title_.setPosition({x, y});
    y += title_.wrap(w) + gap;
    line_.setPosition({x, y});
    y += line_.wrap(w) + gap * 0.6f;
    note_.setPosition({x, y});
    y += note_.wrap(w) + gap * 1.5f;
    float bx = x, bh = 0;
    for (Button* b : buttons()) {
        const sf::Vector2f s = b->layout(th, w);
        if (bx > x && bx + s.x > x + w) {
            bx = x;
            y += bh + std::round(0.8f * th.unit);
            bh = 0;
        }
        b->setPosition({bx, y});
        bx += s.x + std::round(0.8f * th.unit);
        bh = std::max(bh, s.y);
    }
    (error_.empty() ? resumeBtn_ : againBtn_).setFocused(true);
    y += bh + gap;
    keys_.setPosition({x, y});
    keys_.wrap(w);
}

void ResumeScreen::handle(const sf::Event& e) {
    if (auto p = pointer(e)) {
        Button* hit = hover(buttons(), *p);
        if (!leftClick(e) || !hit) return;
        if (hit == &resumeBtn_) return resume();
        if (hit == &againBtn_) return startAgain();
        return back();
    }
    if (pressed(e, sf::Keyboard::Enter)) return error_.empty() ? resume() : startAgain();
    if (pressed(e, sf::Keyboard::N)) return startAgain();
    if (pressed(e, sf::Keyboard::Escape)) return back();
}

void ResumeScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    line_.draw(target);
    note_.draw(target);
    if (error_.empty()) resumeBtn_.draw(target);
    againBtn_.draw(target);
    backBtn_.draw(target);
    keys_.draw(target);
}

std::string ResumeScreen::shownText() const { return title_.text() + "\n" + line_.text() + "\n" + note_.text(); }

std::vector<Box> ResumeScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    addBox(out, "line", line_.bounds());
    addBox(out, "note", note_.bounds());
    if (error_.empty()) resumeBtn_.boxes(out, "continue");
    againBtn_.boxes(out, "start again");
    backBtn_.boxes(out, "back");
    addBox(out, "keys", keys_.bounds());
    return out;
}

}  // namespace attune::ui
