#include "sfml/screens/SettingsScreen.hpp"

#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace attune::ui {

/// One setting: its name and a line of help, and its values as chips (beside
/// the name when there is room, else below it).
class SettingRow : public Block {
public:
    SettingRow(std::string label, std::string help, const std::vector<std::string>& values, int value, bool active)
        : label_(std::move(label)), help_(std::move(help)), value_(value), active_(active) {
        for (const auto& v : values) chips_.emplace_back(v, "", Button::Kind::Chip);
        for (std::size_t i = 0; i < chips_.size(); ++i) chips_[i].setSelected(static_cast<int>(i) == value_);
    }

    float measure(const Theme& th, float width) override {
        th_ = &th;
        pad_ = std::round(0.9f * th.unit);
        const float inner = width - 2 * pad_;
        name_.set(label_, th.look(th.type.body, th.color.text, true));
        helpText_.set(help_, th.look(th.type.caption, th.color.muted));
        float chipsW = 0;
        for (auto& c : chips_) chipsW += c.layout(th, inner).x + gap();
        chipsW -= gap();
        // The name and help take what the chips leave, but never less than a readable column.
        const float minText = std::min(inner, 16.f * static_cast<float>(th.type.caption));
        const float labelW = std::max(minText, inner - chipsW - 3 * th.unit);
        beside_ = labelW + 3 * th.unit + chipsW <= inner;
        const float textW = beside_ ? labelW : inner;
        const float textH = name_.wrap(textW) + std::round(0.2f * th.unit) + helpText_.wrap(textW);
        const float chipsX = beside_ ? inner - chipsW : 0.f;
        offsets_.clear();
        float x = chipsX, y = 0, rowH = 0;
        for (auto& c : chips_) {
            if (x > chipsX && x + c.size().x > inner) {
                x = chipsX;
                y += rowH + gap();
                rowH = 0;
            }
            offsets_.emplace_back(x, y);
            x += c.size().x + gap();
            rowH = std::max(rowH, c.size().y);
        }
        chipsH_ = y + rowH;
        textH_ = textH;
        rect_.width = width;
        rect_.height = std::round((beside_ ? std::max(textH, chipsH_) : textH + th.unit + chipsH_) + 2 * pad_);
        return rect_.height;
    }

    void place(sf::Vector2f p) override {
        const Theme& th = *th_;
        rect_.left = p.x;
        rect_.top = p.y;
        const float x = p.x + pad_, y = p.y + pad_;
        const float textTop = beside_ ? y + std::round((rect_.height - 2 * pad_ - textH_) / 2) : y;
        name_.setPosition({x, textTop});
        helpText_.setPosition({x, textTop + name_.height() + std::round(0.2f * th.unit)});
        const float chipsTop = beside_ ? y + std::round((rect_.height - 2 * pad_ - chipsH_) / 2) : y + textH_ + th.unit;
        for (std::size_t i = 0; i < chips_.size(); ++i)
            chips_[i].setPosition({x + offsets_[i].x, chipsTop + offsets_[i].y});
        highlight_ = roundRect(rect_, th.radius, th.color.surface, th.color.accent, std::max(2.f, th.border));
    }

    void draw(sf::RenderTarget& target) const override {
        if (active_) target.draw(highlight_);
        name_.draw(target);
        helpText_.draw(target);
        for (const auto& c : chips_) c.draw(target);
    }

    void boxes(std::vector<Box>& out, int parent) const override {
        const int me = addBox(out, "setting " + label_, rect_, parent);
        addBox(out, label_, name_.bounds(), me);
        addBox(out, label_ + " help", helpText_.bounds(), me);
        for (const auto& c : chips_) c.boxes(out, label_ + ": " + c.label(), me);
    }

    void buttons(std::vector<Button*>& out) override {
        for (auto& c : chips_) out.push_back(&c);
    }

    int indexOf(const Button* b) const {
        for (std::size_t i = 0; i < chips_.size(); ++i)
            if (&chips_[i] == b) return static_cast<int>(i);
        return -1;
    }
    sf::FloatRect rect() const { return rect_; }

private:
    float gap() const { return std::round(0.6f * th_->unit); }
    std::string label_, help_;
    int value_;
    bool active_;
    const Theme* th_ = nullptr;
    TextBlock name_, helpText_;
    std::vector<Button> chips_;
    std::vector<sf::Vector2f> offsets_;
    sf::FloatRect rect_;
    sf::ConvexShape highlight_;
    float pad_ = 8, chipsH_ = 0, textH_ = 0;
    bool beside_ = true;
};

