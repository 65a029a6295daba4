#include "sfml/screens/MachinesScreens.hpp"

#include "core/load/Loader.hpp"
#include "core/util/Text.hpp"
#include "sfml/screens/LibraryScreen.hpp"
#include "sfml/screens/PlayScreen.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <SFML/Network/TcpListener.hpp>
#include <cmath>
#include <fmt/format.h>
#include <iostream>

namespace attune::ui {
namespace {

std::string otherRole(const Scenario& s, const std::string& role) {
    for (const Role& r : s.roles)
        if (r.id != role) return r.id;
    return role;
}

/// "482913" as "482 913": a six-digit code reads more easily in two groups.
std::string spaced(const std::string& code) {
    if (code.size() == 6 && code.find_first_not_of("0123456789") == std::string::npos)
        return code.substr(0, 3) + " " + code.substr(3);
    return code;
}

/// Dots that come and go while something is awaited (still with reduced motion).
std::string dots(float clock, bool still) {
    return still ? "…" : std::string(1 + static_cast<int>(clock * 2) % 3, '.');
}

}  // namespace

// ---- hosting -----------------------------------------------------------------------------------

/// What the waiting thread and the screen share. The thread may outlive a cancelled screen
/// by a moment, so it holds this, not the screen.
struct HostScreen::Shared {
    net::Listener listener;
    net::Guard guard{30};
    net::HostSide side;
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::optional<net::Joiner> joiner;
    bool done = false, refused = false;
    std::string said;  ///< the last thing the pairing had to say (a wrong code, say)
};

HostScreen::HostScreen(Context& ctx, const Scenario& s, std::filesystem::path file, Preset preset)
    : Screen(ctx),
      sc_(s),
      file_(std::move(file)),
      script_(std::move(preset.script)),
      mode_(preset.mode),
      port_(preset.port),
      code_(preset.code) {
    name_.label = "Your name";
    name_.placeholder = "optional";
    name_.value = preset.name;
    if (!preset.role.empty() && sc_.roles.size() > 1) swapped_ = preset.role == sc_.roles[1].id;
    for (int i = 0; i < 2; ++i) {
        roleBtn_[i].set(sc_.roles[static_cast<std::size_t>(i)].name, "", Button::Kind::Chip);
        roleBtn_[i].setCompact(true);
        modeBtn_[i].setCompact(true);
    }
    modeBtn_[0].set("Each plays a role", "", Button::Kind::Chip);
    modeBtn_[1].set("Mirror", "", Button::Kind::Chip);
    startBtn_.set("Start hosting", "Enter", Button::Kind::Primary);
    backBtn_.set("Back", "Esc", Button::Kind::Secondary);
    if (preset.start) start();
}

HostScreen::~HostScreen() {
    if (shared_) shared_->stop = true;
    if (thread_.joinable()) thread_.join();  // the wait looks up every fifth of a second
}

std::vector<Button*> HostScreen::buttons() {
    if (hosting_) return {&backBtn_};
    return {&roleBtn_[0], &roleBtn_[1], &modeBtn_[0], &modeBtn_[1], &startBtn_, &backBtn_};
}

void HostScreen::start() {
    if (hosting_) return;
    error_.clear();
    // The scenario is read again for the offer, so what is sent is what is played here.
    Diagnostics d(file_.string());
    const auto text = readFile(file_, d);
    std::optional<LoadResult> r;
    if (text && text->size() <= net::kMaxScenario)
        r = loadScenarioText(*text, file_.string(), ctx_.patterns, Checks::Play);
    if (!text || !r || !r->scenario) {
        error_ = !text ? fmt::format("{} could not be read.", homeShort(file_.string()))
                 : text->size() > net::kMaxScenario
                     ? "This scenario is over the size another machine accepts (512 KiB)."
                     : "This scenario has errors now; run attune validate on it.";
        return layout();
    }
    const std::string role = sc_.roles[swapped_ ? 1 : 0].id;
    Table table{mode_, {{name_.value, role}, {"", otherRole(sc_, role)}}, true};
    if (std::string why = checkTable(table, sc_); !why.empty()) {
        error_ = text::capitalFirst(why) + ".";
        return layout();
    }
    auto shared = std::make_shared<Shared>();
    if (shared->listener.open(static_cast<unsigned short>(port_)) != sf::Socket::Done) {
        error_ = fmt::format("Port {} is in use on this machine (is Attune already hosting?).", port_);
        return layout();
    }
    port_ = shared->listener.getLocalPort();  // the one the system gave, when asked for any
    offered_ = std::make_shared<const Scenario>(std::move(*r->scenario));
    if (code_.empty()) code_ = net::randomCode();
    shared->side = net::HostSide{&shared->listener,
                                 code_,
                                 net::Offer{file_.filename().string(), *text, offered_->contentHash, role,
                                            otherRole(sc_, role), name_.value, mode_},
                                 &shared->guard,
                                 [raw = shared.get()](const std::string& line) {
                                     std::lock_guard<std::mutex> lock(raw->mutex);
                                     raw->said = line;
                                 },
                                 [raw = shared.get()] { return raw->stop.load(); }};
    shared_ = shared;
    thread_ = std::thread([shared] {
        bool refused = false;
        auto j = net::meetJoiner(shared->side, {}, &refused);
        std::lock_guard<std::mutex> lock(shared->mutex);
        shared->joiner = std::move(j);
        shared->refused = refused;
        shared->done = true;
    });
    addresses_ = net::localAddresses();
    hosting_ = true;
    status_.clear();
    layout();
}

void HostScreen::cancel() {
    if (!hosting_) return;
    shared_->stop = true;
    if (thread_.joinable()) thread_.join();
    shared_.reset();
    hosting_ = false;
    layout();
}

void HostScreen::back() {
    if (hosting_) return cancel();
    ctx_.stack.replace(std::make_unique<LibraryScreen>(ctx_, sc_.id));
}

void HostScreen::update(float dt) {
    clock_ += dt;
    if (!hosting_) return;
    std::optional<net::Joiner> joiner;
    bool done = false, refused = false;
    std::string said;
    {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        done = shared_->done;
        refused = shared_->refused;
        said = shared_->said;
        if (done) joiner = std::move(shared_->joiner);
    }
    if (said != status_) {
        status_ = said;
        layout();
    }
    if (!done) return;
    thread_.join();
    if (!joiner) {
        hosting_ = false;
        error_ = refused ? "The other machine could not play this scenario." : "Hosting stopped.";
        shared_.reset();
        return layout();
    }
    const std::string role = sc_.roles[swapped_ ? 1 : 0].id;
    Table table{mode_, {{name_.value, role}, {joiner->name, otherRole(sc_, role)}}, true};
    if (!checkTable(table, *offered_).empty()) table.people[1].name.clear();  // a name this machine will not show
    NetSeat seat;
    seat.scenario = offered_;
    seat.run.emplace(offered_, table);
    seat.localRole = role;
    seat.host = true;
    seat.script = script_;
    seat.link = std::move(joiner->link);
    // A dropped joiner: the same code brings it back where the story stands.
    seat.rejoin = net::hostRejoin(shared_->side, shared_);  // the listener lives as long as the game
    ctx_.stack.replace(std::make_unique<PlayScreen>(ctx_, std::move(seat)));
}

void HostScreen::layout() {
    const Theme& th = ctx_.theme;
    const float w = std::round(std::min(ctx_.size.x - 2 * th.margin, 40.f * static_cast<float>(th.type.body)));
    const float x = std::round((ctx_.size.x - w) / 2);
    const float gap = std::round(0.8f * th.unit);
    float y = std::round(th.margin * 0.8f);
    title_.set(fmt::format("Host on two machines: {}", sc_.title), lookFor(th, TextRole::Title));
    title_.setPosition({x, y});
    y += title_.wrap(w) + gap;
    const sf::Vector2f bb = backBtn_.layout(th, w / 2);
    if (hosting_) {
        backBtn_.set("Stop hosting", "Esc", Button::Kind::Secondary);
        backBtn_.layout(th, w / 2);
        codeLabel_.set("Pairing code", lookFor(th, TextRole::Heading));
        codeLabel_.setPosition({x, y});
        y += codeLabel_.wrap(w) + std::round(0.3f * th.unit);
        codeText_.set(spaced(code_), th.look(th.type.display * 2, th.color.accent, true));
        codeText_.setPosition({x, y});
        y += codeText_.wrap(w) + gap;
        whereLabel_.set("On the other machine", lookFor(th, TextRole::Heading));
        whereLabel_.setPosition({x, y});
        y += whereLabel_.wrap(w) + std::round(0.3f * th.unit);
        std::vector<std::string> at;
        for (const std::string& a : addresses_)
            at.push_back(port_ == net::kDefaultPort ? a : fmt::format("{}:{}", a, port_));
        const std::string where =
            at.empty() ? fmt::format(
                             "This machine has no network address now; another program on it can join at "
                             "127.0.0.1{}.",
                             port_ == net::kDefaultPort ? std::string() : fmt::format(":{}", port_))
            : at.size() == 1
                ? fmt::format("Open Attune, choose Join, and type the address {} and the code above.", at.front())
                : fmt::format(
                      "Open Attune, choose Join, and type the code above and one of these addresses (the one "
                      "on your shared network): {}.",
                      text::join(at, ", "));
        whereText_.set(where, lookFor(th, TextRole::Reading));
        whereText_.setPosition({x, y});
        y += whereText_.wrap(w) + gap * 1.5f;
        statusText_.set(fmt::format("Waiting for the other machine{}", dots(clock_, ctx_.still())),
                        th.look(th.type.body, th.color.text, true));
        statusText_.setPosition({x, y});
        y += statusText_.wrap(w) + std::round(0.3f * th.unit);
        noteText_.set((status_.empty() ? std::string() : text::capitalFirst(status_) + ". ") +
                          "The code is the only key: say it aloud or show it, rather than sending it where others "
                          "read. Everything between the two machines is encrypted, and nothing passes through anyone "
                          "else's server.",
                      th.look(th.type.small, th.color.muted));
        noteText_.setPosition({x, y});
        y += noteText_.wrap(w) + gap;
        keys_.set("Esc stop hosting", lookFor(th, TextRole::Caption));
    } else {
        backBtn_.set("Back", "Esc", Button::Kind::Secondary);
        backBtn_.layout(th, w / 2);
        intro_.set(
            "You each play on your own machine: each of you sees only your own choices, your own card and the "
            "lines about your own body. The other machine needs Attune, not the scenario: it comes from here.",
            th.look(th.type.small, th.color.muted));
        intro_.setPosition({x, y});
        y += intro_.wrap(w) + 1.5f * gap;
        y += name_.layout(th, x, y, w, field_ == 0) + gap * 1.5f;
        roleLabel_.set("You play", lookFor(th, TextRole::Heading));
        roleLabel_.setPosition({x, y});
        y += roleLabel_.wrap(w) + std::round(0.4f * th.unit);
        float bx = x, rowH = 0;
        for (int i = 0; i < 2; ++i) {
            const sf::Vector2f s = roleBtn_[i].layout(th, w / 2 - gap);
            roleBtn_[i].setPosition({bx, y});
            roleBtn_[i].setSelected((i == 1) == swapped_);
            roleBtn_[i].setFocused(field_ == 1 && (i == 1) == swapped_);
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
            modeBtn_[i].setFocused(field_ == 2 && (i == 1) == (mode_ == TogetherMode::Mirror));
            bx += s.x + gap;
            rowH = std::max(rowH, s.y);
        }
        y += rowH + std::round(0.5f * th.unit);
        modeNote_.set(
            mode_ == TogetherMode::Mirror
                ? "At every decision you both answer, each on your own screen. Then both screens show the two "
                  "answers side by side, and the answer of the one whose role it is plays on."
                : "Each of you chooses for your own role; while one chooses, the other's screen says so and "
                  "waits.",
            th.look(th.type.small, th.color.muted));
        modeNote_.setPosition({x, y});
        y += modeNote_.wrap(w) + gap;
        keys_.set("Tab next field  ·  type your name  ·  ← → change  ·  Enter start  ·  Esc back",
                  lookFor(th, TextRole::Caption));
    }
    errorText_.set(error_, th.look(th.type.small, th.color.ruptureEnding));
    errorText_.setPosition({x, y});
    if (!error_.empty()) y += errorText_.wrap(w) + gap;
    const sf::Vector2f sb = hosting_ ? sf::Vector2f() : startBtn_.layout(th, w / 2);
    const float keysH = keys_.wrap(w);
    const float bh = std::max(sb.y, backBtn_.size().y);
    const float by = std::max(y + gap, ctx_.size.y - th.margin * 0.6f - keysH - gap - bh);
    (void)bb;
    if (!hosting_) startBtn_.setPosition({x, by});
    backBtn_.setPosition({hosting_ ? x : x + sb.x + gap, by});
    keys_.setPosition({x, by + bh + gap});
}

void HostScreen::handle(const sf::Event& e) {
    if (!hosting_ && e.type == sf::Event::TextEntered && field_ == 0) {
        editText(name_.value, e.text.unicode, name_.max);
        error_.clear();
        return layout();
    }
    if (auto p = pointer(e)) {
        Button* hit = hover(buttons(), *p);
        if (!leftClick(e)) return;
        if (hit == &backBtn_) return back();
        if (hosting_) return;
        if (name_.rect.contains(*p)) {
            field_ = 0;
            return layout();
        }
        if (hit == &roleBtn_[0] || hit == &roleBtn_[1]) {
            field_ = 1;
            swapped_ = hit == &roleBtn_[1];
            return layout();
        }
        if (hit == &modeBtn_[0] || hit == &modeBtn_[1]) {
            field_ = 2;
            mode_ = hit == &modeBtn_[1] ? TogetherMode::Mirror : TogetherMode::Pass;
            return layout();
        }
        if (hit == &startBtn_) return start();
        return;
    }
    if (e.type != sf::Event::KeyPressed) return;
    if (e.key.code == sf::Keyboard::Escape) return back();
    if (hosting_) return;
    if (moveField(e, field_, 3)) return layout();
    switch (e.key.code) {
        case sf::Keyboard::Left:
        case sf::Keyboard::Right:
            if (field_ == 1) swapped_ = !swapped_;
            if (field_ == 2) mode_ = mode_ == TogetherMode::Pass ? TogetherMode::Mirror : TogetherMode::Pass;
            return layout();
        case sf::Keyboard::Enter:
            return start();
        default:
            return;
    }
}

void HostScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    if (hosting_) {
        for (const TextBlock* t : {&codeLabel_, &codeText_, &whereLabel_, &whereText_, &statusText_, &noteText_})
            t->draw(target);
    } else {
        intro_.draw(target);
        name_.draw(target);
        roleLabel_.draw(target);
        modeLabel_.draw(target);
        for (int i = 0; i < 2; ++i) {
            roleBtn_[i].draw(target);
            modeBtn_[i].draw(target);
        }
        modeNote_.draw(target);
        startBtn_.draw(target);
    }
    if (!error_.empty()) errorText_.draw(target);
    backBtn_.draw(target);
    keys_.draw(target);
}

