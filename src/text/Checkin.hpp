#pragma once
/// The terminal's check-ins: before a story, how activated the person feels (0 to 10) and a
/// word for it; after the debrief, the same and a short note. One Enter skips each whole
/// check-in; the end of input skips too.
#include <iosfwd>

namespace attune {

class Recorder;

/// Asks the check-in before a story and keeps it with the Recorder's playthrough; says
/// whether it was kept. Nothing is kept when it is skipped.
void checkInBefore(Recorder& r, std::istream& in, std::ostream& out);
/// Asks the check-in and note after the debrief and keeps them; says whether they were kept.
void checkInAfter(Recorder& r, std::istream& in, std::ostream& out);

}  // namespace attune
