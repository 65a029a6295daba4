#include "core/load/Loader.hpp"

#include "core/check/Checker.hpp"
#include "core/load/Patterns.hpp"
#include "core/load/Reader.hpp"
#include "core/util/Limits.hpp"
#include "core/util/Text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <system_error>

namespace attune {
namespace fs = std::filesystem;
using YNode = yaml::Node;

std::optional<std::string> readFile(const fs::path& path, Diagnostics& diags, std::size_t maxBytes,
                                    std::string_view what) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        diags.error({}, "file-missing", "no such file");
        return std::nullopt;
    }
    if (fs::is_directory(status)) {
        diags.error({}, "file-is-directory", "this is a folder, not a scenario file");
        return std::nullopt;
    }
    const auto size = fs::file_size(path, ec);
    if (!ec && size > maxBytes) {
        diags.error({}, "file-too-large",
                    fmt::format("the file is {} bytes; {} are limited to {} bytes", size, what, maxBytes));
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error({}, "file-unreadable", "the file cannot be read (check its permissions)");
        return std::nullopt;
    }
    std::string data;
    data.resize(static_cast<std::size_t>(ec ? 0 : size));
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (in.bad()) {
        diags.error({}, "file-unreadable", "the file cannot be read");
        return std::nullopt;
    }
    data.resize(static_cast<std::size_t>(in.gcount()));
    // A file that grew since we looked: read the rest, within the cap.
    char extra[4096];
    while (in.read(extra, sizeof extra) || in.gcount() > 0) {
        data.append(extra, static_cast<std::size_t>(in.gcount()));
        if (data.size() > maxBytes) {
            diags.error(
                {}, "file-too-large",
                fmt::format("the file grew past {} bytes while it was read; {} are limited to that", maxBytes, what));
            return std::nullopt;
        }
    }
    return data;
}

