// The journal in the window, end to end against real SQLite files: the check-in before a
// story and the check-in and note after its debrief (each skipped with one key), the
// regulation toolbox and its practices kept as practice sessions, the twenty-minute break's
// reminder, and the progress screen drawn from the journal.
#include "sfml/Driver.hpp"
#include "sfml/screens/CheckinScreen.hpp"
#include "sfml/screens/LibraryScreen.hpp"
#include "sfml/screens/ProgressScreen.hpp"
#include "sfml/screens/ResumeScreen.hpp"
#include "sfml/screens/ToolboxScreen.hpp"
#include "sfml/screens/TogetherScreens.hpp"
#include "sfml/Sound.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sqlite3.h>
#include <sstream>
#include <unistd.h>

using namespace attune;
namespace fs = std::filesystem;

namespace {

struct TempJournal {
    fs::path file = fs::temp_directory_path() / fmt::format("attune-window-journal-{}.sqlite", ::getpid());
    TempJournal() { clean(); }
    ~TempJournal() { clean(); }
    void clean() {
        for (const char* extra : {"", "-wal", "-shm"}) fs::remove(file.string() + extra);
    }
    /// The rows of one query, each as its columns joined with '|'.
    std::vector<std::string> rows(const std::string& sql) const {
        std::vector<std::string> out;
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const auto* t = sqlite3_column_text(st, c);
                row += (c ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
            }
            out.push_back(row);
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
        return out;
    }
};

std::string top(ui::App& app) { return app.top()->name(); }

void openLateText(ui::App& app) {
    auto* lib = app.find<ui::LibraryScreen>();
    REQUIRE(lib);
    const auto ids = lib->shownIds();
    const auto it = std::find(ids.begin(), ids.end(), "late-text");
    REQUIRE(it != ids.end());
    lib->select(static_cast<std::size_t>(it - ids.begin()));
    testing::press(app, sf::Keyboard::Enter);
}

/// Plays the story on to its ending by the first choice each time, then opens the debrief.
void playToDebrief(ui::App& app) {
    auto& p = testing::play(app);
    for (int i = 0; i < 400 && top(app) != "debrief"; ++i) {
        if (app.top() != &p)
            testing::press(app, sf::Keyboard::Escape);  // a card, a breathing pause
        else if (p.mode() == ui::PlayScreen::Mode::Decision)
            testing::press(app, sf::Keyboard::Num1);
        else
            testing::press(app, sf::Keyboard::Enter);
    }
    REQUIRE(top(app) == "debrief");
}

}  // namespace

TEST_CASE("the check-in before a story is kept with the playthrough its first pick begins") {
    TempJournal j;
    testing::Open o;
    o.journal = j.file.string();
    auto app = testing::open(o);
    openLateText(*app);
    REQUIRE(top(*app) == "checkin");
    auto* c = app->find<ui::CheckinScreen>();
    CHECK(c->shownText() ==
          "How are you arriving?\nA check-in for your journal before the story begins, if you like.\n"
          "How activated do you feel right now?\nA word for the feeling\n"
          "Kept only in your journal, on this machine. Check-ins can be turned off in Settings.");
    CHECK(testing::layoutProblems(*app).empty());
    testing::type(*app, "7");
    testing::press(*app, sf::Keyboard::Left);  // 6
    testing::press(*app, sf::Keyboard::Tab);
    testing::type(*app, "tense");
    testing::press(*app, sf::Keyboard::Enter);
    REQUIRE(top(*app) == "play");
    CHECK(j.rows("SELECT moment, activation, word, playthrough FROM checkins").empty());  // kept at the first pick
    auto& p = testing::play(*app);
    for (int i = 0; i < 50 && p.mode() != ui::PlayScreen::Mode::Decision; ++i)
        testing::press(*app, sf::Keyboard::Space);
    testing::press(*app, sf::Keyboard::Num1);
    CHECK(j.rows("SELECT c.moment, c.activation, c.word, p.scenario FROM checkins c JOIN playthroughs p ON p.id = "
                 "c.playthrough") == std::vector<std::string>{"before|6|tense|late-text"});
}

