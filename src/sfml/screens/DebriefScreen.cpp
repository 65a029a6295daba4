#include "sfml/screens/DebriefScreen.hpp"

#include "sfml/screens/CoachScreen.hpp"
#include "sfml/screens/LibraryScreen.hpp"
#include "sfml/screens/PlayScreen.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <fstream>

namespace attune::ui {
namespace fs = std::filesystem;

DebriefScreen::DebriefScreen(Context& ctx, PlayScreen& play)
    : Screen(ctx), play_(play), d_(feedback::debrief(play.playthrough(), ctx.patterns)) {
    saveBtn_.set("Save report", "S", Button::Kind::Secondary);
    lookBtn_.set("Review choices", "L", Button::Kind::Secondary);
    againBtn_.set("Play again", "P", Button::Kind::Secondary);
    libraryBtn_.set("Library", "Esc", Button::Kind::Primary);
    pagePrev_.set("Back", "PgUp", Button::Kind::Secondary);
    pageNext_.set("More", "PgDn", Button::Kind::Secondary);
    for (Button* b : {&saveBtn_, &lookBtn_, &againBtn_, &libraryBtn_, &pagePrev_, &pageNext_}) b->setCompact(true);
}

void DebriefScreen::fill() {
    const Theme& th = ctx_.theme;
    const Scenario& sc = play_.session().scenario();
    pager_.clear();
    replayRows_.clear();
    bars_.clear();

    // The debrief document's sections, in its order; the arcs and the style counts are drawn
    // as charts of the same numbers their sections state.
    const bool couple = d_.people.size() > 1;
    for (const feedback::Section& sec : d_.sections) {
        if (sec.id == "ending") continue;  // the header says it
        if (sec.id == "arcs") {
            std::vector<LineChart::Series> series;
            for (const auto& a : d_.arcs) series.push_back({a.name, roleColor(th, sc, a.role), a.values});
            arc_.set(std::move(series));
            auto& card = pager_.add<Card>();
            card.add<TextItem>(sec.heading, TextRole::Heading).gapAfter = 0.8f;
            const float plotH = std::round(std::max(7.f * static_cast<float>(th.type.body), ctx_.size.y * 0.2f));
            bindChart(card.add<CustomBlock>(), arc_,
                      [this, plotH](const Theme& t, float w) { return arc_.layout(t, w, plotH); });
            continue;
        }
        if (sec.id == "choices") {
            // A card per person, so each stays whole on its page at any text size.
            for (const auto& p : d_.people) {
                if (p.decisions() == 0) continue;
                auto& card = pager_.add<Card>();
                card.add<TextItem>(couple ? fmt::format("{}'s choices, by theme", p.name) : sec.heading,
                                   TextRole::Heading, couple ? roleColor(th, sc, p.role) : th.color.text)
                    .gapAfter = 0.8f;
                std::vector<BarChart::Row> rows;
                for (attune::Theme t : kThemes) {
                    const auto& counts = p.byTheme[static_cast<std::size_t>(t)];
                    if (counts[0] + counts[1] + counts[2] + counts[3] > 0) rows.push_back({themeLabel(t), counts});
                }
                bars_.push_back(std::make_unique<BarChart>());
                BarChart& bar = *bars_.back();
                bar.set(std::move(rows));
                bar.setLegend(true);
                bindChart(card.add<CustomBlock>(), bar, [&bar](const Theme& t, float w) { return bar.layout(t, w); });
            }
            continue;
        }
        if (sec.id == "replay" && play_.twoMachines()) continue;  // a shared story is not replayed
        if (sec.id == "replay") {
            // One card per moment (at most three), each with its button.
            for (std::size_t i = 0; i < d_.replay.size() && i < 3 && i < sec.lines.size(); ++i) {
                auto& card = pager_.add<Card>();
                card.add<TextItem>(i == 0 ? sec.heading : "Another moment", TextRole::Heading).gapAfter = 0.6f;
                card.add<TextItem>(sec.lines[i].text, TextRole::Small).gapAfter = 0.8f;
                auto& row = card.add<ButtonRow>();
                row.add("Replay this moment", std::to_string(i + 1), Button::Kind::Secondary, static_cast<int>(i))
                    .setCompact(true);
                replayRows_.push_back(&row);
            }
            continue;
        }
        const sf::Color tint = sec.id == "strengths"      ? th.color.secure
                               : sec.id == "practice"     ? th.color.accent
                               : sec.id == "coregulation" ? th.color.inside
                               : sec.id == "shutdown"     ? th.color.shutdown
                                                          : th.color.text;
        // A card per line, the heading in the first, so that no card outgrows a page at the largest text size.
        for (std::size_t i = 0; i < sec.lines.size(); ++i) {
            auto& card = sec.id == "lens" ? pager_.add<Card>() : pager_.add<Card>(tint);
            if (i == 0 && !sec.heading.empty())
                card.add<TextItem>(sec.heading, TextRole::Heading, tint).gapAfter = 0.6f;
            card.add<TextItem>(sec.lines[i].text, sec.id == "lens" ? TextRole::Muted : TextRole::Small).gapAfter = 0.4f;
        }
    }
}

std::vector<Button*> DebriefScreen::footer() {
    std::vector<Button*> out;
    out.reserve(8);
    if (pager_.pages() > 1) out.insert(out.end(), {&pagePrev_, &pageNext_});
    out.push_back(&saveBtn_);
    if (ctx_.settings.coaching != feedback::Coaching::Off) out.push_back(&lookBtn_);
    if (!play_.twoMachines()) out.push_back(&againBtn_);
    out.push_back(&libraryBtn_);
    return out;
}

std::vector<const Button*> DebriefScreen::footer() const {
    std::vector<const Button*> out;
    out.reserve(8);
    if (pager_.pages() > 1) out.insert(out.end(), {&pagePrev_, &pageNext_});
    out.push_back(&saveBtn_);
    if (ctx_.settings.coaching != feedback::Coaching::Off) out.push_back(&lookBtn_);
    if (!play_.twoMachines()) out.push_back(&againBtn_);
    out.push_back(&libraryBtn_);
    return out;
}

std::vector<Button*> DebriefScreen::focusable() {
    std::vector<Button*> out = pager_.buttons();
    for (Button* b : footer()) out.push_back(b);
    return out;
}

void DebriefScreen::layout() {
    const Theme& th = ctx_.theme;
    const Scenario& sc = play_.session().scenario();
    fill();
    const float m = th.margin;
    const float w = ctx_.size.x - 2 * m;
    float y = std::round(m * 0.7f);
    scenario_.set(sc.title, th.look(th.type.small, th.color.muted, true));
    y += scenario_.wrap(w) + std::round(0.3f * th.unit);
    scenario_.setPosition({m, std::round(m * 0.7f)});
    kind_.set(d_.endingKind == EndingKind::Secure  ? "A secure ending"
              : d_.endingKind == EndingKind::Mixed ? "A mixed ending"
                                                   : "A rupture, for now",
              endingColor(th, d_.endingKind), true);
    const sf::Vector2f ks = kind_.layout(th, th.type.small);
    title_.set(d_.endingTitle.empty() ? "Where it stopped" : d_.endingTitle, lookFor(th, TextRole::Display));
    const float titleW = std::min(title_.naturalWidth() + 1.f, w - ks.x - 2 * th.unit);
    title_.wrap(titleW);
    title_.setPosition({m, y});
    kind_.setPosition({m + title_.width() + 1.5f * th.unit, y + std::round((title_.lineHeight() - ks.y) / 2)});
    y += title_.height() + std::round(0.3f * th.unit);
    const feedback::Section* ending = d_.section("ending");
    const std::string subtitle = ending && !ending->lines.empty() ? ending->lines.front().text : std::string();
    subtitle_.set(subtitle, th.look(th.type.body, th.color.muted));
    y += subtitle_.wrap(w) + std::round(1.4f * th.unit);
    subtitle_.setPosition({m, y - subtitle_.height() - std::round(1.4f * th.unit)});

    // Footer first: the pages get what is left.
    for (Button* b : {&saveBtn_, &lookBtn_, &againBtn_, &libraryBtn_, &pagePrev_, &pageNext_}) b->layout(th, w / 3);
    const float gap = std::round(0.8f * th.unit);
    const float bh = libraryBtn_.size().y;
    const float bottom = ctx_.size.y - std::round(m * 0.7f);
    status_.set(ctx_.notice, th.look(th.type.small, th.color.secure));
    const float statusH = ctx_.notice.empty() ? 0.f : status_.wrap(w) + std::round(0.6f * th.unit);
    auto widthOf = [&](const std::vector<Button*>& bs) {
        float s = 0;
        for (Button* b : bs) s += b->size().x + gap;
        return s;
    };
    std::vector<Button*> actions;
    actions.reserve(4);
    actions.push_back(&saveBtn_);
    if (ctx_.settings.coaching != feedback::Coaching::Off) actions.push_back(&lookBtn_);
    if (!play_.twoMachines()) actions.push_back(&againBtn_);
    actions.push_back(&libraryBtn_);
    const float navW = widthOf({&pagePrev_, &pageNext_}) + 8.f * static_cast<float>(th.type.caption);
    const bool twoRows = widthOf(actions) + navW > w;
    float footTop = bottom - bh - (twoRows ? bh + gap : 0.f);
    sf::FloatRect area{m, y, w, footTop - statusH - std::round(1.2f * th.unit) - y};
    pager_.layout(th, area, Pager::columnsFor(th, w, 22.f), true);
    if (pager_.pages() == 1 && twoRows) {  // no page buttons needed: one row is enough
        footTop = bottom - bh;
        area.height = footTop - statusH - std::round(1.2f * th.unit) - y;
        pager_.layout(th, area, Pager::columnsFor(th, w, 22.f), true);
    }
    if (!ctx_.notice.empty()) status_.setPosition({m, footTop - statusH});
    float rx = m + w;
    const float ry = bottom - bh;
    for (std::size_t i = actions.size(); i-- > 0;) {
        rx -= actions[i]->size().x;
        actions[i]->setPosition({rx, ry + std::round((bh - actions[i]->size().y) / 2)});
        rx -= gap;
    }
    pageLabel_.set(pager_.pages() > 1 ? fmt::format("Page {} of {}", pager_.page() + 1, pager_.pages()) : "",
                   th.look(th.type.caption, th.color.muted));
    if (pager_.pages() > 1) {
        const float ny = twoRows ? footTop : ry;
        pagePrev_.setPosition({m, ny + std::round((bh - pagePrev_.size().y) / 2)});
        pageNext_.setPosition({m + pagePrev_.size().x + gap, ny + std::round((bh - pageNext_.size().y) / 2)});
        pageLabel_.wrap(8.f * static_cast<float>(th.type.caption));
        pageLabel_.setPosition(
            {pageNext_.rect().left + pageNext_.size().x + gap, ny + std::round((bh - pageLabel_.height()) / 2)});
        pagePrev_.setEnabled(pager_.page() > 0);
        pageNext_.setEnabled(pager_.page() + 1 < pager_.pages());
    }
    focus_.set(focusable());
}

fs::path DebriefScreen::reportFolder() {
    std::error_code ec;
    if (const char* d = std::getenv("XDG_DOCUMENTS_DIR"); d && *d) return fs::path(d) / "Attune";
    const char* home = std::getenv("HOME");
    if (home && *home && fs::is_directory(fs::path(home) / "Documents", ec))
        return fs::path(home) / "Documents" / "Attune";
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "attune" / "reports";
    if (home && *home) return fs::path(home) / ".local" / "share" / "attune" / "reports";
    return fs::path("attune-reports");
}

fs::path DebriefScreen::saveReport() {
    const fs::path dir = reportFolder();
    std::error_code ec;
    fs::create_directories(dir, ec);
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &local);
    const std::string stem = fmt::format("{}-{}", play_.session().scenario().id, stamp);
    const fs::path md = dir / (stem + ".md"), html = dir / (stem + ".html");
    const auto write = [](const fs::path& f, const std::string& text) {
        std::ofstream out(f, std::ios::binary);
        out << text;
        out.close();  // a full disk shows up on close
        return static_cast<bool>(out);
    };
    const bool written = !ec && write(md, feedback::reportMarkdown(d_)) && write(html, feedback::reportHtml(d_));
    if (!written) {
        ctx_.notice = fmt::format("The report could not be saved in {}.", homeShort(dir.string()));
        layout();
        return {};
    }
    ctx_.notice = fmt::format("Saved to {} (and the same as .html, to open in a browser).", homeShort(md.string()));
    layout();
    return md;
}

