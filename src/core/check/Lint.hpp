#pragma once
/// Lint for authors (attune lint, or validate --lint): what loads and plays but may not
/// read or teach as well as it could. All warnings, each with a rule id:
/// reading-level (Flesch-Kincaid grade, per role and for the narration), long-line (text
/// that will not fit at the default text size), repeated-text (a body or why line written
/// twice, in one file or across files), breathe-calm (a breathing pause where nobody is
/// even near the top of the window). The loader's own teaching checks (few-options,
/// secure-ending-shutdown, ...) are reported with them.
#include "core/model/Scenario.hpp"
#include "core/util/Diagnostic.hpp"

#include <map>
#include <string>
#include <vector>

namespace attune::check {

/// How plainly one voice reads: the words a role says and chooses, or the narration.
struct Reading {
    std::string who;  ///< the role's name, or "narration"
    int words = 0, sentences = 0, syllables = 0;
    double grade() const;  ///< Flesch-Kincaid grade level
};

/// A voice with fewer words is not scored: the formula means little on a few lines.
constexpr int kShortestScored = 40;
/// The grade above which a voice is flagged: a person under stress reads less well.
constexpr double kReadingGradeLimit = 8.0;
/// About six lines of a node's text, or two of a choice's, at the default text size in a
/// 1280-wide window (some 70 characters a line).
constexpr std::size_t kLongNodeText = 420, kLongChoiceText = 140;

/// breathe-calm: a pause is flagged when every arousal meter stays below this on arriving
/// (60: the upper part of the window, 30 to 70, is where a pause starts to help).
constexpr int kNearTheTop = 60;

/// Syllables in one word (English, by vowel groups; good enough for a readability score).
int syllables(std::string_view word);
/// Words, sentences and syllables of a text, added to `r`.
void count(std::string_view text, Reading& r);

/// Each voice's reading in file order (roles, then narration when there is any).
std::vector<Reading> readings(const Scenario& s);

/// Body and why lines seen so far, across files: normalised text -> where first written.
using SeenLines = std::map<std::string, std::pair<std::string, Pos>>;

/// Adds the lint warnings for `s` (loaded from `file`) to `d`; `seen` carries the body
/// and why lines across the files linted together.
void lint(const Scenario& s, const std::string& file, SeenLines& seen, Diagnostics& d);

}  // namespace attune::check
