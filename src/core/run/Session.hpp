#pragma once
/// The runtime state machine every front end drives. Deterministic, copyable
/// (a copy is a save point for rewinding), and free of I/O.
#include "core/model/Scenario.hpp"

#include <boost/container/small_vector.hpp>
#include <set>
#include <string>
#include <vector>

namespace attune {

/// A few numbers kept in place: a story's meters, or the choices shown at a node. A Step
/// holds three, and one is made for every node entered, so they allocate nothing up to
/// eight (Boost's small_vector; more spill to the heap as a vector would).
using StepInts = boost::container::small_vector<int, 8>;

/// One node entered during play, and the choice made there if any.
struct Step {
    int node = -1;
    int choice = -1;         ///< index into the node's choices, or -1
    std::string role;        ///< who chose
    bool byDefault = false;  ///< picked for a role nobody plays
    StepInts offered;        ///< choices visible at that moment
    StepInts metersOnEntry;  ///< after the node's own effects
    StepInts metersAfter;    ///< after the choice's effects (= on entry when none)
};

class Session {
public:
    enum class State { Line, Decision, Ending, Stuck };

    /// Starts at the scenario's start node. `played` are the roles people
    /// play; empty means the scenario's solo player. The scenario must outlive the session.
    explicit Session(const Scenario& s, std::set<std::string> played = {});

    State state() const { return state_; }
    const Scenario& scenario() const { return *s_; }
    int nodeIndex() const { return node_; }
    const Node& node() const { return s_->nodes[static_cast<std::size_t>(node_)]; }
    /// The current node's text with `{role}` names filled in.
    std::string text() const { return s_->substitute(node().text); }
    /// The body line for the person who is shown it now: the chooser's at a decision a person
    /// makes, else the solo player's.
    std::string body() const;
    /// The body line written for one role at this node (empty when there is none).
    std::string bodyFor(const std::string& role) const;

    /// The role that must choose now (Decision only).
    const std::string& chooser() const { return node().by; }
    bool isPlayed(const std::string& role) const { return played_.count(role) > 0; }
    const std::set<std::string>& played() const { return played_; }
    /// True when a person must act now: a Line to read or a played role's Decision.
    bool waitingForPerson() const;

    /// Indices into node().choices of the choices shown now.
    std::vector<int> visibleChoices() const;
    /// The `default` choice if visible, else the first visible one; -1 when none.
    int defaultChoice() const;

    /// Line: goes on to the next node.
    void advance();
    /// Decision: takes a visible choice (index into node().choices).
    void choose(int choice);
    /// Decision by a role nobody plays: takes its default.
    void chooseDefault();
    /// Marks a decision step as taken for a role nobody plays (its card is not shown).
    void markDefault(int step) { history_.at(static_cast<std::size_t>(step)).byDefault = true; }

    int meter(int i) const { return meters_[static_cast<std::size_t>(i)]; }
    int meter(std::string_view name) const;
    const std::vector<int>& meters() const { return meters_; }
    bool flag(int i) const { return flags_[static_cast<std::size_t>(i)] != 0; }
    bool flag(std::string_view name) const;
    int visits(int node) const { return visits_[static_cast<std::size_t>(node)]; }
    const std::vector<Step>& history() const { return history_; }
    /// Why the session is stuck (State::Stuck only).
    const std::string& stuckReason() const { return stuck_; }

    /// Index in history() of the most recent decision step, or -1.
    int lastDecisionStep() const;

private:
    /// The choices shown now, into `out` (a decision node's, conditions checked).
    void offer(StepInts& out) const;
    void enter(int node);
    void follow(const std::vector<Branch>& next, const std::string& from);
    void apply(const std::vector<Effect>& effects);
    void settle();
    void stick(std::string why);
    expr::Env env() const { return {meters_, flags_, visits_}; }

    const Scenario* s_;
    std::set<std::string> played_;
    State state_ = State::Line;
    int node_ = -1;
    std::vector<int> meters_;
    std::vector<char> flags_;
    std::vector<int> visits_;
    std::vector<Step> history_;
    std::string stuck_;
    int autoSteps_ = 0;
};

}  // namespace attune
