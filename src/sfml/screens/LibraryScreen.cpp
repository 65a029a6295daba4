#include "sfml/screens/LibraryScreen.hpp"

#include "sfml/screens/TogetherScreens.hpp"
#include "sfml/screens/MachinesScreens.hpp"
#include "sfml/screens/ResumeScreen.hpp"

#include "sfml/screens/AboutScreen.hpp"
#include "sfml/screens/DiagnosticsScreen.hpp"
#include "core/util/Text.hpp"

#include "core/run/Script.hpp"
#include "sfml/screens/PlayScreen.hpp"
#include "sfml/screens/ProgressScreen.hpp"
#include "sfml/screens/ToolboxScreen.hpp"
#include "sfml/screens/SettingsScreen.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace attune::ui {
namespace {

std::string themesOf(const Scenario& s) {
    std::string out;
    for (attune::Theme t : s.themes) out += (out.empty() ? "" : ", ") + themeLabel(t);
    return out;
}

const char* difficultyWord(int d) { return d <= 1 ? "Gentle" : d == 2 ? "Moderate" : "Demanding"; }

}  // namespace

LibraryScreen::LibraryScreen(Context& ctx, std::string selectId) : Screen(ctx), want_(std::move(selectId)) {
    chips_.emplace_back("All themes", "", Button::Kind::Chip);
    for (attune::Theme t : kThemes) chips_.emplace_back(themeLabel(t), "", Button::Kind::Chip);
    settingsBtn_.set("Settings", "S", Button::Kind::Secondary);
    settingsBtn_.setCompact(true);
    aboutBtn_.set("About and safety", "A", Button::Kind::Secondary);
    aboutBtn_.setCompact(true);
    joinBtn_.set("Join a partner", "J", Button::Kind::Secondary);
    joinBtn_.setCompact(true);
    toolboxBtn_.set("Toolbox", "B", Button::Kind::Secondary);
    toolboxBtn_.setCompact(true);
    progressBtn_.set("Progress", "P", Button::Kind::Secondary);
    progressBtn_.setCompact(true);
    aloneBtn_.set("Play alone", "Enter", Button::Kind::Primary);
    togetherBtn_.set("Play together", "T", Button::Kind::Secondary);
    hostBtn_.set("On two machines", "M", Button::Kind::Secondary);
    pagePrev_.set("Back", "PgUp", Button::Kind::Secondary);
    pageNext_.set("More", "PgDn", Button::Kind::Secondary);
    pagePrev_.setCompact(true);
    pageNext_.setCompact(true);
    collect();
}

void LibraryScreen::collect() {
    const std::string keep = !want_.empty() ? want_ : selected_ < rows_.size() ? rows_[selected_].scenario->id : "";
    want_.clear();
    rows_.clear();
    const std::map<std::string, Journal::Progress> progress =
        ctx_.journal ? ctx_.journal->allProgress(ctx_.profile) : std::map<std::string, Journal::Progress>{};
    for (const LibraryEntry& e : ctx_.library.entries()) {
        const Scenario& s = e.meta;
        if (filter_ > 0 && std::find(s.themes.begin(), s.themes.end(), kThemes[filter_ - 1]) == s.themes.end())
            continue;
        Row r;
        r.scenario = &s;
        if (const auto found = progress.find(s.id); found != progress.end()) {
            const Journal::Progress& p = found->second;
            r.completed = p.completed();
            if (r.completed) {
                r.found = p.endingsFound.size();
                r.endings = e.endings.size();
                std::vector<std::string> titles;
                for (const auto& [id, title] : e.endings)
                    if (std::find(p.endingsFound.begin(), p.endingsFound.end(), id) != p.endingsFound.end())
                        titles.push_back(title);
                r.progress = fmt::format("{} of {} endings found", p.endingsFound.size(), e.endings.size());
                if (!titles.empty()) {
                    std::string list;
                    for (const auto& t : titles) list += (list.empty() ? "" : ", ") + t;
                    r.progress += ": " + list;
                }
                r.progress += fmt::format(". Played {}.", p.plays == 1   ? "once"
                                                          : p.plays == 2 ? "twice"
                                                                         : fmt::format("{} times", p.plays));
            }
        }
        rows_.push_back(std::move(r));
    }
    selected_ = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].scenario->id == keep) selected_ = i;
}

std::vector<std::string> LibraryScreen::shownIds() const {
    std::vector<std::string> out;
    for (const auto& r : rows_) out.push_back(r.scenario->id);
    return out;
}

