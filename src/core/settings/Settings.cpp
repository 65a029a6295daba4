#include "core/settings/Settings.hpp"

#include "core/load/Loader.hpp"
#include "core/util/Limits.hpp"

#include <array>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <yaml-cpp/yaml.h>

namespace attune {
namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, 4> kRevealNames{"off", "slow", "medium", "fast"};

/// Reads one key; a wrong value leaves `out` alone and records the problem.
template <typename T, typename Parse>
void readKey(const YAML::Node& root, const char* key, T& out, Parse parse, const char* expected,
             std::vector<std::string>& problems) {
    const YAML::Node n = root[key];
    if (!n) return;
    if (!n.IsScalar()) {
        problems.push_back(fmt::format("'{}' should be {}", key, expected));
        return;
    }
    if (auto v = parse(n.Scalar()))
        out = *v;
    else
        problems.push_back(fmt::format("'{}: {}' should be {}", key, n.Scalar(), expected));
}

std::optional<bool> parseBool(const std::string& s) {
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
    return std::nullopt;
}

}  // namespace

const char* name(Reveal r) { return kRevealNames[static_cast<std::size_t>(r)]; }

std::optional<Reveal> parseReveal(std::string_view s) {
    for (std::size_t i = 0; i < kRevealNames.size(); ++i)
        if (s == kRevealNames[i]) return static_cast<Reveal>(i);
    return std::nullopt;
}

float revealRate(Reveal r) {
    switch (r) {
        case Reveal::Off:
            return 0.f;
        case Reveal::Slow:
            return 30.f;
        case Reveal::Medium:
            return 60.f;
        case Reveal::Fast:
            return 120.f;
    }
    return 0.f;
}

fs::path settingsPath() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return fs::path(x) / "attune" / "settings.yaml";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".config" / "attune" / "settings.yaml";
    return fs::path("attune-settings.yaml");
}

SettingsLoad loadSettings(const fs::path& file) {
    SettingsLoad out;
    std::error_code ec;
    if (!fs::exists(file, ec)) return out;
    // Only a regular file is read (a folder or a FIFO would throw or block), and only a small one.
    Diagnostics d(file.string());
    const auto text =
        fs::is_regular_file(file, ec) ? readFile(file, d, limits::kMaxSettingsBytes, "settings files") : std::nullopt;
    if (!text) {
        out.warning = fmt::format("{}: cannot be read ({}); using the default settings", file.string(),
                                  d.all().empty() ? "it is not a regular file" : d.all().front().message);
        return out;
    }
    YAML::Node root;
    try {
        root = YAML::Load(*text);
    } catch (const std::exception& e) {
        out.warning = fmt::format("{}: cannot be read ({}); using the default settings", file.string(), e.what());
        return out;
    }
    if (root.IsNull()) return out;
    if (!root.IsMap()) {
        out.warning = fmt::format("{}: is not a list of settings; using the default settings", file.string());
        return out;
    }
    std::vector<std::string> problems;
    Settings& s = out.settings;
    readKey(
        root, "text-size", s.textSize,
        [](const std::string& v) -> std::optional<int> {
            if (v.size() == 1 && v[0] >= '0' && v[0] < '0' + Settings::kTextSizes) return v[0] - '0';
            return std::nullopt;
        },
        "a number from 0 to 4", problems);
    readKey(root, "high-contrast", s.highContrast, parseBool, "true or false", problems);
    readKey(root, "reduced-motion", s.reducedMotion, parseBool, "true or false", problems);
    readKey(root, "check-ins", s.checkins, parseBool, "true or false", problems);
    readKey(root, "sound", s.sound, parseBool, "true or false", problems);
    readKey(
        root, "text-reveal", s.reveal, [](const std::string& v) { return parseReveal(v); }, "off, slow, medium or fast",
        problems);
    readKey(
        root, "coaching", s.coaching, [](const std::string& v) { return feedback::parseCoaching(v); },
        fmt::format("{}, {} or {}", feedback::name(feedback::Coaching::Immediate),
                    feedback::name(feedback::Coaching::AtEnd), feedback::name(feedback::Coaching::Off))
            .c_str(),
        problems);
    readKey(
        root, "display", s.fullscreen,
        [](const std::string& v) -> std::optional<bool> {
            if (v == "window") return false;
            if (v == "fullscreen") return true;
            return std::nullopt;
        },
        "window or fullscreen", problems);
    if (!problems.empty()) {
        std::string list;
        for (const auto& p : problems) list += (list.empty() ? "" : "; ") + p;
        out.warning =
            fmt::format("{}: {}; using the default for {}", file.string(), list, problems.size() == 1 ? "it" : "those");
    }
    return out;
}

Settings withChanges(Settings base, const Settings& before, const Settings& after) {
    if (after.textSize != before.textSize) base.textSize = after.textSize;
    if (after.highContrast != before.highContrast) base.highContrast = after.highContrast;
    if (after.reducedMotion != before.reducedMotion) base.reducedMotion = after.reducedMotion;
    if (after.reveal != before.reveal) base.reveal = after.reveal;
    if (after.coaching != before.coaching) base.coaching = after.coaching;
    if (after.fullscreen != before.fullscreen) base.fullscreen = after.fullscreen;
    if (after.checkins != before.checkins) base.checkins = after.checkins;
    if (after.sound != before.sound) base.sound = after.sound;
    return base;
}

bool saveSettings(const Settings& s, const fs::path& file, std::string& error) {
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    if (ec) {
        error = fmt::format("{}: the folder cannot be created: {}", file.parent_path().string(), ec.message());
        return false;
    }
    YAML::Emitter y;
    y << YAML::Comment("Attune's window settings. Delete this file to go back to the defaults.");
    y << YAML::BeginMap;
    y << YAML::Key << "text-size" << YAML::Value << s.textSize;
    y << YAML::Key << "high-contrast" << YAML::Value << s.highContrast;
    y << YAML::Key << "reduced-motion" << YAML::Value << s.reducedMotion;
    y << YAML::Key << "text-reveal" << YAML::Value << name(s.reveal);
    y << YAML::Key << "coaching" << YAML::Value << feedback::name(s.coaching);
    y << YAML::Key << "display" << YAML::Value << (s.fullscreen ? "fullscreen" : "window");
    y << YAML::Key << "check-ins" << YAML::Value << s.checkins;
    y << YAML::Key << "sound" << YAML::Value << s.sound;
    y << YAML::EndMap;
    // Write beside the file, then rename, so a crash never leaves half a file.
    const fs::path tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << y.c_str() << '\n';
        out.close();  // a full disk shows up on close, not on <<
        if (!out) {
            error = fmt::format("{}: cannot be written", tmp.string());
            fs::remove(tmp, ec);
            return false;
        }
    }
    fs::rename(tmp, file, ec);
    if (ec) {
        error = fmt::format("{}: cannot be written: {}", file.string(), ec.message());
        return false;
    }
    return true;
}

}  // namespace attune
