// attune host FILE / attune join HOST[:PORT]: two people on two machines. The host owns
// the playthrough; the joiner sends its person's picks, the host applies them and sends
// every step back; both replay the same steps on the same scenario, so both show the
// same story, each with only its own person's choices, card and body lines.
#include "cli/Net.hpp"

#include "cli/Commands.hpp"
#include "core/feedback/Feedback.hpp"
#include "core/load/Loader.hpp"
#include "core/load/Patterns.hpp"
#include "core/run/Playthrough.hpp"
#include "core/run/Script.hpp"
#include "net/Link.hpp"
#include "core/util/Text.hpp"
#include "text/TextPlayer.hpp"

#include <SFML/Network/IpAddress.hpp>
#include <SFML/System/Sleep.hpp>
#include <algorithm>
#include <chrono>
#include <functional>
#include <csignal>
#include <deque>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace attune::cli {
namespace {

using nlohmann::json;
constexpr std::size_t kMaxScenario = 512 * 1024;  ///< bytes of YAML the host sends

/// A string field of a message from the other machine, or `fallback` when it is missing
/// or not a string (a peer's message never throws here).
std::string field(const json& m, const char* key, const std::string& fallback = {}) {
    const auto it = m.find(key);
    return it != m.end() && it->is_string() ? it->get<std::string>() : fallback;
}

/// The picks of one machine: its own person's from `local`; the other's from the link.
class NetPicks : public PickSource {
public:
    /// `reconnect` is asked for a new link when this one fails mid-story (nothing: give up).
    using Reconnect = std::function<net::Link*()>;
    NetPicks(net::Link& link, PickSource& local, std::string role, bool host, Reconnect reconnect = {})
        : link_(&link), local_(local), role_(std::move(role)), host_(host), reconnect_(std::move(reconnect)) {}

