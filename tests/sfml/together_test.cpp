// Two people on one screen: the set-up by keyboard alone, the privacy screen at each
// change of hands (nothing private behind or on it), and mirror mode's reveal.
#include "sfml/Driver.hpp"
#include "sfml/screens/CoachScreen.hpp"
#include "sfml/screens/HistoryScreen.hpp"
#include "sfml/screens/TogetherScreens.hpp"

#include <doctest/doctest.h>

using namespace attune;
using attune::testing::Open;
using attune::testing::press;

namespace {

Open couple(const char* mode, const char* script = "", const char* screen = "play") {
    Open o{"late-text", script, screen};
    o.together = mode;
    o.names = {"Maya", "Jo"};
    o.roles = {"sam", "alex"};
    return o;
}

/// Every choice text shown at the current decision, and the card texts of the last pick.
std::vector<std::string> choiceTexts(const Session& s) {
    std::vector<std::string> out;
    for (int i : s.visibleChoices())
        out.push_back(s.scenario().substitute(s.node().choices[static_cast<std::size_t>(i)].text));
    return out;
}

/// The privacy screen is the only one drawn, and none of `secret` is on it.
void onlyPrivacyShows(ui::App& app, const std::vector<std::string>& secret) {
    REQUIRE(std::string(app.top()->name()) == "privacy");
    const auto shown = app.context().stack.visible();
    REQUIRE(shown.size() == 1);
    CHECK(std::string(shown.front()->name()) == "privacy");
    const std::string words = app.find<ui::PrivacyScreen>()->shownText();
    for (const std::string& s : secret) CHECK_MESSAGE(words.find(s) == std::string::npos, s);
}

/// Reads the two opening lines of The Late Text; Jo, whose turn it is, takes the device.
void toJosTurn(ui::App& app) {
    press(app, sf::Keyboard::Space);
    press(app, sf::Keyboard::Space);
    press(app, sf::Keyboard::Space);
}

}  // namespace

TEST_CASE("the together set-up takes names, the roles and the mode from the keyboard alone") {
    auto app = testing::open({});
    press(*app, sf::Keyboard::T);
    auto* setup = app->find<ui::TogetherScreen>();
    REQUIRE(setup);
    testing::type(*app, "Maya");
    press(*app, sf::Keyboard::Tab);
    testing::type(*app, "Jö");
    testing::type(*app, "\b");  // backspace arrives as text: it takes the whole ö
    testing::type(*app, "o");
    press(*app, sf::Keyboard::Tab);
    CHECK(setup->field() == 2);
    press(*app, sf::Keyboard::Right);  // Maya takes the second role
    press(*app, sf::Keyboard::Tab);
    press(*app, sf::Keyboard::Right);  // mirror
    const Table t = setup->table();
    CHECK(t.mode == TogetherMode::Mirror);
    REQUIRE(t.people.size() == 2);
    CHECK(t.people[0].name == "Maya");
    CHECK(t.people[1].name == "Jo");
    CHECK(testing::layoutProblems(*app).empty());
    press(*app, sf::Keyboard::Enter);
    auto& p = testing::play(*app);
    CHECK(p.couple());
    CHECK(p.playthrough().table() == t);
    CHECK(t.people[0].role == p.session().scenario().roles[1].id);
}

TEST_CASE("the set-up refuses two people with the same name, and says so") {
    auto app = testing::open({"late-text", "", "together"});
    auto* setup = app->find<ui::TogetherScreen>();
    REQUIRE(setup);
    setup->setName(0, "Kim");
    setup->setName(1, "Kim");
    press(*app, sf::Keyboard::Enter);
    CHECK(std::string(app->top()->name()) == "together");
    CHECK(testing::layoutProblems(*app).empty());
}

TEST_CASE("passing the device: each decision waits behind the privacy screen, which shows nothing private") {
    auto app = testing::open(couple("pass"));
    auto& p = testing::play(*app);
    press(*app, sf::Keyboard::Space);
    press(*app, sf::Keyboard::Space);
    // Jo plays Alex, whose turn it is; Maya had the device. The choices wait behind the hand-off.
    REQUIRE(p.session().state() == Session::State::Decision);
    onlyPrivacyShows(*app, choiceTexts(p.session()));
    CHECK(app->find<ui::PrivacyScreen>()->shownText().find("Pass to Jo.") != std::string::npos);
    CHECK(app->find<ui::PrivacyScreen>()->shownText().find("Jo, press Space when you're ready.") != std::string::npos);
    press(*app, sf::Keyboard::Num1);  // a number key does not pick through the privacy screen
    CHECK(p.session().lastDecisionStep() < 0);
    press(*app, sf::Keyboard::Space);
    CHECK(std::string(app->top()->name()) == "play");
    CHECK(p.playthrough().holder() == 1);
    const auto joChoices = choiceTexts(p.session());
    press(*app, sf::Keyboard::Num3);  // sharp-reply
    // Jo's card first, on Jo's turn; beneath it the hand-off to Maya is already waiting.
    REQUIRE(std::string(app->top()->name()) == "coach");
    const auto card = app->find<ui::CoachScreen>()->card();
    press(*app, sf::Keyboard::Enter);
    std::vector<std::string> secret = joChoices;
    secret.push_back(card.text);
    if (card.pattern) secret.push_back(card.pattern->need);
    secret.push_back(card.why);
    onlyPrivacyShows(*app, secret);
    CHECK(app->find<ui::PrivacyScreen>()->shownText().find("Pass to Maya.") != std::string::npos);
    press(*app, sf::Keyboard::Space);
    CHECK(p.playthrough().actor() == std::optional<int>(0));
    CHECK(std::string(app->top()->name()) == "play");
}

