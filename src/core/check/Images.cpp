// Portraits and scenes [image-path, image-missing, image-too-large, image-format]: where
// each image is, and whether the window can show it. A path may not leave the scenario's
// folder or the program's assets (a shared scenario must not reach into the rest of the
// disk); an image that is simply not there, too large or of a kind SFML does not read is
// only a warning, because the window falls back calmly (no background, or the name alone).
#include "core/check/Checker.hpp"
#include "core/util/Limits.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

namespace attune::check {
namespace fs = std::filesystem;

namespace {

/// A file's size for a message: "9.0 MiB", or "just over 8 MiB" when one decimal would
/// make it look no larger than the limit it is over.
std::string mebibytes(std::uintmax_t bytes, std::uintmax_t limit) {
    const auto mib = [](std::uintmax_t b) { return fmt::format("{:.1f}", static_cast<double>(b) / (1 << 20)); };
    if (mib(bytes) == mib(limit)) return fmt::format("just over {} MiB", limit >> 20);
    return mib(bytes) + " MiB";
}

/// True when `inner` is `outer` or inside it (both canonical).
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
        if (i == inner.end() || *i != *o) return false;
    return true;
}

unsigned be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
unsigned le16(const unsigned char* p) { return p[0] | (p[1] << 8); }
unsigned be32(const unsigned char* p) { return (be16(p) << 16) | be16(p + 2); }
long le32s(const unsigned char* p) { return static_cast<std::int32_t>(le16(p) | (le16(p + 2) << 16)); }

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
        d.error(
            pos, "image-path",
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
                    fmt::format("the {} '{}' is a link to {}, outside the scenario's folder and Attune's assets", what,
                                path, real.string()));
            return {};
        }
        if (!fs::exists(real, ec)) break;  // a link to nothing
        if (fs::is_directory(real, ec)) {
            d.warning(pos, "image-missing",
                      fmt::format("the {} '{}' is a folder, not an image; the window shows {} instead", what, path,
                                  fallback));
            return {};
        }
        std::string ext = p.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".bmp" && ext != ".tga") {
            d.warning(pos, "image-format",
                      fmt::format(
                          "the {} '{}' is not a .png, .jpg (.jpeg), .bmp or .tga file, the kinds the window reads; it "
                          "shows {} instead",
                          what, path, fallback));
            return {};
        }
        const auto size = fs::file_size(real, ec);
        if (!ec && size > limits::kMaxImageBytes) {
            d.warning(
                pos, "image-too-large",
                fmt::format("the {} '{}' is {}; images are limited to {} MiB, so the window shows {} instead", what,
                            path, mebibytes(size, limits::kMaxImageBytes), limits::kMaxImageBytes >> 20, fallback));
            return {};
        }
        if (!std::ifstream(real, std::ios::binary)) {
            d.warning(pos, "image-missing",
                      fmt::format("the {} '{}' cannot be read (check its permissions); the window shows {} instead",
                                  what, path, fallback));
            return {};
        }
        const unsigned cap = std::string_view(what) == "scene" ? kMaxScenePixels : kMaxPortraitPixels;
        const auto px = imagePixels(real);
        if (!px) {
            d.warning(pos, "image-format",
                      fmt::format("the {} '{}' does not read as a .png, .jpg, .bmp or .tga image; the window shows {} "
                                  "instead",
                                  what, path, fallback));
            return {};
        }
        if (px->first > cap || px->second > cap) {
            d.warning(
                pos, "image-too-large",
                fmt::format("the {} '{}' is {}x{} pixels; {}s are limited to {} on a side, so the window shows {} "
                            "instead",
                            what, path, px->first, px->second, what, cap, fallback));
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

std::optional<std::pair<unsigned, unsigned>> imagePixels(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    unsigned char h[32] = {};
    in.read(reinterpret_cast<char*>(h), sizeof h);
    const std::streamsize n = in.gcount();
    static constexpr unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (n >= 24 && std::equal(h, h + 8, kPng)) return std::make_pair(be32(h + 16), be32(h + 20));
    if (n >= 26 && h[0] == 'B' && h[1] == 'M') {
        const long w = le32s(h + 18), hh = le32s(h + 22);
        return std::make_pair(static_cast<unsigned>(std::labs(w)), static_cast<unsigned>(std::labs(hh)));
    }
    if (n >= 4 && h[0] == 0xFF && h[1] == 0xD8) {
        // JPEG: the segments up to the frame header, which holds the size.
        in.clear();
        in.seekg(2);
        unsigned char m[9];
        while (in.read(reinterpret_cast<char*>(m), 4)) {
            if (m[0] != 0xFF) return std::nullopt;
            const unsigned marker = m[1], len = be16(m + 2);
            const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                if (!in.read(reinterpret_cast<char*>(m), 5)) return std::nullopt;
                return std::make_pair(be16(m + 3), be16(m + 1));
            }
            if (len < 2) return std::nullopt;
            in.seekg(len - 2, std::ios::cur);
        }
        return std::nullopt;
    }
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".tga" && n >= 18) return std::make_pair(le16(h + 12), le16(h + 14));  // TGA has no signature
    return std::nullopt;
}

void checkImages(Scenario& s, const fs::path& folder, const fs::path& assets, Diagnostics& d) {
    for (Role& r : s.roles)
        if (r.portraitPos.line > 0 || !r.portrait.empty())
            r.portraitFile = resolve(r.portrait, r.portraitPos, "portrait", "the name alone", folder, assets, d);
    for (Node& n : s.nodes)
        if (n.scenePos.line > 0 || !n.scene.empty())
            n.sceneFile = resolve(n.scene, n.scenePos, "scene", "the plain background", folder, assets, d);
}

}  // namespace attune::check
