#include "core/load/Index.hpp"

#include "core/load/Loader.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace attune {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {
constexpr int kIndexFormat = 1;

/// What the entries' error and warning counts depend on besides the file: this build of
/// the program (its size and time, so a rebuilt checker starts the index afresh) and the
/// pattern library's ids (unknown-pattern errors).
std::string stampFor(const PatternLibrary& patterns) {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    std::string s = fmt::format("{}", kIndexFormat);
    if (!ec) {
        const auto size = fs::file_size(self, ec);
        const auto time = fs::last_write_time(self, ec).time_since_epoch().count();
        s += fmt::format(" {} {}", ec ? 0 : size, ec ? 0 : static_cast<long long>(time));
    }
    std::string ids;
    for (const auto& id : patterns.ids()) ids += id + ",";
    return s + " " + contentHash(ids);
}

// One entry is an array, in this order: MessagePack with no key names keeps the cache small
// and quick to read (a thousand entries in a few milliseconds).
json toJson(const IndexEntry& e) {
    const Scenario& m = e.meta;
    json themes = json::array(), roles = json::array(), endings = json::array();
    for (Theme t : m.themes) themes.push_back(name(t));
    for (const Role& r : m.roles) roles.push_back({r.id, r.name, r.pronouns, r.color, r.portrait});
    for (const auto& [id, title] : e.endings) endings.push_back({id, title});
    return {e.file.string(), e.size, e.mtime, e.hash,       e.errors,  e.warnings, m.id,  m.title,
            m.summary,       themes, m.signs, m.difficulty, m.minutes, m.player,   roles, endings};
}

IndexEntry fromJson(const json& j) {
    IndexEntry e;
    std::size_t i = 0;
    const auto next = [&]() -> const json& { return j.at(i++); };
    e.file = next().get<std::string>();
    e.size = next().get<std::uintmax_t>();
    e.mtime = next().get<std::int64_t>();
    e.hash = next().get<std::string>();
    e.errors = next().get<int>();
    e.warnings = next().get<int>();
    Scenario& m = e.meta;
    m.file = e.file.string();
    m.id = next().get<std::string>();
    m.title = next().get<std::string>();
    m.summary = next().get<std::string>();
    for (const auto& t : next())
        if (auto th = parseTheme(t.get<std::string>())) m.themes.push_back(*th);
    m.signs = next().get<std::vector<std::string>>();
    m.difficulty = next().get<int>();
    m.minutes = next().get<int>();
    m.player = next().get<std::string>();
    for (const auto& r : next()) {
        Role role;
        role.id = r.at(0).get<std::string>();
        role.name = r.at(1).get<std::string>();
        role.pronouns = r.at(2).get<std::string>();
        role.color = r.at(3).get<std::string>();
        role.portrait = r.at(4).get<std::string>();
        m.roles.push_back(std::move(role));
    }
    for (const auto& p : next()) e.endings.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::string>());
    return e;
}

std::int64_t writeTime(const fs::path& f, std::error_code& ec) {
    return static_cast<std::int64_t>(fs::last_write_time(f, ec).time_since_epoch().count());
}
}  // namespace

Scenario scenarioMeta(const Scenario& s) {
    Scenario m;
    m.file = s.file;
    m.format = s.format;
    m.id = s.id;
    m.title = s.title;
    m.summary = s.summary;
    m.themes = s.themes;
    m.signs = s.signs;
    m.difficulty = s.difficulty;
    m.minutes = s.minutes;
    m.roles = s.roles;
    m.player = s.player;
    m.contentHash = s.contentHash;
    return m;
}

fs::path LibraryIndex::defaultFile() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "attune" / "library-index.msgpack";
    if (const char* h = std::getenv("HOME"); h && *h)
        return fs::path(h) / ".cache" / "attune" / "library-index.msgpack";
    return {};
}