void LibraryScreen::resumed() {
    collect();  // progress may have changed
    layout();
}

void LibraryScreen::layout() {
    const Theme& th = ctx_.theme;
    float y = std::round(th.margin * 0.7f);
    layoutHeader(y);
    const float m = th.margin;
    const float w = ctx_.size.x - 2 * m;
    // The footer: the care line, and the keys.
    footer_.set("If you are not safe at home, About and safety (A) lists where to find help.",
                th.look(th.type.caption, th.color.faint));
    keys_.set(
        "↑ ↓ choose  ·  ← → theme  ·  Enter play  ·  T together  ·  M two machines  ·  B toolbox  ·  "
        "P progress  ·  Esc quit",
        th.look(th.type.caption, th.color.muted));
    const float bottom = ctx_.size.y - std::round(m * 0.6f);
    const float keysW = keys_.naturalWidth() + 1.f;
    // The keys sit beside the care line when it then needs no more than two lines; else they stack.
    bool oneLine = keysW + 3 * th.unit + 20.f * static_cast<float>(th.type.caption) <= w;
    if (oneLine) {
        footer_.wrap(w - keysW - 3 * th.unit);
        oneLine = footer_.lineCount() <= 2;
    }
    keys_.wrap(oneLine ? keysW : w);
    footer_.wrap(oneLine ? w - keysW - 3 * th.unit : w);
    const float footH = oneLine ? std::max(keys_.height(), footer_.height())
                                : keys_.height() + footer_.height() + std::round(0.4f * th.unit);
    footer_.setPosition({m, bottom - footH});
    keys_.setPosition(oneLine ? sf::Vector2f(m + w - keys_.width(), bottom - footH)
                              : sf::Vector2f(m, bottom - keys_.height()));
    const float top = y + std::round(1.2f * th.unit);
    const float areaH = bottom - footH - std::round(1.2f * th.unit) - top;
    const float listW =
        std::round(std::clamp(w * 0.4f, std::min(w * 0.5f, 16.f * static_cast<float>(th.type.body)), w * 0.46f));
    listArea_ = {m, top, listW, areaH};
    detailArea_ = {m + listW + std::round(2.f * th.unit), top, w - listW - std::round(2.f * th.unit), areaH};
    layoutList(listArea_);
    layoutDetail(detailArea_);
    focus_.set(buttons());
}

void LibraryScreen::layoutHeader(float& y) {
    const Theme& th = ctx_.theme;
    const float m = th.margin, w = ctx_.size.x - 2 * m;
    brand_.set("Attune", lookFor(th, TextRole::Display));
    brand_.wrap(w / 2);
    // The header's buttons, side by side at the right.
    const float bgap = std::round(0.6f * th.unit);
    sf::Vector2f ss{0, 0};
    for (Button* b : headerButtons()) {
        const sf::Vector2f bs = b->layout(th, w / 4);
        ss.x += bs.x + (ss.x > 0 ? bgap : 0);
        ss.y = std::max(ss.y, bs.y);
    }
    tagline_.set("Practise secure communication, one conversation at a time.", th.look(th.type.body, th.color.muted));
    const float tagRoom = w - brand_.width() - ss.x - 4 * th.unit;
    const bool beside = tagline_.naturalWidth() <= tagRoom;
    tagline_.wrap(beside ? tagRoom : w);  // below the brand and the buttons, the whole width is free
    brand_.setPosition({m, y});
    float bx = m + w - ss.x;
    for (Button* b : headerButtons()) {
        b->setPosition({bx, y + std::round((brand_.height() - b->size().y) / 2)});
        bx += b->size().x + bgap;
    }
    if (beside) {
        // On the brand's baseline, so the two read as one line (see TextBlock::placeLines for the inset).
        const float d = static_cast<float>(th.type.display), b = static_cast<float>(th.type.body);
        const float brandBase = std::round((brand_.lineHeight() - 1.2f * d) / 2) + d;
        const float tagBase = std::round((tagline_.lineHeight() - 1.2f * b) / 2) + b;
        tagline_.setPosition({m + brand_.width() + 2 * th.unit, y + brandBase - tagBase});
        y += brand_.height();
    } else {
        y += brand_.height();
        tagline_.setPosition({m, y});
        y += tagline_.height();
    }
    y += std::round(1.1f * th.unit);
    // Theme filters: chips that wrap onto a second row when they must.
    float x = m, rowH = 0;
    const float gap = std::round(0.6f * th.unit);
    for (std::size_t i = 0; i < chips_.size(); ++i) {
        const sf::Vector2f s = chips_[i].layout(th, w);
        if (x > m && x + s.x > m + w) {
            x = m;
            y += rowH + gap;
            rowH = 0;
        }
        chips_[i].setPosition({x, y});
        chips_[i].setSelected(i == filter_);
        x += s.x + gap;
        rowH = std::max(rowH, s.y);
    }
    y += rowH;
}

