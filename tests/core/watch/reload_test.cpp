// Live reload (attune play --watch, and the window's --watch): a playthrough carried over to
// an edited scenario by choice id, kept where it stood or started again with the reason;
// and the file watched for real with inotify, through saves in place, saves by rename, a
// save still being written, a file away for a moment, and a save with errors.
#include "core/load/Loader.hpp"
#include "core/watch/Reload.hpp"
#include "core/run/Script.hpp"
#include "support/Support.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <thread>
#include <unistd.h>

using namespace attune;
namespace fs = std::filesystem;

namespace {

std::string small() { return testing::slurp(testing::testDir() / "data" / "small.yaml"); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

std::shared_ptr<const Scenario> load(const std::string& text) {
    LoadResult r = loadScenarioText(text, "small.yaml", testing::patterns());
    const std::string first = r.diags.all().empty() ? std::string() : r.diags.all().front().format();
    INFO(first);
    REQUIRE(r.scenario);
    return std::make_shared<const Scenario>(std::move(*r.scenario));
}

/// Plays `picks` (choice ids) on a fresh playthrough of `s`, both roles played.
Playthrough played(std::shared_ptr<const Scenario> s, const std::vector<std::string>& picks) {
    Playthrough p(s, playedRoles(*s, false));
    for (const std::string& id : picks) {
        while (p.state() == Session::State::Line) p.advance();
        REQUIRE(p.state() == Session::State::Decision);
        const auto& ch = p.session().node().choices;
        int k = -1;
        for (std::size_t i = 0; i < ch.size(); ++i)
            if (ch[i].id == id) k = static_cast<int>(i);
        REQUIRE_MESSAGE(k >= 0, id);
        p.handOver();
        REQUIRE(p.choose(k));
    }
    while (p.state() == Session::State::Line) p.advance();
    return p;
}

struct TempDir {
    fs::path dir = fs::temp_directory_path() / fmt::format("attune-reload-{}", ::getpid());
    TempDir() {
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempDir() { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
    }
};

/// Polls until the watch brings something, or two seconds pass (a guard against a hang,
/// not a measure of speed: a test that waits long has failed anyway).
ScenarioUpdate next(ScenarioWatch& w) {
    for (int i = 0; i < 200; ++i) {
        ScenarioUpdate u = w.poll();
        if (u.kind != ScenarioUpdate::Kind::None) return u;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return ScenarioUpdate{};
}

/// Nothing comes for a tenth of a second.
bool quiet(ScenarioWatch& w) {
    for (int i = 0; i < 10; ++i) {
        if (w.poll().kind != ScenarioUpdate::Kind::None) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace

TEST_CASE("an edited line keeps the playthrough where it stood, with the new words") {
    const auto before = load(small());
    const Playthrough old = played(before, {"protest"});
    REQUIRE(old.session().node().id == "second-chance");
    const auto after = load(replaced(small(), "Why is that never enough?", "Is that not enough?"));
    const CarriedOver c = carryOver(old, after);
    CHECK(c.kept);
    CHECK(c.note == "Your 1 pick was replayed; the story stands where it was.");
    CHECK(c.playthrough.session().node().id == "second-chance");
    CHECK(c.playthrough.session().history().size() == old.session().history().size());
    CHECK(&c.playthrough.scenario() == after.get());
    // The line read on the way is the new one.
    bool seen = false;
    for (const Step& st : c.playthrough.session().history())
        if (after->nodes[static_cast<std::size_t>(st.node)].text == "I said my phone died. Is that not enough?")
            seen = true;
    CHECK(seen);
}

TEST_CASE("a pick whose choice is gone starts the story again and says which pick") {
    const auto before = load(small());
    const Playthrough old = played(before, {"protest", "partner-defend"});
    REQUIRE(old.state() == Session::State::Ending);
    const auto after = load(replaced(small(), "- id: partner-defend", "- id: partner-deflect"));
    const CarriedOver c = carryOver(old, after);
    CHECK_FALSE(c.kept);
    CHECK(c.note ==
          "Started again from the beginning: step 2: the choice 'partner-defend' at node 'second-chance' no longer "
          "exists or is not shown there.");
    CHECK(c.playthrough.picks().empty());
    CHECK(c.playthrough.session().node().id == "opening");
    CHECK(c.playthrough.session().played() == old.session().played());
}

TEST_CASE("when the node the story stood at is no longer on the way, it stands at the next decision") {
    const auto before = load(small());
    Playthrough old(before, playedRoles(*before, false));
    REQUIRE(old.session().node().id == "opening");  // a line, before any pick
    // The opening now goes straight to the decision, through a new line instead.
    std::string text = replaced(small(), "  opening:\n",
                                "  hello:\n    say: partner\n    text: \"Hi.\"\n    next: first-reply\n  opening:\n");
    text = replaced(text, "start: opening", "start: hello");
    const CarriedOver c = carryOver(old, load(text));
    CHECK(c.kept);
    CHECK(c.note == "Nothing was picked yet; 'opening' is no longer on the way, so the story stands at 'first-reply'.");
    CHECK(c.playthrough.session().node().id == "first-reply");
}

TEST_CASE(
    "the watched file: saves in place and by rename load, and the same bytes, a half-written save and a file away do "
    "not") {
    TempDir t;
    t.write("s.yaml", small());
    ScenarioWatch w(t.dir / "s.yaml", testing::patterns());
    REQUIRE_MESSAGE(w.ok(), w.error());
    ScenarioUpdate u = w.load();
    REQUIRE(u.kind == ScenarioUpdate::Kind::Loaded);
    CHECK(u.scenario->id == "late-text-small");
    CHECK(quiet(w));

    SUBCASE("a save in place") {
        t.write("s.yaml", replaced(small(), "Why is that never enough?", "Is that not enough?"));
        u = next(w);
        REQUIRE(u.kind == ScenarioUpdate::Kind::Loaded);
        CHECK(u.scenario->nodes[static_cast<std::size_t>(u.scenario->nodeIndex("defensive"))].text ==
              "I said my phone died. Is that not enough?");
        // Saved again unchanged (an editor's save with nothing new): nothing to do.
        t.write("s.yaml", replaced(small(), "Why is that never enough?", "Is that not enough?"));
        CHECK(quiet(w));
    }
    SUBCASE("a save by rename, as editors do: a new file moved over the old") {
        t.write(".s.yaml.swp", replaced(small(), "Fine. Whatever.", "Fine."));
        CHECK(quiet(w));  // another file in the folder is not the scenario
        fs::rename(t.dir / ".s.yaml.swp", t.dir / "s.yaml");
        u = next(w);
        REQUIRE(u.kind == ScenarioUpdate::Kind::Loaded);
        CHECK(u.scenario->nodes[1].choices[2].text == "Fine.");
        // And again: the watch is on the folder, so the new file is watched as well.
        t.write(".s.yaml.swp", small());
        fs::rename(t.dir / ".s.yaml.swp", t.dir / "s.yaml");
        CHECK(next(w).kind == ScenarioUpdate::Kind::Loaded);
    }
    SUBCASE("a save still being written is not read until it is closed") {
        const std::string text = replaced(small(), "Fine. Whatever.", "Fine.");
        {
            std::ofstream out(t.dir / "s.yaml", std::ios::binary | std::ios::trunc);
            out << text.substr(0, text.size() / 2) << std::flush;
            CHECK(quiet(w));  // half of it on disk, still open
            out << text.substr(text.size() / 2);
        }
        u = next(w);
        REQUIRE(u.kind == ScenarioUpdate::Kind::Loaded);
        CHECK(u.scenario->nodes[1].choices[2].text == "Fine.");
    }
    SUBCASE("a file away for a moment keeps the version playing, and loads when it is back") {
        fs::remove(t.dir / "s.yaml");
        CHECK(quiet(w));
        t.write("s.yaml", replaced(small(), "Fine. Whatever.", "Fine."));
        CHECK(next(w).kind == ScenarioUpdate::Kind::Loaded);
    }
    SUBCASE("a save with errors says them, word for word; the fix loads") {
        t.write("s.yaml", replaced(small(), "next: distance", "next: distanse"));
        u = next(w);
        REQUIRE(u.kind == ScenarioUpdate::Kind::Broken);
        CHECK(w.broken());
        REQUIRE(u.diags.all().size() == 1);
        CHECK(u.diags.all()[0].format() ==
              (t.dir / "s.yaml").string() +
                  ":46:15: error: 'next' goes to unknown node 'distanse' (did you mean 'distance'?) [dangling-next]");
        t.write("s.yaml", small());  // back to the very bytes first read: still a change from the broken ones
        u = next(w);
        CHECK(u.kind == ScenarioUpdate::Kind::Loaded);
        CHECK_FALSE(w.broken());
    }
    SUBCASE("a save that is not text at all is a diagnostic, not a crash") {
        t.write("s.yaml", std::string("\xff\xfe\x00\x01", 4));
        u = next(w);
        REQUIRE(u.kind == ScenarioUpdate::Kind::Broken);
        CHECK(u.diags.hasErrors());
    }
}

TEST_CASE("a folder that cannot be watched says so") {
    ScenarioWatch w("/nonexistent-attune-folder/s.yaml", testing::patterns());
    CHECK_FALSE(w.ok());
    CHECK(w.error() == "the folder /nonexistent-attune-folder cannot be watched: No such file or directory");
}
