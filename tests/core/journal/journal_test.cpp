#include "core/model/PatternLibrary.hpp"
#include "core/journal/Journal.hpp"
#include "core/journal/Summary.hpp"
#include "core/load/Loader.hpp"
#include "core/run/Script.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace attune;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("attune-journal-" + std::to_string(::getpid()));
    TempDir() { fs::remove_all(path); }
    ~TempDir() { fs::remove_all(path); }
};

const Scenario& small() {
    static const Scenario s = testing::loadTestScenario("data/small.yaml");
    return s;
}

Session finished(const std::string& picks) {
    std::string err;
    ScriptResult r = runScript(small(), *parsePicks(picks, err), playedRoles(small(), false));
    REQUIRE(r.ok);
    return r.session;
}

}  // namespace

TEST_CASE("finished playthroughs are saved to an SQLite file and read back as progress") {
    TempDir tmp;
    const fs::path file = tmp.path / "nested" / "journal.sqlite";
    {
        Journal j(file);
        REQUIRE_MESSAGE(j.ok(), j.error());
        CHECK(j.progress("late-text-small").plays == 0);
        CHECK(j.record(finished("protest,partner-defend"), "together"));
        CHECK(j.record(finished("name-need"), "solo"));
        CHECK(j.record(finished("shut-down"), "solo"));
    }
    Journal again(file);  // a new connection sees what the first saved
    const auto p = again.progress("late-text-small");
    CHECK(p.plays == 3);
    CHECK(p.endingsFound == std::vector<std::string>{"rupture", "reconnected"});
    const auto recent = again.recent(2);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].ending == "rupture");
    CHECK(recent[0].mode == "solo");
    CHECK(recent[0].styles == std::array<int, 4>{0, 0, 1, 0});
    CHECK(recent[1].kind == "secure");
}

TEST_CASE("an unfinished playthrough is not saved") {
    TempDir tmp;
    Journal j(tmp.path / "j.sqlite");
    Session s(small());
    CHECK_FALSE(j.record(s, "solo"));
    CHECK(j.error() == "only finished playthroughs are saved");
}

TEST_CASE("a file that is not a journal is moved aside with a timestamped name, and a new one is started") {
    TempDir tmp;
    fs::create_directories(tmp.path);
    const fs::path notDb = tmp.path / "journal.sqlite";
    std::ofstream(notDb) << std::string(4096, 'x');
    Journal j(notDb);
    REQUIRE_MESSAGE(j.ok(), j.error());
    CHECK(j.notice().find("the journal could not be read (file is not a database); it was moved to " +
                          (tmp.path / "journal.sqlite.damaged-").string()) == 0);
    int aside = 0;
    for (const auto& e : fs::directory_iterator(tmp.path))
        if (e.path().filename().string().rfind("journal.sqlite.damaged-", 0) == 0) {
            ++aside;
            CHECK(testing::slurp(e.path()) == std::string(4096, 'x'));  // kept as it was
        }
    CHECK(aside == 1);
    CHECK(j.record(finished("name-need"), "solo"));
    CHECK(j.progress("late-text-small").plays == 1);
}

TEST_CASE("an SQLite file of some other program is moved aside too, never written into") {
    TempDir tmp;
    fs::create_directories(tmp.path);
    const fs::path other = tmp.path / "journal.sqlite";
    REQUIRE(std::system(("sqlite3 '" + other.string() +
                         "' 'CREATE TABLE recipes (name TEXT); INSERT INTO recipes "
                         "VALUES (\"soup\");'")
                            .c_str()) == 0);
    Journal j(other);
    REQUIRE_MESSAGE(j.ok(), j.error());
    CHECK(j.notice().find("the journal could not be read (it is not an Attune journal)") == 0);
}

TEST_CASE("a journal written by a newer Attune is left as it is, and nothing is saved") {
    TempDir tmp;
    fs::create_directories(tmp.path);
    const fs::path newer = tmp.path / "journal.sqlite";
    REQUIRE(std::system(("sqlite3 '" + newer.string() + "' 'PRAGMA user_version = 99;'").c_str()) == 0);
    const std::string before = testing::slurp(newer);
    Journal j(newer);
    CHECK_FALSE(j.ok());
    CHECK(j.error() == "the journal " + newer.string() +
                           " was written by a newer Attune (schema 99); progress is not saved with this one");
    CHECK(testing::slurp(newer) == before);
}

