#include "sfml/screens/ToolboxScreen.hpp"

#include "sfml/screens/BreatheScreen.hpp"
#include "sfml/widgets/Blocks.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <cmath>
#include <fmt/format.h>
#include <iostream>

namespace attune::ui {

void openPractice(Context& ctx, const std::string& id, PracticeDone done) {
    if (!done)
        done = [&ctx](const std::string& practice, int seconds) {
            if (ctx.recordPlays && ctx.journal && !ctx.journal->practised(ctx.profile, std::nullopt, practice, seconds))
                std::cerr << "attune: this practice was not kept in the journal: " << ctx.journal->error() << '\n';
        };
    if (feedback::practice(id).isBreak())
        ctx.stack.push(std::make_unique<BreakScreen>(ctx, std::move(done)));
    else
        ctx.stack.push(std::make_unique<BreatheScreen>(ctx, id, std::move(done)));
}

// ---- the toolbox -------------------------------------------------------------------------------

ToolboxScreen::ToolboxScreen(Context& ctx, PracticeDone done) : Screen(ctx), done_(std::move(done)) {
    const auto& all = feedback::practices();
    for (std::size_t i = 0; i < all.size(); ++i) {
        items_.emplace_back();
        items_.back().set(all[i].name, std::to_string(i + 1), Button::Kind::Choice);
    }
    summaries_.resize(all.size());
    backBtn_.set("Back", "Esc", Button::Kind::Secondary);
}

std::vector<Button*> ToolboxScreen::buttons() {
    std::vector<Button*> out;
    for (auto& b : items_) out.push_back(&b);
    out.push_back(&backBtn_);
    return out;
}

void ToolboxScreen::layout() {
    const Theme& th = ctx_.theme;
    title_.set("The regulation toolbox", lookFor(th, TextRole::Title));
    line_.set(
        "Short practices for a stirred-up body, for any time: before a hard talk, after one, or now. Each can "
        "be stopped whenever you like.",
        th.look(th.type.reading, th.color.text));
    keys_.set("1-5 or ↑ ↓ and Enter start one  ·  Esc back", lookFor(th, TextRole::Caption));
    // One column when it fits the window; else two, side by side (the largest text).
    if (!place(1)) place(2);
    focus_.set(buttons());
}

bool ToolboxScreen::place(int columns) {
    const Theme& th = ctx_.theme;
    const float maxW = (columns == 1 ? 40.f : 80.f) * static_cast<float>(th.type.body);
    const float w = std::round(std::min(ctx_.size.x - 2 * th.margin, maxW));
    const float x = std::round((ctx_.size.x - w) / 2);
    const float colGap = std::round(1.5f * th.unit);
    const float colW = columns == 1 ? w : std::floor((w - colGap) / 2);
    float y =
        std::round(std::max(columns == 1 ? th.margin : 0.6f * th.margin, ctx_.size.y * (columns == 1 ? 0.08f : 0.04f)));
    title_.setPosition({x, y});
    y += title_.wrap(w) + std::round(0.5f * th.unit);
    line_.setPosition({x, y});
    y += line_.wrap(w) + std::round(1.2f * th.unit);
    const auto& all = feedback::practices();
    const std::size_t perColumn =
        (items_.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns);
    const float listTop = y;
    float bottom = y;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        if (i > 0 && i % perColumn == 0) y = listTop;
        const float cx = x + static_cast<float>(i / perColumn) * (colW + colGap);
        const sf::Vector2f s = items_[i].layout(th, colW);
        items_[i].setPosition({cx, y});
        y += s.y + std::round(0.25f * th.unit);
        summaries_[i].set(all[i].summary, th.look(th.type.small, th.color.muted));
        summaries_[i].setPosition({cx + std::round(0.6f * th.unit), y});
        y += summaries_[i].wrap(colW - std::round(0.6f * th.unit)) + std::round(0.7f * th.unit);
        bottom = std::max(bottom, y);
    }
    y = bottom + std::round(0.3f * th.unit);
    backBtn_.layout(th, w);
    backBtn_.setPosition({x, y});
    y += backBtn_.size().y + std::round(0.6f * th.unit);
    keys_.setPosition({x, y});
    y += keys_.wrap(w);
    return y <= ctx_.size.y - std::round(0.5f * th.margin);
}