void LibraryScreen::layoutList(const sf::FloatRect& area) {
    const Theme& th = ctx_.theme;
    const float pad = std::round(1.1f * th.unit);
    std::vector<float> heights;
    for (Row& r : rows_) {
        const Scenario& s = *r.scenario;
        // Completed: a tick and how many endings were found, e.g. "✓ 2 of 4".
        r.tick.set(r.completed ? fmt::format("✓ {} of {}", r.found, r.endings) : "",
                   th.look(th.type.small, th.color.secure, true));
        float tickW = 0;
        if (r.completed) {
            r.tick.wrap(r.tick.naturalWidth() + 1.f);
            tickW = r.tick.width() + th.unit;
        }
        r.title.set(s.title, th.look(th.type.body, th.color.text, true));
        r.meta.set(fmt::format("{} · {} min", themesOf(s), s.minutes), th.look(th.type.caption, th.color.muted));
        const float inner = area.width - 2 * pad;
        const float h = r.title.wrap(inner - tickW) + std::round(0.2f * th.unit) + r.meta.wrap(inner);
        r.rect = {area.left, 0, area.width, std::round(h + 2 * pad)};
        heights.push_back(r.rect.height);
    }
    empty_.set(rows_.empty() ? "No scenarios with this theme yet." : "", th.look(th.type.body, th.color.muted));
    empty_.wrap(area.width);
    empty_.setPosition({area.left, area.top});
    const float gap = std::round(0.6f * th.unit);
    scroll_.setItems(heights, gap, area.height);
    more_.set("", {});
    if (scroll_.canDown() || scroll_.canUp()) {
        more_.set("More below: ↓", th.look(th.type.caption, th.color.faint));
        const float mh = more_.wrap(area.width);
        scroll_.setItems(heights, gap, area.height - mh - gap);
        more_.setPosition({area.left, area.top + area.height - mh});
    }
    placeRows();
}

void LibraryScreen::placeRows() {
    const Theme& th = ctx_.theme;
    const float pad = std::round(1.1f * th.unit);
    scroll_.reveal(selected_);
    if (!more_.empty()) {
        const char* hint = scroll_.canUp() && scroll_.canDown() ? "More above and below: ↑ ↓"
                           : scroll_.canUp()                    ? "More above: ↑"
                                                                : "More below: ↓";
        more_.set(hint, th.look(th.type.caption, th.color.faint));
        more_.wrap(listArea_.width);
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        Row& r = rows_[i];
        if (!scroll_.shown(i)) continue;
        r.rect.top = listArea_.top + scroll_.offset(i);
        const bool sel = i == selected_;
        r.shape = roundRect(r.rect, th.radius, sel ? th.color.raised : th.color.surface,
                            sel ? th.color.accent : (th.contrast ? th.color.border : th.color.surface),
                            sel ? std::max(2.f, th.border) : th.border);
        r.title.setPosition({r.rect.left + pad, r.rect.top + pad});
        if (r.completed) r.tick.setPosition({r.rect.left + r.rect.width - pad - r.tick.width(), r.rect.top + pad});
        r.meta.setPosition({r.rect.left + pad, r.rect.top + pad + r.title.height() + std::round(0.2f * th.unit)});
    }
}

