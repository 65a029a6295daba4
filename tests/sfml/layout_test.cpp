// Layout checks: on every screen, at the smallest and largest text size, at
// 1280x720 and 1920x1080, no two text boxes or buttons overlap and none is cut
// off by the window or by the panel it sits in, on every page.
#include "sfml/Driver.hpp"

#include "core/journal/Journal.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace attune;
using attune::testing::Open;

namespace {

const char* kRepair =
    "sharp-reply,sam-defends,own-it,sam-meets-repair,name-fear,sam-validates,ask-for-text,"
    "sam-offers-text,warm-close";

// Amara goes blank when Chloe leaves the room, then finds her way back.
const char* kFreeze = "say-yes,nanny-jab,chloe-bites,go-home-early";
const char* kFreezeBack =
    "say-yes,nanny-jab,chloe-bites,go-home-early,orient-room,go-find-her,chloe-sorry,ask-evening,chloe-with-you,"
    "tell-gill,chloe-steps-in,savour,chloe-sit-by-me";

const char* kMirror =
    "sharp-reply/2,sam-defends/3,own-it/1,sam-meets-repair/sam-meets-repair,name-fear/2,sam-validates/1,"
    "ask-for-text/ask-for-text,sam-offers-text/2,warm-close/1";

/// Two people at The Late Text: Maya plays Sam, Jo plays Alex.
Open couple(const char* mode, const char* script, const char* screen) {
    Open o{"late-text", script, screen};
    o.together = mode;
    o.names = {"Maya", "Jo"};
    o.roles = {"sam", "alex"};
    return o;
}

struct ScreenCase {
    const char* name;
    Open open;
};

/// Hosting for real, on a port the system picks, with a code of its longest usual kind.
Open hosting() {
    Open o{"late-text", "", "host"};
    o.host = true;
    o.port = 0;
    o.code = "482913";
    return o;
}

testing::Open practice(const std::string& id, float at) {
    testing::Open o{"", "", "breathe"};
    o.practice = id;
    o.practiceAt = at;
    return o;
}

/// The progress screen over weeks of practice (the journal fixture's).
testing::Open progress() {
    static const std::string file = [] {
        const auto f = std::filesystem::temp_directory_path() / fmt::format("attune-progress-{}.sqlite", ::getpid());
        std::filesystem::remove(f);
        Journal j(f);
        std::ifstream in(std::filesystem::path(ATTUNE_SOURCE_DIR) / "tests" / "data" / "journal-weeks.json");
        std::stringstream text;
        text << in.rdbuf();
        REQUIRE(j.importJson(text.str(), ""));
        return f.string();
    }();
    testing::Open o{"", "", "progress"};
    o.journal = file;
    return o;
}

std::vector<ScreenCase> screens() {
    return {
        {"library", {}},
        {"play at a line", {"late-text", "", "play"}},
        {"play at a choice", {"late-text", "breathe-1", "play"}},
        {"play at the ending", {"late-text", kRepair, "play"}},
        {"coach", {"late-text", "sharp-reply", "coach"}},
        {"breathe", {"late-text", "sharp-reply", "breathe"}},
        {"debrief", {"late-text", kRepair, "debrief"}},
        {"settings", {"", "", "settings"}},
        {"history", {"late-text", kRepair, "history"}},
        {"about", {"", "", "about"}},
        {"about over a story", {"late-text", "sharp-reply", "about"}},
        {"state after a freeze", {"holiday-with-family", kFreeze, "state"}},
        {"debrief after a freeze", {"holiday-with-family", kFreezeBack, "debrief"}},
        {"together set-up", {"late-text", "", "together"}},
        {"privacy", couple("pass", "sharp-reply", "play")},
        {"mirror reveal", couple("mirror", "sharp-reply/2", "reveal")},
        {"mirror reveal, alike", couple("mirror", "sharp-reply/sharp-reply", "reveal")},
        {"couple debrief", couple("mirror", kMirror, "debrief")},
        {"couple debrief, passing", couple("pass", kRepair, "debrief")},
        {"two machines: host set-up", {"late-text", "", "host"}},
        {"two machines: hosting", hosting()},
        {"two machines: join", {"", "", "join"}},
        {"toolbox", {"", "", "toolbox"}},
        {"self-compassion break", practice("compassion", 20)},
        {"twenty-minute break", practice("break", 130)},
        {"twenty-minute break, over", practice("break", 1200)},
        {"check-in before", {"", "", "checkin"}},
        {"check-in and note after", {"", "", "after"}},
        {"progress", progress()},
    };
}

/// Checks the top screen, then each further page (Page Down) until the pages end.
void checkPages(ui::App& app, const std::string& where) {
    for (int page = 0; page < 6; ++page) {
        const std::string problems = testing::layoutProblems(app);
        CHECK_MESSAGE(problems.empty(), where << ", page " << page + 1 << ":\n" << problems);
        const auto before = app.boxes().size();
        const auto first = app.boxes();
        testing::press(app, sf::Keyboard::PageDown);
        const auto after = app.boxes();
        bool same = after.size() == before;
        for (std::size_t i = 0; same && i < after.size(); ++i)
            same = after[i].rect == first[i].rect && after[i].name == first[i].name;
        if (same) break;
    }
}

}  // namespace