std::string HostScreen::shownText() const {
    std::string out = title_.text();
    const auto add = [&](const TextBlock& t) { out += "\n" + t.text(); };
    if (hosting_) {
        for (const TextBlock* t : {&codeLabel_, &codeText_, &whereLabel_, &whereText_, &statusText_, &noteText_})
            add(*t);
    } else {
        for (const TextBlock* t : {&intro_, &name_.labelText, &name_.valueText, &roleLabel_, &modeLabel_, &modeNote_})
            add(*t);
    }
    if (!error_.empty()) add(errorText_);
    return out;
}

std::vector<Box> HostScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    if (hosting_) {
        addBox(out, "code label", codeLabel_.bounds());
        addBox(out, "code", codeText_.bounds());
        addBox(out, "where label", whereLabel_.bounds());
        addBox(out, "where", whereText_.bounds());
        addBox(out, "status", statusText_.bounds());
        addBox(out, "note", noteText_.bounds());
    } else {
        addBox(out, "intro", intro_.bounds());
        addBox(out, "name label", name_.labelText.bounds());
        const int box = addBox(out, "name", name_.rect);
        addBox(out, "name text", name_.valueText.bounds(), box);
        addBox(out, "role label", roleLabel_.bounds());
        roleBtn_[0].boxes(out, "role 1");
        roleBtn_[1].boxes(out, "role 2");
        addBox(out, "mode label", modeLabel_.bounds());
        modeBtn_[0].boxes(out, "pass");
        modeBtn_[1].boxes(out, "mirror");
        addBox(out, "mode note", modeNote_.bounds());
        startBtn_.boxes(out, "start");
    }
    if (!error_.empty()) addBox(out, "error", errorText_.bounds());
    backBtn_.boxes(out, "back");
    addBox(out, "keys", keys_.bounds());
    return out;
}

