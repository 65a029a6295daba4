#pragma once
/// The scenario model: plain data, checked by the loader and the validator,
/// read by the Session. Nothing here knows about YAML or screens.
#include "core/expr/Expr.hpp"
#include "core/util/Diagnostic.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace attune {

enum class Style { Secure, Anxious, Avoidant, Disorganised };
enum class Theme { Needs, Boundaries, Conflict, Regulation, Repair };
enum class EndingKind { Secure, Mixed, Rupture };
enum class MeterKind { Arousal, Trust, Custom };
/// The window of tolerance: below it (shutdown), inside it, above it (fight or flight).
enum class Zone { Below, Inside, Above };
/// The program's bands: below 30, 30..70, above 70 (a story device, not a measurement).
Zone zoneOf(int arousal);
inline constexpr Zone kZones[] = {Zone::Below, Zone::Inside, Zone::Above};
/// "below", "inside", "above": the keys of a zoned text.
const char* key(Zone z);
std::optional<Zone> parseZone(std::string_view s);
/// The regulation practices the program ships (`breathe:`): paced, sigh, grounding, compassion, break.
const std::vector<std::string>& practiceIds();

inline constexpr Style kStyles[] = {Style::Secure, Style::Anxious, Style::Avoidant, Style::Disorganised};
inline constexpr Theme kThemes[] = {Theme::Needs, Theme::Boundaries, Theme::Conflict, Theme::Regulation, Theme::Repair};

const char* name(Style s);
const char* name(Theme t);
const char* name(EndingKind k);
const char* name(MeterKind k);
std::optional<Style> parseStyle(std::string_view s);
std::optional<Theme> parseTheme(std::string_view s);
std::optional<EndingKind> parseEndingKind(std::string_view s);
std::optional<MeterKind> parseMeterKind(std::string_view s);
std::vector<std::string> styleNames();
std::vector<std::string> themeNames();

/// A 64-bit FNV-1a hash of some bytes, as 16 hex digits.
std::string contentHash(std::string_view bytes);

/// The catalogue of anxious-attachment signs (ids for `signs:`).
const std::vector<std::string>& signIds();
/// A short human phrase for a sign id ("jealousy" -> "jealousy").
std::string signPhrase(std::string_view id);

/// A condition as written, with its parsed form.
struct Condition {
    std::string source;
    expr::Expr expr;
    Pos pos;            ///< of the first character of the text
    bool exact = true;  ///< written on one line without escapes, so columns map character for character
};

/// One way out of a node or choice: `to` when `cond` holds (or always).
struct Branch {
    std::optional<Condition> cond;
    std::string to;
    int target = -1;  ///< resolved node index
    Pos pos;
};

struct Effect {
    enum class Kind { Add, Set, Flag, Toward };
    std::string target;
    Kind kind = Kind::Add;
    int value = 0;   ///< amount, set value, target (toward), or 0/1 for flags
    int by = -1;     ///< toward: the most it moves in one go; -1 all the way
    int index = -1;  ///< resolved meter or flag index
    Pos pos;         ///< of the value
    Pos keyPos;      ///< of the meter or flag name
};

struct Choice {
    std::string id;
    std::string text;
    std::vector<Branch> next;
    std::optional<Style> style;
    std::optional<Theme> theme;
    std::string pattern;
    std::string why;
    std::vector<Effect> effects;
    std::optional<Condition> cond;
    bool breathe = false;
    std::string practice;  ///< with breathe: paced (the default), sigh or grounding
    bool isDefault = false;
    Pos pos;
    Pos stylePos, patternPos, themePos, textPos, whyPos;
};

struct Ending {
    EndingKind kind = EndingKind::Mixed;
    std::string title;
    Pos pos;
};

struct Node {
    std::string id;
    std::string say;  ///< role id, or empty for the narrator
    std::string text;
    std::string body;  ///< the felt sense of the role that chooses here (on a line: the player)
    std::vector<std::pair<std::string, std::string>> roleBody;  ///< `body` as role id -> text
    std::vector<Pos> roleBodyPos;
    std::vector<Effect> effects;
    std::vector<Branch> next;
    std::vector<Choice> choices;
    std::string by;  ///< role that chooses (resolved: never empty on a decision)
    std::optional<Ending> ending;
    std::string scene;      ///< an image behind the story from here on, as the file gives it
    std::string sceneFile;  ///< resolved (scenario folder, else assets); empty when it cannot be shown
    Pos pos;
    Pos sayPos, byPos, scenePos, textPos, bodyPos;

