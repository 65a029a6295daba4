#!/usr/bin/env python3
"""Checks that an HTML report parses as well-formed HTML (every element closed in
order), loads nothing from the network, and has one SVG point per step per arc.
Usage: check_html.py REPORT.html EXPECTED_POINTS"""
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "input", "link", "hr"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.points, self.svgs, self.errors = [], 0, 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if key in a:
                self.errors.append(f"external resource: {tag} {key}={a[key]}")
        if tag == "svg":
            self.svgs += 1
        if tag == "circle" and a.get("class") == "point":
            self.points += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()


c = Checker()
c.feed(open(sys.argv[1], encoding="utf-8").read())
c.close()
if c.stack:
    c.errors.append(f"unclosed: {c.stack}")
if c.svgs != 1:
    c.errors.append(f"expected one svg, found {c.svgs}")
if c.points != int(sys.argv[2]):
    c.errors.append(f"expected {sys.argv[2]} points, found {c.points}")
for e in c.errors:
    print(e)
sys.exit(1 if c.errors else 0)