TEST_CASE("mirror mode: both answer behind the privacy screen, then the reveal shows both") {
    auto app = testing::open(couple("mirror"));
    auto& p = testing::play(*app);
    toJosTurn(*app);
    const auto shown = choiceTexts(p.session());
    press(*app, sf::Keyboard::Num3);  // Jo's answer, held
    CHECK(p.playthrough().awaitingSecondAnswer());
    onlyPrivacyShows(*app, shown);  // Maya does not see which one Jo picked
    press(*app, sf::Keyboard::Space);
    press(*app, sf::Keyboard::Num2);  // Maya's answer, as Alex
    REQUIRE(std::string(app->top()->name()) == "reveal");
    const auto* reveal = app->find<ui::RevealScreen>();
    REQUIRE(reveal);
    CHECK(reveal->reveal().owner.text == shown[2]);
    CHECK(reveal->reveal().other.text == shown[1]);
    CHECK(reveal->reveal().ownerName == "Jo");
    CHECK(reveal->reveal().otherName == "Maya");
    CHECK_FALSE(reveal->reveal().alike);
    CHECK(testing::layoutProblems(*app).empty());
    // Jo's answer is the one the story played.
    CHECK(p.playthrough().picks().back().choice == "sharp-reply");
}

TEST_CASE("the privacy screen takes Space, not the Enter the last reader may still be pressing") {
    auto app = testing::open(couple("pass", "sharp-reply"));
    REQUIRE(std::string(app->top()->name()) == "privacy");
    press(*app, sf::Keyboard::Enter);
    CHECK(std::string(app->top()->name()) == "privacy");
    press(*app, sf::Keyboard::Space);
    CHECK(std::string(app->top()->name()) == "play");
}

TEST_CASE("a rewind to the other person's decision asks for the device first") {
    auto app = testing::open(couple("pass", "sharp-reply"));
    auto& p = testing::play(*app);
    press(*app, sf::Keyboard::Space);  // Maya takes the device for Sam's decision
    REQUIRE(p.playthrough().holder() == 0);
    press(*app, sf::Keyboard::R);  // back to Alex's decision, which is Jo's
    REQUIRE(p.playthrough().turn() == std::optional<std::string>("alex"));
    onlyPrivacyShows(*app, choiceTexts(p.session()));
    CHECK(app->find<ui::PrivacyScreen>()->shownText().find("Pass to Jo.") != std::string::npos);
}

TEST_CASE("trying the secure option from a card replays it for the same chooser, and the hand-off still follows") {
    auto app = testing::open(couple("pass"));
    auto& p = testing::play(*app);
    toJosTurn(*app);
    press(*app, sf::Keyboard::Num3);  // sharp-reply; Jo's card, the hand-off to Maya beneath it
    REQUIRE(std::string(app->top()->name()) == "coach");
    press(*app, sf::Keyboard::Y);  // try the secure option: Jo's own moment again
    testing::frames(*app, 3);
    CHECK(p.playthrough().picks().front().choice != "sharp-reply");
    // Whatever is on top now, nobody but the chooser has seen a decision that is not theirs.
    while (std::string(app->top()->name()) == "coach") press(*app, sf::Keyboard::Enter);
    if (p.playthrough().turn() && p.playthrough().actor() != std::optional<int>(p.playthrough().holder()))
        onlyPrivacyShows(*app, choiceTexts(p.session()));
}

TEST_CASE("two people's backlog shows what was said, not the styles of each other's picks") {
    auto app = testing::open(couple("pass", "sharp-reply", "history"));
    REQUIRE(std::string(app->top()->name()) == "history");
    const auto* h = app->find<ui::HistoryScreen>();
    REQUIRE(h);
    CHECK(h->headings() == std::vector<std::string>{"Alex chose"});
    CHECK(testing::layoutProblems(*app).empty());
    // Alone, the same backlog names the style.
    auto solo = testing::open({"late-text", "sharp-reply", "history"});
    CHECK(solo->find<ui::HistoryScreen>()->headings() == std::vector<std::string>{"Alex chose · Anxious"});
}

TEST_CASE("mirror mode: a breathing pause the owner takes is taken for both, with no second answer") {
    auto app = testing::open(couple("mirror"));
    auto& p = testing::play(*app);
    toJosTurn(*app);
    press(*app, sf::Keyboard::Num1);  // the breath
    CHECK_FALSE(p.playthrough().awaitingSecondAnswer());
    CHECK(p.playthrough().rounds().empty());
    CHECK(std::string(app->top()->name()) == "breathe");
}
