#pragma once
/// The feedback module: what each choice was and why, and the debrief at an
/// ending. Every front end (terminal, window, reports) shows these same results.
#include "core/feedback/PatternLibrary.hpp"
#include "core/run/Session.hpp"

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
    std::string why;  ///< the author's, names filled in
    std::vector<MeterChange> changes;
    std::vector<Alternative> secureAlternatives;  ///< only for a non-secure choice
    bool byDefault = false;
    /// "Secure: naming the need" / "Anxious: reassurance seeking".
    std::string headline() const;
};

/// Explains one decision step of a session's history.
ChoiceFeedback explain(const Session& s, const PatternLibrary& lib, int step);
/// Explains every decision step, in order.
std::vector<ChoiceFeedback> explainAll(const Session& s, const PatternLibrary& lib);

enum class Zone { Below, Inside, Above };
Zone zoneOf(int arousal);
const char* name(Zone z);

/// One role's arousal over the steps (one value per history step, after the choice).
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
    std::vector<ChoiceFeedback> choices;        ///< this person's own (not default) choices
    std::string strength;  ///< a strength these choices showed
    std::string practise;  ///< one concrete thing to practise next
    int decisions() const { return styles[0] + styles[1] + styles[2] + styles[3]; }
};

struct PatternCount {
    const Pattern* pattern = nullptr;
    int count = 0;
    int arousalRise = 0;  ///< total rise in the chooser's arousal those choices caused
};

/// A moment when one partner's secure move calmed the other's nervous system.
struct CoRegulation {
    int step = -1;
    std::string calmer, calmerName, calmed, calmedName;
    int before = 0, after = 0;
};

/// A choice point where another option was secure: worth replaying.
struct Moment {
    int step = -1;
    std::string role, roleName;
    std::string node;
    std::string chosen;
    std::string secureText;
};

struct Debrief {
    std::string scenarioTitle;
    std::string endingNode, endingTitle;
    EndingKind endingKind = EndingKind::Mixed;
    std::string bestNode, bestTitle;  ///< the best ending the scenario offers
    EndingKind bestKind = EndingKind::Secure;
    bool reachedBest = false;
    std::vector<PersonSummary> people;  ///< the roles people played, player first
    std::vector<Arc> arcs;              ///< every role with an arousal meter
    std::vector<PatternCount> topPatterns;  ///< at most three
    std::string strength;   ///< the first person's (the player's when they played)
    std::string practise;   ///< the first person's
    std::vector<Moment> replay;
    std::vector<CoRegulation> coRegulation;
    int steps = 0;
};

/// "5 steps inside the window, 2 above, 0 below".
std::string zoneSummary(const Arc& a);

/// The debrief for a session (at its ending, or wherever it stopped).
Debrief debrief(const Session& s, const PatternLibrary& lib);

/// Plain-text renderings for the terminal (wrapped to `width`).
std::string cardText(const ChoiceFeedback& f, std::size_t width);
std::string debriefText(const Debrief& d, std::size_t width);

/// Reports to keep or to share: Markdown, or a self-contained HTML page with an SVG arc.
std::string reportMarkdown(const Debrief& d);
std::string reportHtml(const Debrief& d);

}  // namespace attune::feedback
