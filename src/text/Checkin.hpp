#pragma once
/// The terminal's check-ins: before a story, how activated the person feels (0 to 10) and a
/// word for it; after the debrief, the same and a short note. One Enter skips each whole
/// check-in; the end of input skips too.
#include <iosfwd>
#include <optional>
#include <string>

namespace attune {

struct CheckinAnswer {
    std::optional<int> activation;
    std::string word;
};

struct AfterAnswer {
    CheckinAnswer checkin;
    std::string noticed, needed;
};

/// Nothing when skipped.
std::optional<CheckinAnswer> askCheckinBefore(std::istream& in, std::ostream& out);
std::optional<AfterAnswer> askAfter(std::istream& in, std::ostream& out);
/// Says whether an answer was kept (`why`: the journal's reason when not).
void saidKept(std::ostream& out, bool kept, const std::string& why, bool before);

}  // namespace attune
