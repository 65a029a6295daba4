#include "core/check/Checker.hpp"
#include "core/model/PatternLibrary.hpp"
#include "core/model/ZoneWords.hpp"

#include <fmt/format.h>
#include <set>

namespace attune::check {
namespace {

std::string stylesPhrase(const Pattern& p) {
    if (p.styles.size() < 2) return name(p.style);
    std::string out;
    for (std::size_t i = 0; i < p.styles.size(); ++i)
        out += std::string(i == 0 ? "" : i + 1 == p.styles.size() ? " or " : ", ") + name(p.styles[i]);
    return out;
}

void decision(const Scenario& s, const Node& n, const PatternLibrary& lib, Diagnostics& d) {
    int defaults = 0;
    bool secure = false, unconditional = false;
    for (const Choice& c : n.choices) {
        defaults += c.isDefault ? 1 : 0;
        secure = secure || c.style == Style::Secure;
        unconditional = unconditional || !c.cond;
        if (!c.style) {
            if (c.stylePos.line > 0) continue;  // written but not valid: reported where it stands
            d.error(c.pos, "missing-style",
                    "this choice has no 'style'; give secure, anxious, avoidant or disorganised");
            continue;
        }
        const Pattern* p = c.pattern.empty() ? nullptr : lib.resolve(s, c.pattern);
        if (*c.style != Style::Secure && c.why.empty() && !p)
            d.warning(
                c.pos, "missing-explanation",
                fmt::format("this {} choice has neither 'why' nor 'pattern', so the player would get no explanation",
                            name(*c.style)));
        if (p && p->id == "freeze")
            d.error(c.patternPos, "freeze-as-choice",
                    "freeze is a state the body enters, not a choice: send the story to a node whose effects take the "
                    "meter below the window, and offer ways back from there (pattern 'orienting')");
        else if (p && !p->allows(*c.style))
            d.warning(c.patternPos, "pattern-style",
                      fmt::format("pattern '{}' is {}, but the choice is {}", p->id, stylesPhrase(*p), name(*c.style)));
    }
    if (defaults > 1)
        d.error(n.pos, "default-count", fmt::format("node '{}' marks {} choices as default; mark one", n.id, defaults));
    if (defaults == 0 && n.by != s.player)
        d.warning(n.pos, "no-default",
                  fmt::format("the decision at node '{}' has no default, so in solo play '{}' always takes the first "
                              "choice shown; mark the one they would make with 'default: true'",
                              n.id, n.by));
    int options = 0;  // what a person can say or do here; a breathing pause is not one of them
    for (const Choice& c : n.choices) options += c.breathe ? 0 : 1;
    if (options < 3)
        d.warning(
            n.pos, "few-options",
            fmt::format("the decision at node '{}' offers {} option{}; give '{}' at least three (a secure one, and "
                        "anxious, avoidant or disorganised ones where they fit) so the role is worth playing",
                        n.id, options, options == 1 ? "" : "s", n.by));
    if (!secure)
        d.warning(n.pos, "no-secure-option",
                  fmt::format("the decision at node '{}' offers no secure option to practise", n.id));
    if (!unconditional)
        d.warning(n.pos, "no-fallback",
                  fmt::format("every choice at node '{}' has an 'if'; when none holds the story is stuck", n.id));
}

void zoneClaim(const Pattern& p, Pos at, std::string_view field, std::string_view text, std::optional<Zone> zone,
               Diagnostics& d) {
    for (const feedback::ZoneClaim& c : feedback::zoneClaims(text)) {
        if (zone && c.zone == *zone) continue;
        if (zone)
            d.warning(at, "zone-claim",
                      fmt::format("the '{}' body of pattern '{}' says \"{}\", which claims the zone '{}'", key(*zone),
                                  p.id, c.phrase, key(c.zone)));
        else
            d.warning(
                at, "zone-claim",
                fmt::format("the '{}' of pattern '{}' says \"{}\", which claims the zone '{}', but it is shown in "
                            "every zone; move it into a zoned body (above, inside, below)",
                            field, p.id, c.phrase, key(c.zone)));
        return;  // one report per text
    }
}

}  // namespace

void checkPatterns(const std::vector<Pattern>& patterns, Diagnostics& d) {
    for (const Pattern& p : patterns) {
        // At the text itself when its place is known (the library's and scenarios' own patterns).
        const auto at = [&p](Pos x) { return x.line > 0 ? x : p.pos; };
        zoneClaim(p, at(p.whatPos), "what", p.what, std::nullopt, d);
        zoneClaim(p, at(p.needPos), "need", p.need, std::nullopt, d);
        if (!p.zoned)
            zoneClaim(p, at(p.bodyPos), "body", p.body, std::nullopt, d);
        else
            for (Zone z : kZones)
                zoneClaim(p, at(p.zoneBodyPos[static_cast<std::size_t>(z)]), "body", p.bodyFor(z), z, d);
    }
}

void checkChoices(const Scenario& s, const PatternLibrary& lib, Diagnostics& d) {
    std::map<std::string, Pos> ids;
    for (const Node& n : s.nodes) {
        if (!n.next.empty() && n.next.back().cond)
            d.warning(n.next.back().pos, "no-fallback",
                      fmt::format("the last 'next' branch of node '{}' has an 'if'; when none holds the story is stuck",
                                  n.id));
        for (const Choice& c : n.choices) {
            if (!c.next.empty() && c.next.back().cond)
                d.warning(c.next.back().pos, "no-fallback",
                          "the last 'next' branch of this choice has an 'if'; when none holds the story is stuck");
            if (c.id.empty()) continue;
            auto [it, fresh] = ids.emplace(c.id, c.pos);
            if (!fresh)
                d.error(c.pos, "duplicate-choice-id",
                        fmt::format("choice id '{}' is already used at line {}", c.id, it->second.line));
        }
        if (n.isDecision()) decision(s, n, lib, d);
        if (n.effects.empty()) continue;
        for (const Choice& c : n.choices)
            for (const Branch& b : c.next)
                if (b.to == n.id) {
                    d.warning(
                        b.pos, "reentry-effects",
                        fmt::format("this choice comes back to node '{}', whose effects apply again on every entry; "
                                    "move them onto the choices or a node before it",
                                    n.id));
                    break;
                }
    }
}

}  // namespace attune::check
