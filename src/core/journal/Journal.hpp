#pragma once
/// A person's private record of practice: one SQLite file (WAL, every write in a
/// transaction, the schema versioned with migrations). Playthroughs are kept as they
/// happen, step by step (fed by the Playthrough's events through a Recorder), so one that
/// stops half-way can be taken up again. A file that is not a journal Attune can read is
/// moved aside with a timestamped name and a new one is started; a journal that cannot be
/// opened never stops play, and says why once.
#include "core/run/Playthrough.hpp"
#include "core/util/Limits.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <map>
#include <string>
#include <vector>

struct sqlite3;

namespace attune {
namespace detail {
class Statement;
}

class Journal {
public:
    static constexpr int kSchemaVersion = 2;

    /// $XDG_DATA_HOME/attune/journal.sqlite (or ~/.local/share/attune/...).
    static std::filesystem::path defaultPath();

    /// Opens or creates the file (and its folder), migrating an older schema. The database
    /// may grow to `maxBytes` (tests give less): past it nothing more is written, and
    /// error() says so plainly. One already larger (from a build with a higher limit) is
    /// read as it is and does not grow.
    explicit Journal(const std::filesystem::path& file, std::uint64_t maxBytes = limits::kMaxJournalBytes);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    bool ok() const { return db_ != nullptr; }
    const std::string& error() const { return error_; }
    /// Something the person should be told once (a damaged file moved aside), or empty.
    const std::string& notice() const { return notice_; }
    const std::filesystem::path& file() const { return file_; }
    /// How much the database holds now (its pages, as SQLite counts them), in bytes.
    std::uint64_t bytes() const;
    std::uint64_t maxBytes() const { return maxBytes_; }

    /// How people play: "solo" (one role), "both" (one person, both roles), "pass",
    /// "mirror", "machines".
    static std::string modeOf(const Playthrough& p);

    /// A new playthrough row for `p` (scenario, content hash, mode, who played which role);
    /// its id, or nothing (with error()).
    std::optional<long long> begin(const Playthrough& p, const std::string& profile = {});
    /// Makes the row match `p`: every pick as a step (node, choice, style, theme, pattern and
    /// the meters after it), steps undone by a rewind removed. `finished`: the person has
    /// moved on from the ending `p` is at, and it counts as played. One transaction: a kill
    /// loses at most the step being written.
    bool sync(long long id, const Playthrough& p, bool finished = false);
    /// A playthrough left unfinished that will not be taken up again (a restart).
    bool abandon(long long id);

    /// The newest unfinished playthrough of a scenario, as a saved playthrough to restore.
    struct Unfinished {
        long long id = 0;
        SavedPlaythrough saved;
        std::string startedAt;  ///< local time, "2026-12-01 16:05:00"
        int decisions = 0;      ///< picks a person made
    };
    /// `modes`: only playthroughs played in one of these ways (empty: any).
    std::optional<Unfinished> unfinished(const std::string& scenarioId, const std::string& profile = {},
                                         const std::vector<std::string>& modes = {}) const;

    struct Progress {
        int plays = 0;
        std::vector<std::string> endingsFound;  ///< ending node ids, in the order first found
        bool completed() const { return plays > 0; }
    };
    /// Finished playthroughs of a scenario.
    Progress progress(const std::string& scenarioId, const std::string& profile = {}) const;
    /// The same for every scenario played, in one query (the library's rows), by scenario id.
    std::map<std::string, Progress> allProgress(const std::string& profile = {}) const;

    struct Entry {
        std::string scenario, ending, kind, mode, finishedAt;
        int steps = 0;
        std::array<int, 4> styles{};
    };
    /// The most recent finished playthroughs, newest first.
    std::vector<Entry> recent(int limit, const std::string& profile = {}) const;

    /// The names of the people who keep a record here ("" is the default one).
    std::vector<std::string> profiles() const;
    /// Every row of a profile as JSON (schema 2: playthroughs with their steps, check-ins,
    /// reflections, practice sessions), without row ids, so it can be imported elsewhere.
    std::string exportJson(const std::string& profile) const;
    /// One line per step (with its playthrough's columns), RFC 4180 quoting.
    std::string exportCsv(const std::string& profile) const;
    /// Adds an export's rows to `profile`, in one transaction; false (with error()) when the
    /// text is not an export Attune wrote.
    bool importJson(const std::string& text, const std::string& profile);
    /// Removes every row of a profile, then vacuums the file so nothing of it stays on disk.
    /// False (with error()) when there is no such profile.
    bool deleteProfile(const std::string& name);

    /// A check-in "before" or "after" a playthrough (its row, when there is one yet): how
    /// activated the person felt, 0 to 10 (nothing: not said), and a word for the feeling.
    bool checkin(const std::string& profile, std::optional<long long> playthrough, const std::string& moment,
                 std::optional<int> activation, const std::string& word);
    /// The short note after a debrief: what I noticed in my body, what I needed.
    bool reflect(const std::string& profile, std::optional<long long> playthrough, const std::string& noticed,
                 const std::string& needed);
    /// A practice from the toolbox or at a breathing point (`practice` is its id), and how
    /// many seconds it went on. One shorter than kShortestPractice was skipped, not taken,
    /// and is not kept (true, nothing written).
    bool practised(const std::string& profile, std::optional<long long> playthrough, const std::string& practice,
                   int seconds);
    static constexpr int kShortestPractice = 5;
    /// Longest text kept for a word or a note (code points); longer text is cut there.
    static constexpr std::size_t kMaxNote = limits::kMaxNote;

