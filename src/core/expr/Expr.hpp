#pragma once
/// Conditions: `trust >= 40 and not visited(calm)`.
/// Parsed once at load time into a flat, copyable tree; names are resolved
/// to meter, flag and node indices so evaluation does no lookups.
#include "core/util/Diagnostic.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace attune::expr {

enum class Op { Int, Bool, Meter, Flag, Visited, Visits, Not, And, Or, Eq, Ne, Lt, Le, Gt, Ge, Name };

struct Term {
    Op op = Op::Int;
    int value = 0;       ///< Int/Bool literal, or a resolved index
    std::string name;    ///< for names and visited()/visits() before resolution
    int a = -1, b = -1;  ///< operand indices
    int offset = 0;      ///< byte offset in the source, for messages
};

/// A parsed condition. An empty one (no terms) is "always true".
struct Expr {
    std::vector<Term> terms;
    int root = -1;
    bool empty() const { return root < 0; }
};

/// Maps a byte offset inside the condition text to a file position.
using Locate = std::function<Pos(int offset)>;

/// Parses `src`; on error reports at the character at fault and returns an empty Expr
/// with `ok` false. A condition over limits::kMaxConditionLength characters, or nested
/// deeper than limits::kMaxConditionDepth, is an error (core/util/Limits.hpp).
Expr parse(std::string_view src, const Locate& locate, Diagnostics& diags, bool& ok);

/// What names can mean in a scenario.
struct Names {
    std::function<int(std::string_view)> meter;  ///< index or -1
    std::function<int(std::string_view)> flag;
    std::function<int(std::string_view)> node;
    std::vector<std::string> meterAndFlagNames;
    std::vector<std::string> nodeNames;
};

/// Resolves names and checks types; returns false after reporting.
bool resolve(Expr& e, const Names& names, const Locate& locate, Diagnostics& diags);

/// The values a condition reads.
struct Env {
    const std::vector<int>& meters;
    const std::vector<char>& flags;
    const std::vector<int>& visits;
};

/// Evaluates a resolved condition; an empty Expr is true.
bool eval(const Expr& e, const Env& env);

}  // namespace attune::expr
