#include "core/expr/Expr.hpp"

#include <doctest/doctest.h>
#include <optional>

using namespace attune;

namespace {

struct World {
    std::vector<std::string> meterNames{"trust", "arousal-sam"};
    std::vector<std::string> flagNames{"apologised", "breathed"};
    std::vector<std::string> nodeNames{"calm", "first-reply"};
    std::vector<int> meters{50, 80};
    std::vector<char> flags{1, 0};
    std::vector<int> visits{0, 2};

    static int index(const std::vector<std::string>& v, std::string_view n) {
        for (std::size_t i = 0; i < v.size(); ++i)
            if (v[i] == n) return static_cast<int>(i);
        return -1;
    }

    expr::Names names() const {
        expr::Names n;
        n.meter = [this](std::string_view s) { return index(meterNames, s); };
        n.flag = [this](std::string_view s) { return index(flagNames, s); };
        n.node = [this](std::string_view s) { return index(nodeNames, s); };
        n.meterAndFlagNames = {"trust", "arousal-sam", "apologised", "breathed"};
        n.nodeNames = nodeNames;
        return n;
    }
};

const expr::Locate column = [](int offset) { return Pos{1, offset + 1}; };

/// Parses, resolves and evaluates; the diagnostics collect any problem.
std::optional<bool> run(std::string_view src, Diagnostics& d, const World& w = {}) {
    bool ok = false;
    expr::Expr e = expr::parse(src, column, d, ok);
    if (!ok || !expr::resolve(e, w.names(), column, d)) return std::nullopt;
    return expr::eval(e, {w.meters, w.flags, w.visits});
}

std::string firstMessage(std::string_view src) {
    Diagnostics d("c");
    run(src, d);
    return d.all().empty() ? "" : d.all()[0].format();
}

}  // namespace

TEST_CASE("comparisons, logic and parentheses evaluate against the state") {
    Diagnostics d;
    CHECK(run("trust >= 40", d) == true);
    CHECK(run("trust > 50", d) == false);
    CHECK(run("trust == 50 and apologised", d) == true);
    CHECK(run("not apologised or breathed", d) == false);
    CHECK(run("not (apologised and breathed)", d) == true);
    CHECK(run("arousal-sam > 70 and visits(first-reply) == 2", d) == true);
    CHECK(run("visited(calm)", d) == false);
    CHECK(run("not visited(calm)", d) == true);
    CHECK(run("trust != -5", d) == true);
    CHECK(run("true == apologised", d) == true);
    CHECK(run("a or b", d) == std::nullopt);
    CHECK(d.all().size() == 2);
}

TEST_CASE("'and' binds tighter than 'or'") {
    Diagnostics d;
    CHECK(run("breathed and breathed or apologised", d) == true);
    CHECK(run("apologised or breathed and breathed", d) == true);
    CHECK(run("breathed and (breathed or apologised)", d) == false);
}

TEST_CASE("syntax errors point at the character at fault") {
    CHECK(firstMessage("trust >= ") ==
          "c:1:10: error: expected a value, found the end of the condition [condition-syntax]");
    CHECK(firstMessage("trust >= 40 40") ==
          "c:1:13: error: expected 'and', 'or' or the end of the condition [condition-syntax]");
    CHECK(firstMessage("(trust >= 40") ==
          "c:1:13: error: expected ')', found the end of the condition [condition-syntax]");
    CHECK(firstMessage("trust = 40") == "c:1:7: error: unexpected '='; to compare, write '==' [condition-syntax]");
    CHECK(firstMessage("apologised && breathed") ==
          "c:1:12: error: unexpected '&'; conditions write 'and' [condition-syntax]");
    CHECK(firstMessage("visited calm") == "c:1:9: error: expected '(' after 'visited' [condition-syntax]");
    CHECK(firstMessage("visits(3)") == "c:1:8: error: expected a node id, found '3' [condition-syntax]");
    CHECK(firstMessage("trust >= 1234567890") == "c:1:10: error: number is too large [condition-syntax]");
    CHECK(firstMessage("and") == "c:1:1: error: expected a value before 'and' [condition-syntax]");
}

TEST_CASE("unknown names get a suggestion") {
    CHECK(firstMessage("trsut > 3") ==
          "c:1:1: error: unknown name 'trsut' in condition; it is not a meter or a flag (did you mean 'trust'?) "
          "[unknown-name]");
    CHECK(firstMessage("visited(clam)") ==
          "c:1:9: error: unknown node 'clam' in condition (did you mean 'calm'?) [unknown-node]");
    CHECK(firstMessage("zebra") ==
          "c:1:1: error: unknown name 'zebra' in condition; it is not a meter or a flag [unknown-name]");
}

TEST_CASE("types are checked: numbers compare, truth values combine") {
    CHECK(firstMessage("trust") == "c:1:1: error: a condition must be true or false, not a number [condition-type]");
    CHECK(firstMessage("trust and breathed") ==
          "c:1:1: error: 'and' needs true or false here, not a number [condition-type]");
    CHECK(firstMessage("apologised < 3") ==
          "c:1:12: error: only numbers can be compared with < <= > >= [condition-type]");
    CHECK(firstMessage("apologised == 3") ==
          "c:1:12: error: cannot compare true or false with a number [condition-type]");
    CHECK(firstMessage("not trust") == "c:1:5: error: 'not' needs true or false here, not a number [condition-type]");
}

TEST_CASE("deep nesting is refused instead of overflowing the stack") {
    // Within the 1,000 characters a condition may have (longer ones are refused by their
    // length first: core/limits_test.cpp).
    const std::string deep = std::string(400, '(') + "breathed" + std::string(400, ')');
    CHECK(firstMessage(deep) == "c:1:33: error: the condition nests deeper than 32 levels [condition-syntax]");
    std::string nots;
    for (int i = 0; i < 200; ++i) nots += "not ";
    CHECK(firstMessage(nots + "breathed") ==
          "c:1:129: error: the condition nests deeper than 32 levels [condition-syntax]");
}

TEST_CASE("an empty condition is always true") {
    expr::Expr e;
    std::vector<int> m;
    std::vector<char> f;
    std::vector<int> v;
    CHECK(expr::eval(e, {m, f, v}));
}
