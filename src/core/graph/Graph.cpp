#include "core/graph/Graph.hpp"

#include "core/run/Playthrough.hpp"

#include <algorithm>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <graphviz/gvc.h>

namespace attune::graph {
namespace {

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + '"';
}

std::string shorten(const std::string& s, std::size_t n = 40) {
    if (s.size() <= n) return s;
    std::size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "...";
}

const char* styleColor(std::optional<Style> s) {
    if (!s) return "gray50";
    switch (*s) {
        case Style::Secure:
            return "forestgreen";
        case Style::Anxious:
            return "darkorange";
        case Style::Avoidant:
            return "steelblue";
        case Style::Disorganised:
            return "purple";
    }
    return "gray50";
}

const char* endingColor(EndingKind k) {
    switch (k) {
        case EndingKind::Secure:
            return "palegreen";
        case EndingKind::Mixed:
            return "khaki";
        case EndingKind::Rupture:
            return "lightpink";
    }
    return "white";
}

std::string edgeLabel(const Branch& b, const std::string& prefix) {
    std::string l = prefix;
    if (b.cond) l += (l.empty() ? "" : "\n") + std::string("if ") + b.cond->source;
    return l;
}

}  // namespace

Shape shape(const Scenario& s) {
    const std::size_t n = s.nodes.size();
    std::vector<std::vector<int>> out(n), in(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto add = [&](const Branch& b) {
            if (b.target < 0) return;
            out[i].push_back(b.target);
            in[static_cast<std::size_t>(b.target)].push_back(static_cast<int>(i));
        };
        for (const Branch& b : s.nodes[i].next) add(b);
        for (const Choice& c : s.nodes[i].choices)
            for (const Branch& b : c.next) add(b);
    }
    const auto reach = [n](const std::vector<std::vector<int>>& adj, std::vector<int> frontier) {
        std::vector<char> seen(n, 0);
        for (int f : frontier) seen[static_cast<std::size_t>(f)] = 1;
        while (!frontier.empty()) {
            const int k = frontier.back();
            frontier.pop_back();
            for (int m : adj[static_cast<std::size_t>(k)])
                if (!seen[static_cast<std::size_t>(m)]) {
                    seen[static_cast<std::size_t>(m)] = 1;
                    frontier.push_back(m);
                }
        }
        return seen;
    };
    Shape sh;
    sh.reachable = s.startIndex >= 0 ? reach(out, {s.startIndex}) : std::vector<char>(n, 0);
    std::vector<int> endings;
    for (std::size_t i = 0; i < n; ++i)
        if (s.nodes[i].isEnding()) endings.push_back(static_cast<int>(i));
    sh.toEnding = reach(in, endings);
    sh.mayStick.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const Node& node = s.nodes[i];
        bool stick = !node.next.empty() && node.next.back().cond.has_value();
        bool unconditional = node.choices.empty();
        for (const Choice& c : node.choices) {
            if (!c.cond) unconditional = true;
            if (!c.next.empty() && c.next.back().cond) stick = true;
        }
        sh.mayStick[i] = stick || !unconditional;
    }
    return sh;
}

std::string dot(const Scenario& s) { return dot(s, true); }

