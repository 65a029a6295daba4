#include "sfml/screens/TogetherScreens.hpp"

#include "core/util/Text.hpp"
#include "sfml/screens/LibraryScreen.hpp"
#include "sfml/screens/PlayScreen.hpp"
#include "sfml/screens/ResumeScreen.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <SFML/System/String.hpp>
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace attune::ui {
namespace {
constexpr std::size_t kNameMax = 40;  // code points, as checkTable allows

/// The role nobody in the reveal owns: the other person's own role, for their colour.
std::string otherRole(const Scenario& s, const std::string& role) {
    for (const Role& r : s.roles)
        if (r.id != role) return r.id;
    return role;
}
}  // namespace

// ---- set-up ------------------------------------------------------------------------------------

TogetherScreen::TogetherScreen(Context& ctx, const Scenario& s) : Screen(ctx), sc_(s) {
    for (int i = 0; i < 2; ++i) {
        roleBtn_[i].set(sc_.roles[static_cast<std::size_t>(i)].name, "", Button::Kind::Chip);
        roleBtn_[i].setCompact(true);
        modeBtn_[i].setCompact(true);
    }
    modeBtn_[0].set("Pass the device", "", Button::Kind::Chip);
    modeBtn_[1].set("Mirror", "", Button::Kind::Chip);
    startBtn_.set("Start", "Enter", Button::Kind::Primary);
    backBtn_.set("Back", "Esc", Button::Kind::Secondary);
}

Table TogetherScreen::table() const {
    Table t;
    t.mode = mode_;
    const std::string& a = sc_.roles[0].id;
    const std::string& b = sc_.roles[1].id;
    t.people = {{names_[0], swapped_ ? b : a}, {names_[1], swapped_ ? a : b}};
    return t;
}

void TogetherScreen::setName(int who, std::string name) {
    names_[who & 1] = std::move(name);
    error_.clear();
    refresh();
}

void TogetherScreen::swapRoles() {
    swapped_ = !swapped_;
    refresh();
}

void TogetherScreen::setMode(TogetherMode m) {
    mode_ = m;
    refresh();
}

void TogetherScreen::start() {
    const Table t = table();
    error_ = checkTable(t, sc_);
    if (!error_.empty()) {
        error_ = text::capitalFirst(error_) + ".";
        refresh();
        return;
    }
    // A story the same two people left half-way (the same way of playing, each in the same
    // role; a name left empty matches anyone) is offered first, over this screen: Back
    // returns here.
    if (ctx_.journal && ctx_.recordPlays)
        if (auto left =
                ctx_.journal->unfinished(sc_.id, ctx_.profile, {t.mode == TogetherMode::Mirror ? "mirror" : "pass"})) {
            bool same = left->saved.table.people.size() == t.people.size();
            for (const Person& p : t.people) {
                const auto it = std::find_if(left->saved.table.people.begin(), left->saved.table.people.end(),
                                             [&](const Person& q) { return q.role == p.role; });
                same = same && it != left->saved.table.people.end() && (p.name.empty() || it->name == p.name);
            }
            if (same)
                return ctx_.stack.push(
                    std::make_unique<ResumeScreen>(ctx_, sc_, std::move(*left), std::set<std::string>{}, t));
        }
    // A story that opens on the second person's decision asks for the device at once (startPlay).
    startPlay(ctx_, std::make_unique<PlayScreen>(ctx_, sc_, std::set<std::string>{}, t));
}

void TogetherScreen::refresh() { layout(); }

std::vector<Button*> TogetherScreen::buttons() {
    return {&roleBtn_[0], &roleBtn_[1], &modeBtn_[0], &modeBtn_[1], &startBtn_, &backBtn_};
}

void TogetherScreen::layout() {
    const Theme& th = ctx_.theme;
    const float w = std::round(std::min(ctx_.size.x - 2 * th.margin, 40.f * static_cast<float>(th.type.body)));
    const float x = std::round((ctx_.size.x - w) / 2);
    const float gap = std::round(0.8f * th.unit);
    float y = std::round(th.margin * 0.8f);
    title_.set(fmt::format("Play together: {}", sc_.title), lookFor(th, TextRole::Title));
    y += title_.wrap(w);
    title_.setPosition({x, y - title_.height()});
    y += gap;
    intro_.set(
        "Each of you plays one role, on this screen. Before each turn the screen asks you to pass it over, "
        "so your choices and your card stay yours. Names are optional: they let the screen say whose turn it is.",
        th.look(th.type.small, th.color.muted));
    intro_.setPosition({x, y});
    y += intro_.wrap(w) + 2 * gap;
    for (int i = 0; i < 2; ++i) {
        nameLabel_[i].set(i == 0 ? "First person's name" : "Second person's name", lookFor(th, TextRole::Heading));
        nameLabel_[i].setPosition({x, y});
        y += nameLabel_[i].wrap(w) + std::round(0.3f * th.unit);
        const bool focused = field_ == i;
        const std::string shown = names_[i].empty() ? (focused ? "" : "optional") : names_[i];
        nameText_[i].set(shown + (focused ? "|" : ""),
                         th.look(th.type.body, names_[i].empty() && !focused ? th.color.faint : th.color.text));
        const float pad = std::round(0.6f * th.unit);
        const float h = nameText_[i].wrap(w - 2 * pad) + 2 * pad;
        nameRect_[i] = {x, y, w, std::round(h)};
        nameBox_[i] = roundRect(nameRect_[i], th.radius, th.color.surface, focused ? th.color.accent : th.color.border,
                                focused ? std::max(2.f, 2 * th.border) : th.border);
        nameText_[i].setPosition({x + pad, y + pad});
        y += nameRect_[i].height + gap * 1.5f;
    }
    const std::string first = names_[0].empty() ? std::string("The first person") : names_[0];
    roleLabel_.set(fmt::format("{} plays", first), lookFor(th, TextRole::Heading));
    roleLabel_.setPosition({x, y});
    y += roleLabel_.wrap(w) + std::round(0.4f * th.unit);
    float bx = x, rowH = 0;
    for (int i = 0; i < 2; ++i) {
        const sf::Vector2f s = roleBtn_[i].layout(th, w / 2 - gap);
        roleBtn_[i].setPosition({bx, y});
        roleBtn_[i].setSelected((i == 1) == swapped_);
        bx += s.x + gap;
        rowH = std::max(rowH, s.y);
    }
    y += rowH + gap * 1.5f;
    modeLabel_.set("How to play", lookFor(th, TextRole::Heading));
    modeLabel_.setPosition({x, y});
    y += modeLabel_.wrap(w) + std::round(0.4f * th.unit);
    bx = x;
    rowH = 0;
    for (int i = 0; i < 2; ++i) {
        const sf::Vector2f s = modeBtn_[i].layout(th, w / 2 - gap);
        modeBtn_[i].setPosition({bx, y});
        modeBtn_[i].setSelected((i == 1) == (mode_ == TogetherMode::Mirror));
        bx += s.x + gap;
        rowH = std::max(rowH, s.y);
    }
    y += rowH + std::round(0.5f * th.unit);
    modeNote_.set(
        mode_ == TogetherMode::Mirror
            ? "At every decision you both answer in private, first the one whose role it is. Then you see both "
              "answers side by side with something to talk about, and the owner's answer is the one the story plays."
            : "Each of you chooses for your own role. Your coaching card shows on your own turn, or at the end, "
              "as the coaching setting says.",
        th.look(th.type.small, th.color.muted));
    modeNote_.setPosition({x, y});
    y += modeNote_.wrap(w) + gap;
    error_text_.set(error_, th.look(th.type.small, th.color.ruptureEnding));
    error_text_.setPosition({x, y});
    if (!error_.empty())
        y += error_text_.wrap(w) + gap;
    else
        error_text_.wrap(w);
    const sf::Vector2f sb = startBtn_.layout(th, w / 2);
    const sf::Vector2f bb = backBtn_.layout(th, w / 2);
    keys_.set("Tab next field  ·  type a name  ·  ← → change  ·  Enter start  ·  Esc back",
              lookFor(th, TextRole::Caption));
    const float keysH = keys_.wrap(w);
    const float by = std::max(y + gap, ctx_.size.y - th.margin * 0.6f - keysH - gap - std::max(sb.y, bb.y));
    startBtn_.setPosition({x, by});
    backBtn_.setPosition({x + sb.x + gap, by});
    keys_.setPosition({x, by + std::max(sb.y, bb.y) + gap});
    for (int i = 0; i < 2; ++i) roleBtn_[i].setFocused(field_ == 2 && (i == 1) == swapped_);
    for (int i = 0; i < 2; ++i) modeBtn_[i].setFocused(field_ == 3 && (i == 1) == (mode_ == TogetherMode::Mirror));
}

void TogetherScreen::handle(const sf::Event& e) {
    if (e.type == sf::Event::TextEntered && field_ < 2) {
        editText(names_[field_], e.text.unicode, kNameMax);
        error_.clear();
        return refresh();
    }
    if (auto p = pointer(e)) {
        Button* hit = hover(buttons(), *p);
        if (!leftClick(e)) return;
        for (int i = 0; i < 2; ++i)
            if (nameRect_[i].contains(*p)) {
                field_ = i;
                return refresh();
            }
        if (hit == &roleBtn_[0] || hit == &roleBtn_[1]) {
            field_ = 2;
            if ((hit == &roleBtn_[1]) != swapped_) swapRoles();
            return refresh();
        }
        if (hit == &modeBtn_[0]) return field_ = 3, setMode(TogetherMode::Pass);
        if (hit == &modeBtn_[1]) return field_ = 3, setMode(TogetherMode::Mirror);
        if (hit == &startBtn_) return start();
        if (hit == &backBtn_) return ctx_.stack.replace(std::make_unique<LibraryScreen>(ctx_, sc_.id));
        return;
    }
    if (moveField(e, field_, 4)) return refresh();
    if (e.type != sf::Event::KeyPressed) return;
    switch (e.key.code) {
        case sf::Keyboard::Left:
        case sf::Keyboard::Right:
            if (field_ == 2) swapRoles();
            if (field_ == 3) setMode(mode_ == TogetherMode::Pass ? TogetherMode::Mirror : TogetherMode::Pass);
            return;
        case sf::Keyboard::Enter:
            return start();
        case sf::Keyboard::Escape:
            return ctx_.stack.replace(std::make_unique<LibraryScreen>(ctx_, sc_.id));
        default:
            return;
    }
}

void TogetherScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    intro_.draw(target);
    for (int i = 0; i < 2; ++i) {
        nameLabel_[i].draw(target);
        target.draw(nameBox_[i]);
        nameText_[i].draw(target);
    }
    roleLabel_.draw(target);
    modeLabel_.draw(target);
    for (int i = 0; i < 2; ++i) {
        roleBtn_[i].draw(target);
        modeBtn_[i].draw(target);
    }
    modeNote_.draw(target);
    if (!error_.empty()) error_text_.draw(target);
    startBtn_.draw(target);
    backBtn_.draw(target);
    keys_.draw(target);
}

