// attune host FILE / attune join HOST[:PORT]: two people on two machines, in the terminal.
// The protocol is net::Game's (the window uses the same): the host settles every decision
// a person makes and sends it as a step; both machines apply the same steps to the same
// scenario, so both show the same story, each with only its own person's choices, card
// and body lines.
#include "cli/Net.hpp"

#include "cli/Commands.hpp"
#include "core/feedback/Feedback.hpp"
#include "core/load/Loader.hpp"
#include "core/load/Patterns.hpp"
#include "core/run/Playthrough.hpp"
#include "core/run/Script.hpp"
#include "core/util/Text.hpp"
#include "net/Game.hpp"
#include "text/TextPlayer.hpp"

#include <SFML/Network/IpAddress.hpp>
#include <SFML/System/Sleep.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <csignal>
#include <deque>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace attune::cli {
static_assert(kDefaultPort == net::kDefaultPort);
namespace {

using net::Game;
using nlohmann::json;

/// The picks of one machine, through the two-machine protocol: its own person's from
/// `local`, offered to the game; every decision as the host settled it.
class NetPicks : public PickSource {
public:
    NetPicks(Game& game, PickSource& local, std::string role, bool host, bool mirror, std::string other)
        : game_(game), local_(local), role_(std::move(role)), host_(host), mirror_(mirror), other_(std::move(other)) {
        // Told while choosing, not only when the pick is sent.
        game_.onLost([this] {
            if (choosing_)
                std::cout << fmt::format(
                                 "\n  (The connection to {} has dropped. Your pick will wait for them to come "
                                 "back.)\n",
                                 other_)
                          << std::flush;
        });
        game_.onLeft([this] {
            if (choosing_)
                std::cout << fmt::format("\n  ({} has left; type q to close.)\n", text::capitalFirst(other_))
                          << std::flush;
        });
    }

