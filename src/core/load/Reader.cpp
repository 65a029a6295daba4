#include "core/load/Reader.hpp"

#include "core/util/Text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace attune::read {

bool mapping(const yaml::Node& n, const KeySpec& spec, const std::string& what, Diagnostics& d) {
    if (!n.isMap()) {
        d.error(n.pos, "wrong-type", fmt::format("{} must be a mapping of keys, not {}", what, n.describe()));
        return false;
    }
    std::vector<std::string> known, suggested;
    for (const char* k : spec.known) known.emplace_back(k);
    for (std::size_t i = 0; i < n.mapSize(); ++i) {
        const yaml::Node& k = n.key(i);
        if (!k.isScalar()) continue;  // reported by the tree builder
        bool ok = false;
        for (const auto& name : known) ok = ok || name == k.value;
        if (ok) continue;
        const auto guess = text::closest(k.value, known);
        if (guess) suggested.push_back(*guess);
        d.error(
            k.pos, "unknown-key",
            fmt::format("unknown key '{}' in {}{}", k.value, what, guess ? " (did you mean '" + *guess + "'?)" : ""));
    }
    // A misspelt required key is reported once, as the misspelling.
    for (const char* r : spec.required)
        if (!n.find(r) && std::find(suggested.begin(), suggested.end(), r) == suggested.end())
            d.error(n.pos, "missing-key", fmt::format("{} has no '{}'", what, r));
    return true;
}

std::optional<std::string> text(const yaml::Node& n, const std::string& key, Diagnostics& d) {
    if (n.isScalar()) return n.value;
    d.error(n.pos, "wrong-type", fmt::format("'{}' must be text, not {}", key, n.describe()));
    return std::nullopt;
}

bool looksInteger(const yaml::Node& n) {
    if (!n.isScalar() || n.quoted || n.value.empty()) return false;
    std::size_t i = (n.value[0] == '+' || n.value[0] == '-') ? 1 : 0;
    if (i == n.value.size() || n.value.size() - i > 9) return false;
    for (; i < n.value.size(); ++i)
        if (n.value[i] < '0' || n.value[i] > '9') return false;
    return true;
}

bool looksTooLarge(const yaml::Node& n) {
    if (!n.isScalar() || n.quoted || n.value.empty()) return false;
    const std::size_t i = (n.value[0] == '+' || n.value[0] == '-') ? 1 : 0;
    return n.value.size() - i > 9 && n.value.find_first_not_of("0123456789", i) == std::string::npos;
}

std::optional<int> integer(const yaml::Node& n, const std::string& key, int min, int max, Diagnostics& d) {
    if (looksTooLarge(n)) {
        d.error(n.pos, "out-of-range",
                fmt::format("'{}' must be from {} to {}, not {}", key, min, max, text::shorten(n.value, 20)));
        return std::nullopt;
    }
    if (!looksInteger(n)) {
        d.error(n.pos, "wrong-type",
                fmt::format("'{}' must be a whole number from {} to {}, not {}", key, min, max, n.describe()));
        return std::nullopt;
    }
    const int v = std::stoi(n.value);
    if (v < min || v > max) {
        d.error(n.pos, "out-of-range", fmt::format("'{}' must be from {} to {}, not {}", key, min, max, v));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> boolean(const yaml::Node& n, const std::string& key, Diagnostics& d) {
    if (n.isScalar() && !n.quoted && (n.value == "true" || n.value == "false")) return n.value == "true";
    d.error(n.pos, "wrong-type", fmt::format("'{}' must be true or false, not {}", key, n.describe()));
    return std::nullopt;
}

std::vector<std::pair<std::string, Pos>> words(const yaml::Node& n, const std::string& key, Diagnostics& d) {
    std::vector<std::pair<std::string, Pos>> out;
    if (n.isScalar()) {
        out.emplace_back(n.value, n.pos);
        return out;
    }
    if (!n.isSeq()) {
        d.error(n.pos, "wrong-type", fmt::format("'{}' must be a list, not {}", key, n.describe()));
        return out;
    }
    for (const auto& item : n.items) {
        if (item.isScalar())
            out.emplace_back(item.value, item.pos);
        else
            d.error(item.pos, "wrong-type",
                    fmt::format("each entry of '{}' must be a word, not {}", key, item.describe()));
    }
    return out;
}

}  // namespace attune::read
