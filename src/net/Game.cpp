#include "net/Game.hpp"

#include "core/util/Text.hpp"

#include <SFML/Network/SocketSelector.hpp>
#include <SFML/System/Sleep.hpp>
#include <arpa/inet.h>
#include <fmt/format.h>
#include <ifaddrs.h>
#include <netinet/in.h>

namespace attune::net {
namespace {

using nlohmann::json;
constexpr std::size_t kMaxPending = 1000;  ///< settled steps a joiner keeps before it reaches them

/// A string field of a message from the other machine, or `fallback` when it is missing
/// or not a string (a peer's message never throws here).
std::string field(const json& m, const char* key, const std::string& fallback = {}) {
    const auto it = m.find(key);
    return it != m.end() && it->is_string() ? it->get<std::string>() : fallback;
}

int intField(const json& m, const char* key) {
    const auto it = m.find(key);
    return it != m.end() && it->is_number_integer() ? it->get<int>() : -1;
}

bool stopped(const Stop& stop) { return stop && stop(); }

/// Text from the other machine, fit to show: no control characters, at most 200 characters.
std::string clean(const std::string& s) {
    std::string out;
    for (unsigned char c : s)
        if (c >= 0x20 && c != 0x7f) out += static_cast<char>(c);
    if (text::firstInvalidUtf8(out)) return "(text that is not UTF-8)";
    return text::shorten(out, 200);
}

/// Sleeps `seconds`, looking up every tenth of a second; false when stopped.
bool pause(float seconds, const Stop& stop) {
    for (float t = 0; t < seconds; t += 0.1f) {
        if (stopped(stop)) return false;
        sf::sleep(sf::milliseconds(100));
    }
    return !stopped(stop);
}

}  // namespace

bool parseAddress(const std::string& text, std::string& host, unsigned short& port, std::string& error) {
    host = text;
    port = kDefaultPort;
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) return !host.empty() || (error = "write the host's address", false);
    const std::string p = text.substr(colon + 1);
    if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos || std::stoi(p) > 65535 ||
        std::stoi(p) == 0) {
        error = fmt::format("'{}' is not a port; write HOST or HOST:PORT", p);
        return false;
    }
    port = static_cast<unsigned short>(std::stoi(p));
    host = text.substr(0, colon);
    if (host.empty()) {
        error = "write the host's address before the port";
        return false;
    }
    return true;
}

bool goodCode(const std::string& c) {
    if (c.empty() || c.size() > 64) return false;
    for (unsigned char ch : c)
        if (ch < 0x21 || ch > 0x7e) return false;
    return true;
}

std::vector<std::string> localAddresses() {
    std::vector<std::string> out;
    ifaddrs* all = nullptr;
    if (getifaddrs(&all) != 0) return out;
    for (const ifaddrs* a = all; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        char buf[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(a->ifa_addr);
        if (!inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf)) continue;
        const std::string ip = buf;
        if (ip.rfind("127.", 0) == 0 || std::find(out.begin(), out.end(), ip) != out.end()) continue;
        out.push_back(ip);
    }
    freeifaddrs(all);
    return out;
}

void Guard::wrongCode(const std::function<void(const std::string&)>& say, const Stop& stop) {
    const auto now = std::chrono::steady_clock::now();
    failures_.push_back(now);
    while (!failures_.empty() && now - failures_.front() > std::chrono::minutes(1)) failures_.pop_front();
    if (failures_.size() < 5) return;
    say(fmt::format("five wrong codes within a minute; waiting {} seconds before the next pairing", slowdown_));
    pause(static_cast<float>(slowdown_), stop);
    failures_.clear();
}

