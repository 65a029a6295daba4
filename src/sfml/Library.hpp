#pragma once
/// The scenarios the window offers: the shipped folder and the user's own
/// ($XDG_DATA_HOME/attune/scenarios). Start-up reads what the library shows from the
/// library index (core/load/Index); a scenario is loaded in full when it is opened.
#include "core/model/PatternLibrary.hpp"
#include "core/model/Scenario.hpp"
#include "core/util/Diagnostic.hpp"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace attune::ui {

struct LibraryEntry {
    Scenario meta;  ///< the top level: id, title, summary, themes, signs, difficulty, minutes, roles, player
    std::unique_ptr<Scenario> full;  ///< the whole story once opened (stable address: sessions point at it)
    std::filesystem::path file;
    /// Ending node ids and titles, in file order.
    std::vector<std::pair<std::string, std::string>> endings;
};

class ScenarioLibrary {
public:
    /// The folders read, the same rule as the terminal library: $ATTUNE_SCENARIOS,
    /// else the source or installed scenarios/; then the user's folder when it exists.
    static std::vector<std::filesystem::path> folders();

    /// Reads every .yaml/.yml file of the folders through the library index (the cache file:
    /// empty for the default); files with errors are skipped with a line on `err`.
    void load(const PatternLibrary& patterns, std::ostream& err, const std::filesystem::path& indexFile = {});
    /// Loads one more file (for --scenario FILE); null with `error` when it has errors.
    const LibraryEntry* add(const std::filesystem::path& file, const PatternLibrary& patterns, std::string& error);
    /// By scenario id.
    const LibraryEntry* find(std::string_view id) const;
    /// The whole scenario, loaded (and checked) the first time it is asked for; null with
    /// `error` when the file no longer loads.
    const Scenario* open(std::string_view id, std::string& error, Diagnostics* diags = nullptr);
    /// How start-up found the entries: from the index, by hashing, by loading in full.
    struct Counts {
        int fromIndex = 0, rehashed = 0, loaded = 0;
    };
    Counts counts() const { return counts_; }
    const std::vector<LibraryEntry>& entries() const { return entries_; }

private:
    std::vector<LibraryEntry> entries_;
    const PatternLibrary* patterns_ = nullptr;
    Counts counts_;
};

}  // namespace attune::ui
