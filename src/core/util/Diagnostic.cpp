#include "core/util/Diagnostic.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace attune {

std::string Diagnostic::format() const {
    const char* sev = severity == Severity::Error ? "error" : "warning";
    if (pos.line <= 0) return fmt::format("{}: {}: {} [{}]", file, sev, message, rule);
    return fmt::format("{}:{}:{}: {}: {} [{}]", file, pos.line, pos.col, sev, message, rule);
}

void Diagnostics::error(Pos pos, std::string rule, std::string message) {
    items_.push_back({file_, pos, Severity::Error, std::move(message), std::move(rule)});
}

void Diagnostics::warning(Pos pos, std::string rule, std::string message) {
    items_.push_back({file_, pos, Severity::Warning, std::move(message), std::move(rule)});
}

bool Diagnostics::hasErrors() const { return errorCount() > 0; }

std::size_t Diagnostics::errorCount() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warningCount() const { return items_.size() - errorCount(); }

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
        return a.pos.col < b.pos.col;
    });
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace attune
