#include "core/run/Stats.hpp"

#include "core/run/Playthrough.hpp"
#include "core/run/Session.hpp"

#include <algorithm>
#include <random>

namespace attune {
namespace {

std::size_t u(int i) { return static_cast<std::size_t>(i); }

std::vector<std::vector<int>> successors(const Scenario& s) {
    std::vector<std::vector<int>> out(s.nodes.size());
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        for (const Branch& b : s.nodes[i].next) out[i].push_back(b.target);
        for (const Choice& c : s.nodes[i].choices)
            for (const Branch& b : c.next) out[i].push_back(b.target);
    }
    return out;
}

/// Longest path in decision points, on the graph with the back edges of a DFS from start
/// removed. Iterative, so a chain of a hundred thousand nodes needs no deep stack.
int longestPath(const Scenario& s, const std::vector<std::vector<int>>& next, std::vector<char>& reachable) {
    if (s.startIndex < 0) return 0;
    const std::size_t n = s.nodes.size();
    std::vector<int> state(n, 0), best(n, 0);                           // 0 new, 1 on the stack, 2 done
    std::vector<std::pair<int, std::size_t>> stack{{s.startIndex, 0}};  // node, next successor to look at
    state[u(s.startIndex)] = 1;
    reachable[u(s.startIndex)] = 1;
    while (!stack.empty()) {
        auto& [v, i] = stack.back();
        if (i < next[u(v)].size()) {
            const int w = next[u(v)][i++];
            if (w >= 0 && state[u(w)] == 0) {  // a node on the stack is a back edge: the loop adds nothing
                state[u(w)] = 1;
                reachable[u(w)] = 1;
                stack.emplace_back(w, 0);
            }
            continue;
        }
        int longest = 0;
        for (int w : next[u(v)])
            if (w >= 0 && state[u(w)] == 2) longest = std::max(longest, best[u(w)]);
        best[u(v)] = longest + (s.nodes[u(v)].isDecision() ? 1 : 0);
        state[u(v)] = 2;
        stack.pop_back();
    }
    return best[u(s.startIndex)];
}

}  // namespace

ScenarioStats computeStats(const Scenario& s, int runs, std::uint32_t seed) {
    ScenarioStats st;
    st.nodes = static_cast<int>(s.nodes.size());
    for (const Node& n : s.nodes) {
        st.decisions += n.isDecision() ? 1 : 0;
        if (n.isEnding()) {
            ++st.endings;
            ++st.endingKinds[static_cast<std::size_t>(n.ending->kind)];
        }
        for (const Choice& c : n.choices)
            if (c.style) ++st.styles[static_cast<std::size_t>(*c.style)];
    }
    const auto next = successors(s);
    std::vector<char> reachable(s.nodes.size(), 0);
    st.longestPath = longestPath(s, next, reachable);

    std::vector<char> reached(s.nodes.size(), 0);
    std::mt19937 rng(seed);
    std::set<std::string> everyone;
    for (const Role& r : s.roles) everyone.insert(r.id);
    st.runs = s.startIndex < 0 ? 0 : runs;
    for (int run = 0; run < st.runs; ++run) {
        Playthrough p = Playthrough::borrowing(s, everyone);
        p.keepRewindPoints(false);
        const Session& ses = p.session();
        // Long enough for any path that does not loop: random picks can circle for a while.
        const std::size_t limit = std::max<std::size_t>(2000, 4 * s.nodes.size());
        for (std::size_t guard = 0; guard < limit; ++guard) {
            if (ses.state() == Session::State::Line) {
                p.advance();
            } else if (ses.state() == Session::State::Decision) {
                const auto& shown = ses.history().back().offered;
                std::uniform_int_distribution<std::size_t> pick(0, shown.size() - 1);
                p.choose(shown[pick(rng)]);
            } else {
                break;
            }
        }
        // Silent routing nodes are passed through inside one call: count them from the history.
        for (const Step& step : ses.history()) reached[u(step.node)] = 1;
        if (ses.state() == Session::State::Ending)
            ++st.runEndings[static_cast<std::size_t>(ses.node().ending->kind)];
        else
            ++st.stuckRuns;
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        if (!reachable[i]) continue;
        ++st.reachable;
        if (reached[i])
            ++st.reached;
        else
            st.missed.push_back(s.nodes[i].id);
    }
    return st;
}

}  // namespace attune
