#pragma once
/// The shipped library of patterns (assets/patterns/library.yaml) that
/// choices refer to by id; scenarios may add their own. Plain data: reading the
/// file is core/load/Patterns.
#include "core/util/Diagnostic.hpp"
#include "core/model/Scenario.hpp"

#include <vector>

namespace attune {

class PatternLibrary {
public:
    PatternLibrary() = default;
    explicit PatternLibrary(std::vector<Pattern> patterns);

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
