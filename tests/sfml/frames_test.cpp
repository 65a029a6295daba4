// How frames are made: a still window is not drawn again, and beneath an overlay's
// opaque panel nothing is drawn, with the same pixels as a whole draw everywhere else.
#include "sfml/Driver.hpp"
#include "sfml/Context.hpp"
#include "sfml/theme/Fonts.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/System/Sleep.hpp>
#include <cmath>
#include <doctest/doctest.h>

using namespace attune;
using attune::testing::Open;

namespace {

/// A screen that counts how often it is drawn.
class Probe : public ui::Screen {
public:
    explicit Probe(ui::Context& c) : Screen(c) {}
    const char* name() const override { return "probe"; }
    void layout() override {}
    void handle(const sf::Event&) override {}
    void draw(sf::RenderTarget& target) const override {
        ++draws;
        sf::RectangleShape r({40, 40});
        target.draw(r);
    }
    std::vector<ui::Box> boxes() const override { return {}; }
    mutable int draws = 0;
};

/// Shapes across the whole target: every edge of any hole cuts through something.
void pattern(sf::RenderTarget& t, sf::Vector2f size) {
    for (int i = 0; i < 12; ++i) {
        sf::RectangleShape bar({size.x, size.y / 24});
        bar.setPosition(0, static_cast<float>(i) * size.y / 12);
        bar.setFillColor(sf::Color(static_cast<sf::Uint8>(20 * i), 90, static_cast<sf::Uint8>(250 - 20 * i), 180));
        t.draw(bar);
    }
    sf::CircleShape disc(size.y / 3);
    disc.setPosition(size.x / 5, size.y / 6);
    disc.setFillColor(sf::Color(240, 200, 60, 140));
    t.draw(disc);
}

/// Pixels that differ between two images of one size.
int differing(const sf::Image& a, const sf::Image& b) {
    REQUIRE(a.getSize() == b.getSize());
    int n = 0;
    unsigned x0 = 99999, y0 = 99999, x1 = 0, y1 = 0;
    for (unsigned y = 0; y < a.getSize().y; ++y)
        for (unsigned x = 0; x < a.getSize().x; ++x)
            if (a.getPixel(x, y) != b.getPixel(x, y)) {
                ++n;
                x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
            }
    if (n) MESSAGE("pixels differ from ", x0, ",", y0, " to ", x1, ",", y1);
    return n;
}

}  // namespace

TEST_CASE("a frame in which nothing changed is not drawn, and an event or a second draws it again") {
    auto app = testing::open({});
    auto probe = std::make_unique<Probe>(app->context());
    Probe& p = *probe;
    app->context().stack.push(std::move(probe));
    app->frame();
    CHECK(p.draws == 1);
    testing::frames(*app, 30);
    CHECK(p.draws == 1);
    app->key(sf::Keyboard::A);
    app->frame();
    CHECK(p.draws == 2);
    testing::frames(*app, 5);
    CHECK(p.draws == 2);
    sf::sleep(sf::seconds(1.1f));  // a still window is drawn again once a second
    app->frame();
    CHECK(p.draws == 3);
    app->frame();
    CHECK(p.draws == 3);
    app->capture();  // a screenshot always draws
    CHECK(p.draws == 4);
}

TEST_CASE("drawAround draws nothing in the hole and the same pixels as a whole draw around it") {
    auto app = testing::open({});  // a window, for the GL context
    for (const sf::Vector2f viewSize : {sf::Vector2f(640, 360), sf::Vector2f(320, 180)}) {
        INFO(viewSize.x);
        sf::RenderTexture whole, around;
        REQUIRE(whole.create(640, 360));
        REQUIRE(around.create(640, 360));
        // The second size draws in logical units of two pixels each: the strips still meet.
        const sf::View view(sf::FloatRect(0, 0, viewSize.x, viewSize.y));
        whole.setView(view);
        around.setView(view);
        const float k = viewSize.x / 640;
        const sf::FloatRect hole(std::round(101 * k), std::round(37 * k), std::round(333 * k), std::round(251 * k));
        whole.clear(sf::Color::Black);
        pattern(whole, viewSize);
        around.clear(sf::Color::Black);
        ui::drawAround(around, hole, [&] { pattern(around, viewSize); });
        whole.display();
        around.display();
        const sf::Image w = whole.getTexture().copyToImage(), a = around.getTexture().copyToImage();
        int inHoleDrawn = 0, outsideDiffer = 0;
        const sf::IntRect px(static_cast<int>(hole.left / k), static_cast<int>(hole.top / k),
                             static_cast<int>(hole.width / k), static_cast<int>(hole.height / k));
        for (unsigned y = 0; y < 360; ++y)
            for (unsigned x = 0; x < 640; ++x) {
                if (px.contains(static_cast<int>(x), static_cast<int>(y)))
                    inHoleDrawn += a.getPixel(x, y) != sf::Color::Black;
                else
                    outsideDiffer += a.getPixel(x, y) != w.getPixel(x, y);
            }
        CHECK(inHoleDrawn == 0);
        CHECK(outsideDiffer == 0);
        CHECK(w.getPixel(static_cast<unsigned>(px.left + 5), static_cast<unsigned>(px.top + 5)) != sf::Color::Black);
        CHECK(a.getPixel(static_cast<unsigned>(px.left - 1), static_cast<unsigned>(px.top)) != sf::Color::Black);
        // The view is as it was.
        CHECK(around.getView().getSize() == view.getSize());
        CHECK(around.getView().getViewport() == view.getViewport());
    }
}

TEST_CASE("a card or a panel over the story: drawn around, the same pixels as drawing every layer") {
    for (const char* screen : {"coach", "history", "about"})
        for (const bool contrast : {false, true}) {
            INFO(screen, contrast ? " high contrast" : "");
            Open o{"late-text", "1", screen};
            o.highContrast = contrast;
            o.textSize = contrast ? 4 : 1;
            auto app = testing::open(o);
            REQUIRE(std::string(app->top()->name()) == screen);
            REQUIRE(app->top()->covers());
            const sf::Image shown = app->capture();
            sf::RenderTexture all;
            REQUIRE(all.create(shown.getSize().x, shown.getSize().y));
            all.clear(app->context().theme.color.background);
            for (const ui::Screen* s : app->context().stack.visible()) s->draw(all);
            all.display();
            CHECK(app->context().stack.visible().size() == 2);
            CHECK(differing(shown, all.getTexture().copyToImage()) == 0);
        }
}