void DebriefScreen::replay(std::size_t moment) {
    if (moment >= d_.replay.size() || play_.twoMachines()) return;
    const int step = d_.replay[moment].step;
    PlayScreen& play = play_;
    ctx_.notice.clear();
    ctx_.stack.pop();
    ctx_.stack.later([&play, step] { play.replayFrom(step); });
}

void DebriefScreen::lookBack() {
    std::vector<feedback::ChoiceFeedback> cards;
    for (auto& c : feedback::explainAll(play_.session(), ctx_.patterns))
        if (!c.byDefault && (!play_.twoMachines() || c.role == play_.localRole())) cards.push_back(std::move(c));
    if (cards.empty()) return;
    PlayScreen& play = play_;
    Context& ctx = ctx_;
    CoachScreen::TryFn tryIt;
    if (!play_.twoMachines())
        tryIt = [&ctx, &play](int step, int choice) {
            ctx.notice.clear();
            ctx.stack.pop();  // the card
            ctx.stack.pop();  // the debrief
            ctx.stack.later([&play, step, choice] { play.replayFrom(step, choice); });
        };
    ctx_.stack.push(
        std::make_unique<CoachScreen>(ctx_, play_.session().scenario(), std::move(cards), 0, std::move(tryIt)));
}

void DebriefScreen::playAgain() {
    if (play_.twoMachines()) return;
    PlayScreen& play = play_;
    Context& ctx = ctx_;
    play_.leaveDebrief([&ctx, &play] {
        ctx.notice.clear();
        ctx.stack.pop();
        ctx.stack.later([&play] { play.restart(); });
    });
}

