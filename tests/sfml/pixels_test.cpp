// Pixel checks on real windows: the themes, hover and selection, the gauge's
// zone colours, and the screenshot flag.
#include "sfml/Driver.hpp"

#include <doctest/doctest.h>

using namespace attune;
using attune::testing::Open;

namespace {
sf::Color at(const sf::Image& img, sf::Vector2f p) {
    return img.getPixel(static_cast<unsigned>(p.x), static_cast<unsigned>(p.y));
}
/// A point inside a button, on its padding (not on its text).
sf::Vector2f padding(const ui::Button& b) {
    return {b.rect().left + b.rect().width - 8, b.rect().top + b.rect().height / 2};
}
}  // namespace

TEST_CASE("the high-contrast background differs from the soft dark one") {
    const sf::Image soft = testing::open({})->capture();
    Open hc;
    hc.highContrast = true;
    const sf::Image contrast = testing::open(hc)->capture();
    CHECK(soft.getSize() == sf::Vector2u(1280, 720));
    CHECK(at(soft, {4, 4}) != at(contrast, {4, 4}));
    CHECK(at(contrast, {4, 4}) == sf::Color::Black);
    CHECK(at(soft, {4, 4}) == ui::softDark().background);
}

TEST_CASE("a choice button's pixels change when the pointer is over it and when it is selected") {
    auto app = testing::open({"late-text", "breathe-1", "play"});
    auto& p = testing::play(*app);
    REQUIRE(p.choiceButtons().size() >= 3);
    const sf::Vector2f second = padding(p.choiceButtons()[1]);
    const sf::Vector2f third = padding(p.choiceButtons()[2]);
    const sf::Image before = app->capture();
    app->moveMouse({p.choiceButtons()[1].rect().left + 20, p.choiceButtons()[1].rect().top + 10});
    app->frame();
    const sf::Image hovered = app->capture();
    CHECK(at(hovered, second) != at(before, second));
    CHECK(p.selected() == 1);
    testing::press(*app, sf::Keyboard::Down);
    const sf::Image selected = app->capture();
    CHECK(p.selected() == 2);
    CHECK(at(selected, third) != at(before, third));
}

TEST_CASE("the gauge draws in the fight-or-flight colour for a value above 70") {
    // Alex starts The Late Text at 72: above the window.
    auto app = testing::open({"late-text", "", "play"});
    const ui::Gauge* g = testing::play(*app).gauge("alex");
    REQUIRE(g);
    CHECK(g->target() == 72);
    const sf::Image img = app->capture();
    CHECK(at(img, g->markerCentre()) == ui::softDark().above);
    // Sam, at 50, is drawn in the colour of the window.
    const ui::Gauge* sam = testing::play(*app).gauge("sam");
    REQUIRE(sam);
    CHECK(at(img, sam->markerCentre()) == ui::softDark().inside);
}

TEST_CASE("regression: the gauge's coloured bands are redrawn when the layout and theme change") {
    auto app = testing::open({"late-text", "", "play"});
    testing::press(*app, sf::Keyboard::S);      // settings
    testing::press(*app, sf::Keyboard::Down);   // theme
    testing::press(*app, sf::Keyboard::Right);  // high contrast
    testing::press(*app, sf::Keyboard::Escape);
    REQUIRE(std::string(app->top()->name()) == "play");
    const ui::Gauge* g = testing::play(*app).gauge("alex");
    REQUIRE(g);
    const sf::FloatRect t = g->track();
    const sf::Image img = app->capture();
    // Just inside the right end of the track: the lit fight-or-flight band, in the new theme.
    CHECK(at(img, {t.left + t.width - 3, t.top + t.height / 2}) == ui::highContrast().above);
}

TEST_CASE("the gauge glides to a new value, and jumps there with reduced motion") {
    Open o{"late-text", "", "play"};
    o.reducedMotion = false;
    auto app = testing::open(o);
    auto& p = testing::play(*app);
    testing::press(*app, sf::Keyboard::Space);
    testing::press(*app, sf::Keyboard::Space);
    REQUIRE(p.mode() == ui::PlayScreen::Mode::Decision);
    testing::press(*app, sf::Keyboard::Num2);    // the gentle opening: Alex 72 -> 66 (toward 50 by 6)
    testing::press(*app, sf::Keyboard::Escape);  // close the coaching card
    const ui::Gauge* g = p.gauge("alex");
    CHECK(g->target() == 66);
    CHECK(g->shown() > 66.f);
    CHECK(g->shown() < 72.f);
    testing::wait(*app, 4);
    CHECK(g->shown() == doctest::Approx(66.f));

    o.reducedMotion = true;
    auto still = testing::open(o);
    auto& q = testing::play(*still);
    testing::press(*still, sf::Keyboard::Space);
    testing::press(*still, sf::Keyboard::Space);
    testing::press(*still, sf::Keyboard::Num2);
    CHECK(q.gauge("alex")->shown() == 66.f);
}

TEST_CASE("the screenshot flag writes a PNG of the window's size") {
    const auto file = std::filesystem::temp_directory_path() / "attune-window-test-shot.png";
    std::filesystem::remove(file);
    std::string out, err;
    const int code = testing::runBinary(
        "", "--screenshot '" + file.string() + "' --size 1280x720 --scenario late-text --script 2 --screen coach", "",
        out, err);
    CHECK_MESSAGE(code == 0, err);
    sf::Image img;
    REQUIRE(img.loadFromFile(file.string()));
    CHECK(img.getSize() == sf::Vector2u(1280, 720));
    std::filesystem::remove(file);
}

TEST_CASE("regression: a role written in a dark colour is lifted until its name reads on the background") {
    Scenario s;
    s.roles = {Role{"bo", "Bo", "", "#000000", "", "", {}, {}}, Role{"al", "Al", "", "#c46a4a", "", "", {}, {}}};
    for (bool contrast : {false, true}) {
        testing::Open o;
        o.highContrast = contrast;
        auto app = testing::open(o);
        const ui::Theme& th = app->context().theme;
        CHECK(ui::contrastAgainstBackground(th, ui::roleColor(th, s, "bo")) >= 4.5);
        CHECK(ui::contrastAgainstBackground(th, ui::roleColor(th, s, "al")) >= 4.5);
    }
}

TEST_CASE("the library's play buttons are drawn on its detail panel, not hidden beneath it") {
    auto app = testing::open({});
    const sf::Image img = app->capture();
    int found = 0;
    for (const ui::Box& b : app->boxes()) {
        if (b.name != "play alone" && b.name != "play together" && b.name != "two machines") continue;
        ++found;
        const sf::Vector2f pad{b.rect.left + b.rect.width - 6, b.rect.top + b.rect.height / 2};
        CHECK_MESSAGE(at(img, pad) != ui::softDark().surface, b.name);
    }
    CHECK(found == 3);
}
