#include "core/journal/Journal.hpp"

#include "core/util/Text.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace attune {
namespace fs = std::filesystem;

namespace detail {
/// A prepared statement that finalizes itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); }
    ~Statement() { sqlite3_finalize(st_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    explicit operator bool() const { return st_ != nullptr; }
    Statement& bind(int i, const std::string& v) {
        sqlite3_bind_text(st_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, int v) {
        sqlite3_bind_int(st_, i, v);
        return *this;
    }
    Statement& bind64(int i, long long v) {
        sqlite3_bind_int64(st_, i, v);
        return *this;
    }
    Statement& null(int i) {
        sqlite3_bind_null(st_, i);
        return *this;
    }
    /// A row id, or NULL for none.
    Statement& bind64(int i, std::optional<long long> v) { return v ? bind64(i, *v) : null(i); }
    int step() { return st_ ? sqlite3_step(st_) : SQLITE_ERROR; }
    void reset() {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
    }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(st_, col);
        return p ? reinterpret_cast<const char*>(p) : "";
    }
    int integer(int col) const { return sqlite3_column_int(st_, col); }
    bool isNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
    long long integer64(int col) const { return sqlite3_column_int64(st_, col); }

private:
    sqlite3_stmt* st_ = nullptr;
};
}  // namespace detail

using detail::Statement;

namespace {

std::size_t u(int i) { return static_cast<std::size_t>(i); }

constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE playthroughs (
  id INTEGER PRIMARY KEY,
  profile INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  scenario TEXT NOT NULL,
  hash TEXT NOT NULL DEFAULT '',
  mode TEXT NOT NULL,
  people TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL DEFAULT 'playing',
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  ended_at TEXT,
  ending TEXT,
  kind TEXT,
  steps INTEGER NOT NULL DEFAULT 0,
  secure INTEGER NOT NULL DEFAULT 0, anxious INTEGER NOT NULL DEFAULT 0,
  avoidant INTEGER NOT NULL DEFAULT 0, disorganised INTEGER NOT NULL DEFAULT 0,
  at_node TEXT NOT NULL DEFAULT '',
  at_meters TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE steps (
  playthrough INTEGER NOT NULL REFERENCES playthroughs(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  node TEXT NOT NULL,
  role TEXT NOT NULL,
  choice TEXT NOT NULL,
  mirror TEXT NOT NULL DEFAULT '',
  by_default INTEGER NOT NULL DEFAULT 0,
  style TEXT NOT NULL DEFAULT '',
  theme TEXT NOT NULL DEFAULT '',
  pattern TEXT NOT NULL DEFAULT '',
  meters TEXT NOT NULL DEFAULT '[]',
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (playthrough, seq)
);
CREATE TABLE checkins (
  id INTEGER PRIMARY KEY,
  profile INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  playthrough INTEGER REFERENCES playthroughs(id) ON DELETE CASCADE,
  moment TEXT NOT NULL,
  activation INTEGER,
  word TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE reflections (
  id INTEGER PRIMARY KEY,
  profile INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  playthrough INTEGER REFERENCES playthroughs(id) ON DELETE CASCADE,
  noticed TEXT NOT NULL DEFAULT '',
  needed TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE practices (
  id INTEGER PRIMARY KEY,
  profile INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  playthrough INTEGER REFERENCES playthroughs(id) ON DELETE CASCADE,
  practice TEXT NOT NULL,
  seconds INTEGER NOT NULL DEFAULT 0,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX playthroughs_scenario ON playthroughs(scenario, state);
CREATE INDEX playthroughs_profile ON playthroughs(profile);
INSERT INTO profiles (name) VALUES ('');
)sql";

/// Version 1 (no user_version): finished playthroughs and their choices. Kept, as steps
/// of ended playthroughs of the default profile; one person playing both roles was "together".
constexpr const char* kFromV1 = R"sql(
ALTER TABLE playthroughs RENAME TO playthroughs_v1;
DROP INDEX IF EXISTS playthroughs_scenario;
)sql";
constexpr const char* kFromV1Copy = R"sql(
INSERT INTO playthroughs (id, profile, scenario, mode, state, started_at, ended_at, ending, kind, steps,
                          secure, anxious, avoidant, disorganised, at_node)
  SELECT id, 1, scenario, CASE mode WHEN 'together' THEN 'both' ELSE mode END, 'ended', finished_at, finished_at,
         ending, kind, steps, secure, anxious, avoidant, disorganised, ending
  FROM playthroughs_v1;
INSERT INTO steps (playthrough, seq, node, role, choice, by_default, style, at)
  SELECT c.playthrough, ROW_NUMBER() OVER (PARTITION BY c.playthrough ORDER BY c.step) - 1, c.node, c.role, c.choice,
         c.by_default, c.style, p.finished_at
  FROM choices c JOIN playthroughs_v1 p ON p.id = c.playthrough;
DROP TABLE choices;
DROP TABLE playthroughs_v1;
)sql";

constexpr const char* kForeign = "it is not an Attune journal";

std::string stamp() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

int scalar(sqlite3* db, const char* sql, bool& ok) {
    Statement q(db, sql);
    ok = q && q.step() == SQLITE_ROW;
    return ok ? q.integer(0) : 0;
}

/// "256 MiB", "128 KiB" or "1000 bytes".
std::string sizeText(std::uint64_t bytes) {
    constexpr std::uint64_t kib = 1024, mib = kib * kib;
    if (bytes >= mib && bytes % mib == 0) return fmt::format("{} MiB", bytes / mib);
    if (bytes >= kib && bytes % kib == 0) return fmt::format("{} KiB", bytes / kib);
    return fmt::format("{} bytes", bytes);
}

}  // namespace

fs::path Journal::defaultPath() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "attune" / "journal.sqlite";
    if (const char* h = std::getenv("HOME"); h && *h)
        return fs::path(h) / ".local" / "share" / "attune" / "journal.sqlite";
    return "attune-journal.sqlite";
}

Journal::Journal(const fs::path& file, std::uint64_t maxBytes) : file_(file), maxBytes_(maxBytes) {
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    if (open(file) != Opened::Unreadable) return;
    // Not a journal Attune can read: moved aside (never overwritten), and a new one started.
    if (!fs::exists(file, ec)) return;
    const fs::path aside = file.string() + ".damaged-" + stamp();
    fs::rename(file, aside, ec);
    if (ec) {
        error_ =
            fmt::format("the journal {} cannot be read, and could not be moved aside: {}", file.string(), ec.message());
        return;
    }
    for (const char* extra : {"-wal", "-shm"}) fs::rename(file.string() + extra, aside.string() + extra, ec);
    const std::string why = error_;
    error_.clear();
    if (open(file) == Opened::Yes)
        notice_ = fmt::format("the journal could not be read ({}); it was moved to {} and a new one was started", why,
                              aside.string());
}

Journal::Opened Journal::open(const fs::path& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        error_ = fmt::format("the journal {} cannot be opened: {}", file.string(),
                             db_ ? sqlite3_errmsg(db_) : "out of memory");
        sqlite3_close(db_);
        db_ = nullptr;
        return Opened::Refused;
    }
    sqlite3_busy_timeout(db_, 2000);
    bool ok = false;
    const int version = scalar(db_, "PRAGMA user_version", ok);
    bool sound = false;
    {
        Statement check(db_, "PRAGMA quick_check");  // finished before anything writes
        sound = ok && check && check.step() == SQLITE_ROW && check.text(0) == "ok";
    }
    if (!sound) {
        error_ = sqlite3_errmsg(db_);
        if (error_ == "not an error") error_ = "it is damaged";
        sqlite3_close(db_);
        db_ = nullptr;
        return Opened::Unreadable;
    }
    if (version > kSchemaVersion) {
        error_ =
            fmt::format("the journal {} was written by a newer Attune (schema {}); progress is not saved with this one",
                        file.string(), version);
        sqlite3_close(db_);
        db_ = nullptr;
        return Opened::Refused;  // not damaged: kept as it is
    }
    // secure_delete: a deleted row's bytes are overwritten, not left in free pages.
    // synchronous NORMAL with WAL: a killed program loses nothing committed (only a power cut
    // can lose the last steps, and the file stays sound).
    if (!exec("PRAGMA journal_mode = WAL") || !exec("PRAGMA synchronous = NORMAL") ||
        !exec("PRAGMA foreign_keys = ON") || !exec("PRAGMA secure_delete = ON") || !limitSize() || !migrate()) {
        const bool foreign = error_ == kForeign;  // another program's database: moved aside
        if (!foreign) error_ = fmt::format("the journal {} cannot be used: {}", file.string(), error_);
        sqlite3_close(db_);
        db_ = nullptr;
        return foreign ? Opened::Unreadable : Opened::Refused;
    }
    return Opened::Yes;
}

bool Journal::migrate() {
    bool ok = false;
    const int version = scalar(db_, "PRAGMA user_version", ok);
    if (!ok) return false;
    if (version == kSchemaVersion) return true;
    const int tables = scalar(db_, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'", ok);
    const int v1 = scalar(
        db_, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('playthroughs', 'choices')", ok);
    if (version == 0 && tables > 0 && v1 != 2) {
        error_ = kForeign;
        return false;
    }
    if (!exec("BEGIN IMMEDIATE")) return false;
    const bool done = (tables == 0 || exec(kFromV1)) && exec(kSchemaV2) && (tables == 0 || exec(kFromV1Copy)) &&
                      exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion).c_str());
    if (!done) {
        const std::string why = error_;
        exec("ROLLBACK");
        error_ = why;
        return false;
    }
    return exec("COMMIT");
}

bool Journal::limitSize() {
    // Pages, not bytes, are what SQLite counts; at least one, since 0 would mean "unchanged".
    // A database already larger keeps its size and cannot grow (SQLite never sets the
    // maximum below the pages in use).
    bool ok = false;
    const int pageSize = scalar(db_, "PRAGMA page_size", ok);
    if (!ok || pageSize <= 0) {
        error_ = failure();
        return false;
    }
    const std::uint64_t pages = std::max<std::uint64_t>(1, maxBytes_ / static_cast<std::uint64_t>(pageSize));
    return exec(fmt::format("PRAGMA max_page_count = {}", pages).c_str());
}

std::uint64_t Journal::bytes() const {
    if (!db_) return 0;
    bool counted = false, sized = false;
    const int pages = scalar(db_, "PRAGMA page_count", counted);
    const int pageSize = scalar(db_, "PRAGMA page_size", sized);
    if (!counted || !sized || pages < 0 || pageSize < 0) return 0;
    return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize);
}