std::optional<Joiner> meetJoiner(HostSide& h, const std::function<json()>& resume, bool* refused) {
    const auto say = [&](const std::string& line) {
        if (h.say) h.say(line);
    };
    const auto start = std::chrono::steady_clock::now();
    while (!stopped(h.stop)) {
        if (h.giveUpSeconds > 0 &&
            std::chrono::steady_clock::now() - start > std::chrono::duration<float>(h.giveUpSeconds))
            return std::nullopt;
        // The listener is looked at in short waits, so a Cancel is heard.
        sf::SocketSelector ready;
        ready.add(*h.listener);
        if (!ready.wait(sf::milliseconds(200))) continue;
        std::string err;
        bool wrong = false;
        auto link = Link::accept(*h.listener, h.code, err, &wrong, h.stop);
        if (!link) {
            say(err);
            if (wrong && h.guard) h.guard->wrongCode(say, h.stop);  // a silent or garbled connection is no guess
            continue;
        }
        json hello{{"t", "scenario"},
                   {"file", h.offer.file},
                   {"yaml", h.offer.yaml},
                   {"hash", h.offer.hash},
                   {"role", h.offer.joinRole},
                   {"hostRole", h.offer.hostRole},
                   {"hostName", h.offer.hostName},
                   {"mode", name(h.offer.mode)}};
        if (resume) hello["resume"] = resume();
        if (!link->send(hello, err)) {
            say(err);
            continue;
        }
        std::optional<json> answer;
        for (int waited = 0; !answer && err.empty() && waited < 60 && !stopped(h.stop); ++waited)
            answer = link->receive(1.f, err);  // loading and checking take well under a second
        if (!answer) {
            if (!stopped(h.stop))
                say(err.empty() ? "the other machine did not answer the scenario within a minute" : err);
            continue;
        }
        if ((*answer)["t"] == "refuse") {
            say(fmt::format("the other machine could not play the scenario: {}",
                            field(*answer, "why", "no reason given")));
            if (refused) *refused = true;
            return std::nullopt;
        }
        if ((*answer)["t"] != "ready" || field(*answer, "hash") != h.offer.hash) {
            say("the other machine did not say it was ready");
            continue;
        }
        return Joiner{std::move(link), field(*answer, "name")};
    }
    return std::nullopt;
}

Hosted meetHost(const JoinSide& j) {
    Hosted out;
    std::string err;
    auto link = Link::connect(j.address, j.port, j.code, j.retrySeconds, err, j.stop);
    if (!link) {
        out.final = err.rfind("the host refused the pairing code", 0) == 0;
        out.error = err;
        return out;
    }
    std::optional<json> m;
    while (!m && !stopped(j.stop)) {
        m = link->receive(1.f, err);
        if (!m && !err.empty()) {
            out.error = err;
            return out;
        }
    }
    if (!m) {
        out.error = "stopped";
        return out;
    }
    const auto refuse = [&](const std::string& why, std::string error) {
        std::string ignored;
        link->send({{"t", "refuse"}, {"why", why}}, ignored);
        out.error = std::move(error);
        out.final = true;
        return std::move(out);
    };
    Offered o = readOffer(*m, *j.patterns, j.name, j.expectHash);
    out.diagnostics = std::move(o.diagnostics);
    if (!o.refuse.empty()) return refuse(o.refuse, std::move(o.error));
    out.resume = std::move(o.resume);
    if (!link->send({{"t", "ready"}, {"hash", o.scenario->contentHash}, {"name", j.name}}, err)) {
        out.error = err;
        return out;
    }
    out.link = std::move(link);
    out.scenario = std::move(o.scenario);
    out.table = std::move(o.table);
    out.localRole = std::move(o.localRole);
    return out;
}

Offered readOffer(const json& m, const PatternLibrary& patterns, const std::string& name,
                  const std::string& expectHash) {
    Offered out;
    const auto refuse = [&](std::string why, std::string error) {
        out.refuse = std::move(why);
        out.error = std::move(error);
        return std::move(out);
    };
    const auto yamlField = m.find("yaml"), roleField = m.find("role");
    if (field(m, "t") != "scenario" || yamlField == m.end() || !yamlField->is_string() || roleField == m.end() ||
        !roleField->is_string())
        return refuse("no scenario came", "the host did not send a scenario");
    const std::string yaml = *yamlField;
    if (yaml.size() > kMaxScenario)
        return refuse(
            fmt::format("the scenario is {} bytes; a joining machine accepts at most {}", yaml.size(), kMaxScenario),
            fmt::format("the host's scenario is {} bytes; scenarios from another machine are limited to {} bytes",
                        yaml.size(), kMaxScenario));
    if (!expectHash.empty() && field(m, "hash") != expectHash)
        return refuse("it is not the scenario being played", "the host is playing another scenario now");
    // The same loader and checks as a file on disk.
    const std::string file = fmt::format("(from the host) {}", field(m, "file", "scenario.yaml"));
    LoadResult r = loadScenarioText(yaml, file, patterns, Checks::Play);
    for (const auto& d : r.diags.all()) out.diagnostics.push_back(d.format());
    if (!r.scenario) return refuse("it has errors on this machine", "the scenario from the host did not load here");
    auto s = std::make_shared<const Scenario>(std::move(*r.scenario));
    if (s->contentHash != field(m, "hash"))
        return refuse("its content hash differs", "the scenario arrived changed (its content hash differs)");
    const std::string role = *roleField, hostRole = field(m, "hostRole");
    if (!s->role(role) || !s->role(hostRole) || role == hostRole)
        return refuse("the roles do not fit the scenario", "the host asked for roles the scenario does not have");
    const auto mode = parseTogetherMode(field(m, "mode", "pass"));
    if (!mode || *mode == TogetherMode::Solo)
        return refuse("the mode is not one this machine knows",
                      "the host asked for a way of playing this machine does not know");
    Table table{*mode, {{field(m, "hostName"), hostRole}, {name, role}}, true};
    if (!checkTable(table, *s).empty()) table.people[0].name.clear();  // a name this machine will not show
    if (const auto story = m.find("resume"); story != m.end()) {
        out.resume = savedFrom(*story, *s, table);
        if (!out.resume) return refuse("the story so far is malformed", "the host's story so far is malformed");
    }
    out.scenario = std::move(s);
    out.table = std::move(table);
    out.localRole = role;
    return out;
}

