#include "text/TextPlayer.hpp"

#include "core/feedback/Practice.hpp"

#include "core/feedback/Feedback.hpp"
#include "core/run/Playthrough.hpp"
#include "core/run/Script.hpp"
#include "core/util/Text.hpp"

#include <algorithm>

#include <chrono>
#include <ctime>
#include <poll.h>
#include <unistd.h>
#include <iostream>
#include <fmt/format.h>
#include <istream>
#include <ostream>
#include <sstream>

namespace attune {
namespace {

void wrapped(std::ostream& out, std::string_view s, std::size_t width, std::string_view first, std::string_view rest) {
    const std::size_t w = width > first.size() + 20 ? width - text::codePoints(first) : 20;
    const auto lines = text::wrap(s, w);
    for (std::size_t i = 0; i < lines.size(); ++i) out << (i == 0 ? first : rest) << lines[i] << '\n';
}

std::string speaker(const Session& s, const std::string& role) {
    const Role* r = s.scenario().role(role);
    return r ? r->name : role;
}

/// The story told since the screen was last cleared: what both people may see again
/// after a hand-off (never a body line, a choice or a card).
struct Shared {
    std::string text;
    void add(std::ostream& out, const std::string& s) {
        out << s;
        text += s;
    }
};

void showNode(const Session& s, const std::string& body, std::ostream& out, const TextOptions& o, Shared& shared) {
    const Node& n = s.node();
    const std::string t = s.text();
    if (!t.empty()) {
        std::ostringstream said;
        said << '\n';
        if (n.say.empty())
            wrapped(said, t, o.width, "", "");
        else {
            const std::string who = speaker(s, n.say) + ": ";
            wrapped(said, t, o.width, who, std::string(text::codePoints(who), ' '));
        }
        shared.add(out, said.str());
    }
    if (!body.empty()) wrapped(out, body, o.width, "  ~ ", "    ");
    if (o.onEnter) o.onEnter(s, out);
}

void showChoices(const Session& s, const std::string& question, std::ostream& out, const TextOptions& o) {
    if (o.showMeters) {
        const std::string m = metersLine(s);
        if (!m.empty()) {
            out << '\n';
            wrapped(out, "[" + m + "]", o.width, "  ", "   ");
        }
    }
    out << '\n';
    wrapped(out, question, o.width, "  ", "  ");
    int k = 1;
    for (int i : s.visibleChoices()) {
        const std::string num = fmt::format("  {}. ", k++);
        wrapped(out, s.scenario().substitute(s.node().choices[static_cast<std::size_t>(i)].text), o.width, num,
                std::string(num.size(), ' '));
    }
}

void breathe(std::ostream& out, const TextOptions& o, std::istream* in, const std::string& id) {
    const int seconds = practise(out, o.interactive ? in : nullptr, o.width, id);
    if (o.onPractice && o.interactive && in) o.onPractice(id, seconds);
}

void waitForEnter(std::ostream& out, std::istream* in, const std::string& prompt) {
    out << prompt << std::flush;
    std::string ignored;
    if (in) std::getline(*in, ignored);
}

/// The device goes to the person who acts next. The shared story stays on the screen;
/// whatever was private to the last person was cleared when their turn ended.
void clear(std::ostream& out, const TextOptions& o, Shared& shared) {
    if (!o.clearScreen) return;
    out << "\x1b[2J\x1b[H" << std::flush;
    shared.text.clear();
}

void handOff(Playthrough& p, PickSource& picks, std::ostream& out, const TextOptions& o, Shared& shared) {
    const std::string who = p.table().call(*p.actor(), p.scenario());
    if (o.interactive && picks.typing()) {
        waitForEnter(out, picks.typing(),
                     fmt::format("\n  Pass to {}. {}, press Enter when you're ready. ", who, text::capitalFirst(who)));
        // Body lines shown to the last person go; the story since the last turn stays.
        if (o.clearScreen) {
            const std::string story = shared.text;
            clear(out, o, shared);
            shared.add(out, story);
        }
    } else {
        out << fmt::format("\n  -- Pass to {}. --\n", who);
    }
    p.handOver();
}

/// The body line for the person at this screen: on two machines, only this machine's role's.
std::string bodyHere(const Playthrough& p, const TextOptions& o) {
    if (o.localRole.empty()) return p.privateBody();
    const Session& s = p.session();
    if (p.turn()) return s.chooser() == o.localRole ? s.bodyFor(o.localRole) : std::string();
    return s.bodyFor(o.localRole);
}

/// Whose turn it is, in the question: "Sam, as Alex: what do you do?"
std::string question(const Playthrough& p, bool second, const std::string& localRole = {}) {
    const Session& s = p.session();
    const std::string role = speaker(s, s.chooser());
    if (p.mode() == TogetherMode::Solo) return fmt::format("What does {} do?", role);
    if (!localRole.empty() && p.mode() == TogetherMode::Mirror) {
        // Two machines, mirror: both answer at once, each on their own screen.
        const int me = p.table().personFor(localRole);
        const std::string& name = p.table().people[static_cast<std::size_t>(me)].name;
        const std::string other = text::capitalFirst(p.table().call(1 - me, p.scenario()));
        const std::string as = name.empty() ? fmt::format("As {}", role) : fmt::format("{}, as {}", name, role);
        return second ? fmt::format(
                            "{}: what would you say? {} answers too, in private; you see both answers once you "
                            "have both picked, and the story plays theirs.",
                            as, other)
                      : fmt::format(
                            "{}: what do you say? {} answers too, in private; you see both answers once you have "
                            "both picked.",
                            as, other);
    }
    const Person& person = p.table().people[static_cast<std::size_t>(*p.actor())];
    if (person.name.empty())  // the hand-off said who; "the person playing Alex, as Alex" says it twice
        return p.mode() == TogetherMode::Mirror
                   ? fmt::format("Your answer as {}: what would you say? (It stays hidden until you have both picked.)",
                                 role)
                   : fmt::format("Your turn as {}: what do you do?", role);
    const std::string who = person.name;
    if (p.mode() == TogetherMode::Mirror)
        return second
                   ? fmt::format("{}, as {}: what would you say? (The other answer stays hidden until you pick.)", who,
                                 role)
                   : fmt::format("{}, as {}: what do you say? (Your answer stays hidden until you have both picked.)",
                                 who, role);
    return fmt::format("{}, as {}: what do you do?", who, role);
}

}  // namespace

std::string arousalZone(int value) {
    switch (feedback::zoneOf(value)) {  // the one place the window's bands are defined
        case feedback::Zone::Above:
            return "above the window: fight or flight";
        case feedback::Zone::Below:
            return "below the window: shutdown";
        case feedback::Zone::Inside:
            break;
    }
    return "inside the window";
}

std::string metersLine(const Session& s) {
    std::vector<std::string> parts;
    const Scenario& sc = s.scenario();
    for (std::size_t i = 0; i < sc.meters.size(); ++i) {
        const Meter& m = sc.meters[i];
        if (!m.show) continue;
        const int v = s.meter(static_cast<int>(i));
        if (m.kind == MeterKind::Arousal)
            parts.push_back(fmt::format("{} {} ({})", m.label, v, arousalZone(v)));
        else
            parts.push_back(fmt::format("{} {}", m.label, v));
    }
    return text::join(parts, " | ");
}

std::optional<int> TypedPicks::pick(const Session& s, std::ostream& out) {
    const auto visible = s.visibleChoices();
    while (true) {
        out << "> " << std::flush;
        std::string line;
        if (!std::getline(in_, line)) {
            out << '\n';
            return std::nullopt;
        }
        const auto parts = text::splitTrim(line, ',');
        const std::string answer = parts.empty() ? std::string() : parts.front();
        if (answer == "q" || answer == "quit") return std::nullopt;
        if (answer.empty()) continue;
        if (answer == "m" || answer == "meters") {
            out << "  " << metersLine(s) << '\n';
            continue;
        }
        Pick p;
        if (answer.find_first_not_of("0123456789") == std::string::npos && answer.size() < 6)
            p.number = std::stoi(answer);
        else
            p.id = answer;
        std::string err;
        const int c = resolvePick(s, p, err);
        if (c >= 0) return c;
        out << fmt::format("  Type a number from 1 to {} (m shows the meters, q stops).\n", visible.size());
    }
}

std::optional<int> ScriptedPicks::pick(const Session& s, std::ostream& out) {
    if (next_ >= picks_.size()) return std::nullopt;
    const Pick& p = picks_[next_++];
    const int c = resolvePick(s, p, error);
    if (c < 0) {
        error = fmt::format("pick {} of the script: {}", next_, error);
        return std::nullopt;
    }
    // Echo the pick as a person would have typed it, so transcripts read naturally.
    const auto visible = s.visibleChoices();
    const auto it = std::find(visible.begin(), visible.end(), c);
    out << "> " << (it - visible.begin()) + 1 << '\n';
    return c;
}

int practise(std::ostream& out, std::istream* in, std::size_t width, const std::string& id) {
    const feedback::Practice& p = feedback::practice(id);
    const auto began = std::chrono::steady_clock::now();
    const auto since = [&] {
        return static_cast<int>(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - began).count());
    };
    out << "\n  " << p.title << ".\n";
    wrapped(out, p.intro, width, "    ", "    ");
    if (p.isBreak()) {
        if (!in || !*in) {  // nobody to wait for (a script, or input already ended)
            out << "    Take twenty minutes; come back when the time is up.\n";
            return 0;
        }
        const std::time_t back = std::time(nullptr) + static_cast<std::time_t>(p.length());
        std::tm tm{};
        localtime_r(&back, &tm);
        char at[16];
        std::strftime(at, sizeof at, "%H:%M", &tm);
        out << fmt::format(
            "    Come back at {}. Before you go, you might say: \"I need a break. I will be back at {}.\"\n", at, at);
        out << "  Press Enter when you are back." << std::flush;
        // At a terminal, a reminder when the time is up (the bell, and a line).
        if (in == &std::cin && isatty(STDIN_FILENO)) {
            pollfd fd{STDIN_FILENO, POLLIN, 0};
            if (poll(&fd, 1, static_cast<int>(p.length() * 1000)) == 0)
                out << "\a\n  Twenty minutes have passed. When you are ready, go back and say you are back. Press "
                       "Enter "
                       "then."
                    << std::flush;
        }
        std::string ignored;
        std::getline(*in, ignored);
        return since();
    }
    for (const feedback::Phase& ph : p.cycle)
        out << fmt::format("    - {} ({:g} second{})\n", ph.text, ph.seconds, ph.seconds == 1.f ? "" : "s");
    if (p.rounds > 1) out << fmt::format("    Go round {} times, at your own pace.\n", p.rounds);
    if (in) {
        out << "  Press Enter when you are ready to go on." << std::flush;
        std::string ignored;
        std::getline(*in, ignored);
    }
    return since();
}