void LibraryScreen::layoutDetail(const sf::FloatRect& area) {
    const Theme& th = ctx_.theme;
    detailPanel_ = panel(th, area);
    detail_.clear();
    if (rows_.empty()) return;
    const Row& r = rows_[selected_];
    const Scenario& s = *r.scenario;
    const float pad = std::round(2.f * th.unit);
    const sf::FloatRect inner{area.left + pad, area.top + pad, area.width - 2 * pad, area.height - 2 * pad};
    detail_.add<TextItem>(s.title, TextRole::Title).gapAfter = 0.6f;
    auto& tags = detail_.add<BadgeRow>();
    for (attune::Theme t : s.themes) tags.add(themeLabel(t), th.color.muted, false);
    tags.gapAfter = 1.f;
    detail_.add<TextItem>(s.summary, TextRole::Reading).gapAfter = 1.1f;
    std::string facts = fmt::format("About {} minutes · {}", s.minutes, difficultyWord(s.difficulty));
    detail_.add<TextItem>(facts, TextRole::Muted).gapAfter = 0.4f;
    if (!s.signs.empty()) {
        std::string signs;
        for (const auto& sign : s.signs) signs += (signs.empty() ? "" : ", ") + signPhrase(sign);
        detail_.add<TextItem>("Practises: " + signs, TextRole::Muted).gapAfter = 0.4f;
    }
    detail_
        .add<TextItem>(r.completed ? r.progress : "Not played yet.", TextRole::Muted,
                       r.completed ? th.color.secure : th.color.muted)
        .gapAfter = 1.2f;
    const Role* player = s.role(s.player);
    const std::string me = player ? player->name : s.player;
    if (s.roles.size() > 1) {
        const Role& other = s.roles[0].id == s.player ? s.roles[1] : s.roles[0];
        detail_
            .add<TextItem>(fmt::format("Alone, you play {} and the story answers as {}. Together, one of you plays {} "
                                       "and the other {}, taking turns at one screen, or each on your own machine.",
                                       me, other.name, me, other.name),
                           TextRole::Small)
            .gapAfter = 0.9f;
    }
    togetherBtn_.setEnabled(s.roles.size() > 1);
    hostBtn_.setEnabled(s.roles.size() > 1);
    const float gap = std::round(0.8f * th.unit);
    // The buttons flow in rows at the bottom of the panel.
    std::vector<std::vector<Button*>> lines(1);
    float lineW = 0;
    for (Button* b : {&aloneBtn_, &togetherBtn_, &hostBtn_}) {
        const sf::Vector2f bs = b->layout(th, inner.width);
        if (!lines.back().empty() && lineW + gap + bs.x > inner.width) {
            lines.emplace_back();
            lineW = 0;
        }
        lineW += (lines.back().empty() ? 0 : gap) + bs.x;
        lines.back().push_back(b);
    }
    float buttonsH = 0;
    for (const auto& line : lines) {
        float h = 0;
        for (Button* b : line) h = std::max(h, b->size().y);
        buttonsH += h + (buttonsH > 0 ? gap : 0);
    }
    const float by = inner.top + inner.height - buttonsH;
    float ly = by;
    for (const auto& line : lines) {
        float lx = inner.left, h = 0;
        for (Button* b : line) {
            b->setPosition({lx, ly});
            lx += b->size().x + gap;
            h = std::max(h, b->size().y);
        }
        ly += h + gap;
    }
    pagePrev_.layout(th, inner.width / 3);
    pageNext_.layout(th, inner.width / 3);
    sf::FloatRect text{inner.left, inner.top, inner.width, by - std::round(1.2f * th.unit) - inner.top};
    detail_.layout(th, text, 1);
    pageLabel_.set("", {});
    if (detail_.pages() > 1) {
        // Room for the page buttons under the text.
        const float ph = std::max(pagePrev_.size().y, pageNext_.size().y);
        text.height -= ph + gap;
        detail_.layout(th, text, 1);
        const float py = text.top + text.height + gap;
        pagePrev_.setPosition({inner.left, py});
        pageNext_.setPosition({inner.left + pagePrev_.size().x + gap, py});
        pageLabel_.set(fmt::format("Page {} of {}", detail_.page() + 1, detail_.pages()),
                       th.look(th.type.caption, th.color.muted));
        pageLabel_.wrap(inner.width / 3);
        pageLabel_.setPosition(
            {pageNext_.rect().left + pageNext_.size().x + gap, py + std::round((ph - pageLabel_.height()) / 2)});
        pagePrev_.setEnabled(detail_.page() > 0);
        pageNext_.setEnabled(detail_.page() + 1 < detail_.pages());
    }
}

std::vector<Button*> LibraryScreen::buttons() {
    // With a theme filter that matches nothing there is nothing to play.
    std::vector<Button*> out;
    if (!rows_.empty()) out = {&aloneBtn_, &togetherBtn_, &hostBtn_};
    if (detail_.pages() > 1) out.insert(out.end(), {&pagePrev_, &pageNext_});
    for (Button* b : headerButtons()) out.push_back(b);
    for (auto& c : chips_) out.push_back(&c);
    return out;
}