void ToolboxScreen::open(std::size_t i) {
    if (i >= feedback::practices().size()) return;
    // In a story the toolbox steps aside for the practice, which returns to the story; from
    // the library it stays beneath, for another.
    if (done_) ctx_.stack.pop();
    openPractice(ctx_, feedback::practices()[i].id, done_);
}

void ToolboxScreen::handle(const sf::Event& e) {
    if (focus_.handle(e)) return;
    if (auto p = pointer(e)) {
        Button* hit = hover(buttons(), *p);
        if (!leftClick(e) || !hit) return;
        if (hit == &backBtn_) return ctx_.stack.pop();
        for (std::size_t i = 0; i < items_.size(); ++i)
            if (hit == &items_[i]) return open(i);
        return;
    }
    if (const int n = numberKey(e); n >= 0) return open(static_cast<std::size_t>(n));
    if (pressed(e, sf::Keyboard::Escape)) return ctx_.stack.pop();
    if (e.type != sf::Event::KeyPressed) return;
    if (e.key.code == sf::Keyboard::Down || e.key.code == sf::Keyboard::Up) {
        const Button* f = focus_.current();
        std::size_t at = items_.size();
        for (std::size_t i = 0; i < items_.size(); ++i)
            if (f == &items_[i]) at = i;
        if (at == items_.size()) at = e.key.code == sf::Keyboard::Down ? items_.size() - 1 : 0;
        at = e.key.code == sf::Keyboard::Down ? (at + 1) % items_.size() : (at + items_.size() - 1) % items_.size();
        focus_.focus(at);
        return;
    }
    if (e.key.code == sf::Keyboard::Enter || e.key.code == sf::Keyboard::Space)
        if (Button* f = focus_.current()) handle(clickOn(*f));
}

void ToolboxScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    line_.draw(target);
    for (const auto& b : items_) b.draw(target);
    for (const auto& s : summaries_) s.draw(target);
    backBtn_.draw(target);
    keys_.draw(target);
}

std::string ToolboxScreen::shownText() const {
    std::string out = title_.text() + "\n" + line_.text() + "\n";
    for (const auto& s : summaries_) out += s.text() + "\n";
    return out;
}

std::vector<Box> ToolboxScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    addBox(out, "line", line_.bounds());
    for (std::size_t i = 0; i < items_.size(); ++i) {
        items_[i].boxes(out, "practice");
        addBox(out, "summary", summaries_[i].bounds());
    }
    backBtn_.boxes(out, "back");
    addBox(out, "keys", keys_.bounds());
    return out;
}

// ---- the twenty-minute break -------------------------------------------------------------------

BreakScreen::BreakScreen(Context& ctx, PracticeDone done)
    : Screen(ctx),
      p_(feedback::practice("break")),
      done_(std::move(done)),
      started_(std::time(nullptr)),
      comeBack_(started_ + static_cast<std::time_t>(p_.length())) {
    backBtn_.set("I'm back", "Enter", Button::Kind::Primary);
}

BreakScreen::~BreakScreen() {
    if (!closed_ && done_) done_(p_.id, static_cast<int>(t_));  // the window closed during the break
}

void BreakScreen::refresh() {
    const Theme& th = ctx_.theme;
    const int left = static_cast<int>(std::ceil(std::max(0.f, p_.length() - t_) / 60.f));
    shownMinutes_ = left;
    char at[16];
    std::tm tm{};
    localtime_r(&comeBack_, &tm);
    std::strftime(at, sizeof at, "%H:%M", &tm);
    const float w = std::round(std::min(ctx_.size.x - 2 * th.margin, 38.f * static_cast<float>(th.type.body)));
    if (over()) {
        title_.set("Twenty minutes have passed", lookFor(th, TextRole::Display));
        clock_.set("Time to come back", th.look(th.type.title, th.color.inside, true));
        at_.set(
            "When you feel ready, go back and say you are back. You might begin with what you noticed while you "
            "were away.",
            th.look(th.type.reading, th.color.text));
        backBtn_.set("I'm back", "Enter", Button::Kind::Primary);
    } else {
        title_.set(p_.title, lookFor(th, TextRole::Display));
        clock_.set(left == 1 ? std::string("1 minute left") : fmt::format("{} minutes left", left),
                   th.look(th.type.display, th.color.inside, true));
        at_.set(
            fmt::format("Come back at {}. You could say before you go: “I need a break. I'll be back at {}.”", at, at),
            th.look(th.type.reading, th.color.text));
        backBtn_.set("I'm back early", "Enter", Button::Kind::Secondary);
    }
    title_.wrap(w);
    clock_.wrap(w);
    at_.wrap(w);
}

