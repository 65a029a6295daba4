#include "sfml/Library.hpp"

#include "core/load/Folders.hpp"
#include "core/load/Loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <ostream>


namespace attune::ui {
namespace fs = std::filesystem;

std::vector<fs::path> ScenarioLibrary::folders() { return folders::scenarioFolders(); }

const LibraryEntry* ScenarioLibrary::add(const fs::path& file, const PatternLibrary& patterns, std::string& error) {
    LoadResult r = loadScenario(file, patterns, Checks::Play);
    if (!r.scenario) {
        error = fmt::format("{} has errors (run: attune validate {})", file.string(), file.string());
        return nullptr;
    }
    if (find(r.scenario->id)) {
        error = fmt::format("{}: a scenario with id '{}' is already in the library", file.string(), r.scenario->id);
        return nullptr;
    }
    LibraryEntry e;
    e.scenario = std::make_unique<Scenario>(std::move(*r.scenario));
    e.file = file;
    for (const Node& n : e.scenario->nodes)
        if (n.ending) e.endings.emplace_back(n.id, e.scenario->substitute(n.ending->title));
    entries_.push_back(std::move(e));
    return &entries_.back();
}

void ScenarioLibrary::load(const PatternLibrary& patterns, std::ostream& err) {
    for (const fs::path& dir : folders()) {
        std::error_code ec;
        for (const fs::path& f : folders::yamlFiles(dir, ec)) {
            std::string error;
            if (!add(f, patterns, error)) err << "attune: skipping " << error << '\n';
        }
        if (ec) err << "attune: " << dir.string() << " cannot be read: " << ec.message() << '\n';
    }
    std::stable_sort(entries_.begin(), entries_.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
        return folders::gentlestFirst(*a.scenario, *b.scenario);
    });
}

const LibraryEntry* ScenarioLibrary::find(std::string_view id) const {
    for (const auto& e : entries_)
        if (e.scenario->id == id) return &e;
    return nullptr;
}

}  // namespace attune::ui
