#include "core/feedback/Feedback.hpp"
#include "core/util/Text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace attune::feedback {
namespace {

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
    s += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#f6ddd5\"/>\n", left, y(hi),
                     plotW, y(70) - y(hi));
    s += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#e2f0df\"/>\n", left, y(70),
                     plotW, y(30) - y(70));
    s += fmt::format("<rect x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"#dfe4f0\"/>\n", left, y(30),
                     plotW, y(lo) - y(30));
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#7a4a3a\">fight or flight</text>\n", left + 6,
                     y(hi) + 13);
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#3f6a3a\">window of tolerance</text>\n",
                     left + 6, y(70) + 13);
    s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#3a4a7a\">shutdown</text>\n", left + 6,
                     y(30) + 13);
    for (int v : {lo, 30, 70, hi})
        s += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{}</text>\n",
                         left - 6, y(v) + 4, v);
    s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">steps</text>\n",
                     left + plotW / 2, h - 8);
    for (std::size_t a = 0; a < d.arcs.size(); ++a) {
        const Arc& arc = d.arcs[a];
        const char* colour = kArcColours[a % 2];
        std::string pts;
        for (std::size_t i = 0; i < arc.values.size(); ++i)
            pts += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", x(static_cast<int>(i)), y(arc.values[i]));
        s += fmt::format(
            "<polyline class=\"arc\" data-role=\"{}\" points=\"{}\" fill=\"none\" stroke=\"{}\" "
            "stroke-width=\"2.5\"/>\n",
            text::escapeHtml(arc.role), pts, colour);
        for (std::size_t i = 0; i < arc.values.size(); ++i)
            s += fmt::format(
                "<circle class=\"point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"><title>{}, step {}: "
                "{}</title></circle>\n",
                x(static_cast<int>(i)), y(arc.values[i]), colour, text::escapeHtml(arc.name), i + 1, arc.values[i]);
        s += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{}\">{}</text>\n", w - right - 150,
                         top + 16 + 16 * static_cast<int>(a), colour, text::escapeHtml(arc.name));
    }
    s += "</svg>\n";
    return s;
}

}  // namespace

std::string reportMarkdown(const Debrief& d) {
    std::string out = fmt::format("# {}: looking back\n", d.scenarioTitle);
    for (const Section& sec : d.sections) {
        out += sec.heading.empty() ? "\n" : fmt::format("\n## {}\n\n", sec.heading);
        for (const Line& l : sec.lines) out += sec.list ? "- " + l.text + "\n" : l.text + "\n\n";
        if (!sec.list && !sec.lines.empty()) out.pop_back();
    }
    out += "\n---\nAttune is practice, not therapy. This report is yours to keep or to bring to someone you trust.\n";
    return out;
}

std::string reportHtml(const Debrief& d) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}: looking back</title>\n"
        "<style>\nbody {{ font-family: 'DejaVu Sans', sans-serif; max-width: 780px; margin: 2em auto; padding: 0 1em; "
        "color: #2b2b2b; background: #fbf8f4; line-height: 1.5; }}\nh1, h2 {{ color: #4a3b33; }}\n"
        ".note {{ color: #6b625b; font-size: 0.9em; }}\n</style>\n</head>\n<body>\n",
        text::escapeHtml(d.scenarioTitle));
    out += fmt::format("<h1>{}: looking back</h1>\n", text::escapeHtml(d.scenarioTitle));
    for (const Section& sec : d.sections) {
        if (!sec.heading.empty()) out += fmt::format("<h2>{}</h2>\n", text::escapeHtml(sec.heading));
        if (sec.id == "arcs") out += arcSvg(d);
        const char* cls = sec.id == "lens" ? " class=\"note\"" : "";
        if (sec.list) out += "<ul>\n";
        for (const Line& l : sec.lines)
            out += sec.list ? fmt::format("<li>{}</li>\n", text::escapeHtml(l.text))
                            : fmt::format("<p{}>{}</p>\n", cls, text::escapeHtml(l.text));
        if (sec.list) out += "</ul>\n";
    }
    out +=
        "<p class=\"note\">Attune is practice, not therapy. This report is yours to keep or to bring to someone you "
        "trust.</p>\n";
    out += "</body>\n</html>\n";
    return out;
}