    bool isDecision() const { return !choices.empty(); }
    /// The body line for a role: its own entry, else the plain text when that role is the one it is for.
    std::string bodyFor(std::string_view role, std::string_view plainFor) const;
    bool isEnding() const { return ending.has_value(); }
};

struct Role {
    std::string id;
    std::string name;
    std::string pronouns;
    std::string color;         ///< "#rrggbb" or empty
    std::string portrait;      ///< an image beside the role's name, as the file gives it
    std::string portraitFile;  ///< resolved (scenario folder, else assets); empty when it cannot be shown
    Pos pos, portraitPos;
};

struct Meter {
    std::string name;
    int start = 0, min = 0, max = 100;
    std::string role;
    MeterKind kind = MeterKind::Custom;
    std::string label;
    bool show = true;
    Pos pos;
    Pos rolePos;
};

struct Pattern {
    std::string id;
    Style style = Style::Secure;  ///< the first of `styles`
    std::vector<Style> styles;    ///< every style the behaviour can come from
    std::string title, what, need, instead;
    std::string body;                     ///< one text for every zone, or empty when zoned
    std::array<std::string, 3> zoneBody;  ///< by Zone, when `body` is a zone mapping
    bool zoned = false;
    /// The body text for a chooser in zone `z` (the plain one when not zoned).
    const std::string& bodyFor(Zone z) const { return zoned ? zoneBody[static_cast<std::size_t>(z)] : body; }
    bool allows(Style s) const;
    std::vector<Theme> themes;
    std::vector<std::string> signs;
    Pos pos;
    Pos whatPos, needPos, bodyPos;     ///< where each text stands (bodyPos: the plain body or the mapping)
    std::array<Pos, 3> zoneBodyPos{};  ///< by Zone
    std::string file;
};

/// A pick in a test or script: a 1-based number or a choice id.
struct Pick {
    int number = 0;
    std::string id;
    Pos pos;
};

struct Comparison {
    expr::Op op = expr::Op::Eq;
    int value = 0;
    std::string source;
    bool holds(int v) const;
};

struct TestCase {
    std::string name;
    std::vector<Pick> choose;
    bool solo = false;
    std::optional<std::string> ending;
    Pos endingPos;
    std::vector<std::pair<std::string, Comparison>> meters;
    std::vector<std::pair<std::string, bool>> flags;
    std::vector<Pos> meterPos, flagPos;  ///< where each expected name is written
    Pos pos;
};

struct Scenario {
    std::string file;
    int format = 1;
    std::string id, title, summary;
    std::vector<Theme> themes;
    std::vector<std::string> signs;
    int difficulty = 1;
    int minutes = 0;
    std::vector<Role> roles;
    std::string player;
    std::vector<Meter> meters;
    std::vector<std::string> flags;
    std::vector<Pos> flagPos;
    std::string start;
    int startIndex = -1;
    std::vector<Node> nodes;
    std::vector<Pattern> patterns;  ///< scenario-local
    std::vector<TestCase> tests;
    std::string contentHash;  ///< of the file's bytes (FNV-1a, 64 bits, in hex): a saved playthrough notices a change
    Pos idPos, startPos, playerPos;

    int nodeIndex(std::string_view key) const;
    int meterIndex(std::string_view name) const;
    int flagIndex(std::string_view name) const;
    const Role* role(std::string_view id) const;
    const Pattern* localPattern(std::string_view id) const;
    /// Text with `{role-id}` replaced by the role's name.
    std::string substitute(std::string_view text) const;
    /// The arousal meter tied to a role, or -1.
    int arousalMeter(std::string_view role) const;
    /// Rebuilds the lookup tables after the vectors change.
    void reindex();

private:
    std::unordered_map<std::string, int> nodeIdx_, meterIdx_, flagIdx_;
};

/// What the conditions read of visit counts: the nodes whose visits they name, and one
/// more than the largest number any condition compares with (more visits than that change
/// nothing). States that differ only past these are the same for everything that follows.
struct VisitFacts {
    std::vector<int> watched;  ///< node indices named by visited()/visits(), sorted, once each
    int cap = 3;
};
VisitFacts visitFacts(const Scenario& s);

}  // namespace attune