std::vector<const Button*> LibraryScreen::buttons() const {
    std::vector<const Button*> out;
    if (!rows_.empty()) out = {&aloneBtn_, &togetherBtn_, &hostBtn_};
    if (detail_.pages() > 1) out.insert(out.end(), {&pagePrev_, &pageNext_});
    for (const Button* b : headerButtons()) out.push_back(b);
    for (const auto& c : chips_) out.push_back(&c);
    return out;
}

void LibraryScreen::setFilter(std::size_t f) {
    filter_ = std::min(f, chips_.size() - 1);
    collect();
    layout();
}

void LibraryScreen::select(std::size_t i) {
    if (rows_.empty()) return;
    selected_ = std::min(i, rows_.size() - 1);
    detail_.setPage(0);
    placeRows();
    layoutDetail(detailArea_);
    focus_.set(buttons());
}

/// The whole story of the selected row, loaded now; null (with its errors shown) when the
/// file stopped loading after the library was read.
const Scenario* LibraryScreen::opened() {
    if (rows_.empty()) return nullptr;
    const std::string id = rows_[selected_].scenario->id;
    std::string error;
    Diagnostics diags("");
    if (const Scenario* s = ctx_.library.open(id, error, &diags)) return s;
    const LibraryEntry* e = ctx_.library.find(id);
    auto panel = std::make_unique<DiagnosticsScreen>(ctx_, e ? e->file.string() : id, std::move(diags),
                                                     text::timeOfDay(), false);
    panel->fromLibrary();
    ctx_.stack.push(std::move(panel));
    return nullptr;
}

void LibraryScreen::play(bool together) {
    const Scenario* full = opened();
    if (!full) return;
    const Scenario& s = *full;
    if (together && s.roles.size() < 2) return;
    if (together) return ctx_.stack.replace(std::make_unique<TogetherScreen>(ctx_, s));
    // A playthrough left half-way is offered first.
    if (ctx_.journal && ctx_.recordPlays)
        if (auto left = ctx_.journal->unfinished(s.id, ctx_.profile, {"solo"}))
            return ctx_.stack.replace(std::make_unique<ResumeScreen>(ctx_, s, std::move(*left), playedRoles(s, true)));
    startPlay(ctx_, std::make_unique<PlayScreen>(ctx_, s, playedRoles(s, true)));
}

void LibraryScreen::host() {
    const Scenario* full = opened();
    if (!full) return;
    const Scenario& s = *full;
    if (s.roles.size() < 2) return;
    const LibraryEntry* e = ctx_.library.find(rows_[selected_].scenario->id);
    ctx_.stack.replace(
        std::make_unique<HostScreen>(ctx_, s, e ? e->file : std::filesystem::path(s.file), HostScreen::Preset{}));
}

void LibraryScreen::join() { ctx_.stack.replace(std::make_unique<JoinScreen>(ctx_, JoinScreen::Preset{})); }

