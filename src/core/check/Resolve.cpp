#include "core/check/Checker.hpp"
#include "core/model/PatternLibrary.hpp"
#include "core/util/Text.hpp"

#include <fmt/format.h>
#include <set>

namespace attune::check {

expr::Locate locate(const Condition& c) {
    // A condition folded over lines or written with escapes does not map character for
    // character onto the file: then every problem is reported where the condition starts.
    if (!c.exact) return [pos = c.pos](int) { return pos; };
    return [line = c.pos.line, col = c.pos.col, src = c.source](int offset) {
        const auto off = static_cast<std::size_t>(std::clamp(offset, 0, static_cast<int>(src.size())));
        return Pos{line, col + static_cast<int>(text::codePoints(std::string_view(src).substr(0, off)))};
    };
}

namespace {

std::vector<std::string> nodeIds(const Scenario& s) {
    std::vector<std::string> v;
    v.reserve(s.nodes.size());
    for (const Node& n : s.nodes) v.push_back(n.id);
    return v;
}

std::vector<std::string> roleIds(const Scenario& s) {
    std::vector<std::string> v;
    for (const Role& r : s.roles) v.push_back(r.id);
    return v;
}

class Resolver {
public:
    Resolver(Scenario& s, const PatternLibrary& lib, Diagnostics& d) : s_(s), lib_(lib), d_(d) {
        ids_ = nodeIds(s);
        names_.meter = [this](std::string_view n) { return s_.meterIndex(n); };
        names_.flag = [this](std::string_view n) { return s_.flagIndex(n); };
        names_.node = [this](std::string_view n) { return s_.nodeIndex(n); };
        for (const Meter& m : s.meters) names_.meterAndFlagNames.push_back(m.name);
        for (const auto& f : s.flags) names_.meterAndFlagNames.push_back(f);
        names_.nodeNames = ids_;
    }

    void run() {
        names();
        roles();
        if (s_.startIndex < 0 && s_.start.empty() && s_.startPos.line > 0)
            d_.error(s_.startPos, "dangling-start", "'start' is empty; name the first node");
        else if (s_.startIndex < 0 && !s_.start.empty())
            d_.error(
                s_.startPos, "dangling-start",
                fmt::format("'start' names unknown node '{}'{}", text::shorten(s_.start), suggest(s_.start, ids_)));
        for (Node& n : s_.nodes) node(n);
    }

private:
    void names() {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < s_.flags.size(); ++i) {
            const Pos at = s_.flagPos[i];
            if (!seen.insert(s_.flags[i]).second)
                d_.error(at, "duplicate-name", fmt::format("flag '{}' is declared twice", s_.flags[i]));
            if (s_.meterIndex(s_.flags[i]) >= 0)
                d_.error(at, "duplicate-name", fmt::format("'{}' is both a meter and a flag", s_.flags[i]));
        }
    }

    /// A role reference; `pos` is where it was written (line 0: not written, nothing to check).
    void role(const std::string& id, Pos pos, const std::string& what) {
        if (pos.line == 0 || s_.role(id)) return;
        if (id.empty()) {
            d_.error(pos, "unknown-role",
                     fmt::format("{} is empty; name a role ({}) or leave it out", what, text::join(roleIds(s_))));
            return;
        }
        d_.error(
            pos, "unknown-role",
            fmt::format("{} names unknown role '{}'{}", what, text::shorten(id), text::didYouMean(id, roleIds(s_))));
    }

    void roles() {
        role(s_.player, s_.playerPos, "'player'");
        for (const Meter& m : s_.meters) role(m.role, m.rolePos, fmt::format("the role of meter '{}'", m.name));
    }

    /// "Did you mean", within a work budget: a file with thousands of broken references
    /// gets suggestions for the first ones and plain messages after, never a long wait.
    std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
        if (budget_ < candidates.size()) return {};
        budget_ -= candidates.size();
        return text::didYouMean(word, candidates);
    }

    void condition(std::optional<Condition>& c) {
        if (c) expr::resolve(c->expr, names_, locate(*c), d_);
    }

    void branches(std::vector<Branch>& next) {
        for (Branch& b : next) {
            b.target = s_.nodeIndex(b.to);
            if (b.target < 0 && b.to.empty())
                d_.error(b.pos, "dangling-next", "'next' is empty; name a node");
            else if (b.target < 0)
                d_.error(b.pos, "dangling-next",
                         fmt::format("'next' goes to unknown node '{}'{}", text::shorten(b.to), suggest(b.to, ids_)));
            condition(b.cond);
        }
    }

    void effects(std::vector<Effect>& effects) {
        for (Effect& e : effects) {
            if (int m = s_.meterIndex(e.target); m >= 0) {
                e.index = m;
                const Meter& meter = s_.meters[static_cast<std::size_t>(m)];
                if (e.kind == Effect::Kind::Flag)
                    d_.error(e.pos, "effect-type",
                             fmt::format("'{}' is a meter; give it +n, -n or n, not true/false", e.target));
                else if (e.kind == Effect::Kind::Toward && (e.value < meter.min || e.value > meter.max))
                    d_.error(e.pos, "out-of-range",
                             fmt::format("'toward' must be inside the range of '{}', {} to {}, not {}", e.target,
                                         meter.min, meter.max, e.value));
            } else if (int f = s_.flagIndex(e.target); f >= 0) {
                e.index = f;
                if (e.kind != Effect::Kind::Flag)
                    d_.error(e.pos, "effect-type", fmt::format("'{}' is a flag; give it true or false", e.target));
            } else {
                d_.error(e.keyPos, "unknown-target",
                         fmt::format("effect on unknown meter or flag '{}'{}", text::shorten(e.target),
                                     suggest(e.target, names_.meterAndFlagNames)));
            }
        }
    }

    void node(Node& n) {
        role(n.say, n.sayPos, "'say'");
        for (std::size_t i = 0; i < n.roleBody.size(); ++i) role(n.roleBody[i].first, n.roleBodyPos[i], "'body'");
        role(n.by, n.byPos, "'by'");
        if (n.isDecision() && n.by.empty()) n.by = s_.player;
        effects(n.effects);
        branches(n.next);
        for (Choice& c : n.choices) {
            branches(c.next);
            effects(c.effects);
            condition(c.cond);
            if (!c.pattern.empty() && !lib_.resolve(s_, c.pattern))
                d_.error(
                    c.patternPos, "unknown-pattern",
                    fmt::format("unknown pattern '{}'{}", text::shorten(c.pattern), suggest(c.pattern, patternIds())));
        }
    }

    std::vector<std::string> patternIds() {
        std::vector<std::string> ids = lib_.ids();
        for (const Pattern& p : s_.patterns) ids.push_back(p.id);
        return ids;
    }

    Scenario& s_;
    const PatternLibrary& lib_;
    Diagnostics& d_;
    std::vector<std::string> ids_;
    expr::Names names_;
    std::size_t budget_ = 200000;  // candidate comparisons for suggestions
};

}  // namespace

void resolveReferences(Scenario& s, const PatternLibrary& library, Diagnostics& d) { Resolver(s, library, d).run(); }

void checkScenario(Scenario& s, const PatternLibrary& library, Diagnostics& d, bool explore) {
    resolveReferences(s, library, d);
    checkChoices(s, library, d);
    checkPatterns(s.patterns, d);
    // Graph and test checks need a whole, resolved scenario: after any error
    // they would only repeat it in other words.
    if (d.hasErrors()) return;
    checkGraph(s, d);
    checkTests(s, d);
    if (explore) checkEndings(s, d);
}

}  // namespace attune::check