PlayMessage readPlayMessage(const json& m, bool host) {
    PlayMessage out;
    const std::string t = field(m, "t");
    if (t == "bye") {
        out.kind = PlayMessage::Kind::Bye;
        return out;
    }
    if (t == "error") {
        out.kind = PlayMessage::Kind::Error;
        out.text = clean(field(m, "why", "no reason given"));
        return out;
    }
    if (t != (host ? "pick" : "step")) {
        out.text = clean(t);
        return out;  // Unexpected
    }
    out.at = intField(m, "at");
    out.node = field(m, "node");
    out.choice = field(m, "choice");
    out.mirror = field(m, "mirror");
    const auto fits = [](const std::string& x) { return x.size() <= 200 && clean(x) == x; };
    const bool wellFormed =
        !out.node.empty() && !out.choice.empty() && fits(out.node) && fits(out.choice) && fits(out.mirror);
    out.kind = wellFormed ? PlayMessage::Kind::Move : PlayMessage::Kind::Malformed;
    return out;
}

json savedJson(const SavedPlaythrough& s) {
    json picks = json::array();
    for (const PickRecord& r : s.picks) {
        json p{{"node", r.node}, {"role", r.role}, {"choice", r.choice}, {"byDefault", r.byDefault}};
        if (!r.mirror.empty()) p["mirror"] = r.mirror;
        picks.push_back(std::move(p));
    }
    return {{"picks", picks}, {"node", s.node}, {"meters", s.meters}, {"steps", s.steps}};
}

std::optional<SavedPlaythrough> savedFrom(const json& j, const Scenario& s, const Table& table) {
    SavedPlaythrough out;
    out.scenario = s.id;
    out.hash = s.contentHash;
    out.table = table;
    for (const Person& p : table.people) out.played.insert(p.role);
    if (!j.is_object() || !j.contains("picks") || !j["picks"].is_array() || !j.contains("meters") ||
        !j["meters"].is_array() || !j.contains("steps") || !j["steps"].is_number_integer())
        return std::nullopt;
    for (const json& r : j["picks"]) {
        if (!r.is_object()) return std::nullopt;
        PickRecord rec{field(r, "node"), field(r, "role"), field(r, "choice"), false, field(r, "mirror")};
        const auto d = r.find("byDefault");
        rec.byDefault = d != r.end() && d->is_boolean() && d->get<bool>();
        out.picks.push_back(std::move(rec));
    }
    for (const json& m : j["meters"]) {
        if (!m.is_number_integer()) return std::nullopt;
        out.meters.push_back(m.get<int>());
    }
    out.node = field(j, "node");
    out.steps = j["steps"].get<int>();
    return out;
}

Game::Game(Playthrough& run, std::string localRole, bool host, std::unique_ptr<Link> link, Rejoin rejoin)
    : run_(run), localRole_(std::move(localRole)), host_(host), rejoin_(std::move(rejoin)), link_(std::move(link)) {
    refresh();
    // The story a returning joiner is offered is kept as the playthrough moves (the front
    // end may then wait on a person for a long time without calling in).
    self_ = std::make_shared<Game*>(this);
    run_.listen([self = std::weak_ptr<Game*>(self_)](const Playthrough&, const PlayEvent&) {
        if (auto g = self.lock(); g && *g) (*g)->refresh();
    });
    thread_ = std::thread([this] { listen(); });
}