namespace {

/// Moves a meter toward a target: `{ toward: 50, by: 10 }` (`by` optional: all the way).
std::optional<Effect> readToward(const YNode& key, const YNode& val, Diagnostics& d) {
    Effect e;
    e.target = key.value;
    e.pos = val.pos;
    e.keyPos = key.pos;
    e.kind = Effect::Kind::Toward;
    if (!read::mapping(val, {{"toward", "by"}, {"toward"}}, fmt::format("the effect on '{}'", key.value), d))
        return std::nullopt;
    const YNode* t = val.find("toward");
    if (!t) return std::nullopt;  // reported as a missing key
    auto target = read::integer(*t, "toward", -1000000, 1000000, d);
    if (!target) return std::nullopt;
    e.value = *target;
    e.pos = t->pos;
    if (const YNode* b = val.find("by")) {
        auto by = read::integer(*b, "by", 1, 1000000, d);
        if (!by) return std::nullopt;
        e.by = *by;
    }
    return e;
}

/// Reads `+n`, `-n` (change) or `n` (set), `{toward, by}`, or true/false for flags.
std::optional<Effect> readEffect(const YNode& key, const YNode& val, Diagnostics& d) {
    if (val.isMap()) return readToward(key, val, d);
    Effect e;
    e.target = key.value;
    e.pos = val.pos;
    e.keyPos = key.pos;
    if (val.isScalar() && !val.quoted && (val.value == "true" || val.value == "false")) {
        e.kind = Effect::Kind::Flag;
        e.value = val.value == "true" ? 1 : 0;
        return e;
    }
    if (read::looksTooLarge(val)) {
        d.error(val.pos, "out-of-range", fmt::format("effect on '{}' is too large", key.value));
        return std::nullopt;
    }
    if (!read::looksInteger(val)) {
        d.error(val.pos, "wrong-type",
                fmt::format("effect on '{}' must be +n, -n, n, {{ toward: n, by: n }} or true/false, not {}", key.value,
                            val.describe()));
        return std::nullopt;
    }
    e.kind = (val.value[0] == '+' || val.value[0] == '-') ? Effect::Kind::Add : Effect::Kind::Set;
    e.value = std::stoi(val.value);
    return e;
}

std::vector<Effect> readEffects(const YNode& n, Diagnostics& d) {
    std::vector<Effect> out;
    if (!n.isMap()) {
        d.error(n.pos, "wrong-type",
                fmt::format("'effects' must be a mapping like {{ trust: +5 }}, not {}", n.describe()));
        return out;
    }
    for (std::size_t i = 0; i < n.mapSize(); ++i)
        if (n.key(i).isScalar())
            if (auto e = readEffect(n.key(i), n.val(i), d)) out.push_back(std::move(*e));
    return out;
}

std::optional<Condition> readCondition(const YNode& n, Diagnostics& d) {
    auto src = read::text(n, "if", d);
    if (!src) return std::nullopt;
    Condition c;
    c.source = *src;
    c.pos = {n.pos.line, n.pos.col + (n.quoted ? 1 : 0)};
    c.exact = n.verbatim;
    bool ok = false;
    c.expr = expr::parse(c.source, check::locate(c), d, ok);
    if (!ok) return std::nullopt;
    return c;
}

std::optional<Branch> readBranch(const YNode& n, Diagnostics& d) {
    if (!read::mapping(n, {{"if", "to"}, {"to"}}, "a 'next' branch", d)) return std::nullopt;
    Branch b;
    b.pos = n.pos;
    if (const YNode* to = n.find("to")) {
        auto t = read::text(*to, "to", d);
        if (!t) return std::nullopt;
        b.to = *t;
        b.pos = to->pos;
    } else {
        return std::nullopt;
    }
    if (const YNode* c = n.find("if")) b.cond = readCondition(*c, d);
    return b;
}

std::vector<Branch> readNext(const YNode& n, Diagnostics& d) {
    std::vector<Branch> out;
    if (n.isScalar()) {
        out.push_back(Branch{std::nullopt, n.value, -1, n.pos});
        return out;
    }
    if (!n.isSeq()) {
        d.error(n.pos, "wrong-type",
                fmt::format("'next' must be a node id or a list of {{if, to}} branches, not {}", n.describe()));
        return out;
    }
    if (n.items.empty()) d.error(n.pos, "wrong-type", "'next' is an empty list; give at least one branch");
    for (const YNode& item : n.items)
        if (auto b = readBranch(item, d)) out.push_back(std::move(*b));
    return out;
}

template <typename E>
std::optional<E> readEnum(const YNode& n, const std::string& key, std::optional<E> (*parse)(std::string_view),
                          const std::vector<std::string>& names, Diagnostics& d) {
    auto t = read::text(n, key, d);
    if (!t) return std::nullopt;
    if (auto v = parse(*t)) return v;
    d.error(n.pos, "unknown-value",
            fmt::format("'{}' must be one of {}, not '{}'{}", key, text::join(names, ", "), *t,
                        text::didYouMean(*t, names)));
    return std::nullopt;
}

std::vector<Theme> readThemes(const YNode& n, const std::string& key, Diagnostics& d) {
    std::vector<Theme> out;
    for (const auto& [w, pos] : read::words(n, key, d)) {
        if (auto t = parseTheme(w))
            out.push_back(*t);
        else
            d.error(pos, "unknown-value",
                    fmt::format("unknown theme '{}'; themes are {}{}", w, text::join(themeNames()),
                                text::didYouMean(w, themeNames())));
    }
    return out;
}

std::vector<std::string> readSigns(const YNode& n, Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& [w, pos] : read::words(n, "signs", d)) {
        if (std::find(signIds().begin(), signIds().end(), w) != signIds().end())
            out.push_back(w);
        else
            d.error(pos, "unknown-sign",
                    fmt::format("unknown sign '{}'; see the catalogue in docs/scenario-format.md{}", w,
                                text::didYouMean(w, signIds())));
    }
    return out;
}

void readText(const YNode& map, const char* key, std::string& out, Diagnostics& d) {
    if (const YNode* v = map.find(key))
        if (auto t = read::text(*v, key, d)) out = *t;
}

/// Text that must not be empty (titles, names).
void readNonEmpty(const YNode& map, const char* key, std::string& out, const std::string& what, Diagnostics& d) {
    const YNode* v = map.find(key);
    if (!v) return;
    readText(map, key, out, d);
    if (v->isScalar() && out.find_first_not_of(" \t") == std::string::npos)
        d.error(v->pos, "empty-value", fmt::format("the '{}' of {} is empty", key, what));
}

/// The same, also keeping where the value stands (for messages about references).
void readText(const YNode& map, const char* key, std::string& out, Pos& at, Diagnostics& d) {
    if (const YNode* v = map.find(key)) at = v->pos;
    readText(map, key, out, d);
}

