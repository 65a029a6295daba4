#pragma once
/// The scenario model: plain data, checked by the loader and the validator,
/// read by the Session. Nothing here knows about YAML or screens.
#include "core/expr/Expr.hpp"
#include "core/model/Diagnostic.hpp"

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

/// The catalogue of anxious-attachment signs (ids for `signs:`).
const std::vector<std::string>& signIds();
/// A short human phrase for a sign id ("jealousy" -> "jealousy").
std::string signPhrase(std::string_view id);

/// A condition as written, with its parsed form.
struct Condition {
    std::string source;
    expr::Expr expr;
    Pos pos;             ///< of the first character of the text
    bool exact = true;   ///< written on one line without escapes, so columns map character for character
};

/// One way out of a node or choice: `to` when `cond` holds (or always).
struct Branch {
    std::optional<Condition> cond;
    std::string to;
    int target = -1;  ///< resolved node index
    Pos pos;
};

struct Effect {
    enum class Kind { Add, Set, Flag };
    std::string target;
    Kind kind = Kind::Add;
    int value = 0;  ///< amount, set value, or 0/1 for flags
    int index = -1; ///< resolved meter or flag index
    Pos pos;        ///< of the value
    Pos keyPos;     ///< of the meter or flag name
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
    bool isDefault = false;
    Pos pos;
    Pos stylePos, patternPos, themePos;
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
    std::string body;
    std::vector<Effect> effects;
    std::vector<Branch> next;
    std::vector<Choice> choices;
    std::string by;  ///< role that chooses (resolved: never empty on a decision)
    std::optional<Ending> ending;
    Pos pos;
    Pos sayPos, byPos;

    bool isDecision() const { return !choices.empty(); }
    bool isEnding() const { return ending.has_value(); }
};

struct Role {
    std::string id;
    std::string name;
    std::string pronouns;
    std::string color;  ///< "#rrggbb" or empty
    std::string portrait;
    Pos pos;
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
    Style style = Style::Secure;
    std::string title, what, need, body, instead;
    std::vector<Theme> themes;
    std::vector<std::string> signs;
    Pos pos;
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

}  // namespace attune