Game::~Game() {
    *self_ = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    if (thread_.joinable()) thread_.join();
}

void Game::listen() {
    const Stop stop = [this] {
        std::lock_guard<std::mutex> lock(mutex_);
        return stop_;
    };
    const std::function<json()> story = [this] {
        std::lock_guard<std::mutex> lock(mutex_);
        return story_;
    };
    const auto callback = [this](std::function<void()> Game::*which) {
        std::function<void()> f;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            f = this->*which;
        }
        if (f) f();
    };
    while (!stop()) {
        bool full = false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            full = inbox_.size() >= kMaxInbox;
        }
        if (full) {  // the front end has not read what came: leave the rest in the socket for now
            sf::sleep(sf::milliseconds(50));
            continue;
        }
        Link* link = link_.get();  // only this thread replaces it
        std::string err;
        auto m = link->receive(0.25f, err);
        if (m) {
            const bool last = (*m)["t"] == "bye" || (*m)["t"] == "error";
            const bool bye = (*m)["t"] == "bye";
            {
                std::lock_guard<std::mutex> lock(mutex_);
                inbox_.push_back(std::move(*m));
            }
            arrived_.notify_all();
            if (bye) callback(&Game::onLeft_);
            if (last) return;  // the other side is closing: nothing to take up again
            continue;
        }
        if (err.empty()) continue;  // quiet, but the heartbeat says the peer is there
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stop_) return;
            linkUp_ = false;
            lostWhy_ = err;
            news_.push_back(News::Lost);
        }
        // Closed at once, so the other side notices too (its heartbeats stop being answered).
        link->close();
        arrived_.notify_all();
        callback(&Game::onLost_);
        Rejoined again = rejoin_ ? rejoin_(stop, story) : Rejoined{nullptr, std::nullopt, err};
        std::unique_ptr<Link> old;
        const bool back = again.link != nullptr;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stop_) return;
            if (!back) {
                rejoinFailed_ = again.error.empty() ? err : again.error;
            } else {
                old = std::move(link_);
                link_ = std::move(again.link);
                linkUp_ = true;
                if (again.resume) {
                    resume_ = std::move(again.resume);
                    inbox_.clear();  // steps that came before the drop are in the host's story
                }
                reconnected_ = true;
                news_.push_back(News::Back);
            }
        }
        arrived_.notify_all();
        if (!back) return;
    }
}

void Game::onLost(std::function<void()> f) {
    std::lock_guard<std::mutex> lock(mutex_);
    onLost_ = std::move(f);
}

void Game::onLeft(std::function<void()> f) {
    std::lock_guard<std::mutex> lock(mutex_);
    onLeft_ = std::move(f);
}

void Game::send(const json& m) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!linkUp_ || !link_) return;  // taken up again after the reconnection
    std::string ignored;
    link_->send(m, ignored);  // a failure is the listening thread's to notice
}

void Game::fail(std::string why, bool tell) {
    if (gone()) return;
    if (tell) send({{"t", "error"}, {"why", why}});
    error_ = std::move(why);
    std::lock_guard<std::mutex> lock(mutex_);
    news_.push_back(News::Failed);
    stop_ = true;
}

void Game::leave() {
    if (said_ || gone()) return;
    said_ = true;
    send({{"t", "bye"}});
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
}

bool Game::connected() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return linkUp_;
}

std::vector<Game::News> Game::news() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<News> out;
    out.swap(news_);
    return out;
}

void Game::wait(float seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    arrived_.wait_for(lock, std::chrono::milliseconds(static_cast<int>(seconds * 1000)), [this] {
        return !inbox_.empty() || !news_.empty() || resume_.has_value() || !rejoinFailed_.empty();
    });
}

void Game::refresh() {
    if (!host_) return;
    const std::size_t picks = run_.picks().size();
    const int steps = static_cast<int>(run_.session().history().size());
    if (picks == storyPicks_ && steps == storySteps_) return;
    storyPicks_ = picks;
    storySteps_ = steps;
    json story = savedJson(run_.save());
    std::lock_guard<std::mutex> lock(mutex_);
    story_ = std::move(story);
}

bool Game::decisionNow() const { return run_.state() == Session::State::Decision && run_.turn().has_value(); }

bool Game::yours() const {
    if (gone() || !decisionNow() || offered_) return false;
    return run_.mode() == TogetherMode::Mirror || run_.session().chooser() == localRole_;
}

