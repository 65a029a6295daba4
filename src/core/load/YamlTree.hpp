#pragma once
/// A small positioned YAML tree, built from yaml-cpp's event parser so that
/// duplicate keys, anchors and aliases, tags and nesting can be checked
/// before anything is interpreted. Front ends never include this.
#include "core/util/Diagnostic.hpp"
#include "core/util/Limits.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::yaml {

struct Node {
    enum class Kind { Null, Scalar, Seq, Map };
    Kind kind = Kind::Null;
    std::string value;        ///< scalar text
    bool quoted = false;      ///< scalar was written in quotes (so never a number or bool)
    bool verbatim = false;    ///< scalar text stands in the file as is, on one line (no escapes, no folding)
    Pos pos;                  ///< 1-based, in code points
    std::vector<Node> items;  ///< Seq: the items; Map: key, value, key, value, ...

    bool isNull() const { return kind == Kind::Null; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isSeq() const { return kind == Kind::Seq; }
    bool isMap() const { return kind == Kind::Map; }
    std::size_t mapSize() const { return items.size() / 2; }
    const Node& key(std::size_t i) const { return items[2 * i]; }
    const Node& val(std::size_t i) const { return items[2 * i + 1]; }
    /// The value for a key in a map, or nullptr.
    const Node* find(std::string_view key) const;
    /// "a mapping", "a list", "text", "nothing": for messages.
    std::string describe() const;
};

/// Defaults from core/util/Limits.hpp; tests lower them.
struct Limits {
    std::size_t maxBytes = limits::kMaxFileBytes;  ///< checked before parsing
    int maxDepth = limits::kMaxYamlDepth;          ///< nesting of lists and mappings
};

/// Parses one YAML document. Returns nothing when the text cannot be used;
/// every problem goes to `diags`.
std::optional<Node> parse(std::string_view text, Diagnostics& diags, const Limits& limits = {});

}  // namespace attune::yaml
