#include "core/feedback/Feedback.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace attune::feedback {
namespace {

std::size_t u(int i) { return static_cast<std::size_t>(i); }

int rank(EndingKind k) { return k == EndingKind::Secure ? 2 : k == EndingKind::Mixed ? 1 : 0; }

bool usedPattern(const PersonSummary& p, std::initializer_list<std::string_view> ids, const ChoiceFeedback** which) {
    for (const ChoiceFeedback& c : p.choices)
        if (c.style == Style::Secure && c.pattern)
            for (auto id : ids)
                if (c.pattern->id == id) {
                    *which = &c;
                    return true;
                }
    return false;
}

std::string otherName(const Scenario& sc, const std::string& role) {
    for (const Role& r : sc.roles)
        if (r.id != role) return r.name;
    return "your partner";
}

/// A strength the choices showed, named concretely and kindly.
std::string strengthFor(const Scenario& sc, const PersonSummary& p, const Session& s) {
    const ChoiceFeedback* c = nullptr;
    const std::string other = otherName(sc, p.role);
    if (usedPattern(p, {"validating-partner", "co-regulation", "curious-question", "appreciation", "accepting-influence"}, &c)) {
        // The scenario's player is the one practising with an anxious attachment; the partner may not be.
        if (p.role == sc.player)
            return fmt::format(
                "You tuned in to {}: “{}” People who know the pull of anxious attachment are often finely attuned to "
                "others. Steadied, that attunement is a gift to both of you.",
                other, c->text);
        return fmt::format("You tuned in to {}: “{}” Being met like that helps a worried nervous system "
                           "settle, and lets {} know those feelings are welcome.",
                           other, c->text, other);
    }
    if (usedPattern(p, {"self-soothing-pause", "break-and-return"}, &c))
        return "You gave your body a pause before you answered. That gap between the alarm and the words is the "
               "whole skill in small, and you found it in the moment.";
    if (usedPattern(p, {"repair-attempt", "taking-responsibility"}, &c))
        return fmt::format("After things went sideways you reached back toward {}: “{}” Repair matters more than "
                           "never slipping.",
                           other, c->text);
    if (usedPattern(p, {"name-the-need", "clear-request", "gentle-start-up", "warm-boundary", "self-compassion",
                        "trusting-the-bond"},
                    &c))
        return fmt::format("You said what was true for you, plainly: “{}” Saying a need out loud, without a "
                           "weapon attached, is how it gets met.",
                           c->text);
    if (p.styles[0] > 0)
        return fmt::format("You found a secure response at {} of your {} choices, even with your nervous system "
                           "stirred up.",
                           p.styles[0], p.decisions());
    (void)s;
    return "You stayed with a hard moment all the way to the end, and now you are looking back at it with curiosity. "
           "Noticing is where every change starts.";
}

/// One concrete thing to practise next: the most frequent non-secure pattern's secure alternative.
std::string practiseFor(const Scenario& sc, const PersonSummary& p) {
    std::map<const Pattern*, int> counts;
    const Pattern* top = nullptr;
    for (const ChoiceFeedback& c : p.choices)
        if (c.style != Style::Secure && c.pattern) {
            const int n = ++counts[c.pattern];
            if (!top || n > counts[top]) top = c.pattern;
        }
    if (top)
        return fmt::format("Watch for this one: {}. When you notice it starting, try this instead: {}",
                           text::lowerFirst(top->title), top->instead);
    for (const ChoiceFeedback& c : p.choices)
        if (c.style && *c.style != Style::Secure && !c.secureAlternatives.empty())
            return fmt::format("Go back to the moment you said “{}” and try “{}”. Notice how it feels to say.",
                               c.text, c.secureAlternatives.front().text);
    if (sc.difficulty < 3)
        return "Your choices were secure throughout. Try a scenario one step harder, or play the other role to feel "
               "the same moment from the other side.";
    return fmt::format("Your choices were secure throughout. Try playing {}'s side, to feel how the same moment "
                       "lands from there.",
                       otherName(sc, p.role));
}

}  // namespace

std::string zoneSummary(const Arc& a) {
    return fmt::format("{} inside the window, {} above, {} below", a.zoneSteps[1] == 1 ? "1 step" : std::to_string(a.zoneSteps[1]) + " steps",
                       a.zoneSteps[2], a.zoneSteps[0]);
}