/// `breathe: true` (the default practice, paced breathing) or a practice id.
void readBreathe(const YNode& v, Choice& c, Diagnostics& d) {
    if (v.isScalar() && !v.quoted && (v.value == "true" || v.value == "false")) {
        c.breathe = v.value == "true";
        if (c.breathe) c.practice = "paced";
        return;
    }
    if (v.isScalar() && v.quoted && (v.value == "true" || v.value == "false")) {
        d.error(v.pos, "wrong-type",
                fmt::format("'breathe' is {} in quotes, which makes it text; write it without quotes", v.value));
        return;
    }
    auto t = read::text(v, "breathe", d);
    if (!t) return;
    const auto& ids = practiceIds();
    if (std::find(ids.begin(), ids.end(), *t) == ids.end()) {
        d.error(v.pos, "unknown-value",
                fmt::format("'breathe' must be true, false or a practice: {}; not '{}'{}", text::join(ids, ", "), *t,
                            text::didYouMean(*t, ids)));
        return;
    }
    c.breathe = true;
    c.practice = *t;
}

std::optional<Choice> readChoice(const YNode& n, Diagnostics& d) {
    static const read::KeySpec spec{
        {"text", "next", "style", "theme", "pattern", "why", "effects", "if", "id", "breathe", "default"},
        {"text", "next"}};
    if (!read::mapping(n, spec, "a choice", d)) return std::nullopt;
    Choice c;
    c.pos = n.pos;
    readText(n, "text", c.text, c.textPos, d);
    if (const std::size_t chars = text::codePoints(c.text); chars > limits::kMaxChoiceText)
        d.error(c.textPos, "text-too-long",
                fmt::format("this choice is {} characters; a choice's text is limited to {}", chars,
                            limits::kMaxChoiceText));
    if (const YNode* v = n.find("id")) {
        readText(n, "id", c.id, d);
        if (v->isScalar() && !text::isKebab(c.id))
            d.error(
                v->pos, "id-format",
                fmt::format("choice id '{}' must be lower-case kebab-case, like 'name-the-need'", text::shorten(c.id)));
    }
    readText(n, "why", c.why, c.whyPos, d);
    if (const YNode* v = n.find("next")) c.next = readNext(*v, d);
    if (const YNode* v = n.find("style")) {
        c.style = readEnum<Style>(*v, "style", parseStyle, styleNames(), d);
        c.stylePos = v->pos;
    }
    if (const YNode* v = n.find("theme")) {
        c.theme = readEnum<Theme>(*v, "theme", parseTheme, themeNames(), d);
        c.themePos = v->pos;
    }
    readText(n, "pattern", c.pattern, c.patternPos, d);
    if (const YNode* v = n.find("effects")) c.effects = readEffects(*v, d);
    if (const YNode* v = n.find("if")) c.cond = readCondition(*v, d);
    if (const YNode* v = n.find("breathe")) readBreathe(*v, c, d);
    if (const YNode* v = n.find("default")) c.isDefault = read::boolean(*v, "default", d).value_or(false);
    return c;
}

std::optional<Ending> readEnding(const YNode& n, Diagnostics& d) {
    if (!read::mapping(n, {{"kind", "title"}, {"kind", "title"}}, "an ending", d)) return std::nullopt;
    Ending e;
    e.pos = n.pos;
    if (const YNode* v = n.find("kind"))
        if (auto k = readEnum<EndingKind>(*v, "kind", parseEndingKind, {"secure", "mixed", "rupture"}, d)) e.kind = *k;
    readText(n, "title", e.title, d);
    return e;
}