SettingsScreen::SettingsScreen(Context& ctx) : Screen(ctx) {
    options_ = {
        {"Text size",
         "Everything reflows to fit.",
         {"Smallest", "Small", "Medium", "Large", "Largest"},
         [](const Settings& s) { return s.textSize; },
         [](Settings& s, int v) { s.textSize = v; }},
        {"Theme",
         "High contrast: white on black, with stronger outlines.",
         {"Soft dark", "High contrast"},
         [](const Settings& s) { return s.highContrast ? 1 : 0; },
         [](Settings& s, int v) { s.highContrast = v == 1; }},
        {"Motion",
         "Reduced: gauges and the breathing circle keep still.",
         {"Gentle", "Reduced"},
         [](const Settings& s) { return s.reducedMotion ? 1 : 0; },
         [](Settings& s, int v) { s.reducedMotion = v == 1; }},
        {"Text reveal",
         "How lines appear. Any key shows the whole line.",
         {"Off", "Slow", "Medium", "Fast"},
         [](const Settings& s) { return static_cast<int>(s.reveal); },
         [](Settings& s, int v) { s.reveal = static_cast<Reveal>(v); }},
        {"Coaching",
         "When to see what each choice was, and why.",
         {"After each choice", "At the end", "Off"},
         [](const Settings& s) { return static_cast<int>(s.coaching); },
         [](Settings& s, int v) { s.coaching = static_cast<feedback::Coaching>(v); }},
        {"Display",
         "F11 switches at any time.",
         {"Window", "Full screen"},
         [](const Settings& s) { return s.fullscreen ? 1 : 0; },
         [](Settings& s, int v) { s.fullscreen = v == 1; }},
        {"Check-ins",
         "How you feel before a story, and a short note after it, for your journal.",
         {"Offered", "Off"},
         [](const Settings& s) { return s.checkins ? 0 : 1; },
         [](Settings& s, int v) { s.checkins = v == 0; }},
        {"Sound",
         "Soft tones made by Attune that pace the practices. Off suits a shared room.",
         {"Off", "Soft tones"},
         [](const Settings& s) { return s.sound ? 1 : 0; },
         [](Settings& s, int v) { s.sound = v == 1; }},
    };
    done_.set("Done", "Esc", Button::Kind::Primary);
    pagePrev_.set("Back", "PgUp", Button::Kind::Secondary);
    pageNext_.set("More", "PgDn", Button::Kind::Secondary);
    pagePrev_.setCompact(true);
    pageNext_.setCompact(true);
}

void SettingsScreen::layout() {
    const Theme& th = ctx_.theme;
    const float m = th.margin;
    const float w = std::min(ctx_.size.x - 2 * m, 60.f * static_cast<float>(th.type.body));
    const float x = std::round((ctx_.size.x - w) / 2);
    float y = std::round(m * 0.8f);
    title_.set("Settings", lookFor(th, TextRole::Display));
    title_.wrap(w);
    title_.setPosition({x, y});
    y += title_.height() + std::round(0.3f * th.unit);
    subtitle_.set(fmt::format("Changes apply at once and are kept in {}.", homeShort(ctx_.settingsPath.string())),
                  th.look(th.type.small, th.color.muted));
    subtitle_.wrap(w);
    subtitle_.setPosition({x, y});
    y += subtitle_.height() + std::round(1.4f * th.unit);

    pager_.clear();
    rowBlocks_.clear();
    for (std::size_t i = 0; i < options_.size(); ++i) {
        const Option& o = options_[i];
        auto& r = pager_.add<SettingRow>(o.label, o.help, o.values, o.get(ctx_.settings), i == row_);
        r.gapAfter = 0.5f;
        rowBlocks_.push_back(&r);
    }
    auto& preview = pager_.add<Card>();
    preview.add<TextItem>("Preview", TextRole::Heading).gapAfter = 0.4f;
    preview.add<TextItem>("“I got really worried when I couldn’t reach you. Can we talk for a minute?”",
                          TextRole::Reading);

    const sf::Vector2f ds = done_.layout(th, w / 3);
    pagePrev_.layout(th, w / 3);
    pageNext_.layout(th, w / 3);
    const float bottom = ctx_.size.y - std::round(m * 0.7f);
    const float footTop = bottom - ds.y;
    pager_.layout(th, {x, y, w, footTop - std::round(1.2f * th.unit) - y}, 1);
    pager_.setPage(pager_.pageOf(row_));
    done_.setPosition({x + w - ds.x, footTop});
    pageLabel_.set(pager_.pages() > 1 ? fmt::format("Page {} of {}", pager_.page() + 1, pager_.pages()) : "",
                   th.look(th.type.caption, th.color.muted));
    if (pager_.pages() > 1) {
        const float gap = std::round(0.8f * th.unit);
        pagePrev_.setPosition({x, footTop + std::round((ds.y - pagePrev_.size().y) / 2)});
        pageNext_.setPosition({x + pagePrev_.size().x + gap, footTop + std::round((ds.y - pageNext_.size().y) / 2)});
        pageLabel_.wrap(w / 3);
        pageLabel_.setPosition(
            {pageNext_.rect().left + pageNext_.size().x + gap, footTop + std::round((ds.y - pageLabel_.height()) / 2)});
        pagePrev_.setEnabled(pager_.page() > 0);
        pageNext_.setEnabled(pager_.page() + 1 < pager_.pages());
    }
}