// ---- joining -----------------------------------------------------------------------------------

struct JoinScreen::Shared {
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::optional<net::Hosted> hosted;
};

JoinScreen::JoinScreen(Context& ctx, Preset preset) : Screen(ctx), script_(std::move(preset.script)) {
    fields_[0].label = "The host's address";
    fields_[0].placeholder = "as the host's screen shows it, for example 192.168.1.20";
    fields_[0].max = 80;
    fields_[0].value = preset.address;
    fields_[1].label = "Pairing code";
    fields_[1].placeholder = "the code on the host's screen";
    fields_[1].max = 64;
    fields_[1].value = preset.code;
    fields_[2].label = "Your name";
    fields_[2].placeholder = "optional";
    fields_[2].value = preset.name;
    joinBtn_.set("Join", "Enter", Button::Kind::Primary);
    backBtn_.set("Back", "Esc", Button::Kind::Secondary);
    if (preset.start) start();
}

JoinScreen::~JoinScreen() {
    if (shared_) shared_->stop = true;
    if (thread_.joinable()) thread_.join();  // connecting looks up at least once a second
}

void JoinScreen::setField(int i, std::string value) {
    fields_[i % 3].value = std::move(value);
    error_.clear();
    layout();
}

std::vector<Button*> JoinScreen::buttons() {
    if (connecting_) return {&backBtn_};
    return {&joinBtn_, &backBtn_};
}