attune::Node readNode(const std::string& id, const YNode& idPos, const YNode& n, Diagnostics& d) {
    static const read::KeySpec spec{{"say", "text", "body", "effects", "next", "choices", "by", "ending", "scene"}, {}};
    attune::Node node;
    node.id = id;
    node.pos = idPos.pos;
    if (!read::mapping(n, spec, fmt::format("node '{}'", id), d)) return node;
    readText(n, "text", node.text, node.textPos, d);
    if (const std::size_t chars = text::codePoints(node.text); chars > limits::kMaxNodeText)
        d.error(node.textPos, "text-too-long",
                fmt::format("this text is {} characters; a node's text is limited to {}, so split it across two nodes",
                            chars, limits::kMaxNodeText));
    if (const YNode* b = n.find("body")) {
        if (b->isMap()) {
            for (std::size_t i = 0; i < b->mapSize(); ++i) {
                if (!b->key(i).isScalar()) continue;
                if (auto t = read::text(b->val(i), b->key(i).value, d)) {
                    node.roleBody.emplace_back(b->key(i).value, *t);
                    node.roleBodyPos.push_back(b->key(i).pos);
                }
            }
        } else {
            readText(n, "body", node.body, node.bodyPos, d);
        }
    }
    readText(n, "say", node.say, node.sayPos, d);
    if (node.say == "narrator") {  // the explicit form of the default speaker
        node.say.clear();
        node.sayPos = {};
    }
    readText(n, "by", node.by, node.byPos, d);
    readText(n, "scene", node.scene, node.scenePos, d);
    if (const YNode* v = n.find("effects")) node.effects = readEffects(*v, d);
    if (const YNode* v = n.find("next")) node.next = readNext(*v, d);
    if (const YNode* v = n.find("ending")) node.ending = readEnding(*v, d);
    if (const YNode* v = n.find("choices")) {
        if (!v->isSeq())
            d.error(v->pos, "wrong-type", fmt::format("'choices' must be a list, not {}", v->describe()));
        else if (v->items.empty())
            d.error(v->pos, "wrong-type", "'choices' is an empty list; give at least one choice");
        else
            for (const YNode& c : v->items)
                if (auto choice = readChoice(c, d)) node.choices.push_back(std::move(*choice));
        // Reported at the first choice past the limit (all of them are still read and checked).
        if (v->isSeq() && v->items.size() > limits::kMaxChoices)
            d.error(v->items[limits::kMaxChoices].pos, "too-many-choices",
                    fmt::format("node '{}' has {} choices; a decision is limited to {}", id, v->items.size(),
                                limits::kMaxChoices));
    }
    // Shape: exactly one of next, choices, ending (reported here, where the keys are).
    const int ways = (n.find("next") ? 1 : 0) + (n.find("choices") ? 1 : 0) + (n.find("ending") ? 1 : 0);
    if (ways == 0)
        d.error(idPos.pos, "node-shape", fmt::format("node '{}' has none of 'next', 'choices' or 'ending'", id));
    else if (ways > 1)
        d.error(idPos.pos, "node-shape",
                fmt::format("node '{}' has more than one of 'next', 'choices' and 'ending'; give exactly one", id));
    if (n.find("by") && !n.find("choices"))
        d.error(node.byPos, "node-shape", fmt::format("node '{}' has 'by' but no 'choices'", id));
    return node;
}

void readRoles(const YNode& n, Scenario& s, Diagnostics& d) {
    if (!n.isMap()) {
        d.error(n.pos, "wrong-type",
                fmt::format("'roles' must be a mapping of role id to {{name}}, not {}", n.describe()));
        return;
    }
    for (std::size_t i = 0; i < n.mapSize(); ++i) {
        const YNode& k = n.key(i);
        const YNode& v = n.val(i);
        Role r;
        r.id = k.value;
        r.pos = k.pos;
        if (!text::isKebab(r.id))
            d.error(k.pos, "id-format",
                    fmt::format("role id '{}' must be lower-case kebab-case, like 'partner'", r.id));
        else if (r.id == "narrator")
            d.error(k.pos, "id-format",
                    "'narrator' is reserved for the narrator (say: narrator); give the role another id");
        if (read::mapping(v, {{"name", "pronouns", "color", "portrait"}, {"name"}}, fmt::format("role '{}'", r.id),
                          d)) {
            readNonEmpty(v, "name", r.name, fmt::format("role '{}'", r.id), d);
            readText(v, "pronouns", r.pronouns, d);
            readText(v, "portrait", r.portrait, r.portraitPos, d);
            if (const YNode* c = v.find("color")) {
                readText(v, "color", r.color, d);
                const bool hex = r.color.size() == 7 && r.color[0] == '#' &&
                                 r.color.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
                if (!hex)
                    d.error(c->pos, "wrong-type", fmt::format("'color' must look like \"#c46a4a\", not '{}'", r.color));
            }
        }
        s.roles.push_back(std::move(r));
    }
    if (s.roles.empty() || s.roles.size() > 2)
        d.error(n.pos, "role-count", fmt::format("a scenario has one or two roles, not {}", s.roles.size()));
}