std::vector<Box> TogetherScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    addBox(out, "intro", intro_.bounds());
    for (int i = 0; i < 2; ++i) {
        addBox(out, fmt::format("name label {}", i + 1), nameLabel_[i].bounds());
        const int box = addBox(out, fmt::format("name {}", i + 1), nameRect_[i]);
        addBox(out, fmt::format("name text {}", i + 1), nameText_[i].bounds(), box);
    }
    addBox(out, "role label", roleLabel_.bounds());
    roleBtn_[0].boxes(out, "role 1");
    roleBtn_[1].boxes(out, "role 2");
    addBox(out, "mode label", modeLabel_.bounds());
    modeBtn_[0].boxes(out, "pass");
    modeBtn_[1].boxes(out, "mirror");
    addBox(out, "mode note", modeNote_.bounds());
    if (!error_.empty()) addBox(out, "error", error_text_.bounds());
    startBtn_.boxes(out, "start");
    backBtn_.boxes(out, "back");
    addBox(out, "keys", keys_.bounds());
    return out;
}

// ---- the hand-off ------------------------------------------------------------------------------

PrivacyScreen::PrivacyScreen(Context& ctx, std::string who, std::string role, bool mirror, std::function<bool()> wanted,
                             std::function<void()> onReady)
    : Screen(ctx),
      who_(std::move(who)),
      role_(std::move(role)),
      mirror_(mirror),
      wanted_(std::move(wanted)),
      onReady_(std::move(onReady)) {
    readyBtn_.set("I'm ready", "Space", Button::Kind::Primary);
}

