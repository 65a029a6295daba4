#include "core/expr/Expr.hpp"

#include "core/util/Limits.hpp"
#include "core/util/Text.hpp"

#include <cctype>
#include <fmt/format.h>

namespace attune::expr {
namespace {

enum class Tok { Int, Ident, LParen, RParen, Eq, Ne, Lt, Le, Gt, Ge, End, Bad };

struct Token {
    Tok kind = Tok::End;
    std::string_view text;
    int offset = 0;
};

bool identStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

/// Reads one token starting at `i`.
Token lexOne(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) { return k < s.size() ? s[k] : '\0'; };
    Token t;
    t.offset = static_cast<int>(i);
    const char c = at(i);
    std::size_t j = i + 1;
    if (c == '\0') return t;
    if (digit(c) || (c == '-' && digit(at(i + 1)))) {
        while (digit(at(j))) ++j;
        t.kind = Tok::Int;
        if (identStart(at(j))) {  // "4O": a typo'd number or a name starting with a digit
            while (identChar(at(j))) ++j;
            t.kind = Tok::Bad;
        }
    } else if (identStart(c)) {
        while (identChar(at(j))) ++j;
        while (j > i + 1 && s[j - 1] == '-') --j;  // a trailing '-' is not part of a name
        t.kind = Tok::Ident;
    } else if (c == '(') {
        t.kind = Tok::LParen;
    } else if (c == ')') {
        t.kind = Tok::RParen;
    } else if ((c == '=' || c == '!' || c == '<' || c == '>') && at(i + 1) == '=') {
        t.kind = c == '=' ? Tok::Eq : c == '!' ? Tok::Ne : c == '<' ? Tok::Le : Tok::Ge;
        j = i + 2;
    } else if (c == '<' || c == '>') {
        t.kind = c == '<' ? Tok::Lt : Tok::Gt;
    } else {
        t.kind = Tok::Bad;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    }
    t.text = s.substr(i, j - i);
    return t;
}

struct ParseError {
    int offset;
    std::string message;
};

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) { advance(); }

    Expr run() {
        Expr e;
        out_ = &e;
        e.root = parseOr();
        if (tok_.kind == Tok::Bad) bad(tok_);
        if (tok_.kind != Tok::End) fail(tok_, "expected 'and', 'or' or the end of the condition");
        return e;
    }

