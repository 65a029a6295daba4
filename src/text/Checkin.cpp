#include "text/Checkin.hpp"

#include "core/journal/Journal.hpp"
#include "core/util/Text.hpp"

#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace attune {
namespace {

/// A number from 0 to 10; nothing for Enter (or the end of input). Asks again otherwise.
std::optional<int> askLevel(std::istream& in, std::ostream& out, const std::string& prompt) {
    out << prompt << std::flush;
    for (std::string line; std::getline(in, line);) {
        const std::string t = text::trim(line);
        if (t.empty()) return std::nullopt;
        if (t.size() <= 2 && t.find_first_not_of("0123456789") == std::string::npos) {
            const int v = std::stoi(t);
            if (v <= 10) return v;
        }
        out << "  A whole number from 0 to 10, please, or Enter to skip: " << std::flush;
    }
    return std::nullopt;
}

/// A line of text, trimmed; empty for Enter. Text that is not UTF-8 is asked for again.
std::string askWords(std::istream& in, std::ostream& out, const std::string& prompt) {
    out << prompt << std::flush;
    for (std::string line; std::getline(in, line);) {
        if (!text::firstInvalidUtf8(line)) return text::trim(line);
        out << "  That could not be read as text; type it again, or Enter to skip: " << std::flush;
    }
    return {};
}

constexpr const char* kLevel = "from 0 (settled) to 10 (flooded)";

struct CheckinAnswer {
    std::optional<int> activation;
    std::string word;
};

struct AfterAnswer {
    CheckinAnswer checkin;
    std::string noticed, needed;
};

std::optional<CheckinAnswer> askCheckinBefore(std::istream& in, std::ostream& out) {
    out << "\n  Before you begin, a check-in. Enter skips it.\n";
    const auto level = askLevel(in, out, std::string("  How activated do you feel right now, ") + kLevel + "? ");
    if (!level) return std::nullopt;
    return CheckinAnswer{level, askWords(in, out, "  One word for the feeling, if one comes: ")};
}

std::optional<AfterAnswer> askAfter(std::istream& in, std::ostream& out) {
    out << "\n  Before you go, a check-in and a short note, if you like. Enter skips them.\n";
    const auto level = askLevel(in, out, std::string("  How activated do you feel now, ") + kLevel + "? ");
    if (!level) return std::nullopt;
    AfterAnswer a;
    a.checkin = {level, askWords(in, out, "  One word for the feeling, if one comes: ")};
    a.noticed = askWords(in, out, "  What did you notice in your body? ");
    a.needed = askWords(in, out, "  What did you need? ");
    return a;
}

/// Says whether an answer was kept (`why`: the journal's reason when not).
void saidKept(std::ostream& out, bool kept, const std::string& why, bool before) {
    if (kept)
        out << (before ? "  Thank you. It goes into your journal with this playthrough.\n"
                       : "  Thank you. It is kept in your journal.\n");
    else
        out << "  This could not be kept in your journal: " << why << "\n";
}

}  // namespace

void checkInBefore(Recorder& r, std::istream& in, std::ostream& out) {
    if (const auto a = askCheckinBefore(in, out))
        saidKept(out, r.checkinBefore(a->activation, a->word), r.noteError(), true);
}

void checkInAfter(Recorder& r, std::istream& in, std::ostream& out) {
    if (const auto a = askAfter(in, out))
        saidKept(out, r.after(a->checkin.activation, a->checkin.word, a->noticed, a->needed), r.noteError(), false);
}

}  // namespace attune