int Game::find(const std::string& key) const {
    const Node& n = run_.session().node();
    for (int c : run_.session().visibleChoices())
        if (choiceKey(n.choices[static_cast<std::size_t>(c)]) == key) return c;
    return -1;
}

bool Game::offer(int choice) {
    if (!yours()) return false;
    const auto shown = run_.session().visibleChoices();
    if (std::find(shown.begin(), shown.end(), choice) == shown.end()) return false;
    const Node& n = run_.session().node();
    const int at = static_cast<int>(run_.session().history().size()) - 1;
    offered_ = Step{at, n.id, choiceKey(n.choices[static_cast<std::size_t>(choice)]), {}};
    offeredIndex_ = choice;
    if (!host_) send({{"t", "pick"}, {"at", at}, {"node", n.id}, {"choice", offered_->choice}});
    return true;
}

void Game::take(const json& m) {
    PlayMessage got = readPlayMessage(m, host_);
    switch (got.kind) {
        case PlayMessage::Kind::Bye: {
            left_ = true;
            std::lock_guard<std::mutex> lock(mutex_);
            news_.push_back(News::Left);
            stop_ = true;
            return;
        }
        case PlayMessage::Kind::Error:
            return fail(fmt::format("the other machine said: {}", got.text), false);
        case PlayMessage::Kind::Unexpected:
            return fail(fmt::format("the other machine sent '{}', which does not belong here", got.text));
        case PlayMessage::Kind::Malformed:
            return fail(fmt::format("the other machine sent a malformed '{}'", host_ ? "pick" : "step"));
        case PlayMessage::Kind::Move:
            break;
    }
    const Step st{got.at, std::move(got.node), std::move(got.choice), std::move(got.mirror)};
    if (host_) {
        // The newest answer counts: one sent again after a reconnection, or one that follows an
        // answer to a moment settled without it (the owner took a breathing pause).
        if (!remote_ || st.at >= remote_->at) remote_ = st;
        return;
    }
    if (steps_.size() >= kMaxPending) return fail("the host sent more steps than the story has room for");
    steps_.push_back(st);
}

void Game::reconcile(const SavedPlaythrough& story) {
    std::vector<const PickRecord*> mine, theirs;
    for (const PickRecord& r : run_.picks())
        if (!r.byDefault) mine.push_back(&r);
    for (const PickRecord& r : story.picks)
        if (!r.byDefault) theirs.push_back(&r);
    if (theirs.size() < mine.size()) return fail("the host's story so far is shorter than this machine's");
    for (std::size_t i = 0; i < mine.size(); ++i)
        if (mine[i]->node != theirs[i]->node || mine[i]->choice != theirs[i]->choice ||
            mine[i]->mirror != theirs[i]->mirror)
            return fail(fmt::format("the host's story so far differs from this machine's at step {}", i + 1));
    steps_.clear();
    for (std::size_t i = mine.size(); i < theirs.size(); ++i)
        steps_.push_back(Step{-1, theirs[i]->node, theirs[i]->choice, theirs[i]->mirror});
    // An answer the host never had: sent again.
    if (offered_ && steps_.empty())
        send({{"t", "pick"}, {"at", offered_->at}, {"node", offered_->node}, {"choice", offered_->choice}});
}

std::optional<Game::Settled> Game::settle() {
    refresh();
    std::deque<json> got;
    std::optional<SavedPlaythrough> resume;
    std::string rejoinFailed;
    bool reconnected = false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        got.swap(inbox_);
        resume.swap(resume_);
        rejoinFailed = rejoinFailed_;
        std::swap(reconnected, reconnected_);
    }
    // A new link: the joiner sends its answer again, so an answer from before the drop (perhaps
    // from a program that has since closed) no longer counts.
    if (reconnected && host_) remote_.reset();
    // A joiner back after a drop: the host's story replaces what was queued before it.
    if (resume) reconcile(*resume);
    for (const json& m : got) {
        if (!error_.empty()) break;
        take(m);
    }
    if (!rejoinFailed.empty()) fail(rejoinFailed, false);
    // Steps that came before a goodbye are still played: the host says goodbye at the ending.
    if (!error_.empty() || !decisionNow() || (left_ && (host_ || steps_.empty()))) return std::nullopt;
    return host_ ? settleHost() : settleJoiner();
}