std::string dot(const Scenario& s, bool edgeLabels) {
    const Shape sh = shape(s);
    std::string out = fmt::format("digraph {} {{\n", quote(s.id));
    out += fmt::format("  label={};\n  labelloc=t;\n  rankdir=TB;\n  fontname=\"DejaVu Sans\";\n", quote(s.title));
    std::size_t edges = 0;
    for (const Node& n : s.nodes) {
        edges += n.next.size();
        for (const Choice& c : n.choices) edges += c.next.size();
    }
    // Past a few hundred nodes and edges, dot's best layout can take minutes: a quicker
    // one (straight edges, bounded placement and crossing passes) keeps it to seconds.
    if (s.nodes.size() + edges > kQuickLayout)
        out += "  nslimit=1; nslimit1=1; mclimit=0.01; remincross=false; splines=line;\n";
    out += "  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"DejaVu Sans\"];\n";
    out += "  edge [fontname=\"DejaVu Sans\", fontsize=10];\n";
    for (const Node& n : s.nodes) {
        const auto i = static_cast<std::size_t>(&n - s.nodes.data());
        std::string label = n.id;
        if (!n.say.empty()) label += "\n(" + n.say + ")";
        // Flags an author should see: never reached, or a place the story can stop.
        std::string flags;
        if (!sh.reachable[i]) {
            label += "\nunreachable";
            flags = ", style=\"rounded,filled,dashed\", color=gray45, fontcolor=gray35";
        } else if (!sh.toEnding[i]) {
            label += "\nno way out";
            flags = ", color=red3, penwidth=2.5";
        } else if (sh.mayStick[i]) {
            label += "\ncan get stuck";
            flags = ", color=red3, penwidth=2";
        }
        if (n.isEnding()) {
            label += fmt::format("\nending: {} ({})", n.ending->title, name(n.ending->kind));
            out += fmt::format("  {} [label={}, shape=doubleoctagon, fillcolor={}{}];\n", quote(n.id), quote(label),
                               endingColor(n.ending->kind), flags);
        } else if (n.isDecision()) {
            label += "\nchosen by " + n.by;
            out += fmt::format("  {} [label={}, fillcolor=lightyellow{}];\n", quote(n.id), quote(label), flags);
        } else {
            out += fmt::format("  {} [label={}{}];\n", quote(n.id), quote(label), flags);
        }
        if (static_cast<int>(&n - s.nodes.data()) == s.startIndex)
            out += fmt::format("  \"__start\" [shape=point]; \"__start\" -> {};\n", quote(n.id));
    }
    for (const Node& n : s.nodes) {
        for (const Branch& b : n.next)
            out += fmt::format("  {} -> {} [label={}];\n", quote(n.id), quote(b.to),
                               quote(edgeLabels ? edgeLabel(b, "") : std::string()));
        for (std::size_t i = 0; i < n.choices.size(); ++i) {
            const Choice& c = n.choices[i];
            const std::string head = fmt::format("{}. {}{}", i + 1, shorten(s.substitute(c.text)),
                                                 c.style ? fmt::format("\n[{}]", name(*c.style)) : "");
            for (const Branch& b : c.next)
                out += fmt::format("  {} -> {} [label={}, color={}, fontcolor={}, attune_choice={}];\n", quote(n.id),
                                   quote(b.to), quote(edgeLabels ? edgeLabel(b, head) : std::string()),
                                   styleColor(c.style), styleColor(c.style), i);
        }
    }
    out += "}\n";
    return out;
}

namespace {

std::mutex gvLock;
std::string gvErrors;
int keepError(char* message) {
    gvErrors += message;
    return 0;
}

/// Graphviz's context lives as long as the program, and the last graph laid out is closed
/// only when the next one is done: Graphviz 2.42's pango plugin remembers the font name
/// of the last text it measured, which belongs to that graph, and reads it at the next
/// measure (closing the graph first made that read a use after free).
GVC_t* context() {
    static GVC_t* gvc = gvContext();
    return gvc;
}
Agraph_t* lastGraph = nullptr;

/// One graph, laid out with dot; its layout freed whatever happens.
class Laid {
public:
    Laid(const std::string& text, std::string& error) : hold_(gvLock) {
        gvErrors.clear();
        agseterr(AGERR);
        agseterrf(keepError);
        gvc_ = context();
        g_ = gvc_ ? agmemread(text.c_str()) : nullptr;
        if (!g_) {
            error = "Graphviz could not read the graph" + detail();
            return;
        }
        if (gvLayout(gvc_, g_, "dot") != 0) {
            error =
                "Graphviz could not lay out the graph (is its dot layout plugin installed? Debian's libgvc6 has it)" +
                detail();
            return;
        }
        laid_ = true;
    }
    ~Laid() {
        if (laid_) gvFreeLayout(gvc_, g_);
        if (g_) {
            if (lastGraph) agclose(lastGraph);
            lastGraph = g_;
        }
        agseterrf(nullptr);
    }
    Laid(const Laid&) = delete;
    Laid& operator=(const Laid&) = delete;
    bool ok() const { return laid_; }
    GVC_t* gvc() const { return gvc_; }
    Agraph_t* graph() const { return g_; }

private:
    static std::string detail() {
        std::string d = gvErrors;
        while (!d.empty() && (d.back() == '\n' || d.back() == ' ')) d.pop_back();
        return d.empty() ? std::string() : ": " + d;
    }
    std::lock_guard<std::mutex> hold_;  ///< Graphviz keeps global state: one graph at a time
    GVC_t* gvc_ = nullptr;
    Agraph_t* g_ = nullptr;
    bool laid_ = false;
};

}  // namespace

Prepared prepare(const Scenario& s) {
    Prepared p;
    p.dot = dot(s, false);  // the window draws no edge labels: a tighter map
    for (std::size_t i = 0; i < s.nodes.size(); ++i) p.index[s.nodes[i].id] = static_cast<int>(i);
    return p;
}

