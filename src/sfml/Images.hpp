#pragma once
/// Portraits and scenes, loaded with SFML once each and kept for the run. The scenario's
/// check has already confined and found the files; here an image SFML cannot decode, or one
/// larger than the cap, is said once on stderr and not shown (the screen falls back calmly).
#include <SFML/Graphics/Texture.hpp>

#include <map>
#include <memory>
#include <string>

namespace attune::ui {

class Images {
public:
    enum class Kind { Portrait, Scene };
    /// The largest side an image may have: scenes 4096 pixels, portraits 1024.
    static unsigned maxSide(Kind k);
    /// The texture for `file` (a resolved path), or null when it cannot be shown.
    const sf::Texture* get(const std::string& file, Kind kind);
    /// Forgets every image (live reload: a file may have been repainted or fixed).
    void clear() { cache_.clear(); }

private:
    std::map<std::string, std::unique_ptr<sf::Texture>> cache_;
};

}  // namespace attune::ui