TEST_CASE("a journal in a folder that cannot exist is reported, not fatal") {
    TempDir tmp;
    fs::create_directories(tmp.path);
    std::ofstream(tmp.path / "a-file") << "x";
    Journal j(tmp.path / "a-file" / "journal.sqlite");
    CHECK_FALSE(j.ok());
    CHECK(j.error().find("cannot be opened") != std::string::npos);
    CHECK_FALSE(j.record(finished("name-need"), "solo"));
    CHECK(j.progress("late-text-small").plays == 0);
}

TEST_CASE("a version-1 journal made by the earlier program migrates, every playthrough and step kept") {
    TempDir tmp;
    fs::create_directories(tmp.path);
    const fs::path file = tmp.path / "journal.sqlite";
    fs::copy_file(testing::testDir() / "data" / "journal-v1.sqlite", file);
    {
        Journal j(file);
        REQUIRE_MESSAGE(j.ok(), j.error());
        CHECK(j.notice().empty());
        const auto p = j.progress("late-text");
        CHECK(p.plays == 2);
        CHECK(p.endingsFound == std::vector<std::string>{"same-side", "cold-night"});
        const auto recent = j.recent(10);
        REQUIRE(recent.size() == 3);
        CHECK(recent[0].ending == "cold-night");
        CHECK(recent[0].mode == "both");  // version 1 called one person playing both roles "together"
        CHECK(recent[0].styles == std::array<int, 4>{0, 3, 2, 0});
        CHECK(recent[1].scenario == "the-birthday");
        CHECK(recent[1].mode == "solo");
        CHECK(recent[2].styles == std::array<int, 4>{7, 0, 0, 0});
    }
    std::string out, err;
    REQUIRE(std::system(("sqlite3 '" + file.string() +
                         "' 'PRAGMA user_version; SELECT COUNT(*) FROM steps; "
                         "PRAGMA journal_mode;' > '" +
                         (tmp.path / "q").string() + "'")
                            .c_str()) == 0);
    CHECK(testing::slurp(tmp.path / "q") == "2\n18\nwal\n");
    Journal again(file);  // opening a migrated file again changes nothing
    CHECK(again.progress("late-text").plays == 2);
}

TEST_CASE("a playthrough is kept step by step, a rewind takes its steps back, and it restores where it stood") {
    TempDir tmp;
    Journal j(tmp.path / "journal.sqlite");
    REQUIRE_MESSAGE(j.ok(), j.error());
    const auto shared = std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &small());
    Playthrough p(shared, std::set<std::string>{"you"});
    Recorder rec(j, p);
    CHECK_FALSE(rec.id());  // nothing kept until the first pick
    p.runToPerson();
    REQUIRE(p.state() == Session::State::Decision);
    std::string err;
    const auto pick = [&](const std::string& id) {
        p.runToPerson();
        const int c = resolvePick(p.session(), Pick{0, id, {}}, err);
        REQUIRE_MESSAGE(c >= 0, err);
        REQUIRE(p.choose(c));
        p.runToPerson();
    };
    pick("protest");
    auto left = j.unfinished("late-text-small");
    REQUIRE(left);
    CHECK(left->id == *rec.id());
    CHECK(left->decisions == 1);
    CHECK(left->saved.node == p.session().node().id);
    CHECK(left->saved.meters == p.session().meters());
    REQUIRE(p.rewind());
    pick("name-need");
    left = j.unfinished("late-text-small");
    REQUIRE(left);
    REQUIRE(left->saved.picks.size() >= 1);
    CHECK(left->saved.picks.front().choice == "name-need");  // the rewound pick is gone
    // Restored, it stands where it stood.
    auto back = Playthrough::restore(shared, left->saved);
    REQUIRE_MESSAGE(back.playthrough, back.error);
    CHECK(back.playthrough->session().node().id == p.session().node().id);
    CHECK(back.playthrough->session().meters() == p.session().meters());
    CHECK(j.progress("late-text-small").plays == 0);  // not finished yet
}

