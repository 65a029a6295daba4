#include "core/model/PatternLibrary.hpp"
#include "core/journal/Journal.hpp"
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

TEST_CASE("a journal path that cannot be a database is reported, not fatal") {
    TempDir tmp;
    fs::create_directories(tmp.path);
    const fs::path notDb = tmp.path / "garbage.sqlite";
    std::ofstream(notDb) << std::string(4096, 'x');
    Journal j(notDb);
    CHECK_FALSE(j.ok());
    CHECK(j.error().find("cannot be used: file is not a database") != std::string::npos);
    CHECK_FALSE(j.record(finished("name-need"), "solo"));
    CHECK(j.progress("late-text-small").plays == 0);
}
