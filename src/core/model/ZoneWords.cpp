#include "core/model/ZoneWords.hpp"

#include <algorithm>

namespace attune::feedback {
namespace {

struct Phrase {
    Zone zone;
    std::string_view text;
};

// Kept in step with docs/scenario-brief.md ("Zone words") and docs/validator-rules.md.
constexpr Phrase kPhrases[] = {
    {Zone::Inside, "inside your window"},
    {Zone::Inside, "within your window"},
    {Zone::Inside, "in your window"},
    {Zone::Inside, "settled body"},
    {Zone::Inside, "in range"},
    {Zone::Inside, "you're settled"},
    {Zone::Inside, "calm enough"},
    {Zone::Inside, "steady enough"},
    {Zone::Above, "above your window"},
    {Zone::Above, "flooded"},
    {Zone::Above, "fight-or-flight has"},
    {Zone::Above, "fight or flight has"},
    {Zone::Above, "alarm is ringing"},
    {Zone::Above, "hyper-aroused"},
    {Zone::Below, "below your window"},
    {Zone::Below, "shut down"},
    {Zone::Below, "shutdown has"},
    {Zone::Below, "gone numb"},
    {Zone::Below, "frozen"},
    {Zone::Below, "collapsed"},
};

/// Lower-case ASCII, and the right single quote (U+2019) folded to an apostrophe, keeping
/// a map from each folded byte back to its offset in the original.
std::string fold(std::string_view s, std::vector<std::size_t>& where) {
    std::string out;
    out.reserve(s.size());
    where.clear();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
            out += '\'';
            where.push_back(i);
            i += 2;
            continue;
        }
        const char c = s[i];
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        where.push_back(i);
    }
    return out;
}

bool wordEdge(const std::string& s, std::size_t i) {
    if (i >= s.size()) return true;
    const char c = s[i];
    return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
}

}  // namespace

std::vector<ZoneClaim> zoneClaims(std::string_view text) {
    std::vector<std::size_t> where;
    const std::string folded = fold(text, where);
    std::vector<ZoneClaim> out;
    for (const Phrase& p : kPhrases)
        for (std::size_t at = folded.find(p.text); at != std::string::npos; at = folded.find(p.text, at + 1))
            if ((at == 0 || wordEdge(folded, at - 1)) && wordEdge(folded, at + p.text.size()))
                out.push_back({p.zone, p.text, where[at]});
    std::sort(out.begin(), out.end(), [](const ZoneClaim& a, const ZoneClaim& b) { return a.at < b.at; });
    return out;
}

const ZoneClaim* contradiction(const std::vector<ZoneClaim>& claims, Zone z) {
    for (const ZoneClaim& c : claims)
        if (c.zone != z) return &c;
    return nullptr;
}

std::vector<std::string_view> zonePhrases(Zone z) {
    std::vector<std::string_view> out;
    for (const Phrase& p : kPhrases)
        if (p.zone == z) out.push_back(p.text);
    return out;
}

}  // namespace attune::feedback