    std::optional<int> pick(const Session& s, std::ostream& out) override {
        if (game_.yours()) {
            choosing_ = true;
            const auto c = local_.pick(s, out);
            choosing_ = false;
            if (!c) {
                game_.leave();
                return std::nullopt;
            }
            game_.offer(*c);
            // The owner's breathing pause is taken for both at once: there is no second answer to wait for.
            pausing_ = s.chooser() == role_ && s.node().choices[static_cast<std::size_t>(*c)].breathe;
            if (mirror_) return c;  // settle() brings both answers
        }
        const auto st = await(out, false);
        if (!st) return std::nullopt;
        return st->choice;
    }
    std::optional<std::pair<int, int>> settle(const Session&, std::ostream& out) override {
        const auto st = await(out, true);
        if (!st) return std::nullopt;
        return std::make_pair(st->choice, st->mirror);
    }
    std::istream* typing() override { return local_.typing(); }
    ~NetPicks() override {
        game_.onLost({});
        game_.onLeft({});
    }

private:
    /// Waits for the decision to be settled, saying what happens to the connection meanwhile.
    std::optional<Game::Settled> await(std::ostream& out, bool answer) {
        if (answer && !pausing_)
            out << "\n  Your answer is in. The two show side by side once both are in.\n" << std::flush;
        while (true) {
            const auto st = game_.settle();
            for (const Game::News n : game_.news()) tell(n, out);
            if (st && answer && st->mirror < 0 && !pausing_)
                out << fmt::format("  ({} took a breathing pause for you both, so this answer is not needed.)\n",
                                   text::capitalFirst(other_));
            if (st) return st;
            if (game_.gone()) return std::nullopt;
            game_.wait(1.f);
        }
    }
    void tell(Game::News n, std::ostream& out) {
        switch (n) {
            case Game::News::Lost:
                if (host_) {
                    out << fmt::format("\n  Waiting for {} to reconnect...\n", other_) << std::flush;
                    std::cerr << "attune: the connection dropped; waiting for the other machine to join again with "
                                 "the same code\n";
                } else {
                    out << fmt::format("\n  The connection to {} dropped. Reconnecting...\n", other_) << std::flush;
                }
                break;
            case Game::News::Back:
                out << fmt::format("  {} is back.\n", text::capitalFirst(other_)) << std::flush;
                break;
            case Game::News::Left:
            case Game::News::Failed:
                break;  // said at the end
        }
    }
    Game& game_;
    PickSource& local_;
    std::string role_;
    bool host_, mirror_, pausing_ = false;
    std::string other_;
    std::atomic<bool> choosing_{false};
};

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

/// The address to show first: the machine's first network address, or loopback without one.
std::string hostAddress() {
    const auto all = net::localAddresses();
    return all.empty() ? std::string("127.0.0.1") : all.front();
}

/// Plays this machine's side to the end; the exit code.
int playSide(Playthrough& run, std::unique_ptr<net::Link> link, const std::string& role, bool host,
             const std::string& script, const PatternLibrary& lib, const std::string& coaching, Game::Rejoin rejoin) {
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
    const std::string other = run.table().call(host ? 1 : 0, run.scenario());
    // A person at the keyboard is kept in the journal step by step; a script is not.
    std::unique_ptr<Journal> journal = script.empty() ? openJournal() : nullptr;
    std::optional<Recorder> recorder;
    if (journal) recorder.emplace(*journal, run, std::nullopt, profileName());
    const auto kept = [&recorder] {
        return recorder && recorder->id() ? std::string("Your steps so far stay in your journal, unfinished.")
                                          : std::string("Nothing from this playthrough is kept.");
    };
    opts.stopNote = kept;
    Game game(run, role, host, std::move(link), std::move(rejoin));
    NetPicks picks(game, *local, role, host, run.mode() == TogetherMode::Mirror, other);
    printTitle(run.scenario(), std::cout, opts.width);
    printTable(run, std::cout, opts.width);
    const PlayEnd end = playText(run, picks, std::cout, opts);
    game.leave();  // on every way out: the other machine is told (nothing is sent when it left first)
    if (end == PlayEnd::Ending) {
        if (recorder) recorder->finish();
        return 0;
    }
    if (game.left()) {
        std::cout << fmt::format("\n{} left before the end. {}\n", text::capitalFirst(other), kept());
        return 0;
    }
    if (!game.error().empty()) {
        std::cerr << "attune: " << game.error() << '\n';
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
    if (text->size() > net::kMaxScenario) {
        std::cerr << fmt::format("attune: {} is {} bytes; a scenario sent to another machine may be at most {} bytes\n",
                                 a.file, text->size(), net::kMaxScenario);
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
    const auto mode = parseTogetherMode(a.mode);
    if (!mode || *mode == TogetherMode::Solo) {
        std::cerr << fmt::format("attune: --mode: '{}' is not a way to play on two machines; use pass or mirror\n",
                                 a.mode);
        return 2;
    }
    const std::string other = s.roles[0].id == role ? s.roles[1].id : s.roles[0].id;
    const std::string code = a.code.empty() ? net::randomCode() : a.code;
    if (!net::goodCode(code)) {
        std::cerr << "attune: --code: a code is 1 to 64 printable characters, no spaces\n";
        return 2;
    }
    net::Listener listener;
    if (listener.open(static_cast<unsigned short>(a.port)) != sf::Socket::Done) {
        std::cerr << fmt::format("attune: cannot listen on port {} (is another program using it?)\n", a.port);
        return 1;
    }
    const Role* mine = s.role(role);
    std::cout << fmt::format("Hosting “{}”. You play {}.\n", s.title, mine->name)
              << fmt::format("Pairing code: {}\n", code)
              << fmt::format("On the other machine: attune join {}:{} --code {}\n", hostAddress(),
                             listener.getLocalPort(), code)
              << "Waiting for the other machine...\n"
              << std::flush;
    net::Guard guard(a.slowdown);
    net::HostSide side{
        &listener,
        code,
        net::Offer{std::filesystem::path(a.file).filename().string(), *text, s.contentHash, role, other, a.name, *mode},
        &guard,
        [](const std::string& line) { std::cerr << "attune: " << line << '\n'; },
        {}};
    auto joiner = net::meetJoiner(side);
    if (!joiner) return 1;
    Table table{*mode, {{a.name, role}, {joiner->name, other}}, true};
    if (const std::string why = checkTable(table, s); !why.empty()) table.people[1].name.clear();
    std::cout << fmt::format("Paired with {}.\n", joiner->link->peer());
    Playthrough run = Playthrough::borrowing(s, table);
    // A dropped joiner pauses the story; the same code brings it back where it was.
    Game::Rejoin rejoin = net::hostRejoin(side);  // the listener and guard it points at outlive the game
    return playSide(run, std::move(joiner->link), role, true, a.script, *lib, a.coaching, std::move(rejoin));
}

int join(const JoinArgs& a) {
    std::signal(SIGPIPE, SIG_IGN);
    if (!goodName(a.name, std::cerr)) return 2;
    auto lib = patternsOrSay();
    if (!lib) return 1;
    std::string address, err;
    unsigned short port = net::kDefaultPort;
    if (!net::parseAddress(a.address, address, port, err)) {
        std::cerr << "attune: " << err << '\n';
        return 2;
    }
    std::string code = a.code;
    if (code.empty()) {
        std::cout << "Pairing code (the host shows it): " << std::flush;
        if (!std::getline(std::cin, code)) return 1;
    }
    if (!net::goodCode(code)) {
        std::cerr << "attune: a code is 1 to 64 printable characters, no spaces\n";
        return 2;
    }
    const net::JoinSide side{address, port, code, a.name, a.retrySeconds, &*lib, {}, {}};
    net::Hosted h = net::meetHost(side);
    for (const auto& d : h.diagnostics) std::cerr << d << '\n';
    if (!h.link) {
        std::cerr << "attune: " << h.error << '\n';
        return 1;
    }
    const Scenario& s = *h.scenario;
    std::cout << fmt::format("Paired with the host at {}. You play {}.\n", h.link->peer(), s.role(h.localRole)->name);
    // A drop: this machine reconnects by itself, with the same code, to the same scenario.
    Game::Rejoin rejoin = net::joinRejoin(side, s.contentHash);
    if (h.resume) {
        // Back after a drop: the host's story so far, replayed here and checked to land on the same state.
        auto back = Playthrough::restore(h.scenario, *h.resume);
        if (!back.playthrough) {
            std::string ignored;
            h.link->send({{"t", "error"}, {"why", "the story so far did not replay here"}}, ignored);
            std::cerr << "attune: the story so far did not replay here: " << back.error << '\n';
            return 1;
        }
        const auto decided = std::count_if(h.resume->picks.begin(), h.resume->picks.end(),
                                           [](const PickRecord& r) { return !r.byDefault; });
        std::cout << fmt::format("Taking the story up again where it stood, {} decision{} in.\n", decided,
                                 decided == 1 ? "" : "s");
        return playSide(*back.playthrough, std::move(h.link), h.localRole, false, a.script, *lib, a.coaching,
                        std::move(rejoin));
    }
    Playthrough run(h.scenario, h.table);
    return playSide(run, std::move(h.link), h.localRole, false, a.script, *lib, a.coaching, std::move(rejoin));
}

}  // namespace attune::cli
