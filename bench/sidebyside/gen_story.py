#!/usr/bin/env python3
"""Writes one generated story three times: OUTDIR/story.yaml (Attune), story.ink, story.yarn.

    python3 gen_story.py N SEED OUTDIR

The output depends only on N and SEED (random.Random(SEED), standard library only).

The graph: nodes n0..n{N-1}, start n0. About 2% of the nodes (at least 3, always the
last) are endings; no two endings are next to each other and n0 is never one. The node
before every ending is a decision whose second choice leads into that ending: that is
the only way into an ending, so a walk ends by a pick and walks last a while. Of the
other nodes about a third are decisions with 2 to 4 choices, the rest lines whose one
unconditional next is the following node. A decision's first choice also goes to the
following node (so every node can be reached); its other choices go forward 1 to 6
nodes, or (one in four) back 1 to 25, so the story has loops that only choices close:
every cycle holds a decision, and the step cap ends any walk. Targets step over
endings (forward, or backward for a backward jump).

Four meters m0..m3 start at 0. A choice has 0 to 2 effects (+k or -k, k in 1..3). The
first choice of a decision never has a condition; the others have one three times in
five (about 40% of all choices): one comparison of a meter with 0..3 using >=, <, ==
or !=, a quarter of them two comparisons joined by `and`.

Texts are plain ASCII words with a period and commas only, so no engine reads anything
special in them, and every node's text is unique (it holds the node number).

Size: Attune refuses files over 8 MiB, so the YAML is kept compact (lines as one flow
mapping, choices without ids, short texts): 50,000 nodes come to about 7.8 MB.
"""
import os
import random
import sys

SUBJECTS = ["the kettle", "the phone", "the rain", "a door", "the dog", "the clock", "the radio",
            "the fridge", "a car outside", "the heater", "the cat", "the wind", "a neighbour",
            "the tap", "the laptop", "the window"]
VERBS = ["clicks off", "goes quiet", "hums", "rattles", "stops", "starts again", "buzzes once",
         "ticks on", "creaks", "settles", "drips", "glows", "sighs", "thumps"]
TAILS = ["", "", "", "", " for a while", " and nobody moves", " and you look up", " and the room waits"]
CHOICES = ["Ask", "Listen", "Breathe", "Go quiet", "Sigh", "Reach out", "Shout", "Leave", "Name it",
           "Joke", "Apologise", "Wait", "Nod", "Hug", "Explain", "Shrug"]
STYLES = ["secure", "anxious", "avoidant"]
ENDING_KINDS = ["secure", "mixed", "rupture"]
OPS = [">=", "<", "==", "!="]
METERS = ["m0", "m1", "m2", "m3"]


def build(n, seed):
    """The story as plain data: a list of node dicts, the same for every writer."""
    if n < 10:
        raise SystemExit("gen_story.py: N must be at least 10")
    rnd = random.Random(seed)
    last = n - 1
    want = max(3, round(n * 0.02))
    endings = {last}
    while len(endings) < want:
        e = rnd.randrange(3, last - 1)
        if e in endings or (e - 1) in endings or (e + 1) in endings:
            continue
        endings.add(e)
    forced = {e - 1 for e in endings}  # decisions that lead into an ending

    def fwd(i, d):
        t = min(i + d, last - 1)  # last - 1 is a decision, never an ending
        while t in endings:
            t += 1
        return t if t > i else back(i, rnd.randint(1, 25))  # only at last - 1

    def back(i, d):
        t = max(i - d, 0)
        while t in endings:
            t -= 1
        return t

    def condition():
        def one():
            return f"{rnd.choice(METERS)} {rnd.choice(OPS)} {rnd.randint(0, 3)}"
        return one() + (f" and {one()}" if rnd.random() < 0.25 else "")

    def effects():
        ms = rnd.sample(METERS, rnd.choice([0, 1, 1, 2]))
        return [(m, rnd.choice([1, -1]) * rnd.randint(1, 3)) for m in sorted(ms)]

    nodes = []
    for i in range(n):
        text = f"Line {i} {rnd.choice(SUBJECTS)} {rnd.choice(VERBS)}{rnd.choice(TAILS)}."
        node = {"id": f"n{i}", "text": text}
        if i in endings:
            node["ending"] = (rnd.choice(ENDING_KINDS), f"Ending {i}")
        elif i in forced or rnd.random() < 1 / 3:
            count = rnd.randint(2, 4)
            choices = []
            for j in range(count):
                if j == 1 and i in forced:
                    target = i + 1
                elif j == 0:
                    target = fwd(i, 1)
                elif rnd.random() < 0.25:
                    target = back(i, rnd.randint(1, 25))
                else:
                    target = fwd(i, rnd.randint(1, 6))
                choices.append({
                    "text": rnd.choice(CHOICES),
                    "style": "secure" if j == 0 else rnd.choice(STYLES),
                    "next": f"n{target}",
                    "effects": effects(),
                    "if": condition() if j > 0 and rnd.random() < 0.6 else None,
                })
            node["choices"] = choices
        else:
            node["next"] = f"n{fwd(i, 1)}"
        nodes.append(node)
    return nodes