MeterKind inferKind(const std::string& name) {
    if (name == "arousal" || name.ends_with("-arousal")) return MeterKind::Arousal;
    if (name == "trust") return MeterKind::Trust;
    return MeterKind::Custom;
}

void readMeters(const YNode& n, Scenario& s, Diagnostics& d) {
    if (!n.isMap()) {
        d.error(n.pos, "wrong-type",
                fmt::format("'meters' must be a mapping of meter name to {{start}}, not {}", n.describe()));
        return;
    }
    static const read::KeySpec spec{{"start", "min", "max", "role", "kind", "label", "show"}, {"start"}};
    for (std::size_t i = 0; i < n.mapSize(); ++i) {
        const YNode& k = n.key(i);
        const YNode& v = n.val(i);
        Meter m;
        m.name = k.value;
        m.pos = k.pos;
        m.kind = inferKind(m.name);
        if (!text::isConditionName(m.name))
            d.error(k.pos, "id-format",
                    fmt::format("meter name '{}' cannot be used in conditions; use letters, digits, '-' and '_', "
                                "starting with a letter, and not a word like 'and' or 'true'",
                                text::shorten(m.name)));
        if (read::mapping(v, spec, fmt::format("meter '{}'", m.name), d)) {
            constexpr int lim = 1000000;
            if (const YNode* x = v.find("min")) m.min = read::integer(*x, "min", -lim, lim, d).value_or(m.min);
            if (const YNode* x = v.find("max")) m.max = read::integer(*x, "max", -lim, lim, d).value_or(m.max);
            if (m.min >= m.max)
                d.error(v.pos, "out-of-range",
                        fmt::format("meter '{}' has min {} not below max {}", m.name, m.min, m.max));
            if (const YNode* x = v.find("start")) {
                if (auto st = read::integer(*x, "start", -lim, lim, d)) {
                    m.start = *st;
                    if (m.min < m.max && (m.start < m.min || m.start > m.max))
                        d.error(x->pos, "out-of-range",
                                fmt::format("meter '{}' starts at {}, outside its range {}..{}", m.name, m.start, m.min,
                                            m.max));
                }
            }
            readText(v, "role", m.role, m.rolePos, d);
            readText(v, "label", m.label, d);
            if (const YNode* x = v.find("kind"))
                if (auto kd = readEnum<MeterKind>(*x, "kind", parseMeterKind, {"arousal", "trust", "custom"}, d))
                    m.kind = *kd;
            if (const YNode* x = v.find("show")) m.show = read::boolean(*x, "show", d).value_or(true);
        }
        if (m.label.empty()) m.label = m.name;
        s.meters.push_back(std::move(m));
    }
}

std::optional<Comparison> readComparison(const YNode& n, const std::string& meter, Diagnostics& d) {
    Comparison c;
    YNode unquoted = n;
    unquoted.quoted = false;  // "50" and 50 both mean == 50
    if (read::looksInteger(unquoted)) {
        c.value = std::stoi(n.value);
        c.source = "== " + n.value;
        return c;
    }
    static const std::pair<const char*, expr::Op> ops[] = {{"==", expr::Op::Eq}, {"!=", expr::Op::Ne},
                                                           {">=", expr::Op::Ge}, {"<=", expr::Op::Le},
                                                           {">", expr::Op::Gt},  {"<", expr::Op::Lt}};
    if (n.isScalar()) {
        for (const auto& [sym, op] : ops) {
            if (n.value.rfind(sym, 0) != 0) continue;
            std::string rest = n.value.substr(std::string_view(sym).size());
            while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
            YNode num;
            num.kind = YNode::Kind::Scalar;
            num.value = rest;
            if (!read::looksInteger(num)) break;
            c.op = op;
            c.value = std::stoi(rest);
            c.source = n.value;
            return c;
        }
    }
    d.error(n.pos, "wrong-type",
            fmt::format("expected meter '{}' must be a comparison like \">= 60\" or \"== 35\", not {}", meter,
                        n.describe()));
    return std::nullopt;
}

