#include "core/check/Rules.hpp"

namespace attune::check {

const std::vector<Rule>& rules() {
    using S = Severity;
    static const std::vector<Rule> table = {
        {"file-missing", S::Error, "file", "the file does not exist"},
        {"file-is-directory", S::Error, "file", "a folder was given where a file was expected"},
        {"file-unreadable", S::Error, "file", "the file or folder cannot be read"},
        {"file-too-large", S::Error, "file", "the file is over the 8 MiB cap, checked before parsing"},
        {"empty-file", S::Error, "file", "the file holds no YAML document"},
        {"encoding", S::Error, "file", "the file is not valid UTF-8"},
        {"control-character", S::Error, "file", "a control character other than tab and newline"},
        {"yaml-syntax", S::Error, "yaml", "YAML that cannot be parsed"},
        {"yaml-documents", S::Error, "yaml", "more than one YAML document in a file"},
        {"yaml-anchor", S::Error, "yaml", "an anchor (&name); anchors and aliases are not used"},
        {"yaml-alias", S::Error, "yaml", "an alias (*name); anchors and aliases are not used"},
        {"yaml-tag", S::Error, "yaml", "an explicit YAML tag such as !!str"},
        {"yaml-depth", S::Error, "yaml", "lists and mappings nested deeper than 24 levels"},
        {"yaml-key", S::Error, "yaml", "a key that is a list or a mapping"},
        {"duplicate-key", S::Error, "yaml", "the same key twice in one mapping (both places are named)"},
        {"unknown-key", S::Error, "structure", "a key the format does not define (with a suggestion)"},
        {"missing-key", S::Error, "structure", "a required key is absent"},
        {"wrong-type", S::Error, "structure", "a value of the wrong kind: text, number, true/false, list or mapping"},
        {"out-of-range", S::Error, "structure", "a number outside its allowed range"},
        {"unknown-value", S::Error, "structure", "a style, theme, kind or ending kind that does not exist"},
        {"unknown-sign", S::Error, "structure", "a sign id that is not in the catalogue"},
        {"format-version", S::Error, "structure", "a format version this program does not read"},
        {"id-format", S::Error, "structure", "a scenario, role or pattern id that is not kebab-case"},
        {"empty-value", S::Error, "structure", "an empty title, summary, role name or theme list"},
        {"role-count", S::Error, "structure", "not one or two roles"},
        {"node-shape", S::Error, "structure", "a node without exactly one of next, choices, ending"},
        {"too-many-nodes", S::Error, "structure", "a scenario with more than 100,000 nodes (docs/limits.md)"},
        {"too-many-choices", S::Error, "structure", "a decision with more than 32 choices (docs/limits.md)"},
        {"text-too-long", S::Error, "structure",
         "a node's text over 4,000 characters, or a choice's over 1,000 (docs/limits.md)"},
        {"condition-syntax", S::Error, "reference", "a condition that cannot be parsed"},
        {"condition-type", S::Error, "reference", "a condition mixing numbers and true/false"},
        {"unknown-name", S::Error, "reference", "a condition names no meter or flag"},
        {"unknown-node", S::Error, "reference", "visited()/visits() names no node"},
        {"dangling-start", S::Error, "reference", "start names no node"},
        {"dangling-next", S::Error, "reference", "next names no node"},
        {"unknown-role", S::Error, "reference", "player, say, by or a meter's role names no role"},
        {"unknown-target", S::Error, "reference", "an effect on a meter or flag that is not declared"},
        {"effect-type", S::Error, "reference", "a number given to a flag, or true/false to a meter"},
        {"unknown-pattern", S::Error, "reference", "a pattern id in neither the library nor the scenario"},
        {"duplicate-name", S::Error, "reference", "the same name used for a meter and a flag"},
        {"duplicate-choice-id", S::Error, "reference", "two choices with the same id"},
        {"missing-style", S::Error, "teaching", "a choice without a style"},
        {"default-count", S::Error, "teaching", "a decision with more than one default choice"},
        {"no-ending", S::Error, "graph", "the scenario has no ending node"},
        {"no-way-out", S::Error, "graph", "a reachable node from which no ending can be reached"},
        {"unreachable", S::Warning, "graph", "a node that cannot be reached from start"},
        {"no-fallback", S::Warning, "graph", "every way on is conditional, so the story can get stuck"},
        {"no-default", S::Warning, "teaching", "a decision of a non-player role without a default choice"},
        {"duplicate-scenario-id", S::Error, "library", "two files in one library share a scenario id"},
        {"no-scenarios", S::Warning, "library", "a folder given to validate, test or stats holds no .yaml files"},
        {"no-secure-option", S::Warning, "teaching", "a decision with no secure option to practise"},
        {"missing-explanation", S::Warning, "teaching", "a non-secure choice with neither why nor pattern"},
        {"pattern-style", S::Warning, "teaching", "a choice's style is not one its pattern allows"},
        {"freeze-as-choice", S::Error, "teaching",
         "a choice names the pattern 'freeze': freeze is a state the story enters, not a choice"},
        {"zone-claim", S::Warning, "teaching",
         "pattern text that claims a window-of-tolerance zone it cannot know (a card could contradict the meter)"},
        {"few-options", S::Warning, "teaching", "a decision with fewer than three options (breathing pauses aside)"},
        {"reentry-effects", S::Warning, "teaching", "a choice returns to its own node, whose effects then apply again"},
        {"secure-ending-shutdown", S::Warning, "teaching",
         "a secure ending that can be reached with an arousal meter below the window"},
        {"image-path", S::Error, "image",
         "a portrait or scene path that leaves the scenario's folder and the assets (.., absolute, a link outside)"},
        {"image-missing", S::Warning, "image", "a portrait or scene that is in neither folder: the window shows none"},
        {"image-too-large", S::Warning, "image", "a portrait or scene file over the 8 MiB cap: the window shows none"},
        {"image-format", S::Warning, "image",
         "a portrait or scene that is not .png, .jpg, .bmp or .tga: the window shows none"},
        {"reading-level", S::Warning, "lint", "lint: a voice reads above grade 8 (Flesch-Kincaid)"},
        {"long-line", S::Warning, "lint", "lint: a text or choice too long to fit at the default text size"},
        {"repeated-text", S::Warning, "lint", "lint: a body or why line written twice, in one file or across files"},
        {"breathe-calm", S::Warning, "lint", "lint: a breathing pause where nobody is ever near the top of the window"},
        {"test-unknown-ending", S::Error, "tests", "a test expects a node that is not an ending"},
        {"test-unknown-choice", S::Error, "tests", "a test picks a choice id that does not exist"},
        {"test-unknown-meter", S::Error, "tests", "a test expects a meter that does not exist"},
        {"test-unknown-flag", S::Error, "tests", "a test expects a flag that does not exist"},
    };
    return table;
}

const Rule* findRule(std::string_view id) {
    for (const Rule& r : rules())
        if (r.id == id) return &r;
    return nullptr;
}

}  // namespace attune::check
