#include "sfml/screens/CheckinScreen.hpp"

#include "core/journal/Journal.hpp"
#include "sfml/widgets/Blocks.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <cmath>

namespace attune::ui {

CheckinScreen::CheckinScreen(Context& ctx, Moment m, Done done) : Screen(ctx), moment_(m), done_(std::move(done)) {
    keepBtn_.set("Keep this", "Enter", Button::Kind::Primary);
    skipBtn_.set("Skip", "Esc", Button::Kind::Secondary);
    fields_[0].label = "A word for the feeling";
    fields_[0].placeholder = "tense, hopeful, tired, calm…";
    fields_[1].label = "What did you notice in your body?";
    fields_[1].placeholder = "a tight jaw, warmth, a racing heart…";
    fields_[2].label = "What did you need?";
    fields_[2].placeholder = "to be heard, some space, reassurance…";
    fields_[0].max = 40;
    fields_[1].max = fields_[2].max = 200;  // a short note: the window keeps it to a few lines
}

void CheckinScreen::layout() {
    const Theme& th = ctx_.theme;
    const bool after = moment_ == Moment::After;
    title_.set(after ? "Before you go" : "How are you arriving?", lookFor(th, TextRole::Title));
    line_.set(after ? "A check-in and a short note for your journal, if you like. Any part can stay empty."
                    : "A check-in for your journal before the story begins, if you like.",
              th.look(th.type.reading, th.color.text));
    scaleLabel_.set(after ? "How activated do you feel now?" : "How activated do you feel right now?",
                    lookFor(th, TextRole::Heading));
    low_.set("0 settled", lookFor(th, TextRole::Caption));
    high_.set("10 flooded", lookFor(th, TextRole::Caption));
    note_.set("Kept only in your journal, on this machine. Check-ins can be turned off in Settings.",
              th.look(th.type.small, th.color.muted));
    keys_.set(after ? "← → how activated  ·  Tab next field  ·  Enter keep  ·  Esc skip"
                    : "← → or 0-9 how activated  ·  Tab the word  ·  Enter keep  ·  Esc skip",
              lookFor(th, TextRole::Caption));
    // Too tall for the window (the largest text, long notes): moved up as far as it takes,
    // then made more compact: the two note fields side by side without the key line, then
    // wider, without the line under the title and the note about the journal.
    const float room = ctx_.size.y - std::round(0.6f * th.margin), minTop = std::round(0.5f * th.margin);
    for (compact_ = 0; compact_ <= 2; ++compact_) {
        float top = std::round(std::max(th.margin, ctx_.size.y * (after ? 0.08f : 0.16f)));
        float bottom = place(top);
        if (bottom > room && top > minTop) bottom = place(std::max(minTop, top - (bottom - room)));
        if (bottom <= room || compact_ == 2) break;
    }
}

float CheckinScreen::place(float top) {
    const Theme& th = ctx_.theme;
    const float w = std::round(
        std::min(ctx_.size.x - 2 * th.margin, (compact_ == 2 ? 60.f : 38.f) * static_cast<float>(th.type.body)));
    const float x = std::round((ctx_.size.x - w) / 2);
    const float gap = std::round(1.1f * th.unit);
    float y = top;
    title_.setPosition({x, y});
    y += title_.wrap(w) + std::round(0.5f * th.unit);
    line_.setPosition({x, y});
    if (compact_ < 2)
        y += line_.wrap(w) + gap;
    else
        y += std::round(0.4f * th.unit);
    scaleLabel_.setPosition({x, y});
    y += scaleLabel_.wrap(w) + std::round(0.5f * th.unit);
    // Eleven cells, 0 to 10.
    const float cg = std::round(0.35f * th.unit);
    const float cw = std::floor((w - 10 * cg) / 11);
    const float ch = std::round(std::max(cw * 0.8f, 2.2f * static_cast<float>(th.type.body)));
    numbers_.resize(11);
    cells_.resize(11);
    cellRects_.resize(11);
    for (int i = 0; i < 11; ++i) {
        const bool on = level_ && *level_ == i;
        const sf::FloatRect r{x + static_cast<float>(i) * (cw + cg), y, cw, ch};
        cellRects_[static_cast<std::size_t>(i)] = r;
        cells_[static_cast<std::size_t>(i)] = roundRect(r, th.radius, on ? th.color.accent : th.color.surface,
                                                        on ? th.color.accent : th.color.border, th.border);
        TextBlock& n = numbers_[static_cast<std::size_t>(i)];
        n.set(std::to_string(i), th.look(th.type.body, on ? th.color.onAccent : th.color.text, on));
        n.wrap(cw);
        n.setPosition({std::round(r.left + (cw - n.width()) / 2), std::round(r.top + (ch - n.height()) / 2)});
    }
    scaleRect_ = {x, y, w, ch};
    const float ring = std::max(2.f, std::round(2 * th.border));
    scaleFocus_ = roundRect({x - 2 * ring, y - 2 * ring, w + 4 * ring, ch + 4 * ring}, th.radius + ring,
                            sf::Color::Transparent, focus_ == 0 ? th.color.accent : sf::Color::Transparent, ring);
    y += ch + std::round(0.3f * th.unit);
    low_.wrap(w / 2);
    high_.wrap(w / 2);
    low_.setPosition({x, y});
    high_.setPosition({x + w - high_.width(), y});
    y += low_.height() + gap;
    y += fields_[0].layout(th, x, y, w, focus_ == 1) + std::round(0.8f * th.unit);
    if (fieldCount() == 3 && compact_ > 0) {
        const float half = std::floor((w - gap) / 2);
        const float h1 = fields_[1].layout(th, x, y, half, focus_ == 2);
        const float h2 = fields_[2].layout(th, x + half + gap, y, half, focus_ == 3);
        y += std::max(h1, h2) + std::round(0.8f * th.unit);
    } else {
        for (int i = 1; i < fieldCount(); ++i)
            y += fields_[i].layout(th, x, y, w, focus_ == i + 1) + std::round(0.8f * th.unit);
    }
    y += std::round(0.4f * th.unit);
    const sf::Vector2f ks = keepBtn_.layout(th, w), ss = skipBtn_.layout(th, w);
    keepBtn_.setPosition({x, y});
    skipBtn_.setPosition({x + ks.x + std::round(0.8f * th.unit), y});
    y += std::max(ks.y, ss.y) + std::round(0.8f * th.unit);
    note_.setPosition({x, y});
    if (compact_ < 2) y += note_.wrap(w) + std::round(0.4f * th.unit);
    keys_.setPosition({x, y});
    if (compact_ == 0) y += keys_.wrap(w);
    return y;
}

void CheckinScreen::setLevel(std::optional<int> v) {
    level_ = v;
    layout();
}

void CheckinScreen::focus(int i) {
    focus_ = std::clamp(i, 0, fieldCount());
    layout();
}

void CheckinScreen::finish(std::optional<Answer> a) {
    if (finished_) return;
    finished_ = true;
    ctx_.stack.pop();
    ctx_.stack.later([done = done_, a] {
        if (done) done(a);
    });
}

void CheckinScreen::keep() {
    Answer a{level_, fields_[0].value, fields_[1].value, fields_[2].value};
    const bool any = a.level || !a.word.empty() || !a.noticed.empty() || !a.needed.empty();
    finish(any ? std::optional<Answer>(a) : std::nullopt);
}

void CheckinScreen::skip() { finish(std::nullopt); }

void CheckinScreen::handle(const sf::Event& e) {
    // "1" then "0" makes ten only straight after each other, on the scale: another key, other
    // text or a click in between ends it (a key's release or the mouse moving does not).
    const bool digitKey = e.type == sf::Event::KeyPressed &&
                          ((e.key.code >= sf::Keyboard::Num0 && e.key.code <= sf::Keyboard::Num9) ||
                           (e.key.code >= sf::Keyboard::Numpad0 && e.key.code <= sf::Keyboard::Numpad9));
    const bool otherKey = e.type == sf::Event::KeyPressed && !digitKey;
    const bool otherText = e.type == sf::Event::TextEntered && (e.text.unicode < '0' || e.text.unicode > '9');
    if (otherKey || otherText || leftClick(e)) lastWasOne_ = false;
    if (auto p = pointer(e)) {
        Button* hit = hover({&keepBtn_, &skipBtn_}, *p);
        if (!leftClick(e)) return;
        if (hit == &keepBtn_) return keep();
        if (hit == &skipBtn_) return skip();
        for (int i = 0; i < 11; ++i)
            if (cellRects_[static_cast<std::size_t>(i)].contains(*p)) {
                focus_ = 0;
                return setLevel(level_ == i ? std::nullopt : std::optional<int>(i));  // a second click clears it
            }
        for (int i = 0; i < fieldCount(); ++i)
            if (fields_[i].rect.contains(*p)) return focus(i + 1);
        return;
    }
    if (pressed(e, sf::Keyboard::Escape)) return skip();
    if (pressed(e, sf::Keyboard::Enter)) return keep();
    int f = focus_;
    if (moveField(e, f, fieldCount() + 1)) return focus(f);
    if (focus_ == 0 && e.type == sf::Event::KeyPressed) {
        if (e.key.code == sf::Keyboard::Left) return setLevel(level_ ? std::max(0, *level_ - 1) : 5);
        if (e.key.code == sf::Keyboard::Right) return setLevel(level_ ? std::min(10, *level_ + 1) : 5);
        if (e.key.code == sf::Keyboard::Delete || e.key.code == sf::Keyboard::BackSpace) return setLevel(std::nullopt);
    }
    if (e.type != sf::Event::TextEntered) return;
    const std::uint32_t cp = e.text.unicode;
    if (focus_ == 0) {
        if (cp >= '0' && cp <= '9') {
            const int d = static_cast<int>(cp - '0');
            const bool ten = d == 0 && lastWasOne_ && level_ == 1;
            lastWasOne_ = d == 1;
            return setLevel(ten ? 10 : d);
        }
        if (cp < 32 || cp == 127) return;
        focus_ = 1;  // typing a word on the scale goes to the word
    }
    editText(fields_[focus_ - 1].value, cp, fields_[focus_ - 1].max);
    layout();
}

void CheckinScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    if (compact_ < 2) line_.draw(target);
    scaleLabel_.draw(target);
    target.draw(scaleFocus_);
    for (const auto& c : cells_) target.draw(c);
    for (const auto& n : numbers_) n.draw(target);
    low_.draw(target);
    high_.draw(target);
    for (int i = 0; i < fieldCount(); ++i) fields_[i].draw(target);
    keepBtn_.draw(target);
    skipBtn_.draw(target);
    if (compact_ < 2) note_.draw(target);
    if (compact_ == 0) keys_.draw(target);
}

