#pragma once
/// A person's practice over time in words: one wording for `attune progress`, the window's
/// progress screen and the HTML summary to bring to a therapist. Every line comes from the
/// journal's report: what was not recorded is not said.
#include "core/journal/Journal.hpp"
#include "core/model/PatternLibrary.hpp"

#include <functional>
#include <string>
#include <vector>

namespace attune::summary {

struct Section {
    Section(std::string i, std::string h, std::vector<std::string> l = {}, std::string n = {})
        : id(std::move(i)), heading(std::move(h)), lines(std::move(l)), note(std::move(n)) {}
    std::string id;       ///< glance, themes, patterns, checkins, practices, notes, lens
    std::string heading;  ///< empty for the glance and the lens
    std::vector<std::string> lines;
    std::string note;  ///< said after the lines, not one of them
};

/// The share of secure choices in one theme, week by week (-1: no choice in it that week).
struct Trend {
    std::string theme;
    std::vector<int> percent;  ///< one per week of `Summary::weeks`
};

struct Summary {
    std::string title;               ///< "Your practice so far" or "Sam's practice so far"
    bool empty = true;               ///< nothing recorded yet
    std::vector<std::string> weeks;  ///< "2026-11-30", each week's Monday, oldest first
    std::vector<Trend> trends;       ///< by theme, in the program's theme order
    std::vector<Section> sections;
};

/// The scenario's title for an id, or the id when it is not known here.
using TitleOf = std::function<std::string(const std::string&)>;

Summary summarise(const Journal::Report& r, const std::string& profile, const PatternLibrary* patterns,
                  const TitleOf& titleOf = {});

/// For the terminal: the title, then each section, wrapped to `width`.
std::string text(const Summary& s, std::size_t width = 76);
/// A self-contained page (no scripts, no outside files) with the chart as SVG.
std::string html(const Summary& s);

}  // namespace attune::summary