Journal::~Journal() { sqlite3_close(db_); }

bool Journal::exec(const char* sql) {
    char* msg = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &msg);
    if (rc == SQLITE_OK) return true;
    if ((rc & 0xFF) == SQLITE_FULL)
        error_ = full();
    else
        error_ = msg ? msg : "unknown error";
    sqlite3_free(msg);
    return false;
}

bool Journal::run(Statement& st) {
    if (st && st.step() == SQLITE_DONE) return true;
    error_ = failure();
    return false;
}

std::string Journal::failure() const {
    // Read at once, before another call replaces the connection's error.
    if ((sqlite3_errcode(db_) & 0xFF) == SQLITE_FULL) return full();
    return sqlite3_errmsg(db_);
}

std::string Journal::full() const {
    // SQLite says "database or disk is full" for both: the free space tells them apart.
    std::error_code ec;
    const fs::space_info room = fs::space(file_.has_parent_path() ? file_.parent_path() : fs::path("."), ec);
    if (!ec && room.available < (std::uintmax_t{1} << 20))
        return fmt::format(
            "the disk that holds the journal {} is full, so nothing more is saved in it until there is room",
            file_.string());
    return fmt::format(
        "the journal {} is full: it has reached its limit of {}, so nothing more is saved in it; what it "
        "holds is kept ('attune journal export' copies it out, and --journal PATH starts another journal)",
        file_.string(), sizeText(maxBytes_));
}

std::string Journal::modeOf(const Playthrough& p) {
    if (p.table().machines) return "machines";
    switch (p.mode()) {
        case TogetherMode::Pass:
            return "pass";
        case TogetherMode::Mirror:
            return "mirror";
        case TogetherMode::Solo:
            break;
    }
    return p.session().played().size() > 1 ? "both" : "solo";
}

long long Journal::profileId(const std::string& name) {
    // 0 (with error_) when the profile cannot be found or added (a full journal, say).
    Statement ins(db_, "INSERT OR IGNORE INTO profiles (name) VALUES (?)");
    ins.bind(1, name);
    if (!run(ins)) return 0;
    Statement q(db_, "SELECT id FROM profiles WHERE name = ?");
    q.bind(1, name);
    if (q && q.step() == SQLITE_ROW) return q.integer64(0);
    error_ = failure();
    return 0;
}