private:
    void advance() {
        std::size_t i = pos_;
        while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t' || s_[i] == '\n' || s_[i] == '\r')) ++i;
        tok_ = lexOne(s_, i);
        pos_ = static_cast<std::size_t>(tok_.offset) + tok_.text.size();
    }

    [[noreturn]] void fail(const Token& t, std::string msg) { throw ParseError{t.offset, std::move(msg)}; }

    /// A character conditions do not use, with a hint when it is a common habit from elsewhere.
    [[noreturn]] void bad(const Token& t) {
        if (t.text == "!" || t.text == "&" || t.text == "|") {
            const char* word = t.text == "!" ? "not" : t.text == "&" ? "and" : "or";
            fail(t, fmt::format("unexpected '{}'; conditions write '{}'", t.text, word));
        }
        if (t.text == "=") fail(t, "unexpected '='; to compare, write '=='");
        if (digit(t.text[0]) || (t.text[0] == '-' && t.text.size() > 1))
            fail(t, fmt::format("'{}' is not a number, and names cannot start with a digit", t.text));
        if (t.text == "-") fail(t, "unexpected '-'; conditions compare values but do no arithmetic");
        fail(t, fmt::format("unexpected {}", describe(t)));
    }

    std::string describe(const Token& t) const {
        if (t.kind == Tok::End) return "the end of the condition";
        if (t.text.size() == 1 && static_cast<unsigned char>(t.text[0]) < 0x20)
            return fmt::format("control character U+{:04X}", static_cast<unsigned>(t.text[0]));
        return fmt::format("'{}'", t.text);
    }

    int add(Term t) {
        // Checking and evaluating walk the tree recursively; its size is bounded by the
        // condition's length (every term takes at least one character of it).
        out_->terms.push_back(std::move(t));
        return static_cast<int>(out_->terms.size()) - 1;
    }

    /// One level deeper: a '(' or a 'not' at `t`. The parser recurses once a level, so a bound
    /// keeps the stack safe whatever the text.
    void enter(const Token& t) {
        if (++depth_ > limits::kMaxConditionDepth)
            fail(t, fmt::format("the condition nests deeper than {} levels", limits::kMaxConditionDepth));
    }

    bool isWord(std::string_view w) const { return tok_.kind == Tok::Ident && tok_.text == w; }

    int binary(Op op, int a, int b, int offset) { return add(Term{op, 0, {}, a, b, offset}); }

    int parseOr() {
        int left = parseAnd();
        while (isWord("or")) {
            const int off = tok_.offset;
            advance();
            left = binary(Op::Or, left, parseAnd(), off);
        }
        return left;
    }

    int parseAnd() {
        int left = parseNot();
        while (isWord("and")) {
            const int off = tok_.offset;
            advance();
            left = binary(Op::And, left, parseNot(), off);
        }
        return left;
    }

    int parseNot() {
        if (!isWord("not")) return parseCompare();
        const Token t = tok_;
        enter(t);
        advance();
        const int inner = parseNot();
        --depth_;
        return binary(Op::Not, inner, -1, t.offset);
    }

    static bool compareOp(Tok k, Op& op) {
        switch (k) {
            case Tok::Eq:
                op = Op::Eq;
                return true;
            case Tok::Ne:
                op = Op::Ne;
                return true;
            case Tok::Lt:
                op = Op::Lt;
                return true;
            case Tok::Le:
                op = Op::Le;
                return true;
            case Tok::Gt:
                op = Op::Gt;
                return true;
            case Tok::Ge:
                op = Op::Ge;
                return true;
            default:
                return false;
        }
    }

    int parseCompare() {
        const int left = parseAtom();
        Op op{};
        if (!compareOp(tok_.kind, op)) return left;
        const int off = tok_.offset;
        advance();
        return binary(op, left, parseAtom(), off);
    }

    int parseCall(Op op) {
        const int off = tok_.offset;
        advance();
        if (tok_.kind != Tok::LParen)
            fail(tok_, fmt::format("expected '(' after '{}'", op == Op::Visited ? "visited" : "visits"));
        advance();
        if (tok_.kind != Tok::Ident) fail(tok_, fmt::format("expected a node id, found {}", describe(tok_)));
        Term t{op, 0, std::string(tok_.text), -1, -1, tok_.offset};
        advance();
        if (tok_.kind != Tok::RParen) fail(tok_, fmt::format("expected ')', found {}", describe(tok_)));
        advance();
        (void)off;
        return add(std::move(t));
    }

    int parseAtom() {
        const Token t = tok_;
        switch (t.kind) {
            case Tok::Int: {
                if (t.text.size() > 9) fail(t, "number is too large");
                advance();
                return add(Term{Op::Int, std::stoi(std::string(t.text)), {}, -1, -1, t.offset});
            }
            case Tok::LParen: {
                enter(t);
                advance();
                const int inner = parseOr();
                if (tok_.kind != Tok::RParen) fail(tok_, fmt::format("expected ')', found {}", describe(tok_)));
                advance();
                --depth_;
                return inner;
            }
            case Tok::Ident: {
                if (t.text == "true" || t.text == "false") {
                    advance();
                    return add(Term{Op::Bool, t.text == "true" ? 1 : 0, {}, -1, -1, t.offset});
                }
                if (t.text == "visited") return parseCall(Op::Visited);
                if (t.text == "visits") return parseCall(Op::Visits);
                if (t.text == "and" || t.text == "or" || t.text == "not")
                    fail(t, fmt::format("expected a value before '{}'", t.text));
                advance();
                return add(Term{Op::Name, 0, std::string(t.text), -1, -1, t.offset});
            }
            case Tok::Bad:
                bad(t);
            case Tok::End:
                fail(t, "expected a value, found the end of the condition");
            default:
                fail(t, fmt::format("expected a value, found {}", describe(t)));
        }
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    Token tok_;
    Expr* out_ = nullptr;
};

enum class Type { Int, Bool, Bad };

const char* typeName(Type t) { return t == Type::Int ? "a number" : "true or false"; }

class Checker {
public:
    Checker(Expr& e, const Names& n, const Locate& loc, Diagnostics& d) : e_(e), names_(n), locate_(loc), diags_(d) {}

    Type check(int i) {
        Term& t = e_.terms[static_cast<std::size_t>(i)];
        switch (t.op) {
            case Op::Int:
                return Type::Int;
            case Op::Bool:
                return Type::Bool;
            case Op::Name:
                return name(t);
            case Op::Visited:
            case Op::Visits:
                return node(t);
            case Op::Not:
                return want(t.a, Type::Bool, "'not'") ? Type::Bool : Type::Bad;
            case Op::And:
            case Op::Or: {
                const bool a = want(t.a, Type::Bool, t.op == Op::And ? "'and'" : "'or'");
                const bool b = want(t.b, Type::Bool, t.op == Op::And ? "'and'" : "'or'");
                return a && b ? Type::Bool : Type::Bad;
            }
            default:
                return compare(t);
        }
    }

    bool ok = true;

