#include "cli/Commands.hpp"
#include "core/model/Scenario.hpp"

#include <fmt/format.h>

namespace attune::cli {
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
        case Style::Secure: return "forestgreen";
        case Style::Anxious: return "darkorange";
        case Style::Avoidant: return "steelblue";
        case Style::Disorganised: return "purple";
    }
    return "gray50";
}

const char* endingColor(EndingKind k) {
    switch (k) {
        case EndingKind::Secure: return "palegreen";
        case EndingKind::Mixed: return "khaki";
        case EndingKind::Rupture: return "lightpink";
    }
    return "white";
}

std::string edgeLabel(const Branch& b, const std::string& prefix) {
    std::string l = prefix;
    if (b.cond) l += (l.empty() ? "" : "\n") + std::string("if ") + b.cond->source;
    return l;
}

}  // namespace

std::string graphDot(const Scenario& s) {
    std::string out = fmt::format("digraph {} {{\n", quote(s.id));
    out += fmt::format("  label={};\n  labelloc=t;\n  rankdir=TB;\n", quote(s.title));
    out += "  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"DejaVu Sans\"];\n";
    out += "  edge [fontname=\"DejaVu Sans\", fontsize=10];\n";
    for (const Node& n : s.nodes) {
        std::string label = n.id;
        if (!n.say.empty()) label += "\n(" + n.say + ")";
        if (n.isEnding()) {
            label += fmt::format("\nending: {} ({})", n.ending->title, name(n.ending->kind));
            out += fmt::format("  {} [label={}, shape=doubleoctagon, fillcolor={}];\n", quote(n.id), quote(label),
                               endingColor(n.ending->kind));
        } else if (n.isDecision()) {
            label += "\nchosen by " + n.by;
            out += fmt::format("  {} [label={}, fillcolor=lightyellow];\n", quote(n.id), quote(label));
        } else {
            out += fmt::format("  {} [label={}];\n", quote(n.id), quote(label));
        }
        if (static_cast<int>(&n - s.nodes.data()) == s.startIndex)
            out += fmt::format("  \"__start\" [shape=point]; \"__start\" -> {};\n", quote(n.id));
    }
    for (const Node& n : s.nodes) {
        for (const Branch& b : n.next)
            out += fmt::format("  {} -> {} [label={}];\n", quote(n.id), quote(b.to), quote(edgeLabel(b, "")));
        for (std::size_t i = 0; i < n.choices.size(); ++i) {
            const Choice& c = n.choices[i];
            const std::string head = fmt::format("{}. {}{}", i + 1, shorten(s.substitute(c.text)),
                                                 c.style ? fmt::format("\n[{}]", name(*c.style)) : "");
            for (const Branch& b : c.next)
                out += fmt::format("  {} -> {} [label={}, color={}, fontcolor={}];\n", quote(n.id), quote(b.to),
                                   quote(edgeLabel(b, head)), styleColor(c.style), styleColor(c.style));
        }
    }
    out += "}\n";
    return out;
}

}  // namespace attune::cli
