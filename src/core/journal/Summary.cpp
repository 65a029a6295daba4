#include "core/journal/Summary.hpp"

#include "core/feedback/Practice.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <chrono>
#include <map>
#include <sstream>

namespace attune::summary {
namespace {

std::string plural(int n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }
std::string times(int n) { return n == 1 ? "once" : n == 2 ? "twice" : fmt::format("{} times", n); }

int percent(int part, int whole) { return whole > 0 ? static_cast<int>(std::lround(100.0 * part / whole)) : 0; }

std::string oneDecimal(double v) { return fmt::format("{:.1f}", v); }

}  // namespace

Summary summarise(const Journal::Report& r, const std::string& profile, const PatternLibrary* patterns,
                  const TitleOf& titleOf) {
    Summary s;
    s.title = profile.empty() ? "Your practice so far" : fmt::format("{}'s practice so far", profile);
    s.empty = r.playthroughs == 0 && r.practiceDays == 0 && r.reflections == 0;
    if (s.empty) {
        s.sections.push_back({"glance",
                              "",
                              {"Nothing in the journal yet. Your practice shows here once you have played a "
                               "scenario or taken a practice from the toolbox."}});
        return s;
    }
    const auto title = [&](const std::string& id) { return titleOf ? titleOf(id) : id; };

    s.sections.push_back(
        {"glance",
         "",
         {fmt::format("{} ({} finished) of {}; {} found; {} of practice.",
                      plural(r.playthroughs, "playthrough", "playthroughs"), r.finished,
                      plural(r.scenarios, "scenario", "scenarios"), plural(r.endingsFound, "ending", "endings"),
                      plural(r.practiceDays, "day", "days"))}});

    // Secure choices by theme: the week-by-week shares for the chart; in words, the whole
    // record and its two halves.
    const auto weekOf = [](const std::string& period) {
        return period.size() >= 10 ? period.substr(period.size() - 10) : period;
    };
    for (const auto& sh : r.secureByTheme) {
        const std::string week = weekOf(sh.period);
        if (std::find(s.weeks.begin(), s.weeks.end(), week) == s.weeks.end()) s.weeks.push_back(week);
    }
    std::sort(s.weeks.begin(), s.weeks.end());
    // Every week from the first to the last, so the chart spaces them as time went (a week
    // without play takes its room; the line joins the weeks with play across it).
    if (s.weeks.size() > 1) {
        const auto day = [](const std::string& d) {
            std::istringstream in(d);
            std::chrono::year_month_day ymd{};
            int y = 0;
            unsigned m = 0, dd = 0;
            char dash1 = 0, dash2 = 0;
            in >> y >> dash1 >> m >> dash2 >> dd;
            ymd = std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{dd};
            return std::chrono::sys_days{ymd};
        };
        const auto first = day(s.weeks.front()), last = day(s.weeks.back());
        std::vector<std::string> all;
        for (auto d = first; d <= last && all.size() < 520; d += std::chrono::days{7}) {
            const std::chrono::year_month_day ymd{d};
            all.push_back(fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())));
        }
        if (!all.empty() && all.back() == s.weeks.back()) s.weeks = std::move(all);
    }
    Section themes{"themes", "Secure choices, by theme", {}};
    for (Theme t : kThemes) {
        Trend tr{name(t), std::vector<int>(s.weeks.size(), -1)};
        int secure = 0, total = 0;
        for (const auto& sh : r.secureByTheme) {
            if (sh.theme != tr.theme || sh.total == 0) continue;
            const auto w = std::find(s.weeks.begin(), s.weeks.end(), weekOf(sh.period));
            tr.percent[static_cast<std::size_t>(w - s.weeks.begin())] = percent(sh.secure, sh.total);
            secure += sh.secure;
            total += sh.total;
        }
        if (total == 0) continue;
        std::string line = fmt::format("{}: {} of {} secure ({}%)", text::capitalFirst(tr.theme), secure,
                                       plural(total, "choice", "choices"), percent(secure, total));
        // Before the last four weeks against within them, when both hold choices of this theme.
        for (const auto& h : r.themeHalves)
            if (h.theme == tr.theme && h.earlier > 0 && h.recent > 0)
                line += fmt::format("; {}% before {}, {}% since", percent(h.earlierSecure, h.earlier), r.recentFrom,
                                    percent(h.recentSecure, h.recent));
        themes.lines.push_back(line + ".");
        s.trends.push_back(std::move(tr));
    }
    if (!themes.lines.empty()) s.sections.push_back(std::move(themes));

    if (!r.patterns.empty()) {
        Section pt{"patterns", "The patterns that came up most", {}};
        const bool halves = r.earlierDecisions > 0 && r.recentDecisions > 0;
        for (const auto& p : r.patterns) {
            const Pattern* known = patterns ? patterns->find(p.id) : nullptr;
            std::string line = fmt::format("{}: {}", known ? known->title : p.id, times(p.count));
            if (halves)
                line +=
                    fmt::format("; {}% of your choices before {}, {}% since", percent(p.earlier, r.earlierDecisions),
                                r.recentFrom, percent(p.recent, r.recentDecisions));
            pt.lines.push_back(line + ".");
        }
        // What the note says depends on what came up: skills, protective strategies, or both.
        int skills = 0, strategies = 0;
        for (const auto& p : r.patterns)
            if (const Pattern* known = patterns ? patterns->find(p.id) : nullptr)
                ++(known->style == Style::Secure ? skills : strategies);
        pt.note =
            strategies == 0 && skills > 0 ? "These are secure skills: the ones you reach for most are the ones to keep."
            : skills == 0 ? "Each of these is a way of protecting something that matters. Noticing one as it "
                            "happens is the practice."
                          : "The secure ones are skills to keep. The others are ways of protecting something that "
                            "matters; noticing one as it happens is the practice.";
        s.sections.push_back(std::move(pt));
    }

    const auto& c = r.checkins;
    if (c.before > 0 || c.after > 0) {
        Section ck{"checkins", "Check-ins: how activated you felt, 0 to 10", {}};
        if (c.before > 0)
            ck.lines.push_back(fmt::format("Before a scenario: {} on average, over {}.", oneDecimal(c.meanBefore),
                                           plural(c.before, "check-in", "check-ins")));
        if (c.after > 0)
            ck.lines.push_back(fmt::format("After one: {} on average, over {}.", oneDecimal(c.meanAfter),
                                           plural(c.after, "check-in", "check-ins")));
        if (c.pairs > 0) {
            const double d = c.meanChange;
            const std::string how = std::fabs(d) < 0.05 ? "stayed where it was"
                                    : d < 0             ? fmt::format("came down by {}", oneDecimal(-d))
                                                        : fmt::format("went up by {}", oneDecimal(d));
            ck.lines.push_back(c.pairs == 1 ? fmt::format("In the playthrough with both, activation {}.", how)
                                            : fmt::format("In the {} playthroughs with both, activation {} on average.",
                                                          c.pairs, how));
        }
        s.sections.push_back(std::move(ck));
    }

    if (!r.practices.empty()) {
        Section pr{"practices", "Regulation practices", {}};
        for (const auto& [id, n] : r.practices)
            pr.lines.push_back(
                fmt::format("{}: {}.", feedback::practice(id).id == id ? feedback::practice(id).name : id, times(n)));
        s.sections.push_back(std::move(pr));
    }

    if (!r.notes.empty()) {
        Section nt{"notes",
                   r.reflections > static_cast<int>(r.notes.size())
                       ? fmt::format("Your notes (the newest {} of {})", r.notes.size(), r.reflections)
                       : std::string("Your notes"),
                   {}};
        for (const auto& n : r.notes) {
            std::vector<std::string> parts;
            if (!n.noticed.empty()) parts.push_back("noticed: " + n.noticed);
            if (!n.needed.empty()) parts.push_back("needed: " + n.needed);
            nt.lines.push_back(fmt::format("{}{}: {}", n.at, n.scenario.empty() ? "" : ", " + title(n.scenario),
                                           text::join(parts, "; ")));
        }
        s.sections.push_back(std::move(nt));
    }

    s.sections.push_back(
        {"lens",
         "",
         {"The styles are lenses on choices made in a story, not a diagnosis of you. Attune is practice, "
          "not therapy."}});
    return s;
}