void BreakScreen::layout() {
    const Theme& th = ctx_.theme;
    const float w = std::round(std::min(ctx_.size.x - 2 * th.margin, 38.f * static_cast<float>(th.type.body)));
    const float x = std::round((ctx_.size.x - w) / 2);
    intro_.set(p_.intro, th.look(th.type.body, th.color.muted));
    hint_.set(over() ? "Enter or Esc closes this." : "The reminder shows here when the time is up. Esc ends the break.",
              lookFor(th, TextRole::Caption));
    refresh();
    float y = std::round(std::max(th.margin, ctx_.size.y * 0.12f));
    title_.setPosition({x, y});
    y += title_.height() + std::round(0.6f * th.unit);
    intro_.setPosition({x, y});
    y += intro_.wrap(w) + std::round(1.6f * th.unit);
    clock_.setPosition({x, y});
    y += clock_.height() + std::round(0.5f * th.unit);
    // A quiet bar for the twenty minutes, filled by the whole minutes gone (it moves once a minute).
    const float barH = std::max(4.f, std::round(0.35f * th.unit));
    trackRect_ = {x, y, w, barH};
    const float gone = std::min(1.f, std::floor(t_ / 60.f) * 60.f / p_.length());
    track_ = roundRect(trackRect_, barH / 2, th.color.surface, th.color.border, th.contrast ? th.border : 0.f);
    fill_ =
        roundRect({x, y, std::max(barH, std::round(w * gone)), barH}, barH / 2, th.color.inside, th.color.inside, 0.f);
    y += barH + std::round(0.8f * th.unit);
    at_.setPosition({x, y});
    y += at_.height() + std::round(1.4f * th.unit);
    backBtn_.layout(th, w);
    backBtn_.setPosition({x, y});
    y += backBtn_.size().y + std::round(0.8f * th.unit);
    hint_.setPosition({x, y});
    hint_.wrap(w);
}

float BreakScreen::elapsed() const {
    // By the wall clock, as the time to come back is: a stalled or suspended machine loses none.
    return static_cast<float>(std::difftime(std::time(nullptr), started_)) + offset_;
}

void BreakScreen::advance(float seconds) {
    offset_ += seconds;
    tick();
}

void BreakScreen::tick() {
    const bool wasOver = over();
    t_ = std::max(t_, elapsed());  // a clock set back does not give minutes back
    const int left = static_cast<int>(std::ceil(std::max(0.f, p_.length() - t_) / 60.f));
    if (left != shownMinutes_ || over() != wasOver) {
        layout();
        ctx_.redraw = true;
    }
    if (over() && !remindedOver_) {
        remindedOver_ = true;
        ctx_.cue(Cue::End);
        if (!ctx_.screenshot) ctx_.window.requestFocus();  // the reminder: the window asks to be seen
    }
}

void BreakScreen::update(float) {
    if (!closed_) tick();
}

void BreakScreen::back() {
    if (closed_) return;
    closed_ = true;
    if (done_) done_(p_.id, static_cast<int>(t_));
    ctx_.stack.pop();
}

void BreakScreen::handle(const sf::Event& e) {
    if (auto p = pointer(e)) {
        backBtn_.setHovered(backBtn_.contains(*p));
        if (leftClick(e) && backBtn_.contains(*p)) back();
        return;
    }
    if (pressed(e, sf::Keyboard::Enter) || pressed(e, sf::Keyboard::Escape)) back();
}

void BreakScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    intro_.draw(target);
    clock_.draw(target);
    target.draw(track_);
    if (t_ >= 60.f) target.draw(fill_);
    at_.draw(target);
    backBtn_.draw(target);
    hint_.draw(target);
}

std::string BreakScreen::shownText() const {
    return title_.text() + "\n" + intro_.text() + "\n" + clock_.text() + "\n" + at_.text();
}

std::vector<Box> BreakScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    addBox(out, "intro", intro_.bounds());
    addBox(out, "clock", clock_.bounds());
    addBox(out, "bar", trackRect_);
    addBox(out, "at", at_.bounds());
    backBtn_.boxes(out, "back");
    addBox(out, "hint", hint_.bounds());
    return out;
}

}  // namespace attune::ui
