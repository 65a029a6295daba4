#pragma once
/// Phrases that claim where a nervous system is in the window of tolerance. A card
/// must never claim a zone that the chooser's meter contradicts; the validator and
/// the zone-truth test both read text through this one list.
#include "core/model/Scenario.hpp"

#include <string_view>
#include <vector>

namespace attune::feedback {

struct ZoneClaim {
    Zone zone = Zone::Inside;
    std::string_view phrase;  ///< as listed (lower case)
    std::size_t at = 0;       ///< byte offset in the text
};

/// Every zone claim in `text` (case-insensitive; curly apostrophes count as straight ones).
std::vector<ZoneClaim> zoneClaims(std::string_view text);
/// The first claim in `text` of a zone other than `z`, if any.
const ZoneClaim* contradiction(const std::vector<ZoneClaim>& claims, Zone z);
/// The phrases for one zone, for documentation and messages.
std::vector<std::string_view> zonePhrases(Zone z);

}  // namespace attune::feedback