std::string text(const Summary& s, std::size_t width) {
    std::string out = s.title + "\n";
    for (const Section& sec : s.sections) {
        const bool list = sec.id != "glance" && sec.id != "lens";
        out += "\n";
        if (!sec.heading.empty()) out += sec.heading + "\n";
        for (const std::string& l : sec.lines) {
            const auto rows = text::wrap(l, width - 4);
            for (std::size_t i = 0; i < rows.size(); ++i) out += (list ? (i ? "    " : "  - ") : "  ") + rows[i] + "\n";
        }
        if (!sec.note.empty())
            for (const std::string& row : text::wrap(sec.note, width - 2)) out += "  " + row + "\n";
    }
    return out;
}

namespace {
constexpr const char* kThemeColours[] = {"#c4603c", "#3c78c4", "#8a5cb8", "#3f8f5a", "#b8862f"};

std::string chartSvg(const Summary& s) {
    if (s.weeks.empty()) return "";
    const int w = 720, h = 280, left = 48, right = 16, top = 16, bottom = 60;
    const int plotW = w - left - right, plotH = h - top - bottom;
    const auto n = static_cast<int>(s.weeks.size());
    const auto x = [&](int i) { return left + (n == 1 ? plotW / 2.0 : static_cast<double>(plotW) * i / (n - 1)); };
    const auto y = [&](int v) { return top + plotH * (100 - v) / 100.0; };
    std::string out = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
        "aria-label=\"The share of secure choices in each theme, week by week\">\n",
        w, h, w, h);
    for (int v : {0, 25, 50, 75, 100}) {
        out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#e4ddd5\"/>\n", left, y(v),
                           left + plotW, y(v));
        out +=
            fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{}%</text>\n",
                        left - 6, y(v) + 4, v);
    }
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" fill=\"#555\">week of {}</text>\n",
                       x(0) - (n == 1 ? 40 : 0), top + plotH + 16, s.weeks.front());
    if (n > 1)
        out += fmt::format(
            "<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">week of {}</text>\n",
            x(n - 1), top + plotH + 16, s.weeks.back());
    for (std::size_t t = 0; t < s.trends.size(); ++t) {
        const Trend& tr = s.trends[t];
        const char* colour = kThemeColours[t % 5];
        for (Theme th : kThemes)
            if (tr.theme == name(th)) colour = kThemeColours[static_cast<std::size_t>(th)];
        std::string pts;
        for (int i = 0; i < n; ++i)
            if (tr.percent[static_cast<std::size_t>(i)] >= 0)
                pts += fmt::format("{}{:.1f},{:.1f}", pts.empty() ? "" : " ", x(i),
                                   y(tr.percent[static_cast<std::size_t>(i)]));
        out += fmt::format(
            "<polyline data-theme=\"{}\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>\n",
            text::escapeHtml(tr.theme), pts, colour);
        for (int i = 0; i < n; ++i)
            if (const int v = tr.percent[static_cast<std::size_t>(i)]; v >= 0)
                out += fmt::format(
                    "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"><title>{}, week of {}: {}% "
                    "secure</title></circle>\n",
                    x(i), y(v), colour, text::escapeHtml(tr.theme), s.weeks[static_cast<std::size_t>(i)], v);
        out += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" "
            "font-size=\"12\" fill=\"#2b2b2b\">{}</text>\n",
            left + 120 * static_cast<int>(t), h - 22, colour, left + 14 + 120 * static_cast<int>(t), h - 13,
            text::escapeHtml(tr.theme));
    }
    return out + "</svg>\n";
}
}  // namespace

