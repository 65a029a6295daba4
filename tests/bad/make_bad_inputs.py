#!/usr/bin/env python3
"""Writes the malformed scenario files of the bad-input suite from tests/data/small.yaml.

Each file breaks one thing. The expected report for each is in NAME.expected, checked
word for word by tests/core/load/bad_input_test.cpp. Run this only to add cases:
    python3 tests/bad/make_bad_inputs.py && ATTUNE_REGOLD=1 build/attune_tests -tc='*bad input*'
"""
import os

here = os.path.dirname(os.path.abspath(__file__))
base = open(os.path.join(here, "..", "data", "small.yaml"), encoding="utf-8").read()


def sub(old, new, count=1):
    assert old in base, old
    return base.replace(old, new, count)


cases = {
    "empty": "",
    "only-comment": "# nothing here yet\n",
    "scalar-root": "hello\n",
    "list-root": "- format: 1\n- id: x\n",
    "not-utf8": sub("Your jaw is tight", "Your jaw is t\xe9ght").encode("latin-1", "replace"),
    "control-character": sub("Of course. I'm here.", "Of course.\x07 I'm here."),
    "nul-byte": sub("Fine. Whatever.", "Fine.\x00 Whatever."),
    "alias-bomb": "format: 1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                  "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
    "self-alias": "format: 1\nid: &loop [*loop]\n",
    "anchor-in-node": sub("  opening:\n    say: partner", "  opening: &first\n    say: partner"),
    "two-documents": base + "---\nformat: 1\n",
    "deep-nesting": "format: 1\nid: " + "[" * 200 + "]" * 200 + "\n",
    "deep-condition": sub('if: "trust >= 40"', 'if: "' + "(" * 60 + "trust >= 40" + ")" * 60 + '"'),
    "syntax-unclosed-quote": sub('title: The Late Text (small)', 'title: "The Late Text (small)'),
    "syntax-unclosed-bracket": sub("themes: [needs, conflict]", "themes: [needs, conflict"),
    "tab-indent": sub("    say: partner\n    text: \"Hey", "    say: partner\n\ttext: \"Hey"),
    "duplicate-top-key": sub("minutes: 5\n", "minutes: 5\ntitle: Another title\n"),
    "duplicate-node-id": sub("  distance:\n", "  open-talk:\n    text: again\n    next: reconnected\n  distance:\n"),
    "duplicate-choice-id": sub("      - id: shut-down", "      - id: protest"),
    "unknown-top-key": sub("summary:", "sumary:"),
    "unknown-node-key": sub("    body: \"Your jaw", "    bdy: \"Your jaw"),
    "unknown-choice-key": sub("        style: avoidant\n        why:", "        stlye: avoidant\n        why:"),
    "missing-required": sub("start: opening\n", ""),
    "format-version": sub("format: 1", "format: 2"),
    "difficulty-word": sub("difficulty: 1", "difficulty: hard"),
    "difficulty-range": sub("difficulty: 1", "difficulty: 5"),
    "three-roles": sub("  partner: { name: Sam }", "  partner: { name: Sam }\n  friend: { name: Kai }"),
    "bad-color": sub("  partner: { name: Sam }", "  partner: { name: Sam, color: blue }"),
    "meter-start-range": sub("trust:   { start: 50 }", "trust:   { start: 150 }"),
    "unknown-theme": sub("themes: [needs, conflict]", "themes: [needs, conflcit]"),
    "unknown-sign": sub("signs: [anxious-when-apart]", "signs: [anxious-when-away]"),
    "unknown-style": sub("        style: anxious", "        style: anxius"),
    "breathe-yes": sub("        breathe: true", "        breathe: yes"),
    "bad-effect-value": sub("effects: { arousal: +15, trust: -10 }", "effects: { arousal: +15, trust: lots }"),
    "dangling-next": sub("        next: distance", "        next: distanse"),
    "dangling-start": sub("start: opening", "start: openning"),
    "unknown-role": sub("    say: partner\n    text: \"Of course", "    say: parnter\n    text: \"Of course"),
    "unknown-effect-target": sub("effects: { trust: -5 }", "effects: { trsut: -5 }"),
    "flag-given-number": sub("apologised: true }", "apologised: 3 }"),
    "unknown-pattern": sub("pattern: name-the-need", "pattern: name-the-nead"),
    "node-without-way-on": sub("    text: \"Of course. I'm here. Tell me.\"\n    next: reconnected\n",
                               "    text: \"Of course. I'm here. Tell me.\"\n"),
    "node-with-two-ways-on": sub("    text: \"You both go to bed without speaking.\"",
                                 "    text: \"You both go to bed without speaking.\"\n    next: opening"),
    "unreachable-node": sub("  rupture:\n", "  lonely:\n    text: \"Nobody comes here.\"\n    next: rupture\n  rupture:\n"),
    "trap-cycle": sub("    text: \"You put the phone face down. Neither of you writes again tonight.\"\n    next: rupture",
                      "    text: \"You put the phone face down. Neither of you writes again tonight.\"\n    next: sulk\n"
                      "  sulk:\n    text: \"You scroll and sulk.\"\n    next: distance"),
    "no-secure-option": sub("        style: secure\n        pattern: validating-partner",
                            "        style: anxious\n        pattern: reassurance-seeking"),
    "missing-explanation": sub("        why: \"Shutting the feeling away protects you for a moment, and leaves the need unmet.\"\n", ""),
    "no-default": sub("        next: open-talk\n        default: true\n      - id: partner-defend", "        next: open-talk\n      - id: partner-defend"),
    "missing-style": sub("        style: avoidant\n        why:", "        why:"),
    "two-defaults": sub("        pattern: defensiveness\n", "        pattern: defensiveness\n        default: true\n"),
    "condition-syntax": sub('if: "trust >= 40"', 'if: "trust >= "'),
    "condition-unknown-name": sub('if: "trust >= 40"', 'if: "trusst >= 40"'),
    "condition-type": sub('if: "trust >= 40"', 'if: "trust and apologised"'),
    "condition-unknown-node": sub('if: "not breathed and visits(first-reply) == 1"',
                                  'if: "not breathed and visits(first-replay) == 1"'),
    "condition-c-operators": sub('if: "not breathed and visits(first-reply) == 1"',
                                 'if: "!breathed && visits(first-reply) == 1"'),
    "condition-bad-number": sub('if: "trust >= 40"', 'if: "trust >= 4O"'),
    "no-fallback-branch": sub("      - { to: rupture }", "      - { if: \"trust < 40\", to: rupture }"),
    "test-unknown-ending": sub("expect: { ending: rupture, meters: { trust: 45 } }",
                               "expect: { ending: ruptured, meters: { trust: 45 } }"),
    "test-unknown-choice": sub("choose: [name-need]", "choose: [name-needs]"),
    "test-bad-comparison": sub('trust: ">= 60"', 'trust: "about 60"'),
    "test-pick-zero": sub("choose: [3]", "choose: [0]"),
    "nodes-is-a-list": sub("nodes:\n  opening:", "nodes:\n  - opening:"),
    "key-is-a-list": sub("minutes: 5", "[minutes]: 5"),
    "condition-too-long": sub('if: "trust >= 40"', 'if: "' + " and ".join(["trust >= 40"] * 200) + '"'),
    "start-empty": sub("start: opening", 'start: ""'),
    "escaped-control-character": sub('title: The Late Text (small)', 'title: "The Late Text\\e[2J (small)"'),
    "player-empty": sub("player: you", 'player: ""'),
    "say-empty": sub("    say: partner\n    text: \"Of course", "    say: \"\"\n    text: \"Of course"),
    "condition-multiline": sub('if: "trust >= 40"', 'if: trust >= 40 and\n          trusst > 1'),
    "condition-escaped": sub('if: "trust >= 40"', 'if: "\\u0074rust >= 40 and trusst > 1"'),
    "empty-meter": sub("  trust:   { start: 50 }", "  trust:\n"),
    "test-unknown-meter": sub('meters: { trust: ">= 60", arousal: "== 50" }', 'meters: { trusst: ">= 60", arousal: "== 50" }'),
    "test-unknown-flag": sub("flags: { apologised: true }", "flags: { apologized: true }"),
    "themes-empty": sub("themes: [needs, conflict]", "themes: []"),
    "title-empty": sub("title: The Late Text (small)", 'title: ""'),
    "role-name-empty": sub("  partner: { name: Sam }", '  partner: { name: "" }'),
    "choice-id-format": sub("      - id: shut-down", '      - id: "Shut Down, Now"'),
    "flag-duplicate": sub("flags: [apologised, breathed]", "flags: [apologised, breathed, apologised]"),
    "meter-name-keyword": sub("  trust:   { start: 50 }", "  trust:   { start: 50 }\n  not:     { start: 1 }\n  my meter: { start: 1 }"),
    "effect-too-large": sub("effects: { trust: -5 }", "effects: { trust: -50000000000 }"),
    "condition-minus": sub('if: "trust >= 40"', 'if: "trust - 4 > 40"'),
}

for name, content in cases.items():
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(os.path.join(here, name + ".yaml"), "wb") as f:
        f.write(data)
print(len(cases), "files")
