#pragma once
/// Saved progress: an SQLite file of finished playthroughs and the choices in
/// them. A journal that cannot be opened never stops play; it says why once.
#include "core/run/Session.hpp"

#include <filesystem>
#include <array>
#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace attune {

class Journal {
public:
    /// $XDG_DATA_HOME/attune/journal.sqlite (or ~/.local/share/attune/...).
    static std::filesystem::path defaultPath();

    /// Opens or creates the file (and its folder).
    explicit Journal(const std::filesystem::path& file);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    bool ok() const { return db_ != nullptr; }
    const std::string& error() const { return error_; }

    /// Saves a playthrough that reached an ending. `mode` is "solo" or "together".
    /// Returns false (with error()) when it could not be saved.
    bool record(const Session& s, const std::string& mode);

    struct Progress {
        int plays = 0;
        std::vector<std::string> endingsFound;  ///< ending node ids, in the order first found
        bool completed() const { return plays > 0; }
    };
    Progress progress(const std::string& scenarioId) const;

    struct Entry {
        std::string scenario, ending, kind, mode, finishedAt;
        int steps = 0;
        std::array<int, 4> styles{};
    };
    /// The most recent playthroughs, newest first.
    std::vector<Entry> recent(int limit) const;

private:
    bool exec(const char* sql);
    sqlite3* db_ = nullptr;
    std::string error_;
};

}  // namespace attune
