// Portraits and scenes [image-path, image-missing, image-too-large, image-format]: where
// each image is, and whether the window can show it. A path may not leave the scenario's
// folder or the program's assets (a shared scenario must not reach into the rest of the
// disk); an image that is simply not there, too large or of a kind SFML does not read is
// only a warning, because the window falls back calmly (no background, or the name alone).
#include "core/check/Checker.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>

namespace attune::check {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxImageBytes = 8u << 20;

/// True when `inner` is `outer` or inside it (both canonical).
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
        if (i == inner.end() || *i != *o) return false;
    return true;
}

/// `what` is "portrait" or "scene"; `fallback` what the window shows instead.
std::string resolve(const std::string& path, Pos pos, const char* what, const char* fallback, const fs::path& folder,
                    const fs::path& assets, Diagnostics& d) {
    if (path.find_first_not_of(" \t") == std::string::npos) {
        d.error(pos, "empty-value", fmt::format("the {} is empty; give a path such as art/{}s/NAME.png", what, what));
        return {};
    }
    const fs::path p(path);
    if (p.is_absolute() || p.has_root_name() || p.has_root_directory()) {
        d.error(pos, "image-path",
                fmt::format("the {} '{}' is an absolute path; give it relative to the scenario's folder or Attune's "
                            "assets, like art/{}s/NAME.png",
                            what, path, what));
        return {};
    }
    if (std::any_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".."; })) {
        d.error(pos, "image-path",
                fmt::format("the {} '{}' leaves the scenario's folder; keep images in that folder or in Attune's assets",
                            what, path));
        return {};
    }
    std::error_code ec;
    for (const fs::path& base : {folder.empty() ? fs::path(".") : folder, assets}) {
        const fs::path candidate = base / p;
        if (!fs::exists(fs::symlink_status(candidate, ec))) continue;
        const fs::path real = fs::weakly_canonical(candidate, ec);
        const fs::path root = fs::weakly_canonical(base, ec);
        if (ec || !within(real, root)) {
            d.error(pos, "image-path",
                    fmt::format("the {} '{}' is a link to {}, outside the scenario's folder and Attune's assets", what, path,
                                real.string()));
            return {};
        }
        if (!fs::exists(real, ec)) break;  // a link to nothing
        if (fs::is_directory(real, ec)) {
            d.warning(pos, "image-missing", fmt::format("the {} '{}' is a folder, not an image; the window shows {} instead",
                                                        what, path, fallback));
            return {};
        }
        std::string ext = p.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".bmp" && ext != ".tga") {
            d.warning(pos, "image-format",
                      fmt::format("the {} '{}' is not a .png, .jpg (.jpeg), .bmp or .tga file, the kinds the window reads; it "
                                  "shows {} instead",
                                  what, path, fallback));
            return {};
        }
        const auto size = fs::file_size(real, ec);
        if (!ec && size > kMaxImageBytes) {
            d.warning(pos, "image-too-large",
                      fmt::format("the {} '{}' is {:.1f} MiB; images are limited to 8 MiB, so the window shows {} instead",
                                  what, path, static_cast<double>(size) / (1 << 20), fallback));
            return {};
        }
        if (!std::ifstream(real, std::ios::binary)) {
            d.warning(pos, "image-missing",
                      fmt::format("the {} '{}' cannot be read (check its permissions); the window shows {} instead", what,
                                  path, fallback));
            return {};
        }
        return real.string();
    }
    d.warning(pos, "image-missing",
              fmt::format("the {} '{}' is in neither the scenario's folder nor Attune's assets; the window shows {} "
                          "instead",
                          what, path, fallback));
    return {};
}

}  // namespace

void checkImages(Scenario& s, const fs::path& folder, const fs::path& assets, Diagnostics& d) {
    for (Role& r : s.roles)
        if (r.portraitPos.line > 0 || !r.portrait.empty())
            r.portraitFile = resolve(r.portrait, r.portraitPos, "portrait", "the name alone", folder, assets, d);
    for (Node& n : s.nodes)
        if (n.scenePos.line > 0 || !n.scene.empty())
            n.sceneFile = resolve(n.scene, n.scenePos, "scene", "the plain background", folder, assets, d);
}

}  // namespace attune::check
