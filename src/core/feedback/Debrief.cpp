#include "core/feedback/Feedback.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace attune::feedback {
namespace {

std::size_t u(int i) { return static_cast<std::size_t>(i); }

int rank(EndingKind k) { return k == EndingKind::Secure ? 2 : k == EndingKind::Mixed ? 1 : 0; }

std::string otherName(const Scenario& sc, const std::string& role) {
    for (const Role& r : sc.roles)
        if (r.id != role) return r.name;
    return "your partner";
}

std::string inQuotes(std::string_view s) { return fmt::format("“{}”", s); }

std::string times(int n) { return n == 1 ? "once" : n == 2 ? "twice" : fmt::format("{} times", n); }

/// The families of secure patterns a strength can be named from, in the order they are named.
struct Family {
    std::initializer_list<std::string_view> ids;
};
constexpr std::string_view kAttune[] = {"validating-partner", "co-regulation", "curious-question", "appreciation",
                                        "accepting-influence"};
constexpr std::string_view kRegulate[] = {"self-soothing-pause", "break-and-return", "orienting"};
constexpr std::string_view kRepair[] = {"repair-attempt", "taking-responsibility"};
constexpr std::string_view kVoice[] = {"name-the-need", "clear-request",   "gentle-start-up",
                                       "warm-boundary", "self-compassion", "trusting-the-bond"};

template <std::size_t N>
bool inFamily(const Pattern* p, const std::string_view (&ids)[N]) {
    return p && std::find(std::begin(ids), std::end(ids), p->id) != std::end(ids);
}

/// True when a non-secure choice (by anyone) came before this step: "after things went sideways".
bool afterRupture(const std::vector<ChoiceFeedback>& all, int step) {
    for (const ChoiceFeedback& c : all)
        if (c.step < step && c.style && *c.style != Style::Secure) return true;
    return false;
}

/// One sentence naming what one secure choice showed, in the words of its own pattern.
std::string strengthLine(const Scenario& sc, const ChoiceFeedback& c, const std::vector<ChoiceFeedback>& all) {
    const std::string other = otherName(sc, c.role);
    const std::string said = inQuotes(c.text);
    const std::string id = c.pattern ? c.pattern->id : "";
    const bool loud = c.zone == Zone::Above;
    if (id == "validating-partner")
        return fmt::format("You let {}'s feelings make sense before you answered them: {}", other, said);
    if (id == "co-regulation")
        return fmt::format("You offered {} a steadier presence when it was needed: {}", other, said);
    if (id == "curious-question")
        return fmt::format("You asked instead of assuming: {} Curiosity kept the door open.", said);
    if (id == "appreciation")
        return fmt::format("You noticed something good in {} and said it out loud: {}", other, said);
    if (id == "accepting-influence") return fmt::format("You let {}'s view change your plan: {}", other, said);
    if (id == "self-soothing-pause")
        return loud ? "You paused for your body while the alarm was still loud. That gap between alarm and words is "
                      "the whole skill in small."
                    : "You gave your body a pause before answering, so the words could come from you and not from the "
                      "alarm.";
    if (id == "break-and-return")
        return fmt::format("You asked for a break and said when you would come back: {}", said);
    if (id == "orienting")
        return c.zone == Zone::Below
                   ? fmt::format("When your body went still, you found your way back to the room: {}", said)
                   : fmt::format("You brought your attention back to the room around you: {}", said);
    if (id == "repair-attempt")
        return afterRupture(all, c.step)
                   ? fmt::format(
                         "After things went sideways you reached back toward {}: {} Repair matters more than "
                         "never slipping.",
                         other, said)
                   : fmt::format("You reached toward {} before anything could harden: {}", other, said);
    if (id == "taking-responsibility") return fmt::format("You owned your part without turning on yourself: {}", said);
    if (id == "name-the-need")
        return fmt::format("You said what you needed, plainly, with no weapon attached: {}", said);
    if (id == "clear-request") return fmt::format("You turned a feeling into a clear request: {}", said);
    if (id == "gentle-start-up") return fmt::format("You raised something hard gently: {}", said);
    if (id == "warm-boundary") return fmt::format("You held a limit and kept the warmth: {}", said);
    if (id == "self-compassion") return fmt::format("You met your own hurt with kindness: {}", said);
    if (id == "trusting-the-bond")
        return fmt::format("You let a gap be a gap, without reading it as a verdict on you: {}", said);
    return fmt::format("You chose a secure response: {}", said);
}

/// Strengths these choices showed: the first choice of each family, then the share of
/// secure choices; never a sentence that this run does not bear out.
std::vector<std::string> strengthsFor(const Scenario& sc, const PersonSummary& p,
                                      const std::vector<ChoiceFeedback>& all, const Session& s, const Debrief& d) {
    std::vector<std::string> out;
    const auto firstOf = [&](auto& ids) -> const ChoiceFeedback* {
        for (const ChoiceFeedback& c : p.choices)
            if (c.style == Style::Secure && inFamily(c.pattern, ids)) return &c;
        return nullptr;
    };
    for (const ChoiceFeedback* c : {firstOf(kAttune), firstOf(kRegulate), firstOf(kRepair), firstOf(kVoice)})
        if (c) out.push_back(strengthLine(sc, *c, all));
    // The player is the one practising with the pull of anxious attachment; its gift is attunement.
    if (firstOf(kAttune) && p.role == sc.player)
        out.front() += " Being tuned in to others is a strength; steadied, it is a gift to you both.";
    int secure = 0, loud = 0;
    const ChoiceFeedback* unnamed = nullptr;
    for (const ChoiceFeedback& c : p.choices) {
        if (c.style != Style::Secure) continue;
        ++secure;
        if (c.zone == Zone::Above) ++loud;
        if (!unnamed && !inFamily(c.pattern, kAttune) && !inFamily(c.pattern, kRegulate) &&
            !inFamily(c.pattern, kRepair) && !inFamily(c.pattern, kVoice))
            unnamed = &c;
    }
    if (out.empty() && unnamed) out.push_back(strengthLine(sc, *unnamed, all));
    if (secure > 0 && out.size() < 3) {
        std::string line =
            secure == p.decisions()
                ? (secure == 1 ? std::string("Your one choice here was secure")
                               : fmt::format("All {} of your choices were secure", secure))
                : fmt::format("You found a secure response at {} of your {} choices", secure, p.decisions());
        if (loud > 0)
            line += fmt::format(", {} of them while your nervous system was above the window",
                                loud == secure && secure > 1 ? "all"
                                : loud == 1                  ? "one"
                                                             : std::to_string(loud));
        out.push_back(line + ".");
    }
    if (out.empty()) {
        // No secure choice this time: say what this run did show, in its own terms.
        const ChoiceFeedback& first = p.choices.front();
        std::string line = d.ended() ? fmt::format(
                                           "You played it through to “{}” and came back to look at it, which takes "
                                           "some courage.",
                                           d.endingTitle)
                                     : fmt::format(
                                           "You played {} step{} and came back to look at them, which takes some "
                                           "courage.",
                                           s.history().size(), s.history().size() == 1 ? "" : "s");
        if (first.pattern && !first.pattern->need.empty())
            line += fmt::format(" Under {} was a real need: {}", inQuotes(first.text),
                                text::lowerFirst(first.pattern->need));
        else
            line += fmt::format(" Your first move was {} Looking at what it protected is where change starts.",
                                inQuotes(first.text));
        out.push_back(std::move(line));
    }
    return out;
}

/// A secure option that was on offer to this person somewhere in this run, other than at `skip`.
const ChoiceFeedback* withAlternative(const PersonSummary& p, const Pattern* pattern) {
    for (const ChoiceFeedback& c : p.choices)
        if (c.style != Style::Secure && (!pattern || c.pattern == pattern) && !c.secureAlternatives.empty() &&
            c.zone != Zone::Below)
            return &c;
    return nullptr;
}

/// One concrete thing to practise next, from the secure options this story really offered.
std::string practiseFor(const Scenario& sc, const PersonSummary& p) {
    // The non-secure pattern this person reached for most, then the one that raised their arousal most:
    // the same order as "patterns that mattered most".
    std::map<const Pattern*, std::pair<int, int>> counts;  // count, rise
    const Pattern* top = nullptr;
    for (const ChoiceFeedback& c : p.choices) {
        if (c.style == Style::Secure || !c.pattern) continue;
        auto& [n, rise] = counts[c.pattern];
        ++n;
        for (const MeterChange& ch : c.changes)
            if (ch.meter == sc.arousalMeter(c.role) && ch.delta() > 0) rise += ch.delta();
    }
    for (const ChoiceFeedback& c : p.choices)  // in order of the choices, so ties go to the earlier
        if (c.style != Style::Secure && c.pattern && (!top || counts[c.pattern] > counts[top])) top = c.pattern;
    const ChoiceFeedback* at = withAlternative(p, top);
    if (!at) at = withAlternative(p, nullptr);
    if (at) {
        const std::string watch = top ? fmt::format("Watch for {}, which came up {} this time. ",
                                                    text::lowerFirst(top->title), times(counts[top].first))
                                      : std::string();
        const bool act = !at->text.empty() && at->text.front() == '(';  // an action, not words
        return fmt::format(
            "{}When you {} {} this story also offered {} Next time you feel that pull, try that and "
            "notice how it feels.",
            watch, act ? "chose" : "said", inQuotes(at->text), inQuotes(at->secureAlternatives.front().text));
    }
    if (top) return fmt::format("Watch for {}. {}", text::lowerFirst(top->title), top->instead);
    bool insecure = false;
    for (const ChoiceFeedback& c : p.choices) insecure = insecure || (c.style && *c.style != Style::Secure);
    if (insecure)
        return "Go back to a moment where you chose differently from how you wanted to, and play it again slowly.";
    if (sc.difficulty < 3)
        return "Every choice you made here was secure. Try a scenario one step harder, or play the other role to feel "
               "the same moment from the other side.";
    return fmt::format(
        "Every choice you made here was secure. Try playing {}'s side, to feel how the same moment "
        "lands from there.",
        otherName(sc, p.role));
}

std::string styleCounts(const std::array<int, 4>& st) {
    std::vector<std::string> parts;
    for (Style s : kStyles)
        if (st[static_cast<std::size_t>(s)] > 0)
            parts.push_back(fmt::format("{} {}", st[static_cast<std::size_t>(s)], name(s)));
    return parts.empty() ? "no choices" : text::join(parts);
}

std::string pronounFor(const Scenario& sc, const std::string& role) {
    const Role* r = sc.role(role);
    if (!r) return "their";
    if (r->pronouns.rfind("she", 0) == 0) return "her";
    if (r->pronouns.rfind("he", 0) == 0) return "his";
    return "their";
}

// ---- the sections, in reading order ----------------------------------------------------------

void endingSection(const Debrief& d, const Session& s, std::vector<Section>& out) {
    Section sec{"ending", "", {}, false};
    if (d.ended()) {
        if (d.reachedBest)
            sec.lines.push_back(
                {fmt::format("You reached “{}”, the warmest ending this story has.", d.endingTitle), ""});
        else
            sec.lines.push_back({fmt::format("You reached “{}” ({}). This story also has a {} ending, “{}”: worth "
                                             "another try when you feel ready.",
                                             d.endingTitle, name(d.endingKind), name(d.bestKind), d.bestTitle),
                                 ""});
    } else if (d.stuck) {
        sec.lines.push_back({fmt::format("The story stopped before an ending: {}", s.stuckReason()), ""});
    } else {
        sec.lines.push_back(
            {fmt::format("You stopped after {} step{}, before an ending. Here is what happened up to there.", d.steps,
                         d.steps == 1 ? "" : "s"),
             ""});
    }
    out.push_back(std::move(sec));
}

void togetherSection(const Debrief& d, const Scenario& sc, std::vector<Section>& out) {
    Section sec{"together", "", {}, false};
    std::vector<std::string> who;
    for (std::size_t i = 0; i < d.table.size(); ++i) {
        const Person& p = d.table[i];
        const Role* r = sc.role(p.role);
        const std::string role = r ? r->name : p.role;
        const std::string person = p.name.empty() ? "One of you" : p.name;
        who.push_back(fmt::format("{} played {}", i == 0 ? person : (p.name.empty() ? "the other" : p.name), role));
    }
    const std::string how = d.machines ? "You played on two machines, each choosing for your own role."
                            : d.mode == TogetherMode::Mirror
                                ? "At every decision one of you played, you both answered, and the owner's answer "
                                  "told the story."
                                : "You passed the device, each choosing for your own role.";
    sec.lines.push_back({fmt::format("{}. {}", text::join(who, ", and "), how), ""});
    out.push_back(std::move(sec));
}

void careSection(const Debrief& d, std::vector<Section>& out) {
    if (!d.ended() || d.endingKind != EndingKind::Rupture) return;
    Section sec{"care", "After a rupture", {}, false};
    sec.lines.push_back(
        {"This one ended apart, and that is part of practising, not a mark against you. Ruptures are "
         "where repair is learned: even people who love each other well lose each other for a while "
         "and find their way back. Be as kind to yourself about it as you would be to a friend.",
         ""});
    sec.lines.push_back(
        {"If a conversation like this in your own life leaves you afraid of your partner, watched or "
         "controlled, that is not a communication problem to fix by trying harder. About and safety "
         "(in the library, or attune about) lists signs to take seriously and where to find help.",
         ""});
    out.push_back(std::move(sec));
}

void choicesSection(const Debrief& d, std::vector<Section>& out) {
    Section sec{"choices", d.people.size() > 1 ? "Your choices, by theme" : "Your choices, by theme", {}, true};
    for (const PersonSummary& p : d.people) {
        if (p.decisions() == 0) {
            sec.lines.push_back({fmt::format("{}: no choices to make this time.", p.name), p.role});
            continue;
        }
        std::vector<std::string> themes;
        for (Theme t : kThemes) {
            const auto& row = p.byTheme[static_cast<std::size_t>(t)];
            if (row[0] + row[1] + row[2] + row[3] > 0)
                themes.push_back(fmt::format("{}: {}", name(t), styleCounts(row)));
        }
        sec.lines.push_back({fmt::format("{}: {}{}{}.", p.name, styleCounts(p.styles), themes.empty() ? "" : " (",
                                         themes.empty() ? "" : text::join(themes, "; ") + ")"),
                             p.role});
    }
    out.push_back(std::move(sec));
}

void arcsSection(const Debrief& d, std::vector<Section>& out) {
    if (d.arcs.empty()) return;
    Section sec{"arcs", "The nervous system, step by step", {}, true};
    for (const Arc& a : d.arcs) {
        std::vector<std::string> vals;
        for (int v : a.values) vals.push_back(std::to_string(v));
        sec.lines.push_back({fmt::format("{}: {} ({}).", a.name, text::join(vals, " "), zoneSummary(a)), a.role});
    }
    out.push_back(std::move(sec));
}

void shutdownSection(const Debrief& d, std::vector<Section>& out) {
    if (d.shutdowns.empty()) return;
    Section sec{"shutdown", "When the body went still", {}, false};
    const bool couple = d.people.size() > 1;
    for (const StateNote& n : d.shutdowns)
        sec.lines.push_back(
            {couple ? fmt::format("At step {}, {}'s nervous system dropped below the window ({} to {}). That was {}'s "
                                  "body protecting itself: not a choice, and not a failure.",
                                  n.step + 1, n.roleName, n.before, n.after, n.roleName)
                    : fmt::format("At step {}, your nervous system dropped below the window ({} to {}). That was your "
                                  "body protecting you: not a choice, and not a failure.",
                                  n.step + 1, n.before, n.after),
             n.role});
    sec.lines.push_back({d.shutdowns.front().wayBack, ""});
    out.push_back(std::move(sec));
}

void coregSection(const Debrief& d, const Scenario& sc, std::vector<Section>& out) {
    if (d.coRegulation.empty()) return;
    Section sec{"coregulation", "Lending calm", {}, true};
    for (const CoRegulation& c : d.coRegulation) {
        // A person playing a role keeps their own pronouns, which the story does not know.
        const bool person =
            std::any_of(d.table.begin(), d.table.end(), [&](const Person& p) { return p.role == c.calmer; });
        const std::string their = person ? "their" : pronounFor(sc, c.calmer);
        sec.lines.push_back(
            {fmt::format("Step {}: {} was inside {} own window ({}), and {} response helped {} come down "
                         "from {} to {}.",
                         c.step + 1, c.calmerName, their, c.calmerLevel, their, c.calmedName, c.before, c.after),
             c.calmer});
    }
    out.push_back(std::move(sec));
}

/// Pursuing moves (anxious) answered by the other person's next move being withdrawal (avoidant).
std::optional<Cycle> findCycle(const Scenario& sc, const std::vector<ChoiceFeedback>& all, const Session& s) {
    if (sc.roles.size() != 2 || !s.isPlayed(sc.roles[0].id) || !s.isPlayed(sc.roles[1].id)) return std::nullopt;
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<int, int>>> rounds;
    for (std::size_t i = 0; i + 1 < all.size(); ++i) {
        const ChoiceFeedback& a = all[i];
        const ChoiceFeedback& b = all[i + 1];
        if (a.role == b.role || a.byDefault || b.byDefault) continue;
        if (a.style == Style::Anxious && b.style == Style::Avoidant)
            rounds[{a.role, b.role}].push_back({a.step, b.step});
    }
    std::optional<Cycle> best;
    for (const auto& [who, r] : rounds) {
        if (r.size() < 2 || (best && best->rounds.size() >= r.size())) continue;
        best = Cycle{who.first, sc.role(who.first)->name, who.second, sc.role(who.second)->name, r};
    }
    return best;
}

void cycleSection(const Debrief& d, std::vector<Section>& out) {
    if (!d.cycle) return;
    const Cycle& c = *d.cycle;
    Section sec{"cycle", "The pursue-withdraw cycle", {}, false};
    std::vector<std::string> steps;
    for (const auto& [a, b] : c.rounds) steps.push_back(fmt::format("steps {} and {}", a + 1, b + 1));
    sec.lines.push_back(
        {fmt::format("{} here ({}), {} reached harder and {} stepped back, and each move made the other's "
                     "more likely. Many couples know this loop. It is the pattern between you, not "
                     "either person's fault, and either of you can loosen it.",
                     c.rounds.size() == 2 ? std::string("Twice") : fmt::format("{} times", c.rounds.size()),
                     text::join(steps, "; "), c.pursuerName, c.withdrawerName),
         ""});
    sec.lines.push_back({fmt::format("{}: when the urge to chase rises, try saying the need once, plainly, and letting "
                                     "the quiet that follows be a pause rather than an answer.",
                                     c.pursuerName),
                         c.pursuer});
    sec.lines.push_back({fmt::format("{}: when the urge to step back comes, try saying so, and naming when you will "
                                     "come back, so the space reads as a break and not a door closing.",
                                     c.withdrawerName),
                         c.withdrawer});
    out.push_back(std::move(sec));
}

void patternsSection(const Debrief& d, std::vector<Section>& out) {
    if (d.topPatterns.empty()) return;
    Section sec{"patterns", "Patterns that mattered most", {}, true};
    const bool couple = d.people.size() > 1;
    for (const PatternCount& pc : d.topPatterns) {
        const bool oneStyle =
            std::all_of(pc.uses.begin(), pc.uses.end(), [&](const auto& u) { return u.second == pc.style; });
        std::string how;
        if (oneStyle) {
            how = fmt::format("{}, {}{}", name(pc.style), times(pc.count),
                              couple ? ", " + text::join(pc.who, " and ") : std::string());
        } else {  // the same behaviour from different places: say whose was which
            std::vector<std::string> parts;
            for (const auto& [who, style] : pc.uses)
                parts.push_back(couple ? fmt::format("{} for {}", name(style), who) : std::string(name(style)));
            how = fmt::format("{}: {}", times(pc.count), text::join(parts, couple ? ", " : " and "));
        }
        sec.lines.push_back({fmt::format("{} ({}). {}", pc.pattern->title, how, pc.pattern->instead), ""});
    }
    out.push_back(std::move(sec));
}

void goingOnSections(const Debrief& d, std::vector<Section>& out) {
    const bool couple = d.people.size() > 1;
    Section strengths{"strengths", "Strengths to keep", {}, true};
    Section practice{"practice", "To practise next", {}, false};
    for (const PersonSummary& p : d.people) {
        if (p.decisions() == 0) continue;
        for (const std::string& s : p.strengths) strengths.lines.push_back({couple ? p.name + ": " + s : s, p.role});
        practice.lines.push_back({couple ? p.name + ": " + p.practise : p.practise, p.role});
    }
    if (!strengths.lines.empty()) out.push_back(std::move(strengths));
    if (!practice.lines.empty()) out.push_back(std::move(practice));
}

void replaySection(const Debrief& d, std::vector<Section>& out) {
    if (d.replay.empty()) return;
    Section sec{"replay", "Worth replaying", {}, true};
    const bool couple = d.people.size() > 1;
    for (const Moment& m : d.replay)
        sec.lines.push_back({fmt::format("{} “{}”; a secure option was “{}”",
                                         couple ? m.roleName + " chose" : "You chose", m.chosen, m.secureText),
                             m.role});
    out.push_back(std::move(sec));
}

}  // namespace