LibraryIndex::LibraryIndex(const PatternLibrary& patterns, fs::path cacheFile)
    : patterns_(&patterns),
      cacheFile_(cacheFile.empty() ? defaultFile() : std::move(cacheFile)),
      stamp_(stampFor(patterns)) {
    if (cacheFile_.empty()) return;
    std::ifstream in(cacheFile_, std::ios::binary);
    if (!in) return;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A damaged or foreign index is only a cache: it is dropped and built again.
    const json j = json::from_msgpack(bytes, true, false);
    if (j.is_discarded() || !j.is_object() || j.value("format", 0) != kIndexFormat || j.value("stamp", "") != stamp_ ||
        !j.contains("entries") || !j["entries"].is_array()) {
        dirty_ = true;
        return;
    }
    try {
        for (const auto& e : j["entries"]) entries_.push_back(fromJson(e));
    } catch (const json::exception&) {
        entries_.clear();
        dirty_ = true;
    }
    used_.assign(entries_.size(), 0);
    for (std::size_t i = 0; i < entries_.size(); ++i) byFile_[entries_[i].file.string()] = i;
}

const IndexEntry& LibraryIndex::entry(const fs::path& file, std::optional<Scenario>* full) {
    if (full) full->reset();
    std::error_code sizeEc, timeEc;
    const std::uintmax_t size = fs::file_size(file, sizeEc);
    const std::int64_t mtime = writeTime(file, timeEc);
    const auto found = byFile_.find(file.string());
    const std::size_t at = found == byFile_.end() ? entries_.size() : found->second;
    if (at < entries_.size() && !sizeEc && !timeEc && entries_[at].size == size && entries_[at].mtime == mtime) {
        ++fromIndex_;
        used_[at] = 1;
        return entries_[at];
    }
    Diagnostics d(file.string());
    const std::optional<std::string> text = readFile(file, d);
    const std::string hash = text ? contentHash(*text) : std::string();
    if (at < entries_.size() && text && entries_[at].hash == hash) {
        // Touched but not changed (a copy, a checkout): the entry stands.
        ++rehashed_;
        entries_[at].size = size;
        entries_[at].mtime = mtime;
        used_[at] = 1;
        dirty_ = true;
        return entries_[at];
    }
    ++loaded_;
    IndexEntry e;
    e.file = file;
    e.hash = hash;
    e.size = sizeEc ? 0 : size;
    e.mtime = timeEc ? 0 : mtime;
    LoadResult r = text ? loadScenarioText(*text, file.string(), *patterns_, Checks::Play)
                        : LoadResult{std::nullopt, std::move(d)};
    for (const auto& diag : r.diags.all()) (diag.severity == Severity::Error ? e.errors : e.warnings) += 1;
    if (!text && e.errors == 0) e.errors = 1;
    if (r.scenario) {
        e.meta = scenarioMeta(*r.scenario);
        for (const Node& n : r.scenario->nodes)
            if (n.ending) e.endings.emplace_back(n.id, r.scenario->substitute(n.ending->title));
        if (full) *full = std::move(r.scenario);
    }
    e.meta.file = file.string();
    // An unreadable file is not kept: the next start looks again.
    if (!text) {
        unreadable_.push_back(std::move(e));
        return unreadable_.back();
    }
    dirty_ = true;
    if (at < entries_.size()) {
        entries_[at] = std::move(e);
        used_[at] = 1;
        return entries_[at];
    }
    byFile_[file.string()] = entries_.size();
    entries_.push_back(std::move(e));
    used_.push_back(1);
    return entries_.back();
}

bool LibraryIndex::save() {
    for (char u : used_)
        if (!u) dirty_ = true;
    if (!dirty_ || cacheFile_.empty()) return true;
    json list = json::array();
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (used_[i]) list.push_back(toJson(entries_[i]));
    const json j{{"format", kIndexFormat}, {"stamp", stamp_}, {"entries", list}};
    std::error_code ec;
    fs::create_directories(cacheFile_.parent_path(), ec);
    const fs::path tmp = cacheFile_.string() + fmt::format(".{}.tmp", ::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        const std::vector<std::uint8_t> packed = json::to_msgpack(j);
        out.write(reinterpret_cast<const char*>(packed.data()), static_cast<std::streamsize>(packed.size()));
        if (!out.flush()) {
            fs::remove(tmp, ec);
            return false;
        }
    }
    fs::rename(tmp, cacheFile_, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return false;
    }
    dirty_ = false;
    return true;
}

}  // namespace attune
