// Portraits and scenes in the window, with the shipped art: the scene set on the way is
// drawn behind the story (dimmed, so every word stays readable), the speaker's portrait
// beside their name; an image SFML cannot read, or one over the size cap, falls back calmly
// to the plain background or the name alone, and the layout stays sound.
#include "sfml/Driver.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

using namespace attune;
namespace fs = std::filesystem;

namespace {

struct ArtStory {
    fs::path dir = fs::temp_directory_path() / fmt::format("attune-art-{}", ::getpid());
    fs::path file = dir / "art.yaml";
    explicit ArtStory(const std::string& scene, const std::string& portrait = "art/portraits/sage-short.png") {
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::ifstream in(fs::path(ATTUNE_SOURCE_DIR) / "tests" / "data" / "small.yaml", std::ios::binary);
        std::string s(std::istreambuf_iterator<char>(in), {});
        s.replace(s.find("partner: { name: Sam }"), 22, "partner: { name: Sam, portrait: " + portrait + " }");
        s.replace(s.find("  opening:\n"), 11, "  opening:\n    scene: " + scene + "\n");
        std::ofstream(file) << s;
    }
    ~ArtStory() { fs::remove_all(dir); }
};

/// How far a pixel is from the plain background, summed over the channels.
int distance(sf::Color a, sf::Color b) { return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b); }

}  // namespace

TEST_CASE("a scene is drawn behind the story and the speaker's portrait beside their name") {
    ArtStory story("art/scenes/phone-glow.png");
    auto app = testing::open(testing::Open(story.file.string()));
    const ui::PlayScreen& p = testing::play(*app);
    CHECK(p.sceneShown() == fs::canonical(fs::path(ATTUNE_SOURCE_DIR) / "assets/art/scenes/phone-glow.png").string());
    CHECK(p.portraitShown());
    CHECK(testing::layoutProblems(*app) == "");
    const sf::Image shot = app->capture();
    const sf::Color bg = app->context().theme.color.background;
    // Somewhere in the empty lower half the scene shows through its veil.
    int differing = 0;
    for (unsigned y = 420; y < 700; y += 20)
        for (unsigned x = 40; x < 860; x += 40) differing += distance(shot.getPixel(x, y), bg) > 6;
    CHECK(differing > 20);
    // The portrait is where its box says, and is not the background.
    for (const auto& b : app->boxes())
        if (b.name == "portrait") {
            int most = 0;
            for (float f = 0.2f; f < 0.8f; f += 0.1f)
                most = std::max(most, distance(shot.getPixel(static_cast<unsigned>(b.rect.left + b.rect.width * f),
                                                             static_cast<unsigned>(b.rect.top + b.rect.height * f)),
                                               bg));
            CHECK(most > 30);
        }
    // The scene and its veil are one picture, composed once and copied each frame: where
    // nothing else is drawn, the window shows exactly its pixels.
    REQUIRE(p.sceneLayer());
    CHECK(p.sceneLayerComposed() == 1);
    const sf::Image layer = p.sceneLayer()->copyToImage();
    REQUIRE(layer.getSize() == shot.getSize());
    int same = 0, sampled = 0;
    for (unsigned y = 600; y < 700; y += 10)
        for (unsigned x = 40; x < 860; x += 20, ++sampled) same += shot.getPixel(x, y) == layer.getPixel(x, y);
    CHECK(same == sampled);
    // The scene stays through lines that set none, and is not composed again for them.
    testing::press(*app, sf::Keyboard::Space);
    CHECK_FALSE(testing::play(*app).sceneShown().empty());
    CHECK(testing::play(*app).sceneLayerComposed() == 1);
    // A new size or theme composes it again.
    app->resize({1000, 700});
    testing::frames(*app, 1);
    CHECK(testing::play(*app).sceneLayerComposed() == 2);
    REQUIRE(testing::play(*app).sceneLayer());
    CHECK(testing::play(*app).sceneLayer()->getSize() == sf::Vector2u(1000, 700));
}

TEST_CASE("an image that is not an image, or too large, falls back calmly") {
    ArtStory story("art/broken.png", "art/huge.png");
    fs::create_directories(story.dir / "art");
    std::ofstream(story.dir / "art" / "broken.png") << "this is not a png";
    {
        sf::Image big;
        big.create(1100, 40, sf::Color(90, 110, 120));  // wider than a portrait may be
        REQUIRE(big.saveToFile((story.dir / "art" / "huge.png").string()));
    }
    auto app = testing::open(testing::Open(story.file.string()));
    const ui::PlayScreen& p = testing::play(*app);
    CHECK(p.sceneShown().empty());
    CHECK_FALSE(p.portraitShown());
    CHECK(testing::layoutProblems(*app) == "");
    const sf::Image shot = app->capture();
    CHECK(shot.getPixel(400, 600) == app->context().theme.color.background);
}
