#pragma once
/// Random playtesting (`attune walk`): seeded random playthroughs with every role played,
/// each pick random among the choices shown (so conditions are respected), reporting what
/// an author needs to find the paths nobody takes: node and choice coverage with the
/// choices never taken named, the endings and how often each was reached, the shortest and
/// longest runs with their picks (to replay with --script), runs that hit the step cap
/// (possible endless loops) or got stuck, and the range each meter took.
#include "core/model/Scenario.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace attune {

struct WalkReport {
    int runs = 0;
    std::uint32_t seed = 0;
    int stepCap = 0;  ///< steps a run may take before it counts as looping
    int reachable = 0, reached = 0;
    std::vector<std::string> nodesMissed;  ///< reachable nodes no run entered
    int choices = 0, choicesTaken = 0;     ///< choices at reached decisions
    std::vector<std::string> choicesMissed;  ///< "node/choice" never taken, at nodes that were reached
    struct Ending {
        std::string node, title, kind;
        int runs = 0;
    };
    std::vector<Ending> endings;  ///< every ending of the scenario, in file order (runs 0 when never reached)
    struct Path {
        int picks = -1;  ///< -1: no run reached an ending
        std::string ending;
        std::vector<std::string> script;  ///< choice ids, for attune play --script
    };
    Path shortest, longest;  ///< by picks, among runs that reached an ending
    int capped = 0, stuck = 0;
    std::vector<std::string> cappedScript;  ///< the first capped run's first picks (at most 40)
    struct MeterRange {
        std::string id;
        int min = 0, max = 0;           ///< the meter's own bounds
        int low = 0, high = 0;          ///< the lowest and highest it took
        int pinnedRuns = 0;             ///< runs that ended with it at one of its bounds
    };
    std::vector<MeterRange> meters;
};

/// Plays `runs` random playthroughs seeded by `seed`.
WalkReport walk(const Scenario& s, int runs, std::uint32_t seed);

/// The report in words for the terminal, and as JSON for tools (docs/walk-json.md).
std::string walkText(const Scenario& s, const WalkReport& r, const std::string& file);
std::string walkJson(const Scenario& s, const WalkReport& r);

}  // namespace attune
