#include "core/load/Patterns.hpp"

#include "core/load/Loader.hpp"
#include "core/util/Limits.hpp"

#include <cstdlib>

#ifndef ATTUNE_SOURCE_ASSETS
#define ATTUNE_SOURCE_ASSETS "assets"
#endif
#ifndef ATTUNE_INSTALL_ASSETS
#define ATTUNE_INSTALL_ASSETS "/usr/local/share/attune/assets"
#endif

namespace attune {
namespace fs = std::filesystem;

PatternLibrary loadPatternLibrary(const fs::path& file, Diagnostics& diags) {
    Diagnostics local(file.string());
    auto text = readFile(file, local, limits::kMaxFileBytes, "pattern libraries");
    PatternLibrary lib;
    if (text)
        if (auto p = parsePatternLibrary(*text, file.string(), local)) lib = PatternLibrary(std::move(*p));
    local.sort();
    diags.append(local);
    return lib;
}

fs::path defaultPatternLibraryPath() {
    const fs::path rel = fs::path("patterns") / "library.yaml";
    if (const char* env = std::getenv("ATTUNE_ASSETS"); env && *env) return fs::path(env) / rel;
    for (const fs::path& dir : {fs::path(ATTUNE_SOURCE_ASSETS), fs::path(ATTUNE_INSTALL_ASSETS)}) {
        std::error_code ec;
        if (fs::exists(dir / rel, ec)) return dir / rel;
    }
    return fs::path(ATTUNE_SOURCE_ASSETS) / rel;
}

fs::path assetsDir() { return defaultPatternLibraryPath().parent_path().parent_path(); }

PatternLibrary loadDefaultPatternLibrary(Diagnostics& diags) {
    return loadPatternLibrary(defaultPatternLibraryPath(), diags);
}

}  // namespace attune