    std::optional<int> pick(const Session& s, std::ostream& out) override {
        const Node& n = s.node();
        if (s.chooser() == role_) {
            const auto c = local_.pick(s, out);
            if (!c) {
                std::string ignored;
                link_->send({{"t", "bye"}}, ignored);
                return std::nullopt;
            }
            const std::string key = choiceKey(n.choices[static_cast<std::size_t>(*c)]);
            if (host_) return send({{"t", "step"}, {"node", n.id}, {"choice", key}}) ? c : std::nullopt;
            if (!send({{"t", "pick"}, {"node", n.id}, {"choice", key}})) return std::nullopt;
            const auto step = await("step");  // the host applied it
            if (!step) return std::nullopt;
            if ((*step)["node"] != n.id || (*step)["choice"] != key) return fail("the host played a different step");
            return c;
        }
        const auto m = await(host_ ? "pick" : "step");
        if (!m) return std::nullopt;
        if (!(*m)["node"].is_string() || !(*m)["choice"].is_string() || (*m)["node"] != n.id)
            return fail(fmt::format("the other machine's pick is not for this moment (at '{}')", n.id));
        const std::string key = (*m)["choice"];
        for (int i : s.visibleChoices())
            if (choiceKey(n.choices[static_cast<std::size_t>(i)]) == key) {
                if (host_ && !send({{"t", "step"}, {"node", n.id}, {"choice", key}})) return std::nullopt;
                return i;
            }
        if (host_) {
            std::string ignored;
            link_->send({{"t", "error"}, {"why", fmt::format("the choice '{}' is not shown at '{}'", key, n.id)}}, ignored);
        }
        return fail(fmt::format("the choice '{}' is not shown at '{}'", key, n.id));
    }
    std::istream* typing() override { return local_.typing(); }
    bool left = false;  ///< the other person left (a clean goodbye, not a failure)
    /// What to say when the other machine goes quiet while this person is choosing.
    void onSilence(std::function<void()> f) {
        silence_ = std::move(f);
        link_->onSilence(silence_);
    }
    void bye() {
        std::string ignored;
        link_->send({{"t", "bye"}}, ignored);
    }
    std::string error;

private:
    std::optional<int> fail(std::string why) {
        error = std::move(why);
        return std::nullopt;
    }
    bool send(const json& m) {
        std::string err;
        while (!link_->send(m, err)) {
            if (!resume(err)) return false;
        }
        return true;
    }
    /// The link failed: a new one, when there is a way to get one, with the story as it stands.
    bool resume(const std::string& why) {
        net::Link* next = reconnect_ ? reconnect_() : nullptr;
        if (!next) {
            error = why;
            return false;
        }
        link_ = next;
        if (silence_) link_->onSilence(silence_);
        return true;
    }
    std::optional<json> await(const std::string& type) {
        while (true) {
            std::string err;
            auto m = link_->receive(1.f, err);
            if (!m) {
                if (err.empty()) continue;  // still waiting; the heartbeat says the peer is there
                if (!resume(err)) return std::nullopt;
                continue;
            }
            if ((*m)["t"] == "bye") {
                left = true;
                return std::nullopt;
            }
            if ((*m)["t"] == "error") {
                error = fmt::format("the other machine said: {}", field(*m, "why", "no reason given"));
                return std::nullopt;
            }
            if ((*m)["t"] != type) {
                error = fmt::format("expected '{}' from the other machine, got '{}'", type, (*m)["t"].get<std::string>());
                return std::nullopt;
            }
            return m;
        }
    }
    net::Link* link_;
    PickSource& local_;
    std::string role_;
    bool host_;
    Reconnect reconnect_;
    std::function<void()> silence_;
};

/// Where the story stands, for a joiner that comes back: the pick log and the state.
json savedJson(const Playthrough& run) {
    const SavedPlaythrough s = run.save();
    json picks = json::array();
    for (const PickRecord& r : s.picks)
        picks.push_back({{"node", r.node}, {"role", r.role}, {"choice", r.choice}, {"byDefault", r.byDefault}});
    return {{"picks", picks}, {"node", s.node}, {"meters", s.meters}, {"steps", s.steps}};
}

/// The same, read back; nothing when a field is missing or of the wrong type.
std::optional<SavedPlaythrough> savedFrom(const json& j, const Scenario& s, const Table& table) {
    SavedPlaythrough out;
    out.scenario = s.id;
    out.hash = s.contentHash;
    out.table = table;
    for (const Person& p : table.people) out.played.insert(p.role);
    if (!j.is_object() || !j.contains("picks") || !j["picks"].is_array() || !j.contains("meters") || !j["meters"].is_array() ||
        !j.contains("steps") || !j["steps"].is_number_integer())
        return std::nullopt;
    for (const json& r : j["picks"]) {
        if (!r.is_object()) return std::nullopt;
        PickRecord rec{field(r, "node"), field(r, "role"), field(r, "choice"), false, {}};
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

std::optional<PatternLibrary> patternsOrSay() {
    Diagnostics d(defaultPatternLibraryPath().string());
    PatternLibrary lib = loadDefaultPatternLibrary(d);
    for (const auto& x : d.all()) std::cerr << x.format() << '\n';
    if (!lib.loaded()) return std::nullopt;
    return lib;
}

/// A name is shown on the other machine: UTF-8 text, no control characters, at most 40.
bool goodName(const std::string& n, std::ostream& err) {
    if (n.empty()) return true;
    if (text::firstInvalidUtf8(n) || text::codePoints(n) > 40 ||
        std::any_of(n.begin(), n.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
        err << "attune: --name: a name is at most 40 characters of text, with no control characters\n";
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

/// Plays this machine's side to the end; the exit code.
int playSide(Playthrough& run, net::Link& link, const std::string& role, bool host, const std::string& script,
             const PatternLibrary& lib, const std::string& coaching, NetPicks::Reconnect reconnect = {}) {
    TextOptions opts;
    opts.localRole = role;
    addCoaching(opts, lib, static_cast<int>(*feedback::parseCoaching(coaching)), run);
    std::optional<ScriptedPicks> scripted;
    std::optional<TypedPicks> typed;
    PickSource* local = nullptr;
    if (!script.empty()) {
        std::string err;
        auto picks = parsePicks(script, err);
        if (!picks) {
            std::cerr << "attune: --script: " << err << '\n';
            return 2;
        }
        scripted.emplace(std::move(*picks));
        local = &*scripted;
        opts.interactive = false;
    } else {
        typed.emplace(std::cin);
        local = &*typed;
        opts.interactive = isatty(STDIN_FILENO) != 0;
    }
    NetPicks picks(link, *local, role, host, std::move(reconnect));
    // Told while choosing, not only when the pick is sent.
    const std::string other = text::capitalFirst(run.table().call(host ? 1 : 0, run.scenario()));
    picks.onSilence([other] {
        std::cout << fmt::format("\n  (The connection to {} has dropped. Your pick will wait for them to come back.)\n",
                                 other)
                  << std::flush;
    });
    printTitle(run.scenario(), std::cout, opts.width);
    printTable(run, std::cout, opts.width);
    const PlayEnd end = playText(run, picks, std::cout, opts);
    if (end == PlayEnd::Ending) picks.bye();
    if (picks.left) {
        std::cout << fmt::format("\n{} left before the end. Nothing from this playthrough is kept.\n",
                                 text::capitalFirst(run.table().call(host ? 1 : 0, run.scenario())));
        return 0;
    }
    if (!picks.error.empty()) {
        std::cerr << "attune: " << picks.error << '\n';
        return 1;
    }
    if (scripted && !scripted->error.empty()) {
        std::cerr << "attune: " << scripted->error << '\n';
        return 1;
    }
    if (scripted && end == PlayEnd::Stopped) {
        std::cerr << "attune: the script ended before the story did\n";
        return 1;
    }
    return end == PlayEnd::Stuck ? 1 : 0;  // a person who stops here has told the other machine
}

}  // namespace

int host(const HostArgs& a) {
    std::signal(SIGPIPE, SIG_IGN);  // a peer that vanishes is an error to report, not a reason to die
    if (!goodName(a.name, std::cerr)) return 2;
    auto lib = patternsOrSay();
    if (!lib) return 1;
    Diagnostics readDiags(a.file);
    const auto text = readFile(a.file, readDiags);
    for (const auto& d : readDiags.all()) std::cerr << d.format() << '\n';
    if (!text) return 1;
    if (text->size() > kMaxScenario) {
        std::cerr << fmt::format("attune: {} is {} bytes; a scenario sent to another machine may be at most {} bytes\n",
                                 a.file, text->size(), kMaxScenario);
        return 1;
    }
    const LoadResult r = loadScenarioText(*text, a.file, *lib, Checks::Play);
    for (const auto& d : r.diags.all()) std::cerr << d.format() << '\n';
    if (!r.scenario) return 1;
    const Scenario& s = *r.scenario;
    if (s.roles.size() < 2) {
        std::cerr << fmt::format("attune: '{}' has one role; there is nothing for a second machine to play\n", s.id);
        return 1;
    }
    const std::string role = a.role.empty() ? s.player : a.role;
    if (!s.role(role)) {
        std::cerr << fmt::format("attune: --role: '{}' is not a role in '{}'\n", role, s.id);
        return 2;
    }
    if (a.mode != "pass") {
        std::cerr << "attune: --mode mirror across two machines is not built yet; use --mode pass\n";
        return 2;
    }
    const std::string other = s.roles[0].id == role ? s.roles[1].id : s.roles[0].id;
    const std::string code = a.code.empty() ? net::randomCode() : a.code;
    if (!goodCode(code)) {
        std::cerr << "attune: --code: a code is 1 to 64 printable characters, no spaces\n";
        return 2;
    }
    sf::TcpListener listener;
    if (listener.listen(static_cast<unsigned short>(a.port)) != sf::Socket::Done) {
        std::cerr << fmt::format("attune: cannot listen on port {} (is another program using it?)\n", a.port);
        return 1;
    }
    const Role* mine = s.role(role);
    std::cout << fmt::format("Hosting “{}”. You play {}.\n", s.title, mine->name)
              << fmt::format("Pairing code: {}\n", code)
              << fmt::format("On the other machine: attune join {}:{} --code {}\n",
                             sf::IpAddress::getLocalAddress().toString(), listener.getLocalPort(), code)
              << "Waiting for the other machine...\n"
              << std::flush;
    // Repeated wrong codes slow the host down: after five within a minute, it waits.
    std::deque<std::chrono::steady_clock::time_point> failures;
    const Person hostPerson{a.name, role};
    std::string joinName;
    std::optional<Playthrough> run;
    // Pairs with the next joiner and hands it the scenario (and, on a reconnection, the
    // story so far); nothing when the joiner cannot play it. Wrong codes slow it down.
    const auto pair = [&]() -> std::unique_ptr<net::Link> {
        while (true) {
            std::string err;
            bool wrong = false;
            auto link = net::Link::accept(listener, code, err, &wrong);
            if (!link) {
                std::cerr << "attune: " << err << '\n';
                if (!wrong) continue;  // only a wrong code is a guess; a silent or garbled connection is not
                const auto now = std::chrono::steady_clock::now();
                failures.push_back(now);
                while (!failures.empty() && now - failures.front() > std::chrono::minutes(1)) failures.pop_front();
                if (failures.size() >= 5) {
                    std::cerr << fmt::format("attune: five wrong codes within a minute; waiting {} seconds before the "
                                             "next pairing\n",
                                             a.slowdown);
                    sf::sleep(sf::seconds(static_cast<float>(a.slowdown)));
                    failures.clear();
                }
                continue;
            }
            json hello{{"t", "scenario"}, {"file", std::filesystem::path(a.file).filename().string()}, {"yaml", *text},
                       {"hash", s.contentHash}, {"role", other}, {"hostRole", role}, {"hostName", a.name}, {"mode", a.mode}};
            if (run) hello["resume"] = savedJson(*run);
            if (!link->send(hello, err)) {
                std::cerr << "attune: " << err << '\n';
                continue;
            }
            auto answer = link->receive(60.f, err);  // loading and checking take well under a second
            if (!answer) {
                std::cerr << "attune: "
                          << (err.empty() ? "the other machine did not answer the scenario within a minute" : err) << '\n';
                continue;
            }
            if ((*answer)["t"] == "refuse") {
                std::cerr << fmt::format("attune: the other machine could not play the scenario: {}\n",
                                         field(*answer, "why", "no reason given"));
                return nullptr;
            }
            if ((*answer)["t"] != "ready") {
                std::cerr << "attune: the other machine did not say it was ready\n";
                continue;
            }
            if (!run) joinName = field(*answer, "name");
            return link;
        }
    };
    std::unique_ptr<net::Link> link = pair();
    if (!link) return 1;
    Table table{TogetherMode::Pass, {hostPerson, {joinName, other}}, true};
    if (const std::string why = checkTable(table, s); !why.empty()) table.people[1].name.clear();
    std::cout << fmt::format("Paired with {}.\n", link->peer());
    run.emplace(Playthrough::borrowing(s, table));
    // A dropped joiner pauses the story; the same code brings it back where it was.
    const std::string who = table.call(1, s);
    NetPicks::Reconnect reconnect = [&]() -> net::Link* {
        std::cout << fmt::format("\n  Waiting for {} to reconnect...\n", who) << std::flush;
        std::cerr << "attune: the connection dropped; waiting for the other machine to join again with the same code\n";
        link = pair();
        if (!link) return nullptr;
        std::cout << fmt::format("  {} is back.\n", text::capitalFirst(who)) << std::flush;
        return link.get();
    };
    return playSide(*run, *link, role, true, a.script, *lib, a.coaching, reconnect);
}

int join(const JoinArgs& a) {
    std::signal(SIGPIPE, SIG_IGN);
    if (!goodName(a.name, std::cerr)) return 2;
    auto lib = patternsOrSay();
    if (!lib) return 1;
    std::string address = a.address;
    unsigned short port = kDefaultPort;
    if (const auto colon = address.rfind(':'); colon != std::string::npos) {
        const std::string p = address.substr(colon + 1);
        if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos || std::stoi(p) > 65535 ||
            std::stoi(p) == 0) {
            std::cerr << fmt::format("attune: '{}' is not a port; write HOST or HOST:PORT\n", p);
            return 2;
        }
        port = static_cast<unsigned short>(std::stoi(p));
        address = address.substr(0, colon);
    }
    std::string code = a.code;
    if (code.empty()) {
        std::cout << "Pairing code (the host shows it): " << std::flush;
        if (!std::getline(std::cin, code)) return 1;
    }
    if (!goodCode(code)) {
        std::cerr << "attune: a code is 1 to 64 printable characters, no spaces\n";
        return 2;
    }
    std::string err;
    auto link = net::Link::connect(address, port, code, a.retrySeconds, err);
    if (!link) {
        std::cerr << "attune: " << err << '\n';
        return 1;
    }
    std::optional<json> m;
    while (!m) {
        m = link->receive(1.f, err);
        if (!m && !err.empty()) {
            std::cerr << "attune: " << err << '\n';
            return 1;
        }
    }
    if ((*m)["t"] != "scenario" || !(*m)["yaml"].is_string() || !(*m)["role"].is_string()) {
        std::cerr << "attune: the host did not send a scenario\n";
        return 1;
    }
    const std::string yaml = (*m)["yaml"];
    const std::string file = fmt::format("(from the host) {}", field(*m, "file", "scenario.yaml"));
    if (yaml.size() > kMaxScenario) {
        link->send({{"t", "refuse"}, {"why", "the scenario is over the size limit"}}, err);
        std::cerr << "attune: the host's scenario is over the size limit\n";
        return 1;
    }
    // The same loader and checks as a file on disk.
    const LoadResult r = loadScenarioText(yaml, file, *lib, Checks::Play);
    for (const auto& d : r.diags.all()) std::cerr << d.format() << '\n';
    if (!r.scenario) {
        link->send({{"t", "refuse"}, {"why", "it has errors on this machine"}}, err);
        return 1;
    }
    const Scenario& s = *r.scenario;
    if (s.contentHash != field(*m, "hash")) {
        link->send({{"t", "refuse"}, {"why", "its content hash differs"}}, err);
        std::cerr << "attune: the scenario arrived changed (its content hash differs)\n";
        return 1;
    }
    const std::string role = (*m)["role"], hostRole = field(*m, "hostRole");
    if (!s.role(role) || !s.role(hostRole) || role == hostRole) {
        link->send({{"t", "refuse"}, {"why", "the roles do not fit the scenario"}}, err);
        std::cerr << "attune: the host asked for roles the scenario does not have\n";
        return 1;
    }
    Table table{TogetherMode::Pass, {{field(*m, "hostName"), hostRole}, {a.name, role}}, true};
    if (!checkTable(table, s).empty()) table.people[0].name.clear();
    if (!link->send({{"t", "ready"}, {"hash", s.contentHash}, {"name", a.name}}, err)) {
        std::cerr << "attune: " << err << '\n';
        return 1;
    }
    std::cout << fmt::format("Paired with the host at {}. You play {}.\n", link->peer(), s.role(role)->name);
    if (m->contains("resume")) {
        // Back after a drop: the host's story so far, replayed here and checked to land on the same state.
        const auto saved = savedFrom((*m)["resume"], s, table);
        const auto shared = std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &s);
        auto back = saved ? Playthrough::restore(shared, *saved) : Playthrough::Restored{};
        if (!back.playthrough) {
            link->send({{"t", "error"}, {"why", "the story so far did not replay here"}}, err);
            std::cerr << "attune: the story so far did not replay here: "
                      << (back.error.empty() ? "the host's log is malformed" : back.error) << '\n';
            return 1;
        }
        std::cout << fmt::format("Taking the story up again after {} steps.\n", saved->steps);
        return playSide(*back.playthrough, *link, role, false, a.script, *lib, a.coaching);
    }
    Playthrough run = Playthrough::borrowing(s, table);
    return playSide(run, *link, role, false, a.script, *lib, a.coaching);
}

}  // namespace attune::cli
