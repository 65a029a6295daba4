#include "core/journal/Journal.hpp"

#include <array>
#include <cstdlib>
#include <fmt/format.h>
#include <sqlite3.h>

namespace attune {
namespace fs = std::filesystem;

namespace {

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
    int step() { return sqlite3_step(st_); }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(st_, col);
        return p ? reinterpret_cast<const char*>(p) : "";
    }
    int integer(int col) const { return sqlite3_column_int(st_, col); }

private:
    sqlite3_stmt* st_ = nullptr;
};

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS playthroughs (
  id INTEGER PRIMARY KEY,
  scenario TEXT NOT NULL,
  ending TEXT NOT NULL,
  kind TEXT NOT NULL,
  mode TEXT NOT NULL,
  steps INTEGER NOT NULL,
  secure INTEGER NOT NULL, anxious INTEGER NOT NULL, avoidant INTEGER NOT NULL, disorganised INTEGER NOT NULL,
  finished_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS choices (
  playthrough INTEGER NOT NULL REFERENCES playthroughs(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  node TEXT NOT NULL,
  choice TEXT NOT NULL,
  role TEXT NOT NULL,
  style TEXT NOT NULL,
  by_default INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS playthroughs_scenario ON playthroughs(scenario);
)sql";

}  // namespace

fs::path Journal::defaultPath() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "attune" / "journal.sqlite";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".local" / "share" / "attune" / "journal.sqlite";
    return "attune-journal.sqlite";
}

Journal::Journal(const fs::path& file) {
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        error_ = fmt::format("the journal {} cannot be opened: {}", file.string(), db_ ? sqlite3_errmsg(db_) : "out of memory");
        sqlite3_close(db_);
        db_ = nullptr;
        return;
    }
    sqlite3_busy_timeout(db_, 2000);
    if (!exec(kSchema)) {
        error_ = fmt::format("the journal {} cannot be used: {}", file.string(), error_);
        sqlite3_close(db_);
        db_ = nullptr;
    }
}

Journal::~Journal() { sqlite3_close(db_); }

bool Journal::exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) == SQLITE_OK) return true;
    error_ = msg ? msg : "unknown error";
    sqlite3_free(msg);
    return false;
}

bool Journal::record(const Session& s, const std::string& mode) {
    if (!db_) return false;
    if (s.state() != Session::State::Ending) {
        error_ = "only finished playthroughs are saved";
        return false;
    }
    const Scenario& sc = s.scenario();
    std::array<int, 4> styles{};
    for (const Step& st : s.history())
        if (st.choice >= 0 && !st.byDefault)
            if (const auto& style = sc.nodes[static_cast<std::size_t>(st.node)].choices[static_cast<std::size_t>(st.choice)].style)
                ++styles[static_cast<std::size_t>(*style)];
    if (!exec("BEGIN")) return false;
    Statement ins(db_,
                  "INSERT INTO playthroughs (scenario, ending, kind, mode, steps, secure, anxious, avoidant, disorganised) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, sc.id).bind(2, s.node().id).bind(3, name(s.node().ending->kind)).bind(4, mode);
    ins.bind(5, static_cast<int>(s.history().size()));
    for (int i = 0; i < 4; ++i) ins.bind(6 + i, styles[static_cast<std::size_t>(i)]);
    bool ok = ins && ins.step() == SQLITE_DONE;
    const auto id = static_cast<int>(sqlite3_last_insert_rowid(db_));
    for (std::size_t i = 0; ok && i < s.history().size(); ++i) {
        const Step& st = s.history()[i];
        if (st.choice < 0) continue;
        const Node& n = sc.nodes[static_cast<std::size_t>(st.node)];
        const Choice& c = n.choices[static_cast<std::size_t>(st.choice)];
        Statement ch(db_, "INSERT INTO choices VALUES (?, ?, ?, ?, ?, ?, ?)");
        ch.bind(1, id).bind(2, static_cast<int>(i)).bind(3, n.id);
        ch.bind(4, c.id.empty() ? std::to_string(st.choice + 1) : c.id).bind(5, st.role);
        ch.bind(6, c.style ? name(*c.style) : "").bind(7, st.byDefault ? 1 : 0);
        ok = ch && ch.step() == SQLITE_DONE;
    }
    if (!ok) {
        error_ = sqlite3_errmsg(db_);
        exec("ROLLBACK");
        return false;
    }
    return exec("COMMIT");
}

Journal::Progress Journal::progress(const std::string& scenarioId) const {
    Progress p;
    if (!db_) return p;
    Statement q(db_, "SELECT ending, COUNT(*) FROM playthroughs WHERE scenario = ? GROUP BY ending ORDER BY MIN(id)");
    q.bind(1, scenarioId);
    while (q && q.step() == SQLITE_ROW) {
        p.endingsFound.push_back(q.text(0));
        p.plays += q.integer(1);
    }
    return p;
}

std::vector<Journal::Entry> Journal::recent(int limit) const {
    std::vector<Entry> out;
    if (!db_) return out;
    Statement q(db_,
                "SELECT scenario, ending, kind, mode, finished_at, steps, secure, anxious, avoidant, disorganised "
                "FROM playthroughs ORDER BY id DESC LIMIT ?");
    q.bind(1, limit);
    while (q && q.step() == SQLITE_ROW) {
        Entry e{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5), {}};
        for (int i = 0; i < 4; ++i) e.styles[static_cast<std::size_t>(i)] = q.integer(6 + i);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace attune
