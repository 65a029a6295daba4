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
#include <string_view>
#include <vector>

namespace attune {

struct WalkReport {
    int runs = 0;
    std::uint32_t seed = 0;
    int stepCap = 0;  ///< steps a run may take before it counts as looping
    int reachable = 0, reached = 0;
    std::vector<std::string> nodesMissed;    ///< reachable nodes no run entered
    int choices = 0, choicesTaken = 0;       ///< choices at reached decisions
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
        int min = 0, max = 0;   ///< the meter's own bounds
        int low = 0, high = 0;  ///< the lowest and highest it took
        int pinnedRuns = 0;     ///< runs that ended with it at one of its bounds
    };
    std::vector<MeterRange> meters;
};

/// Plays `runs` random playthroughs seeded by `seed`.
WalkReport walk(const Scenario& s, int runs, std::uint32_t seed);

/// The side-by-side benchmark's walk (`attune bench --random-walks`, docs/benchmarks.md),
/// defined so that other engines can walk the same paths: one mulberry32 stream across
/// all walks; at each decision the choices shown, in file order, picked by
/// `(uint64(rng()) * count) >> 32`; a walk stops at an ending, where nothing can be
/// chosen, or at a decision once `stepCap` choices are taken. `pathHash` is FNV-1a (32
/// bits) over every node entered, in order, across all walks: its text as written
/// (before `{role}` names are filled in), then one newline.
struct RandomWalks {
    int walks = 0;
    long long steps = 0;  ///< choices taken over all walks
    std::uint32_t pathHash = 0;
};
RandomWalks randomWalks(const Scenario& s, int walks, std::uint32_t seed, int stepCap);

/// mulberry32: returns the next 32-bit number and moves `state` on.
std::uint32_t mulberry32(std::uint32_t& state);
/// `(uint64(r) * count) >> 32`: an index below count (count > 0).
int pickIndex(std::uint32_t r, std::size_t count);
/// 32-bit FNV-1a, continued from `h`.
std::uint32_t fnv1a32(std::string_view bytes, std::uint32_t h = 2166136261u);

/// The report in words for the terminal, and as JSON for tools (docs/walk-json.md).
std::string walkText(const Scenario& s, const WalkReport& r, const std::string& file);
std::string walkJson(const Scenario& s, const WalkReport& r);

}  // namespace attune
