#pragma once
/// Two machines' play, for any front end (the terminal and the window use the same):
/// pairing, with the scenario offered by the host and loaded and checked by the joiner,
/// then the protocol on top of each machine's own Playthrough.
///
/// The host is the authority. The joiner offers its person's picks; the host settles
/// every decision a person makes (in pass mode the chooser's pick, in mirror mode both
/// answers) and sends it as a step; each machine applies the same steps to the same
/// scenario through its Playthrough, so both show the same story. A thread listens to
/// the link all the time, so a dropped connection is noticed at once; the host then waits
/// for the joiner to pair again, the joiner reconnects by itself, and the story is taken
/// up where it stood, with nothing lost.
#include "core/load/Loader.hpp"
#include "core/model/PatternLibrary.hpp"
#include "core/run/Playthrough.hpp"
#include "core/util/Limits.hpp"
#include "net/Link.hpp"

#include <SFML/Network/TcpListener.hpp>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace attune::net {

constexpr std::size_t kMaxScenario = limits::kMaxScenarioSent;  ///< bytes of YAML a host sends (core/util/Limits.hpp)
constexpr float kRejoinSeconds = 120.f;    ///< how long a joiner keeps trying to reach its host again
constexpr float kHostWaitSeconds = 600.f;  ///< how long a host waits for its joiner to come back
constexpr std::size_t kMaxInbox = 64;      ///< messages read ahead before the link is left unread

using Stop = std::function<bool()>;  ///< true when whoever waits has given up (the window's Cancel)

constexpr unsigned short kDefaultPort = 47474;

/// "HOST" or "HOST:PORT" (the port defaults to kDefaultPort); false with `error` when the
/// port is not one.
bool parseAddress(const std::string& text, std::string& host, unsigned short& port, std::string& error);
/// A pairing code: 1 to 64 printable characters, no spaces.
bool goodCode(const std::string& code);
/// This machine's IPv4 addresses another machine could reach (loopback left out; empty
/// when there is no network). Read from the system's interfaces; nothing is asked of the internet.
std::vector<std::string> localAddresses();

/// What the host offers: the scenario's text, and who plays what.
struct Offer {
    std::string file;  ///< the file's name, for the joiner's diagnostics
    std::string yaml;
    std::string hash;  ///< the content hash both sides compare
    std::string hostRole, joinRole, hostName;
    TogetherMode mode = TogetherMode::Pass;
};

/// Repeated wrong codes slow the host down: after five within a minute it waits before
/// the next pairing.
class Guard {
public:
    explicit Guard(int slowdownSeconds) : slowdown_(slowdownSeconds) {}
    /// A wrong code: counts it and waits when it is the fifth within a minute (`say` is told).
    void wrongCode(const std::function<void(const std::string&)>& say, const Stop& stop);

private:
    int slowdown_;
    std::deque<std::chrono::steady_clock::time_point> failures_;
};

/// The host's side of meeting a joiner.
struct HostSide {
    sf::TcpListener* listener = nullptr;  ///< listening already
    std::string code;
    Offer offer;
    Guard* guard = nullptr;
    std::function<void(const std::string&)> say;  ///< one line about a refused or failed attempt
    Stop stop;
    float giveUpSeconds = 0;  ///< a reconnection: give up after this long (0: wait as long as it takes)
};

struct Joiner {
    std::unique_ptr<Link> link;
    std::string name;  ///< the name the joiner's person gave (may be empty)
};

/// Waits for the next joiner, pairs with the code, offers the scenario (with `resume()`, the
/// story so far as it stands when the joiner pairs, on a reconnection) and waits for the
/// joiner to say it is ready. Connections that fail are told to `say` and the wait goes on.
/// Nothing when `stop` says so, or (with `refused` set) when the joiner could not play the scenario.
std::optional<Joiner> meetJoiner(HostSide& h, const std::function<nlohmann::json()>& resume = {},
                                 bool* refused = nullptr);