void readExpect(const YNode& n, TestCase& t, Diagnostics& d) {
    if (!read::mapping(n, {{"ending", "meters", "flags"}, {}}, "'expect'", d)) return;
    if (const YNode* e = n.find("ending")) {
        if (auto v = read::text(*e, "ending", d)) t.ending = *v;
        t.endingPos = e->pos;
    }
    if (const YNode* m = n.find("meters")) {
        if (!m->isMap())
            d.error(m->pos, "wrong-type", fmt::format("'meters' must be a mapping, not {}", m->describe()));
        else
            for (std::size_t i = 0; i < m->mapSize(); ++i)
                if (auto c = readComparison(m->val(i), m->key(i).value, d)) {
                    t.meters.emplace_back(m->key(i).value, *c);
                    t.meterPos.push_back(m->key(i).pos);
                }
    }
    if (const YNode* f = n.find("flags")) {
        if (!f->isMap())
            d.error(f->pos, "wrong-type", fmt::format("'flags' must be a mapping, not {}", f->describe()));
        else
            for (std::size_t i = 0; i < f->mapSize(); ++i)
                if (auto b = read::boolean(f->val(i), f->key(i).value, d)) {
                    t.flags.emplace_back(f->key(i).value, *b);
                    t.flagPos.push_back(f->key(i).pos);
                }
    }
}

void readTests(const YNode& n, Scenario& s, Diagnostics& d) {
    if (!n.isSeq()) {
        d.error(n.pos, "wrong-type", fmt::format("'tests' must be a list, not {}", n.describe()));
        return;
    }
    for (const YNode& item : n.items) {
        if (!read::mapping(item, {{"name", "choose", "expect", "solo"}, {"name", "choose", "expect"}}, "a test", d))
            continue;
        TestCase t;
        t.pos = item.pos;
        readText(item, "name", t.name, d);
        if (const YNode* v = item.find("solo")) t.solo = read::boolean(*v, "solo", d).value_or(false);
        if (const YNode* c = item.find("choose")) {
            if (!c->isSeq())
                d.error(c->pos, "wrong-type", fmt::format("'choose' must be a list of picks, not {}", c->describe()));
            else
                for (const YNode& p : c->items) {
                    if (!p.isScalar()) {
                        d.error(p.pos, "wrong-type",
                                fmt::format("a pick must be a number or a choice id, not {}", p.describe()));
                        continue;
                    }
                    Pick pick;
                    pick.pos = p.pos;
                    if (read::looksInteger(p))
                        pick.number = std::stoi(p.value);
                    else
                        pick.id = p.value;
                    if (pick.id.empty() && pick.number < 1)
                        d.error(p.pos, "out-of-range", fmt::format("picks are numbered from 1, not {}", pick.number));
                    t.choose.push_back(std::move(pick));
                }
        }
        if (const YNode* e = item.find("expect")) readExpect(*e, t, d);
        s.tests.push_back(std::move(t));
    }
}

/// The number of nodes, reported at the first node past the limit (the nodes themselves
/// are read with the rest of the scenario).
void checkNodeCount(const YNode& root, Diagnostics& d) {
    const YNode* nodes = root.find("nodes");
    if (!nodes || !nodes->isMap() || nodes->mapSize() <= limits::kMaxNodes) return;
    d.error(nodes->key(limits::kMaxNodes).pos, "too-many-nodes",
            fmt::format("the scenario has {} nodes; a scenario is limited to {}, so split the story into smaller ones",
                        nodes->mapSize(), limits::kMaxNodes));
}