std::optional<long long> Journal::begin(const Playthrough& p, const std::string& profile) {
    if (!db_) return std::nullopt;
    nlohmann::json people = nlohmann::json::array();
    for (const Person& who : p.table().people) people.push_back({{"name", who.name}, {"role", who.role}});
    if (p.table().people.empty())
        for (const std::string& r : p.session().played()) people.push_back({{"name", ""}, {"role", r}});
    if (!exec("BEGIN IMMEDIATE")) return std::nullopt;
    const long long who = profileId(profile);
    Statement ins(db_, "INSERT INTO playthroughs (profile, scenario, hash, mode, people) VALUES (?, ?, ?, ?, ?)");
    ins.bind64(1, who)
        .bind(2, p.scenario().id)
        .bind(3, p.scenario().contentHash)
        .bind(4, modeOf(p))
        .bind(5, people.dump());
    if (who == 0 || !run(ins)) {  // error_ says why
        const std::string why = error_;
        exec("ROLLBACK");
        error_ = why;
        return std::nullopt;
    }
    const long long id = sqlite3_last_insert_rowid(db_);
    if (!exec("COMMIT")) return std::nullopt;
    return id;
}

bool Journal::sync(long long id, const Playthrough& p, bool finished) {
    if (!db_) return false;
    const Session& s = p.session();
    const Scenario& sc = p.scenario();
    const auto& picks = p.picks();
    // Each pick is the next step of the history that has a choice.
    std::vector<int> at;
    for (std::size_t i = 0; i < s.history().size(); ++i)
        if (s.history()[i].choice >= 0) at.push_back(static_cast<int>(i));
    if (!exec("BEGIN IMMEDIATE")) return false;
    bool ok = true;
    std::size_t keep = 0;
    {
        Statement q(db_, "SELECT node, choice, mirror FROM steps WHERE playthrough = ? ORDER BY seq");
        q.bind64(1, id);
        while (q && q.step() == SQLITE_ROW && keep < picks.size() && q.text(0) == picks[keep].node &&
               q.text(1) == picks[keep].choice && q.text(2) == picks[keep].mirror)
            ++keep;
    }
    Statement del(db_, "DELETE FROM steps WHERE playthrough = ? AND seq >= ?");
    del.bind64(1, id).bind(2, static_cast<int>(keep));
    ok = run(del);
    Statement ins(
        db_,
        "INSERT INTO steps (playthrough, seq, node, role, choice, mirror, by_default, style, theme, pattern, meters) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::array<int, 4> styles{};
    for (std::size_t i = 0; ok && i < picks.size(); ++i) {
        const PickRecord& r = picks[i];
        const Step* st = i < at.size() ? &s.history()[u(at[i])] : nullptr;
        const Choice* c = st ? &sc.nodes[u(st->node)].choices[u(st->choice)] : nullptr;
        if (c && c->style && !r.byDefault) ++styles[static_cast<std::size_t>(*c->style)];
        if (i < keep) continue;
        ins.reset();
        ins.bind64(1, id)
            .bind(2, static_cast<int>(i))
            .bind(3, r.node)
            .bind(4, r.role)
            .bind(5, r.choice)
            .bind(6, r.mirror);
        ins.bind(7, r.byDefault ? 1 : 0);
        ins.bind(8, c && c->style ? name(*c->style) : "").bind(9, c && c->theme ? name(*c->theme) : "");
        ins.bind(10, c ? c->pattern : "")
            .bind(11, (st ? nlohmann::json(std::vector<int>(st->metersAfter.begin(), st->metersAfter.end()))
                          : nlohmann::json(s.meters()))
                          .dump());
        ok = run(ins);
    }
    const bool ended = finished && s.state() == Session::State::Ending;
    Statement up(
        db_,
        "UPDATE playthroughs SET steps = ?, at_node = ?, at_meters = ?, state = ?5, "
        "ended_at = CASE WHEN ?5 = 'ended' THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END, ending = ?6, kind = ?7, "
        "secure = ?8, anxious = ?9, avoidant = ?10, disorganised = ?11, hash = ?12 WHERE id = ?13");
    up.bind(1, static_cast<int>(s.history().size())).bind(2, s.node().id).bind(3, nlohmann::json(s.meters()).dump());
    up.bind(5, ended ? "ended" : "playing");
    if (ended)
        up.bind(6, s.node().id).bind(7, name(s.node().ending->kind));
    else
        up.null(6).null(7);
    for (int i = 0; i < 4; ++i) up.bind(8 + i, styles[u(i)]);
    up.bind(12, sc.contentHash).bind64(13, id);
    ok = ok && run(up);
    if (!ok) {  // error_ says why, from the statement that failed
        const std::string why = error_;
        exec("ROLLBACK");
        error_ = why;
        return false;
    }
    return exec("COMMIT");
}

bool Journal::abandon(long long id) {
    if (!db_) return false;
    Statement up(db_, "UPDATE playthroughs SET state = 'abandoned' WHERE id = ? AND state = 'playing'");
    up.bind64(1, id);
    return run(up);
}

std::optional<Journal::Unfinished> Journal::unfinished(const std::string& scenarioId, const std::string& profile,
                                                       const std::vector<std::string>& modes) const {
    if (!db_) return std::nullopt;
    Statement q(
        db_,
        "SELECT p.id, p.hash, p.people, p.mode, p.at_node, p.at_meters, p.steps, datetime(p.started_at, 'localtime') "
        "FROM playthroughs p "
        "JOIN profiles f ON f.id = p.profile WHERE p.scenario = ? AND f.name = ? AND p.state = 'playing' "
        "AND p.mode <> 'machines' ORDER BY p.id DESC");
    q.bind(1, scenarioId).bind(2, profile);
    bool found = false;
    while (q && q.step() == SQLITE_ROW)
        if (modes.empty() || std::find(modes.begin(), modes.end(), q.text(3)) != modes.end()) {
            found = true;
            break;
        }
    if (!found) return std::nullopt;
    Unfinished u;
    u.id = q.integer64(0);
    u.saved.scenario = scenarioId;
    u.saved.hash = q.text(1);
    const auto people = nlohmann::json::parse(q.text(2), nullptr, false);
    const std::string mode = q.text(3);
    if (people.is_array())
        for (const auto& who : people)
            if (who.is_object() && who.contains("role") && who["role"].is_string()) {
                u.saved.played.insert(who["role"].get<std::string>());
                if (mode == "pass" || mode == "mirror")
                    u.saved.table.people.push_back(
                        {who.contains("name") && who["name"].is_string() ? who["name"].get<std::string>() : "",
                         who["role"].get<std::string>()});
            }
    if (mode == "pass") u.saved.table.mode = TogetherMode::Pass;
    if (mode == "mirror") u.saved.table.mode = TogetherMode::Mirror;
    u.saved.node = q.text(4);
    const auto meters = nlohmann::json::parse(q.text(5), nullptr, false);
    if (meters.is_array())
        for (const auto& m : meters)
            if (m.is_number_integer()) u.saved.meters.push_back(m.get<int>());
    u.saved.steps = q.integer(6);
    u.startedAt = q.text(7);
    Statement st(db_, "SELECT node, role, choice, mirror, by_default FROM steps WHERE playthrough = ? ORDER BY seq");
    st.bind64(1, u.id);
    while (st && st.step() == SQLITE_ROW) {
        u.saved.picks.push_back({st.text(0), st.text(1), st.text(2), st.integer(4) != 0, st.text(3)});
        if (st.integer(4) == 0) ++u.decisions;
    }
    return u;
}

Journal::Progress Journal::progress(const std::string& scenarioId, const std::string& profile) const {
    Progress p;
    if (!db_) return p;
    Statement q(
        db_,
        "SELECT ending, COUNT(*) FROM playthroughs p JOIN profiles f ON f.id = p.profile WHERE scenario = ? AND "
        "f.name = ? AND state = 'ended' GROUP BY ending ORDER BY MIN(p.id)");
    q.bind(1, scenarioId).bind(2, profile);
    while (q && q.step() == SQLITE_ROW) {
        p.endingsFound.push_back(q.text(0));
        p.plays += q.integer(1);
    }
    return p;
}

std::map<std::string, Journal::Progress> Journal::allProgress(const std::string& profile) const {
    std::map<std::string, Progress> out;
    if (!db_) return out;
    Statement q(
        db_,
        "SELECT scenario, ending, COUNT(*) FROM playthroughs p JOIN profiles f ON f.id = p.profile WHERE f.name = ? "
        "AND state = 'ended' GROUP BY scenario, ending ORDER BY scenario, MIN(p.id)");
    q.bind(1, profile);
    while (q && q.step() == SQLITE_ROW) {
        Progress& p = out[q.text(0)];
        p.endingsFound.push_back(q.text(1));
        p.plays += q.integer(2);
    }
    return out;
}

std::vector<Journal::Entry> Journal::recent(int limit, const std::string& profile) const {
    std::vector<Entry> out;
    if (!db_) return out;
    Statement q(db_,
                "SELECT scenario, ending, kind, mode, ended_at, steps, secure, anxious, avoidant, disorganised "
                "FROM playthroughs p JOIN profiles f ON f.id = p.profile WHERE state = 'ended' AND f.name = ? "
                "ORDER BY ended_at DESC, p.id DESC LIMIT ?");
    q.bind(1, profile).bind(2, limit);
    while (q && q.step() == SQLITE_ROW) {
        Entry e{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5), {}};
        for (int i = 0; i < 4; ++i) e.styles[u(i)] = q.integer(6 + i);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<std::string> Journal::profiles() const {
    std::vector<std::string> out;
    if (!db_) return out;
    Statement q(db_, "SELECT name FROM profiles ORDER BY id");
    while (q && q.step() == SQLITE_ROW) out.push_back(q.text(0));
    return out;
}

namespace {
/// Deeper than any JSON Attune writes (an export nests six levels). Copying and writing JSON
/// go one call deeper per level, so text nested a hundred thousand levels deep (an import
/// file, a damaged column) would overflow the stack: it is read as not JSON at all.
constexpr int kMaxJsonDepth = 64;

/// As json::parse without exceptions (discarded when it is not JSON), and discarded too when
/// it nests deeper than kMaxJsonDepth (`tooDeep` says so).
nlohmann::json parseJson(const std::string& text, bool* tooDeep = nullptr) {
    bool deep = false;
    auto j = nlohmann::json::parse(
        text,
        [&deep](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
            if (depth > kMaxJsonDepth) deep = true;
            return !deep;  // nothing more is kept once too deep
        },
        false);
    if (tooDeep) *tooDeep = deep;
    return deep ? nlohmann::json(nlohmann::json::value_t::discarded) : j;
}

nlohmann::json parsed(const std::string& text, nlohmann::json fallback) {
    auto j = parseJson(text);
    return j.is_discarded() ? fallback : j;
}
}  // namespace

std::string Journal::exportJson(const std::string& profile) const {
    using nlohmann::json;
    json out{{"attune_journal", kSchemaVersion}, {"profile", profile},           {"playthroughs", json::array()},
             {"checkins", json::array()},        {"reflections", json::array()}, {"practices", json::array()}};
    if (!db_) return out.dump(2);
    Statement q(db_,
                "SELECT p.id, scenario, hash, mode, people, state, started_at, ended_at, ending, kind, steps, at_node, "
                "at_meters FROM playthroughs p JOIN profiles f ON f.id = p.profile WHERE f.name = ? ORDER BY p.id");
    q.bind(1, profile);
    std::vector<long long> ids;
    while (q && q.step() == SQLITE_ROW) {
        ids.push_back(q.integer64(0));
        json p{{"scenario", q.text(1)}, {"hash", q.text(2)},
               {"mode", q.text(3)},     {"people", parsed(q.text(4), json::array())},
               {"state", q.text(5)},    {"started_at", q.text(6)},
               {"ended_at", q.text(7)}, {"ending", q.text(8)},
               {"kind", q.text(9)},     {"nodes_entered", q.integer(10)},
               {"at_node", q.text(11)}, {"at_meters", parsed(q.text(12), json::array())},
               {"steps", json::array()}};
        Statement st(db_,
                     "SELECT node, role, choice, mirror, by_default, style, theme, pattern, meters, at FROM steps "
                     "WHERE playthrough = ? ORDER BY seq");
        st.bind64(1, ids.back());
        while (st && st.step() == SQLITE_ROW)
            p["steps"].push_back({{"node", st.text(0)},
                                  {"role", st.text(1)},
                                  {"choice", st.text(2)},
                                  {"mirror", st.text(3)},
                                  {"by_default", st.integer(4) != 0},
                                  {"style", st.text(5)},
                                  {"theme", st.text(6)},
                                  {"pattern", st.text(7)},
                                  {"meters", parsed(st.text(8), json::array())},
                                  {"at", st.text(9)}});
        out["playthroughs"].push_back(std::move(p));
    }
    // Check-ins, reflections and practice sessions point at a playthrough by its place in the list.
    const auto place = [&](long long id) -> json {
        const auto it = std::find(ids.begin(), ids.end(), id);
        return it == ids.end() ? json(nullptr) : json(it - ids.begin());
    };
    Statement c(
        db_,
        "SELECT c.playthrough, moment, activation, word, c.at FROM checkins c JOIN profiles f ON f.id = c.profile "
        "WHERE f.name = ? ORDER BY c.id");
    c.bind(1, profile);
    while (c && c.step() == SQLITE_ROW)
        out["checkins"].push_back({{"playthrough", place(c.integer64(0))},
                                   {"moment", c.text(1)},
                                   {"activation", c.isNull(2) ? json(nullptr) : json(c.integer(2))},
                                   {"word", c.text(3)},
                                   {"at", c.text(4)}});
    Statement r(db_,
                "SELECT r.playthrough, noticed, needed, r.at FROM reflections r JOIN profiles f ON f.id = r.profile "
                "WHERE f.name = ? ORDER BY r.id");
    r.bind(1, profile);
    while (r && r.step() == SQLITE_ROW)
        out["reflections"].push_back(
            {{"playthrough", place(r.integer64(0))}, {"noticed", r.text(1)}, {"needed", r.text(2)}, {"at", r.text(3)}});
    Statement pr(db_,
                 "SELECT x.playthrough, practice, seconds, x.at FROM practices x JOIN profiles f ON f.id = x.profile "
                 "WHERE f.name = ? ORDER BY x.id");
    pr.bind(1, profile);
    while (pr && pr.step() == SQLITE_ROW)
        out["practices"].push_back({{"playthrough", place(pr.integer64(0))},
                                    {"practice", pr.text(1)},
                                    {"seconds", pr.integer(2)},
                                    {"at", pr.text(3)}});
    // A damaged file's text may not be UTF-8 (SQLite keeps any bytes): replaced, not thrown on.
    return out.dump(2, ' ', false, json::error_handler_t::replace);
}

namespace {
/// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
std::string csv(const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}
}  // namespace

std::string Journal::exportCsv(const std::string& profile) const {
    std::string out =
        "playthrough,scenario,mode,state,started_at,ended_at,ending,kind,seq,node,role,choice,mirror,by_default,style,"
        "theme,"
        "pattern,meters,at\r\n";
    if (!db_) return out;
    Statement q(
        db_,
        "SELECT DENSE_RANK() OVER (ORDER BY p.id), p.scenario, p.mode, p.state, p.started_at, "
        "COALESCE(p.ended_at, ''), COALESCE(p.ending, ''), COALESCE(p.kind, ''), s.seq, s.node, s.role, s.choice, "
        "s.mirror, s.by_default, s.style, s.theme, s.pattern, s.meters, s.at "
        "FROM steps s JOIN playthroughs p ON p.id = s.playthrough JOIN profiles f ON f.id = p.profile "
        "WHERE f.name = ? ORDER BY p.id, s.seq");
    q.bind(1, profile);
    while (q && q.step() == SQLITE_ROW) {
        for (int col = 0; col < 19; ++col) out += (col ? "," : "") + csv(q.text(col));
        out += "\r\n";
    }
    return out;
}

bool Journal::importJson(const std::string& text, const std::string& profile) {
    using nlohmann::json;
    if (!db_) return false;
    error_.clear();  // the first problem found is the one said
    bool tooDeep = false;
    const json in = parseJson(text, &tooDeep);
    if (tooDeep) {
        error_ = fmt::format("it is not a journal export Attune wrote (it nests deeper than {} levels)", kMaxJsonDepth);
        return false;
    }
    const auto str = [](const json& o, const char* k) {
        const auto it = o.find(k);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    // Every time must be one as Attune writes them (UTC, "2026-11-30T19:05:00Z"): the report
    // places it in a week and compares times as text, so "now" or another form would drift.
    const auto timeOk = [this](const std::string& t) {
        Statement q(db_, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?1) IS ?1");
        q.bind(1, t);
        return q && q.step() == SQLITE_ROW && q.integer(0) == 1;
    };
    if (in.is_discarded() || !in.is_object() || !in.contains("attune_journal") ||
        !in["attune_journal"].is_number_integer() || in["attune_journal"].get<int>() != kSchemaVersion ||
        !in.contains("playthroughs") || !in["playthroughs"].is_array()) {
        error_ = "it is not a journal export Attune wrote (schema 2)";
        return false;
    }
    if (!exec("BEGIN IMMEDIATE")) return false;
    const long long who = profileId(profile);
    std::vector<long long> ids;
    bool ok = who != 0;
    for (const json& p : in["playthroughs"]) {
        if (!ok) break;
        if (!p.is_object() || !p.contains("steps") || !p["steps"].is_array()) {
            ok = false;
            error_ = "a playthrough in it has no steps list";
            break;
        }
        if (!timeOk(str(p, "started_at"))) {
            ok = false;
            error_ = fmt::format("playthrough {} has no start time Attune can read ('{}')", ids.size() + 1,
                                 text::shorten(str(p, "started_at"), 40));
            break;
        }
        Statement ins(
            db_,
            "INSERT INTO playthroughs (profile, scenario, hash, mode, people, state, started_at, ended_at, ending, "
            "kind, steps, at_node, at_meters) VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), "
            "NULLIF(?, ''), ?, ?, ?)");
        ins.bind64(1, who).bind(2, str(p, "scenario")).bind(3, str(p, "hash")).bind(4, str(p, "mode"));
        ins.bind(5, p.value("people", json::array()).dump()).bind(6, str(p, "state")).bind(7, str(p, "started_at"));
        ins.bind(8, str(p, "ended_at")).bind(9, str(p, "ending")).bind(10, str(p, "kind"));
        ins.bind(11, p.contains("nodes_entered") && p["nodes_entered"].is_number_integer()
                         ? p["nodes_entered"].get<int>()
                         : 0);
        ins.bind(12, str(p, "at_node")).bind(13, p.value("at_meters", json::array()).dump());
        ok = run(ins);
        ids.push_back(sqlite3_last_insert_rowid(db_));
        int seq = 0;
        std::array<int, 4> styles{};
        for (const json& st : p["steps"]) {
            if (!ok) break;
            if (!st.is_object()) {
                ok = false;
                error_ = "a step in it is not an object";
                break;
            }
            if (!timeOk(str(st, "at"))) {
                ok = false;
                error_ = fmt::format("step {} of playthrough {} has no time Attune can read ('{}')", seq + 1,
                                     ids.size(), text::shorten(str(st, "at"), 40));
                break;
            }
            Statement s2(
                db_,
                "INSERT INTO steps (playthrough, seq, node, role, choice, mirror, by_default, style, theme, pattern, "
                "meters, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            const bool byDefault =
                st.contains("by_default") && st["by_default"].is_boolean() && st["by_default"].get<bool>();
            s2.bind64(1, ids.back()).bind(2, seq++).bind(3, str(st, "node")).bind(4, str(st, "role"));
            s2.bind(5, str(st, "choice"))
                .bind(6, str(st, "mirror"))
                .bind(7, byDefault ? 1 : 0)
                .bind(8, str(st, "style"));
            s2.bind(9, str(st, "theme"))
                .bind(10, str(st, "pattern"))
                .bind(11, st.value("meters", json::array()).dump());
            s2.bind(12, str(st, "at"));
            ok = run(s2);
            if (const auto style = parseStyle(str(st, "style")); style && !byDefault)
                ++styles[static_cast<std::size_t>(*style)];
        }
        Statement up(db_,
                     "UPDATE playthroughs SET secure = ?, anxious = ?, avoidant = ?, disorganised = ? WHERE id = ?");
        for (int i = 0; i < 4; ++i) up.bind(1 + i, styles[u(i)]);
        up.bind64(5, ids.back());
        ok = ok && run(up);
    }
    const auto link = [&](const json& o) -> std::optional<long long> {
        const auto it = o.find("playthrough");
        if (it == o.end() || !it->is_number_integer()) return std::nullopt;
        const auto i = it->get<long long>();
        return i >= 0 && static_cast<std::size_t>(i) < ids.size()
                   ? std::optional<long long>(ids[static_cast<std::size_t>(i)])
                   : std::nullopt;
    };
    for (const char* table : {"checkins", "reflections", "practices"}) {
        if (!ok || !in.contains(table) || !in[table].is_array()) continue;
        for (const json& o : in[table]) {
            if (!ok) break;
            if (!o.is_object()) continue;
            const std::string t = table;
            if (!timeOk(str(o, "at"))) {
                ok = false;
                error_ = fmt::format("an entry in {} has no time Attune can read ('{}')", t,
                                     text::shorten(str(o, "at"), 40));
                break;
            }
            if (t == "checkins") {
                const bool level = !o.contains("activation") || o["activation"].is_null() ||
                                   (o["activation"].is_number_integer() && o["activation"].get<int>() >= 0 &&
                                    o["activation"].get<int>() <= 10);
                if (str(o, "moment") != "before" && str(o, "moment") != "after") {
                    ok = false;
                    error_ = fmt::format("a check-in in it is neither 'before' nor 'after' ('{}')",
                                         text::shorten(str(o, "moment"), 40));
                    break;
                }
                if (!level) {
                    ok = false;
                    error_ = "a check-in in it has an activation that is not a whole number from 0 to 10";
                    break;
                }
            }
            Statement ins(db_,
                          t == "checkins" ? "INSERT INTO checkins (profile, playthrough, moment, activation, word, at) "
                                            "VALUES (?, ?, ?, ?, ?, ?)"
                          : t == "reflections" ? "INSERT INTO reflections (profile, playthrough, noticed, needed, at) "
                                                 "VALUES (?, ?, ?, ?, ?)"
                                               : "INSERT INTO practices (profile, playthrough, practice, seconds, at) "
                                                 "VALUES (?, ?, ?, ?, ?)");
            ins.bind64(1, who);
            if (const auto pt = link(o))
                ins.bind64(2, *pt);
            else
                ins.null(2);
            if (t == "checkins") {
                ins.bind(3, str(o, "moment"));
                if (o.contains("activation") && o["activation"].is_number_integer())
                    ins.bind(4, o["activation"].get<int>());
                else
                    ins.null(4);
                ins.bind(5, str(o, "word")).bind(6, str(o, "at"));
            } else if (t == "reflections") {
                ins.bind(3, str(o, "noticed")).bind(4, str(o, "needed")).bind(5, str(o, "at"));
            } else {
                ins.bind(3, str(o, "practice"));
                ins.bind(4, o.contains("seconds") && o["seconds"].is_number_integer() ? o["seconds"].get<int>() : 0);
                ins.bind(5, str(o, "at"));
            }
            ok = run(ins);
        }
    }
    if (!ok) {
        if (error_.empty()) error_ = failure();
        const std::string why = error_;
        exec("ROLLBACK");
        error_ = why;
        return false;
    }
    return exec("COMMIT");
}

bool Journal::deleteProfile(const std::string& name) {
    if (!db_) return false;
    const auto all = profiles();
    if (std::find(all.begin(), all.end(), name) == all.end()) {
        error_ = name.empty() ? "there is no default profile in this journal"
                              : fmt::format("there is no profile '{}' in this journal", name);
        return false;
    }
    if (!exec("BEGIN IMMEDIATE")) return false;
    Statement del(db_, "DELETE FROM profiles WHERE name = ?");
    del.bind(1, name);
    if (!run(del)) {
        const std::string why = error_;
        exec("ROLLBACK");
        error_ = why;
        return false;
    }
    if (!exec("COMMIT")) return false;
    // Nothing of it left in the file: the log folded in and emptied, then the file rewritten.
    return exec("PRAGMA wal_checkpoint(TRUNCATE)") && exec("VACUUM") && exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

namespace {
/// A person's words as kept: trimmed, at most kMaxNote code points.
std::optional<std::string> kept(const std::string& words, std::string& error) {
    if (text::firstInvalidUtf8(words)) {
        error = "the words are not valid UTF-8 text";
        return std::nullopt;
    }
    return text::firstCodePoints(text::trim(words), Journal::kMaxNote);
}
}  // namespace

bool Journal::checkin(const std::string& profile, std::optional<long long> playthrough, const std::string& moment,
                      std::optional<int> activation, const std::string& word) {
    if (!db_) return false;
    if (moment != "before" && moment != "after") {
        error_ = fmt::format("a check-in is 'before' or 'after', not '{}'", moment);
        return false;
    }
    if (activation && (*activation < 0 || *activation > 10)) {
        error_ = fmt::format("activation goes from 0 to 10, not {}", *activation);
        return false;
    }
    const auto w = kept(word, error_);
    if (!w) return false;
    return insertOwned(profile,
                       "INSERT INTO checkins (profile, playthrough, moment, activation, word) VALUES (?, ?, ?, ?, ?)",
                       [&](Statement& ins) {
                           ins.bind64(2, playthrough).bind(3, moment).bind(5, *w);
                           if (activation)
                               ins.bind(4, *activation);
                           else
                               ins.null(4);
                       });
}

bool Journal::reflect(const std::string& profile, std::optional<long long> playthrough, const std::string& noticed,
                      const std::string& needed) {
    if (!db_) return false;
    const auto a = kept(noticed, error_);
    const auto b = a ? kept(needed, error_) : std::nullopt;
    if (!b) return false;
    if (a->empty() && b->empty()) return true;  // nothing written, nothing kept
    return insertOwned(profile, "INSERT INTO reflections (profile, playthrough, noticed, needed) VALUES (?, ?, ?, ?)",
                       [&](Statement& ins) { ins.bind64(2, playthrough).bind(3, *a).bind(4, *b); });
}

bool Journal::practised(const std::string& profile, std::optional<long long> playthrough, const std::string& practice,
                        int seconds) {
    if (!db_) return false;
    if (seconds < kShortestPractice) return true;  // opened and closed at once: skipped, not taken
    return insertOwned(profile, "INSERT INTO practices (profile, playthrough, practice, seconds) VALUES (?, ?, ?, ?)",
                       [&](Statement& ins) { ins.bind64(2, playthrough).bind(3, practice).bind(4, seconds); });
}

bool Journal::insertOwned(const std::string& profile, const char* sql, const std::function<void(Statement&)>& bind) {
    // One row of a profile (its id is parameter 1), in its own transaction.
    if (!exec("BEGIN IMMEDIATE")) return false;
    const long long who = profileId(profile);
    Statement ins(db_, sql);
    ins.bind64(1, who);
    bind(ins);
    if (who == 0 || !run(ins)) {  // error_ says why
        const std::string why = error_;
        exec("ROLLBACK");
        error_ = why;
        return false;
    }
    return exec("COMMIT");
}

Journal::Report Journal::report(const std::string& profile) const {
    Report r;
    if (!db_) return r;
    {
        Statement q(db_,
                    "SELECT COUNT(*), SUM(state = 'ended'), COUNT(DISTINCT scenario), "
                    "COUNT(DISTINCT CASE WHEN state = 'ended' THEN scenario || '/' || ending END) "
                    "FROM playthroughs p JOIN profiles f ON f.id = p.profile WHERE f.name = ?");
        q.bind(1, profile);
        if (q && q.step() == SQLITE_ROW) {
            r.playthroughs = q.integer(0);
            r.finished = q.integer(1);
            r.scenarios = q.integer(2);
            r.endingsFound = q.integer(3);
        }
    }
    {
        Statement q(db_,
                    "SELECT COUNT(DISTINCT day) FROM ("
                    " SELECT date(s.at, 'localtime') AS day FROM steps s JOIN playthroughs p ON p.id = s.playthrough"
                    "  JOIN profiles f ON f.id = p.profile WHERE f.name = ?1 AND s.by_default = 0"
                    " UNION SELECT date(x.at, 'localtime') FROM practices x JOIN profiles f ON f.id = x.profile WHERE "
                    "f.name = ?1"
                    " UNION SELECT date(c.at, 'localtime') FROM checkins c JOIN profiles f ON f.id = c.profile WHERE "
                    "f.name = ?1)");
        q.bind(1, profile);
        if (q && q.step() == SQLITE_ROW) r.practiceDays = q.integer(0);
    }
    {
        Statement q(db_,
                    "SELECT 'week of ' || date(s.at, 'localtime', '-6 days', 'weekday 1'), s.theme, SUM(s.style = "
                    "'secure'), COUNT(*) "
                    "FROM steps s "
                    "JOIN playthroughs p ON p.id = s.playthrough JOIN profiles f ON f.id = p.profile "
                    "WHERE f.name = ? AND s.by_default = 0 AND s.theme <> '' AND s.style <> '' "
                    "GROUP BY 1, 2 ORDER BY 1, 2");
        q.bind(1, profile);
        while (q && q.step() == SQLITE_ROW)
            r.secureByTheme.push_back({q.text(0), q.text(1), q.integer(2), q.integer(3)});
    }
    // Patterns, over the whole record and in its two halves: the four weeks up to the newest
    // decision, and before them.
    {
        Statement q(
            db_,
            "SELECT date(MAX(s.at), 'localtime', '-27 days') FROM steps s JOIN playthroughs p ON p.id = s.playthrough "
            "JOIN profiles f ON f.id = p.profile WHERE f.name = ? AND s.by_default = 0");
        q.bind(1, profile);
        if (q && q.step() == SQLITE_ROW) r.recentFrom = q.text(0);
    }
    if (!r.recentFrom.empty()) {
        Statement n(db_,
                    "SELECT SUM(date(s.at, 'localtime') < ?2), SUM(date(s.at, 'localtime') >= ?2) FROM steps s JOIN "
                    "playthroughs p ON p.id = "
                    "s.playthrough JOIN profiles f ON f.id = p.profile WHERE f.name = ?1 AND s.by_default = 0");
        n.bind(1, profile).bind(2, r.recentFrom);
        if (n && n.step() == SQLITE_ROW) {
            r.earlierDecisions = n.integer(0);
            r.recentDecisions = n.integer(1);
        }
        Statement q(db_,
                    "SELECT s.pattern, COUNT(*), SUM(date(s.at, 'localtime') < ?2), SUM(date(s.at, 'localtime') >= ?2) "
                    "FROM steps s "
                    "JOIN playthroughs p ON p.id = s.playthrough JOIN profiles f ON f.id = p.profile "
                    "WHERE f.name = ?1 AND s.by_default = 0 AND s.pattern <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5");
        q.bind(1, profile).bind(2, r.recentFrom);
        while (q && q.step() == SQLITE_ROW) r.patterns.push_back({q.text(0), q.integer(1), q.integer(2), q.integer(3)});
        Statement t(db_,
                    "SELECT s.theme, SUM(date(s.at, 'localtime') < ?2 AND s.style = 'secure'), SUM(date(s.at, "
                    "'localtime') < ?2), "
                    "SUM(date(s.at, 'localtime') >= ?2 AND s.style = 'secure'), SUM(date(s.at, 'localtime') >= ?2) "
                    "FROM steps s "
                    "JOIN playthroughs p ON p.id = s.playthrough JOIN profiles f ON f.id = p.profile "
                    "WHERE f.name = ?1 AND s.by_default = 0 AND s.theme <> '' AND s.style <> '' GROUP BY 1 ORDER BY 1");
        t.bind(1, profile).bind(2, r.recentFrom);
        while (t && t.step() == SQLITE_ROW)
            r.themeHalves.push_back({t.text(0), t.integer(1), t.integer(2), t.integer(3), t.integer(4)});
    }
    {
        Statement q(db_,
                    "SELECT COUNT(CASE WHEN moment = 'before' THEN activation END), "
                    "COUNT(CASE WHEN moment = 'after' THEN activation END), "
                    "AVG(CASE WHEN moment = 'before' THEN activation END), "
                    "AVG(CASE WHEN moment = 'after' THEN activation END) "
                    "FROM checkins c JOIN profiles f ON f.id = c.profile WHERE f.name = ?");
        q.bind(1, profile);
        if (q && q.step() == SQLITE_ROW) {
            r.checkins.before = q.integer(0);
            r.checkins.after = q.integer(1);
            if (r.checkins.before > 0) r.checkins.meanBefore = std::stod(q.text(2));
            if (r.checkins.after > 0) r.checkins.meanAfter = std::stod(q.text(3));
        }
        // Before against after, within the same playthroughs (the last of each kind in each).
        Statement pr(
            db_,
            "WITH x AS (SELECT c.playthrough AS pt, c.moment AS m, c.activation AS v, ROW_NUMBER() OVER "
            "(PARTITION BY c.playthrough, c.moment ORDER BY c.id DESC) AS rn FROM checkins c JOIN profiles f ON "
            "f.id = c.profile WHERE f.name = ?1 AND c.activation IS NOT NULL AND c.playthrough IS NOT NULL), "
            "last AS (SELECT pt, MAX(CASE WHEN m = 'before' THEN v END) AS b, MAX(CASE WHEN m = 'after' THEN v "
            "END) AS a FROM x WHERE rn = 1 GROUP BY pt) "
            "SELECT COUNT(*), AVG(a - b) FROM last WHERE a IS NOT NULL AND b IS NOT NULL");
        pr.bind(1, profile);
        if (pr && pr.step() == SQLITE_ROW) {
            r.checkins.pairs = pr.integer(0);
            if (r.checkins.pairs > 0) r.checkins.meanChange = std::stod(pr.text(1));
        }
    }
    {
        Statement q(db_,
                    "SELECT date(x.at, 'localtime'), COALESCE(p.scenario, ''), x.noticed, x.needed, "
                    "(SELECT COUNT(*) FROM reflections y WHERE y.profile = x.profile) FROM reflections x "
                    "JOIN profiles f ON f.id = x.profile LEFT JOIN playthroughs p ON p.id = x.playthrough "
                    "WHERE f.name = ? ORDER BY x.at DESC, x.id DESC LIMIT 5");
        q.bind(1, profile);
        while (q && q.step() == SQLITE_ROW) {
            r.notes.push_back({q.text(0), q.text(1), q.text(2), q.text(3)});
            r.reflections = q.integer(4);
        }
    }
    {
        Statement q(db_,
                    "SELECT practice, COUNT(*) FROM practices x JOIN profiles f ON f.id = x.profile WHERE f.name = ? "
                    "GROUP BY 1 ORDER BY 2 DESC, 1");
        q.bind(1, profile);
        while (q && q.step() == SQLITE_ROW) r.practices.emplace_back(q.text(0), q.integer(1));
    }
    return r;
}

bool Journal::record(const Session& s, const std::string& mode) {
    if (!db_) return false;
    if (s.state() != Session::State::Ending) {
        error_ = "only finished playthroughs are saved";
        return false;
    }
    // Replayed through a Playthrough, so it is kept exactly as one recorded step by step.
    Playthrough p = Playthrough::borrowing(s.scenario(), s.played());
    p.keepRewindPoints(false);
    for (const Step& st : s.history()) {
        for (int guard = 0; p.state() == Session::State::Line && guard < 100000; ++guard) p.advance();
        if (st.choice < 0) continue;
        if (p.state() != Session::State::Decision) break;
        if (st.byDefault)
            p.chooseDefault();
        else
            p.choose(st.choice);
    }
    for (int guard = 0; p.state() == Session::State::Line && guard < 100000; ++guard) p.advance();
    const auto id = begin(p);
    if (!id) return false;
    if (mode == "together" || mode == "both" || mode == "solo") {
        Statement up(db_, "UPDATE playthroughs SET mode = ? WHERE id = ?");
        up.bind(1, mode == "together" ? std::string("both") : mode).bind64(2, *id);
        up.step();
    }
    return sync(*id, p, true);
}

// ---- the recorder ------------------------------------------------------------------------------

Recorder::Recorder(Journal& j, Playthrough& p, std::optional<long long> resume, std::string profile)
    : journal_(j), run_(&p), profile_(std::move(profile)), id_(resume) {
    // The row is begun at the first pick: a story opened and closed at once leaves nothing.
    self_ = std::make_shared<Recorder*>(this);
    p.listen([self = std::weak_ptr<Recorder*>(self_)](const Playthrough& pt, const PlayEvent& e) {
        auto r = self.lock();
        if (!r || !*r) return;
        switch (e.kind) {
            case PlayEvent::Kind::Rewind:
                if (e.step < 0) {  // played again from the start: a new playthrough
                    (*r)->restart(pt);
                    break;
                }
                (*r)->finished_ = false;  // an ending left by rewinding was not played
                (*r)->sync(pt);
                break;
            case PlayEvent::Kind::Pick:
            case PlayEvent::Kind::Ending:
                (*r)->sync(pt);
                break;
            default:
                break;
        }
    });
}

Recorder::~Recorder() {
    if (self_) *self_ = nullptr;
    // A check-in before a story left without a pick is still the person's: kept on its own.
    if (before_) journal_.checkin(profile_, std::nullopt, "before", before_->activation, before_->word);
    for (const auto& [practice, seconds] : practices_) journal_.practised(profile_, std::nullopt, practice, seconds);
}

bool Recorder::keep(bool ok) {
    // A check-in or a practice that fails is said by its caller; the playthrough's own
    // recording goes on (error_ is the playthrough's).
    if (!ok) noteError_ = journal_.error();
    return ok;
}

bool Recorder::checkinBefore(std::optional<int> activation, const std::string& word) {
    if (!id_) {
        before_ = Pending{activation, word};
        return true;
    }
    return keep(journal_.checkin(profile_, id_, "before", activation, word));
}

bool Recorder::after(std::optional<int> activation, const std::string& word, const std::string& noticed,
                     const std::string& needed) {
    bool ok = true;
    if (activation || !text::trim(word).empty()) ok = keep(journal_.checkin(profile_, id_, "after", activation, word));
    return keep(journal_.reflect(profile_, id_, noticed, needed)) && ok;
}

bool Recorder::practised(const std::string& practice, int seconds) {
    if (!id_) {  // before the first pick: kept with the row that pick begins
        practices_.emplace_back(practice, seconds);
        return true;
    }
    return keep(journal_.practised(profile_, id_, practice, seconds));
}

void Recorder::sync(const Playthrough& p) {
    if (!error_.empty()) return;
    if (!id_ && p.picks().empty()) return;
    if (!id_) {
        id_ = journal_.begin(p, profile_);
        if (!id_) {
            error_ = journal_.error();
            return;
        }
        // What was kept waiting for the row: the check-in before, practices taken before the first pick.
        if (before_ && !journal_.checkin(profile_, id_, "before", before_->activation, before_->word))
            noteError_ = journal_.error();
        before_.reset();
        for (const auto& [practice, seconds] : practices_)
            if (!journal_.practised(profile_, id_, practice, seconds)) noteError_ = journal_.error();
        practices_.clear();
    }
    if (!journal_.sync(*id_, p, finished_)) error_ = journal_.error();
}

void Recorder::restart(const Playthrough&) {
    if (!id_ || !error_.empty()) return;
    if (!finished_) journal_.abandon(*id_);  // the attempt left half-way is not offered again
    finished_ = false;
    id_.reset();  // a new row at the next pick
}

void Recorder::finish() {
    if (finished_ || !run_ || run_->state() != Session::State::Ending) return;
    finished_ = true;
    sync(*run_);
}

}  // namespace attune
