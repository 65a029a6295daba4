#pragma once
/// Scripted play: picks given up front (tests, --script), and the checks of
/// a scenario's `tests:` block.
#include "core/run/Playthrough.hpp"
#include "core/run/Session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace attune {

/// Parses "2,open-talk,1" into picks; reports a bad entry in `error`.
std::optional<std::vector<Pick>> parsePicks(std::string_view list, std::string& error);

/// Parses mirror-mode picks, one entry per decision written OWNER/OTHER ("2/1,gentle/sharp"),
/// into the answers in the order they are given: owner, other, owner, other... When the
/// owner takes a breathing pause, nobody else answers: write it OWNER/- .
std::optional<std::vector<Pick>> parseMirrorPicks(std::string_view list, std::string& error);

/// The choice (index into the node's choices) a pick names among those shown
/// now, or -1 with a message in `error`.
int resolvePick(const Session& s, const Pick& p, std::string& error);

/// The roles played: every role, or only the solo player.
std::set<std::string> playedRoles(const Scenario& s, bool solo);

struct ScriptResult {
    Session session;
    bool ok = true;
    std::string error;  ///< what went wrong, when !ok
    int picksUsed = 0;
    std::vector<PickRecord> log;  ///< every pick, defaults included, as the playthrough logged it
};

/// Plays until an ending, a stuck state, or the picks run out, through a Playthrough.
ScriptResult runScript(const Scenario& s, const std::vector<Pick>& picks, std::set<std::string> played);

struct TestOutcome {
    std::string name;
    bool passed = false;
    std::vector<std::string> problems;
};

TestOutcome runTest(const Scenario& s, const TestCase& t);

}  // namespace attune