void printTitle(const Scenario& sc, std::ostream& out, std::size_t width) {
    out << sc.title << '\n';
    wrapped(out, sc.summary, width, "", "");
}

void printTable(const Playthrough& p, std::ostream& out, std::size_t width) {
    const Table& t = p.table();
    std::vector<std::string> who;
    for (std::size_t i = 0; i < t.people.size(); ++i) {
        const std::string& n = t.people[i].name;
        const std::string person = !n.empty()    ? n
                                   : i == 0      ? "One of you"
                                   : who.empty() ? "the other"
                                                 : "the other person";
        who.push_back(fmt::format("{} plays {}", person, speaker(p.session(), t.people[i].role)));
    }
    out << '\n';
    wrapped(out, text::join(who, "; ") + ".", width, "", "");
    wrapped(out,
            t.machines ? "Two machines: each of you chooses for your own role, on your own screen. Your choices, your "
                         "card and the lines about your body stay on yours; the story is the same on both."
            : p.mode() == TogetherMode::Mirror
                ? "Mirror: at every decision you both answer in private, first whoever owns the role, then the other. "
                  "Then you see both answers side by side, and the owner's answer is the one the story plays."
                : "Pass the device: each of you chooses for your own role. Before each of your turns the screen asks "
                  "for a hand-off, so your choices and your card stay yours.",
            width, "", "");
}

