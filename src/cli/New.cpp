#include "cli/Commands.hpp"

#include "core/load/Folders.hpp"
#include "core/util/Text.hpp"

#include <fmt/format.h>
#include <fstream>
#include <iostream>

namespace attune::cli {
namespace fs = std::filesystem;

namespace {

// A small, valid scenario that shows every part of the format once.
constexpr const char* kTemplate = R"yaml(# yaml-language-server: $schema={schema}
format: 1
id: {id}
title: "{title}"
summary: "One or two sentences that tell a player what moment this is."
themes: [needs]
signs: [reassurance-seeking]
difficulty: 1
minutes: 3
roles:
  robin: {{ name: Robin, pronouns: she/her, color: "#c46a4a", portrait: art/portraits/rose-long.png }}
  kai:   {{ name: Kai, pronouns: he/him, color: "#4a7fc4", portrait: art/portraits/sky-short.png }}
player: robin
meters:
  robin-arousal: {{ start: 66, role: robin, kind: arousal, label: "Robin's nervous system" }}
  kai-arousal:   {{ start: 45, role: kai, kind: arousal, label: "Kai's nervous system" }}
  trust:         {{ start: 50, label: "Trust" }}
flags: [breathed]
start: opening
nodes:
  opening:
    say: narrator
    scene: art/scenes/living-room-evening.png
    text: "Kai has been quiet since dinner."
    body: "Your stomach tightens. You start to wonder what you did."
    next: ask
  ask:
    choices:
      - id: breathe
        text: "(Let one long breath out before you say anything.)"
        style: secure
        theme: regulation
        pattern: self-soothing-pause
        breathe: sigh
        effects: {{ robin-arousal: {{ toward: 50, by: 10 }}, breathed: true }}
        next: ask
        if: "not breathed and robin-arousal > 60"
      - id: curious
        text: "You seem far away tonight. How are you doing?"
        style: secure
        theme: needs
        pattern: curious-question
        effects: {{ robin-arousal: {{ toward: 50, by: 5 }}, kai-arousal: {{ toward: 50, by: 5 }}, trust: +10 }}
        next: kai-answers
        default: true
      - id: are-we-ok
        text: "Are we okay? Did I do something? Just tell me."
        style: anxious
        theme: needs
        pattern: reassurance-seeking
        why: "The quiet feels like a threat, so you reach for certainty fast. The need is real; the rush makes it hard for Kai to answer."
        effects: {{ robin-arousal: +10, kai-arousal: +10, trust: -5 }}
        next: kai-answers
      - id: scroll
        text: "(Pick up your phone and scroll, and wait for him to say something first.)"
        style: avoidant
        theme: needs
        pattern: withdrawing
        why: "Keeping busy spares you the risk of asking, and leaves the worry, and Kai, on their own."
        effects: {{ robin-arousal: +5, trust: -5 }}
        next: kai-answers
  kai-answers:
    by: kai
    body:
      kai: "Your shoulders are still up round your ears from the day."
      robin: "You watch his face and try not to guess."
    choices:
      - id: kai-opens
        text: "Work was rough. It's not about you. Thanks for asking."
        style: secure
        pattern: validating-partner
        effects: {{ robin-arousal: {{ toward: 50, by: 10 }}, trust: +10 }}
        next: close
        default: true
      - id: kai-shuts
        text: "I'm fine. Can we just watch something?"
        style: avoidant
        pattern: fake-fine
        effects: {{ robin-arousal: +10, trust: -10 }}
        next:
          - {{ if: "trust >= 50", to: later }}
          - {{ to: apart }}
      - id: kai-sorry
        text: "Sorry, I've been rubbish company. Are you annoyed with me?"
        style: anxious
        pattern: over-apologising
        why: "Her worry lands as something you caused, so you rush to apologise before either of you has said what is wrong."
        effects: {{ kai-arousal: +5 }}
        next: later
  close:
    ending: {{ kind: secure, title: "Close again" }}
    text: "Kai leans into you on the sofa and tells you about his day."
  later:
    ending: {{ kind: mixed, title: "Later, maybe" }}
    text: "You watch something. It is not the talk you hoped for, but the door is open."
  apart:
    ending: {{ kind: rupture, title: "Two screens" }}
    text: "You end up on separate screens, each alone with it."
tests:
  - name: a curious question and an open answer end close
    choose: [curious, kai-opens]
    expect: {{ ending: close, meters: {{ trust: ">= 60" }} }}
  - name: a breath first still leaves room for a mixed evening
    choose: [breathe, curious, kai-shuts]
    expect: {{ ending: later }}
  - name: an anxious rush met by a shut door ends apart
    choose: [are-we-ok, kai-shuts]
    expect: {{ ending: apart }}
)yaml";

std::string titleFrom(const std::string& id) {
    std::string t = id;
    for (char& c : t)
        if (c == '-') c = ' ';
    if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    return t;
}

}  // namespace

int newScenario(const std::string& id, const std::string& dir) {
    if (!text::isKebab(id)) {
        std::cerr << fmt::format("attune: '{}' is not a kebab-case id; try something like 'late-text'\n", id);
        return 2;
    }
    const fs::path file = fs::path(dir) / (id + ".yaml");
    std::error_code ec;
    if (fs::exists(file, ec)) {
        std::cerr << fmt::format("attune: {} already exists; nothing was written\n", file.string());
        return 1;
    }
    std::ofstream out(file);
    // The first line tells editors with yaml-language-server where the schema is.
    out << fmt::format(fmt::runtime(kTemplate), fmt::arg("id", id), fmt::arg("title", titleFrom(id)),
                       fmt::arg("schema", folders::schemaFile().string()));
    out.close();
    if (!out) {
        std::cerr << fmt::format("attune: could not write {}\n", file.string());
        return 1;
    }
    std::cout << fmt::format("Wrote {}. Next: attune validate {} && attune play {}\n", file.string(), file.string(),
                             file.string());
    return 0;
}

}  // namespace attune::cli
