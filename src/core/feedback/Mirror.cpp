// Mirror mode: both partners answer each decision privately as the choosing role; the
// reveal shows both answers and what to talk about, and the debrief says how often
// they chose alike and where they differed most. Every sentence comes from the two picks.
#include "core/feedback/Feedback.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace attune::feedback {
namespace {

std::string quoted(std::string_view s) { return fmt::format("“{}”", s); }

std::string styleWord(const ChoiceFeedback& f) { return f.style ? attune::name(*f.style) : "unmarked"; }

/// How far apart two answers are, for "where you differed most": opposite moves (pursuing
/// and withdrawing, or secure and disorganised) are furthest.
int distance(const ChoiceFeedback& a, const ChoiceFeedback& b) {
    if (a.choice == b.choice) return 0;
    if (!a.style || !b.style) return 1;
    const Style x = *a.style, y = *b.style;
    if (x == y) return 1;
    const auto pair = [&](Style p, Style q) { return (x == p && y == q) || (x == q && y == p); };
    if (pair(Style::Anxious, Style::Avoidant) || pair(Style::Secure, Style::Disorganised)) return 4;
    if (x == Style::Secure || y == Style::Secure) return 3;
    return 2;
}

/// The first secure option shown at that moment, not a breathing pause, or empty.
std::string secureOffered(const Session& s, const MirrorRound& r) {
    const Scenario& sc = s.scenario();
    const Step& st = s.history()[static_cast<std::size_t>(r.step)];
    const Node& n = sc.nodes[static_cast<std::size_t>(st.node)];
    for (int i : st.offered) {
        const Choice& c = n.choices[static_cast<std::size_t>(i)];
        if (c.style == Style::Secure && !c.breathe) return sc.substitute(c.text);
    }
    return {};
}

/// What the card says the answer reaches for: its pattern's title, or its style.
std::string answerName(const ChoiceFeedback& f) {
    if (f.pattern) return text::lowerFirst(f.pattern->title);
    if (!f.style) return "an answer";
    const std::string st = attune::name(*f.style);
    return fmt::format("{} {} answer",
                       st.front() == 'a' || st.front() == 'e' || st.front() == 'i' || st.front() == 'o' ? "an" : "a",
                       st);
}

}  // namespace

Reveal reveal(const Session& s, const PatternLibrary& lib, const Table& table, const MirrorRound& round) {
    const Scenario& sc = s.scenario();
    Reveal r;
    r.step = round.step;
    r.role = round.role;
    if (const Role* role = sc.role(round.role)) r.roleName = role->name;
    r.ownerPerson = round.ownerPerson;
    r.otherPerson = round.otherPerson;
    // Unnamed people are "the person playing Alex", never the character's own name.
    r.ownerName = table.call(round.ownerPerson, sc);
    r.otherName = table.call(round.otherPerson, sc);
    r.owner = explainAsIf(s, lib, round.step, round.owner);
    r.other = explainAsIf(s, lib, round.step, round.other);
    // The owner's answer was played: its card shows what it changed.
    const Step& st = s.history()[static_cast<std::size_t>(round.step)];
    if (st.choice == round.owner) r.owner = explain(s, lib, round.step);
    r.alike = round.alike();
    {
        const Node& n = sc.nodes[static_cast<std::size_t>(s.history()[static_cast<std::size_t>(round.step)].node)];
        r.otherPause = n.choices[static_cast<std::size_t>(round.other)].breathe;
    }
    r.sameStyle = r.owner.style == r.other.style;
    const std::string& a = r.ownerName;
    const std::string& b = r.otherName;
    const std::string secure = secureOffered(s, round);

    if (r.alike) {
        r.headline = fmt::format("You both chose the same answer: {}", quoted(r.owner.text));
        r.prompts.push_back(
            "The same words can come from different places. Each of you, say what you were feeling "
            "as you chose them, and where you felt it in your body.");
        if (r.owner.pattern && r.owner.style != Style::Secure)
            r.prompts.push_back(
                fmt::format("The card calls this answer “{}” and names the need underneath it. Is that "
                            "the need each of you had here, or was it something else for one of you?",
                            r.owner.pattern->title));
        else if (r.owner.pattern)
            r.prompts.push_back(
                fmt::format("The card calls this answer “{}”. What did each of you need in that "
                            "moment, and did this answer meet it?",
                            r.owner.pattern->title));
        else
            r.prompts.push_back("What did each of you need in that moment? Say it in one sentence each.");
        if (r.owner.style == Style::Secure)
            r.prompts.push_back(
                fmt::format("You already met here. {}, {}: say one thing the other could do that would "
                            "make an answer like this easier to give on a hard day.",
                            text::capitalFirst(a), b));
        else if (!secure.empty())
            r.prompts.push_back(
                fmt::format("What would help each of you reach for something like {}, the secure "
                            "option this story offered here? And what could the other do to make "
                            "that safer?",
                            quoted(secure)));
        else
            r.prompts.push_back("What would a reply look like that you would both be glad to receive here?");
        return r;
    }

    r.headline = r.sameStyle ? fmt::format("You answered differently, both {}.", styleWord(r.owner))
                             : fmt::format("You answered differently: {} {}, {} {}.", a, styleWord(r.owner), b,
                                           styleWord(r.other));
    r.prompts.push_back(
        fmt::format("{} first, then {}: what were you feeling as you picked your answer, and where "
                    "did you feel it? Hear each other all the way through before explaining your own.",
                    text::capitalFirst(a), b));
    if (r.owner.pattern || r.other.pattern)
        r.prompts.push_back(
            fmt::format("{}'s answer reads as {}; {}'s as {}. What did each of you need right then? "
                        "Say it in a sentence, then see whether your card puts it the same way.",
                        text::capitalFirst(a), answerName(r.owner), b, answerName(r.other)));
    else
        r.prompts.push_back("What did each of you need in that moment? Say it in one sentence each.");
    const bool ownerSecure = r.owner.style == Style::Secure, otherSecure = r.other.style == Style::Secure;
    if (ownerSecure && otherSecure)
        r.prompts.push_back(
            "Both answers are secure, in different ways. What does each one give the other person "
            "that the other answer does not, and could a reply hold both?");
    else if (ownerSecure || otherSecure) {
        const std::string& steady = ownerSecure ? a : b;
        const std::string& reaching = ownerSecure ? b : a;
        r.prompts.push_back(
            fmt::format("To meet in the middle: {}, what would make an answer like {}'s feel possible "
                        "for you here? {}, what in {}'s answer makes sense to you, given what they "
                        "were feeling?",
                        reaching, steady, text::capitalFirst(steady), reaching));
    } else if (!secure.empty())
        r.prompts.push_back(
            fmt::format("To meet in the middle: what would each of you need from the other to say "
                        "something like {}, the secure option this story offered here?",
                        quoted(secure)));
    else
        r.prompts.push_back("To meet in the middle: what would a reply look like that keeps what each of you needed?");
    return r;
}