std::optional<Layout> layout(const Scenario& s, std::string& error) { return layout(prepare(s), error); }

std::optional<Layout> layout(const Prepared& prepared, std::string& error) {
    Laid laid(prepared.dot, error);
    if (!laid.ok()) return std::nullopt;
    Agraph_t* g = laid.graph();
    const std::map<std::string, int>& index = prepared.index;
    const boxf bb = GD_bb(g);
    Layout out;
    out.width = bb.UR.x - bb.LL.x;
    out.height = bb.UR.y - bb.LL.y;
    const auto flip = [&](pointf p) { return Point{p.x - bb.LL.x, bb.UR.y - p.y}; };
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const auto it = index.find(agnameof(n));
        if (it == index.end()) continue;  // the start marker
        out.nodes.push_back({it->second, flip(ND_coord(n)), ND_width(n) * 72.0, ND_height(n) * 72.0});
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            const auto to = index.find(agnameof(aghead(e)));
            if (to == index.end()) continue;
            PlacedEdge pe;
            pe.from = it->second;
            pe.to = to->second;
            if (const char* c = agget(e, const_cast<char*>("attune_choice")); c && *c) pe.choice = std::atoi(c);
            if (const splines* sp = ED_spl(e); sp && sp->size > 0) {
                const bezier& bz = sp->list[0];
                for (int k = 0; k < bz.size; ++k) pe.curve.push_back(flip(bz.list[k]));
                if (bz.eflag) pe.arrow = flip(bz.ep);
            }
            out.edges.push_back(std::move(pe));
        }
    }
    return out;
}

std::optional<std::string> svg(const Scenario& s, std::string& error) {
    Laid laid(dot(s, true), error);
    if (!laid.ok()) return std::nullopt;
    char* data = nullptr;
    unsigned int size = 0;
    if (gvRenderData(laid.gvc(), laid.graph(), "svg", &data, &size) != 0 || !data) {
        error = "Graphviz could not write SVG (is its core plugin installed? Debian's libgvc6 has it)";
        return std::nullopt;
    }
    std::string out(data, size);
    gvFreeRenderData(data);
    return out;
}

std::optional<std::vector<std::string>> shortestPicks(const Scenario& s, const std::set<std::string>& played,
                                                      int target, int maxStates, bool* gaveUp) {
    if (gaveUp) *gaveUp = false;
    // Breadth first over the story's states (node, meters, flags, visits), so the first
    // run to stand at `target` has the fewest picks; lines and roles nobody plays go on
    // as in play.
    struct Item {
        Playthrough p;
        std::vector<std::string> picks;
    };
    const auto settle = [target](Playthrough& p) {
        for (int guard = 0; guard < 100000; ++guard) {
            if (p.session().nodeIndex() == target) return;
            if (p.state() == Session::State::Line)
                p.advance();
            else if (p.state() == Session::State::Decision && !p.turn())
                p.chooseDefault();
            else
                return;
        }
    };
    // Only the visit counts a condition reads make two states differ, and only up to the
    // largest number it compares them with: a 10,000-node story's states stay small.
    const VisitFacts facts = visitFacts(s);
    std::deque<Item> queue;
    std::set<std::string> seen;
    Playthrough first = Playthrough::borrowing(s, played);
    first.keepRewindPoints(false);
    settle(first);
    queue.push_back({std::move(first), {}});
    int states = 0;
    while (!queue.empty() && states < maxStates) {
        Item item = std::move(queue.front());
        queue.pop_front();
        const Session& ss = item.p.session();
        if (ss.nodeIndex() == target) return item.picks;
        if (ss.state() != Session::State::Decision) continue;
        std::string key = fmt::format("{}|", ss.nodeIndex());
        for (int m : ss.meters()) key += fmt::format("{},", m);
        for (std::size_t f = 0; f < s.flags.size(); ++f) key += ss.flag(static_cast<int>(f)) ? '1' : '0';
        for (int v : facts.watched) key += fmt::format(",{}", std::min(ss.visits(v), facts.cap));
        if (!seen.insert(key).second) continue;
        ++states;
        for (int c : ss.visibleChoices()) {
            Item next{item.p, item.picks};
            next.p.handOver();
            next.p.choose(c);
            next.picks.push_back(
                choiceKey(s.nodes[static_cast<std::size_t>(ss.nodeIndex())].choices[static_cast<std::size_t>(c)]));
            settle(next.p);
            queue.push_back(std::move(next));
        }
    }
    if (gaveUp) *gaveUp = !queue.empty();
    return std::nullopt;
}

}  // namespace attune::graph
