#include "core/model/PatternLibrary.hpp"

namespace attune {

PatternLibrary::PatternLibrary(std::vector<Pattern> patterns) : patterns_(std::move(patterns)), loaded_(true) {}

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