Section mirrorSection(const Debrief& d) {
    Section sec{"mirror", "Side by side", {}, true};
    if (d.mirror.empty() || d.table.size() != 2) return sec;
    int alike = 0, sameStyle = 0;
    for (const Reveal& r : d.mirror) {
        alike += r.alike ? 1 : 0;
        sameStyle += !r.alike && r.sameStyle ? 1 : 0;
    }
    const std::size_t n = d.mirror.size();
    std::string line = fmt::format("You chose the same answer at {} of {} decision{}", alike, n, n == 1 ? "" : "s");
    if (sameStyle > 0) line += fmt::format(", and the same style with different words at {} more", sameStyle);
    std::vector<const Reveal*> differ;
    for (const Reveal& r : d.mirror)
        if (!r.alike && !r.otherPause) differ.push_back(&r);
    sec.lines.push_back({line + ".", ""});
    // Each person's answers side by side: their own at their decisions, and their mirror answers.
    for (const PersonSummary& ps : d.people) {
        int who = -1;
        for (std::size_t i = 0; i < d.table.size(); ++i)
            if (d.table[i].role == ps.role) who = static_cast<int>(i);
        if (who < 0) continue;
        std::array<int, 4> counts{};
        std::string label;
        for (const Reveal& r : d.mirror) {
            const ChoiceFeedback& f = r.ownerPerson == who ? r.owner : r.other;
            label = r.ownerPerson == who ? r.ownerName : r.otherName;
            if (f.style) ++counts[static_cast<std::size_t>(*f.style)];
        }
        std::vector<std::string> parts;
        for (std::size_t k = 0; k < 4; ++k)
            if (counts[k] > 0) parts.push_back(fmt::format("{} {}", counts[k], attune::name(static_cast<Style>(k))));
        sec.lines.push_back(
            {fmt::format("Answers from {}: {}.", label, parts.empty() ? "none marked" : text::join(parts, ", ")),
             d.table[static_cast<std::size_t>(who)].role});
    }
    std::stable_sort(differ.begin(), differ.end(), [](const Reveal* x, const Reveal* y) {
        return distance(x->owner, x->other) > distance(y->owner, y->other);
    });
    if (differ.size() > 3) differ.resize(3);
    std::sort(differ.begin(), differ.end(), [](const Reveal* x, const Reveal* y) { return x->step < y->step; });
    for (const Reveal* r : differ)
        sec.lines.push_back(
            {fmt::format("You differed at step {}, as {}: {} chose {} ({}); {} chose {} ({}).", r->step + 1,
                         r->roleName, text::capitalFirst(r->ownerName), quoted(r->owner.text), styleWord(r->owner),
                         r->otherName, quoted(r->other.text), styleWord(r->other)),
             ""});
    return sec;
}

}  // namespace attune::feedback
