#include "core/model/Scenario.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>

namespace attune {

const char* name(Style s) {
    switch (s) {
        case Style::Secure:
            return "secure";
        case Style::Anxious:
            return "anxious";
        case Style::Avoidant:
            return "avoidant";
        case Style::Disorganised:
            return "disorganised";
    }
    return "?";
}

const char* name(Theme t) {
    switch (t) {
        case Theme::Needs:
            return "needs";
        case Theme::Boundaries:
            return "boundaries";
        case Theme::Conflict:
            return "conflict";
        case Theme::Regulation:
            return "regulation";
        case Theme::Repair:
            return "repair";
    }
    return "?";
}

const char* name(EndingKind k) {
    switch (k) {
        case EndingKind::Secure:
            return "secure";
        case EndingKind::Mixed:
            return "mixed";
        case EndingKind::Rupture:
            return "rupture";
    }
    return "?";
}

const char* name(MeterKind k) {
    switch (k) {
        case MeterKind::Arousal:
            return "arousal";
        case MeterKind::Trust:
            return "trust";
        case MeterKind::Custom:
            return "custom";
    }
    return "?";
}

namespace {
template <typename E, std::size_t N>
std::optional<E> parseEnum(std::string_view s, const E (&all)[N]) {
    for (E e : all)
        if (s == name(e)) return e;
    return std::nullopt;
}
constexpr EndingKind kEndings[] = {EndingKind::Secure, EndingKind::Mixed, EndingKind::Rupture};
constexpr MeterKind kMeterKinds[] = {MeterKind::Arousal, MeterKind::Trust, MeterKind::Custom};
}  // namespace

std::optional<Style> parseStyle(std::string_view s) { return parseEnum(s, kStyles); }
std::optional<Theme> parseTheme(std::string_view s) { return parseEnum(s, kThemes); }
std::optional<EndingKind> parseEndingKind(std::string_view s) { return parseEnum(s, kEndings); }
std::optional<MeterKind> parseMeterKind(std::string_view s) { return parseEnum(s, kMeterKinds); }

std::string contentHash(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return fmt::format("{:016x}", h);
}

Zone zoneOf(int arousal) {
    if (arousal > 70) return Zone::Above;
    if (arousal < 30) return Zone::Below;
    return Zone::Inside;
}

const char* key(Zone z) {
    switch (z) {
        case Zone::Below:
            return "below";
        case Zone::Inside:
            return "inside";
        case Zone::Above:
            return "above";
    }
    return "?";
}

std::optional<Zone> parseZone(std::string_view s) {
    for (Zone z : kZones)
        if (s == key(z)) return z;
    return std::nullopt;
}

const std::vector<std::string>& practiceIds() {
    static const std::vector<std::string> ids{"paced", "sigh", "grounding", "compassion", "break"};
    return ids;
}

std::string Node::bodyFor(std::string_view role, std::string_view plainFor) const {
    for (const auto& [r, t] : roleBody)
        if (r == role) return t;
    return role == plainFor ? body : std::string();
}

bool Pattern::allows(Style s) const {
    if (styles.empty()) return s == style;
    return std::find(styles.begin(), styles.end(), s) != styles.end();
}

std::vector<std::string> styleNames() {
    std::vector<std::string> v;
    for (Style s : kStyles) v.emplace_back(name(s));
    return v;
}

std::vector<std::string> themeNames() {
    std::vector<std::string> v;
    for (Theme t : kThemes) v.emplace_back(name(t));
    return v;
}

const std::vector<std::string>& signIds() {
    static const std::vector<std::string> ids = {"insecurity",       "reassurance-seeking", "preoccupation",
                                                 "minimising-needs", "closeness-craving",   "anxious-when-apart",
                                                 "hypervigilance",   "fear-of-abandonment", "boundary-difficulty",
                                                 "jealousy",         "people-pleasing",     "criticism-for-needs"};
    return ids;
}

std::string signPhrase(std::string_view id) {
    std::string s(id);
    for (char& c : s)
        if (c == '-') c = ' ';
    return s;
}

bool Comparison::holds(int v) const {
    switch (op) {
        case expr::Op::Eq:
            return v == value;
        case expr::Op::Ne:
            return v != value;
        case expr::Op::Lt:
            return v < value;
        case expr::Op::Le:
            return v <= value;
        case expr::Op::Gt:
            return v > value;
        case expr::Op::Ge:
            return v >= value;
        default:
            return false;
    }
}

namespace {
int lookup(const std::unordered_map<std::string, int>& m, std::string_view k) {
    auto it = m.find(std::string(k));
    return it == m.end() ? -1 : it->second;
}
}  // namespace

int Scenario::nodeIndex(std::string_view key) const { return lookup(nodeIdx_, key); }
int Scenario::meterIndex(std::string_view n) const { return lookup(meterIdx_, n); }
int Scenario::flagIndex(std::string_view n) const { return lookup(flagIdx_, n); }

const Role* Scenario::role(std::string_view key) const {
    for (const Role& r : roles)
        if (r.id == key) return &r;
    return nullptr;
}

const Pattern* Scenario::localPattern(std::string_view key) const {
    for (const Pattern& p : patterns)
        if (p.id == key) return &p;
    return nullptr;
}

std::string Scenario::substitute(std::string_view t) const {
    std::string out;
    out.reserve(t.size());
    std::size_t i = 0;
    while (i < t.size()) {
        if (t[i] == '{') {
            const std::size_t close = t.find('}', i);
            if (close != std::string_view::npos) {
                if (const Role* r = role(t.substr(i + 1, close - i - 1))) {
                    out += r->name;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += t[i++];
    }
    return out;
}

int Scenario::arousalMeter(std::string_view r) const {
    for (std::size_t i = 0; i < meters.size(); ++i)
        if (meters[i].kind == MeterKind::Arousal && meters[i].role == r) return static_cast<int>(i);
    return -1;
}

void Scenario::reindex() {
    nodeIdx_.clear();
    meterIdx_.clear();
    flagIdx_.clear();
    for (std::size_t i = 0; i < nodes.size(); ++i) nodeIdx_.emplace(nodes[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < meters.size(); ++i) meterIdx_.emplace(meters[i].name, static_cast<int>(i));
    for (std::size_t i = 0; i < flags.size(); ++i) flagIdx_.emplace(flags[i], static_cast<int>(i));
    startIndex = nodeIndex(start);
}

VisitFacts visitFacts(const Scenario& s) {
    VisitFacts f;
    int top = 2;
    const auto scan = [&](const std::optional<Condition>& c) {
        if (!c) return;
        for (const expr::Term& t : c->expr.terms) {
            if (t.op == expr::Op::Visited || t.op == expr::Op::Visits) f.watched.push_back(t.value);
            if (t.op == expr::Op::Int) top = std::max(top, std::min(t.value, 1000));
        }
    };
    for (const Node& n : s.nodes) {
        for (const Branch& b : n.next) scan(b.cond);
        for (const Choice& c : n.choices) {
            scan(c.cond);
            for (const Branch& b : c.next) scan(b.cond);
        }
    }
    std::sort(f.watched.begin(), f.watched.end());
    f.watched.erase(std::unique(f.watched.begin(), f.watched.end()), f.watched.end());
    f.cap = top + 1;
    return f;
}

}  // namespace attune