void readTop(const YNode& root, Scenario& s, Diagnostics& d) {
    checkNodeCount(root, d);
    if (const YNode* v = root.find("format")) {
        if (auto f = read::integer(*v, "format", 0, 1000000, d)) {
            s.format = *f;
            if (*f != 1)
                d.error(v->pos, "format-version",
                        fmt::format("format {} is not supported; this version of Attune reads format 1", *f));
        }
    }
    if (const YNode* v = root.find("id")) {
        readText(root, "id", s.id, d);
        s.idPos = v->pos;
        if (v->isScalar() && !text::isKebab(s.id))
            d.error(
                v->pos, "id-format",
                fmt::format("scenario id '{}' must be lower-case kebab-case, like 'late-text'", text::shorten(s.id)));
    }
    readNonEmpty(root, "title", s.title, "the scenario", d);
    readNonEmpty(root, "summary", s.summary, "the scenario", d);
    if (const YNode* v = root.find("themes")) {
        s.themes = readThemes(*v, "themes", d);
        if (v->isSeq() && v->items.empty()) d.error(v->pos, "empty-value", "'themes' needs at least one theme");
    }
    if (const YNode* v = root.find("signs")) {
        s.signs = readSigns(*v, d);
    }
    if (const YNode* v = root.find("difficulty")) s.difficulty = read::integer(*v, "difficulty", 1, 3, d).value_or(1);
    if (const YNode* v = root.find("minutes")) s.minutes = read::integer(*v, "minutes", 1, 600, d).value_or(0);
    if (const YNode* v = root.find("roles")) readRoles(*v, s, d);
    readText(root, "player", s.player, s.playerPos, d);
    if (!root.find("player") && !s.roles.empty()) s.player = s.roles.front().id;
    if (const YNode* v = root.find("meters")) readMeters(*v, s, d);
    if (const YNode* v = root.find("flags"))
        for (const auto& [w, pos] : read::words(*v, "flags", d)) {
            if (!text::isConditionName(w))
                d.error(pos, "id-format",
                        fmt::format("flag name '{}' cannot be used in conditions; use letters, digits, '-' and '_', "
                                    "starting with a letter, and not a word like 'and' or 'true'",
                                    text::shorten(w)));
            s.flags.push_back(w);
            s.flagPos.push_back(pos);
        }
    readText(root, "start", s.start, s.startPos, d);
}

}  // namespace

namespace {

/// `style: x`, or `styles: [x, y]` for behaviours any strategy can reach for; exactly one of them.
void readPatternStyles(const YNode& v, const YNode& k, Pattern& p, Diagnostics& d) {
    const YNode* one = v.find("style");
    const YNode* many = v.find("styles");
    if (one && many) {
        d.error(many->pos, "node-shape", fmt::format("pattern '{}' gives both 'style' and 'styles'; keep one", p.id));
        return;
    }
    if (!one && !many) {
        d.error(k.pos, "missing-key", fmt::format("pattern '{}' needs 'style' (or 'styles', a list)", p.id));
        return;
    }
    if (one) {
        if (auto st = readEnum<Style>(*one, "style", parseStyle, styleNames(), d)) p.styles.push_back(*st);
    } else {
        for (const auto& [w, pos] : read::words(*many, "styles", d)) {
            if (auto st = parseStyle(w)) {
                if (std::find(p.styles.begin(), p.styles.end(), *st) == p.styles.end()) p.styles.push_back(*st);
            } else {
                d.error(pos, "unknown-value",
                        fmt::format("unknown style '{}'; styles are {}{}", w, text::join(styleNames()),
                                    text::didYouMean(w, styleNames())));
            }
        }
    }
    if (many && p.styles.empty() && many->isSeq() && many->items.empty())
        d.error(many->pos, "empty-value",
                fmt::format("pattern '{}' gives an empty 'styles' list; name at least one", p.id));
    if (!p.styles.empty()) p.style = p.styles.front();
}

/// `body`: one text, or a mapping from zone (above, inside, below) to text.
void readPatternBody(const YNode& b, Pattern& p, Diagnostics& d) {
    if (!b.isMap()) {
        if (auto t = read::text(b, "body", d)) p.body = *t;
        return;
    }
    if (!read::mapping(b, {{"above", "inside", "below"}, {"above", "inside", "below"}},
                       fmt::format("the body of pattern '{}'", p.id), d))
        return;
    p.zoned = true;
    for (Zone z : kZones)
        if (const YNode* t = b.find(key(z))) {
            p.zoneBodyPos[static_cast<std::size_t>(z)] = t->pos;
            if (auto txt = read::text(*t, key(z), d)) p.zoneBody[static_cast<std::size_t>(z)] = *txt;
        }
}

}  // namespace

