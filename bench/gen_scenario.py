#!/usr/bin/env python3
"""Writes a valid scenario with N nodes (default 10,000) for the validate benchmark.

Every third node is a decision with three choices (secure, anxious with a pattern,
avoidant with a why), with effects and a condition; the rest are lines with body
text and conditional next branches, so the file exercises every part of the loader
and checker. The last nodes are endings.
"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
out = sys.stdout
w = out.write
w("format: 1\nid: bench\ntitle: \"Benchmark\"\nsummary: \"A generated scenario for timing the loader.\"\n")
w("themes: [needs, conflict]\nsigns: [insecurity]\ndifficulty: 2\nminutes: 60\n")
w("roles:\n  alex: { name: Alex, color: \"#c46a4a\" }\n  sam: { name: Sam, color: \"#4a7fc4\" }\nplayer: alex\n")
w("meters:\n  alex-arousal: { start: 50, role: alex, kind: arousal }\n  sam-arousal: { start: 50, role: sam }\n  trust: { start: 50 }\n")
w("flags: [breathed, apologised]\nstart: n0\nnodes:\n")
endings = 3
body = n - endings
for i in range(body):
    nxt = f"n{i + 1}" if i + 1 < body else "end-secure"
    w(f"  n{i}:\n")
    if i % 3 == 2:
        by = "sam" if i % 6 == 5 else "alex"
        w(f"    by: {by}\n    text: \"Decision {i}: what now, {{{by}}}?\"\n    choices:\n")
        w(f"      - {{ id: c{i}-a, text: \"I felt scared when you went quiet. Can we talk?\", style: secure, theme: needs, "
          f"pattern: name-the-need, effects: {{ alex-arousal: -5, trust: +3 }}, next: {nxt}, default: true }}\n")
        w(f"      - {{ id: c{i}-b, text: \"Why do you always do this to me?\", style: anxious, theme: conflict, "
          f"pattern: criticism-for-needs, effects: {{ alex-arousal: +8, trust: -4 }}, next: {nxt}, if: \"trust > 10 or not breathed\" }}\n")
        w(f"      - {{ id: c{i}-c, text: \"Whatever.\", style: avoidant, why: \"Closing the door keeps the hurt out and the partner out too.\", "
          f"effects: {{ sam-arousal: +5, breathed: true }}, next: end-rupture }}\n")
    else:
        say = "    say: sam\n" if i % 2 else ""
        w(f"{say}    text: \"Line {i}. The kettle clicks off and neither of you moves to get it.\"\n")
        w(f"    body: \"Your shoulders rise a little.\"\n    effects: {{ sam-arousal: -1 }}\n")
        w(f"    next:\n      - {{ if: \"visits(n{i}) > 3 and trust < 5\", to: end-mixed }}\n      - {{ to: {nxt} }}\n")
w("  end-secure:\n    ending: { kind: secure, title: \"Together\" }\n    text: \"You find each other again.\"\n")
w("  end-mixed:\n    ending: { kind: mixed, title: \"Not yet\" }\n    text: \"Not solved, not lost.\"\n")
w("  end-rupture:\n    ending: { kind: rupture, title: \"Apart\" }\n    text: \"A cold night.\"\n")