std::string CheckinScreen::shownText() const {
    std::string out = title_.text() + "\n" + (compact_ < 2 ? line_.text() + "\n" : "") + scaleLabel_.text() + "\n";
    for (int i = 0; i < fieldCount(); ++i) out += fields_[i].label + "\n";
    return out + (compact_ < 2 ? note_.text() : "");
}

std::vector<Box> CheckinScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    if (compact_ < 2) addBox(out, "line", line_.bounds());
    addBox(out, "scale label", scaleLabel_.bounds());
    const int sc = addBox(out, "scale", scaleRect_);
    for (std::size_t i = 0; i < numbers_.size(); ++i) addBox(out, "scale number", numbers_[i].bounds(), sc);
    addBox(out, "low", low_.bounds());
    addBox(out, "high", high_.bounds());
    for (int i = 0; i < fieldCount(); ++i) {
        const int f = addBox(out, "field", fields_[i].rect);
        addBox(out, "field value", fields_[i].valueText.bounds(), f);
        addBox(out, "field label", fields_[i].labelText.bounds());
    }
    keepBtn_.boxes(out, "keep");
    skipBtn_.boxes(out, "skip");
    if (compact_ < 2) addBox(out, "note", note_.bounds());
    if (compact_ == 0) addBox(out, "keys", keys_.bounds());
    return out;
}

}  // namespace attune::ui
