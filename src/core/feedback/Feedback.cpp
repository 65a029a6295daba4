#include "core/feedback/Feedback.hpp"
#include "core/util/Text.hpp"

#include <fmt/format.h>

namespace attune::feedback {
namespace {
std::size_t u(int i) { return static_cast<std::size_t>(i); }

}  // namespace

const char* name(Coaching c) {
    switch (c) {
        case Coaching::Immediate:
            return "immediate";
        case Coaching::AtEnd:
            return "end";
        case Coaching::Off:
            return "off";
    }
    return "immediate";
}

std::optional<Coaching> parseCoaching(std::string_view s) {
    for (Coaching c : {Coaching::Immediate, Coaching::AtEnd, Coaching::Off})
        if (s == name(c)) return c;
    return std::nullopt;
}

const char* name(Zone z) {
    switch (z) {
        case Zone::Below:
            return "below the window (shutdown)";
        case Zone::Inside:
            return "inside the window";
        case Zone::Above:
            return "above the window (fight or flight)";
    }
    return "";
}

std::string ChoiceFeedback::headline() const {
    const std::string st = style ? text::capitalFirst(attune::name(*style)) : std::string("A choice");
    if (pattern) return fmt::format("{}: {}", st, pattern->title);
    if (style == Style::Secure) return "Secure";
    return st;
}

namespace {
/// What a choice is, from the chooser's state at history step `step`: its words, style,
/// pattern, the body for the zone they were in, and the secure options shown beside it.
/// Meter changes are the caller's: only a choice that was played has any.
ChoiceFeedback describe(const Session& s, const PatternLibrary& lib, int step, int choice, const std::string& role) {
    const Scenario& sc = s.scenario();
    const Step& st = s.history().at(u(step));
    ChoiceFeedback f;
    f.step = step;
    f.node = st.node;
    f.choice = choice;
    f.role = role;
    f.byDefault = st.byDefault;
    if (const Role* r = sc.role(role)) f.roleName = r->name;
    const Node& n = sc.nodes[u(st.node)];
    if (choice < 0 || u(choice) >= n.choices.size()) return f;
    const Choice& c = n.choices[u(choice)];
    f.text = sc.substitute(c.text);
    f.style = c.style;
    f.theme = c.theme;
    if (!c.pattern.empty()) f.pattern = lib.resolve(sc, c.pattern);
    if (!f.theme && f.pattern && !f.pattern->themes.empty()) f.theme = f.pattern->themes.front();
    f.why = sc.substitute(c.why);
    if (const int m = sc.arousalMeter(role); m >= 0) {
        f.arousal = st.metersOnEntry[u(m)];  // as they chose: the state the choice was made from
        f.zone = zoneOf(f.arousal);
    }
    // The body text for the zone the chooser is in now, so the card never contradicts the meter.
    if (f.pattern) f.body = sc.substitute(f.pattern->bodyFor(f.zone.value_or(Zone::Inside)));
    if (c.style && *c.style != Style::Secure) {
        // Secure options that were shown at that moment; the breathing pause goes last,
        // since the words themselves are what the player is practising.
        std::vector<Alternative> breathe;
        for (int i : st.offered) {
            const Choice& alt = n.choices[u(i)];
            if (i == choice || alt.style != Style::Secure) continue;
            Alternative a{i, sc.substitute(alt.text), alt.pattern.empty() ? nullptr : lib.resolve(sc, alt.pattern)};
            (alt.breathe ? breathe : f.secureAlternatives).push_back(a);
        }
        f.secureAlternatives.insert(f.secureAlternatives.end(), breathe.begin(), breathe.end());
    }
    return f;
}
}  // namespace

ChoiceFeedback explain(const Session& s, const PatternLibrary& lib, int step) {
    const Scenario& sc = s.scenario();
    const Step& st = s.history().at(u(step));
    ChoiceFeedback f = describe(s, lib, step, st.choice, st.role);
    if (st.choice < 0) return f;
    for (std::size_t m = 0; m < sc.meters.size(); ++m) {
        if (st.metersAfter[m] == st.metersOnEntry[m] || !sc.meters[m].show) continue;
        const Meter& meter = sc.meters[m];
        f.changes.push_back(
            {static_cast<int>(m), meter.label, meter.kind, meter.role, st.metersOnEntry[m], st.metersAfter[m]});
    }
    return f;
}

ChoiceFeedback explainAsIf(const Session& s, const PatternLibrary& lib, int step, int choice) {
    const Step& st = s.history().at(u(step));
    ChoiceFeedback f = describe(s, lib, step, choice, st.role.empty() ? s.scenario().nodes[u(st.node)].by : st.role);
    f.byDefault = false;  // a person's answer, even where the story took a default
    return f;
}

std::vector<ChoiceFeedback> explainAll(const Session& s, const PatternLibrary& lib) {
    std::vector<ChoiceFeedback> out;
    for (std::size_t i = 0; i < s.history().size(); ++i)
        if (s.history()[i].choice >= 0) out.push_back(explain(s, lib, static_cast<int>(i)));
    return out;
}

}  // namespace attune::feedback