TEST_CASE("the check-in before is skipped with Esc, and not offered with check-ins turned off") {
    TempJournal j;
    {
        testing::Open o;
        o.journal = j.file.string();
        auto app = testing::open(o);
        openLateText(*app);
        REQUIRE(top(*app) == "checkin");
        testing::press(*app, sf::Keyboard::Escape);
        CHECK(top(*app) == "play");
    }
    CHECK(j.rows("SELECT * FROM checkins").empty());
    testing::Open o;
    o.journal = j.file.string();
    o.checkins = false;
    auto app = testing::open(o);
    openLateText(*app);
    CHECK(top(*app) == "play");
}

TEST_CASE("after the debrief, the check-in and note once on the way out, and Esc skips them") {
    TempJournal j;
    testing::Open o;
    o.journal = j.file.string();
    auto app = testing::open(o);
    openLateText(*app);
    testing::press(*app, sf::Keyboard::Escape);  // no check-in before
    playToDebrief(*app);
    testing::press(*app, sf::Keyboard::Escape);  // to the library, by way of the check-in after
    REQUIRE(top(*app) == "checkin");
    CHECK(app->find<ui::CheckinScreen>()->shownText().rfind("Before you go\n", 0) == 0);
    CHECK(testing::layoutProblems(*app).empty());
    testing::type(*app, "3");
    testing::press(*app, sf::Keyboard::Tab);
    testing::type(*app, "lighter");
    testing::press(*app, sf::Keyboard::Tab);
    testing::type(*app, "my shoulders let go");
    testing::press(*app, sf::Keyboard::Tab);
    testing::type(*app, "to be asked, not guessed at");
    testing::press(*app, sf::Keyboard::Enter);
    CHECK(top(*app) == "library");
    CHECK(j.rows("SELECT moment, activation, word FROM checkins") == std::vector<std::string>{"after|3|lighter"});
    CHECK(
        j.rows("SELECT r.noticed, r.needed, p.state FROM reflections r JOIN playthroughs p ON p.id = r.playthrough") ==
        std::vector<std::string>{"my shoulders let go|to be asked, not guessed at|ended"});

    // Once more, leaving by Play again (P): the P's own character does not land in the word,
    // and Esc at the check-in after skips it all.
    openLateText(*app);
    testing::press(*app, sf::Keyboard::Escape);
    playToDebrief(*app);
    sf::Event k{};
    k.type = sf::Event::KeyPressed;
    k.key.code = sf::Keyboard::P;
    sf::Event t{};
    t.type = sf::Event::TextEntered;
    t.text.unicode = 'p';
    app->post(k);
    app->post(t);
    app->frame();
    REQUIRE(top(*app) == "checkin");
    CHECK(app->find<ui::CheckinScreen>()->field(0).value.empty());
    testing::press(*app, sf::Keyboard::Escape);
    CHECK(top(*app) == "play");  // played again
    CHECK(testing::play(*app).session().history().size() <= 2);
    CHECK(j.rows("SELECT COUNT(*) FROM checkins") == std::vector<std::string>{"1"});
    CHECK(j.rows("SELECT COUNT(*) FROM reflections") == std::vector<std::string>{"1"});
}

TEST_CASE("the toolbox opens from the library, and a practice taken there is kept as a practice session") {
    TempJournal j;
    testing::Open o;
    o.journal = j.file.string();
    auto app = testing::open(o);
    testing::press(*app, sf::Keyboard::B);
    REQUIRE(top(*app) == "toolbox");
    CHECK(app->find<ui::ToolboxScreen>()->shownText().rfind("The regulation toolbox\n", 0) == 0);
    CHECK(testing::layoutProblems(*app).empty());
    testing::press(*app, sf::Keyboard::Num4);  // the self-compassion break
    REQUIRE(top(*app) == "breathe");
    auto* b = app->find<ui::BreatheScreen>();
    CHECK(b->practice().id == "compassion");
    b->advance(20);
    testing::press(*app, sf::Keyboard::Escape);  // stopped part-way
    CHECK(top(*app) == "toolbox");
    testing::press(*app, sf::Keyboard::Num2);  // the sigh, to its end
    app->find<ui::BreatheScreen>()->advance(40);
    testing::frames(*app, 2);
    CHECK(top(*app) == "toolbox");
    CHECK(j.rows("SELECT practice, seconds, playthrough FROM practices ORDER BY id") ==
          std::vector<std::string>{"compassion|20|NULL", "sigh|28|NULL"});
}

