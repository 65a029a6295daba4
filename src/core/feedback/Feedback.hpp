#pragma once
/// The feedback module: what each choice was and why, and the debrief at an
/// ending. Every front end (terminal, window, reports) shows these same results.
#include "core/model/PatternLibrary.hpp"
#include "core/run/Playthrough.hpp"
#include "core/run/Session.hpp"
#include "core/run/Together.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace attune::feedback {

/// When coaching is shown: after each choice, only in the debrief, or never.
enum class Coaching { Immediate, AtEnd, Off };
const char* name(Coaching c);
std::optional<Coaching> parseCoaching(std::string_view s);

struct MeterChange {
    int meter = -1;
    std::string label;
    MeterKind kind = MeterKind::Custom;
    std::string role;
    int before = 0, after = 0;
    int delta() const { return after - before; }
};

/// A secure option that was on offer at that moment.
struct Alternative {
    int choice = -1;  ///< index into the node's choices
    std::string text;
    const Pattern* pattern = nullptr;
};

/// Everything to say about one decision step.
struct ChoiceFeedback {
    int step = -1;  ///< index into Session::history()
    int node = -1;
    int choice = -1;
    std::string role, roleName;
    std::string text;  ///< the choice, names filled in
    std::optional<Style> style;
    std::optional<Theme> theme;
    const Pattern* pattern = nullptr;
    std::optional<Zone> zone;  ///< the chooser's zone as they chose (when they have an arousal meter)
    int arousal = -1;          ///< the chooser's arousal as they chose, or -1
    std::string body;          ///< the pattern's body for that zone, names filled in
    std::string why;           ///< the author's, names filled in
    std::vector<MeterChange> changes;
    std::vector<Alternative> secureAlternatives;  ///< only for a non-secure choice
    bool byDefault = false;
    /// "Secure: naming the need" / "Anxious: reassurance seeking".
    std::string headline() const;
};

/// Explains one decision step of a session's history.
ChoiceFeedback explain(const Session& s, const PatternLibrary& lib, int step);
/// Explains an answer that was given but not played (a mirror answer): choice `choice` at
/// decision step `step`, from the chooser's state as they chose; no meter changes.
ChoiceFeedback explainAsIf(const Session& s, const PatternLibrary& lib, int step, int choice);
/// Explains every decision step, in order.
std::vector<ChoiceFeedback> explainAll(const Session& s, const PatternLibrary& lib);

using attune::Zone;
using attune::zoneOf;
const char* name(Zone z);

/// One role's arousal over the steps: one value per history step, as the step began
/// (after the node's own effects, before the choice made there).
struct Arc {
    std::string role, name;
    int meter = -1;
    int min = 0, max = 100;  ///< the meter's range
    std::vector<int> values;
    std::array<int, 3> zoneSteps{};  ///< steps below, inside, above the window
};

/// Style counts for one person: [secure, anxious, avoidant, disorganised] per theme.
struct PersonSummary {
    std::string role, name;
    std::array<int, 4> styles{};
    std::array<std::array<int, 4>, 5> byTheme{};  ///< index by Theme, then Style
    std::vector<ChoiceFeedback> choices;          ///< this person's own (not default) choices
    std::vector<std::string> strengths;           ///< one line per strength these choices showed
    std::string practise;                         ///< one concrete thing to practise next, from this run
    int decisions() const { return styles[0] + styles[1] + styles[2] + styles[3]; }
};

struct PatternCount {
    const Pattern* pattern = nullptr;
    std::vector<std::string> who;  ///< the names of the people whose choices used it
    Style style = Style::Secure;   ///< the style of the choices that used it (the first one's)
    /// Each person and the style they used it with, once each, in order: a pattern several
    /// styles can use may be anxious for one person and avoidant for the other.
    std::vector<std::pair<std::string, Style>> uses;
    int count = 0;
    int arousalRise = 0;  ///< total rise in the chooser's arousal those choices caused
};

/// A moment when a regulated person's secure move helped a dysregulated partner settle:
/// the helper at or below 70 as they chose, the other above 70 and coming down.
struct CoRegulation {
    int step = -1;
    std::string calmer, calmerName, calmed, calmedName;
    int calmerLevel = 0;  ///< the helper's own arousal as they chose
    int before = 0, after = 0;
    std::string choice;  ///< the choice's id, or its text when it has none
};

/// A choice point where another option was secure: worth replaying.
struct Moment {
    int step = -1;
    std::string role, roleName;
    std::string node;
    std::string chosen;
    std::string secureText;
};

/// The body going below the window: a state the story entered, not a choice.
struct StateNote {
    int step = -1;
    std::string role, roleName;
    int before = 0, after = 0;                     ///< the person's arousal before and on entering
    const Pattern* pattern = nullptr;              ///< the library's `freeze` entry, when there is one
    std::string title, what, need, body, wayBack;  ///< names filled in
};