void JoinScreen::start() {
    if (connecting_) return;
    error_.clear();
    diagnostics_.clear();
    std::string host, why;
    unsigned short port = 0;
    // The code is typed as shown: "482 913" has a space for reading only.
    std::string code;
    for (char c : fields_[1].value)
        if (c != ' ') code += c;
    if (!net::parseAddress(text::trim(fields_[0].value), host, port, why)) {
        error_ = text::capitalFirst(why) + ".";
        field_ = 0;
        return layout();
    }
    if (!net::goodCode(code)) {
        error_ = "Type the pairing code the host's screen shows.";
        field_ = 1;
        return layout();
    }
    const std::string name = text::trim(fields_[2].value);
    auto shared = std::make_shared<Shared>();
    const PatternLibrary* patterns = &ctx_.patterns;
    side_ =
        net::JoinSide{host, port, code, name, 10.f, patterns, {}, [raw = shared.get()] { return raw->stop.load(); }};
    target_ = port == net::kDefaultPort ? host : fmt::format("{}:{}", host, port);
    shared_ = shared;
    thread_ = std::thread([shared, side = side_] {
        net::Hosted h = net::meetHost(side);
        std::lock_guard<std::mutex> lock(shared->mutex);
        shared->hosted = std::move(h);
    });
    connecting_ = true;
    layout();
}