void SettingsScreen::selectRow(std::size_t r) {
    row_ = std::min(r, options_.size() - 1);
    layout();
}

void SettingsScreen::pick(int i) {
    const Option& o = options_[row_];
    if (i < 0 || i >= static_cast<int>(o.values.size()) || i == o.get(ctx_.settings)) return;
    Settings s = ctx_.settings;
    o.set(s, i);
    ctx_.applySettings(s);  // lays every screen out again, this one included
}

void SettingsScreen::step(int delta) {
    const Option& o = options_[row_];
    const int n = static_cast<int>(o.values.size());
    pick(std::clamp(o.get(ctx_.settings) + delta, 0, n - 1));
}

void SettingsScreen::handle(const sf::Event& e) {
    if (auto p = pointer(e)) {
        std::vector<Button*> all = pager_.buttons();
        all.push_back(&done_);
        if (pager_.pages() > 1) all.insert(all.end(), {&pagePrev_, &pageNext_});
        Button* hit = hover(all, *p);
        if (!leftClick(e) || !hit) return;
        if (hit == &done_) return ctx_.stack.pop();
        if (hit == &pagePrev_ || hit == &pageNext_) {
            const int page = pager_.page() + (hit == &pageNext_ ? 1 : -1);
            for (std::size_t r = 0; r < options_.size(); ++r)
                if (pager_.pageOf(r) == page) return selectRow(r);
            return;
        }
        for (std::size_t r = 0; r < rowBlocks_.size(); ++r)
            if (const int i = rowBlocks_[r]->indexOf(hit); i >= 0) {
                row_ = r;
                pick(i);
                layout();
                return;
            }
        return;
    }
    if (const int k = numberKey(e); k >= 0) return pick(k);
    if (e.type != sf::Event::KeyPressed) return;
    switch (e.key.code) {
        case sf::Keyboard::Up:
            if (row_ > 0) selectRow(row_ - 1);
            break;
        case sf::Keyboard::Down:
            if (row_ + 1 < options_.size()) selectRow(row_ + 1);
            break;
        case sf::Keyboard::Tab:
            selectRow(e.key.shift ? (row_ + options_.size() - 1) % options_.size() : (row_ + 1) % options_.size());
            break;
        case sf::Keyboard::Left:
            step(-1);
            break;
        case sf::Keyboard::Right:
            step(+1);
            break;
        case sf::Keyboard::Escape:
        case sf::Keyboard::Enter:
            ctx_.stack.pop();
            break;
        default:
            break;
    }
}

void SettingsScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    subtitle_.draw(target);
    pager_.draw(target);
    done_.draw(target);
    if (pager_.pages() > 1) {
        pagePrev_.draw(target);
        pageNext_.draw(target);
        pageLabel_.draw(target);
    }
}

std::vector<Box> SettingsScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    addBox(out, "subtitle", subtitle_.bounds());
    pager_.boxes(out, -1);
    done_.boxes(out, "done");
    if (pager_.pages() > 1) {
        pagePrev_.boxes(out, "back");
        pageNext_.boxes(out, "more");
        addBox(out, "page label", pageLabel_.bounds());
    }
    return out;
}

}  // namespace attune::ui
