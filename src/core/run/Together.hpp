#pragma once
/// Who is at the table: one person alone, or two people on one screen passing the
/// device (each plays a role) or mirroring (both answer every decision privately as
/// the choosing role; the owner's answer drives the story).
#include "core/model/Scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace attune {

enum class TogetherMode { Solo, Pass, Mirror };
const char* name(TogetherMode m);
std::optional<TogetherMode> parseTogetherMode(std::string_view s);

/// One person: their name (optional) and the role they play.
struct Person {
    std::string name;
    std::string role;
    bool operator==(const Person&) const = default;
};

/// Both partners' answers at one decision in mirror mode.
struct MirrorRound {
    int step = -1;  ///< index into Session::history()
    std::string node, role;
    int owner = -1;  ///< the owner's choice (index into the node's choices): the one played
    int other = -1;  ///< the other person's answer
    int ownerPerson = 0, otherPerson = 1;
    bool alike() const { return owner == other; }
};

struct Table {
    TogetherMode mode = TogetherMode::Solo;
    std::vector<Person> people;  ///< one, or two with different roles
    bool machines = false;       ///< each person at their own machine (attune host / join)
    bool operator==(const Table&) const = default;

    bool together() const { return mode != TogetherMode::Solo && people.size() == 2; }
    /// The person who plays `role`, or -1.
    int personFor(std::string_view role) const;
    /// What to call person `i`: their name, or "the person playing Jordan".
    std::string call(int i, const Scenario& s) const;
    /// Their name, or the role's name when they gave none (for lists and headings).
    std::string label(int i, const Scenario& s) const;
};

/// Checks a table against a scenario: roles exist, two people take different roles,
/// names are at most 40 characters and have no control characters. Empty when fine.
std::string checkTable(const Table& t, const Scenario& s);

/// Two people, one per role, in the scenario's role order; `names` may be empty or
/// have one or two names, `roles` may be empty (the scenario's order) or name both roles.
std::optional<Table> makeTable(const Scenario& s, TogetherMode mode, const std::vector<std::string>& names,
                               const std::vector<std::string>& roles, std::string& error);

}  // namespace attune
