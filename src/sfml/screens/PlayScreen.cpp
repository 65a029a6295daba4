#include "sfml/screens/PlayScreen.hpp"
#include "sfml/screens/GraphScreen.hpp"

#include "sfml/screens/TogetherScreens.hpp"
#include "net/Game.hpp"
#include "sfml/screens/MachinesScreens.hpp"
#include "core/util/Text.hpp"

#include "sfml/screens/StateScreen.hpp"

#include "core/feedback/Feedback.hpp"
#include "core/run/Script.hpp"
#include "sfml/screens/BreatheScreen.hpp"
#include "sfml/screens/CoachScreen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/screens/CheckinScreen.hpp"
#include "sfml/screens/DebriefScreen.hpp"
#include "sfml/screens/ToolboxScreen.hpp"
#include "sfml/screens/HistoryScreen.hpp"
#include "sfml/screens/LibraryScreen.hpp"
#include "sfml/screens/SettingsScreen.hpp"
#include "sfml/widgets/Blocks.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <iostream>

namespace attune::ui {
namespace {
std::size_t u(int i) { return static_cast<std::size_t>(i); }
}  // namespace

namespace {
std::set<std::string> rolesAt(const std::optional<Table>& t, std::set<std::string> played) {
    if (!t) return played;
    std::set<std::string> out;
    for (const Person& p : t->people) out.insert(p.role);
    return out;
}
}  // namespace

PlayScreen::PlayScreen(Context& ctx, const Scenario& s, std::set<std::string> played, std::optional<Table> table)
    : Screen(ctx),
      sc_(s),
      played_(rolesAt(table, std::move(played))),
      run_(table ? Playthrough::borrowing(s, *table) : Playthrough::borrowing(s, played_)),
      session_(run_.session()) {
    init();
}

PlayScreen::PlayScreen(Context& ctx, NetSeat seat)
    : Screen(ctx),
      held_(seat.scenario),
      sc_(*held_),
      played_(rolesAt(seat.run->table(), {})),
      run_(std::move(*seat.run)),
      session_(run_.session()),
      localRole_(seat.localRole) {
    game_ = std::make_unique<net::Game>(run_, localRole_, seat.host, std::move(seat.link), std::move(seat.rejoin));
    init();
    if (seat.script) playNet(std::move(*seat.script));
}

PlayScreen::PlayScreen(Context& ctx, const Scenario& s, Playthrough resumed, long long journalId)
    : Screen(ctx), sc_(s), played_(resumed.session().played()), run_(std::move(resumed)), session_(run_.session()) {
    init(journalId);
}

PlayScreen::PlayScreen(Context& ctx, Playthrough run, std::string watching, std::string note)
    : Screen(ctx),
      held_(run.sharedScenario()),
      sc_(*held_),
      played_(run.session().played()),
      run_(std::move(run)),
      session_(run_.session()),
      watching_(std::move(watching)),
      watchNote_(std::move(note)) {
    init();
}

void PlayScreen::init(std::optional<long long> journalId) {
    // Kept step by step as it happens (an ending counts once the person moves on from it).
    if (ctx_.recordPlays && ctx_.journal)
        recorder_ = std::make_unique<Recorder>(*ctx_.journal, run_, journalId, ctx_.profile);
    for (const Role& r : sc_.roles) {
        const int m = sc_.arousalMeter(r.id);
        if (m < 0 || !sc_.meters[u(m)].show) continue;
        gaugeRoles_.push_back(r.id);
        gauges_.emplace_back();
        gauges_.back().set(r.name, sf::Color::White, session_.meter(m));
    }
    for (std::size_t i = 0; i < sc_.meters.size(); ++i)
        if (sc_.meters[i].show && sc_.meters[i].kind != MeterKind::Arousal) otherMeters_.push_back(static_cast<int>(i));
    breatheBtn_.set("Take a breath", "B", Button::Kind::Secondary);
    historyBtn_.set("History", "H", Button::Kind::Secondary);
    mapBtn_.set("Story map", "G", Button::Kind::Secondary);
    rewindBtn_.set("Rewind", "R", Button::Kind::Secondary);
    settingsBtn_.set("Settings", "S", Button::Kind::Secondary);
    libraryBtn_.set("Library", "Esc", Button::Kind::Secondary);
    for (Button* b : {&breatheBtn_, &historyBtn_, &rewindBtn_, &settingsBtn_, &libraryBtn_, &mapBtn_})
        b->setCompact(true);
    setContent();
}

PlayScreen::Mode PlayScreen::mode() const {
    switch (session_.state()) {
        case Session::State::Line:
            return Mode::Line;
        case Session::State::Decision:
            if (game_ && run_.turn() && !game_->yours()) return Mode::Waiting;
            return session_.isPlayed(session_.chooser()) ? Mode::Decision : Mode::PartnerMove;
        case Session::State::Ending:
            return Mode::Ending;
        case Session::State::Stuck:
            return Mode::Stuck;
    }
    return Mode::Stuck;
}

std::string PlayScreen::roleName(const std::string& role) const {
    const Role* r = sc_.role(role);
    return r ? r->name : role;
}

bool PlayScreen::breatheOffered() const {
    for (const std::string& role : played_) {
        if (game_ && role != localRole_) continue;  // two machines: this person's own body
        const int m = sc_.arousalMeter(role);
        if (m >= 0 && feedback::zoneOf(session_.meter(m)) == feedback::Zone::Above) return true;
    }
    return false;
}

void PlayScreen::setContent() {
    const Mode m = mode();
    shown_ = m == Mode::Decision ? session_.visibleChoices() : std::vector<int>{};
    selected_ = 0;
    choices_.clear();
    for (std::size_t k = 0; k < shown_.size(); ++k)
        choices_.emplace_back(sc_.substitute(session_.node().choices[u(shown_[k])].text),
                              k < 9 ? std::to_string(k + 1) : std::string(),  // only 1-9 are keys
                              Button::Kind::Choice);
    speakerRole_ = m == Mode::Stuck ? std::string() : session_.node().say;
    // The scene set last on the way here (a scene that cannot be shown is a plain background).
    scene_ = nullptr;
    const auto& h = session_.history();
    for (std::size_t i = h.size(); i-- > 0;) {
        const Node& n = sc_.nodes[u(h[i].node)];
        if (n.scene.empty()) continue;
        scene_ = ctx_.images.get(n.sceneFile, Images::Kind::Scene);
        break;
    }
    // The speaker's portrait by their name; at a decision nobody speaks, the chooser's by the question.
    const Role* speaker = speakerRole_.empty() ? nullptr : sc_.role(speakerRole_);
    promptPortrait_ = !speaker && m == Mode::Decision;
    if (promptPortrait_) speaker = sc_.role(session_.chooser());
    portrait_ = speaker ? ctx_.images.get(speaker->portraitFile, Images::Kind::Portrait) : nullptr;
    const bool animate = revealRate(ctx_.settings.reveal) > 0 && !ctx_.still();
    reveal_ = animate ? 0.f : 1e9f;
    for (std::size_t i = 0; i < gauges_.size(); ++i) {
        gauges_[i].setValue(session_.meter(sc_.arousalMeter(gaugeRoles_[i])));
        if (ctx_.still()) gauges_[i].settle();
    }
    // An ending is recorded when the player moves on from it (to the debrief, the
    // library, or by closing the window), not when it is reached: an ending left by
    // rewinding or by trying the secure option was never really played.
    if (m != Mode::Ending) recorded_ = false;
    if (game_ && m == Mode::Ending) game_->leave();  // the other machine reaches the ending by itself
    ctx_.redraw = true;
    layout();
}

std::string PlayScreen::bodyHere() const {
    if (!game_) return run_.privateBody();
    // Two machines: only the lines about this machine's person's own body.
    if (run_.turn()) return session_.chooser() == localRole_ ? session_.bodyFor(localRole_) : std::string();
    return session_.bodyFor(localRole_);
}

void PlayScreen::noticeNet(const std::string& title, const std::string& line) {
    if (netEnded_) return;
    netEnded_ = true;
    Context& c = ctx_;
    ctx_.stack.push(std::make_unique<NoticeScreen>(ctx_, title, line, "Back to the library",
                                                   [&c] { c.stack.replace(std::make_unique<LibraryScreen>(c)); }));
}

void PlayScreen::pumpNet() {
    if (!game_ || netEnded_) return;
    const Table& t = run_.table();
    const int me = t.personFor(localRole_);
    const std::string other = t.call(1 - me, sc_), Other = text::capitalFirst(other);
    for (const net::Game::News n : game_->news()) {
        if (n == net::Game::News::Back) layout();  // words that said the link was down
        if (n != net::Game::News::Lost || mode() == Mode::Ending) continue;
        net::Game* g = game_.get();
        ctx_.stack.push(std::make_unique<NoticeScreen>(
            ctx_, "The connection dropped",
            me == 0  // the host's person is the table's first
                ? fmt::format("Waiting for {} to join again with the same code. The story is paused where it is; "
                              "nothing is lost.",
                              other)
                : fmt::format("Trying to reach {} again. The story is paused where it is; nothing is lost.", other),
            "Leave",
            [this] {
                game_->leave();  // the notice asked already: no second question
                ctx_.stack.replace(std::make_unique<LibraryScreen>(ctx_));
            },
            [g] { return g->connected() || g->gone(); }));
        ctx_.redraw = true;
    }
    // What came is read whatever is in front (so a failure is heard); a settled decision
    // waits until the story is in front again.
    if (!netSettled_)
        if (const auto st = game_->settle()) netSettled_ = std::make_pair(st->choice, st->mirror);
    if (ctx_.stack.top() != this) return;  // a card or a notice is in front: the story waits
    if (netSettled_) {
        const auto [choice, mirror] = *netSettled_;
        netSettled_.reset();
        applyNet(choice, mirror);
        return;
    }
    if (mode() == Mode::Ending) return;
    if (autoNet_ && mode() == Mode::Line) {
        run_.advance();
        setContent();
        return;
    }
    if (autoNet_ && mode() == Mode::Decision && netNext_ < netScript_.size()) {
        std::string why;
        const int c = resolvePick(session_, netScript_[netNext_], why);
        if (c < 0) {
            scriptError_ = fmt::format("pick {} of the script: {}", netNext_ + 1, why);
            autoNet_ = false;
            return;
        }
        ++netNext_;
        game_->offer(c);
        setContent();
        return;
    }
    const std::string kept = recorder_ && recorder_->id() ? "Your steps so far stay in your journal, unfinished."
                                                          : "Nothing from this playthrough is kept.";
    if (!game_->error().empty())
        return noticeNet("The game stopped", fmt::format("{}. {}", text::capitalFirst(game_->error()), kept));
    // The other person left: said once the story needs them (the host says goodbye at the ending,
    // and this machine may still be reading its way there).
    if (game_->left() && mode() == Mode::Waiting)
        noticeNet(fmt::format("{} left", Other), fmt::format("{} left before the end. {}", Other, kept));
}

void PlayScreen::applyNet(int choice, int mirror) {
    const int step = static_cast<int>(session_.history().size()) - 1;
    const Choice& ch = session_.node().choices[u(choice)];
    const bool mine = session_.chooser() == localRole_;
    run_.handOver();
    run_.choose(choice);
    if (autoNet_) {  // nobody here to read a card
        if (run_.awaitingSecondAnswer()) {
            run_.handOver();
            run_.choose(mirror);
        }
        return setContent();
    }
    if (run_.mode() == TogetherMode::Mirror) {
        if (run_.awaitingSecondAnswer()) {
            run_.handOver();
            run_.choose(mirror);
            openStateNotes(Notes::Mine);
            if (ch.breathe) openBreathe(ch.practice);
            openReveal();  // the same two answers on both screens
        } else {
            openStateNotes(Notes::Mine);
            if (ch.breathe) openBreathe(ch.practice);  // the owner's pause, taken by both
        }
    } else {
        openStateNotes(Notes::Mine);
        if (mine && ctx_.settings.coaching == feedback::Coaching::Immediate) openCoachFor(step);
        if (mine && ch.breathe) openBreathe(ch.practice);
    }
    setContent();
}

bool PlayScreen::openReveal() {
    if (run_.rounds().empty()) return false;
    ctx_.stack.push(std::make_unique<RevealScreen>(
        ctx_, sc_, feedback::reveal(session_, ctx_.patterns, run_.table(), run_.rounds().back())));
    return true;
}

void PlayScreen::handOffIfNeeded() {
    if (game_) return;  // each person has a screen of their own
    if (!run_.needsHandoff() || handoffPending_) return;
    handoffPending_ = true;
    const int who = *run_.actor();
    // The screen goes by itself if, by the time it is on top, the turn has changed (a rewind
    // or a replay underneath it); a different person then gets a screen of their own.
    auto wanted = [this, who] { return run_.needsHandoff() && run_.actor() == who; };
    auto ready = [this, who] {
        handoffPending_ = false;
        if (run_.needsHandoff()) {
            if (*run_.actor() == who)
                run_.handOver();
            else
                handOffIfNeeded();
        }
        setContent();
    };
    ctx_.stack.push(std::make_unique<PrivacyScreen>(ctx_, run_.table().call(who, sc_), roleName(session_.chooser()),
                                                    run_.mode() == TogetherMode::Mirror, std::move(wanted),
                                                    std::move(ready)));
}

void PlayScreen::recordEnding() {
    if (recorded_ || !recorder_) return;
    recorded_ = true;
    recorder_->finish();
    if (!recorder_->error().empty())
        std::cerr << "attune: this playthrough was not saved to the journal: " << recorder_->error() << '\n';
}

std::vector<Button*> PlayScreen::barButtons() {
    std::vector<Button*> out;
    if (breatheOffered()) out.push_back(&breatheBtn_);
    if (!watching_.empty()) out.push_back(&mapBtn_);  // authors: the story map
    for (Button* b : {&historyBtn_, &rewindBtn_, &settingsBtn_, &libraryBtn_})
        if (b != &rewindBtn_ || !game_) out.push_back(b);  // two machines: the story is shared, never rewound
    return out;
}

std::vector<const Button*> PlayScreen::barButtons() const {
    std::vector<const Button*> out;
    if (breatheOffered()) out.push_back(&breatheBtn_);
    if (!watching_.empty()) out.push_back(&mapBtn_);
    for (const Button* b : {&historyBtn_, &rewindBtn_, &settingsBtn_, &libraryBtn_})
        if (b != &rewindBtn_ || !game_) out.push_back(b);
    return out;
}

void PlayScreen::placePortrait(float d, sf::Vector2f at, const std::string& role) {
    const Theme& th = ctx_.theme;
    const sf::Vector2u ts = portrait_->getSize();
    const int side = static_cast<int>(std::min(ts.x, ts.y));
    portraitCircle_.setRadius(d / 2);
    portraitCircle_.setPointCount(64);
    portraitCircle_.setTexture(portrait_, true);
    portraitCircle_.setTextureRect({static_cast<int>(ts.x - side) / 2, static_cast<int>(ts.y - side) / 2, side, side});
    portraitCircle_.setOutlineThickness(std::max(1.f, std::round(0.15f * th.unit)));
    portraitCircle_.setOutlineColor(roleColor(th, sc_, role));
    portraitCircle_.setPosition(at);
}

std::string PlayScreen::sceneShown() const {
    if (!scene_) return {};
    const auto& h = session_.history();
    for (std::size_t i = h.size(); i-- > 0;)
        if (const Node& n = sc_.nodes[u(h[i].node)]; !n.scene.empty()) return n.sceneFile;
    return {};
}

void PlayScreen::composeScene() {
    const Theme& th = ctx_.theme;
    if (layerValid_ && layerOf_ == scene_ && layerSize_ == ctx_.size && layerBackground_ == th.color.background &&
        layerVeil_ == sceneVeil_.getFillColor())
        return;
    const auto w = static_cast<unsigned>(ctx_.size.x), h = static_cast<unsigned>(ctx_.size.y);
    layerValid_ = (sceneLayer_.getSize() == sf::Vector2u(w, h)) || sceneLayer_.create(w, h);
    if (!layerValid_) return;
    // Exactly what a frame would draw: the background, the scene, the veil.
    sceneLayer_.clear(th.color.background);
    sceneLayer_.draw(sceneSprite_);
    sceneLayer_.draw(sceneVeil_);
    sceneLayer_.display();
    layerSprite_.setTexture(sceneLayer_.getTexture(), true);
    layerOf_ = scene_;
    layerSize_ = ctx_.size;
    layerBackground_ = th.color.background;
    layerVeil_ = sceneVeil_.getFillColor();
    ++layerComposed_;
}

void PlayScreen::layout() {
    const Theme& th = ctx_.theme;
    if (scene_) {
        // Cover the window, cut to fit; a veil of the background keeps every word readable.
        const sf::Vector2f ts(scene_->getSize());
        const float k = std::max(ctx_.size.x / ts.x, ctx_.size.y / ts.y);
        sceneSprite_.setTexture(*scene_, true);
        sceneSprite_.setScale(k, k);
        sceneSprite_.setPosition({std::round((ctx_.size.x - ts.x * k) / 2), std::round((ctx_.size.y - ts.y * k) / 2)});
        sceneVeil_.setSize(ctx_.size);
        sceneVeil_.setFillColor(alpha(th.color.background, th.contrast ? 235 : 150));
        composeScene();
    } else {
        layerValid_ = false;
    }
    float y = std::round(th.margin * 0.55f);
    layoutBar(y);
    y += std::round(1.4f * th.unit);
    const float inner = ctx_.size.x - 2 * th.margin;
    const float sideW = std::round(
        std::clamp(inner * 0.28f, std::min(inner * 0.4f, 15.f * static_cast<float>(th.type.body)), inner * 0.34f));
    const float gap = std::round(2.5f * th.unit);
    const float bottom = ctx_.size.y - std::round(th.margin * 0.7f);
    sideRect_ = {ctx_.size.x - th.margin - sideW, y, sideW, bottom - y};
    mainArea_ = {th.margin, y, inner - sideW - gap, bottom - y};
    layoutSide(sideRect_);
    layoutMain(mainArea_);
}

void PlayScreen::layoutBar(float& y) {
    const Theme& th = ctx_.theme;
    rewindBtn_.setEnabled(canRewind());
    auto buttons = barButtons();
    float x = ctx_.size.x - th.margin, barH = 0;
    std::vector<float> widths;
    for (Button* b : buttons) {
        const sf::Vector2f s = b->layout(th, ctx_.size.x / 4);
        widths.push_back(s.x);
        barH = std::max(barH, s.y);
    }
    for (std::size_t i = buttons.size(); i-- > 0;) {
        x -= widths[i];
        buttons[i]->setPosition({x, y});
        x -= std::round(0.8f * th.unit);
    }
    title_.set(sc_.title, th.look(th.type.body, th.color.muted, true));
    const float room = x - th.margin - 2 * th.unit;
    titleShown_ = room >= 8.f * static_cast<float>(th.type.body) && title_.naturalWidth() <= room;
    if (titleShown_) {
        title_.wrap(room);
        title_.setPosition({th.margin, y + std::round((barH - title_.height()) / 2)});
    }
    y += barH;
}

void PlayScreen::layoutSide(sf::FloatRect area) {
    const Theme& th = ctx_.theme;
    side_ = panel(th, area);
    const float pad = std::round(1.6f * th.unit);
    const float x = area.left + pad, w = area.width - 2 * pad;
    float y = area.top + pad;
    sideTitle_.set(titleShown_ ? std::string() : sc_.title, th.look(th.type.small, th.color.text, true));
    if (!titleShown_) {
        y += sideTitle_.wrap(w) + th.unit;
        sideTitle_.setPosition({x, area.top + pad});
    }
    sideHeading_.set(gauges_.empty() ? "" : "Nervous systems", lookFor(th, TextRole::Heading));
    if (!gauges_.empty()) {
        sideHeading_.wrap(w);
        sideHeading_.setPosition({x, y});
        y += sideHeading_.height() + 0.8f * th.unit;
    }
    for (std::size_t i = 0; i < gauges_.size(); ++i) {
        gauges_[i].setLabel(roleName(gaugeRoles_[i]), roleColor(th, sc_, gaugeRoles_[i]));
        const float h = gauges_[i].layout(th, w);
        gauges_[i].setPosition({x, y});
        y += h + 1.3f * th.unit;
    }
    meterLabels_.clear();
    meterValues_.clear();
    meterBars_.clear();
    betweenHeading_.set(otherMeters_.empty() ? "" : "Between you", lookFor(th, TextRole::Heading));
    const float limit = area.top + area.height - pad;
    if (!otherMeters_.empty()) {
        betweenHeading_.wrap(w);
        betweenHeading_.setPosition({x, y});
        y += betweenHeading_.height() + 0.7f * th.unit;
    }
    for (int mi : otherMeters_) {
        const Meter& m = sc_.meters[u(mi)];
        std::string label = m.label.empty() ? m.name : m.label;
        if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
        TextBlock value(std::to_string(session_.meter(mi)), th.look(th.type.small, th.color.text, true));
        value.wrap(w / 3);
        TextBlock name(label, th.look(th.type.small, th.color.muted));
        name.wrap(w - value.width() - th.unit);
        name.setPosition({x, y});
        value.setPosition({x + w - value.width(), y});
        y += std::max(name.height(), value.height()) + 0.3f * th.unit;
        const float barH = std::max(4.f, std::round(0.45f * th.unit));
        const float frac =
            m.max > m.min ? static_cast<float>(session_.meter(mi) - m.min) / static_cast<float>(m.max - m.min) : 0.f;
        addRect(meterBars_, {x, std::round(y), w, barH}, th.contrast ? th.color.hover : th.color.raised);
        addRect(meterBars_, {x, std::round(y), std::round(w * frac), barH}, th.color.accent);
        y += barH + 1.1f * th.unit;
        meterLabels_.push_back(std::move(name));
        meterValues_.push_back(std::move(value));
    }
    zonesNote_.set(gauges_.empty() ? ""
                                   : "A way to picture it: between 30 and 70 is the window of tolerance, where "
                                     "thinking and connecting come easier. Above it, fight or flight; below, "
                                     "shutdown. A story device, not a measurement.",
                   th.look(th.type.caption, th.color.faint));
    const float noteH = zonesNote_.empty() ? 0.f : zonesNote_.wrap(w);
    // The note follows the meters when there is room for it; the panel hugs what it holds.
    if (!zonesNote_.empty() && y + 0.4f * th.unit + noteH <= limit) {
        zonesNote_.setPosition({x, std::round(y + 0.4f * th.unit)});
        y += 0.4f * th.unit + noteH + pad;
    } else {
        zonesNote_.setPosition({x, -10000.f});
        y += pad - 1.1f * th.unit;
    }
    sideRect_.height = std::min(area.height, std::round(y - area.top));
    side_ = panel(th, sideRect_);
    // Live reload: what the last save did, under the panel.
    watchTitle_.set(watching_.empty() ? "" : "Watching " + watching_, th.look(th.type.small, th.color.accent, true));
    watchText_.set(watchNote_, th.look(th.type.caption, th.color.muted));
    if (!watching_.empty()) {
        float wy = sideRect_.top + sideRect_.height + th.unit;
        watchTitle_.wrap(area.width);
        watchTitle_.setPosition({area.left, std::round(wy)});
        wy += watchTitle_.height() + 0.3f * th.unit;
        watchText_.wrap(area.width);
        watchText_.setPosition({area.left, std::round(wy)});
    }
}

void PlayScreen::layoutMain(const sf::FloatRect& area) {
    const Theme& th = ctx_.theme;
    const Mode m = mode();
    const float w = std::min(area.width, 36.f * static_cast<float>(th.type.reading));
    const float x = area.left;
    float y = area.top + std::round(0.6f * th.unit);

    speaker_.set(speakerRole_.empty() ? "" : roleName(speakerRole_),
                 th.look(th.type.title, roleColor(th, sc_, speakerRole_), true));
    if (!speaker_.empty() && portrait_) {
        // The portrait in a circle, the name beside it, centred on it.
        const float d = std::round(std::max(3.2f * th.unit, 1.9f * static_cast<float>(th.type.title)));
        placePortrait(d, {x, y}, speakerRole_);
        const float gap = std::round(0.9f * th.unit);
        speaker_.wrap(w - d - gap);
        speaker_.setPosition({x + d + gap, std::round(y + (d - speaker_.height()) / 2)});
        y += std::max(d, speaker_.height()) + std::round(0.6f * th.unit);
    } else if (!speaker_.empty()) {
        speaker_.wrap(w);
        speaker_.setPosition({x, y});
        y += speaker_.height() + std::round(0.3f * th.unit);
    }
    const std::string text =
        m == Mode::Stuck ? fmt::format("The story cannot go on: {}.", session_.stuckReason()) : session_.text();
    line_.set(text, th.look(th.type.reading, th.color.text));
    line_.wrap(w);
    line_.setPosition({x, y});
    y += line_.height() + std::round(1.1f * th.unit);

    body_.set(m == Mode::Stuck ? "" : bodyHere(), th.look(th.type.body, th.color.muted, false, sf::Text::Italic));
    bodyRule_.clear();
    if (!body_.empty()) {
        const float indent = std::round(1.3f * th.unit);
        body_.wrap(w - indent - 4.f);
        body_.setPosition({x + indent, y});
        const sf::Color rule = speakerRole_.empty() ? th.color.border : alpha(roleColor(th, sc_, speakerRole_), 160);
        addRect(bodyRule_, {x, y + 3, std::max(3.f, std::round(3.f * th.scale)), body_.height() - 6}, rule);
        y += body_.height() + std::round(1.3f * th.unit);
    }
    prompt_.set("", {});
    more_.set("", {});
    moveWho_.set("", {});
    moveText_.set("", {});
    moveCard_ = sf::ConvexShape();
    const float bottom = area.top + area.height;

    if (m == Mode::Decision) {
        std::string ask = fmt::format("{}, what do you say?", roleName(session_.chooser()));
        if (game_) {
            const int me = run_.table().personFor(localRole_);
            const std::string& name = run_.table().people[u(me)].name;
            const std::string who = name.empty() ? std::string("Your") : name + ", your";
            ask = run_.mode() == TogetherMode::Mirror
                      ? fmt::format(
                            "{} answer as {}: what would you say? {} answers too, on their own screen; you "
                            "both see the two answers once both are in.",
                            who, roleName(session_.chooser()), text::capitalFirst(run_.table().call(1 - me, sc_)))
                      : fmt::format("{} turn as {}: what do you say?", who, roleName(session_.chooser()));
        } else if (couple() && run_.actor()) {
            // Named: "Maya, your turn as Sam". Unnamed, the hand-off has just said who.
            const std::string& name = run_.table().people[u(*run_.actor())].name;
            const std::string who = name.empty() ? std::string("Your") : name + ", your";
            ask = run_.mode() == TogetherMode::Mirror
                      ? fmt::format("{} answer as {}: what would you say? It stays hidden until you have both picked.",
                                    who, roleName(session_.chooser()))
                      : fmt::format("{} turn as {}: what do you say?", who, roleName(session_.chooser()));
        }
        prompt_.set(ask, th.look(th.type.small, roleColor(th, sc_, session_.chooser()), true));
        if (portrait_ && promptPortrait_) {
            const float d = std::round(std::max(2.6f * th.unit, 2.2f * static_cast<float>(th.type.small)));
            placePortrait(d, {x, y}, session_.chooser());
            const float gap = std::round(0.7f * th.unit);
            prompt_.wrap(w - d - gap);
            prompt_.setPosition({x + d + gap, std::round(y + (d - prompt_.height()) / 2)});
            y += std::max(d, prompt_.height()) + std::round(0.8f * th.unit);
        } else {
            prompt_.wrap(w);
            prompt_.setPosition({x, y});
            y += prompt_.height() + std::round(0.8f * th.unit);
        }
        for (auto& c : choices_) {
            c.setAccent(roleColor(th, sc_, session_.chooser()));
            c.layout(th, w);
        }
        choicesTop_ = y;
        choicesBottom_ = bottom;
        choicesWidth_ = w;
        placeChoices();
        return;
    }

    if (m == Mode::PartnerMove || m == Mode::Ending || m == Mode::Waiting) {
        const Node& node = session_.node();
        const float pad = std::round(1.4f * th.unit);
        if (m == Mode::Waiting) {
            const int me = run_.table().personFor(localRole_);
            const std::string other = text::capitalFirst(run_.table().call(1 - me, sc_));
            const bool answered = game_->answered();
            const bool pause =
                answered && session_.chooser() == localRole_ && session_.node().choices[u(game_->answer())].breathe;
            moveWho_.set(answered ? std::string("Your answer is in")
                                  : fmt::format("{} is choosing, as {}", other, roleName(session_.chooser())),
                         th.look(th.type.small, roleColor(th, sc_, session_.chooser()), true));
            moveText_.set(!answered ? "Their choices stay on their screen. The story goes on here as soon as they pick."
                          : !game_->connected() ? fmt::format("The story goes on once {} is back.", other)
                          : pause ? "A breathing pause, for you both. It starts as soon as the host's machine has it."
                          : run_.mode() == TogetherMode::Mirror
                              ? "Both screens show the two answers side by side once both are in."
                              : "The story goes on as soon as the host's machine has it.",
                          th.look(th.type.reading, th.color.text));
        } else if (m == Mode::PartnerMove) {
            const int d = session_.defaultChoice();
            moveWho_.set(fmt::format("{} answers", roleName(session_.chooser())),
                         th.look(th.type.small, roleColor(th, sc_, session_.chooser()), true));
            moveText_.set(d >= 0 ? sc_.substitute(node.choices[u(d)].text) : "",
                          th.look(th.type.reading, th.color.text));
        } else {
            const Ending& e = *node.ending;
            moveWho_.set(fmt::format("The ending · {}", e.kind == EndingKind::Secure  ? "secure"
                                                        : e.kind == EndingKind::Mixed ? "mixed"
                                                                                      : "a rupture, for now"),
                         th.look(th.type.small, endingColor(th, e.kind), true));
            moveText_.set(sc_.substitute(e.title), th.look(th.type.title, th.color.text, true));
        }
        moveWho_.wrap(w - 2 * pad);
        moveText_.wrap(w - 2 * pad);
        const float h = moveWho_.height() + 0.4f * th.unit + moveText_.height() + 2 * pad;
        const sf::Color edge =
            m == Mode::Ending ? endingColor(th, node.ending->kind) : roleColor(th, sc_, session_.chooser());
        (void)node;
        moveCard_ = roundRect({x, y, w, std::round(h)}, th.radius, th.color.surface,
                              th.contrast ? th.color.border : alpha(edge, 120), std::max(1.5f, th.border));
        moveWho_.setPosition({x + pad, y + pad});
        moveText_.setPosition({x + pad, y + pad + moveWho_.height() + std::round(0.4f * th.unit)});
        y += std::round(h) + std::round(1.3f * th.unit);
        if (m == Mode::Waiting) return;  // nothing to press: the other machine moves it on
    }
    if (m == Mode::Ending)
        continueBtn_.set("See how it went", "Enter", Button::Kind::Primary);
    else if (m == Mode::Stuck)
        continueBtn_.set("Back to the library", "Enter", Button::Kind::Secondary);
    else
        continueBtn_.set("Continue", "Space", Button::Kind::Secondary);
    continueBtn_.layout(th, w);
    continueBtn_.setPosition({x, y});
    continueBtn_.setFocused(true);
}

void PlayScreen::placeChoices() {
    const Theme& th = ctx_.theme;
    std::vector<float> heights;
    for (const auto& c : choices_) heights.push_back(c.size().y);
    const float gap = std::round(0.8f * th.unit);
    const float room = choicesBottom_ - choicesTop_;
    scroll_.setItems(heights, gap, room);
    more_.set("", {});
    if (scroll_.canUp() || scroll_.canDown()) {
        more_.set("More choices: use the arrow keys or the mouse wheel", th.look(th.type.caption, th.color.faint));
        const float mh = more_.wrap(choicesWidth_);
        scroll_.setItems(heights, gap, room - mh - gap);
        more_.setPosition({mainArea_.left, choicesBottom_ - mh});
    }
    scroll_.reveal(selected_);
    for (std::size_t k = 0; k < choices_.size(); ++k)
        choices_[k].setPosition({mainArea_.left, scroll_.shown(k) ? choicesTop_ + scroll_.offset(k) : -10000.f});
    select(selected_);
}

void PlayScreen::select(std::size_t k) {
    if (choices_.empty()) return;
    selected_ = std::min(k, choices_.size() - 1);
    for (std::size_t i = 0; i < choices_.size(); ++i) choices_[i].setFocused(i == selected_);
}

bool PlayScreen::revealing() const { return reveal_ < static_cast<float>(line_.length() + body_.length()); }

void PlayScreen::completeReveal() {
    reveal_ = 1e9f;
    line_.reveal(line_.length());
    body_.reveal(body_.length());
}

void PlayScreen::update(float dt) {
    pumpNet();
    // Beneath a card the line waits, and the gauges glide once the card is read.
    if (ctx_.stack.top() != this) return;
    if (revealing()) {
        reveal_ += revealRate(ctx_.settings.reveal) * dt;
        const auto r = static_cast<std::size_t>(reveal_);
        line_.reveal(std::min(r, line_.length()));
        body_.reveal(r > line_.length() ? r - line_.length() : 0);
    }
    for (auto& g : gauges_) g.update(dt);
}

bool PlayScreen::animating() const {
    if (ctx_.stack.top() != this) return false;  // paused beneath a card or the backlog
    if (revealing()) return true;
    for (const auto& g : gauges_)
        if (g.shown() != static_cast<float>(g.target())) return true;
    return false;
}

void PlayScreen::settle() {
    completeReveal();
    for (auto& g : gauges_) g.settle();
}

void PlayScreen::resumed() {
    // Settings or a replay may have changed while another screen was on top.
    rewindBtn_.setEnabled(canRewind());
    for (auto* b : barButtons()) b->setHovered(false);
}

void PlayScreen::leave() {
    // Only finished playthroughs are kept: leaving mid-story asks once, by turning the
    // Library button into the question; Esc (or a click) again leaves, anything else stays.
    if (mode() == Mode::Ending) recordEnding();
    const bool shared = game_ && !game_->gone() && !netEnded_;
    if ((canRewind() || shared) && mode() != Mode::Ending && !confirmLeave_) {
        confirmLeave_ = true;
        libraryBtn_.set(shared      ? "Leave for both?"
                        : recorder_ ? "Leave for now?"
                                    : "Leave unsaved?",
                        "Esc", Button::Kind::Primary);
        libraryBtn_.setCompact(true);
        layout();
        return;
    }
    if (game_) game_->leave();  // the other machine is told
    // From an ending, by way of the check-in and note after (as from the debrief).
    Context& ctx = ctx_;
    const auto toLibrary = [&ctx] { ctx.stack.replace(std::make_unique<LibraryScreen>(ctx)); };
    if (mode() == Mode::Ending) return leaveDebrief(toLibrary);
    toLibrary();
}

void PlayScreen::stay() {
    if (!confirmLeave_) return;
    confirmLeave_ = false;
    libraryBtn_.set("Library", "Esc", Button::Kind::Secondary);
    libraryBtn_.setCompact(true);
    layout();
}

void PlayScreen::handle(const sf::Event& e) {
    const Mode m = mode();
    if (confirmLeave_ && e.type == sf::Event::KeyPressed && e.key.code != sf::Keyboard::Escape) stay();
    if (revealing() && (e.type == sf::Event::KeyPressed || leftClick(e))) {
        completeReveal();  // any key or click shows the whole line at once
        return;
    }
    if (auto p = pointer(e)) {
        std::vector<Button*> all = barButtons();
        all.push_back(&continueBtn_);
        Button* hit = hover(all, *p);
        for (std::size_t k = 0; k < choices_.size(); ++k)
            if (scroll_.shown(k) && choices_[k].contains(*p)) {
                choices_[k].setHovered(true);
                if (e.type == sf::Event::MouseMoved) select(k);
                if (leftClick(e)) return choose(k);
            } else {
                choices_[k].setHovered(false);
            }
        if (!leftClick(e) || !hit) return;
        if (hit == &breatheBtn_)
            openToolbox();
        else if (hit == &historyBtn_)
            openHistory();
        else if (hit == &mapBtn_)
            openGraph();
        else if (hit == &rewindBtn_)
            rewind();
        else if (hit == &settingsBtn_)
            openSettings();
        else if (hit == &libraryBtn_)
            leave();
        else if (hit == &continueBtn_ && m != Mode::Decision)
            proceed();
        return;
    }
    if (e.type == sf::Event::MouseWheelScrolled && m == Mode::Decision) {
        if (e.mouseWheelScroll.delta > 0)
            scroll_.up();
        else
            scroll_.down();
        selected_ = std::clamp(selected_, scroll_.first(), std::max(scroll_.first(), scroll_.last() - 1));
        placeChoices();
        return;
    }
    if (e.type != sf::Event::KeyPressed) return;
    if (const int k = numberKey(e); k >= 0) {
        if (m == Mode::Decision && static_cast<std::size_t>(k) < shown_.size()) choose(static_cast<std::size_t>(k));
        return;
    }
    switch (e.key.code) {
        case sf::Keyboard::Up:
            if (m == Mode::Decision && selected_ > 0) {
                select(selected_ - 1);
                placeChoices();
            }
            break;
        case sf::Keyboard::Down:
            if (m == Mode::Decision && selected_ + 1 < choices_.size()) {
                select(selected_ + 1);
                placeChoices();
            }
            break;
        case sf::Keyboard::Enter:
        case sf::Keyboard::Space:
            if (m == Mode::Decision)
                choose(selected_);
            else
                proceed();
            break;
        case sf::Keyboard::Right:
            if (m == Mode::Line || m == Mode::PartnerMove) proceed();
            break;
        case sf::Keyboard::H:
            openHistory();
            break;
        case sf::Keyboard::G:
            openGraph();
            break;
        case sf::Keyboard::R:
        case sf::Keyboard::BackSpace:
            rewind();
            break;
        case sf::Keyboard::B:
            if (breatheOffered()) openToolbox();
            break;
        case sf::Keyboard::S:
            openSettings();
            break;
        case sf::Keyboard::Escape:
            leave();
            break;
        default:
            break;
    }
}

void PlayScreen::choose(std::size_t k) {
    if (mode() != Mode::Decision || k >= shown_.size()) return;
    const int c = shown_[k];
    if (game_) {
        // Two machines: offered to the game; the story moves when both machines agree.
        if (game_->offer(c)) pumpNet();
        setContent();
        return;
    }
    const bool breathe = session_.node().choices[u(c)].breathe;
    const std::string practice = session_.node().choices[u(c)].practice;
    const int step = static_cast<int>(session_.history().size()) - 1;
    if (run_.mode() == TogetherMode::Mirror) {
        const bool second = run_.awaitingSecondAnswer();
        if (!run_.choose(c)) return;
        if (!second && !run_.awaitingSecondAnswer()) {  // a breathing pause, taken for both
            afterMove();
            if (breathe) openBreathe(practice);
            setContent();
            return;
        }
        if (second) {
            // Both have answered: the owner's answer was played; the reveal is for both.
            const MirrorRound round = run_.rounds().back();
            const Choice& played = sc_.nodes[u(session_.history()[u(round.step)].node)].choices[u(round.owner)];
            handOffIfNeeded();
            openStateNotes();
            if (played.breathe) openBreathe(played.practice);
            openReveal();
        } else {
            handOffIfNeeded();
        }
        setContent();
        return;
    }
    if (!run_.choose(c)) return;
    // Bottom to top: what the next person should see after the hand-off, the hand-off, then
    // what is for the chooser now (a note about their own body, and their card on top).
    afterMove();
    if (ctx_.settings.coaching == feedback::Coaching::Immediate) openCoachFor(step);
    if (breathe) openBreathe(practice);
    setContent();
}

void PlayScreen::proceed() {
    switch (mode()) {
        case Mode::Line:
            run_.advance();
            afterMove();
            break;
        case Mode::PartnerMove:
            run_.chooseDefault();
            afterMove();
            break;
        case Mode::Ending:
            openDebrief();
            return;
        case Mode::Stuck:
            ctx_.stack.replace(std::make_unique<LibraryScreen>(ctx_));
            return;
        case Mode::Decision:
        case Mode::Waiting:
            return;
    }
    setContent();
}

bool PlayScreen::rewind() {
    if (game_ || !run_.rewind()) return false;
    handOffIfNeeded();
    setContent();
    return true;
}

bool PlayScreen::replayFrom(int step, int choice) {
    if (game_ || !run_.rewindTo(step)) return false;
    handOffIfNeeded();  // a moment of the other person's: they take the device first
    setContent();
    if (choice >= 0) {
        const auto it = std::find(shown_.begin(), shown_.end(), choice);
        if (it != shown_.end()) choose(static_cast<std::size_t>(it - shown_.begin()));
    }
    return true;
}

bool PlayScreen::mapOffered() const {
    // An author's tool: while watching a file, or where nothing is kept (screenshots, tests).
    // A person's practice is never jumped about, nor a partner's choices shown ahead of them.
    return !game_ && (!watching_.empty() || !recorder_);
}

void PlayScreen::openGraph() {
    if (!mapOffered()) return;
    const bool mirror = run_.mode() == TogetherMode::Mirror;
    ctx_.stack.push(std::make_unique<GraphScreen>(
        ctx_, sc_, session_.played(), session_.nodeIndex(),
        mirror ? std::function<void(std::vector<std::string>, int)>()  // both must answer: play to it together
               : [this](std::vector<std::string> picks, int target) {
                     ctx_.stack.pop();
                     playTo(picks, target);
                 }));
}

bool PlayScreen::playTo(const std::vector<std::string>& picks, int target) {
    if (game_) return false;
    run_.restart();
    std::size_t next = 0;
    bool ok = true;
    for (int guard = 0; guard < 100000; ++guard) {
        if (next == picks.size() && session_.nodeIndex() == target) break;
        const Session::State st = session_.state();
        if (st == Session::State::Line) {
            run_.advance();
        } else if (st == Session::State::Decision && !run_.turn()) {
            run_.chooseDefault();
        } else if (st == Session::State::Decision && next < picks.size()) {
            const auto& ch = session_.node().choices;
            int found = -1;
            for (int c : session_.visibleChoices())
                if (choiceKey(ch[u(c)]) == picks[next]) found = c;
            if (found < 0) {
                ok = false;
                break;
            }
            ++next;
            run_.handOver();
            run_.choose(found);
        } else {
            ok = next == picks.size();
            break;
        }
    }
    handOffIfNeeded();
    recorded_ = false;
    afterAsked_ = false;
    setContent();
    return ok && session_.nodeIndex() == target;
}

void PlayScreen::restart() {
    if (game_) return;  // a shared story is played once; a new one starts from the library
    run_.restart();
    handOffIfNeeded();
    recorded_ = false;
    afterAsked_ = false;
    setContent();
}

void PlayScreen::playNet(std::vector<Pick> picks) {
    netScript_ = std::move(picks);
    netNext_ = 0;
    autoNet_ = true;
}

bool PlayScreen::playScript(const std::vector<Pick>& picks, std::string& error) {
    std::size_t next = 0;
    for (int guard = 0; guard < 100000; ++guard) {
        switch (session_.state()) {
            case Session::State::Ending:
            case Session::State::Stuck:
                setContent();
                return true;
            case Session::State::Line:
                if (picks.empty()) {
                    setContent();
                    return true;
                }
                run_.advance();
                break;
            case Session::State::Decision: {
                if (!run_.turn()) {
                    run_.chooseDefault();
                    break;
                }
                if (next >= picks.size()) {
                    setContent();
                    return true;
                }
                const int c = resolvePick(session_, picks[next], error);
                if (c < 0) {
                    error = fmt::format("pick {} of the script: {}", next + 1, error);
                    return false;
                }
                ++next;
                run_.handOver();  // the script stands for whoever's turn it is
                const bool owner = run_.mode() == TogetherMode::Mirror && !run_.awaitingSecondAnswer();
                run_.choose(c);
                if (owner && !run_.awaitingSecondAnswer()) ++next;  // a pause taken for both: OWNER/-
                break;
            }
        }
    }
    error = "the script did not reach a stopping point";
    return false;
}

void PlayScreen::openCoach() {
    for (int i = static_cast<int>(session_.history().size()) - 1; i >= 0; --i) {
        const Step& st = session_.history()[u(i)];
        if (st.choice >= 0 && !st.byDefault) return openCoachFor(i);
    }
}

void PlayScreen::openCoachFor(int step) {
    std::vector<feedback::ChoiceFeedback> cards{feedback::explain(session_, ctx_.patterns, step)};
    CoachScreen::TryFn tryIt;
    if (!game_)  // two machines: the story is shared, so no going back to try another answer
        tryIt = [this](int st, int choice) {
            ctx_.stack.pop();
            ctx_.stack.later([this, st, choice] { replayFrom(st, choice); });
        };
    ctx_.stack.push(std::make_unique<CoachScreen>(ctx_, sc_, std::move(cards), 0, std::move(tryIt)));
}

bool PlayScreen::openStateNotes(Notes which) {
    if (ctx_.settings.coaching == feedback::Coaching::Off) return false;
    const auto notes = feedback::statesAt(session_, ctx_.patterns, static_cast<int>(session_.history().size()) - 1);
    const auto& people = run_.table().people;
    const std::size_t h = static_cast<std::size_t>(run_.holder());
    const std::string holderRole = h < people.size() ? people[h].role : std::string();
    bool any = false;
    for (const auto& n : notes) {
        if (which == Notes::Mine && n.role != localRole_) continue;
        if (which == Notes::Holder && n.role != holderRole) continue;
        if (which == Notes::Others && n.role == holderRole) continue;
        ctx_.stack.push(std::make_unique<StateScreen>(ctx_, n));
        any = true;
    }
    return any;
}

void PlayScreen::afterMove() {
    if (game_) {
        if (!autoNet_) openStateNotes(Notes::Mine);
        return;
    }
    if (!couple()) {
        openStateNotes();
        return;
    }
    openStateNotes(Notes::Others);  // beneath the hand-off: for the person about to take the device
    handOffIfNeeded();
    openStateNotes(Notes::Holder);  // for the person still holding it
}

void PlayScreen::openHistory() {
    // Two people: a pick's style is part of its card, which was its chooser's alone.
    ctx_.stack.push(std::make_unique<HistoryScreen>(ctx_, session_, !couple()));
}

PracticeDone PlayScreen::keepPractice() {
    if (!recorder_) return [](const std::string&, int) {};  // not recorded (screenshots, a benchmark)
    return [this](const std::string& id, int seconds) {
        if (!recorder_->practised(id, seconds))
            std::cerr << "attune: this practice was not kept in the journal: " << recorder_->noteError() << '\n';
    };
}

void PlayScreen::openBreathe(const std::string& practice) { openPractice(ctx_, practice, keepPractice()); }

void PlayScreen::openToolbox() { ctx_.stack.push(std::make_unique<ToolboxScreen>(ctx_, keepPractice())); }

bool PlayScreen::checkinsWanted() const {
    // A check-in is one person's: played alone (one role or both), kept in their own journal.
    return recorder_ && ctx_.settings.checkins && !game_ && !couple();
}

void PlayScreen::offerCheckinBefore() {
    if (!checkinsWanted()) return;
    ctx_.stack.push(std::make_unique<CheckinScreen>(
        ctx_, CheckinScreen::Moment::Before, [this](std::optional<CheckinScreen::Answer> a) {
            if (a && recorder_ && !recorder_->checkinBefore(a->level, a->word))
                std::cerr << "attune: the check-in was not kept in the journal: " << recorder_->noteError() << '\n';
        }));
}

void PlayScreen::leaveDebrief(std::function<void()> then) {
    if (afterAsked_ || !checkinsWanted()) return then();
    afterAsked_ = true;
    ctx_.stack.push(std::make_unique<CheckinScreen>(
        ctx_, CheckinScreen::Moment::After, [this, then = std::move(then)](std::optional<CheckinScreen::Answer> a) {
            if (a && recorder_ && !recorder_->after(a->level, a->word, a->noticed, a->needed))
                std::cerr << "attune: the check-in and note were not kept in the journal: " << recorder_->noteError()
                          << '\n';
            then();
        }));
}

void PlayScreen::openDebrief() {
    recordEnding();
    ctx_.stack.push(std::make_unique<DebriefScreen>(ctx_, *this));
}

PlayScreen::~PlayScreen() {
    if (mode() == Mode::Ending) recordEnding();  // the window closed, or the library took over, at an ending
    if (game_) game_->leave();                   // the window closed mid-story: the other machine is told
}

void PlayScreen::openSettings() { ctx_.stack.push(std::make_unique<SettingsScreen>(ctx_)); }

const Gauge* PlayScreen::gauge(std::string_view role) const {
    for (std::size_t i = 0; i < gaugeRoles_.size(); ++i)
        if (gaugeRoles_[i] == role) return &gauges_[i];
    return nullptr;
}

void PlayScreen::draw(sf::RenderTarget& target) const {
    if (layerCurrent()) {
        target.draw(layerSprite_, sf::BlendNone);
    } else if (scene_) {
        target.draw(sceneSprite_);
        target.draw(sceneVeil_);
    }
    if (titleShown_) title_.draw(target);
    for (const Button* b : barButtons()) b->draw(target);
    drawOpaque(target, side_);
    sideTitle_.draw(target);
    sideHeading_.draw(target);
    for (const auto& g : gauges_) g.draw(target);
    betweenHeading_.draw(target);
    target.draw(meterBars_);
    for (const auto& t : meterLabels_) t.draw(target);
    for (const auto& t : meterValues_) t.draw(target);
    if (zonesNote_.position().y >= 0) zonesNote_.draw(target);
    watchTitle_.draw(target);
    watchText_.draw(target);

    if (portrait_ && !speaker_.empty()) target.draw(portraitCircle_);
    speaker_.draw(target);
    line_.draw(target);
    if (!body_.empty() && body_.revealed() > 0) target.draw(bodyRule_);
    body_.draw(target);
    if (revealing()) return;
    const Mode m = mode();
    if (m == Mode::Decision) {
        prompt_.draw(target);
        if (portrait_ && promptPortrait_) target.draw(portraitCircle_);
        for (std::size_t k = 0; k < choices_.size(); ++k)
            if (scroll_.shown(k)) choices_[k].draw(target);
        more_.draw(target);
        return;
    }
    if (m == Mode::PartnerMove || m == Mode::Ending || m == Mode::Waiting) {
        drawOpaque(target, moveCard_);
        moveWho_.draw(target);
        moveText_.draw(target);
    }
    if (m != Mode::Waiting) continueBtn_.draw(target);
}

std::vector<Box> PlayScreen::boxes() const {
    std::vector<Box> out;
    if (titleShown_) addBox(out, "title", title_.bounds());
    for (const Button* b : barButtons()) b->boxes(out, "bar " + b->label());
    const int side = addBox(out, "side panel", sideRect_);
    if (!sideTitle_.empty()) addBox(out, "side title", sideTitle_.bounds(), side);
    if (!sideHeading_.empty()) addBox(out, "side heading", sideHeading_.bounds(), side);
    for (std::size_t i = 0; i < gauges_.size(); ++i) gauges_[i].boxes(out, "gauge " + gaugeRoles_[i], side);
    if (!betweenHeading_.empty()) addBox(out, "between heading", betweenHeading_.bounds(), side);
    for (std::size_t i = 0; i < meterLabels_.size(); ++i) {
        addBox(out, "meter label", meterLabels_[i].bounds(), side);
        addBox(out, "meter value", meterValues_[i].bounds(), side);
    }
    if (zonesNote_.position().y >= 0) addBox(out, "zones note", zonesNote_.bounds(), side);
    if (!watchTitle_.empty()) addBox(out, "watch title", watchTitle_.bounds());
    if (!watchText_.empty()) addBox(out, "watch note", watchText_.bounds());
    if (!speaker_.empty()) addBox(out, "speaker", speaker_.bounds());
    if (portrait_ && (!speaker_.empty() || (promptPortrait_ && mode() == Mode::Decision && !revealing())))
        addBox(out, "portrait", portraitCircle_.getGlobalBounds());
    if (!line_.empty()) addBox(out, "line", line_.bounds());
    if (!body_.empty()) addBox(out, "body", body_.bounds());
    const Mode m = mode();
    if (m == Mode::Decision) {
        addBox(out, "prompt", prompt_.bounds());
        for (std::size_t k = 0; k < choices_.size(); ++k)
            if (scroll_.shown(k)) choices_[k].boxes(out, fmt::format("choice {}", k + 1));
        if (!more_.empty()) addBox(out, "more", more_.bounds());
        return out;
    }
    if (m == Mode::PartnerMove || m == Mode::Ending || m == Mode::Waiting) {
        const int card = addBox(out, "move card", moveCard_.getGlobalBounds());
        addBox(out, "move who", moveWho_.bounds(), card);
        addBox(out, "move text", moveText_.bounds(), card);
    }
    if (m != Mode::Waiting) continueBtn_.boxes(out, "continue");
    return out;
}

void startPlay(Context& ctx, std::unique_ptr<PlayScreen> play) {
    PlayScreen& p = *play;
    ctx.stack.replace(std::move(play));
    ctx.stack.later([&p] {
        p.offerCheckinBefore();  // one person: how they are arriving
        p.openHandoff();         // two: a story that opens on the second person's decision asks for the device
    });
}

}  // namespace attune::ui
