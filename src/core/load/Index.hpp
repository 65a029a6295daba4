#pragma once
/// The library index: what the library shows of each scenario file (title, summary,
/// themes, roles, endings...), its content hash and how many errors and warnings the
/// play checks found, kept in the XDG cache folder so that start-up reads one small file
/// instead of parsing every scenario. An entry is trusted while the file's size and time
/// are unchanged; when they change, the file is read and hashed, and only a new hash
/// loads it in full. The index also records the program and the pattern library it was
/// checked against: either changing starts it afresh. A scenario is loaded in full when
/// it is opened. The cache holds nothing of a person's play.
#include "core/model/PatternLibrary.hpp"
#include "core/model/Scenario.hpp"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace attune {

struct IndexEntry {
    std::filesystem::path file;  ///< as found in the folder
    /// The scenario's top level only: id, title, summary, themes, signs, difficulty,
    /// minutes, roles and player (no nodes, meters or tests).
    Scenario meta;
    std::vector<std::pair<std::string, std::string>>
        endings;       ///< ending node ids and titles (names filled in), in file order
    std::string hash;  ///< contentHash of the bytes
    int errors = 0, warnings = 0;
    std::uintmax_t size = 0;
    std::int64_t mtime = 0;  ///< the file's last write time, in the clock's own ticks
};

class LibraryIndex {
public:
    /// `cacheFile` empty: $XDG_CACHE_HOME/attune/library-index.msgpack (or ~/.cache/...).
    explicit LibraryIndex(const PatternLibrary& patterns, std::filesystem::path cacheFile = {});

    /// The entry for `file`, brought up to date. When the file had to be loaded in full
    /// and `full` is given, the scenario is left there (null when it has errors or the
    /// index was enough). Unreadable files give an entry with errors = 1.
    const IndexEntry& entry(const std::filesystem::path& file, std::optional<Scenario>* full = nullptr);
    /// Writes the index if anything changed, dropping files not asked for since it was
    /// read (deleted or moved scenarios). Atomic: a rename over the old file.
    bool save();

    /// How the last entries were found: from the index alone, by hashing, by a full load.
    int fromIndex() const { return fromIndex_; }
    int rehashed() const { return rehashed_; }
    int loaded() const { return loaded_; }
    const std::filesystem::path& cacheFile() const { return cacheFile_; }

    /// The default cache file.
    static std::filesystem::path defaultFile();

private:
    const PatternLibrary* patterns_;
    std::filesystem::path cacheFile_;
    std::string stamp_;                  ///< the program and the pattern library the entries were checked against
    std::deque<IndexEntry> entries_;     ///< stable addresses: entry() hands out references
    std::deque<IndexEntry> unreadable_;  ///< not kept: looked at again next time
    std::vector<char> used_;
    std::unordered_map<std::string, std::size_t> byFile_;
    bool dirty_ = false;
    int fromIndex_ = 0, rehashed_ = 0, loaded_ = 0;
};

/// The top level of a scenario, as the index keeps it.
Scenario scenarioMeta(const Scenario& s);

}  // namespace attune