void PrivacyScreen::ready() {
    if (done_) return;
    done_ = true;
    ctx_.stack.pop();
    if (onReady_) ctx_.stack.later(onReady_);
}

void PrivacyScreen::update(float) {
    // Stale: the turn changed beneath it. Only from the top, since ready() pops the top screen.
    if (!done_ && wanted_ && !wanted_() && ctx_.stack.top() == this) ready();
}

void PrivacyScreen::layout() {
    const Theme& th = ctx_.theme;
    const float w = std::round(std::min(ctx_.size.x - 2 * th.margin, 36.f * static_cast<float>(th.type.body)));
    const float x = std::round((ctx_.size.x - w) / 2);
    const std::string Who = text::capitalFirst(who_);
    title_.set(fmt::format("Pass to {}.", who_), lookFor(th, TextRole::Display));
    line_.set(fmt::format("{}, press Space when you're ready.", Who), lookFor(th, TextRole::Reading));
    note_.set(mirror_ ? fmt::format("{} answers as {}, in private. You will see both answers together once you have "
                                    "both picked.",
                                    Who, role_)
                      : fmt::format("The next turn is for {}, as {}. The choices, the coaching card and the line "
                                    "about {}'s body show only during that turn.",
                                    who_, role_, role_),
              th.look(th.type.small, th.color.muted));
    for (TextBlock* t : {&title_, &line_, &note_}) t->setCentred(true);
    const float gap = std::round(1.2f * th.unit);
    const float h = title_.wrap(w) + line_.wrap(w) + note_.wrap(w) + readyBtn_.layout(th, w).y + 3 * gap;
    float y = std::round(std::max(th.margin, (ctx_.size.y - h) / 2));
    title_.setPosition({x, y});
    y += title_.height() + gap;
    line_.setPosition({x, y});
    y += line_.height() + gap;
    note_.setPosition({x, y});
    y += note_.height() + gap;
    readyBtn_.setPosition({std::round((ctx_.size.x - readyBtn_.size().x) / 2), y});
}