void JoinScreen::cancel() {
    if (!connecting_) return;
    shared_->stop = true;
    if (thread_.joinable()) thread_.join();
    shared_.reset();
    connecting_ = false;
    layout();
}

void JoinScreen::update(float dt) {
    clock_ += dt;
    if (!connecting_) return;
    std::optional<net::Hosted> h;
    {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        h = std::move(shared_->hosted);
    }
    if (!h) return layout();  // the dots move
    thread_.join();
    connecting_ = false;
    shared_.reset();
    if (!h->link) {
        error_ = text::capitalFirst(h->error) + ".";
        diagnostics_ = h->diagnostics;
        for (const auto& d : diagnostics_) std::cerr << d << '\n';
        if (!diagnostics_.empty())
            error_ += fmt::format(" {} (the first of {}).", diagnostics_.front(), diagnostics_.size());
        return layout();
    }
    NetSeat seat;
    seat.scenario = h->scenario;
    if (h->resume) {
        // Back after this window closed: the host's story so far, replayed here.
        auto back = Playthrough::restore(h->scenario, *h->resume);
        if (!back.playthrough) {
            std::string ignored;
            h->link->send({{"t", "error"}, {"why", "the story so far did not replay here"}}, ignored);
            error_ = fmt::format("The story so far did not replay here: {}.", back.error);
            return layout();
        }
        seat.run = std::move(back.playthrough);
    } else {
        seat.run.emplace(h->scenario, h->table);
    }
    seat.localRole = h->localRole;
    seat.link = std::move(h->link);
    seat.script = script_;
    // A drop: this machine reconnects by itself, with the same code, to the same scenario.
    seat.rejoin = net::joinRejoin(side_, h->scenario->contentHash);
    ctx_.stack.replace(std::make_unique<PlayScreen>(ctx_, std::move(seat)));
}