const std::string& lensNote() {
    static const std::string note =
        "The meters are a story device, not a measurement. The window of tolerance (30 to 70 here) and the "
        "nervous-system picture behind it are one helpful way to think about alarm and calm; polyvagal ideas in "
        "particular are debated. Attachment styles describe strategies, not people.";
    return note;
}

const Section* Debrief::section(std::string_view id) const {
    for (const Section& s : sections)
        if (s.id == id) return &s;
    return nullptr;
}

std::string zoneSummary(const Arc& a) {
    return fmt::format("{} inside the window, {} above, {} below",
                       a.zoneSteps[1] == 1 ? "1 step" : std::to_string(a.zoneSteps[1]) + " steps", a.zoneSteps[2],
                       a.zoneSteps[0]);
}

std::vector<StateNote> statesAt(const Session& s, const PatternLibrary& lib, int step) {
    std::vector<StateNote> out;
    const Scenario& sc = s.scenario();
    if (step < 0 || u(step) >= s.history().size()) return out;
    const Step& st = s.history()[u(step)];
    const Pattern* freeze = lib.resolve(sc, "freeze");
    for (const Role& r : sc.roles) {
        const int m = sc.arousalMeter(r.id);
        if (m < 0 || !s.isPlayed(r.id)) continue;
        // Where the body was as the previous step began (a choice there may be what took it down),
        // and whether it was at or above the window's floor at any point since.
        const Step* prev = step == 0 ? nullptr : &s.history()[u(step - 1)];
        // The last value above the floor: after the previous step's choice, unless that choice
        // itself took the body down, then as that step began.
        int before = sc.meters[u(m)].start;
        if (prev)
            before =
                zoneOf(prev->metersAfter[u(m)]) != Zone::Below ? prev->metersAfter[u(m)] : prev->metersOnEntry[u(m)];
        const int after = st.metersOnEntry[u(m)];
        if (zoneOf(after) != Zone::Below || zoneOf(before) == Zone::Below) continue;
        StateNote n;
        n.step = step;
        n.role = r.id;
        n.roleName = r.name;
        n.before = before;
        n.after = after;
        n.pattern = freeze;
        if (freeze) {
            n.title = freeze->title;
            n.what = sc.substitute(freeze->what);
            n.need = sc.substitute(freeze->need);
            n.body = sc.substitute(freeze->bodyFor(Zone::Below));
            n.wayBack = sc.substitute(freeze->instead);
        } else {
            n.title = "The body protecting itself";
            n.what =
                "When alarm gets too big, bodies can go still, heavy or far away. It happens to people; it is "
                "not something they decide.";
            n.body = "Everything may feel slowed or distant right now. That is a protective response, and it passes.";
            n.need =
                "Safety. When fighting and fleeing both seem out of reach, a body can pull its own brake to get "
                "through.";
            n.wayBack =
                "A way back: feel your feet on the floor, look around and name three things you can see, and "
                "let one breath out go long.";
        }
        out.push_back(std::move(n));
    }
    return out;
}