/// What the joiner got from the host.
struct Hosted {
    std::unique_ptr<Link> link;
    std::shared_ptr<const Scenario> scenario;
    Table table;                             ///< the host's person first, then this machine's
    std::string localRole;                   ///< the role this machine's person plays
    std::optional<SavedPlaythrough> resume;  ///< the story so far, when taking it up again
    std::vector<std::string> diagnostics;    ///< the loader's, when the scenario failed to load here
    std::string error;                       ///< why it failed (empty when it did not)
    bool final = false;                      ///< refused (the code, the scenario): trying again will not help
};

struct JoinSide {
    std::string address;
    unsigned short port = 0;
    std::string code;
    std::string name;
    float retrySeconds = 10.f;
    const PatternLibrary* patterns = nullptr;
    std::string expectHash;  ///< on a reconnection: the scenario must be the one being played
    Stop stop;
};

/// Connects, pairs, receives the scenario, loads it with the same loader as a file on disk
/// and checks its content hash; says ready (or refuses, with the reason) to the host.
Hosted meetHost(const JoinSide& j);

/// The host's offer (`"t": "scenario"`) as a joiner reads it in meetHost, without the link:
/// the scenario loaded and checked with the same loader as a file on disk (expected to have
/// `expectHash` when that is not empty), its content hash compared, the roles and the way of
/// playing checked and, on a reconnection, the story so far read. The protocol's fuzzer
/// reads offers with it too.
struct Offered {
    std::shared_ptr<const Scenario> scenario;
    Table table;  ///< the host's person first, then `name`
    std::string localRole;
    std::optional<SavedPlaythrough> resume;
    std::vector<std::string> diagnostics;  ///< the loader's, when it got that far
    std::string refuse;  ///< when it cannot be played: the reason the host is told (empty when it can)
    std::string error;   ///< ... and the one shown here
};
Offered readOffer(const nlohmann::json& m, const PatternLibrary& patterns, const std::string& name,
                  const std::string& expectHash = {});

/// One message of play as Game reads it from the other machine: its goodbye, its error, or
/// its move (a joiner's pick, read by the host; a host's settled step, read by the joiner);
/// anything else does not belong. Without the link or the playthrough, so the protocol's
/// fuzzer reads messages with it too.
struct PlayMessage {
    enum class Kind { Bye, Error, Move, Unexpected, Malformed };
    Kind kind = Kind::Unexpected;
    std::string text;  ///< Error: the reason given; Unexpected: the message's "t"; both fit to show
    int at = -1;       ///< Move: the decision's index in the history (-1: not given)
    std::string node, choice, mirror;
};
/// `host`: read as the host does (picks belong); else as a joiner (steps belong).
PlayMessage readPlayMessage(const nlohmann::json& m, bool host);

/// Where the story stands, as the host sends it to a joiner that comes back.
nlohmann::json savedJson(const SavedPlaythrough& s);
/// The same, read back; nothing when a field is missing or of the wrong type.
std::optional<SavedPlaythrough> savedFrom(const nlohmann::json& j, const Scenario& s, const Table& table);

/// The two-machine protocol over one Playthrough. Every member is called on the front
/// end's thread; the link's own thread only listens and reconnects.
class Game {
public:
    /// A new link after a drop: the host waits for its joiner to pair again (offering the story
    /// so far as `story` gives it at that moment); the joiner reconnects. Runs on the link's
    /// thread; no link (with `error`): give up.
    struct Rejoined {
        std::unique_ptr<Link> link;
        std::optional<SavedPlaythrough> resume;  ///< joiner: the host's story so far
        std::string error;
    };
    using Rejoin = std::function<Rejoined(const Stop& stop, const std::function<nlohmann::json()>& story)>;

    Game(Playthrough& run, std::string localRole, bool host, std::unique_ptr<Link> link, Rejoin rejoin);
    ~Game();
    Game(const Game&) = delete;
    Game& operator=(const Game&) = delete;