void JoinScreen::layout() {
    const Theme& th = ctx_.theme;
    const float w = std::round(std::min(ctx_.size.x - 2 * th.margin, 40.f * static_cast<float>(th.type.body)));
    const float x = std::round((ctx_.size.x - w) / 2);
    const float gap = std::round(0.8f * th.unit);
    float y = std::round(th.margin * 0.8f);
    title_.set("Join a partner on another machine", lookFor(th, TextRole::Title));
    title_.setPosition({x, y});
    y += title_.wrap(w) + gap;
    intro_.set(
        "On the host's machine, open a scenario and choose Host: its screen shows its address and a pairing "
        "code. The scenario comes from there, checked here before you play. Each of you sees only your own "
        "choices, card and body lines.",
        th.look(th.type.small, th.color.muted));
    intro_.setPosition({x, y});
    y += intro_.wrap(w) + 1.5f * gap;
    for (int i = 0; i < 3; ++i) y += fields_[i].layout(th, x, y, w, !connecting_ && field_ == i) + gap * 1.5f;
    statusText_.set(connecting_ ? fmt::format("Connecting to {}{}", target_, dots(clock_, ctx_.still())) : "",
                    th.look(th.type.body, th.color.text, true));
    statusText_.setPosition({x, y});
    if (connecting_) y += statusText_.wrap(w) + gap;
    errorText_.set(error_, th.look(th.type.small, th.color.ruptureEnding));
    errorText_.setPosition({x, y});
    if (!error_.empty()) y += errorText_.wrap(w) + gap;
    backBtn_.set(connecting_ ? "Cancel" : "Back", "Esc", Button::Kind::Secondary);
    const sf::Vector2f jb = joinBtn_.layout(th, w / 2);
    const sf::Vector2f bb = backBtn_.layout(th, w / 2);
    keys_.set(connecting_ ? "Esc cancel" : "Tab next field  ·  type  ·  Enter join  ·  Esc back",
              lookFor(th, TextRole::Caption));
    const float keysH = keys_.wrap(w);
    const float bh = std::max(jb.y, bb.y);
    const float by = std::max(y + gap, ctx_.size.y - th.margin * 0.6f - keysH - gap - bh);
    joinBtn_.setPosition({x, by});
    backBtn_.setPosition({connecting_ ? x : x + jb.x + gap, by});
    keys_.setPosition({x, by + bh + gap});
}

void JoinScreen::handle(const sf::Event& e) {
    if (!connecting_ && e.type == sf::Event::TextEntered) {
        if (e.text.unicode == '\t' || e.text.unicode == '\r' || e.text.unicode == '\n') return;
        editText(fields_[field_].value, e.text.unicode, fields_[field_].max);
        error_.clear();
        return layout();
    }
    if (auto p = pointer(e)) {
        Button* hit = hover(buttons(), *p);
        if (!leftClick(e)) return;
        if (hit == &backBtn_) return connecting_ ? cancel() : ctx_.stack.replace(std::make_unique<LibraryScreen>(ctx_));
        if (connecting_) return;
        for (int i = 0; i < 3; ++i)
            if (fields_[i].rect.contains(*p)) {
                field_ = i;
                return layout();
            }
        if (hit == &joinBtn_) return start();
        return;
    }
    if (e.type != sf::Event::KeyPressed) return;
    if (e.key.code == sf::Keyboard::Escape)
        return connecting_ ? cancel() : ctx_.stack.replace(std::make_unique<LibraryScreen>(ctx_));
    if (connecting_) return;
    if (moveField(e, field_, 3)) return layout();
    switch (e.key.code) {
        case sf::Keyboard::Enter:
            return start();
        default:
            return;
    }
}

void JoinScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    intro_.draw(target);
    for (const Field& f : fields_) f.draw(target);
    if (connecting_) statusText_.draw(target);
    if (!error_.empty()) errorText_.draw(target);
    if (!connecting_) joinBtn_.draw(target);
    backBtn_.draw(target);
    keys_.draw(target);
}

