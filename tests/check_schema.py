#!/usr/bin/env python3
"""Checks scenarios/schema.json, the JSON Schema editors use, against what attune accepts.

    check_schema.py SCHEMA FILE...
        Validates each file; exits 1 if any is rejected (or cannot be read as YAML).

    check_schema.py --agree SCHEMA BADDIR SHIPPED...
        Checks that the schema agrees with the loader, in both directions:
        - every BADDIR/*.yaml is listed in exactly one of BADDIR/schema-level.txt and
          BADDIR/loader-only.txt (one file name a line, then "# reason"), and every listed
          file exists, so a new bad input cannot go unclassified;
        - every schema-level file is one the loader rejects (its .expected holds an error),
          and the schema rejects it too;
        - every loader-only file the loader accepts (its .expected holds only warnings)
          is accepted by the schema, since a schema has no warnings, only rejections;
        - every SHIPPED file (the shipped scenarios, tests/data) is accepted.

YAML is read the way yaml-language-server reads it (YAML 1.2, core schema), not with
PyYAML's YAML 1.1 default: `yes`, `no`, `on` and `off` are text, not booleans;
`2024-01-01` is text, not a date; `012` is 12. Attune agrees on all of these (it takes
every scalar as the text written, and only a plain true/false or whole number as more).
Mapping keys stay the text written in the file. Like attune, the reader refuses what a
scenario may not hold: duplicate keys, anchors and aliases, keys that are lists or
mappings, a second document.

A file that cannot be read that way is reported as a YAML error. In --agree mode a
schema-level file that cannot be read does NOT count as rejected by the schema: the
schema never saw it, so it is a disagreement, and the file belongs in loader-only.txt
(with the YAML problem as its reason).
"""
import json
import re
import sys
from pathlib import Path

import jsonschema
import yaml


class ScenarioLoader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 core-schema scalars and attune's refusals."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed in scenarios",
                                              event.start_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(None, None, f"anchors (&{event.anchor}) are not allowed in scenarios",
                                              event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(None, None, f"expected a mapping, found {node.id}", node.start_mark)
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(None, None, "keys must be plain words, not a list or mapping",
                                                        key_node.start_mark)
            key = key_node.value  # the text as written: `1:` and `true:` are the keys "1" and "true"
            if key in mapping:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node):
        value = self.construct_scalar(node)
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value, 10)  # leading zeros are decimal in YAML 1.2


# The YAML 1.2 core schema's implicit types, in place of PyYAML's YAML 1.1 ones.
ScenarioLoader.yaml_implicit_resolvers = {}
ScenarioLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
ScenarioLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
ScenarioLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))
ScenarioLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
ScenarioLoader.add_constructor("tag:yaml.org,2002:int", ScenarioLoader.construct_yaml_int)


class Unreadable(Exception):
    """The file is not YAML a scenario can be: the schema cannot see it."""


def read(path):
    try:
        with open(path, encoding="utf-8") as stream:
            return yaml.load(stream, Loader=ScenarioLoader)
    except UnicodeDecodeError as e:
        raise Unreadable(f"not UTF-8 ({e.reason})") from None
    except yaml.YAMLError as e:
        raise Unreadable(" ".join(str(e).split())) from None
    except RecursionError:
        raise Unreadable("nested too deeply") from None


def errors(validator, path):
    """The schema's complaints about a file, as printable lines; [] when it is accepted."""
    data = read(path)
    found = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in found]