Debrief debrief(const Session& s, const PatternLibrary& lib) {
    const Scenario& sc = s.scenario();
    Debrief d;
    d.scenarioTitle = sc.title;
    d.steps = static_cast<int>(s.history().size());
    if (s.state() == Session::State::Ending) {
        d.endingNode = s.node().id;
        d.endingTitle = sc.substitute(s.node().ending->title);
        d.endingKind = s.node().ending->kind;
    }
    for (const Node& n : sc.nodes)
        if (n.isEnding() && (d.bestNode.empty() || rank(n.ending->kind) > rank(d.bestKind))) {
            d.bestNode = n.id;
            d.bestTitle = sc.substitute(n.ending->title);
            d.bestKind = n.ending->kind;
        }
    d.reachedBest = !d.endingNode.empty() && rank(d.endingKind) >= rank(d.bestKind);

    const auto all = explainAll(s, lib);
    std::vector<std::string> order{sc.player};
    for (const Role& r : sc.roles)
        if (r.id != sc.player && s.isPlayed(r.id)) order.push_back(r.id);
    for (const std::string& role : order) {
        PersonSummary p;
        p.role = role;
        if (const Role* r = sc.role(role)) p.name = r->name;
        for (const ChoiceFeedback& c : all) {
            if (c.role != role || c.byDefault || !c.style) continue;
            p.choices.push_back(c);
            ++p.styles[static_cast<std::size_t>(*c.style)];
            if (c.theme) ++p.byTheme[static_cast<std::size_t>(*c.theme)][static_cast<std::size_t>(*c.style)];
        }
        if (p.decisions() > 0) {  // nothing to say about choices nobody made
            p.strength = strengthFor(sc, p, s);
            p.practise = practiseFor(sc, p);
        }
        d.people.push_back(std::move(p));
    }
    if (!d.people.empty()) {
        d.strength = d.people.front().strength;
        d.practise = d.people.front().practise;
    }

    for (const Role& r : sc.roles) {
        const int m = sc.arousalMeter(r.id);
        if (m < 0) continue;
        Arc a{r.id, r.name, m, sc.meters[u(m)].min, sc.meters[u(m)].max, {}, {}};
        for (const Step& st : s.history()) {
            a.values.push_back(st.metersAfter[u(m)]);
            ++a.zoneSteps[static_cast<std::size_t>(zoneOf(st.metersAfter[u(m)]))];
        }
        d.arcs.push_back(std::move(a));
    }

    // Patterns that mattered most: the non-secure ones people reached for, by how often and
    // how much they raised the chooser's arousal; secure ones fill in when there are fewer.
    std::vector<PatternCount> counts;
    const auto bump = [&](const ChoiceFeedback& c) {
        auto it = std::find_if(counts.begin(), counts.end(), [&](const PatternCount& pc) { return pc.pattern == c.pattern; });
        if (it == counts.end()) it = counts.insert(counts.end(), PatternCount{c.pattern, 0, 0});
        ++it->count;
        const int m = sc.arousalMeter(c.role);
        for (const MeterChange& ch : c.changes)
            if (ch.meter == m && ch.delta() > 0) it->arousalRise += ch.delta();
    };
    for (const PersonSummary& p : d.people)
        for (const ChoiceFeedback& c : p.choices)
            if (c.pattern && c.style != Style::Secure) bump(c);
    std::stable_sort(counts.begin(), counts.end(), [](const PatternCount& a, const PatternCount& b) {
        return a.count != b.count ? a.count > b.count : a.arousalRise > b.arousalRise;
    });
    const std::size_t insecure = counts.size();
    for (const PersonSummary& p : d.people)
        for (const ChoiceFeedback& c : p.choices)
            if (c.pattern && c.style == Style::Secure) bump(c);
    std::stable_sort(counts.begin() + static_cast<std::ptrdiff_t>(insecure), counts.end(),
                     [](const PatternCount& a, const PatternCount& b) { return a.count > b.count; });
    counts.resize(std::min<std::size_t>(3, counts.size()));
    d.topPatterns = counts;

    for (const PersonSummary& p : d.people)
        for (const ChoiceFeedback& c : p.choices)
            if (c.style != Style::Secure && !c.secureAlternatives.empty())
                d.replay.push_back({c.step, p.role, p.name, sc.nodes[u(c.node)].id, c.text, c.secureAlternatives.front().text});
    std::sort(d.replay.begin(), d.replay.end(), [](const Moment& a, const Moment& b) { return a.step < b.step; });

    for (const ChoiceFeedback& c : all) {
        if (c.style != Style::Secure || c.byDefault) continue;  // a person's own regulation, not the story's
        const Step& st = s.history()[u(c.step)];
        for (const Role& r : sc.roles) {
            const int m = sc.arousalMeter(r.id);
            if (r.id == c.role || m < 0 || st.metersAfter[u(m)] >= st.metersOnEntry[u(m)]) continue;
            d.coRegulation.push_back({c.step, c.role, c.roleName, r.id, r.name, st.metersOnEntry[u(m)], st.metersAfter[u(m)]});
        }
    }
    return d;
}

// ---- plain text for the terminal -------------------------------------------------------------