/// The shutdown notes for one history step (played roles whose arousal entered the
/// zone below the window on that step).
std::vector<StateNote> statesAt(const Session& s, const PatternLibrary& lib, int step);

/// The pursue-withdraw cycle: one person's anxious, pursuing move met by the other's
/// avoidant withdrawal, more than once. The pattern between two people, not a fault of either.
struct Cycle {
    std::string pursuer, pursuerName, withdrawer, withdrawerName;
    std::vector<std::pair<int, int>> rounds;  ///< (pursuing step, withdrawing step)
};

/// One history step as the report keeps it.
struct StepRecord {
    std::string node, by, choice;  ///< choice id (or its number, `#n`) for a decision; empty otherwise
    std::optional<Style> style;
    std::string pattern;
    std::vector<std::pair<std::string, int>> meters;  ///< after the step
};

/// The debrief's words: every sentence is derived from this run, once, here; the
/// terminal, Markdown, HTML, JSON and the window only lay them out.
struct Line {
    std::string text;
    std::string role;  ///< whose line it is, or empty
};
struct Section {
    std::string id;       ///< ending, together, care, choices, mirror, arcs, shutdown, coregulation, cycle, patterns,
                          ///< strengths, practice, replay, lens
    std::string heading;  ///< empty for the opening section
    std::vector<Line> lines;
    bool list = false;  ///< the lines are items of a list
};

/// The debrief for a playthrough: the couple's when two people played together.
struct Debrief;
Debrief debrief(const Playthrough& p, const PatternLibrary& lib);

/// The mirror reveal: both answers at one decision, side by side, and what to talk about.
struct Reveal {
    int step = -1;
    std::string role, roleName;        ///< the role both answered as
    std::string ownerName, otherName;  ///< the people, as the table calls them
    int ownerPerson = 0, otherPerson = 1;
    ChoiceFeedback owner, other;  ///< the owner's (played) and the other's (not played)
    bool alike = false, sameStyle = false;
    bool otherPause = false;  ///< the other person's answer was a breathing pause
    std::string headline;
    std::vector<std::string> prompts;  ///< feeling, need, meeting in the middle
};
struct Debrief {
    std::string scenarioId, scenarioTitle;
    std::string endingNode, endingTitle;
    EndingKind endingKind = EndingKind::Mixed;
    std::string bestNode, bestTitle;  ///< the best ending the scenario offers
    EndingKind bestKind = EndingKind::Secure;
    bool reachedBest = false;
    bool stuck = false;
    std::vector<PersonSummary> people;      ///< the roles people played, player first
    std::vector<Arc> arcs;                  ///< every role with an arousal meter
    std::vector<PatternCount> topPatterns;  ///< at most three
    std::vector<Moment> replay;
    std::vector<CoRegulation> coRegulation;
    std::vector<StateNote> shutdowns;
    std::optional<Cycle> cycle;  ///< only when both people played and it showed at least twice
    std::vector<StepRecord> stepLog;
    TogetherMode mode = TogetherMode::Solo;
    bool machines = false;          ///< played on two machines
    std::vector<Person> table;      ///< who played which role, when two people played together
    std::vector<Reveal> mirror;     ///< mirror mode: every round, in order
    std::vector<Section> sections;  ///< the words, in reading order
    int steps = 0;
    bool ended() const { return !endingNode.empty(); }
    const Section* section(std::string_view id) const;
};

/// "5 steps inside the window, 2 above, 0 below".
std::string zoneSummary(const Arc& a);

/// The debrief for a session (at its ending, or wherever it stopped).
Debrief debrief(const Session& s, const PatternLibrary& lib);
/// The debrief for two people at one table: names as they gave them, and in mirror mode
/// how often they chose alike and where they differed most (the `together` and `mirror`
/// sections).
Debrief debrief(const Session& s, const PatternLibrary& lib, const Table& table,
                const std::vector<MirrorRound>& rounds);

Reveal reveal(const Session& s, const PatternLibrary& lib, const Table& table, const MirrorRound& round);
std::string revealText(const Reveal& r, std::size_t width);
/// The debrief's `mirror` section (empty lines when there were no rounds).
Section mirrorSection(const Debrief& d);

/// The short note on the frameworks, shared by the card, the debrief and the about page.
const std::string& lensNote();

/// Plain-text renderings for the terminal (wrapped to `width`).
std::string cardText(const ChoiceFeedback& f, std::size_t width);
std::string debriefText(const Debrief& d, std::size_t width);
/// The note shown when the body goes below the window (a state, not a choice).
std::string stateText(const StateNote& n, std::size_t width);

/// Reports to keep or to share: Markdown, or a self-contained HTML page with an SVG arc.
std::string reportMarkdown(const Debrief& d);
std::string reportHtml(const Debrief& d);
/// The same document as JSON (docs/report-json.md).
std::string reportJson(const Debrief& d);

}  // namespace attune::feedback
