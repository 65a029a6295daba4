#pragma once
/// Small text helpers shared by the loader, the checker and the front ends.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::text {

/// Optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps).
std::size_t editDistance(std::string_view a, std::string_view b);

/// The closest candidate, when close enough to be a likely typo.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" or "".
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

/// Position (0-based byte offset) of the first byte that is not valid UTF-8, if any.
std::optional<std::size_t> firstInvalidUtf8(std::string_view s);

/// Number of code points in a valid UTF-8 string.
std::size_t codePoints(std::string_view s);

/// True for lower-case kebab-case ids: [a-z0-9]+(-[a-z0-9]+)*
bool isKebab(std::string_view s);

/// The local time of day now, as "18:47:20" (what a save did, and when).
std::string timeOfDay();

/// The first `max` code points of a valid UTF-8 string (all of it when shorter).
std::string firstCodePoints(std::string_view s, std::size_t max);

/// Text made safe inside HTML: & < > " and ' as entities.
std::string escapeHtml(std::string_view s);

/// At most `max` code points, with "..." when cut (for names quoted in messages).
std::string shorten(std::string_view s, std::size_t max = 60);

/// True when the name can be written in a condition: [A-Za-z_][A-Za-z0-9_-]*, not a keyword.
bool isConditionName(std::string_view s);

/// The text with its first letter in lower case (ASCII only).
std::string lowerFirst(std::string s);
/// The text with its first letter in upper case (ASCII only).
std::string capitalFirst(std::string s);

/// Joins with ", ".
std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");

/// Splits on a character, trimming spaces around each part.
std::vector<std::string> splitTrim(std::string_view s, char sep);
/// Without the spaces at either end.
std::string trim(std::string_view s);

/// Greedy word wrap to a column width (counts code points).
std::vector<std::string> wrap(std::string_view s, std::size_t width);

}  // namespace attune::text
