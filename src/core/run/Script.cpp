#include "core/run/Script.hpp"

#include "core/run/Playthrough.hpp"

#include "core/util/Text.hpp"

#include <fmt/format.h>

namespace attune {

std::optional<std::vector<Pick>> parsePicks(std::string_view list, std::string& error) {
    std::vector<Pick> out;
    if (list.empty()) return out;
    for (const std::string& part : text::splitTrim(list, ',')) {
        if (part.empty()) {
            error = "an empty pick in the list; write picks like 2,open-talk,1";
            return std::nullopt;
        }
        Pick p;
        if (part.find_first_not_of("0123456789") == std::string::npos) {
            if (part.size() > 6 || std::stoi(part) < 1) {
                error = fmt::format("pick '{}' is not a choice number (they start at 1)", part);
                return std::nullopt;
            }
            p.number = std::stoi(part);
        } else {
            p.id = part;
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<std::vector<Pick>> parseMirrorPicks(std::string_view list, std::string& error) {
    std::vector<Pick> out;
    for (const std::string& entry : text::splitTrim(list, ',')) {
        const auto halves = text::splitTrim(entry, '/');
        if (halves.size() != 2 || halves[0].empty() || halves[1].empty()) {
            error = fmt::format("in mirror mode each pick is OWNER/OTHER (for example 2/1 or gentle/sharp), not '{}'",
                                entry);
            return std::nullopt;
        }
        auto both = parsePicks(halves[0] + "," + halves[1], error);
        if (!both) return std::nullopt;
        out.insert(out.end(), both->begin(), both->end());
    }
    if (out.empty()) error = "no picks given";
    if (out.empty()) return std::nullopt;
    return out;
}

int resolvePick(const Session& s, const Pick& p, std::string& error) {
    const auto visible = s.visibleChoices();
    const Node& n = s.node();
    if (p.id.empty()) {
        if (p.number >= 1 && static_cast<std::size_t>(p.number) <= visible.size())
            return visible[static_cast<std::size_t>(p.number) - 1];
        error = fmt::format("pick {} at node '{}': only {} choice{} shown", p.number, n.id, visible.size(),
                            visible.size() == 1 ? " is" : "s are");
        return -1;
    }
    for (int i : visible)
        if (n.choices[static_cast<std::size_t>(i)].id == p.id) return i;
    std::vector<std::string> shown;
    for (int i : visible)
        if (!n.choices[static_cast<std::size_t>(i)].id.empty())
            shown.push_back(n.choices[static_cast<std::size_t>(i)].id);
    error = fmt::format("pick '{}' is not shown at node '{}'{}", p.id, n.id,
                        shown.empty() ? std::string() : fmt::format(" (shown: {})", text::join(shown)));
    return -1;
}

std::set<std::string> playedRoles(const Scenario& s, bool solo) {
    std::set<std::string> out;
    if (solo)
        out.insert(s.player);
    else
        for (const Role& r : s.roles) out.insert(r.id);
    return out;
}

ScriptResult runScript(const Scenario& s, const std::vector<Pick>& picks, std::set<std::string> played) {
    Playthrough p = Playthrough::borrowing(s, std::move(played));
    p.keepRewindPoints(false);
    ScriptResult r{p.session(), true, {}, 0, {}};
    const auto done = [&](bool ok, std::string error) {
        r.session = p.session();
        r.ok = ok;
        r.error = std::move(error);
        r.log = p.picks();
        return r;
    };
    for (int guard = 0; guard < 100000; ++guard) {
        const Session& ses = p.session();
        switch (ses.state()) {
            case Session::State::Ending:
                return done(true, {});
            case Session::State::Stuck:
                return done(false, ses.stuckReason());
            case Session::State::Line:
                p.advance();
                break;
            case Session::State::Decision: {
                if (!p.turn()) {
                    p.chooseDefault();
                    break;
                }
                if (static_cast<std::size_t>(r.picksUsed) >= picks.size())
                    return done(false, fmt::format("the picks ran out at node '{}', a decision of '{}'", ses.node().id,
                                                   ses.chooser()));
                std::string err;
                const int c = resolvePick(ses, picks[static_cast<std::size_t>(r.picksUsed)], err);
                if (c < 0) return done(false, fmt::format("step {}: {}", r.picksUsed + 1, err));
                ++r.picksUsed;
                p.choose(c);
                break;
            }
        }
    }
    return done(false, "the playthrough did not end after 100000 steps");
}

TestOutcome runTest(const Scenario& s, const TestCase& t) {
    TestOutcome out{t.name, false, {}};
    ScriptResult r = runScript(s, t.choose, playedRoles(s, t.solo));
    if (!r.ok) {
        out.problems.push_back(r.error);
        return out;
    }
    const Session& ses = r.session;
    if (static_cast<std::size_t>(r.picksUsed) < t.choose.size())
        out.problems.push_back(
            fmt::format("the story ended at '{}' after {} of {} picks", ses.node().id, r.picksUsed, t.choose.size()));
    if (t.ending && ses.node().id != *t.ending) {
        std::string where;
        if (const int last = ses.lastDecisionStep(); last >= 0) {
            const Step& st = ses.history()[static_cast<std::size_t>(last)];
            const Node& n = s.nodes[static_cast<std::size_t>(st.node)];
            const Choice& c = n.choices[static_cast<std::size_t>(st.choice)];
            where = fmt::format(" (the last decision was at node '{}': {}{})", n.id,
                                c.id.empty() ? fmt::format("choice {}", st.choice + 1) : "'" + c.id + "'",
                                st.byDefault ? ", by default" : "");
        }
        out.problems.push_back(fmt::format("expected ending '{}', reached '{}'{}", *t.ending, ses.node().id, where));
    }
    for (const auto& [name, cmp] : t.meters) {
        const int v = ses.meter(name);
        if (!cmp.holds(v)) out.problems.push_back(fmt::format("expected {} {}, got {}", name, cmp.source, v));
    }
    for (const auto& [name, want] : t.flags)
        if (ses.flag(name) != want)
            out.problems.push_back(fmt::format("expected flag {} to be {}, got {}", name, want, ses.flag(name)));
    out.passed = out.problems.empty();
    return out;
}

}  // namespace attune