void PrivacyScreen::handle(const sf::Event& e) {
    if (auto p = pointer(e)) {
        readyBtn_.setHovered(readyBtn_.contains(*p));
        if (leftClick(e) && readyBtn_.contains(*p)) ready();
        return;
    }
    // Space only: Enter is the key that closes cards and picks, and the last reader may
    // still be pressing it.
    if (pressed(e, sf::Keyboard::Space)) ready();
}

void PrivacyScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    line_.draw(target);
    note_.draw(target);
    readyBtn_.draw(target);
}

std::string PrivacyScreen::shownText() const {
    return title_.text() + "\n" + line_.text() + "\n" + note_.text() + "\n" + readyBtn_.label();
}

std::vector<Box> PrivacyScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    addBox(out, "line", line_.bounds());
    addBox(out, "note", note_.bounds());
    readyBtn_.boxes(out, "ready");
    return out;
}

// ---- the mirror reveal -------------------------------------------------------------------------

RevealScreen::RevealScreen(Context& ctx, const Scenario& s, feedback::Reveal r)
    : PanelScreen(ctx, fmt::format("Side by side, as {}", r.roleName), false, sf::Keyboard::Unknown),
      sc_(s),
      r_(std::move(r)) {
    setCloseLabel("Go on");
}

void RevealScreen::fill() {
    const Theme& th = ctx_.theme;
    pager_.clear();
    pager_.add<TextItem>(r_.headline, TextRole::Reading).gapAfter = 1.2f;
    const auto card = [&](const std::string& who, const std::string& role, const feedback::ChoiceFeedback& f) {
        auto c = std::make_unique<Card>(styleColor(th, f.style));
        c->add<TextItem>(who, TextRole::Heading, roleColor(th, sc_, role)).gapAfter = 0.4f;
        c->add<TextItem>(f.headline(), TextRole::Body, styleColor(th, f.style)).gapAfter = 0.5f;
        c->add<TextItem>(f.text, TextRole::Quote).gapAfter = 0.6f;
        if (f.pattern)
            c->add<TextItem>(
                f.style == Style::Secure ? sc_.substitute(f.pattern->what) : sc_.substitute(f.pattern->need),
                TextRole::Small);
        else if (!f.why.empty())
            c->add<TextItem>(f.why, TextRole::Small);
        return c;
    };
    const std::string ownRole = r_.role, otherOwn = otherRole(sc_, r_.role);
    auto a = card(text::capitalFirst(r_.ownerName), ownRole, r_.owner);
    if (r_.alike) {
        pager_.adopt(std::move(a));
    } else {
        auto b = card(text::capitalFirst(r_.otherName), otherOwn, r_.other);
        // Side by side when two columns of reading width fit; one under the other otherwise.
        if (Pager::columnsFor(th, innerWidth(), 16.f) == 2)
            pager_.add<Pair>(std::move(a), std::move(b)).gapAfter = 1.2f;
        else {
            pager_.adopt(std::move(a));
            pager_.adopt(std::move(b));
        }
    }
    // The heading stays with the first prompt, so it never ends a page on its own.
    for (std::size_t i = 0; i < r_.prompts.size(); ++i) {
        if (i == 0)
            pager_.add<Section>("To talk about", r_.prompts[i], TextRole::Body).gapAfter = 0.8f;
        else
            pager_.add<TextItem>(r_.prompts[i], TextRole::Body).gapAfter = 0.8f;
    }
}

}  // namespace attune::ui
