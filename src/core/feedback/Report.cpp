#include "core/feedback/Feedback.hpp"
#include "core/util/Text.hpp"

#include <fmt/format.h>

namespace attune::feedback {
namespace {

std::string styleCounts(const std::array<int, 4>& st) {
    std::vector<std::string> parts;
    for (Style s : kStyles)
        if (st[static_cast<std::size_t>(s)] > 0) parts.push_back(fmt::format("{} {}", st[static_cast<std::size_t>(s)], name(s)));
    return parts.empty() ? "no choices" : text::join(parts);
}

std::string endingSentence(const Debrief& d) {
    if (d.endingNode.empty()) return "The playthrough stopped before an ending.";
    if (d.reachedBest) return fmt::format("You reached \"{}\", the warmest ending this story has.", d.endingTitle);
    return fmt::format("You reached \"{}\" ({}). This story also has a {} ending, \"{}\".", d.endingTitle,
                       name(d.endingKind), name(d.bestKind), d.bestTitle);
}

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

constexpr const char* kArcColours[] = {"#c4603c", "#3c78c4"};

/// The arousal arcs as an SVG line chart: zones shaded, one point per step.
std::string arcSvg(const Debrief& d) {
    const int w = 720, h = 260, left = 44, right = 16, top = 16, bottom = 36;
    const int plotW = w - left - right, plotH = h - top - bottom;
    const int n = std::max(d.steps, 2);
    const auto x = [&](int i) { return left + static_cast<double>(plotW) * i / (n - 1); };
    // Arousal meters run 0..100 unless an author says otherwise: scale to the widest range in use.
    int lo = 0, hi = 100;
    for (const Arc& a : d.arcs) {
        lo = std::min(lo, a.min);
        hi = std::max(hi, a.max);
    }
    const auto y = [&](int v) { return top + static_cast<double>(plotH) * (hi - v) / std::max(1, hi - lo); };
    std::string s = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
        "aria-label=\"Arousal over the steps of the playthrough\">\n",
        w, h, w, h);
    s += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#f6ddd5\"/>\n", left, y(hi), plotW, y(70) - y(hi));
    s += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#e2f0df\"/>\n", left, y(70), plotW, y(30) - y(70));
    s += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#dfe4f0\"/>\n", left, y(30), plotW, y(lo) - y(30));
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#7a4a3a\">fight or flight</text>\n", left + 6, y(hi) + 13);
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#3f6a3a\">window of tolerance</text>\n", left + 6, y(70) + 13);
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#3a4a7a\">shutdown</text>\n", left + 6, y(30) + 13);
    for (int v : {lo, 30, 70, hi})
        s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{}</text>\n", left - 6, y(v) + 4, v);
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">steps</text>\n", left + plotW / 2, h - 8);
    for (std::size_t a = 0; a < d.arcs.size(); ++a) {
        const Arc& arc = d.arcs[a];
        const char* colour = kArcColours[a % 2];
        std::string pts;
        for (std::size_t i = 0; i < arc.values.size(); ++i)
            pts += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", x(static_cast<int>(i)), y(arc.values[i]));
        s += fmt::format("<polyline class=\"arc\" data-role=\"{}\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>\n",
                         escape(arc.role), pts, colour);
        for (std::size_t i = 0; i < arc.values.size(); ++i)
            s += fmt::format("<circle class=\"point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"><title>{}, step {}: {}</title></circle>\n",
                             x(static_cast<int>(i)), y(arc.values[i]), colour, escape(arc.name), i + 1, arc.values[i]);
        s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{}\">{}</text>\n", w - right - 150,
                         top + 16 + 16 * static_cast<int>(a), colour, escape(arc.name));
    }
    s += "</svg>\n";
    return s;
}

}  // namespace