void showSince(const Playthrough& p, std::ostream& out, const TextOptions& o) {
    const Session& s = p.session();
    const auto& h = s.history();
    std::size_t from = 0;
    for (std::size_t i = h.size(); i-- > 0;)
        if (h[i].choice >= 0) {
            from = i + 1;
            break;
        }
    for (std::size_t i = from; i + 1 < h.size(); ++i) {
        const Node& n = p.scenario().nodes[static_cast<std::size_t>(h[i].node)];
        const std::string t = p.scenario().substitute(n.text);
        if (t.empty()) continue;
        out << '\n';
        if (n.say.empty()) {
            wrapped(out, t, o.width, "", "");
        } else {
            const std::string who = speaker(s, n.say) + ": ";
            wrapped(out, t, o.width, who, std::string(text::codePoints(who), ' '));
        }
    }
}

PlayEnd playText(Playthrough& p, PickSource& picks, std::ostream& out, const TextOptions& o) {
    const Scenario& sc = p.scenario();
    const Session& s = p.session();  // read only: every move goes through the playthrough
    const bool together = p.mode() != TogetherMode::Solo;
    Shared shared;
    const auto stopped = [&]() {
        if (auto* scripted = dynamic_cast<ScriptedPicks*>(&picks); scripted && !scripted->error.empty())
            return PlayEnd::BadScript;
        if (picks.reloading()) return PlayEnd::Reload;
        const std::string note = o.stopNote ? o.stopNote() : std::string();
        out << "Stopped before the end. " << (note.empty() ? "Nothing from this playthrough is kept." : note) << '\n';
        return PlayEnd::Stopped;
    };
    for (int guard = 0; guard < 100000; ++guard) {
        switch (s.state()) {
            case Session::State::Stuck:
                out << fmt::format("\nThe story cannot go on: {}.\n", s.stuckReason());
                return PlayEnd::Stuck;
            case Session::State::Ending: {
                showNode(s, bodyHere(p, o), out, o, shared);
                const Ending& e = *s.node().ending;
                out << '\n' << fmt::format("== Ending: {} ({}) ==", sc.substitute(e.title), name(e.kind)) << '\n';
                if (const std::string m = metersLine(s); o.showMeters && !m.empty())
                    wrapped(out, "[" + m + "]", o.width, "  ", "   ");
                if (o.atEnding) o.atEnding(s, out);
                return PlayEnd::Ending;
            }
            case Session::State::Line:
                showNode(s, bodyHere(p, o), out, o, shared);
                p.advance();
                break;
            case Session::State::Decision: {
                const std::string who = speaker(s, s.chooser());
                const Node& node = s.node();  // the scenario's: it outlives the moves below
                const bool person = p.turn().has_value();
                const bool mirrored = person && p.mode() == TogetherMode::Mirror;
                bool mirroredPause = false, applied = false;
                int c = -1, second = -1;
                if (!person) {
                    showNode(s, bodyHere(p, o), out, o, shared);
                    c = s.defaultChoice();
                } else if (!o.localRole.empty()) {
                    // Two machines: each machine shows only its own person's decisions; in
                    // mirror mode both answer every decision, each on their own screen.
                    p.handOver();
                    showNode(s, bodyHere(p, o), out, o, shared);
                    if (mirrored || s.chooser() == o.localRole) {
                        showChoices(s, question(p, mirrored && s.chooser() != o.localRole, o.localRole), out, o);
                    } else {
                        out << fmt::format("\n  Waiting for {} to choose...\n",
                                           p.table().call(*p.actor(), p.scenario()));
                        out << std::flush;
                    }
                    const auto picked = picks.pick(s, out);
                    if (!picked) return stopped();
                    c = *picked;
                    if (!mirrored) {
                        // Applied at once: the host has sent it, and the story it offers a returning
                        // joiner must already hold it while this screen shows the line or a pause.
                        p.choose(c);
                        applied = true;
                    }
                    if (mirrored) {
                        const auto both = picks.settle(s, out);
                        if (!both) return stopped();
                        c = both->first;
                        p.choose(c);
                        if (p.awaitingSecondAnswer()) {
                            p.handOver();
                            second = both->second;
                        } else {
                            mirroredPause = true;
                        }
                    }
                } else {
                    // Each answer is private: the device goes to its owner first.
                    if (p.needsHandoff()) handOff(p, picks, out, o, shared);
                    showNode(s, bodyHere(p, o), out, o, shared);
                    showChoices(s, question(p, false), out, o);
                    const auto picked = picks.pick(s, out);
                    if (!picked) return stopped();
                    c = *picked;
                    if (mirrored) {
                        p.choose(c);                      // the owner's answer, held until the other has answered
                        if (!p.awaitingSecondAnswer()) {  // a breathing pause: taken for both, no second answer
                            picks.skip();
                            mirroredPause = true;
                        }
                    }
                    if (mirrored && !mirroredPause) {
                        if (o.interactive)
                            clear(out, o, shared);  // the owner's pick is off the screen before the hand-off
                        if (p.needsHandoff()) handOff(p, picks, out, o, shared);
                        if (o.clearScreen && o.interactive) showNode(s, bodyHere(p, o), out, o, shared);
                        showChoices(s, question(p, true), out, o);
                        const auto other = picks.pick(s, out);
                        if (!other) return stopped();
                        second = *other;
                    }
                }
                const Choice& ch = node.choices[static_cast<std::size_t>(c)];
                if (mirrored && !mirroredPause) {
                    p.choose(second);  // both answers: the reveal, then the owner's answer is played
                    if (o.onReveal) o.onReveal(p, out);
                    if (o.interactive && picks.typing())
                        waitForEnter(out, picks.typing(), "\n  Press Enter when you are ready to go on. ");
                }
                const auto said = [&] {
                    std::ostringstream line;
                    line << '\n';
                    wrapped(line, sc.substitute(ch.text), o.width, who + ": ",
                            std::string(text::codePoints(who) + 2, ' '));
                    shared.add(out, line.str());
                };
                said();
                if (ch.breathe) breathe(out, o, picks.typing(), ch.practice);
                if (mirrored) break;
                if (!applied) {
                    if (person)
                        p.choose(c);
                    else
                        p.chooseDefault();
                }
                const int stepIndex = s.lastDecisionStep();
                const bool mine =
                    o.localRole.empty() ||
                    (stepIndex >= 0 && s.history()[static_cast<std::size_t>(stepIndex)].role == o.localRole);
                if (o.afterChoice && stepIndex >= 0 && mine) {
                    const Step& st = s.history()[static_cast<std::size_t>(stepIndex)];
                    o.afterChoice(s, st, out);
                    if (together && person && o.interactive && picks.typing() && !st.byDefault)
                        waitForEnter(out, picks.typing(), "\n  Press Enter when you have read your card. ");
                }
                // The choices and the card were for the person who chose: off the screen before
                // anyone else looks. What they said is the story, so it stays.
                if (together && person && o.interactive && o.clearScreen && o.localRole.empty()) {
                    clear(out, o, shared);
                    said();
                }
                break;
            }
        }
    }
    out << "\nThe story did not end after 100000 steps.\n";
    return PlayEnd::Stuck;
}

}  // namespace attune
