#pragma once
/// Live reload for authors (attune play FILE --watch, and the window's --watch): a scenario
/// file watched with inotify, loaded again when it is saved, and the playthrough carried
/// over to the new version by its picks' node and choice ids.
///
/// The folder is watched, not the file, because editors save by writing a new file and
/// renaming it over the old one (the old file's watch would see nothing more). Only a
/// finished write (the file closed after writing) or a file renamed into place counts, so a
/// save still being written is never read; a file that vanishes for a moment keeps the
/// version already playing.
#include "core/load/Loader.hpp"
#include "core/run/Playthrough.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace attune {

class PatternLibrary;

/// Watches one file by its folder. Linux inotify; no thread: poll fd() or call changed().
class FileWatch {
public:
    explicit FileWatch(std::filesystem::path file);
    ~FileWatch();
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    /// False when the folder could not be watched; error() says why.
    bool ok() const { return fd_ >= 0 && wd_ >= 0; }
    const std::string& error() const { return error_; }
    /// Readable when events wait (for poll()); -1 when not ok.
    int fd() const { return fd_; }
    const std::filesystem::path& file() const { return file_; }
    /// Reads the waiting events without blocking: true when the file was written and closed,
    /// or renamed or moved into place, since the last call.
    bool changed();

private:
    std::filesystem::path file_;
    int fd_ = -1, wd_ = -1;
    std::string error_;
};

/// What a save brought.
struct ScenarioUpdate {
    /// None: nothing new (no event, the same bytes again, or the file is away for now).
    /// Loaded: a new version without errors. Broken: the file has errors (diagnostics).
    enum class Kind { None, Loaded, Broken };
    Kind kind = Kind::None;
    std::shared_ptr<const Scenario> scenario;  ///< Loaded
    Diagnostics diags{std::string()};          ///< Loaded (warnings) and Broken (errors too)
};

/// A scenario file watched for saves, loaded afresh with every check an author gets.
class ScenarioWatch {
public:
    /// `first` is the version already playing (its bytes are not reloaded until they change).
    ScenarioWatch(std::filesystem::path file, const PatternLibrary& library);
    bool ok() const { return watch_.ok(); }
    const std::string& error() const { return watch_.error(); }
    int fd() const { return watch_.fd(); }
    const std::filesystem::path& file() const { return watch_.file(); }
    /// Loads the file as it is now (the first version, or a retry).
    ScenarioUpdate load();
    /// Without blocking: what the latest save brought, if anything.
    ScenarioUpdate poll();
    /// Whether the last version read had errors (play waits for a fixed one).
    bool broken() const { return broken_; }

private:
    FileWatch watch_;
    const PatternLibrary& library_;
    std::string bytes_;  ///< the last version read, to skip a save that changed nothing
    bool read_ = false, broken_ = false;
};

/// A playthrough carried over to a new version of its scenario.
struct CarriedOver {
    Playthrough playthrough;
    bool kept = false;  ///< the picks replayed: the story stands where it was (or the next decision)
    std::string note;   ///< one line for the author: what was kept, or why it started again
};

/// Replays `old`'s picks on `fresh` by node and choice id; when one no longer fits, starts
/// again from the beginning with the same people (the note says which pick, and why).
CarriedOver carryOver(const Playthrough& old, std::shared_ptr<const Scenario> fresh);

}  // namespace attune