void LibraryScreen::handle(const sf::Event& e) {
    if (focus_.handle(e)) return;
    if (auto p = pointer(e)) {
        Button* hit = hover(buttons(), *p);
        if (!leftClick(e)) return;
        if (hit == &aloneBtn_) return play(false);
        if (hit == &togetherBtn_) return play(true);
        if (hit == &hostBtn_) return host();
        if (hit == &joinBtn_) return join();
        if (hit == &toolboxBtn_) return ctx_.stack.push(std::make_unique<ToolboxScreen>(ctx_));
        if (hit == &progressBtn_) return ctx_.stack.push(std::make_unique<ProgressScreen>(ctx_));
        if (hit == &settingsBtn_) return ctx_.stack.push(std::make_unique<SettingsScreen>(ctx_));
        if (hit == &aboutBtn_) return ctx_.stack.push(std::make_unique<AboutScreen>(ctx_));
        if (hit == &pagePrev_ && detail_.previous()) return layoutDetail(detailArea_);
        if (hit == &pageNext_ && detail_.next()) return layoutDetail(detailArea_);
        for (std::size_t i = 0; i < chips_.size(); ++i)
            if (hit == &chips_[i]) return setFilter(i);
        for (std::size_t i = 0; i < rows_.size(); ++i)
            if (scroll_.shown(i) && rows_[i].rect.contains(*p)) return select(i);
        return;
    }
    if (e.type == sf::Event::MouseWheelScrolled) {
        if (e.mouseWheelScroll.delta > 0)
            scroll_.up();
        else
            scroll_.down();
        select(std::clamp(selected_, scroll_.first(), std::max(scroll_.first(), scroll_.last() - 1)));
        return;
    }
    if (e.type != sf::Event::KeyPressed) return;
    switch (e.key.code) {
        case sf::Keyboard::Up:
            if (selected_ > 0) select(selected_ - 1);
            break;
        case sf::Keyboard::Down:
            select(selected_ + 1);
            break;
        case sf::Keyboard::Left:
            setFilter(filter_ == 0 ? chips_.size() - 1 : filter_ - 1);
            break;
        case sf::Keyboard::Right:
            setFilter((filter_ + 1) % chips_.size());
            break;
        case sf::Keyboard::Enter:
        case sf::Keyboard::Space:
            if (Button* f = focus_.current(); f && f != &aloneBtn_) {
                handle(clickOn(*f));
            } else {
                play(false);
            }
            break;
        case sf::Keyboard::T:
            play(true);
            break;
        case sf::Keyboard::M:
            host();
            break;
        case sf::Keyboard::J:
            join();
            break;
        case sf::Keyboard::B:
            ctx_.stack.push(std::make_unique<ToolboxScreen>(ctx_));
            break;
        case sf::Keyboard::P:
            ctx_.stack.push(std::make_unique<ProgressScreen>(ctx_));
            break;
        case sf::Keyboard::S:
            ctx_.stack.push(std::make_unique<SettingsScreen>(ctx_));
            break;
        case sf::Keyboard::A:
            ctx_.stack.push(std::make_unique<AboutScreen>(ctx_));
            break;
        case sf::Keyboard::PageDown:
            if (detail_.next()) layoutDetail(detailArea_);
            break;
        case sf::Keyboard::PageUp:
            if (detail_.previous()) layoutDetail(detailArea_);
            break;
        case sf::Keyboard::Escape:
            ctx_.window.close();
            break;
        default:
            break;
    }
}

void LibraryScreen::draw(sf::RenderTarget& target) const {
    brand_.draw(target);
    tagline_.draw(target);
    drawOpaque(target, detailPanel_);  // first: the play buttons sit on it
    for (const Button* b : buttons())
        if (b != &pagePrev_ && b != &pageNext_) b->draw(target);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (!scroll_.shown(i)) continue;
        target.draw(rows_[i].shape);
        rows_[i].title.draw(target);
        rows_[i].meta.draw(target);
        rows_[i].tick.draw(target);
    }
    empty_.draw(target);
    more_.draw(target);
    detail_.draw(target);
    if (detail_.pages() > 1) {
        pagePrev_.draw(target);
        pageNext_.draw(target);
        pageLabel_.draw(target);
    }
    footer_.draw(target);
    keys_.draw(target);
}

std::vector<Box> LibraryScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "brand", brand_.bounds());
    addBox(out, "tagline", tagline_.bounds());
    settingsBtn_.boxes(out, "settings");
    aboutBtn_.boxes(out, "about");
    joinBtn_.boxes(out, "join");
    toolboxBtn_.boxes(out, "toolbox");
    progressBtn_.boxes(out, "progress");
    for (const auto& c : chips_) c.boxes(out, "chip " + c.label());
    const int list = addBox(out, "list", listArea_);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (!scroll_.shown(i)) continue;
        const int row = addBox(out, "row " + rows_[i].scenario->id, rows_[i].rect, list);
        addBox(out, "row title", rows_[i].title.bounds(), row);
        addBox(out, "row meta", rows_[i].meta.bounds(), row);
        if (rows_[i].completed) addBox(out, "row tick", rows_[i].tick.bounds(), row);
    }
    if (!more_.empty()) addBox(out, "more", more_.bounds(), list);
    if (!empty_.empty()) addBox(out, "empty", empty_.bounds(), list);
    const int detail = addBox(out, "detail", detailArea_);
    detail_.boxes(out, detail);
    if (!rows_.empty()) {
        aloneBtn_.boxes(out, "play alone", detail);
        togetherBtn_.boxes(out, "play together", detail);
        hostBtn_.boxes(out, "two machines", detail);
    }
    if (detail_.pages() > 1) {
        pagePrev_.boxes(out, "back", detail);
        pageNext_.boxes(out, "more", detail);
        addBox(out, "page label", pageLabel_.bounds(), detail);
    }
    addBox(out, "care", footer_.bounds());
    addBox(out, "keys", keys_.bounds());
    return out;
}

}  // namespace attune::ui
