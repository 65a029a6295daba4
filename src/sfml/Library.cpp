#include "sfml/Library.hpp"

#include "core/load/Loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <ostream>

#ifndef ATTUNE_SOURCE_SCENARIOS
#define ATTUNE_SOURCE_SCENARIOS "scenarios"
#endif

namespace attune::ui {
namespace fs = std::filesystem;

namespace {

fs::path userFolder() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "attune" / "scenarios";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local" / "share" / "attune" / "scenarios";
    return {};
}

std::vector<fs::path> yamlFiles(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto ext = it->path().extension();
        if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::vector<fs::path> ScenarioLibrary::folders() {
    std::vector<fs::path> out;
    std::error_code ec;
    if (const char* env = std::getenv("ATTUNE_SCENARIOS"); env && *env)
        out.emplace_back(env);
    else if (fs::is_directory(ATTUNE_SOURCE_SCENARIOS, ec))
        out.emplace_back(ATTUNE_SOURCE_SCENARIOS);
    else
        out.push_back(PatternLibrary::defaultPath().parent_path().parent_path().parent_path() / "scenarios");
    const fs::path user = userFolder();
    if (!user.empty() && fs::is_directory(user, ec)) out.push_back(user);
    return out;
}

const LibraryEntry* ScenarioLibrary::add(const fs::path& file, const PatternLibrary& patterns, std::string& error) {
    LoadResult r = loadScenario(file, patterns);
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
    for (const fs::path& dir : folders())
        for (const fs::path& f : yamlFiles(dir)) {
            std::string error;
            if (!add(f, patterns, error)) err << "attune: skipping " << error << '\n';
        }
}

const LibraryEntry* ScenarioLibrary::find(std::string_view id) const {
    for (const auto& e : entries_)
        if (e.scenario->id == id) return &e;
    return nullptr;
}

}  // namespace attune::ui