TEST_CASE("the twenty-minute break gives a time to come back, and says when the time is up") {
    TempJournal j;
    testing::Open o;
    o.journal = j.file.string();
    auto app = testing::open(o);
    testing::press(*app, sf::Keyboard::B);
    testing::press(*app, sf::Keyboard::Num5);
    REQUIRE(top(*app) == "break");
    auto* b = app->find<ui::BreakScreen>();
    CHECK(b->shownText().find("\n20 minutes left\nCome back at ") != std::string::npos);
    b->advance(61);
    CHECK(b->shownText().find("\n19 minutes left\n") != std::string::npos);
    b->advance(1140);
    CHECK(b->over());
    CHECK(b->shownText().rfind("Twenty minutes have passed\n", 0) == 0);
    CHECK(b->shownText().find("Time to come back") != std::string::npos);
    CHECK(testing::layoutProblems(*app).empty());
    testing::press(*app, sf::Keyboard::Enter);  // I'm back
    CHECK(top(*app) == "toolbox");
    const auto kept = j.rows("SELECT practice, seconds FROM practices");
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].rfind("break|120", 0) == 0);  // 1201 seconds, and the wall clock's second or two
}

TEST_CASE("a breathing point in a story is kept as a practice of that playthrough") {
    TempJournal j;
    testing::Open o{"late-text", "sharp-reply", "play"};
    o.journal = j.file.string();
    auto app = testing::open(o);
    auto& p = testing::play(*app);
    p.openBreathe("grounding");
    testing::frames(*app, 1);
    REQUIRE(top(*app) == "breathe");
    app->find<ui::BreatheScreen>()->advance(12);
    testing::press(*app, sf::Keyboard::Escape);
    CHECK(
        j.rows(
            "SELECT x.practice, x.seconds, p.scenario FROM practices x JOIN playthroughs p ON p.id = x.playthrough") ==
        std::vector<std::string>{"grounding|12|late-text"});
}

TEST_CASE("the progress screen opens from the library and says what the journal holds") {
    TempJournal j;
    {
        Journal journal(j.file);
        std::ifstream in(fs::path(ATTUNE_SOURCE_DIR) / "tests" / "data" / "journal-weeks.json");
        std::stringstream text;
        text << in.rdbuf();
        REQUIRE(journal.importJson(text.str(), ""));
    }
    testing::Open o;
    o.journal = j.file.string();
    auto app = testing::open(o);
    testing::press(*app, sf::Keyboard::P);
    REQUIRE(top(*app) == "progress");
    const auto& s = app->find<ui::ProgressScreen>()->summary();
    CHECK(s.title == "Your practice so far");
    CHECK(s.sections.front().lines.front() ==
          "5 playthroughs (4 finished) of 2 scenarios; 3 endings found; 7 days of practice.");
    bool chart = false;
    for (const auto& b : app->boxes()) chart = chart || b.name == "chart plot";
    CHECK(chart);
    const std::string problems = testing::layoutProblems(*app);
    CHECK_MESSAGE(problems.empty(), problems);
    testing::press(*app, sf::Keyboard::P);  // P closes it again
    CHECK(top(*app) == "library");
}

TEST_CASE("the practices' tones are quiet sines that rise and fall, made by the program") {
    const auto in = ui::cueSamples(ui::Cue::In), out = ui::cueSamples(ui::Cue::Out), end = ui::cueSamples(ui::Cue::End);
    REQUIRE(in.size() == static_cast<std::size_t>(0.9 * 44100));
    CHECK(out.size() > in.size());
    CHECK(end.size() > out.size());
    int peak = 0, crossings = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
        peak = std::max(peak, std::abs(static_cast<int>(in[i])));
        if (i > 0 && (in[i - 1] < 0) != (in[i] < 0)) ++crossings;
    }
    CHECK(peak <= 6554);  // a fifth of full scale at most
    CHECK(peak > 3000);
    CHECK(std::abs(in.front()) < 50);  // no click at either end
    CHECK(std::abs(in.back()) < 50);
    CHECK(crossings == doctest::Approx(2 * 440 * 0.9).epsilon(0.01));  // A4
}