TEST_CASE("an export read into another journal exports again word for word, and CSV quotes what needs quoting") {
    TempDir tmp;
    Journal a(tmp.path / "a.sqlite");
    REQUIRE(a.ok());
    CHECK(a.record(finished("protest,partner-defend"), "together"));
    CHECK(a.record(finished("name-need"), "solo"));
    const std::string json = a.exportJson("");
    Journal b(tmp.path / "b.sqlite");
    REQUIRE(b.importJson(json, "Ana"));
    std::string again = b.exportJson("Ana");
    const std::string from = "\"profile\": \"Ana\"", to = "\"profile\": \"\"";
    REQUIRE(again.find(from) != std::string::npos);
    again.replace(again.find(from), from.size(), to);
    CHECK(again == json);
    CHECK(b.progress("late-text-small", "Ana").plays == 2);
    CHECK(b.progress("late-text-small").plays == 0);  // another person's record
    const std::string csv = a.exportCsv("");
    CHECK(csv.rfind(
              "playthrough,scenario,mode,state,started_at,ended_at,ending,kind,seq,node,role,choice,mirror,by_default,"
              "style,theme,pattern,meters,at\r\n1,late-text-small,both,ended,",
              0) == 0);
    CHECK(csv.find(",first-reply,you,protest,,0,anxious,conflict,protest-behaviour,\"[75,40]\",") != std::string::npos);
    // Not an export: refused, nothing added.
    CHECK_FALSE(b.importJson("{\"attune_journal\": 1}", "Ana"));
    CHECK(b.error() == "it is not a journal export Attune wrote (schema 2)");
    CHECK(b.progress("late-text-small", "Ana").plays == 2);
}

TEST_CASE("deleting a profile removes every row of that person, and the file keeps no trace of it") {
    TempDir tmp;
    const fs::path file = tmp.path / "journal.sqlite";
    {
        Journal j(file);
        REQUIRE(j.ok());
        CHECK(j.record(finished("name-need"), "solo"));
        const std::string mine = j.exportJson("");
        REQUIRE(j.importJson(mine, "Zebediah-Quillfeather"));
        CHECK(j.progress("late-text-small", "Zebediah-Quillfeather").plays == 1);
        REQUIRE(j.deleteProfile("Zebediah-Quillfeather"));
        CHECK(j.progress("late-text-small", "Zebediah-Quillfeather").plays == 0);
        CHECK(j.progress("late-text-small").plays == 1);  // the other person's stays
        CHECK(j.profiles() == std::vector<std::string>{""});
        CHECK_FALSE(j.deleteProfile("nobody"));
        CHECK(j.error() == "there is no profile 'nobody' in this journal");
    }
    for (const auto& e : fs::directory_iterator(tmp.path))
        CHECK_MESSAGE(testing::slurp(e.path()).find("Zebediah-Quillfeather") == std::string::npos, e.path().string());
}

TEST_CASE("the progress report counts playthroughs, endings, practice days, secure choices by theme and patterns") {
    TempDir tmp;
    Journal j(tmp.path / "journal.sqlite");
    CHECK(j.report("").playthroughs == 0);
    CHECK(j.record(finished("protest,partner-defend"), "together"));
    CHECK(j.record(finished("name-need"), "solo"));
    CHECK(j.record(finished("name-need"), "solo"));
    const Journal::Report r = j.report("");
    CHECK(r.playthroughs == 3);
    CHECK(r.finished == 3);
    CHECK(r.scenarios == 1);
    CHECK(r.endingsFound == 2);
    CHECK(r.practiceDays == 1);
    int secure = 0, total = 0;
    for (const auto& sh : r.secureByTheme) {
        secure += sh.secure;
        total += sh.total;
    }
    CHECK(secure == 2);
    REQUIRE(!r.patterns.empty());
    CHECK(r.patterns.front().id == "name-the-need");
    CHECK(r.patterns.front().count == 2);
    CHECK(r.patterns.front().recent == 2);  // everything is in the last four weeks
    CHECK(r.earlierDecisions == 0);
    CHECK(r.checkins.meanBefore < 0);
    CHECK(r.checkins.before == 0);
}