namespace {
Debrief build(const Session& s, const PatternLibrary& lib, const Table* table, const std::vector<MirrorRound>* rounds) {
    const Scenario& sc = s.scenario();
    Debrief d;
    const bool named = table && table->together();
    // Two people at one table are called what they asked to be called; roles nobody
    // took keep the story's name for them.
    const auto who = [&](const std::string& role) {
        const int i = named ? table->personFor(role) : -1;
        if (i >= 0) return table->label(i, sc);
        const Role* r = sc.role(role);
        return r ? r->name : role;
    };
    d.scenarioId = sc.id;
    d.scenarioTitle = sc.title;
    d.steps = static_cast<int>(s.history().size());
    d.stuck = s.state() == Session::State::Stuck;
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
    d.reachedBest = d.ended() && rank(d.endingKind) >= rank(d.bestKind);

    auto all = explainAll(s, lib);
    for (ChoiceFeedback& c : all) c.roleName = who(c.role);
    std::vector<std::string> order{sc.player};
    for (const Role& r : sc.roles)
        if (r.id != sc.player && s.isPlayed(r.id)) order.push_back(r.id);
    for (const std::string& role : order) {
        PersonSummary p;
        p.role = role;
        p.name = who(role);
        for (const ChoiceFeedback& c : all) {
            if (c.role != role || c.byDefault || !c.style) continue;
            p.choices.push_back(c);
            ++p.styles[static_cast<std::size_t>(*c.style)];
            if (c.theme) ++p.byTheme[static_cast<std::size_t>(*c.theme)][static_cast<std::size_t>(*c.style)];
        }
        d.people.push_back(std::move(p));
    }

    for (const Role& r : sc.roles) {
        const int m = sc.arousalMeter(r.id);
        if (m < 0) continue;
        Arc a{r.id, who(r.id), m, sc.meters[u(m)].min, sc.meters[u(m)].max, {}, {}};
        // The body as each moment met it (after the node's own effects): a shutdown node's
        // low point shows even when the next choice climbs out of it.
        for (const Step& st : s.history()) {
            a.values.push_back(st.metersOnEntry[u(m)]);
            ++a.zoneSteps[static_cast<std::size_t>(zoneOf(st.metersOnEntry[u(m)]))];
        }
        d.arcs.push_back(std::move(a));
    }

    // Patterns that mattered most: the non-secure ones people reached for, by how often and
    // how much they raised the chooser's arousal; secure ones fill in when there are fewer.
    std::vector<PatternCount> counts;
    const auto bump = [&](const ChoiceFeedback& c) {
        auto it =
            std::find_if(counts.begin(), counts.end(), [&](const PatternCount& pc) { return pc.pattern == c.pattern; });
        if (it == counts.end()) it = counts.insert(counts.end(), PatternCount{c.pattern, {}, *c.style, {}, 0, 0});
        ++it->count;
        if (std::find(it->who.begin(), it->who.end(), c.roleName) == it->who.end()) it->who.push_back(c.roleName);
        const std::pair<std::string, Style> use{c.roleName, *c.style};
        if (std::find(it->uses.begin(), it->uses.end(), use) == it->uses.end()) it->uses.push_back(use);
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

    // Worth replaying: a person's own non-secure choice with a secure option beside it. Not a
    // choice made while the body was below the window: a shut-down body narrows what anyone can do.
    for (const PersonSummary& p : d.people)
        for (const ChoiceFeedback& c : p.choices)
            if (c.style != Style::Secure && !c.secureAlternatives.empty() && c.zone != Zone::Below)
                d.replay.push_back(
                    {c.step, p.role, p.name, sc.nodes[u(c.node)].id, c.text, c.secureAlternatives.front().text});
    std::sort(d.replay.begin(), d.replay.end(), [](const Moment& a, const Moment& b) { return a.step < b.step; });

    // Co-regulation: a regulated nervous system lending calm to a dysregulated one.
    for (const ChoiceFeedback& c : all) {
        if (c.style != Style::Secure || c.byDefault) continue;  // a person's own move, not the story's
        const Step& st = s.history()[u(c.step)];
        const int own = sc.arousalMeter(c.role);
        // A helper above the window has no calm to lend, and one below it is shut down.
        if (own < 0 || zoneOf(st.metersOnEntry[u(own)]) != Zone::Inside) continue;
        const Choice& ch = sc.nodes[u(st.node)].choices[u(st.choice)];
        for (const Role& r : sc.roles) {
            const int m = sc.arousalMeter(r.id);
            if (r.id == c.role || m < 0) continue;
            const int before = st.metersOnEntry[u(m)], after = st.metersAfter[u(m)];
            if (before <= 70 || after >= before) continue;
            d.coRegulation.push_back({c.step, c.role, c.roleName, r.id, who(r.id), st.metersOnEntry[u(own)], before,
                                      after, ch.id.empty() ? c.text : ch.id});
        }
    }

    for (int i = 0; i < d.steps; ++i)
        for (StateNote& n : statesAt(s, lib, i)) {
            n.roleName = who(n.role);
            d.shutdowns.push_back(std::move(n));
        }
    d.cycle = findCycle(sc, all, s);
    if (d.cycle) {
        d.cycle->pursuerName = who(d.cycle->pursuer);
        d.cycle->withdrawerName = who(d.cycle->withdrawer);
    }
    if (named) {
        d.mode = table->mode;
        d.table = table->people;
        d.machines = table->machines;
        if (rounds)
            for (const MirrorRound& r : *rounds)
                if (r.step >= 0 && r.step < d.steps) d.mirror.push_back(reveal(s, lib, *table, r));
    }

    for (const Step& st : s.history()) {
        const Node& n = sc.nodes[u(st.node)];
        StepRecord r;
        r.node = n.id;
        if (st.choice >= 0) {
            const Choice& c = n.choices[u(st.choice)];
            r.by = st.role;
            r.choice = c.id.empty() ? fmt::format("#{}", st.choice + 1) : c.id;
            r.style = c.style;
            r.pattern = c.pattern;
        }
        for (std::size_t m = 0; m < sc.meters.size(); ++m) r.meters.emplace_back(sc.meters[m].name, st.metersAfter[m]);
        d.stepLog.push_back(std::move(r));
    }

    for (PersonSummary& p : d.people)
        if (p.decisions() > 0) {  // nothing to say about choices nobody made
            p.strengths = strengthsFor(sc, p, all, s, d);
            p.practise = practiseFor(sc, p);
        }

    endingSection(d, s, d.sections);
    if (named) togetherSection(d, sc, d.sections);
    careSection(d, d.sections);
    choicesSection(d, d.sections);
    if (!d.mirror.empty()) d.sections.push_back(mirrorSection(d));
    arcsSection(d, d.sections);
    shutdownSection(d, d.sections);
    coregSection(d, sc, d.sections);
    cycleSection(d, d.sections);
    patternsSection(d, d.sections);
    goingOnSections(d, d.sections);
    replaySection(d, d.sections);
    d.sections.push_back({"lens", "", {{lensNote(), ""}}, false});
    return d;
}
}  // namespace

Debrief debrief(const Session& s, const PatternLibrary& lib) { return build(s, lib, nullptr, nullptr); }

Debrief debrief(const Playthrough& p, const PatternLibrary& lib) {
    if (p.mode() == TogetherMode::Solo) return build(p.session(), lib, nullptr, nullptr);
    return build(p.session(), lib, &p.table(), &p.rounds());
}

Debrief debrief(const Session& s, const PatternLibrary& lib, const Table& table,
                const std::vector<MirrorRound>& rounds) {
    return build(s, lib, &table, &rounds);
}

// ---- plain text for the terminal -------------------------------------------------------------

namespace {

void para(std::string& out, std::string_view label, std::string_view body, std::size_t width,
          std::string_view indent = "  ") {
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

}  // namespace

std::string cardText(const ChoiceFeedback& f, std::size_t width) {
    std::string out = fmt::format("\n  -- {} --\n", f.headline());
    const Pattern* p = f.pattern;
    if (f.style == Style::Secure) {
        if (p) para(out, "The skill: ", p->what, width);
        para(out, "Note: ", f.why, width);
        para(out, "In the body: ", f.body, width);
    } else {
        if (p) para(out, "What it is: ", p->what, width);
        para(out, "In this moment: ", f.why, width);
        if (p) para(out, "The need underneath: ", p->need, width);
        para(out, "In the body: ", f.body, width);
        if (p) para(out, "Instead: ", p->instead, width);
    }
    if (!f.changes.empty()) para(out, "Meters: ", changesLine(f.changes), width);
    if (!f.secureAlternatives.empty())
        para(out, "A secure option here: ", inQuotes(f.secureAlternatives.front().text), width);
    return out;
}

std::string revealText(const Reveal& r, std::size_t width) {
    std::string out = fmt::format("\n  == Side by side, as {} ==\n", r.roleName);
    para(out, "", r.headline, width);
    const auto side = [&](const std::string& who, const ChoiceFeedback& f) {
        out += fmt::format("\n  {}: {}\n", who, f.headline());
        para(out, "Chose: ", "“" + f.text + "”", width, "    ");
        if (f.pattern)
            para(out, f.style == Style::Secure ? "The skill: " : "What it is: ", f.pattern->what, width, "    ");
        else
            para(out, "Note: ", f.why, width, "    ");
        if (f.pattern && f.style != Style::Secure) para(out, "The need underneath: ", f.pattern->need, width, "    ");
        para(out, "In the body: ", f.body, width, "    ");
    };
    side(text::capitalFirst(r.ownerName), r.owner);
    if (!r.alike) side(text::capitalFirst(r.otherName), r.other);
    out += "\n  To talk about:\n";
    for (const std::string& p : r.prompts) para(out, "- ", p, width, "    ");
    return out;
}

std::string stateText(const StateNote& n, std::size_t width) {
    std::string out = fmt::format("\n  -- {} --\n", n.title);
    para(out, "", n.what, width);
    para(out, "What it is for: ", n.need, width);
    para(out, "In the body: ", n.body, width);
    para(out, "A way back: ", n.wayBack, width);
    return out;
}

std::string debriefText(const Debrief& d, std::size_t width) {
    std::string out = "\n== Looking back ==\n";
    for (const Section& sec : d.sections) {
        if (sec.id == "lens") {
            out += '\n';
            para(out, "", sec.lines.front().text, width);
            continue;
        }
        if (!sec.heading.empty()) out += fmt::format("\n  {}:\n", sec.heading);
        for (const Line& l : sec.lines)
            if (sec.list)
                para(out, "- ", l.text, width, "    ");
            else
                para(out, "", l.text, width, sec.heading.empty() ? "" : "  ");
    }
    return out;
}

}  // namespace attune::feedback