    /// A picture of change over time, for one profile.
    struct Report {
        int playthroughs = 0, finished = 0, scenarios = 0, endingsFound = 0, practiceDays = 0;
        struct Share {
            std::string period;  ///< "week of 2026-11-30" (its Monday)
            std::string theme;
            int secure = 0, total = 0;
        };
        std::vector<Share> secureByTheme;  ///< by week, then theme
        /// Each theme's secure choices in the two halves (see `patterns`).
        struct Halves {
            std::string theme;
            int earlierSecure = 0, earlier = 0, recentSecure = 0, recent = 0;
        };
        std::vector<Halves> themeHalves;
        /// A pattern that came up, over the whole record and in its two halves: the four weeks
        /// up to the newest decision ("recent") and everything before them ("earlier").
        struct Pattern {
            std::string id;
            int count = 0, earlier = 0, recent = 0;
        };
        std::vector<Pattern> patterns;                  ///< the five most used, most first
        int earlierDecisions = 0, recentDecisions = 0;  ///< a person's decisions in each half
        std::string recentFrom;  ///< the first day of the recent half ("2026-11-04"); empty without decisions
        struct Checkins {
            int before = 0, after = 0;               ///< check-ins that gave a number
            double meanBefore = -1, meanAfter = -1;  ///< -1 when none
            int pairs = 0;                           ///< playthroughs with both
            double meanChange = 0;                   ///< after minus before, over those pairs
        } checkins;
        struct Note {
            std::string at;  ///< the day it was written, local ("2026-11-30")
            std::string scenario, noticed, needed;
        };
        std::vector<Note> notes;  ///< the newest reflections, newest first (at most 5)
        int reflections = 0;
        std::vector<std::pair<std::string, int>> practices;  ///< practice id and times, most first
    };
    Report report(const std::string& profile) const;

    /// Saves a finished session in one go (tools that play without a Playthrough's events).
    bool record(const Session& s, const std::string& mode);

private:
    /// Unreadable: not a journal Attune can read (damaged, or another program's), to be moved
    /// aside; Refused: kept as it is (a newer schema, a folder that cannot be written).
    enum class Opened { Yes, Unreadable, Refused };
    Opened open(const std::filesystem::path& file);
    bool migrate();
    /// Sets SQLite's max_page_count from maxBytes_.
    bool limitSize();
    bool exec(const char* sql);
    /// Steps a statement that writes; on failure sets error_ from the connection's error.
    bool run(detail::Statement& st);
    /// The connection's last error in words a person can act on (a full journal named as such).
    std::string failure() const;
    /// Why a write found no room: the journal's limit, or a full disk.
    std::string full() const;
    long long profileId(const std::string& name);
    /// Inserts one row of `profile` with `sql` (the profile's id is parameter 1; `bind` sets
    /// the rest), in one transaction; false with error() when it fails.
    bool insertOwned(const std::string& profile, const char* sql, const std::function<void(detail::Statement&)>& bind);
    sqlite3* db_ = nullptr;
    std::filesystem::path file_;
    std::string error_, notice_;
    std::uint64_t maxBytes_ = limits::kMaxJournalBytes;
};

/// Keeps a playthrough in the journal as it happens: listens to its events and syncs the
/// row after every pick, rewind and ending. A journal that fails says so once (to `warn`)
/// and play goes on without it.
class Recorder {
public:
    /// `resume`: the row of an unfinished playthrough `p` was restored from.
    Recorder(Journal& j, Playthrough& p, std::optional<long long> resume = std::nullopt, std::string profile = {});
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;
    /// The journal row, once the first pick is kept.
    std::optional<long long> id() const { return id_; }
    /// The person moved on from the ending: it counts as played (until a rewind leaves it).
    void finish();
    /// Why recording stopped, if it did.
    const std::string& error() const { return error_; }

    /// The check-in before the story: kept with the playthrough's row once the first pick
    /// begins it (at once, for a playthrough taken up again); without any pick, on its own.
    /// False (with noteError()) when it could not be kept.
    bool checkinBefore(std::optional<int> activation, const std::string& word);
    /// The check-in after the story, and the note after the debrief (either may be empty).
    bool after(std::optional<int> activation, const std::string& word, const std::string& noticed,
               const std::string& needed);
    /// A practice taken during this playthrough (before its first pick: kept with the row
    /// that pick begins, or on its own if none comes).
    bool practised(const std::string& practice, int seconds);
    /// Why the last check-in, note or practice was not kept.
    const std::string& noteError() const { return noteError_; }

private:
    void sync(const Playthrough& p);
    void restart(const Playthrough& p);
    Journal& journal_;
    const Playthrough* run_ = nullptr;
    std::string profile_;
    bool finished_ = false;
    std::optional<long long> id_;
    std::shared_ptr<Recorder*> self_;
    std::string error_;
    struct Pending {
        std::optional<int> activation;
        std::string word;
    };
    std::optional<Pending> before_;
    std::vector<std::pair<std::string, int>> practices_;  ///< taken before the row began
    std::string noteError_;
    bool keep(bool ok);
};

}  // namespace attune
