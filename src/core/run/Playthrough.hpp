#pragma once
/// One playthrough: the one owner of a Session. It holds the scenario (shared and
/// immutable), the Session, the log of picks keyed by node id and choice id (never by
/// index: indices shift when conditions hide choices), rewind points and whose turn it
/// is, and it tells listeners what happens (a line shown, a decision for a role, a pick,
/// an ending). Front ends draw and forward input; they do not drive the Session.
/// Saving is the pick log and the scenario's content hash; restoring replays the log.
#include "core/run/Session.hpp"
#include "core/run/Together.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace attune {

/// A pick as the log keeps it: where, by whom, and which choice (its id, or its text
/// when it has none).
struct PickRecord {
    std::string node;
    std::string role;
    std::string choice;
    bool byDefault = false;
    std::string mirror;  ///< mirror mode: the other person's answer (a choice key), not played
    bool operator==(const PickRecord&) const = default;
};

/// What a playthrough tells its listeners.
struct PlayEvent {
    /// Line shown; Decision for a role; Handoff (the device goes to `person`); Answer (mirror:
    /// `person` answered privately); Pick made; Card ready for `person` (their own pick's
    /// card); Reveal (mirror: both answers, `rounds().back()`); Ending; Debrief (after the
    /// ending: the couple's or person's debrief is ready); Stuck; Rewind.
    enum class Kind { Line, Decision, Handoff, Answer, Pick, Card, Reveal, Ending, Debrief, Stuck, Rewind };
    Kind kind = Kind::Line;
    int step = -1;           ///< index into Session::history() the event is about
    std::string role;        ///< Decision: who chooses; Pick: who chose
    bool byDefault = false;  ///< Pick: taken for a role nobody plays
    int person = -1;         ///< Handoff, Answer, Card, Decision: which person (index into the table)
};
const char* name(PlayEvent::Kind k);

/// A saved playthrough: enough to replay it on the same scenario, and to notice when
/// the scenario has changed.
struct SavedPlaythrough {
    std::string scenario;  ///< the scenario's id
    std::string hash;      ///< its content hash when saved
    std::set<std::string> played;
    Table table;
    std::vector<PickRecord> picks;
    std::string node;         ///< where it stood
    std::vector<int> meters;  ///< and the meters there
    int steps = 0;            ///< nodes entered by then
};

class Playthrough {
public:
    using Listener = std::function<void(const Playthrough&, const PlayEvent&)>;

    /// Starts at the scenario's start node. `played` as for Session (empty: the solo player).
    explicit Playthrough(std::shared_ptr<const Scenario> s, std::set<std::string> played = {});
    /// Two people (or one) at the table: the roles they play are the ones played. The table
    /// must pass checkTable.
    Playthrough(std::shared_ptr<const Scenario> s, Table table);
    /// For a scenario that outlives the playthrough (tests, tools): not owned.
    static Playthrough borrowing(const Scenario& s, std::set<std::string> played = {});
    static Playthrough borrowing(const Scenario& s, Table table);

    const Scenario& scenario() const { return *scenario_; }
    std::shared_ptr<const Scenario> sharedScenario() const { return scenario_; }
    const Session& session() const { return session_; }
    Session::State state() const { return session_.state(); }

    /// The role that must act now: the chooser at a decision a person makes; nobody otherwise.
    std::optional<std::string> turn() const;

    const Table& table() const { return table_; }
    TogetherMode mode() const { return table_.together() ? table_.mode : TogetherMode::Solo; }
    /// The person who must act now (index into table().people): the role's owner, or in
    /// mirror mode the owner and then the other person. Nothing when nobody must act.
    std::optional<int> actor() const;
    /// The person who has the device (the last to take it); 0 at the start.
    int holder() const { return holder_; }
    /// True when the device must go to actor() before the decision is shown: its choices,
    /// body line and card are private to whoever makes it. choose() refuses until handOver().
    bool needsHandoff() const;
    /// The actor has the device (they pressed Space): the decision may be shown to them.
    void handOver();
    /// Mirror mode: the owner has answered and the other person's answer is awaited.
    bool awaitingSecondAnswer() const { return pendingOwner_ >= 0; }
    /// Mirror mode: every round so far, in order.
    const std::vector<MirrorRound>& rounds() const { return rounds_; }
    /// The body line private to whoever acts (or holds the device) now.
    std::string privateBody() const;

    /// Listeners hear every event from now on, in the order they were added.
    void listen(Listener l) { listeners_.push_back(std::move(l)); }
    /// Tells the listeners about the moment the playthrough is at (a new listener catching up).
    void announce();

    /// Line: goes on.
    void advance();
    /// Decision: takes a shown choice (index into node().choices); false when it is not shown
    /// or the device must be handed over first. In mirror mode the owner's answer waits for
    /// the other's; the second answer reveals both and plays the owner's. A breathing pause
    /// picked by the owner is played at once, for both, with no round.
    bool choose(int choice);
    /// Decision of a role nobody plays: takes its default.
    void chooseDefault();
    /// Lines and decisions of roles nobody plays, until a person must act or the story ends.
    void runToPerson();
    /// Back to just before the last pick a person made; false when there is none. The device
    /// stays with whoever holds it (a hand-off is asked for when the decision is someone else's).
    bool rewind();
    /// Back to the decision a person made at history step `step` (before it was made);
    /// false when there is no such rewind point.
    bool rewindTo(int step);
    bool canRewind() const { return !rewindPoints_.empty(); }
    /// Starts again from the beginning, with the same people.
    void restart();
    /// Tools that never rewind (stats, scripts) can skip keeping rewind points.
    void keepRewindPoints(bool keep) { keepRewind_ = keep; }

    const std::vector<PickRecord>& picks() const { return picks_; }
    /// The pick log and where it stands. A mirror round half answered is not saved: on
    /// restore, that decision is asked again from its owner.
    SavedPlaythrough save() const;

    struct Restored;
    /// Replays a saved pick log on `s`. On a scenario that changed so the picks no longer
    /// fit, says which step no longer exists; never throws.
    static Restored restore(std::shared_ptr<const Scenario> s, const SavedPlaythrough& saved);
    /// The lenient form, for a scenario being edited (live reload): the picks are replayed
    /// by node and choice id on `s` whatever its id, and the lines after the last pick are
    /// read up to the saved node (or the next decision); meters and step counts may differ.
    /// Says which step no longer fits when one does not; never throws.
    static Restored replay(std::shared_ptr<const Scenario> s, const SavedPlaythrough& saved);

private:
    static Restored replayLog(std::shared_ptr<const Scenario> s, const SavedPlaythrough& saved, bool lenient);
    void emit(const PlayEvent& e);
    void emitArrival();
    void play(int choice, const std::string& mirror);

    struct RewindPoint {
        Session session;
        std::size_t picks = 0, rounds = 0;
    };
    std::shared_ptr<const Scenario> scenario_;
    Table table_;
    Session session_;
    std::vector<PickRecord> picks_;
    std::vector<MirrorRound> rounds_;
    std::vector<RewindPoint> rewindPoints_;  ///< before each person's pick
    std::vector<Listener> listeners_;
    bool keepRewind_ = true;
    int holder_ = 0;
    int pendingOwner_ = -1;  ///< mirror: the owner's answer, waiting for the other's
};

struct Playthrough::Restored {
    std::optional<Playthrough> playthrough;
    std::string error;     ///< why it could not be restored
    bool changed = false;  ///< the scenario's content hash differs from the saved one
};

/// The key a pick log uses for a choice: its id, or its text when it has none.
std::string choiceKey(const Choice& c);

}  // namespace attune
