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

}  // namespace attune::ui