    /// True when this machine's person answers the decision the playthrough is at (and has not yet).
    bool yours() const;
    /// True when this machine's person has answered and the settled step is awaited.
    bool answered() const { return offered_.has_value(); }
    /// That answer (index into node().choices), or -1.
    int answer() const { return offered_ ? offeredIndex_ : -1; }
    /// This person's pick (index into node().choices) at the decision now; false when it is
    /// not theirs to make or not shown.
    bool offer(int choice);

    /// A decision both machines agree on, for the front end to apply to the playthrough now:
    /// pass mode, `choice`; mirror mode, the owner's answer `choice` and the other's `mirror`
    /// (-1 when the owner's was a breathing pause, taken for both).
    struct Settled {
        int choice = -1;
        int mirror = -1;
    };
    /// Reads what has arrived. Call it often (every frame, or after wait()).
    std::optional<Settled> settle();

    /// What happened to the connection, in order, since the last call.
    enum class News { Lost, Back, Left, Failed };
    std::vector<News> news();
    /// Called on the link's thread as soon as the connection drops (the terminal tells a
    /// person who is still typing). Set before anything can drop.
    void onLost(std::function<void()> f);
    /// The same, when the other side says goodbye.
    void onLeft(std::function<void()> f);
    /// Blocks until something arrives or `seconds` pass (the terminal's loop).
    void wait(float seconds);

    bool connected() const;
    bool gone() const { return left_ || !error_.empty(); }
    bool left() const { return left_; }  ///< the other person left (a clean goodbye)
    const std::string& error() const { return error_; }
    /// Says goodbye: the other machine is told this person left.
    void leave();

private:
    struct Step {
        int at = -1;  ///< the decision's index in the history (-1: from a saved story, not known)
        std::string node, choice, mirror;
    };
    void listen();
    void take(const nlohmann::json& m);
    void send(const nlohmann::json& m);
    /// Stops playing with `why`; `tell`: the other machine is told why.
    void fail(std::string why, bool tell = true);
    void refresh();
    void reconcile(const SavedPlaythrough& story);
    std::optional<Settled> settleHost();
    std::optional<Settled> settleJoiner();
    bool decisionNow() const;
    int find(const std::string& key) const;

    Playthrough& run_;
    std::shared_ptr<Game*> self_;  ///< the playthrough's listener reaches this game through it
    std::string localRole_;
    bool host_;
    Rejoin rejoin_;
    std::function<void()> onLost_, onLeft_;

    // Shared with the link's thread.
    mutable std::mutex mutex_;
    std::condition_variable arrived_;
    std::unique_ptr<Link> link_;
    std::deque<nlohmann::json> inbox_;
    std::vector<News> news_;
    std::optional<SavedPlaythrough> resume_;  ///< joiner: the story after a reconnection
    nlohmann::json story_;                    ///< host: the story so far, for a joiner that comes back
    bool linkUp_ = true, stop_ = false;
    std::string lostWhy_;
    std::string rejoinFailed_;  ///< why taking the link up again failed (empty: it did not)
    bool reconnected_ = false;  ///< a new link since the front end last looked
    std::thread thread_;

    // The front end's thread only.
    std::optional<Step> offered_;  ///< this person's answer at the decision now
    int offeredIndex_ = -1;
    std::optional<Step> remote_;  ///< host: the joiner's answer
    std::deque<Step> steps_;      ///< joiner: settled steps not yet applied
    std::size_t storyPicks_ = static_cast<std::size_t>(-1);
    int storySteps_ = -1;
    bool left_ = false, said_ = false;  ///< the other left; this side said goodbye
    std::string error_;
};

/// A host's way back after a drop: waits (at most kHostWaitSeconds) for its joiner to pair
/// again on `side`, offering the story as it stands then. `keep` holds what `side` points
/// at (the listener, the guard) for as long as the game may need it.
Game::Rejoin hostRejoin(HostSide side, std::shared_ptr<void> keep = {});
/// A joiner's way back after a drop: reconnects to `side` with the same code, to the scenario
/// with content hash `hash`, trying again for kRejoinSeconds.
Game::Rejoin joinRejoin(JoinSide side, std::string hash);

}  // namespace attune::net