TEST_CASE("check-ins, notes and practices are kept with their playthrough, checked, and counted in the report") {
    TempDir tmp;
    Journal j(tmp.path / "journal.sqlite");
    Playthrough p = Playthrough::borrowing(small(), playedRoles(small(), false));
    {
        Recorder rec(j, p);
        rec.checkinBefore(6, "  tense ");  // kept once the first pick begins the row
        CHECK_FALSE(rec.id());
        while (p.state() == Session::State::Line) p.advance();
        REQUIRE(p.state() == Session::State::Decision);
        p.choose(0);
        REQUIRE(rec.id());
        rec.practised("sigh", 24);
        rec.after(3, "calmer", "my shoulders dropped", "");
        rec.after(std::nullopt, "", "", "");  // skipped: nothing kept
        CHECK(rec.error().empty());
    }
    {
        Playthrough q = Playthrough::borrowing(small(), playedRoles(small(), false));
        Recorder rec(j, q);
        rec.checkinBefore(9, "flooded");  // the story closed before any pick: kept on its own
    }
    CHECK_FALSE(j.checkin("", std::nullopt, "during", 3, ""));
    CHECK(j.error() == "a check-in is 'before' or 'after', not 'during'");
    CHECK_FALSE(j.checkin("", std::nullopt, "after", 11, ""));
    CHECK(j.error() == "activation goes from 0 to 10, not 11");
    CHECK_FALSE(j.reflect("", std::nullopt, "bad \xff byte", ""));
    CHECK(j.error() == "the words are not valid UTF-8 text");
    CHECK(j.reflect("", std::nullopt, std::string(2500, 'a'), "x"));  // cut at 2,000 code points

    const Journal::Report r = j.report("");
    CHECK(r.checkins.before == 2);
    CHECK(r.checkins.after == 1);
    CHECK(r.checkins.meanBefore == doctest::Approx(7.5));
    CHECK(r.checkins.pairs == 1);
    CHECK(r.checkins.meanChange == doctest::Approx(-3));
    CHECK(r.reflections == 2);
    REQUIRE(r.notes.size() == 2);
    CHECK(r.notes.back().noticed == "my shoulders dropped");
    CHECK(r.notes.back().scenario == "late-text-small");
    CHECK(r.notes.front().noticed.size() == 2000);
    CHECK(r.practices == std::vector<std::pair<std::string, int>>{{"sigh", 1}});

    const std::string out = j.exportJson("");
    CHECK(out.find("\"word\": \"tense\"") != std::string::npos);  // trimmed
    CHECK(out.find("\"practice\": \"sigh\"") != std::string::npos);
    CHECK(out.find("\"seconds\": 24") != std::string::npos);
}

TEST_CASE("the report over weeks: secure shares by week and theme, patterns in two halves, check-ins paired") {
    TempDir tmp;
    Journal j(tmp.path / "journal.sqlite");
    REQUIRE(j.importJson(testing::slurp(testing::testDir() / "data/journal-weeks.json"), ""));
    const Journal::Report r = j.report("");
    CHECK(r.playthroughs == 5);
    CHECK(r.finished == 4);
    CHECK(r.practiceDays == 7);  // five days of play, two of practice alone (one of them also a day of play)
    CHECK(r.recentFrom == "2026-11-03");
    CHECK(r.earlierDecisions == 12);
    CHECK(r.recentDecisions == 7);
    REQUIRE(r.patterns.size() == 2);
    CHECK(r.patterns[0].id == "protest-behaviour");
    CHECK(r.patterns[0].count == 5);
    CHECK(r.patterns[0].earlier == 4);
    CHECK(r.patterns[0].recent == 1);
    CHECK(r.checkins.pairs == 2);
    CHECK(r.checkins.meanChange == doctest::Approx(-2.5));
    CHECK(r.checkins.meanBefore == doctest::Approx(17.0 / 3));
    REQUIRE(!r.secureByTheme.empty());
    CHECK(r.secureByTheme.front().period == "week of 2026-09-07");
    CHECK(r.practices.front() == std::pair<std::string, int>{"paced", 2});
}

