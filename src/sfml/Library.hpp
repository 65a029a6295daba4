#pragma once
/// The scenarios the window offers: the shipped folder and the user's own
/// ($XDG_DATA_HOME/attune/scenarios), loaded and checked once at start-up.
#include "core/model/PatternLibrary.hpp"
#include "core/model/Scenario.hpp"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace attune::ui {

struct LibraryEntry {
    std::unique_ptr<Scenario> scenario;  ///< stable address: sessions point at it
    std::filesystem::path file;
    /// Ending node ids and titles, in file order.
    std::vector<std::pair<std::string, std::string>> endings;
};

class ScenarioLibrary {
public:
    /// The folders read, the same rule as the terminal library: $ATTUNE_SCENARIOS,
    /// else the source or installed scenarios/; then the user's folder when it exists.
    static std::vector<std::filesystem::path> folders();

    /// Loads every .yaml/.yml file of the folders; files with errors are skipped with a line on `err`.
    void load(const PatternLibrary& patterns, std::ostream& err);
    /// Loads one more file (for --scenario FILE); null with `error` when it has errors.
    const LibraryEntry* add(const std::filesystem::path& file, const PatternLibrary& patterns, std::string& error);
    /// By scenario id.
    const LibraryEntry* find(std::string_view id) const;
    const std::vector<LibraryEntry>& entries() const { return entries_; }

private:
    std::vector<LibraryEntry> entries_;
};

}  // namespace attune::ui