namespace {

void para(std::string& out, std::string_view label, std::string_view body, std::size_t width, std::string_view indent = "  ") {
    if (body.empty()) return;
    if (text::codePoints(label) > 22) {  // a long label reads better on its own line
        std::string_view l = label;
        while (!l.empty() && l.back() == ' ') l.remove_suffix(1);
        out += std::string(indent) + std::string(l) + '\n';
        para(out, "", body, width, std::string(indent) + "  ");
        return;
    }
    const std::string first = std::string(indent) + std::string(label);
    const auto lines = text::wrap(body, width > first.size() + 20 ? width - text::codePoints(first) : 20);
    const std::string pad(text::codePoints(first), ' ');
    for (std::size_t i = 0; i < lines.size(); ++i) out += (i == 0 ? first : pad) + lines[i] + '\n';
}


std::string changesLine(const std::vector<MeterChange>& changes) {
    std::vector<std::string> parts;
    for (const MeterChange& c : changes)
        parts.push_back(fmt::format("{} {} -> {} ({:+})", c.label, c.before, c.after, c.delta()));
    return text::join(parts, "; ");
}

std::string styleCounts(const std::array<int, 4>& st) {
    std::vector<std::string> parts;
    for (Style s : kStyles)
        if (st[static_cast<std::size_t>(s)] > 0) parts.push_back(fmt::format("{} {}", st[static_cast<std::size_t>(s)], name(s)));
    return parts.empty() ? "no choices" : text::join(parts);
}

}  // namespace

std::string cardText(const ChoiceFeedback& f, std::size_t width) {
    std::string out = fmt::format("\n  -- {} --\n", f.headline());
    const Pattern* p = f.pattern;
    if (f.style == Style::Secure) {
        if (p) para(out, "The skill: ", p->what, width);
        para(out, "Note: ", f.why, width);
        if (p) para(out, "In the body: ", p->body, width);
    } else {
        if (p) para(out, "What it is: ", p->what, width);
        para(out, "In this moment: ", f.why, width);
        if (p) para(out, "The need underneath: ", p->need, width);
        if (p) para(out, "In the body: ", p->body, width);
        if (p) para(out, "Instead: ", p->instead, width);
    }
    if (!f.changes.empty()) para(out, "Meters: ", changesLine(f.changes), width);
    if (!f.secureAlternatives.empty())
        para(out, "A secure option here: ", "\"" + f.secureAlternatives.front().text + "\"", width);
    return out;
}

std::string debriefText(const Debrief& d, std::size_t width) {
    std::string out = "\n== Looking back ==\n";
    if (!d.endingNode.empty()) {
        if (d.reachedBest)
            para(out, "", fmt::format("You reached \"{}\", the warmest ending this story has.", d.endingTitle), width);
        else
            para(out, "",
                 fmt::format("You reached \"{}\" ({}). This story also has a {} ending, \"{}\": worth another try "
                             "when you feel ready.",
                             d.endingTitle, name(d.endingKind), name(d.bestKind), d.bestTitle),
                 width);
    }
    for (const PersonSummary& p : d.people) {
        out += fmt::format("\n  {}: {}\n", p.name, p.decisions() ? styleCounts(p.styles) : "no choices to make this time");
        for (Theme t : kThemes) {
            const auto& row = p.byTheme[static_cast<std::size_t>(t)];
            if (row[0] + row[1] + row[2] + row[3] > 0) out += fmt::format("    {}: {}\n", name(t), styleCounts(row));
        }
    }
    if (!d.arcs.empty()) out += "\n  The nervous system, step by step (the window of tolerance is 30 to 70):\n";
    for (const Arc& a : d.arcs) {
        std::vector<std::string> vals;
        for (int v : a.values) vals.push_back(std::to_string(v));
        para(out, fmt::format("{}: ", a.name), text::join(vals, " "), width, "    ");
        out += "      " + zoneSummary(a) + '\n';
    }
    if (!d.coRegulation.empty()) {
        out += "\n  Moments when one of you helped the other settle:\n";
        for (const CoRegulation& c : d.coRegulation)
            para(out, "- ", fmt::format("step {}: {}'s response took {} from {} to {}.", c.step + 1, c.calmerName,
                                        c.calmedName, c.before, c.after),
                 width, "    ");
    }
    if (!d.topPatterns.empty()) {
        out += "\n  Patterns that mattered most:\n";
        for (const PatternCount& pc : d.topPatterns)
            para(out, "- ", fmt::format("{} ({}, {} time{}). {}", pc.pattern->title, name(pc.pattern->style), pc.count,
                                        pc.count == 1 ? "" : "s", pc.pattern->instead),
                 width, "    ");
    }
    for (const PersonSummary& p : d.people) {
        if (p.decisions() == 0) continue;
        out += '\n';
        const std::string who = d.people.size() > 1 ? p.name + ", a strength to keep: " : "A strength to keep: ";
        para(out, who, p.strength, width);
        para(out, d.people.size() > 1 ? p.name + ", to practise next: " : "To practise next: ", p.practise, width);
    }
    if (!d.replay.empty()) {
        out += "\n  Worth replaying:\n";
        for (const Moment& m : d.replay)
            para(out, "- ", fmt::format("{}{}chose \"{}\"; a secure option was \"{}\".", d.people.size() > 1 ? m.roleName : "",
                                        d.people.size() > 1 ? " " : "You ", m.chosen, m.secureText),
                 width, "    ");
    }
    return out;
}

}  // namespace attune::feedback