    void error(int offset, std::string msg, const char* rule = "condition-type") {
        diags_.error(locate_(offset), rule, std::move(msg));
        ok = false;
    }

private:
    Type name(Term& t) {
        if (int m = names_.meter(t.name); m >= 0) {
            t.op = Op::Meter;
            t.value = m;
            return Type::Int;
        }
        if (int f = names_.flag(t.name); f >= 0) {
            t.op = Op::Flag;
            t.value = f;
            return Type::Bool;
        }
        error(t.offset,
              fmt::format("unknown name '{}' in condition; it is not a meter or a flag{}", t.name,
                          text::didYouMean(t.name, names_.meterAndFlagNames)),
              "unknown-name");
        return Type::Bad;
    }

    Type node(Term& t) {
        const int n = names_.node(t.name);
        if (n < 0) {
            error(t.offset,
                  fmt::format("unknown node '{}' in condition{}", t.name, text::didYouMean(t.name, names_.nodeNames)),
                  "unknown-node");
            return Type::Bad;
        }
        t.value = n;
        return t.op == Op::Visited ? Type::Bool : Type::Int;
    }

    bool want(int operand, Type expected, const char* what) {
        const Type got = check(operand);
        if (got == Type::Bad) return false;
        if (got == expected) return true;
        error(e_.terms[static_cast<std::size_t>(operand)].offset,
              fmt::format("{} needs {} here, not {}", what, typeName(expected), typeName(got)));
        return false;
    }

    Type compare(Term& t) {
        const Type a = check(t.a);
        const Type b = check(t.b);
        if (a == Type::Bad || b == Type::Bad) return Type::Bad;
        const bool ordering = t.op == Op::Lt || t.op == Op::Le || t.op == Op::Gt || t.op == Op::Ge;
        if (ordering && (a != Type::Int || b != Type::Int)) {
            error(t.offset, "only numbers can be compared with < <= > >=");
            return Type::Bad;
        }
        if (a != b) {
            error(t.offset, fmt::format("cannot compare {} with {}", typeName(a), typeName(b)));
            return Type::Bad;
        }
        return Type::Bool;
    }

    Expr& e_;
    const Names& names_;
    const Locate& locate_;
    Diagnostics& diags_;
};

int value(const Expr& e, int i, const Env& env) {
    const Term& t = e.terms[static_cast<std::size_t>(i)];
    const auto u = [](int k) { return static_cast<std::size_t>(k); };
    switch (t.op) {
        case Op::Int:
        case Op::Bool:
            return t.value;
        case Op::Meter:
            return env.meters[u(t.value)];
        case Op::Flag:
            return env.flags[u(t.value)] ? 1 : 0;
        case Op::Visited:
            return env.visits[u(t.value)] > 0 ? 1 : 0;
        case Op::Visits:
            return env.visits[u(t.value)];
        case Op::Not:
            return value(e, t.a, env) ? 0 : 1;
        case Op::And:
            return value(e, t.a, env) && value(e, t.b, env) ? 1 : 0;
        case Op::Or:
            return value(e, t.a, env) || value(e, t.b, env) ? 1 : 0;
        case Op::Eq:
            return value(e, t.a, env) == value(e, t.b, env);
        case Op::Ne:
            return value(e, t.a, env) != value(e, t.b, env);
        case Op::Lt:
            return value(e, t.a, env) < value(e, t.b, env);
        case Op::Le:
            return value(e, t.a, env) <= value(e, t.b, env);
        case Op::Gt:
            return value(e, t.a, env) > value(e, t.b, env);
        case Op::Ge:
            return value(e, t.a, env) >= value(e, t.b, env);
        case Op::Name:
            return 0;
    }
    return 0;
}

}  // namespace

Expr parse(std::string_view src, const Locate& locate, Diagnostics& diags, bool& ok) {
    // Refused before it is read, at the first character past the limit.
    if (const std::size_t chars = text::codePoints(src); chars > limits::kMaxConditionLength) {
        const std::size_t at = text::firstCodePoints(src, limits::kMaxConditionLength).size();
        diags.error(locate(static_cast<int>(at)), "condition-syntax",
                    fmt::format("the condition is {} characters; conditions are limited to {}", chars,
                                limits::kMaxConditionLength));
        ok = false;
        return {};
    }
    try {
        Parser p(src);
        Expr e = p.run();
        ok = true;
        return e;
    } catch (const ParseError& err) {
        diags.error(locate(err.offset), "condition-syntax", err.message);
        ok = false;
        return {};
    }
}

bool resolve(Expr& e, const Names& names, const Locate& locate, Diagnostics& diags) {
    if (e.empty()) return true;
    Checker c(e, names, locate, diags);
    const Type t = c.check(e.root);
    if (t == Type::Int) c.error(0, "a condition must be true or false, not a number");
    return c.ok;
}

bool eval(const Expr& e, const Env& env) { return e.empty() || value(e, e.root, env) != 0; }

}  // namespace attune::expr
