#pragma once
/// The player's own settings for the window (text size, theme, motion, text
/// reveal, coaching, display, check-ins, sound), kept in $XDG_CONFIG_HOME/attune/settings.yaml.
/// A missing file gives the defaults; a bad one gives the defaults and one warning.
#include "core/feedback/Feedback.hpp"

#include <filesystem>
#include <string>

namespace attune {

/// How fast a line's text appears: not at all (all at once), or slowly to fast.
enum class Reveal { Off, Slow, Medium, Fast };
const char* name(Reveal r);
std::optional<Reveal> parseReveal(std::string_view s);
/// Characters per second for a reveal speed (0 for Off).
float revealRate(Reveal r);

struct Settings {
    static constexpr int kTextSizes = 5;  ///< text sizes 0 (small) .. 4 (largest)

    int textSize = 2;
    bool highContrast = false;
    bool reducedMotion = false;
    Reveal reveal = Reveal::Medium;
    feedback::Coaching coaching = feedback::Coaching::Immediate;
    bool fullscreen = false;
    bool checkins = true;  ///< offer the check-in before a story and the note after its debrief
    bool sound = false;    ///< soft tones in the practices (off: the room may be shared)

    bool operator==(const Settings&) const = default;
};

/// `base` with every field that differs between `before` and `after` set as in `after`:
/// a change made in the settings screen, applied to the settings kept on disk without
/// the flags given for one run (--high-contrast, --text-size...).
Settings withChanges(Settings base, const Settings& before, const Settings& after);

/// $XDG_CONFIG_HOME/attune/settings.yaml, else ~/.config/attune/settings.yaml.
std::filesystem::path settingsPath();

struct SettingsLoad {
    Settings settings;
    std::string warning;  ///< one line when something was wrong (defaults used), else empty
};

/// Reads the settings. A missing file is not a problem; an unreadable or
/// malformed one, or a bad value, falls back to the defaults with a warning.
SettingsLoad loadSettings(const std::filesystem::path& file);

/// Writes the settings (creating the folder). Returns false with `error` on failure.
bool saveSettings(const Settings& s, const std::filesystem::path& file, std::string& error);

}  // namespace attune
