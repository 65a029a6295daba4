#include "sfml/Library.hpp"

#include "core/load/Folders.hpp"
#include "core/load/Index.hpp"
#include "core/load/Loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <ostream>

namespace attune::ui {
namespace fs = std::filesystem;

namespace {
std::string alreadyThere(const fs::path& file, const std::string& id) {
    return fmt::format("{}: a scenario with id '{}' is already in the library", file.string(), id);
}
}  // namespace

std::vector<fs::path> ScenarioLibrary::folders() { return folders::scenarioFolders(); }

const LibraryEntry* ScenarioLibrary::add(const fs::path& file, const PatternLibrary& patterns, std::string& error) {
    patterns_ = &patterns;
    LoadResult r = loadScenario(file, patterns, Checks::Play);
    if (!r.scenario) {
        error = fmt::format("{} has errors (run: attune validate {})", file.string(), file.string());
        return nullptr;
    }
    if (find(r.scenario->id)) {
        error = alreadyThere(file, r.scenario->id);
        return nullptr;
    }
    LibraryEntry e;
    e.meta = scenarioMeta(*r.scenario);
    e.full = std::make_unique<Scenario>(std::move(*r.scenario));
    e.file = file;
    for (const Node& n : e.full->nodes)
        if (n.ending) e.endings.emplace_back(n.id, e.full->substitute(n.ending->title));
    entries_.push_back(std::move(e));
    return &entries_.back();
}

void ScenarioLibrary::load(const PatternLibrary& patterns, std::ostream& err, const fs::path& indexFile) {
    patterns_ = &patterns;
    LibraryIndex index(patterns, indexFile);
    for (const fs::path& dir : folders()) {
        std::error_code ec;
        for (const fs::path& f : folders::yamlFiles(dir, ec)) {
            std::optional<Scenario> full;
            const IndexEntry& ie = index.entry(f, &full);
            if (ie.errors > 0) {
                err << fmt::format("attune: skipping {} has errors (run: attune validate {})\n", f.string(),
                                   f.string());
                continue;
            }
            if (find(ie.meta.id)) {
                err << "attune: skipping " << alreadyThere(f, ie.meta.id) << '\n';
                continue;
            }
            LibraryEntry e;
            e.meta = ie.meta;
            e.endings = ie.endings;
            e.file = f;
            if (full) e.full = std::make_unique<Scenario>(std::move(*full));
            entries_.push_back(std::move(e));
        }
        if (ec) err << "attune: " << dir.string() << " cannot be read: " << ec.message() << '\n';
    }
    index.save();
    counts_ = {index.fromIndex(), index.rehashed(), index.loaded()};
    std::stable_sort(entries_.begin(), entries_.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
        return folders::gentlestFirst(a.meta, b.meta);
    });
}

const LibraryEntry* ScenarioLibrary::find(std::string_view id) const {
    for (const auto& e : entries_)
        if (e.meta.id == id) return &e;
    return nullptr;
}

const Scenario* ScenarioLibrary::open(std::string_view id, std::string& error, Diagnostics* diags) {
    LibraryEntry* e = nullptr;
    for (auto& x : entries_)
        if (x.meta.id == id) e = &x;
    if (!e) {
        error = fmt::format("no scenario '{}' in the library", id);
        return nullptr;
    }
    if (e->full) return e->full.get();
    if (!patterns_) {
        error = "the pattern library is not loaded";
        return nullptr;
    }
    LoadResult r = loadScenario(e->file, *patterns_, Checks::Play);
    if (!r.scenario) {
        if (diags) *diags = std::move(r.diags);
        error = fmt::format("{} has errors since the library was read (run: attune validate {})", e->file.string(),
                            e->file.string());
        return nullptr;
    }
    e->full = std::make_unique<Scenario>(std::move(*r.scenario));
    return e->full.get();
}

}  // namespace attune::ui