std::string JoinScreen::shownText() const {
    std::string out = title_.text() + "\n" + intro_.text();
    for (const Field& f : fields_) out += "\n" + f.labelText.text() + "\n" + f.valueText.text();
    if (connecting_) out += "\n" + statusText_.text();
    if (!error_.empty()) out += "\n" + errorText_.text();
    return out;
}

std::vector<Box> JoinScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    addBox(out, "intro", intro_.bounds());
    for (int i = 0; i < 3; ++i) {
        addBox(out, fmt::format("field label {}", i + 1), fields_[i].labelText.bounds());
        const int box = addBox(out, fmt::format("field {}", i + 1), fields_[i].rect);
        addBox(out, fmt::format("field text {}", i + 1), fields_[i].valueText.bounds(), box);
    }
    if (connecting_) addBox(out, "status", statusText_.bounds());
    if (!error_.empty()) addBox(out, "error", errorText_.bounds());
    if (!connecting_) joinBtn_.boxes(out, "join");
    backBtn_.boxes(out, "back");
    addBox(out, "keys", keys_.bounds());
    return out;
}

// ---- a notice over the story -------------------------------------------------------------------

NoticeScreen::NoticeScreen(Context& ctx, std::string title, std::string line, std::string button,
                           std::function<void()> onButton, std::function<bool()> over)
    : Screen(ctx),
      titleText_(std::move(title)),
      lineText_(std::move(line)),
      onButton_(std::move(onButton)),
      over_(std::move(over)) {
    button_.set(std::move(button), "Esc", Button::Kind::Secondary);
}

void NoticeScreen::press() {
    if (done_) return;
    done_ = true;
    ctx_.stack.pop();
    if (onButton_) ctx_.stack.later(onButton_);
}

void NoticeScreen::update(float) {
    if (done_ || !over_ || !over_()) return;
    done_ = true;  // the connection is back: the story goes on beneath
    ctx_.stack.pop();
}

void NoticeScreen::layout() {
    const Theme& th = ctx_.theme;
    dim_.setSize(ctx_.size);
    dim_.setFillColor(th.color.dim);
    const float w = std::round(std::min(ctx_.size.x - 2 * th.margin, 30.f * static_cast<float>(th.type.body)));
    const float pad = std::round(2.f * th.unit), gap = std::round(1.f * th.unit);
    title_.set(titleText_, lookFor(th, TextRole::Title));
    line_.set(lineText_, lookFor(th, TextRole::Body));
    const float h =
        title_.wrap(w - 2 * pad) + gap + line_.wrap(w - 2 * pad) + gap * 1.5f + button_.layout(th, w).y + 2 * pad;
    panelRect_ = {std::round((ctx_.size.x - w) / 2), std::round((ctx_.size.y - h) / 2), w, std::round(h)};
    panel_ = panel(th, panelRect_, true);
    float y = panelRect_.top + pad;
    title_.setPosition({panelRect_.left + pad, y});
    y += title_.height() + gap;
    line_.setPosition({panelRect_.left + pad, y});
    y += line_.height() + gap * 1.5f;
    button_.setPosition({panelRect_.left + pad, y});
    button_.setFocused(true);
}

void NoticeScreen::handle(const sf::Event& e) {
    if (auto p = pointer(e)) {
        button_.setHovered(button_.contains(*p));
        if (leftClick(e) && button_.contains(*p)) press();
        return;
    }
    // Esc only: Enter and Space are the keys of the story beneath, and may still be pressed.
    if (pressed(e, sf::Keyboard::Escape)) press();
}

void NoticeScreen::draw(sf::RenderTarget& target) const {
    target.draw(dim_);
    drawOpaque(target, panel_);
    title_.draw(target);
    line_.draw(target);
    button_.draw(target);
}

std::string NoticeScreen::shownText() const { return title_.text() + "\n" + line_.text() + "\n" + button_.label(); }

std::vector<Box> NoticeScreen::boxes() const {
    std::vector<Box> out;
    const int p = addBox(out, "notice panel", panelRect_);
    addBox(out, "notice title", title_.bounds(), p);
    addBox(out, "notice line", line_.bounds(), p);
    button_.boxes(out, "notice button", p);
    return out;
}

}  // namespace attune::ui
