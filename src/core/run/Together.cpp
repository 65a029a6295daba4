#include "core/run/Together.hpp"

#include "core/util/Text.hpp"

#include <fmt/format.h>

namespace attune {

const char* name(TogetherMode m) {
    switch (m) {
        case TogetherMode::Solo:
            return "solo";
        case TogetherMode::Pass:
            return "pass";
        case TogetherMode::Mirror:
            return "mirror";
    }
    return "solo";
}

std::optional<TogetherMode> parseTogetherMode(std::string_view s) {
    for (TogetherMode m : {TogetherMode::Solo, TogetherMode::Pass, TogetherMode::Mirror})
        if (s == name(m)) return m;
    return std::nullopt;
}

int Table::personFor(std::string_view role) const {
    for (std::size_t i = 0; i < people.size(); ++i)
        if (people[i].role == role) return static_cast<int>(i);
    return -1;
}

std::string Table::call(int i, const Scenario& s) const {
    if (i < 0 || static_cast<std::size_t>(i) >= people.size()) return "you";
    const Person& p = people[static_cast<std::size_t>(i)];
    if (!p.name.empty()) return p.name;
    const Role* r = s.role(p.role);
    return fmt::format("the person playing {}", r ? r->name : p.role);
}

std::string Table::label(int i, const Scenario& s) const {
    if (i < 0 || static_cast<std::size_t>(i) >= people.size()) return "You";
    const Person& p = people[static_cast<std::size_t>(i)];
    if (!p.name.empty()) return p.name;
    const Role* r = s.role(p.role);
    return r ? r->name : p.role;
}

std::string checkTable(const Table& t, const Scenario& s) {
    if (t.mode != TogetherMode::Solo && t.people.size() != 2)
        return fmt::format("playing together takes two people, not {}", t.people.size());
    for (const Person& p : t.people) {
        if (!s.role(p.role)) {
            std::vector<std::string> ids;
            for (const Role& r : s.roles) ids.push_back(r.id);
            return fmt::format("'{}' is not a role in this scenario (roles: {})", p.role, text::join(ids));
        }
        if (text::firstInvalidUtf8(p.name)) return "a name must be valid UTF-8 text";
        if (text::codePoints(p.name) > 40)
            return fmt::format("the name '{}' is longer than 40 characters", text::shorten(p.name, 40));
        for (unsigned char c : p.name)
            if (c < 0x20 || c == 0x7f) return "a name cannot contain control characters";
    }
    if (t.people.size() == 2) {
        if (t.people[0].role == t.people[1].role) return fmt::format("both people cannot play '{}'", t.people[0].role);
        if (!t.people[0].name.empty() && t.people[0].name == t.people[1].name)
            return fmt::format("both people are called '{}'; give one a different name", t.people[0].name);
    }
    return {};
}

std::optional<Table> makeTable(const Scenario& s, TogetherMode mode, const std::vector<std::string>& names,
                               const std::vector<std::string>& roles, std::string& error) {
    if (s.roles.size() < 2) {
        error = fmt::format("'{}' has one role; there is nobody for a second person to play", s.id);
        return std::nullopt;
    }
    if (names.size() > 2) {
        error = fmt::format("--names takes two names, not {}", names.size());
        return std::nullopt;
    }
    if (!roles.empty() && roles.size() != 2) {
        error = fmt::format("--roles takes the two roles, in the order of the names (for example {},{})", s.roles[0].id,
                            s.roles[1].id);
        return std::nullopt;
    }
    Table t;
    t.mode = mode;
    for (std::size_t i = 0; i < 2; ++i)
        t.people.push_back({i < names.size() ? names[i] : std::string(), roles.empty() ? s.roles[i].id : roles[i]});
    error = checkTable(t, s);
    if (!error.empty()) return std::nullopt;
    return t;
}

}  // namespace attune