std::optional<Game::Settled> Game::settleHost() {
    if (!connected()) return std::nullopt;  // a drop pauses both sides: nothing is settled without the joiner
    const Session& s = run_.session();
    const Node& n = s.node();
    const int at = static_cast<int>(s.history().size()) - 1;
    if (remote_ && remote_->at >= 0 && remote_->at < at) remote_.reset();  // an answer to a moment settled without it
    const bool localOwns = s.chooser() == localRole_;
    const bool mirror = run_.mode() == TogetherMode::Mirror;
    if (remote_ && (remote_->at != at || remote_->node != n.id || (localOwns && !mirror))) {
        fail(fmt::format("the other machine's pick is not for this moment (at '{}')", n.id));
        return std::nullopt;
    }
    if (remote_ && find(remote_->choice) < 0) {
        fail(fmt::format("the choice '{}' is not shown at '{}'", remote_->choice, n.id));
        return std::nullopt;
    }
    const std::optional<Step>& owner = localOwns ? offered_ : remote_;
    const std::optional<Step>& other = localOwns ? remote_ : offered_;
    if (!owner) return std::nullopt;
    Settled out{find(owner->choice), -1};
    json step{{"t", "step"}, {"at", at}, {"node", n.id}, {"choice", owner->choice}};
    if (mirror && !n.choices[static_cast<std::size_t>(out.choice)].breathe) {
        if (!other) return std::nullopt;  // both answers, then the reveal
        out.mirror = find(other->choice);
        step["mirror"] = other->choice;
    }
    send(step);
    offered_.reset();
    remote_.reset();
    return out;
}

std::optional<Game::Settled> Game::settleJoiner() {
    if (steps_.empty()) return std::nullopt;
    const Session& s = run_.session();
    const Node& n = s.node();
    const int at = static_cast<int>(s.history().size()) - 1;
    const Step st = steps_.front();
    if (st.node != n.id || (st.at >= 0 && st.at != at)) {
        fail(fmt::format("the host played a step at '{}', but this machine is at '{}'", st.node, n.id));
        return std::nullopt;
    }
    Settled out{find(st.choice), st.mirror.empty() ? -1 : find(st.mirror)};
    if (out.choice < 0 || (!st.mirror.empty() && out.mirror < 0)) {
        fail(fmt::format("the host played a choice that is not shown at '{}'", n.id));
        return std::nullopt;
    }
    const bool mirror = run_.mode() == TogetherMode::Mirror;
    const bool breathe = n.choices[static_cast<std::size_t>(out.choice)].breathe;
    if (mirror && !breathe && st.mirror.empty()) {
        fail(fmt::format("the host settled '{}' without both answers", n.id));
        return std::nullopt;
    }
    // This machine's own answer must be the one the host played for it.
    const bool localOwns = s.chooser() == localRole_;
    const std::string* mine = localOwns ? &st.choice : mirror && !st.mirror.empty() ? &st.mirror : nullptr;
    if (mine && (!offered_ || offered_->choice != *mine)) {
        fail("the host played a different step");
        return std::nullopt;
    }
    steps_.pop_front();
    offered_.reset();
    return out;
}

Game::Rejoin hostRejoin(HostSide side, std::shared_ptr<void> keep) {
    return [side, keep](const Stop& stop, const std::function<json()>& story) -> Game::Rejoined {
        HostSide again = side;
        again.stop = stop;
        again.giveUpSeconds = kHostWaitSeconds;
        bool refused = false;
        auto back = meetJoiner(again, story, &refused);
        if (!back)
            return {nullptr, std::nullopt,
                    refused ? "the other machine could not play the scenario"
                            : fmt::format("the other machine did not come back within {:g} minutes",
                                          kHostWaitSeconds / 60)};
        return {std::move(back->link), std::nullopt, {}};
    };
}

Game::Rejoin joinRejoin(JoinSide side, std::string hash) {
    side.expectHash = std::move(hash);
    side.retrySeconds = 2.f;  // one try at a time, within the two minutes
    return [side](const Stop& stop, const std::function<json()>&) -> Game::Rejoined {
        JoinSide again = side;
        again.stop = stop;
        const auto start = std::chrono::steady_clock::now();
        while (!stop() && std::chrono::steady_clock::now() - start < std::chrono::duration<float>(kRejoinSeconds)) {
            Hosted back = meetHost(again);
            if (back.link) return {std::move(back.link), std::move(back.resume), {}};
            if (back.final) return {nullptr, std::nullopt, back.error};
        }
        return {nullptr, std::nullopt, fmt::format("the host did not come back within {:g} seconds", kRejoinSeconds)};
    };
}

}  // namespace attune::net
