// Portraits and scenes: each path is found in the scenario's folder, else in the assets;
// one that leaves both (.., absolute, a link outside) is an error at its position; one that
// is not there, too large, a folder or of a kind the window cannot read is a warning, and
// the file is left unresolved so the window falls back calmly. Real files and links.
#include "core/check/Checker.hpp"
#include "core/load/Loader.hpp"
#include "core/load/Patterns.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

using namespace attune;
namespace fs = std::filesystem;

namespace {

/// The start of a PNG: its signature and header, claiming `w` by `h` pixels (enough for
/// the checker, which reads sizes from headers and never decodes).
std::string png(unsigned w, unsigned h) {
    std::string s("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (unsigned v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
    return s + std::string("\x08\x02\0\0\0", 5);
}

struct Folders {
    fs::path root = fs::temp_directory_path() / fmt::format("attune-images-{}", ::getpid());
    fs::path story = root / "story", assets = root / "assets";
    Folders() {
        fs::remove_all(root);
        fs::create_directories(story / "art");
        fs::create_directories(assets / "art" / "scenes");
        std::ofstream(story / "art" / "me.png", std::ios::binary) << png(256, 256);
        std::ofstream(assets / "art" / "scenes" / "kitchen.png", std::ios::binary) << png(1280, 720);
        std::ofstream(root / "outside.png", std::ios::binary) << png(10, 10);
    }
    ~Folders() { fs::remove_all(root); }
};

/// The small scenario with the partner's portrait and the opening's scene set.
Scenario withImages(const std::string& portrait, const std::string& scene, Diagnostics& d, const Folders& f) {
    std::string text = testing::slurp(testing::testDir() / "data" / "small.yaml");
    text.replace(text.find("partner: { name: Sam }"), 22, "partner: { name: Sam, portrait: \"" + portrait + "\" }");
    text.replace(text.find("  opening:\n"), 11, "  opening:\n    scene: \"" + scene + "\"\n");
    Diagnostics parse("s.yaml");
    auto s = parseScenario(text, "s.yaml", parse);
    REQUIRE(s);
    check::checkImages(*s, f.story, f.assets, d);
    return std::move(*s);
}

std::string report(const Diagnostics& d) {
    std::string out;
    for (const auto& x : d.all()) out += x.format() + '\n';
    return out;
}

}  // namespace

TEST_CASE("images are found in the scenario's folder first, then in the assets") {
    Folders f;
    Diagnostics d("s.yaml");
    const Scenario s = withImages("art/me.png", "art/scenes/kitchen.png", d, f);
    CHECK(report(d) == "");
    CHECK(s.role("partner")->portraitFile == fs::canonical(f.story / "art" / "me.png").string());
    CHECK(s.nodes[0].sceneFile == fs::canonical(f.assets / "art" / "scenes" / "kitchen.png").string());
    // The same name in both: the scenario's own wins.
    fs::create_directories(f.story / "art" / "scenes");
    std::ofstream(f.story / "art" / "scenes" / "kitchen.png", std::ios::binary) << png(640, 360);
    Diagnostics again("s.yaml");
    CHECK(withImages("art/me.png", "art/scenes/kitchen.png", again, f).nodes[0].sceneFile ==
          fs::canonical(f.story / "art" / "scenes" / "kitchen.png").string());
}

TEST_CASE("a path that leaves the folders is an error at its position, a link outside too") {
    Folders f;
    fs::create_symlink(f.root / "outside.png", f.story / "art" / "sneaky.png");
    Diagnostics d("s.yaml");
    const Scenario s = withImages("art/sneaky.png", "art/../../outside.png", d, f);
    CHECK(report(d) ==
          fmt::format(
              "s.yaml:11:35: error: the portrait 'art/sneaky.png' is a link to {}, outside the scenario's folder "
              "and Attune's assets [image-path]\n"
              "s.yaml:20:12: error: the scene 'art/../../outside.png' leaves the scenario's folder; keep images in "
              "that folder or in Attune's assets [image-path]\n",
              fs::canonical(f.root / "outside.png").string()));
    CHECK(s.role("partner")->portraitFile.empty());
    CHECK(s.nodes[0].sceneFile.empty());
    // A link that stays inside is fine.
    fs::create_symlink(f.story / "art" / "me.png", f.story / "art" / "alias.png");
    Diagnostics inside("s.yaml");
    withImages("art/alias.png", "art/scenes/kitchen.png", inside, f);
    CHECK(report(inside) == "");
}

TEST_CASE("a missing, folder, unreadable kind or too large image is a warning with the fallback named") {
    Folders f;
    fs::create_directories(f.story / "art" / "folder.png");
    std::ofstream(f.story / "art" / "anim.gif") << "gif";
    { std::ofstream big(f.story / "art" / "huge.png"); }
    fs::resize_file(f.story / "art" / "huge.png", 9u << 20);  // sparse: nine MiB on paper
    Diagnostics d("s.yaml");
    withImages("art/nobody.png", "art/folder.png", d, f);
    withImages("art/anim.gif", "art/huge.png", d, f);
    CHECK(
        report(d) ==
        "s.yaml:11:35: warning: the portrait 'art/nobody.png' is in neither the scenario's folder nor Attune's assets; "
        "the window shows the name alone instead [image-missing]\n"
        "s.yaml:20:12: warning: the scene 'art/folder.png' is a folder, not an image; the window shows the plain "
        "background instead [image-missing]\n"
        "s.yaml:11:35: warning: the portrait 'art/anim.gif' is not a .png, .jpg (.jpeg), .bmp or .tga file, the kinds "
        "the "
        "window reads; it shows the name alone instead [image-format]\n"
        "s.yaml:20:12: warning: the scene 'art/huge.png' is 9.0 MiB; images are limited to 8 MiB, so the window shows "
        "the plain background instead [image-too-large]\n");
    CHECK_FALSE(d.hasErrors());  // warnings only: the story plays
}

TEST_CASE("the shipped assets folder is the pattern library's") {
    CHECK(fs::exists(assetsDir() / "patterns" / "library.yaml"));
}

TEST_CASE("an image's size is read from its header, so a small file claiming a huge picture is refused") {
    Folders f;
    std::ofstream(f.story / "art" / "bomb.png", std::ios::binary) << png(16000, 16000);  // 33 bytes
    std::ofstream(f.story / "art" / "wide.png", std::ios::binary) << png(1100, 40);
    std::ofstream(f.story / "art" / "text.png") << "this is not a picture";
    CHECK(check::imagePixels(f.story / "art" / "bomb.png") == std::make_pair(16000u, 16000u));
    CHECK_FALSE(check::imagePixels(f.story / "art" / "text.png"));
    Diagnostics d("s.yaml");
    withImages("art/wide.png", "art/bomb.png", d, f);
    withImages("art/me.png", "art/text.png", d, f);
    CHECK(
        report(d) ==
        "s.yaml:11:35: warning: the portrait 'art/wide.png' is 1100x40 pixels; portraits are limited to 1024 on a "
        "side, so the window shows the name alone instead [image-too-large]\n"
        "s.yaml:20:12: warning: the scene 'art/bomb.png' is 16000x16000 pixels; scenes are limited to 4096 on a side, "
        "so the window shows the plain background instead [image-too-large]\n"
        "s.yaml:20:12: warning: the scene 'art/text.png' does not read as a .png, .jpg, .bmp or .tga image; the window "
        "shows the plain background instead [image-format]\n");
    // The shipped art reads as what it is.
    CHECK(check::imagePixels(assetsDir() / "art" / "scenes" / "phone-glow.png") == std::make_pair(1280u, 720u));
    CHECK(check::imagePixels(assetsDir() / "art" / "portraits" / "sky-long.png") == std::make_pair(256u, 256u));
}
