#include "core/check/Checker.hpp"
#include "core/util/Text.hpp"

#include <fmt/format.h>
#include <set>

namespace attune::check {

void checkTests(const Scenario& s, Diagnostics& d) {
    std::vector<std::string> endings, choiceIds, meters, flags(s.flags);
    for (const Node& n : s.nodes) {
        if (n.isEnding()) endings.push_back(n.id);
        for (const Choice& c : n.choices)
            if (!c.id.empty()) choiceIds.push_back(c.id);
    }
    for (const Meter& m : s.meters) meters.push_back(m.name);
    const auto has = [](const std::vector<std::string>& v, const std::string& x) {
        return std::find(v.begin(), v.end(), x) != v.end();
    };
    for (const TestCase& t : s.tests) {
        if (t.ending && !has(endings, *t.ending))
            d.error(t.endingPos, "test-unknown-ending",
                    fmt::format("test '{}' expects ending '{}', which is not an ending node{}", t.name, *t.ending,
                                text::didYouMean(*t.ending, endings)));
        for (const Pick& p : t.choose)
            if (!p.id.empty() && !has(choiceIds, p.id))
                d.error(p.pos, "test-unknown-choice",
                        fmt::format("test '{}' picks unknown choice '{}'{}", t.name, p.id,
                                    text::didYouMean(p.id, choiceIds)));
        for (std::size_t i = 0; i < t.meters.size(); ++i)
            if (const std::string& m = t.meters[i].first; !has(meters, m))
                d.error(t.meterPos[i], "test-unknown-meter",
                        fmt::format("test '{}' expects unknown meter '{}'{}", t.name, m, text::didYouMean(m, meters)));
        for (std::size_t i = 0; i < t.flags.size(); ++i)
            if (const std::string& f = t.flags[i].first; !has(flags, f))
                d.error(t.flagPos[i], "test-unknown-flag",
                        fmt::format("test '{}' expects unknown flag '{}'{}", t.name, f, text::didYouMean(f, flags)));
    }
}

}  // namespace attune::check