std::string reportJson(const Debrief& d) {
    using nlohmann::json;
    json j;
    j["format"] = 1;
    j["scenario"] = {{"id", d.scenarioId}, {"title", d.scenarioTitle}};
    j["ending"] =
        d.ended() ? json{{"id", d.endingNode}, {"kind", name(d.endingKind)}, {"title", d.endingTitle}} : json(nullptr);
    j["reached_best"] = d.reachedBest;
    json steps = json::array();
    for (const StepRecord& r : d.stepLog) {
        json m = json::object();
        for (const auto& [k, v] : r.meters) m[k] = v;
        steps.push_back({{"node", r.node},
                         {"by", r.by.empty() ? json(nullptr) : json(r.by)},
                         {"choice", r.choice.empty() ? json(nullptr) : json(r.choice)},
                         {"style", r.style ? json(name(*r.style)) : json(nullptr)},
                         {"pattern", r.pattern.empty() ? json(nullptr) : json(r.pattern)},
                         {"meters", m}});
    }
    j["steps"] = steps;
    json arcs = json::object();
    for (const Arc& a : d.arcs) arcs[a.role] = a.values;
    j["arcs"] = arcs;
    json co = json::array();
    for (const CoRegulation& c : d.coRegulation)
        co.push_back({{"step", c.step + 1},
                      {"by", c.calmer},
                      {"helped", c.calmed},
                      {"from", c.before},
                      {"to", c.after},
                      {"choice", c.choice}});
    j["coregulation"] = co;
    json strengths = json::object(), practice = json::object();
    for (const PersonSummary& p : d.people) {
        if (p.decisions() == 0) continue;
        strengths[p.role] = text::join(p.strengths, "\n");
        practice[p.role] = p.practise;
    }
    j["strengths"] = strengths;
    j["practice"] = practice;
    json replay = json::array();
    for (const Moment& m : d.replay)
        replay.push_back(
            {{"step", m.step + 1}, {"by", m.role}, {"node", m.node}, {"chosen", m.chosen}, {"secure", m.secureText}});
    j["replay"] = replay;
    json shutdowns = json::array();
    for (const StateNote& n : d.shutdowns)
        shutdowns.push_back({{"step", n.step + 1}, {"role", n.role}, {"from", n.before}, {"to", n.after}});
    j["shutdowns"] = shutdowns;
    if (d.cycle) {
        json rounds = json::array();
        for (const auto& [a, b] : d.cycle->rounds) rounds.push_back({a + 1, b + 1});
        j["cycle"] = {{"pursuer", d.cycle->pursuer}, {"withdrawer", d.cycle->withdrawer}, {"rounds", rounds}};
    } else {
        j["cycle"] = nullptr;
    }
    if (!d.table.empty()) {
        json people = json::array();
        for (const Person& p : d.table) people.push_back({{"name", p.name}, {"role", p.role}});
        json mirror = json::array();
        for (const Reveal& r : d.mirror)
            mirror.push_back({{"step", r.step + 1},
                              {"role", r.role},
                              {"owner",
                               {{"person", r.ownerPerson},
                                {"choice", r.owner.text},
                                {"style", r.owner.style ? json(name(*r.owner.style)) : json(nullptr)}}},
                              {"other",
                               {{"person", r.otherPerson},
                                {"choice", r.other.text},
                                {"style", r.other.style ? json(name(*r.other.style)) : json(nullptr)}}},
                              {"alike", r.alike}});
        j["together"] = {{"mode", name(d.mode)}, {"people", people}, {"mirror", mirror}};
    } else {
        j["together"] = nullptr;
    }
    json sections = json::array();
    for (const Section& sec : d.sections) {
        json lines = json::array();
        for (const Line& l : sec.lines)
            lines.push_back(l.role.empty() ? json{{"text", l.text}} : json{{"text", l.text}, {"role", l.role}});
        sections.push_back({{"id", sec.id}, {"heading", sec.heading}, {"list", sec.list}, {"lines", lines}});
    }
    j["sections"] = sections;
    return j.dump(2) + "\n";
}

}  // namespace attune::feedback
