#pragma once
/// The one table of diagnostic rule ids: what each means and how severe it is.
/// `attune rules` prints it; docs/validator-rules.md explains each.
#include "core/util/Diagnostic.hpp"

#include <string_view>
#include <vector>

namespace attune::check {

struct Rule {
    std::string_view id;
    Severity severity;
    std::string_view stage;  ///< file, yaml, structure, reference, graph, teaching, tests
    std::string_view summary;
};

const std::vector<Rule>& rules();
const Rule* findRule(std::string_view id);

}  // namespace attune::check
