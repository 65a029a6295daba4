// The library index (core/load/Index): start-up reads what the library shows from one cache
// file; an entry stands while the file's size and time do, a touched file with the same
// bytes is only hashed, a changed one is loaded again, and a damaged cache is rebuilt.
#include "core/load/Index.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

using namespace attune;
namespace fs = std::filesystem;

namespace {
struct Folder {
    fs::path dir = fs::temp_directory_path() / ("attune-index-test-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Folder() { fs::remove_all(dir); }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
        return dir / name;
    }
};

std::string scenario(const std::string& title) {
    return "format: 1\nid: small-one\ntitle: \"" + title +
           "\"\nsummary: A summary.\nthemes: [needs, repair]\ndifficulty: 2\nminutes: 7\n"
           "roles: { you: { name: Robin, pronouns: they }, them: { name: Sam, color: \"#336699\" } }\nplayer: you\n"
           "start: a\nnodes:\n  a:\n    text: Hello\n    choices:\n"
           "      - { text: Hi, style: secure, next: b }\n      - { text: Hey, style: anxious, next: c }\n"
           "  b: { text: Good, ending: { kind: secure, title: \"With {them}\" } }\n"
           "  c: { text: Less good, ending: { kind: mixed, title: Later } }\n";
}

void later(const fs::path& f) {
    // A write time that surely differs from the one the index holds.
    fs::last_write_time(f, fs::last_write_time(f) + std::chrono::seconds(5));
}
}  // namespace

TEST_CASE("the library index keeps what the library shows and trusts it while the file is unchanged") {
    Folder tmp;
    const fs::path cache = tmp.dir / "cache" / "index.msgpack";
    const fs::path f = tmp.write("s.yaml", scenario("First"));
    {
        LibraryIndex index(testing::patterns(), cache);
        std::optional<Scenario> full;
        const IndexEntry& e = index.entry(f, &full);
        CHECK(index.loaded() == 1);
        REQUIRE(full);  // a file loaded in full hands its scenario over
        CHECK(full->nodes.size() == 3);
        CHECK(e.errors == 0);
        CHECK(e.meta.title == "First");
        REQUIRE(index.save());
    }
    LibraryIndex index(testing::patterns(), cache);
    std::optional<Scenario> full;
    const IndexEntry& e = index.entry(f, &full);
    CHECK(index.fromIndex() == 1);
    CHECK(index.loaded() == 0);
    CHECK_FALSE(full);
    CHECK(e.meta.id == "small-one");
    CHECK(e.meta.title == "First");
    CHECK(e.meta.summary == "A summary.");
    CHECK(e.meta.themes == std::vector<Theme>{Theme::Needs, Theme::Repair});
    CHECK(e.meta.difficulty == 2);
    CHECK(e.meta.minutes == 7);
    CHECK(e.meta.player == "you");
    REQUIRE(e.meta.roles.size() == 2);
    CHECK(e.meta.roles[0].name == "Robin");
    CHECK(e.meta.roles[0].pronouns == "they");
    CHECK(e.meta.roles[1].color == "#336699");
    CHECK(e.endings == std::vector<std::pair<std::string, std::string>>{{"b", "With Sam"}, {"c", "Later"}});
    CHECK(e.meta.nodes.empty());  // the story itself is loaded when it is opened
}

TEST_CASE("a touched file is hashed, a changed one loaded again, a broken one counted, a damaged cache rebuilt") {
    Folder tmp;
    const fs::path cache = tmp.dir / "index.msgpack";
    const fs::path f = tmp.write("s.yaml", scenario("First"));
    const fs::path other = tmp.write("t.yaml", "format: 1\nid: [broken\n");
    {
        LibraryIndex index(testing::patterns(), cache);
        index.entry(f);
        const IndexEntry& bad = index.entry(other);
        CHECK(bad.errors > 0);
        CHECK(index.save());
    }
    later(f);
    {
        LibraryIndex index(testing::patterns(), cache);
        CHECK(index.entry(f).meta.title == "First");
        CHECK(index.rehashed() == 1);
        CHECK(index.entry(other).errors > 0);
        CHECK(index.fromIndex() == 1);  // the broken file's count is kept too
        CHECK(index.save());
    }
    tmp.write("s.yaml", scenario("Second, longer"));
    later(f);
    {
        LibraryIndex index(testing::patterns(), cache);
        CHECK(index.entry(f).meta.title == "Second, longer");
        CHECK(index.loaded() == 1);
        CHECK(index.save());
    }
    std::ofstream(cache, std::ios::binary | std::ios::trunc) << "not an index";
    {
        LibraryIndex index(testing::patterns(), cache);
        CHECK(index.entry(f).meta.title == "Second, longer");
        CHECK(index.loaded() == 1);
        CHECK(index.save());
    }
    // A file not asked for (deleted or moved) is dropped when the index is saved.
    {
        LibraryIndex index(testing::patterns(), cache);
        index.entry(f);
        CHECK(index.save());
    }
    LibraryIndex index(testing::patterns(), cache);
    index.entry(other);
    CHECK(index.loaded() == 1);
}

TEST_CASE("an unreadable file is reported with an error and looked at again next time") {
    Folder tmp;
    const fs::path cache = tmp.dir / "index.msgpack";
    LibraryIndex index(testing::patterns(), cache);
    const IndexEntry& e = index.entry(tmp.dir / "missing.yaml");
    CHECK(e.errors == 1);
    CHECK(index.save());
    LibraryIndex again(testing::patterns(), cache);
    again.entry(tmp.dir / "missing.yaml");
    CHECK(again.loaded() == 1);
}