TEST_CASE("the progress summary says what the journal holds, word for word, as text and as a page") {
    TempDir tmp;
    Journal j(tmp.path / "journal.sqlite");
    REQUIRE(j.importJson(testing::slurp(testing::testDir() / "data" / "journal-weeks.json"), ""));
    const auto titles = [](const std::string& id) { return id == "late-text" ? std::string("The Late Text") : id; };
    const summary::Summary s = summary::summarise(j.report(""), "", &testing::patterns(), titles);
    CHECK_FALSE(s.empty);
    // Every week from the first to the last, so the chart spaces them as time went.
    REQUIRE(s.weeks.size() == 13);
    CHECK(s.weeks.front() == "2026-09-07");
    CHECK(s.weeks[6] == "2026-10-19");
    CHECK(s.weeks.back() == "2026-11-30");
    REQUIRE(s.trends.size() == 3);
    CHECK(s.trends[0].theme == "needs");
    std::vector<int> needs(13, -1);  // 1 of 4 secure, then 1 of 2, 2 of 2 and 1 of 2; no play in the other weeks
    needs[0] = 25;
    needs[6] = 50;
    needs[11] = 100;
    needs[12] = 50;
    CHECK(s.trends[0].percent == needs);
    CHECK_GOLDEN(testing::testDir() / "golden" / "progress-weeks.txt", summary::text(s));
    CHECK_GOLDEN(testing::testDir() / "golden" / "progress-weeks.html", summary::html(s));
    // Someone's words cannot become markup.
    REQUIRE(j.reflect("", std::nullopt, "<script>alert(1)</script> & more", ""));
    const std::string page = summary::html(summary::summarise(j.report(""), "", &testing::patterns(), titles));
    CHECK(page.find("<script>") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more") != std::string::npos);

    Journal none(tmp.path / "empty.sqlite");
    const summary::Summary e = summary::summarise(none.report("Sam"), "Sam", &testing::patterns(), titles);
    CHECK(e.empty);
    CHECK(summary::text(e) ==
          "Sam's practice so far\n\n  Nothing in the journal yet. Your practice shows here once you have\n"
          "  played a scenario or taken a practice from the toolbox.\n");
}

TEST_CASE(
    "an import with a time, a check-in moment or an activation Attune cannot use is refused, with nothing added") {
    TempDir tmp;
    Journal j(tmp.path / "journal.sqlite");
    std::string text = testing::slurp(testing::testDir() / "data" / "journal-weeks.json");
    const auto with = [&](const std::string& from, const std::string& to) {
        std::string t = text;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };
    CHECK_FALSE(j.importJson(with("\"at\": \"2026-09-07T19:01:00Z\"", "\"at\": \"yesterday\""), "Sam"));
    CHECK(j.error() == "step 2 of playthrough 1 has no time Attune can read ('yesterday')");
    CHECK_FALSE(j.importJson(with("\"moment\": \"before\"", "\"moment\": \"during\""), "Sam"));
    CHECK(j.error() == "a check-in in it is neither 'before' nor 'after' ('during')");
    CHECK_FALSE(j.importJson(with("\"activation\": 7", "\"activation\": 70"), "Sam"));
    CHECK(j.error() == "a check-in in it has an activation that is not a whole number from 0 to 10");
    CHECK(j.report("Sam").playthroughs == 0);
    CHECK(j.profiles() == std::vector<std::string>{""});  // not even the profile was kept
}

TEST_CASE("a practice opened and closed at once was skipped, not taken, and is not kept") {
    TempDir tmp;
    Journal j(tmp.path / "journal.sqlite");
    CHECK(j.practised("", std::nullopt, "paced", 2));
    CHECK(j.report("").practices.empty());
    CHECK(j.report("").practiceDays == 0);
    CHECK(j.practised("", std::nullopt, "paced", 5));
    CHECK(j.report("").practices.size() == 1);
}

TEST_CASE("the patterns' note says skills for secure ones and protection for the others, never one for the other") {
    Journal::Report r;
    r.playthroughs = 1;
    r.patterns = {{"name-the-need", 2, 0, 2}, {"protest-behaviour", 1, 0, 1}};
    const auto note = [&] {
        for (const auto& sec : summary::summarise(r, "", &testing::patterns()).sections)
            if (sec.id == "patterns") return sec.note;
        return std::string();
    };
    CHECK(
        note() ==
        "The secure ones are skills to keep. The others are ways of protecting something that matters; noticing one as "
        "it happens is the practice.");
    r.patterns.pop_back();
    CHECK(note() == "These are secure skills: the ones you reach for most are the ones to keep.");
    r.patterns = {{"protest-behaviour", 1, 0, 1}};
    CHECK(note() ==
          "Each of these is a way of protecting something that matters. Noticing one as it happens is the practice.");
}
