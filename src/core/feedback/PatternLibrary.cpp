#include "core/feedback/PatternLibrary.hpp"

#include "core/load/Loader.hpp"

#include <cstdlib>

#ifndef ATTUNE_SOURCE_ASSETS
#define ATTUNE_SOURCE_ASSETS "assets"
#endif
#ifndef ATTUNE_INSTALL_ASSETS
#define ATTUNE_INSTALL_ASSETS "/usr/local/share/attune/assets"
#endif

namespace attune {
namespace fs = std::filesystem;

PatternLibrary::PatternLibrary(std::vector<Pattern> patterns) : patterns_(std::move(patterns)), loaded_(true) {}

PatternLibrary PatternLibrary::load(const fs::path& file, Diagnostics& diags) {
    Diagnostics local(file.string());
    auto text = readFile(file, local);
    PatternLibrary lib;
    if (text)
        if (auto p = parsePatternLibrary(*text, file.string(), local)) lib = PatternLibrary(std::move(*p));
    local.sort();
    diags.append(local);
    return lib;
}

fs::path PatternLibrary::defaultPath() {
    const fs::path rel = fs::path("patterns") / "library.yaml";
    if (const char* env = std::getenv("ATTUNE_ASSETS"); env && *env) return fs::path(env) / rel;
    for (const fs::path& dir : {fs::path(ATTUNE_SOURCE_ASSETS), fs::path(ATTUNE_INSTALL_ASSETS)}) {
        std::error_code ec;
        if (fs::exists(dir / rel, ec)) return dir / rel;
    }
    return fs::path(ATTUNE_SOURCE_ASSETS) / rel;
}

PatternLibrary PatternLibrary::loadDefault(Diagnostics& diags) { return load(defaultPath(), diags); }

const Pattern* PatternLibrary::find(std::string_view id) const {
    for (const Pattern& p : patterns_)
        if (p.id == id) return &p;
    return nullptr;
}

const Pattern* PatternLibrary::resolve(const Scenario& s, std::string_view id) const {
    if (const Pattern* p = s.localPattern(id)) return p;
    return find(id);
}

std::vector<std::string> PatternLibrary::ids() const {
    std::vector<std::string> out;
    for (const Pattern& p : patterns_) out.push_back(p.id);
    return out;
}

}  // namespace attune
