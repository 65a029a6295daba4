#include "core/check/Lint.hpp"

#include "core/check/Checker.hpp"
#include "core/util/Text.hpp"

#include <cctype>
#include <fmt/format.h>

namespace attune::check {
namespace {

bool letter(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || (static_cast<unsigned char>(c) & 0x80);
}

/// Lower case, runs of space as one, no space at the ends: how two lines are compared.
std::string normalised(std::string_view t) {
    std::string out;
    bool space = false;
    for (char c : t) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string where(const std::string& file, Pos p) { return fmt::format("{}:{}:{}", file, p.line, p.col); }

}  // namespace

double Reading::grade() const {
    if (words == 0) return 0;
    return 0.39 * words / std::max(1, sentences) + 11.8 * syllables / words - 15.59;
}

int syllables(std::string_view word) {
    std::string w;
    for (char c : word)
        if (std::isalpha(static_cast<unsigned char>(c)))
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.empty()) return 0;
    const auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
    int n = 0;
    bool before = false;
    for (char c : w) {
        const bool v = vowel(c);
        if (v && !before) ++n;
        before = v;
    }
    // A silent final e ("take", "ride"), but not "-le" ("gentle") or a lone vowel ("the").
    if (w.size() > 2 && w.back() == 'e' && !vowel(w[w.size() - 2]) &&
        !(w[w.size() - 2] == 'l' && !vowel(w[w.size() - 3])))
        --n;
    return std::max(1, n);
}

void count(std::string_view text, Reading& r) {
    bool inWord = false, sentence = false;
    std::string word;
    const auto endWord = [&] {
        if (!word.empty()) {
            ++r.words;
            r.syllables += syllables(word);
            sentence = true;
        }
        word.clear();
    };
    for (char c : text) {
        if (letter(c) || (inWord && c == '\'')) {
            word += c;
            inWord = true;
            continue;
        }
        inWord = false;
        endWord();
        if ((c == '.' || c == '!' || c == '?') && sentence) {
            ++r.sentences;
            sentence = false;
        }
    }
    endWord();
    if (sentence) ++r.sentences;  // a last sentence without its stop
}

std::vector<Reading> readings(const Scenario& s) {
    std::vector<Reading> out;
    for (const Role& role : s.roles) {
        Reading r;
        r.who = role.name;
        for (const Node& n : s.nodes) {
            if (n.say == role.id) count(s.substitute(n.text), r);
            if (n.isDecision() && n.by == role.id)
                for (const Choice& c : n.choices) count(s.substitute(c.text), r);
        }
        out.push_back(r);
    }
    Reading narration;
    narration.who = "narration";
    for (const Node& n : s.nodes)
        if (n.say.empty()) count(s.substitute(n.text), narration);
    if (narration.words > 0) out.push_back(narration);
    return out;
}

void lint(const Scenario& s, const std::string& file, SeenLines& seen, Diagnostics& d) {
    // Reading level, per voice (a short voice is too short to score).
    const std::vector<Reading> rs = readings(s);
    for (std::size_t i = 0; i < rs.size(); ++i) {
        const Reading& r = rs[i];
        if (r.words < kShortestScored || r.grade() <= kReadingGradeLimit) continue;
        Pos at = i < s.roles.size() ? s.roles[i].pos : Pos{};
        if (i >= s.roles.size())
            for (const Node& n : s.nodes)
                if (n.say.empty() && !n.text.empty()) {
                    at = n.textPos;
                    break;
                }
        d.warning(
            at, "reading-level",
            fmt::format(
                "{} reads at grade {:.1f} (Flesch-Kincaid, over {} words); aim for grade {:.0f} or "
                "below: shorter sentences and plainer words are easier to take in when the body is alarmed",
                i < s.roles.size() ? fmt::format("what {} says and chooses", r.who) : std::string("the narration"),
                r.grade(), r.words, kReadingGradeLimit));
    }
    // Lines that will not fit at the default text size.
    for (const Node& n : s.nodes) {
        const std::size_t len = text::codePoints(s.substitute(n.text));
        if (len > kLongNodeText)
            d.warning(
                n.textPos, "long-line",
                fmt::format("this text is {} characters, about {} lines at the default text size, so {}; split it "
                            "across two nodes or keep it under {}",
                            len, (len + 69) / 70,
                            n.isDecision() ? "the choices start below the fold" : "it may not fit on the screen",
                            kLongNodeText));
        for (const Choice& c : n.choices) {
            const std::size_t cl = text::codePoints(s.substitute(c.text));
            if (cl > kLongChoiceText)
                d.warning(c.textPos, "long-line",
                          fmt::format("this choice is {} characters, {} lines on its button at the default text size; "
                                      "keep a choice under {} so it can be taken in at a glance",
                                      cl, (cl + 69) / 70, kLongChoiceText));
        }
    }
    // Body and why lines written twice, here or in another file linted with this one.
    const auto repeated = [&](const std::string& t, Pos at, const char* kind, const char* advice) {
        const std::string key = normalised(t);
        if (text::codePoints(key) < 24 || at.line <= 0) return;
        auto [it, fresh] = seen.emplace(key, std::make_pair(file, at));
        if (!fresh)
            d.warning(at, "repeated-text",
                      fmt::format("this {} line is also at {}; {}", kind, where(it->second.first, it->second.second),
                                  advice));
    };
    constexpr const char* bodyAdvice = "a felt sense written for this moment lands better than one used twice";
    for (const Node& n : s.nodes) {
        if (!n.body.empty()) repeated(n.body, n.bodyPos, "body", bodyAdvice);
        for (std::size_t i = 0; i < n.roleBody.size(); ++i)
            repeated(n.roleBody[i].second, n.roleBodyPos[i], "body", bodyAdvice);
        for (const Choice& c : n.choices)
            if (!c.why.empty()) repeated(c.why, c.whyPos, "why", "say what this choice protects in this moment");
    }
    // A breathing pause where nobody is ever above the window.
    bool breathing = false;
    for (const Node& n : s.nodes)
        for (const Choice& c : n.choices) breathing = breathing || c.breathe;
    if (!breathing) return;
    bool complete = false;
    const std::vector<int> top = highestArousal(s, &complete);
    if (!complete) return;  // too many states to say "nobody, ever": better silent than wrong
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        if (top[i] < 0 || top[i] >= kNearTheTop) continue;
        for (const Choice& c : s.nodes[i].choices)
            if (c.breathe)
                d.warning(c.pos, "breathe-calm",
                          fmt::format("a breathing pause is offered at '{}', but nobody's nervous system is near the "
                                      "top of the window, or above it, when the story gets here (at most {}); it helps "
                                      "most where someone is activated",
                                      s.nodes[i].id, top[i]));
    }
}

}  // namespace attune::check
