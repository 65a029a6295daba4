#include "sfml/Context.hpp"

#include <iostream>

namespace attune::ui {

void Context::restyle() {
    theme = makeTheme(fonts, settings, size);
    theme.reducedMotion = still();
    stack.layoutAll();
}

void Context::applySettings(const Settings& s) {
    const bool display = s.fullscreen != settings.fullscreen;
    savedSettings = withChanges(savedSettings, settings, s);
    settings = s;
    if (display && setFullscreen)
        setFullscreen(s.fullscreen);  // restyles after resizing
    else
        restyle();
    if (!saveSettingsOnChange) return;
    std::string error;
    if (!saveSettings(savedSettings, settingsPath, error))
        std::cerr << "attune: the settings were not saved: " << error << '\n';
}

void Context::cue(Cue c) {
    if (!settings.sound || screenshot) return;
    if (!chimes_) {
        chimes_ = std::make_unique<Chimes>();
        if (!chimes_->ok())
            std::cerr << "attune: sound is on, but no sound device could be opened; the practices stay silent\n";
    }
    chimes_->play(c);
}

}  // namespace attune::ui
