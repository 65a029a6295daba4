#pragma once
/// The shipped library of patterns (assets/patterns/library.yaml) that
/// choices refer to by id; scenarios may add their own.
#include "core/model/Diagnostic.hpp"
#include "core/model/Scenario.hpp"

#include <filesystem>
#include <vector>

namespace attune {

class PatternLibrary {
public:
    PatternLibrary() = default;
    explicit PatternLibrary(std::vector<Pattern> patterns);

    /// Loads a library file; problems go to `diags`.
    static PatternLibrary load(const std::filesystem::path& file, Diagnostics& diags);
    /// The shipped library: $ATTUNE_ASSETS, then the installed and source asset folders.
    static std::filesystem::path defaultPath();
    /// Loads the shipped library, or reports where it looked.
    static PatternLibrary loadDefault(Diagnostics& diags);

    const Pattern* find(std::string_view id) const;
    /// The pattern for a choice: the scenario's own first, then the library's.
    const Pattern* resolve(const Scenario& s, std::string_view id) const;
    const std::vector<Pattern>& all() const { return patterns_; }
    std::vector<std::string> ids() const;
    bool loaded() const { return loaded_; }

private:
    std::vector<Pattern> patterns_;
    bool loaded_ = false;
};

}  // namespace attune
