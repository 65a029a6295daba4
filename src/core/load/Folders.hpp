#pragma once
/// Where scenarios are found: the shipped folder and the user's own. One rule
/// for every front end (the terminal library, the window, validate DIR).
#include "core/model/Scenario.hpp"

#include <filesystem>
#include <system_error>
#include <vector>

namespace attune::folders {

/// $XDG_DATA_HOME/attune/scenarios, or ~/.local/share/attune/scenarios.
std::filesystem::path userScenarios();

/// $ATTUNE_SCENARIOS, else the source tree's or the installed scenarios/; then
/// the user's folder when it exists.
std::vector<std::filesystem::path> scenarioFolders();
/// The JSON Schema editors check scenario files with: the source tree's, else the installed one.
std::filesystem::path schemaFile();

/// Every .yaml or .yml file below `dir`, sorted; `ec` says when the folder cannot be read.
std::vector<std::filesystem::path> yamlFiles(const std::filesystem::path& dir, std::error_code& ec);

/// The library's order: gentlest first, then by title, so a newcomer meets a
/// difficulty-1 story at the top.
bool gentlestFirst(const Scenario& a, const Scenario& b);

}  // namespace attune::folders
