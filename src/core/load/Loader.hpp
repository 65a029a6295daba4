#pragma once
/// Reading scenario and pattern-library files into the model.
/// Every problem becomes a positioned diagnostic; nothing throws.
#include "core/load/YamlTree.hpp"
#include "core/util/Diagnostic.hpp"
#include "core/util/Limits.hpp"
#include "core/model/Scenario.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace attune {

class PatternLibrary;

/// Reads a whole file as bytes; reports missing, unreadable, directory or too large.
/// `what` names the files for the too-large message ("scenarios are limited to ...").
std::optional<std::string> readFile(const std::filesystem::path& path, Diagnostics& diags,
                                    std::size_t maxBytes = limits::kMaxFileBytes, std::string_view what = "scenarios");

/// Turns YAML text into a scenario (structure, keys and types only; names
/// are resolved by the checker). Returns nothing when the YAML itself is unusable.
std::optional<Scenario> parseScenario(std::string_view text, const std::string& file, Diagnostics& diags);

/// The second half of parseScenario: the model from a YAML tree already parsed.
std::optional<Scenario> buildScenario(const yaml::Node& root, const std::string& file, Diagnostics& diags);

/// Reads pattern entries from a `patterns:` mapping (scenario-local or library).
std::vector<Pattern> readPatterns(const yaml::Node& map, const std::string& file, Diagnostics& diags);

/// Loads the pattern library file (`format: 1`, `patterns:`).
std::optional<std::vector<Pattern>> parsePatternLibrary(std::string_view text, const std::string& file,
                                                        Diagnostics& diags);

struct LoadResult {
    std::optional<Scenario> scenario;  ///< present when there are no errors
    Diagnostics diags;
};

/// How deep the check goes. `Play` leaves out the authoring checks that explore the
/// story's states (warnings only), so opening a library stays quick.
enum class Checks { Author, Play };

/// The checks loadScenarioText runs on a built scenario (names, graph, choices, tests, images).
void checkScenario(Scenario& s, const PatternLibrary& library, Diagnostics& diags, Checks checks);

/// Reads, parses and checks a scenario file: the one call front ends make.
LoadResult loadScenario(const std::filesystem::path& path, const PatternLibrary& library,
                        Checks checks = Checks::Author);

/// The same from text already in memory.
LoadResult loadScenarioText(std::string_view text, const std::string& file, const PatternLibrary& library,
                            Checks checks = Checks::Author);

}  // namespace attune