def write_yaml(nodes, path, n, seed):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        w = f.write
        w("format: 1\nid: sidebyside\n")
        w(f'title: "Side by side {n}"\nsummary: "A generated story, seed {seed}, for the side-by-side benchmark."\n')
        w("themes: [needs]\nroles:\n  you: { name: You }\nplayer: you\nmeters:\n")
        for m in METERS:
            w(f"  {m}: {{ start: 0, min: -1000000, max: 1000000 }}\n")
        w("start: n0\nnodes:\n")
        for node in nodes:
            if "next" in node:
                w(f'  {node["id"]}: {{ text: "{node["text"]}", next: {node["next"]} }}\n')
                continue
            w(f'  {node["id"]}:\n    text: "{node["text"]}"\n')
            if "ending" in node:
                kind, title = node["ending"]
                w(f'    ending: {{ kind: {kind}, title: "{title}" }}\n')
            elif "choices" in node:
                w("    choices:\n")
                for c in node["choices"]:
                    parts = [f'text: "{c["text"]}"', f'style: {c["style"]}', f'next: {c["next"]}']
                    if c["effects"]:
                        parts.append("effects: { " + ", ".join(f"{m}: {k:+d}" for m, k in c["effects"]) + " }")
                    if c["if"]:
                        parts.append(f'if: "{c["if"]}"')
                    w("      - { " + ", ".join(parts) + " }\n")


def write_ink(nodes, path):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        w = f.write
        for m in METERS:
            w(f"VAR {m} = 0\n")
        w("-> n0\n\n")
        for node in nodes:
            w(f'=== {node["id"]} ===\n{node["text"]}\n')
            if "ending" in node:
                w("-> END\n")
            elif "choices" in node:
                for c in node["choices"]:
                    cond = f' {{{c["if"]}}}' if c["if"] else ""
                    w(f'+{cond} [{c["text"]}]\n')
                    for m, k in c["effects"]:
                        w(f"    ~ {m} = {m} {'+' if k > 0 else '-'} {abs(k)}\n")
                    w(f'    -> {c["next"]}\n')
            else:
                w(f'-> {node["next"]}\n')
            w("\n")


def write_yarn(nodes, path):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        w = f.write
        # The walk starts here: it sets the meters and prints nothing, so every walk
        # starts from zero even though loops come back to n0.
        w("title: Start\n---\n")
        for m in METERS:
            w(f"<<set ${m} to 0>>\n")
        w("<<jump n0>>\n===\n")
        for node in nodes:
            w(f'title: {node["id"]}\n---\n{node["text"]}\n')
            if "choices" in node:
                for c in node["choices"]:
                    cond = f' <<if {" ".join(("$" + t) if t in METERS else t for t in c["if"].split())}>>' if c["if"] else ""
                    w(f'-> {c["text"]}{cond}\n')
                    for m, k in c["effects"]:
                        w(f"    <<set ${m} to ${m} {'+' if k > 0 else '-'} {abs(k)}>>\n")
                    w(f'    <<jump {c["next"]}>>\n')
            elif "next" in node:
                w(f'<<jump {node["next"]}>>\n')
            w("===\n")


def main():
    if len(sys.argv) != 4:
        raise SystemExit("usage: gen_story.py N SEED OUTDIR")
    n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    nodes = build(n, seed)
    write_yaml(nodes, os.path.join(out, "story.yaml"), n, seed)
    write_ink(nodes, os.path.join(out, "story.ink"))
    write_yarn(nodes, os.path.join(out, "story.yarn"))


if __name__ == "__main__":
    main()
