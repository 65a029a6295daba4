#include "sfml/App.hpp"

#include "sfml/screens/MachinesScreens.hpp"
#include "sfml/screens/ResumeScreen.hpp"

#include <SFML/System/Sleep.hpp>

#include "core/load/Patterns.hpp"
#include "core/run/Script.hpp"
#include "core/util/Text.hpp"
#include "sfml/screens/AboutScreen.hpp"
#include "sfml/screens/BreatheScreen.hpp"
#include "sfml/screens/CheckinScreen.hpp"
#include "sfml/screens/ProgressScreen.hpp"
#include "sfml/screens/ToolboxScreen.hpp"
#include "sfml/screens/LibraryScreen.hpp"
#include "sfml/screens/PlayScreen.hpp"
#include "sfml/screens/DiagnosticsScreen.hpp"
#include "sfml/screens/SettingsScreen.hpp"
#include "sfml/screens/TogetherScreens.hpp"

#include <SFML/Graphics/Sprite.hpp>
#include <SFML/System/Err.hpp>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <fmt/format.h>
#include <iostream>
#include <sstream>

namespace attune::ui {
namespace fs = std::filesystem;

namespace {

constexpr float kMinWidth = 960.f, kMinHeight = 540.f;  // smaller windows are scaled down, not squeezed

bool parseSize(const std::string& s, sf::Vector2u& out) {
    const auto x = s.find('x');
    if (x == std::string::npos || x == 0 || x + 1 >= s.size()) return false;
    const std::string a = s.substr(0, x), b = s.substr(x + 1);
    if (a.find_first_not_of("0123456789") != std::string::npos ||
        b.find_first_not_of("0123456789") != std::string::npos || a.size() > 5 || b.size() > 5)
        return false;
    out = {static_cast<unsigned>(std::stoul(a)), static_cast<unsigned>(std::stoul(b))};
    return out.x >= 320 && out.y >= 240 && out.x <= 16384 && out.y <= 16384;
}

}  // namespace

std::unique_ptr<App> App::open(const window::WindowOptions& options, Failure& failure) {
    std::unique_ptr<App> app(new App());
    if (!app->setUp(options, failure)) return nullptr;
    return app;
}

App::~App() {
    ctx_.reset();  // screens first, then the window
    if (window_.isOpen()) window_.close();
}

bool App::setUp(const window::WindowOptions& o, Failure& failure) {
    if (!o.size.empty() && !parseSize(o.size, windowed_)) {
        failure = {fmt::format("--size '{}' should look like 1280x720", o.size), 2};
        return false;
    }
    ctx_ = std::make_unique<Context>(window_);
    Context& c = *ctx_;
    std::string error;
    if (!loadFonts(c.fonts, error)) {
        failure = {error, 1};
        return false;
    }
    c.settingsPath = settingsPath();
    SettingsLoad loaded = loadSettings(c.settingsPath);
    if (!loaded.warning.empty()) std::cerr << "attune: " << loaded.warning << '\n';
    c.settings = loaded.settings;
    c.savedSettings = loaded.settings;
    if (o.highContrast) c.settings.highContrast = true;
    if (o.textSize >= 0) c.settings.textSize = std::min(o.textSize, Settings::kTextSizes - 1);
    if (o.reducedMotion) c.settings.reducedMotion = true;
    if (o.fullscreen) c.settings.fullscreen = true;
    interactive_ = o.screenshot.empty() && o.benchFrames == 0 && o.benchProgress == 0;
    c.screenshot = !o.screenshot.empty();
    c.saveSettingsOnChange = interactive_;
    c.recordPlays = interactive_ && !o.watch;  // a story being written is not practice to keep
    c.profile = o.profile;

    Diagnostics d(defaultPatternLibraryPath().string());
    c.patterns = loadDefaultPatternLibrary(d);
    if (!c.patterns.loaded()) {
        for (const auto& x : d.all()) std::cerr << x.format() << '\n';
        failure = {"the pattern library could not be loaded; set ATTUNE_ASSETS to the assets folder", 1};
        return false;
    }
    c.library.load(c.patterns, std::cerr);
    std::error_code fileEc;
    if (o.watch) {
        if (o.scenario.empty() || fs::is_directory(o.scenario, fileEc) || c.library.find(o.scenario)) {
            failure = {"--watch needs --scenario FILE: the scenario file being written", 2};
            return false;
        }
        if (!o.screen.empty() && o.screen != "play" && o.screen != "graph") {
            failure = {"--watch plays the story: it goes without --screen (or with --screen graph)", 2};
            return false;
        }
        watch_ = std::make_unique<ScenarioWatch>(o.scenario, c.patterns);
        if (!watch_->ok()) {
            failure = {"--watch: " + watch_->error(), 1};
            return false;
        }
    } else if (!o.scenario.empty() && c.library.find(o.scenario)) {
        scenarioId_ = o.scenario;
    } else if (!o.scenario.empty()) {
        std::error_code ec;
        // The same file as a library scenario (scenarios/late-text.yaml, say) opens that entry.
        const LibraryEntry* same = nullptr;
        for (const auto& e : c.library.entries())
            if (fs::equivalent(e.file, o.scenario, ec)) same = &e;
        if (same) {
            scenarioId_ = same->meta.id;
        } else if (fs::is_regular_file(o.scenario, ec)) {
            const LibraryEntry* added = c.library.add(o.scenario, c.patterns, error);
            if (!added) {
                failure = {error, 1};
                return false;
            }
            scenarioId_ = added->meta.id;
        } else {
            std::string ids;
            for (const auto& e : c.library.entries()) ids += (ids.empty() ? "" : ", ") + e.meta.id;
            failure = {fmt::format("no scenario '{}' in the library (there are: {})", o.scenario, ids), 2};
            return false;
        }
    }
    if (c.library.entries().empty()) {
        std::string folders;
        for (const auto& f : ScenarioLibrary::folders()) folders += (folders.empty() ? "" : ", ") + f.string();
        failure = {"no scenarios found in " + folders, 1};
        return false;
    }
    if (interactive_) {
        c.journal = std::make_unique<Journal>(o.journal.empty() ? Journal::defaultPath() : fs::path(o.journal));
        if (!c.journal->notice().empty()) std::cerr << "attune: " << c.journal->notice() << '\n';
        if (!c.journal->ok()) {
            std::cerr << "attune: progress will not be saved this time: " << c.journal->error() << '\n';
            c.journal.reset();
        }
    } else {
        // Screenshots and the benchmark read progress but never write it.
        std::error_code ec;
        const fs::path file = o.journal.empty() ? Journal::defaultPath() : fs::path(o.journal);
        if (fs::exists(file, ec)) {
            c.journal = std::make_unique<Journal>(file);
            if (!c.journal->ok()) c.journal.reset();
        }
    }
    c.setFullscreen = [this](bool on) {
        createWindow(on);
        ctx_->restyle();
    };
    createWindow(c.settings.fullscreen);
    return startScreens(o, failure);
}

void App::createWindow(bool fullscreen) {
    sf::ContextSettings gl;
    gl.antialiasingLevel = 0;
    // SFML reports what the driver cannot do (no vertical sync under Xvfb, fewer
    // samples); those notes only matter when the window does not open at all.
    std::ostringstream notes;
    std::streambuf* old = sf::err().rdbuf(notes.rdbuf());
    if (fullscreen)
        window_.create(sf::VideoMode::getDesktopMode(), "Attune", sf::Style::Fullscreen, gl);
    else
        window_.create(sf::VideoMode(windowed_.x, windowed_.y), "Attune", sf::Style::Default, gl);
    sf::err().rdbuf(old);
    if (!window_.isOpen()) std::cerr << notes.str();
    window_.setKeyRepeatEnabled(true);
    if (running_) window_.setFramerateLimit(60);
    resize(window_.getSize());
}

void App::resize(sf::Vector2u size) {
    Context& c = *ctx_;
    const float w = static_cast<float>(std::max(1u, size.x)), h = static_cast<float>(std::max(1u, size.y));
    // Below the smallest layout, the view scales down instead of squeezing the layout.
    const float f = std::max({1.f, kMinWidth / w, kMinHeight / h});
    c.size = {std::round(w * f), std::round(h * f)};
    window_.setView(sf::View(sf::FloatRect(0, 0, c.size.x, c.size.y)));
    c.restyle();
    changed_ = true;
}

namespace {

/// Two machines with nobody at the screen (a screenshot, or --script): the picks to play.
bool netScript(const window::WindowOptions& o, bool screenshot, std::optional<std::vector<Pick>>& script,
               App::Failure& failure) {
    if (o.script.empty() && !screenshot) return true;
    std::string error;
    script = o.script.empty() ? std::vector<Pick>{} : parsePicks(o.script, error);
    if (!script) failure = {"--script: " + error, 2};
    return script.has_value();
}

/// Screenshots and tests: a practice shown some way in (the circle part-way up by default).
void showPracticeAt(Context& c, const window::WindowOptions& o) {
    if (auto* b = c.stack.find<BreatheScreen>(); b && (c.screenshot || o.practiceAt >= 0))
        b->advance(o.practiceAt >= 0 ? o.practiceAt : 2.6f);
    if (auto* b = c.stack.find<BreakScreen>(); b && o.practiceAt >= 0) b->advance(o.practiceAt);
}
}  // namespace

namespace {
/// The people at the table the options ask for (none: solo, or every role played).
bool tableFromOptions(const Scenario& s, const window::WindowOptions& o, std::optional<Table>& table,
                      App::Failure& failure) {
    std::string error;
    if (!o.together.empty()) {
        table = makeTable(s, *parseTogetherMode(o.together), o.names, o.roles, error);
        if (!table) {
            failure = {"--together: " + error, 2};
            return false;
        }
    } else if (!o.names.empty() || !o.roles.empty()) {
        failure = {"--names and --roles go with --together pass or --together mirror", 2};
        return false;
    }
    return true;
}
}  // namespace

bool App::startWatching(const window::WindowOptions& o, Failure& failure) {
    Context& c = *ctx_;
    watchOptions_ = o;
    ScenarioUpdate u = watch_->load();
    if (u.kind != ScenarioUpdate::Kind::Loaded) {
        // Nothing to play yet: the library, with the diagnostics over it until the file is fixed.
        for (const auto& d : u.diags.all()) std::cerr << d.format() << '\n';
        c.stack.push(std::make_unique<LibraryScreen>(c));
        c.stack.push(std::make_unique<DiagnosticsScreen>(c, watch_->file().string(), std::move(u.diags),
                                                         text::timeOfDay(), false));
        c.stack.apply();
        return true;
    }
    for (const auto& d : u.diags.all()) std::cerr << d.format() << '\n';
    std::string error;
    std::optional<Table> table;
    if (!tableFromOptions(*u.scenario, o, table, failure)) return false;
    Playthrough run =
        table ? Playthrough(u.scenario, *table) : Playthrough(u.scenario, playedRoles(*u.scenario, o.solo));
    showWatched(std::move(run), "Each save plays here at once, from where the story stands.");
    auto* p = c.stack.find<PlayScreen>();
    const auto picks =
        table && table->mode == TogetherMode::Mirror ? parseMirrorPicks(o.script, error) : parsePicks(o.script, error);
    if ((!picks && !o.script.empty()) || !p->playScript(picks ? *picks : std::vector<Pick>{}, error)) {
        failure = {"--script: " + error, 2};
        return false;
    }
    p->openHandoff();
    if (o.screen == "graph") p->openGraph();
    c.stack.apply();
    return true;
}

void App::showWatched(Playthrough run, const std::string& note) {
    Context& c = *ctx_;
    c.stack.replace(std::make_unique<PlayScreen>(c, std::move(run), watch_->file().filename().string(), note));
    c.stack.apply();
}

void App::pollWatch() {
    Context& c = *ctx_;
    ScenarioUpdate u = watch_->poll();
    if (u.kind == ScenarioUpdate::Kind::None) return;
    changed_ = true;
    for (const auto& d : u.diags.all()) std::cerr << d.format() << '\n';
    if (u.kind == ScenarioUpdate::Kind::Broken) {
        // The story waits beneath; a newer list of errors takes the older one's place.
        if (c.stack.top() && std::string_view(c.stack.top()->name()) == "diagnostics") c.stack.pop();
        c.stack.push(std::make_unique<DiagnosticsScreen>(c, watch_->file().string(), std::move(u.diags),
                                                         text::timeOfDay(), c.stack.find<PlayScreen>() != nullptr));
        c.stack.apply();
        return;
    }
    // Only the story of the watched file is carried over (not one opened from the library).
    const PlayScreen* p = c.stack.find<PlayScreen>();
    if (p && p->watchNote().empty()) p = nullptr;
    const std::string at = text::timeOfDay();
    c.images.clear();  // a repainted scene or portrait is read again
    if (!p) {
        std::optional<Table> table;
        Failure ignored;  // the options were checked when the window opened
        if (!tableFromOptions(*u.scenario, watchOptions_, table, ignored)) table.reset();
        const window::WindowOptions& o = watchOptions_;
        Playthrough run =
            table ? Playthrough(u.scenario, *table) : Playthrough(u.scenario, playedRoles(*u.scenario, o.solo));
        showWatched(std::move(run), fmt::format("Loaded at {}.", at));
    } else {
        CarriedOver co = carryOver(p->playthrough(), u.scenario);
        showWatched(std::move(co.playthrough), fmt::format("Reloaded at {}. {}", at, co.note));
    }
    if (auto* np = c.stack.find<PlayScreen>()) np->openHandoff();
    c.stack.apply();
    ++reloads_;
}

bool App::startScreens(const window::WindowOptions& o, Failure& failure) {
    Context& c = *ctx_;
    if (watch_) return startWatching(o, failure);
    const std::string& screen = o.screen;
    if (screen == "join" || !o.join.empty()) {
        // Joining needs no scenario: it comes from the host.
        std::optional<std::vector<Pick>> script;
        if (!netScript(o, c.screenshot, script, failure)) return false;
        c.stack.push(std::make_unique<JoinScreen>(
            c, JoinScreen::Preset{o.join, o.code, o.name, !o.join.empty() && screen != "join", script}));
        c.stack.apply();
        return true;
    }
    if ((screen == "host" || o.host) && o.scenario.empty()) {
        failure = {"--host and --screen host need --scenario ID", 2};
        return false;
    }
    if (o.scenario.empty()) {
        if (screen == "play" || screen == "coach" || screen == "debrief") {
            failure = {fmt::format("--screen {} needs --scenario ID", screen), 2};
            return false;
        }
        c.stack.push(std::make_unique<LibraryScreen>(c));
        if (screen == "settings") c.stack.push(std::make_unique<SettingsScreen>(c));
        if (screen == "about") c.stack.push(std::make_unique<AboutScreen>(c));
        if (screen == "breathe")
            openPractice(c, o.practice.empty() ? "paced" : o.practice, [](const std::string&, int) {});
        if (screen == "toolbox") c.stack.push(std::make_unique<ToolboxScreen>(c));
        if (screen == "progress") c.stack.push(std::make_unique<ProgressScreen>(c));
        if (screen == "checkin" || screen == "after") {
            // On their own (no story): what is typed is kept as a check-in (and note) of no playthrough.
            const bool after = screen == "after";
            c.stack.push(std::make_unique<CheckinScreen>(
                c, after ? CheckinScreen::Moment::After : CheckinScreen::Moment::Before,
                [&c, after](std::optional<CheckinScreen::Answer> a) {
                    if (!a || !c.recordPlays || !c.journal) return;
                    bool ok = true;
                    if (a->level || !a->word.empty())
                        ok = c.journal->checkin(c.profile, std::nullopt, after ? "after" : "before", a->level, a->word);
                    if (after) ok = c.journal->reflect(c.profile, std::nullopt, a->noticed, a->needed) && ok;
                    if (!ok)
                        std::cerr << "attune: the check-in was not kept in the journal: " << c.journal->error() << '\n';
                }));
        }
        c.stack.apply();
        showPracticeAt(c, o);
        return true;
    }
    std::string error;
    const Scenario* opened = c.library.open(scenarioId_, error);
    if (!opened) {
        failure = {error, 1};
        return false;
    }
    const Scenario& s = *opened;
    std::optional<Table> table;
    if (!tableFromOptions(s, o, table, failure)) return false;
    if (screen == "host" || o.host) {
        if (s.roles.size() < 2) {
            failure = {fmt::format("--host: '{}' has one role; there is nothing for a second machine to play", s.id),
                       2};
            return false;
        }
        if (!o.role.empty() && !s.role(o.role)) {
            failure = {fmt::format("--role: '{}' is not a role in '{}'", o.role, s.id), 2};
            return false;
        }
        const TogetherMode mode = o.together == "mirror" ? TogetherMode::Mirror : TogetherMode::Pass;
        std::optional<std::vector<Pick>> script;
        if (!netScript(o, c.screenshot, script, failure)) return false;
        c.stack.push(
            std::make_unique<HostScreen>(c, s, c.library.find(scenarioId_)->file,
                                         HostScreen::Preset{o.name, o.role, o.code, mode, o.port, o.host, script}));
        c.stack.apply();
        if (auto* h = c.stack.find<HostScreen>(); h && o.host && !h->hosting()) {
            failure = {h->error(), 1};
            return false;
        }
        return true;
    }
    if (screen == "resume") {
        auto left = c.journal ? c.journal->unfinished(s.id, c.profile, {"solo"}) : std::nullopt;
        if (!left) {
            failure = {fmt::format("--screen resume: no unfinished playthrough of '{}' played alone is saved", s.id),
                       2};
            return false;
        }
        c.stack.push(std::make_unique<ResumeScreen>(c, s, std::move(*left), playedRoles(s, true)));
        c.stack.apply();
        return true;
    }
    if (screen == "together") {
        if (s.roles.size() < 2) {
            failure = {fmt::format("--screen together: '{}' has one role", s.id), 2};
            return false;
        }
        c.stack.push(std::make_unique<TogetherScreen>(c, s));
        c.stack.apply();
        return true;
    }
    const auto picks =
        table && table->mode == TogetherMode::Mirror ? parseMirrorPicks(o.script, error) : parsePicks(o.script, error);
    if (!picks && !o.script.empty()) {
        failure = {"--script: " + error, 2};
        return false;
    }
    auto play = std::make_unique<PlayScreen>(c, s, playedRoles(s, o.solo), table);
    PlayScreen& p = *play;
    if (!p.playScript(picks ? *picks : std::vector<Pick>{}, error)) {
        failure = {"--script: " + error, 2};
        return false;
    }
    if (screen == "library") {
        c.stack.push(std::make_unique<LibraryScreen>(c, s.id));
        c.stack.apply();
        return true;
    }
    c.stack.push(std::move(play));
    c.stack.apply();
    if (screen != "reveal") p.openHandoff();  // two people: where the device changes hands, the privacy screen
    if (screen == "coach") {
        const auto& h = p.session().history();
        if (std::none_of(h.begin(), h.end(), [](const Step& st) { return st.choice >= 0 && !st.byDefault; })) {
            failure = {"--screen coach needs --script with at least one pick", 2};
            return false;
        }
        p.openCoach();
    } else if (screen == "breathe") {
        p.openBreathe(o.practice.empty() ? "paced" : o.practice);
    } else if (screen == "debrief") {
        p.openDebrief();
    } else if (screen == "settings") {
        p.openSettings();
    } else if (screen == "history") {
        p.openHistory();
    } else if (screen == "graph") {
        p.openGraph();
    } else if (screen == "about") {
        c.stack.push(std::make_unique<AboutScreen>(c));
    } else if (screen == "reveal" && !p.openReveal()) {
        failure = {"--screen reveal needs --together mirror and --script with at least one OWNER/OTHER pick", 2};
        return false;
    } else if (screen == "state" && !p.openStateNotes()) {
        failure = {ctx_->settings.coaching == feedback::Coaching::Off
                       ? "--screen state: the note is not shown with coaching off"
                       : "--screen state needs --script to stop where a body has just gone below the window",
                   2};
        return false;
    }
    c.stack.apply();
    showPracticeAt(c, o);
    return true;
}

void App::post(const sf::Event& e) { queue_.push_back(e); }

void App::key(sf::Keyboard::Key k, bool shift) {
    sf::Event e{};
    e.type = sf::Event::KeyPressed;
    e.key.code = k;
    e.key.shift = shift;
    post(e);
}

void App::moveMouse(sf::Vector2f p) {
    sf::Event e{};
    e.type = sf::Event::MouseMoved;
    e.mouseMove = {static_cast<int>(p.x), static_cast<int>(p.y)};
    post(e);
}

void App::click(sf::Vector2f p) {
    moveMouse(p);
    sf::Event e{};
    e.type = sf::Event::MouseButtonPressed;
    e.mouseButton = {sf::Mouse::Left, static_cast<int>(p.x), static_cast<int>(p.y)};
    post(e);
}

void App::dispatch(sf::Event e) {
    Context& c = *ctx_;
    switch (e.type) {
        case sf::Event::Closed:
            window_.close();
            return;
        case sf::Event::Resized:
            resize({e.size.width, e.size.height});
            return;
        case sf::Event::MouseMoved: {
            const sf::Vector2f p = window_.mapPixelToCoords({e.mouseMove.x, e.mouseMove.y});
            e.mouseMove = {static_cast<int>(p.x), static_cast<int>(p.y)};
            break;
        }
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased: {
            const sf::Vector2f p = window_.mapPixelToCoords({e.mouseButton.x, e.mouseButton.y});
            e.mouseButton.x = static_cast<int>(p.x);
            e.mouseButton.y = static_cast<int>(p.y);
            break;
        }
        case sf::Event::KeyPressed:
            if (e.key.code == sf::Keyboard::F11) {
                Settings s = c.settings;
                s.fullscreen = !s.fullscreen;
                c.applySettings(s);
                return;
            }
            break;
        default:
            break;
    }
    // A key that opens another screen (T for the set-up for two, P for Play again) still has
    // its character to come: that character was meant for the screen the key was pressed on.
    if (e.type == sf::Event::TextEntered && dropText_) {
        dropText_ = false;
        return;
    }
    dropText_ = false;
    const Screen* before = c.stack.empty() ? nullptr : top();
    c.stack.handle(e);
    c.stack.apply();  // the next event goes to whichever screen is now on top
    if (e.type == sf::Event::KeyPressed && top() != before) dropText_ = true;
    changed_ = true;
}

void App::frame(float dt) {
    tick(dt);
    if (!window_.isOpen()) return;
    if (render()) {
        window_.display();
        shown_.restart();
    }
}

void App::tick(float dt) {
    Context& c = *ctx_;
    sf::Event e;
    while (window_.pollEvent(e)) dispatch(e);
    while (!queue_.empty()) {
        const sf::Event q = queue_.front();
        queue_.pop_front();
        dispatch(q);
    }
    animated_ = c.stack.animating();
    c.stack.update(dt);
    if (c.stack.apply()) changed_ = true;
    if (c.redraw) {
        changed_ = true;
        c.redraw = false;
    }
    if (watch_) pollWatch();
    if (c.stack.empty()) window_.close();
}

void App::drawScreens(sf::RenderTarget& target) {
    target.clear(ctx_->theme.color.background);
    ctx_->stack.draw(target);
}

bool App::render() {
    // A frame in which nothing changed is not drawn: the window goes on showing the last one
    // (under software GL even one copy of a whole window took about 3 ms of a frame). Once a second a
    // still window is drawn again all the same, because a desktop without a compositor may
    // have lost its pixels under another window, and SFML 2.5 does not say so.
    // While only an overlay animates (a card sliding in), the screens beneath it are drawn
    // once into a texture, copied each frame, and the overlay alone is drawn afresh.
    constexpr float kRefresh = 1.f;
    const sf::Vector2u size = window_.getSize();
    if (animated_) {
        if (ctx_->stack.onlyOverlayAnimating()) {
            if (changed_ || !beneathValid_ || beneathOf_ != top() || beneath_.getSize() != size) {
                window_.clear(ctx_->theme.color.background);
                ctx_->stack.drawBeneathTop(window_);
                beneathValid_ = (beneath_.getSize() == size || beneath_.create(size.x, size.y));
                if (beneathValid_) beneath_.update(window_);
                beneathOf_ = top();
                changed_ = false;
                drawn_ = Drawn::Whole;
            } else {
                blit(beneath_);
                drawn_ = Drawn::Overlay;
            }
            ctx_->stack.drawTop(window_);
            return true;
        }
        beneathValid_ = false;
        drawScreens(window_);
        drawn_ = Drawn::Whole;
        return true;
    }
    beneathValid_ = false;
    if (changed_ || shown_.getElapsedTime().asSeconds() >= kRefresh) {
        drawScreens(window_);
        changed_ = false;
        drawn_ = Drawn::Whole;
        return true;
    }
    drawn_ = Drawn::Nothing;
    return false;
}

void App::blit(const sf::Texture& t) {
    const sf::Vector2u size = window_.getSize();
    const sf::View view = window_.getView();
    window_.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
    window_.draw(sf::Sprite(t), sf::BlendNone);
    window_.setView(view);
}

sf::Image App::capture() {
    changed_ = true;  // a capture always draws afresh
    render();
    sf::Texture t;
    t.create(window_.getSize().x, window_.getSize().y);
    t.update(window_);
    window_.display();
    return t.copyToImage();
}

std::vector<Box> App::boxes() const {
    const Screen* s = top();
    return s ? s->boxes() : std::vector<Box>{};
}

int App::firstFrame() {
    frame(0.f);
    std::cout << std::chrono::steady_clock::now().time_since_epoch().count() << std::endl;
    return 0;
}

int App::run() {
    running_ = true;
    window_.setFramerateLimit(60);  // a calm program need not spin: 60 frames a second at most
    sf::Clock clock;
    const sf::Time period = sf::seconds(1.f / 60.f);
    while (window_.isOpen()) {
        const float dt = std::min(clock.restart().asSeconds(), 0.1f);
        frame(dt);
        // A frame not drawn is not displayed, so display() did not keep the pace: sleep here.
        if (drawn_ == Drawn::Nothing && clock.getElapsedTime() < period) sf::sleep(period - clock.getElapsedTime());
    }
    return 0;
}

int App::screenshot(const std::string& file, float delay) {
    Context& c = *ctx_;
    // A connection being made, or a partner's move to wait for: frames go on meanwhile.
    sf::Clock waited;
    while ((c.stack.busy() && waited.getElapsedTime().asSeconds() < 20.f) ||
           waited.getElapsedTime().asSeconds() < delay) {
        frame(1.f / 60.f);
        sf::sleep(sf::milliseconds(15));
    }
    // A couple of frames so everything has been laid out and drawn once; animations are settled.
    for (int i = 0; i < 3; ++i) {
        c.stack.settleAll();
        frame(1.f / 60.f);
    }
    c.stack.settleAll();
    const sf::Image image = capture();
    if (!image.saveToFile(file)) {
        std::cerr << "attune: the screenshot could not be saved to " << file << '\n';
        return 1;
    }
    return 0;
}

}  // namespace attune::ui