TEST_CASE("with Sound on, a practice is heard: the tones reach a real OpenAL device (its file writer)") {
    const auto dir = fs::temp_directory_path() / fmt::format("attune-sound-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir / "config" / "attune");
    std::ofstream(dir / "config" / "attune" / "settings.yaml") << "sound: true\nreduced-motion: true\n";
    std::ofstream(dir / "alsoft.conf") << "[general]\ndrivers = wave\n[wave]\nfile = " << (dir / "heard.wav").string()
                                       << "\n";
    const std::string cmd = fmt::format(
        "cd '{0}' && ALSOFT_CONF='{0}/alsoft.conf' XDG_CONFIG_HOME='{0}/config' XDG_DATA_HOME='{0}/data' "
        "timeout 4 '{1}' --screen breathe --practice sigh > '{0}/out.txt' 2> '{0}/err.txt'",
        dir.string(), ATTUNE_BINARY);
    std::system(cmd.c_str());  // ended by timeout: the window does not close by itself
    std::ifstream wav(dir / "heard.wav", std::ios::binary);
    REQUIRE(wav);
    const std::string bytes((std::istreambuf_iterator<char>(wav)), std::istreambuf_iterator<char>());
    const auto data = bytes.find("data");
    REQUIRE(data != std::string::npos);
    // The writer's samples are 32-bit floats: find the loudest.
    float peak = 0;
    for (std::size_t i = data + 8; i + 4 <= bytes.size(); i += 4) {
        float v = 0;
        std::memcpy(&v, bytes.data() + i, 4);
        peak = std::max(peak, std::fabs(v));
    }
    CHECK(peak > 0.05f);
    CHECK(peak < 0.3f);
    std::ifstream errFile(dir / "err.txt");
    const std::string err((std::istreambuf_iterator<char>(errFile)), std::istreambuf_iterator<char>());
    CHECK(err.find("OpenAL") == std::string::npos);  // nothing of the libraries' noise
    CHECK(err.find("ALSA") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("the check-in and note after fit the window at the largest text size, with long notes typed") {
    for (auto [w, h] : {std::pair{1280u, 720u}, std::pair{1920u, 1080u}}) {
        testing::Open o{"", "", "after"};
        o.width = w;
        o.height = h;
        o.textSize = 4;
        auto app = testing::open(o);
        REQUIRE(top(*app) == "checkin");
        testing::type(*app, "8");
        testing::press(*app, sf::Keyboard::Tab);
        testing::type(*app, "overwhelmed but here");
        testing::press(*app, sf::Keyboard::Tab);
        testing::type(*app,
                      "a heavy chest and hot face, then my hands went cold when she said she needed space tonight, "
                      "and I noticed I was holding my breath most of the time without knowing it at all");
        testing::press(*app, sf::Keyboard::Tab);
        testing::type(*app,
                      "to hear that a pause is not an ending, and to be asked what I wanted instead of guessed at "
                      "by someone who was already halfway out of the door and tired as well");
        const std::string problems = testing::layoutProblems(*app);
        CHECK_MESSAGE(problems.empty(), w << "x" << h << ":\n" << problems);
    }
}

TEST_CASE("two people who stopped half-way at one screen are offered their story again, as the same people") {
    TempJournal j;
    testing::Open o{"late-text", "", "together"};
    o.journal = j.file.string();
    const auto setUp = [](ui::App& app) {
        REQUIRE(top(app) == "together");
        testing::type(app, "Maya");
        testing::press(app, sf::Keyboard::Tab);
        testing::type(app, "Jo");
        testing::press(app, sf::Keyboard::Enter);
    };
    std::string node;
    {
        auto app = testing::open(o);
        setUp(*app);
        REQUIRE(top(*app) != "resume");  // nothing to take up yet
        auto& p = testing::play(*app);
        for (int i = 0; i < 60 && !(p.mode() == ui::PlayScreen::Mode::Decision && app->top() == &p); ++i)
            testing::press(*app, app->top() == &p ? sf::Keyboard::Space : sf::Keyboard::Space);
        REQUIRE(p.mode() == ui::PlayScreen::Mode::Decision);
        testing::press(*app, sf::Keyboard::Num1);
        node = p.playthrough().picks().front().node;
    }  // the window closes mid-story
    CHECK(j.rows("SELECT mode, state FROM playthroughs") == std::vector<std::string>{"pass|playing"});
    auto app = testing::open(o);
    setUp(*app);
    REQUIRE(top(*app) == "resume");
    auto* r = app->find<ui::ResumeScreen>();
    CHECK(r->shownText().find("Maya as Alex and Jo as Sam, passing the device.") != std::string::npos);
    CHECK(testing::layoutProblems(*app).empty());
    testing::press(*app, sf::Keyboard::Enter);
    auto& p = testing::play(*app);
    CHECK(p.couple());
    REQUIRE(p.playthrough().table().people.size() == 2);
    CHECK(p.playthrough().table().people[0].name == "Maya");
    REQUIRE(p.playthrough().picks().size() == 1);
    CHECK(p.playthrough().picks().front().node == node);
}

namespace {
/// A key as a keyboard sends it: pressed, its character, released.
void stroke(ui::App& app, sf::Keyboard::Key k, char c) {
    sf::Event e{};
    e.type = sf::Event::KeyPressed;
    e.key.code = k;
    app.post(e);
    sf::Event t{};
    t.type = sf::Event::TextEntered;
    t.text.unicode = static_cast<std::uint32_t>(c);
    app.post(t);
    sf::Event r = e;
    r.type = sf::Event::KeyReleased;
    app.post(r);
    app.frame();
}
}  // namespace

TEST_CASE(
    "on the scale, 1 then 0 is ten, and anything between ends it, and the key that opened a screen types nothing") {
    testing::Open o{"", "", "checkin"};
    auto app = testing::open(o);
    auto* c = app->find<ui::CheckinScreen>();
    stroke(*app, sf::Keyboard::Num1, '1');
    stroke(*app, sf::Keyboard::Num0, '0');
    CHECK(c->level() == 10);
    stroke(*app, sf::Keyboard::Num1, '1');
    testing::press(*app, sf::Keyboard::Right);  // 2
    stroke(*app, sf::Keyboard::Num0, '0');
    CHECK(c->level() == 0);

    // T in the library opens the set-up for two; its "t" does not become the first name.
    auto lib = testing::open({});
    stroke(*lib, sf::Keyboard::T, 't');
    REQUIRE(std::string(lib->top()->name()) == "together");
    auto* setup = lib->find<ui::TogetherScreen>();
    CHECK(setup->table().people[0].name.empty());
}

TEST_CASE("in a story, Take a breath opens the toolbox, and its practice returns to the story and is kept with it") {
    TempJournal j;
    testing::Open o{"late-text", "", "play"};
    o.journal = j.file.string();
    auto app = testing::open(o);
    auto& p = testing::play(*app);
    for (int i = 0; i < 50 && p.mode() != ui::PlayScreen::Mode::Decision; ++i)
        testing::press(*app, sf::Keyboard::Space);
    testing::press(*app, sf::Keyboard::B);  // Alex is above the window at the first decision
    REQUIRE(top(*app) == "toolbox");
    testing::press(*app, sf::Keyboard::Num3);  // grounding
    REQUIRE(top(*app) == "breathe");
    app->find<ui::BreatheScreen>()->advance(15);
    testing::press(*app, sf::Keyboard::Escape);
    CHECK(top(*app) == "play");
    testing::press(*app, sf::Keyboard::Num2);  // a pick begins the row; the practice came before it
    CHECK(
        j.rows(
            "SELECT x.practice, x.seconds, p.scenario FROM practices x JOIN playthroughs p ON p.id = x.playthrough") ==
        std::vector<std::string>{"grounding|15|late-text"});
}