TEST_CASE("every screen lays out with nothing overlapping or cut off, at both sizes and text sizes 0 and 4") {
    for (auto [w, h] : {std::pair{1280u, 720u}, std::pair{1920u, 1080u}})
        for (int text : {0, 4})
            for (ScreenCase c : screens()) {
                c.open.width = w;
                c.open.height = h;
                c.open.textSize = text;
                const std::string where = fmt::format("{} at {}x{}, text size {}", c.name, w, h, text);
                CAPTURE(where);
                auto app = testing::open(c.open);
                checkPages(*app, where);
            }
}

TEST_CASE("the screens for two lay out at every text size, in both themes") {
    for (bool contrast : {false, true})
        for (int text = 0; text <= 4; ++text)
            for (ScreenCase c : screens()) {
                const std::string name = c.name;
                if (name.find("together") == std::string::npos && name.find("privacy") == std::string::npos &&
                    name.find("mirror") == std::string::npos && name.find("couple") == std::string::npos &&
                    name.find("two machines") == std::string::npos)
                    continue;
                c.open.textSize = text;
                c.open.highContrast = contrast;
                auto app = testing::open(c.open);
                checkPages(*app, fmt::format("{} at text size {}{}", name, text, contrast ? " in high contrast" : ""));
            }
}

TEST_CASE("the high-contrast theme lays out as soundly as the soft one") {
    for (ScreenCase c : screens()) {
        c.open.highContrast = true;
        c.open.textSize = 4;
        auto app = testing::open(c.open);
        checkPages(*app, std::string(c.name) + " in high contrast");
    }
}

TEST_CASE("every step of every shipped scenario, with its coaching cards, stays tidy at the largest text size") {
    ui::App::Failure failure;
    auto probe = testing::open({});
    std::vector<std::string> ids;
    for (const auto& e : probe->context().library.entries()) ids.push_back(e.meta.id);
    probe.reset();
    REQUIRE(ids.size() >= 10);
    for (const std::string& id : ids) {
        Open o{id};
        o.textSize = 4;
        auto app = testing::open(o);
        bool debriefed = false;
        for (int step = 0; step < 400 && !debriefed; ++step) {
            ui::Screen* top = app->top();
            REQUIRE(top);
            const std::string name = top->name();
            const std::string problems = testing::layoutProblems(*app);
            CHECK_MESSAGE(problems.empty(), id << " step " << step << ":\n" << problems);
            if (name == "debrief")
                debriefed = true;
            else if (name == "coach" || name == "breathe" || name == "state")  // state: the note after a freeze
                testing::press(*app, sf::Keyboard::Escape);
            else if (name == "play") {
                auto& p = testing::play(*app);
                if (p.mode() == ui::PlayScreen::Mode::Decision) {
                    // Vary the picks so different paths are walked.
                    const int n = static_cast<int>(p.choiceButtons().size());
                    testing::press(*app, static_cast<sf::Keyboard::Key>(sf::Keyboard::Num1 + (step * 7 + 3) % n));
                } else {
                    testing::press(*app, sf::Keyboard::Space);
                }
            }
        }
        CHECK_MESSAGE(debriefed, id << " did not reach its debrief");
    }
}

TEST_CASE("a partner's move, played by the story in solo play, lays out soundly") {
    for (int text : {0, 4}) {
        Open o{"late-text", "", "play"};
        o.solo = true;
        o.textSize = text;
        auto app = testing::open(o);
        testing::press(*app, sf::Keyboard::Space);
        testing::press(*app, sf::Keyboard::Space);
        testing::press(*app, sf::Keyboard::Num2);    // the gentle opening
        testing::press(*app, sf::Keyboard::Escape);  // the coaching card
        REQUIRE(testing::play(*app).mode() == ui::PlayScreen::Mode::PartnerMove);
        CHECK(testing::layoutProblems(*app).empty());
    }
}

TEST_CASE("the window resizes without breaking the layout") {
    auto app = testing::open({"late-text", "breathe-1", "play"});
    for (auto size : {sf::Vector2u(1600, 900), sf::Vector2u(1024, 768), sf::Vector2u(1920, 1080),
                      sf::Vector2u(800, 500), sf::Vector2u(2560, 1080)}) {
        app->resize(size);
        app->frame();
        CAPTURE(size.x);
        CAPTURE(size.y);
        CHECK(testing::layoutProblems(*app).empty());
        CHECK(app->context().size.x >= 960.f);  // smaller windows scale the view instead of squeezing
    }
}

TEST_CASE("regression: a couple's debrief with many themes stays inside its pages at the largest text size") {
    testing::Open o{"money-talk",
                    "open-criticise,attacked-defend,esc-pause,after-pause-soft,repair-own,boundary-vague,vague-clarify,"
                    "number-clear,line-yes,final-yes",
                    "debrief"};
    o.textSize = 4;
    for (auto [w, h] : {std::pair{1280u, 720u}, std::pair{1920u, 1080u}}) {
        o.width = w;
        o.height = h;
        auto app = testing::open(o);
        REQUIRE(std::string(app->top()->name()) == "debrief");
        checkPages(*app, fmt::format("money-talk debrief at {}x{}", w, h));
    }
}