def load_schema(path):
    schema = json.loads(Path(path).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def validate(schema_path, files):
    validator = load_schema(schema_path)
    failed = 0
    for path in files:
        try:
            found = errors(validator, path)
        except Unreadable as e:
            found = [f"cannot be read as a scenario's YAML: {e}"]
        for line in found:
            print(f"{path}: {line}")
        failed += bool(found)
    print(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


def read_list(path, problems):
    """NAME.yaml  # reason, one a line; blank lines and lines starting with # are skipped."""
    names = {}
    if not path.is_file():
        problems.append(f"{path}: missing")
        return names
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, reason = line.partition("#")
        name = name.strip()
        if not name.endswith(".yaml") or " " in name:
            problems.append(f"{path}:{number}: expected 'NAME.yaml  # reason', not {raw!r}")
        elif not reason.strip():
            problems.append(f"{path}:{number}: {name} has no reason (write '{name}  # why')")
        elif name in names:
            problems.append(f"{path}:{number}: {name} is listed twice (also line {names[name]})")
        else:
            names[name] = number
    return names


def loader_verdict(bad_dir, name):
    """'error' or 'warning' from NAME.expected, the loader's golden report; None without one."""
    expected = bad_dir / (name[: -len(".yaml")] + ".expected")
    if not expected.is_file():
        return None
    text = expected.read_text(encoding="utf-8")
    if re.search(r"^\S*: error: ", text, re.M):
        return "error"
    return "warning"


def agree(schema_path, bad_dir, shipped):
    validator = load_schema(schema_path)
    bad_dir = Path(bad_dir)
    problems = []
    schema_level = read_list(bad_dir / "schema-level.txt", problems)
    loader_only = read_list(bad_dir / "loader-only.txt", problems)
    present = {p.name for p in bad_dir.glob("*.yaml")}

    # (a) every bad input classified once, and every listed one present
    for name in sorted(present - schema_level.keys() - loader_only.keys()):
        problems.append(f"{name}: in neither schema-level.txt nor loader-only.txt; classify it")
    for name in sorted(schema_level.keys() & loader_only.keys()):
        problems.append(f"{name}: in both schema-level.txt and loader-only.txt; keep one")
    for listed, names in (("schema-level.txt", schema_level), ("loader-only.txt", loader_only)):
        for name in sorted(names.keys() - present):
            problems.append(f"{listed}: {name} does not exist in {bad_dir}")

    # (b) the schema rejects every schema-level input (one the loader rejects)
    rejected = 0
    for name in sorted(schema_level.keys() & present):
        if loader_verdict(bad_dir, name) != "error":
            problems.append(f"{name}: listed as schema-level, but attune accepts it (no error in its .expected), "
                            "so the schema must accept it too; move it to loader-only.txt")
            continue
        try:
            found = errors(validator, bad_dir / name)
        except Unreadable as e:
            problems.append(f"{name}: schema-level, but the schema never sees it: {e}")
            continue
        if found:
            rejected += 1
        else:
            problems.append(f"{name}: schema-level, but the schema accepts it")

    # the loader accepts a loader-only input that has only warnings: so must the schema
    for name in sorted(loader_only.keys() & present):
        if loader_verdict(bad_dir, name) != "warning":
            continue
        try:
            found = errors(validator, bad_dir / name)
        except Unreadable as e:
            found = [f"cannot be read: {e}"]
        for line in found:
            problems.append(f"{name}: attune accepts it (warnings only), but the schema rejects it: {line}")

    # (c) every shipped file accepted
    accepted = 0
    for path in shipped:
        try:
            found = errors(validator, path)
        except Unreadable as e:
            found = [f"cannot be read as a scenario's YAML: {e}"]
        for line in found:
            problems.append(f"{path}: {line}")
        accepted += not found

    for p in problems:
        print(p)
    if problems:
        print(f"schema disagrees with the loader: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        return 1
    print(f"schema agrees with the loader: {rejected} schema-level inputs rejected, {len(loader_only)} loader-only, "
          f"{accepted} scenarios accepted")
    return 0


def main(argv):
    if len(argv) >= 2 and argv[1] == "--agree":
        if len(argv) < 4:
            print("usage: check_schema.py --agree SCHEMA BADDIR SHIPPED...", file=sys.stderr)
            return 2
        return agree(argv[2], argv[3], argv[4:])
    if len(argv) < 2:
        print("usage: check_schema.py SCHEMA FILE...  |  check_schema.py --agree SCHEMA BADDIR SHIPPED...",
              file=sys.stderr)
        return 2
    return validate(argv[1], argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
