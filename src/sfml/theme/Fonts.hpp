#pragma once
/// The window's two faces (regular and bold), found with fontconfig.
#include <SFML/Graphics/Font.hpp>
#include <string>

namespace attune::ui {

struct Fonts {
    sf::Font regular;
    sf::Font bold;
    std::string regularFile, boldFile;
};

/// The file fontconfig matches for a pattern such as "DejaVu Sans:bold", or empty.
std::string matchFont(const std::string& pattern);

/// Finds "DejaVu Sans" (else any "sans-serif") and its bold face, and loads them.
/// Returns false with a one-line reason in `error` when no usable font file exists.
bool loadFonts(Fonts& out, std::string& error);

}  // namespace attune::ui
