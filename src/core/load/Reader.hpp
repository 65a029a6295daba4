#pragma once
/// Small typed readers over the positioned YAML tree. Each takes a node and
/// returns what it read, reporting wrong types at the value itself.
#include "core/load/YamlTree.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace attune::read {

struct KeySpec {
    std::initializer_list<const char*> known;
    std::initializer_list<const char*> required;
};

/// Checks that `n` is a mapping; reports unknown keys (with a suggestion) and
/// missing required keys. `what` names the thing: "the scenario", "node 'x'".
bool mapping(const yaml::Node& n, const KeySpec& spec, const std::string& what, Diagnostics& d);

std::optional<std::string> text(const yaml::Node& n, const std::string& key, Diagnostics& d);
std::optional<int> integer(const yaml::Node& n, const std::string& key, int min, int max, Diagnostics& d);
std::optional<bool> boolean(const yaml::Node& n, const std::string& key, Diagnostics& d);
/// A list of words (or a single word).
std::vector<std::pair<std::string, Pos>> words(const yaml::Node& n, const std::string& key, Diagnostics& d);
/// True when the scalar is a plain (unquoted) whole number, optionally signed, of at most 9 digits.
bool looksInteger(const yaml::Node& n);
/// True when the scalar is a plain whole number with too many digits to use.
bool looksTooLarge(const yaml::Node& n);

}  // namespace attune::read