void DebriefScreen::toLibrary() {
    Context& ctx = ctx_;
    play_.leaveDebrief([&ctx] {
        ctx.notice.clear();
        ctx.stack.replace(std::make_unique<LibraryScreen>(ctx));
    });
}

void DebriefScreen::handle(const sf::Event& e) {
    if (focus_.handle(e)) return;
    auto press = [this](Button* b) {
        if (!b) return;
        if (b == &saveBtn_)
            saveReport();
        else if (b == &lookBtn_)
            lookBack();
        else if (b == &againBtn_)
            playAgain();
        else if (b == &libraryBtn_)
            toLibrary();
        else if (b == &pagePrev_ && pager_.previous())
            layout();
        else if (b == &pageNext_ && pager_.next())
            layout();
        else
            for (ButtonRow* row : replayRows_)
                if (const int id = row->idOf(b); id >= 0) replay(static_cast<std::size_t>(id));
    };
    if (auto p = pointer(e)) {
        Button* hit = hover(focusable(), *p);
        if (leftClick(e)) press(hit);
        return;
    }
    if (e.type == sf::Event::MouseWheelScrolled) {
        if (e.mouseWheelScroll.delta > 0 ? pager_.previous() : pager_.next()) layout();
        return;
    }
    if (const int k = numberKey(e); k >= 0) return replay(static_cast<std::size_t>(k));
    if (e.type != sf::Event::KeyPressed) return;
    switch (e.key.code) {
        case sf::Keyboard::Enter:
        case sf::Keyboard::Space:
            press(focus_.current());
            break;
        case sf::Keyboard::S:
            saveReport();
            break;
        case sf::Keyboard::L:
            if (ctx_.settings.coaching != feedback::Coaching::Off) lookBack();
            break;
        case sf::Keyboard::P:
            playAgain();
            break;
        case sf::Keyboard::Escape:
            press(&libraryBtn_);
            break;
        case sf::Keyboard::PageDown:
        case sf::Keyboard::Down:
        case sf::Keyboard::Right:
            if (pager_.next()) layout();
            break;
        case sf::Keyboard::PageUp:
        case sf::Keyboard::Up:
        case sf::Keyboard::Left:
            if (pager_.previous()) layout();
            break;
        default:
            break;
    }
}

void DebriefScreen::draw(sf::RenderTarget& target) const {
    scenario_.draw(target);
    title_.draw(target);
    if (!d_.endingNode.empty()) kind_.draw(target);  // no badge where the story only stopped
    subtitle_.draw(target);
    pager_.draw(target);
    if (!ctx_.notice.empty()) status_.draw(target);
    if (pager_.pages() > 1) pageLabel_.draw(target);
    for (const Button* b : footer()) b->draw(target);
}

std::vector<Box> DebriefScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "scenario", scenario_.bounds());
    addBox(out, "ending title", title_.bounds());
    if (!d_.endingNode.empty()) kind_.boxes(out, "ending kind");
    addBox(out, "subtitle", subtitle_.bounds());
    pager_.boxes(out, -1);
    if (!ctx_.notice.empty()) addBox(out, "status", status_.bounds());
    if (pager_.pages() > 1) addBox(out, "page label", pageLabel_.bounds());
    for (const Button* b : footer()) b->boxes(out, "button " + b->label());
    return out;
}

}  // namespace attune::ui