std::string reportMarkdown(const Debrief& d) {
    std::string out = fmt::format("# {}: looking back\n\n{}\n", d.scenarioTitle, endingSentence(d));
    out += "\n## Your choices\n\n| person | theme | secure | anxious | avoidant | disorganised |\n|---|---|---|---|---|---|\n";
    for (const PersonSummary& p : d.people)
        for (Theme t : kThemes) {
            const auto& r = p.byTheme[static_cast<std::size_t>(t)];
            if (r[0] + r[1] + r[2] + r[3] > 0)
                out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", p.name, name(t), r[0], r[1], r[2], r[3]);
        }
    out += "\n## The nervous system\n\nArousal after each step (the window of tolerance is 30 to 70):\n\n";
    for (const Arc& a : d.arcs) {
        std::vector<std::string> v;
        for (int x : a.values) v.push_back(std::to_string(x));
        out += fmt::format("- {}: {} ({})\n", a.name, text::join(v, ", "), zoneSummary(a));
    }
    if (!d.coRegulation.empty()) {
        out += "\nMoments when one of you helped the other settle:\n\n";
        for (const CoRegulation& c : d.coRegulation)
            out += fmt::format("- Step {}: {}'s response took {} from {} to {}.\n", c.step + 1, c.calmerName, c.calmedName,
                               c.before, c.after);
    }
    if (!d.topPatterns.empty()) {
        out += "\n## Patterns that mattered most\n\n";
        for (const PatternCount& pc : d.topPatterns)
            out += fmt::format("- **{}** ({}, {} time{}). {}\n", pc.pattern->title, name(pc.pattern->style), pc.count,
                               pc.count == 1 ? "" : "s", pc.pattern->instead);
    }
    out += "\n## Going forward\n\n";
    for (const PersonSummary& p : d.people)
        if (p.decisions() > 0)
            out += fmt::format("- **{}**: {}\n  - A strength to keep: {}\n  - To practise next: {}\n", p.name,
                               styleCounts(p.styles), p.strength, p.practise);
    if (!d.replay.empty()) {
        out += "\n## Worth replaying\n\n";
        for (const Moment& m : d.replay)
            out += fmt::format("- {} chose \"{}\"; a secure option was \"{}\".\n", m.roleName, m.chosen, m.secureText);
    }
    out += "\n---\nAttune is practice, not therapy. This report is yours to keep or to bring to someone you trust.\n";
    return out;
}

std::string reportHtml(const Debrief& d) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}: looking back</title>\n"
        "<style>\nbody {{ font-family: 'DejaVu Sans', sans-serif; max-width: 780px; margin: 2em auto; padding: 0 1em; "
        "color: #2b2b2b; background: #fbf8f4; line-height: 1.5; }}\nh1, h2 {{ color: #4a3b33; }}\n"
        "table {{ border-collapse: collapse; }}\ntd, th {{ border: 1px solid #d8cfc6; padding: 4px 10px; text-align: left; }}\n"
        ".note {{ color: #6b625b; font-size: 0.9em; }}\n</style>\n</head>\n<body>\n",
        escape(d.scenarioTitle));
    out += fmt::format("<h1>{}: looking back</h1>\n<p>{}</p>\n", escape(d.scenarioTitle), escape(endingSentence(d)));
    out += "<h2>The nervous system</h2>\n<p>Arousal after each step. The window of tolerance, where thinking and "
           "connecting come easily, is 30 to 70.</p>\n";
    out += arcSvg(d);
    out += "<h2>Your choices</h2>\n<table>\n<tr><th>person</th><th>theme</th><th>secure</th><th>anxious</th><th>avoidant</th><th>disorganised</th></tr>\n";
    for (const PersonSummary& p : d.people)
        for (Theme t : kThemes) {
            const auto& r = p.byTheme[static_cast<std::size_t>(t)];
            if (r[0] + r[1] + r[2] + r[3] > 0)
                out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                                   escape(p.name), name(t), r[0], r[1], r[2], r[3]);
        }
    out += "</table>\n";
    if (!d.coRegulation.empty()) {
        out += "<h2>Helping each other settle</h2>\n<ul>\n";
        for (const CoRegulation& c : d.coRegulation)
            out += fmt::format("<li>Step {}: {}'s response took {} from {} to {}.</li>\n", c.step + 1, escape(c.calmerName),
                               escape(c.calmedName), c.before, c.after);
        out += "</ul>\n";
    }
    if (!d.topPatterns.empty()) {
        out += "<h2>Patterns that mattered most</h2>\n<ul>\n";
        for (const PatternCount& pc : d.topPatterns)
            out += fmt::format("<li><strong>{}</strong> ({}, {} time{}). {}</li>\n", escape(pc.pattern->title),
                               name(pc.pattern->style), pc.count, pc.count == 1 ? "" : "s", escape(pc.pattern->instead));
        out += "</ul>\n";
    }
    out += "<h2>Going forward</h2>\n<ul>\n";
    for (const PersonSummary& p : d.people)
        if (p.decisions() > 0)
            out += fmt::format("<li><strong>{}</strong>: {}<br>A strength to keep: {}<br>To practise next: {}</li>\n",
                               escape(p.name), styleCounts(p.styles), escape(p.strength), escape(p.practise));
    out += "</ul>\n";
    if (!d.replay.empty()) {
        out += "<h2>Worth replaying</h2>\n<ul>\n";
        for (const Moment& m : d.replay)
            out += fmt::format("<li>{} chose &ldquo;{}&rdquo;; a secure option was &ldquo;{}&rdquo;.</li>\n", escape(m.roleName),
                               escape(m.chosen), escape(m.secureText));
        out += "</ul>\n";
    }
    out += "<p class=\"note\">Attune is practice, not therapy. This report is yours to keep or to bring to someone you trust.</p>\n";
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace attune::feedback