std::vector<Pattern> readPatterns(const YNode& map, const std::string& file, Diagnostics& d) {
    std::vector<Pattern> out;
    if (!map.isMap()) {
        d.error(map.pos, "wrong-type",
                fmt::format("'patterns' must be a mapping of pattern id to entry, not {}", map.describe()));
        return out;
    }
    static const read::KeySpec spec{{"style", "styles", "title", "what", "need", "body", "instead", "themes", "signs"},
                                    {"title", "what", "need", "body", "instead"}};
    for (std::size_t i = 0; i < map.mapSize(); ++i) {
        const YNode& k = map.key(i);
        const YNode& v = map.val(i);
        Pattern p;
        p.id = k.value;
        p.pos = k.pos;
        p.file = file;
        if (!text::isKebab(p.id))
            d.error(k.pos, "id-format", fmt::format("pattern id '{}' must be lower-case kebab-case", p.id));
        if (!read::mapping(v, spec, fmt::format("pattern '{}'", p.id), d)) continue;
        readPatternStyles(v, k, p, d);
        readText(v, "title", p.title, d);
        readText(v, "what", p.what, p.whatPos, d);
        readText(v, "need", p.need, p.needPos, d);
        if (const YNode* b = v.find("body")) {
            p.bodyPos = b->pos;
            readPatternBody(*b, p, d);
        }
        readText(v, "instead", p.instead, d);
        if (const YNode* t = v.find("themes")) p.themes = readThemes(*t, "themes", d);
        if (const YNode* s = v.find("signs")) p.signs = readSigns(*s, d);
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<Scenario> parseScenario(std::string_view text, const std::string& file, Diagnostics& d) {
    auto root = yaml::parse(text, d);
    if (!root) return std::nullopt;
    return buildScenario(*root, file, d);
}

std::optional<Scenario> buildScenario(const yaml::Node& tree, const std::string& file, Diagnostics& d) {
    const YNode* root = &tree;
    static const read::KeySpec spec{{"format", "id", "title", "summary", "themes", "signs", "difficulty", "minutes",
                                     "roles", "player", "meters", "flags", "start", "nodes", "patterns", "tests"},
                                    {"format", "id", "title", "summary", "themes", "roles", "start", "nodes"}};
    if (!read::mapping(*root, spec, "the scenario", d)) return std::nullopt;
    Scenario s;
    s.file = file;
    readTop(*root, s, d);
    if (const YNode* v = root->find("nodes")) {
        if (!v->isMap())
            d.error(v->pos, "wrong-type",
                    fmt::format("'nodes' must be a mapping of node id to node, not {}", v->describe()));
        else {
            s.nodes.reserve(v->mapSize());
            for (std::size_t i = 0; i < v->mapSize(); ++i)
                if (v->key(i).isScalar()) s.nodes.push_back(readNode(v->key(i).value, v->key(i), v->val(i), d));
        }
    }
    if (const YNode* v = root->find("patterns")) s.patterns = readPatterns(*v, file, d);
    if (const YNode* v = root->find("tests")) readTests(*v, s, d);
    s.reindex();
    return s;
}

std::optional<std::vector<Pattern>> parsePatternLibrary(std::string_view text, const std::string& file,
                                                        Diagnostics& d) {
    auto root = yaml::parse(text, d);
    if (!root) return std::nullopt;
    if (!read::mapping(*root, {{"format", "patterns"}, {"format", "patterns"}}, "the pattern library", d))
        return std::nullopt;
    if (const YNode* f = root->find("format"))
        if (auto v = read::integer(*f, "format", 1, 1, d); !v) return std::nullopt;
    const YNode* p = root->find("patterns");
    if (!p) return std::nullopt;
    return readPatterns(*p, file, d);
}

LoadResult loadScenarioText(std::string_view text, const std::string& file, const PatternLibrary& library,
                            Checks checks) {
    LoadResult r{std::nullopt, Diagnostics(file)};
    auto s = parseScenario(text, file, r.diags);
    if (s) s->contentHash = contentHash(text);
    if (s) checkScenario(*s, library, r.diags, checks);
    r.diags.sort();
    if (s && !r.diags.hasErrors()) r.scenario = std::move(s);
    return r;
}

void checkScenario(Scenario& s, const PatternLibrary& library, Diagnostics& diags, Checks checks) {
    check::checkScenario(s, library, diags, checks == Checks::Author);
    check::checkImages(s, fs::path(s.file).parent_path(), assetsDir(), diags);
}

LoadResult loadScenario(const fs::path& path, const PatternLibrary& library, Checks checks) {
    Diagnostics d(path.string());
    auto text = readFile(path, d);
    if (!text) return LoadResult{std::nullopt, std::move(d)};
    return loadScenarioText(*text, path.string(), library, checks);
}

}  // namespace attune