std::string html(const Summary& s) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n"
        "<style>\nbody {{ font-family: 'DejaVu Sans', sans-serif; max-width: 780px; margin: 2em auto; padding: 0 1em; "
        "color: #2b2b2b; background: #fbf8f4; line-height: 1.5; }}\nh1, h2 {{ color: #4a3b33; }}\n"
        ".note {{ color: #6b625b; font-size: 0.9em; }}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        text::escapeHtml(s.title), text::escapeHtml(s.title));
    for (const Section& sec : s.sections) {
        const bool list = sec.id != "glance" && sec.id != "lens";
        if (!sec.heading.empty()) out += fmt::format("<h2>{}</h2>\n", text::escapeHtml(sec.heading));
        if (sec.id == "themes") out += chartSvg(s);
        if (list) out += "<ul>\n";
        for (const std::string& l : sec.lines)
            out += list ? fmt::format("<li>{}</li>\n", text::escapeHtml(l))
                        : fmt::format("<p{}>{}</p>\n", sec.id == "lens" ? " class=\"note\"" : "", text::escapeHtml(l));
        if (list) out += "</ul>\n";
        if (!sec.note.empty()) out += fmt::format("<p class=\"note\">{}</p>\n", text::escapeHtml(sec.note));
    }
    out +=
        "<p class=\"note\">Written by Attune from your own journal, on your own machine. It is yours to keep, to "
        "share with someone you trust, or to delete.</p>\n</body>\n</html>\n";
    return out;
}

}  // namespace attune::summary
