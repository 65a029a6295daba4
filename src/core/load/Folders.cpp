#include "core/load/Folders.hpp"

#include "core/load/Patterns.hpp"

#include <algorithm>
#include <cstdlib>

#ifndef ATTUNE_SOURCE_SCENARIOS
#define ATTUNE_SOURCE_SCENARIOS "scenarios"
#endif

namespace attune::folders {
namespace fs = std::filesystem;

fs::path userScenarios() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "attune" / "scenarios";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local" / "share" / "attune" / "scenarios";
    return {};
}

std::vector<fs::path> scenarioFolders() {
    std::vector<fs::path> out;
    std::error_code ec;
    if (const char* env = std::getenv("ATTUNE_SCENARIOS"); env && *env)
        out.emplace_back(env);
    else if (fs::is_directory(ATTUNE_SOURCE_SCENARIOS, ec))
        out.emplace_back(ATTUNE_SOURCE_SCENARIOS);
    else  // installed: <prefix>/share/attune/assets/patterns/library.yaml -> <prefix>/share/attune/scenarios
        out.push_back(defaultPatternLibraryPath().parent_path().parent_path().parent_path() / "scenarios");
    const fs::path user = userScenarios();
    if (!user.empty() && fs::is_directory(user, ec)) out.push_back(user);
    return out;
}

fs::path schemaFile() {
    std::error_code ec;
    const fs::path source = fs::path(ATTUNE_SOURCE_SCENARIOS) / "schema.json";
    if (fs::exists(source, ec)) return fs::absolute(source, ec);
    return defaultPatternLibraryPath().parent_path().parent_path().parent_path() / "scenarios" / "schema.json";
}

std::vector<fs::path> yamlFiles(const fs::path& dir, std::error_code& ec) {
    std::vector<fs::path> out;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto ext = it->path().extension();
        std::error_code typeEc;
        if (it->is_regular_file(typeEc) && (ext == ".yaml" || ext == ".yml")) out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool gentlestFirst(const Scenario& a, const Scenario& b) {
    return a.difficulty != b.difficulty ? a.difficulty < b.difficulty : a.title < b.title;
}

}  // namespace attune::folders
