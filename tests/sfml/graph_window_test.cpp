// The story map (G, or --screen graph): every node laid out by Graphviz and drawn, the
// node the story stands at ringed, pan and zoom that keep the point under the pointer, a
// click that opens a node's card with the fewest picks to it, and Play from here, which
// leaves the story standing at that node.
#include "sfml/Driver.hpp"
#include "sfml/screens/GraphScreen.hpp"

#include <SFML/System/Sleep.hpp>
#include <cmath>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

using namespace attune;
namespace fs = std::filesystem;

TEST_CASE("the story map: the current node ringed, a click reads a node, Play from here goes there") {
    // An author's tool: offered while watching the file being written.
    const fs::path file = fs::temp_directory_path() / fmt::format("attune-map-small-{}.yaml", ::getpid());
    fs::copy_file(fs::path(ATTUNE_SOURCE_DIR) / "tests" / "data" / "small.yaml", file,
                  fs::copy_options::overwrite_existing);
    testing::Open o(file.string(), "protest");
    o.watch = true;
    auto app = testing::open(o);
    CHECK(testing::play(*app).mapOffered());
    testing::play(*app).openGraph();
    app->frame();
    auto* g = app->find<ui::GraphScreen>();
    REQUIRE(g);
    // Graphviz lays it out on its own thread; the screen says so meanwhile (at most ten
    // seconds: a guard against a hang, not a measure).
    for (int i = 0; i < 1000 && g->busy(); ++i) {
        sf::sleep(sf::milliseconds(10));
        app->frame();
    }
    REQUIRE_MESSAGE(g->graphLayout(), g->error());
    const Scenario& s = testing::play(*app).playthrough().scenario();
    CHECK(g->graphLayout()->nodes.size() == s.nodes.size());
    CHECK(testing::layoutProblems(*app) == "");
    // The node the story stands at is where the ring is drawn, on screen.
    const int at = s.nodeIndex("second-chance");
    const sf::Vector2f here = g->onScreen(at);
    double h = 0;
    for (const auto& n : g->graphLayout()->nodes)
        if (n.node == at) h = n.height;
    // The ring's top edge: 6 points above the node, 3 wide.
    const float ringY = here.y - (static_cast<float>(h) / 2 + 4.5f) * g->zoom();
    const sf::Image shot = app->capture();
    const sf::Color accent = app->context().theme.color.accent,
                    c = shot.getPixel(static_cast<unsigned>(here.x), static_cast<unsigned>(std::round(ringY)));
    CHECK(std::abs(c.r - accent.r) + std::abs(c.g - accent.g) + std::abs(c.b - accent.b) < 60);
    // A click on a node opens its card: the fewest picks that reach it.
    const sf::Vector2f target = g->onScreen(s.nodeIndex("open-talk"));
    app->click(target);
    sf::Event up{};
    up.type = sf::Event::MouseButtonReleased;
    up.mouseButton = {sf::Mouse::Left, static_cast<int>(target.x), static_cast<int>(target.y)};
    app->post(up);
    app->frame();
    CHECK(g->selected() == s.nodeIndex("open-talk"));
    REQUIRE(g->route());
    CHECK(*g->route() == std::vector<std::string>{"name-need"});
    CHECK(testing::layoutProblems(*app) == "");
    // Zoom keeps the point under the pointer where it was.
    const sf::Vector2f before = g->onScreen(s.nodeIndex("open-talk"));
    sf::Event wheel{};
    wheel.type = sf::Event::MouseWheelScrolled;
    wheel.mouseWheelScroll = {sf::Mouse::VerticalWheel, 1.f, static_cast<int>(before.x), static_cast<int>(before.y)};
    const float z = g->zoom();
    app->post(wheel);
    app->frame();
    CHECK(g->zoom() > z);
    CHECK(g->onScreen(s.nodeIndex("open-talk")).x == doctest::Approx(before.x).epsilon(0.01));
    // Enter plays from there: the map closes, the story stands at the node.
    testing::press(*app, sf::Keyboard::Enter);
    CHECK(std::string(app->top()->name()) == "play");
    CHECK(testing::play(*app).session().node().id == "open-talk");
    CHECK(testing::play(*app).playthrough().picks().size() == 1);
    // And a node no run reaches says so, with nothing to play.
    testing::play(*app).openGraph();
    app->frame();
    g = app->find<ui::GraphScreen>();
    REQUIRE(g);
    g->select(-1);
    CHECK_FALSE(g->route());
    testing::press(*app, sf::Keyboard::Escape);  // back to the story
    CHECK(std::string(app->top()->name()) == "play");
    app.reset();
    fs::remove(file);
}

TEST_CASE("a person's own practice gets no map: G does nothing, so no pick is made for them") {
    auto app = testing::open(testing::Open(std::string(ATTUNE_SOURCE_DIR) + "/tests/data/small.yaml"));
    CHECK_FALSE(testing::play(*app).mapOffered());
    testing::press(*app, sf::Keyboard::G);
    CHECK(std::string(app->top()->name()) == "play");
}

TEST_CASE("the story map of a story too large to draw says so, and closes") {
    const fs::path file = fs::temp_directory_path() / fmt::format("attune-map-{}.yaml", ::getpid());
    REQUIRE(std::system(fmt::format("python3 '{}/bench/gen_scenario.py' 700 > '{}'", ATTUNE_SOURCE_DIR, file.string())
                            .c_str()) == 0);
    testing::Open o(file.string());
    o.watch = true;
    auto app = testing::open(o);
    testing::play(*app).openGraph();
    app->frame();
    auto* g = app->find<ui::GraphScreen>();
    REQUIRE(g);
    CHECK_FALSE(g->busy());
    CHECK(g->error() ==
          "this story has 700 nodes, and the map is drawn for up to 250 (attune graph FILE --format svg "
          "lays out any size, given time)");
    CHECK(testing::layoutProblems(*app) == "");
    testing::press(*app, sf::Keyboard::Escape);
    CHECK(std::string(app->top()->name()) == "play");
    app.reset();
    fs::remove(file);
}
