#pragma once
/// Coverage and shape statistics for a scenario: how big it is, how its
/// choices are spread, and which nodes seeded random playthroughs reach.
#include "core/model/Scenario.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace attune {

struct ScenarioStats {
    int nodes = 0;
    int decisions = 0;  ///< nodes with choices
    int endings = 0;
    std::array<int, 3> endingKinds{};  ///< secure, mixed, rupture
    int longestPath = 0;               ///< decision points on the longest path that repeats no node
    std::array<int, 4> styles{};       ///< choices by style
    int reachable = 0;                 ///< nodes reachable from start in the graph
    int reached = 0;                   ///< of those, reached by the random playthroughs
    std::vector<std::string> missed;   ///< reachable nodes no playthrough entered
    int runs = 0, stuckRuns = 0;
    std::array<int, 3> runEndings{};  ///< how the random runs ended, by kind
    double percentReached() const { return reachable ? 100.0 * reached / reachable : 100.0; }
};

/// Computes the statistics, with `runs` random playthroughs seeded by `seed`
/// (every role's choice is random among those shown).
ScenarioStats computeStats(const Scenario& s, int runs, std::uint32_t seed);

}  // namespace attune
