#pragma once
/// The terminal player: plays a scenario on a text stream. Works in a
/// terminal, piped, in tmux and with screen readers (plain text, no cursor tricks).
#include "core/run/Session.hpp"

#include <functional>
#include <iosfwd>
#include <optional>
#include <vector>

namespace attune {

class PatternLibrary;
class Playthrough;

struct TextOptions {
    std::size_t width = 76;
    bool interactive = true;  ///< a person at a terminal: pause for breathing
    bool showMeters = true;
    /// Called after each decision step, to print coaching (the feedback module).
    std::function<void(const Session&, const Step&, std::ostream&)> afterChoice;
    /// Called at the ending, to print the debrief.
    std::function<void(const Session&, std::ostream&)> atEnding;
    /// Called after each node is shown (the state of the body on entering it, for example).
    std::function<void(const Session&, std::ostream&)> onEnter;
    /// Mirror mode: called after both answers, to print the reveal.
    std::function<void(const Playthrough&, std::ostream&)> onReveal;
    /// Two people on one terminal: clear the screen at each hand-off (stdin and stdout are a terminal).
    bool clearScreen = false;
    /// Two machines: the role this machine's person plays. Only its choices, card and body
    /// lines are shown here; the other role's decisions say who is choosing and wait for
    /// the pick the PickSource brings from the other machine.
    std::string localRole;
    /// A practice was taken at a breathing point (its id, how many seconds it went on).
    std::function<void(const std::string&, int)> onPractice;
    /// Said after "Stopped before the end." (none, or empty: nothing is kept).
    std::function<std::string()> stopNote;
};

/// Where picks come from: a person typing, or a script.
class PickSource {
public:
    virtual ~PickSource() = default;
    /// The choice (index into node().choices) for the decision now, or nothing to stop.
    virtual std::optional<int> pick(const Session& s, std::ostream& out) = 0;
    /// The stream a person types into, when there is one (for "press Enter").
    virtual std::istream* typing() { return nullptr; }
    /// Mirror mode: the second answer is not asked (the owner took a breathing pause).
    virtual void skip() {}
    /// Two machines, mirror mode: after pick() gave this person's answer, both answers as the
    /// host settled them: the owner's and the other's (-1 when the owner took a breathing
    /// pause, for both). Nothing to stop.
    virtual std::optional<std::pair<int, int>> settle(const Session&, std::ostream&) { return std::nullopt; }
    /// Live reload: the picks stopped because the scenario file was saved (playText returns Reload).
    virtual bool reloading() const { return false; }
};

/// Reads numbers or choice ids from a stream; re-asks on bad input.
class TypedPicks : public PickSource {
public:
    explicit TypedPicks(std::istream& in) : in_(in) {}
    std::optional<int> pick(const Session& s, std::ostream& out) override;
    std::istream* typing() override { return &in_; }

private:
    std::istream& in_;
};

/// Takes picks from a list (--script).
class ScriptedPicks : public PickSource {
public:
    explicit ScriptedPicks(std::vector<Pick> picks) : picks_(std::move(picks)) {}
    std::optional<int> pick(const Session& s, std::ostream& out) override;
    void skip() override {
        if (next_ < picks_.size()) ++next_;
    }
    std::string error;  ///< set when a pick did not fit

private:
    std::vector<Pick> picks_;
    std::size_t next_ = 0;
};

/// Reload: the picks stopped for a new version of the file (attune play --watch).
enum class PlayEnd { Ending, Stopped, Stuck, BadScript, Reload };

/// Plays to the end (or until the picks stop), every move through the playthrough. Returns how it ended.
PlayEnd playText(Playthrough& playthrough, PickSource& picks, std::ostream& out, const TextOptions& opts);

/// The lines read since the last pick, up to (not including) the node the story stands at:
/// after a live reload, so the words just edited are seen again.
void showSince(const Playthrough& p, std::ostream& out, const TextOptions& o);

/// The scenario's title and its summary, wrapped.
/// A regulation practice in words: its steps, then Enter to go on (`in` null: no waiting).
/// The twenty-minute break gives a time to come back and, at a terminal, a reminder when it
/// is up. Returns how many seconds it went on.
int practise(std::ostream& out, std::istream* in, std::size_t width, const std::string& id);

void printTitle(const Scenario& sc, std::ostream& out, std::size_t width = 76);

/// Who plays which role and how ("Sam plays Alex; Kim plays Jordan. Pass the device: ...").
void printTable(const Playthrough& p, std::ostream& out, std::size_t width = 76);

/// The meters line, e.g. "Your nervous system 60 (inside the window) · Trust 50".
std::string metersLine(const Session& s);

/// "inside the window", "above the window (fight or flight)", "below the window (shutdown)".
std::string arousalZone(int value);

}  // namespace attune
