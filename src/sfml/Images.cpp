#include "sfml/Images.hpp"

#include "core/check/Checker.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/System/Err.hpp>
#include <fmt/format.h>
#include <iostream>
#include <sstream>

namespace attune::ui {

unsigned Images::maxSide(Kind k) { return k == Kind::Scene ? check::kMaxScenePixels : check::kMaxPortraitPixels; }

const sf::Texture* Images::get(const std::string& file, Kind kind) {
    if (file.empty()) return nullptr;
    if (auto it = cache_.find(file); it != cache_.end()) return it->second.get();
    std::unique_ptr<sf::Texture>& slot = cache_[file];
    const char* what = kind == Kind::Scene ? "scene" : "portrait";
    // The size from the header first: a small file can claim a picture that would take
    // gigabytes to decode.
    const auto px = check::imagePixels(file);
    if (!px) {
        std::cerr << fmt::format("attune: the {} {} could not be read as an image; none is shown\n", what, file);
        return nullptr;
    }
    if (px->first > maxSide(kind) || px->second > maxSide(kind)) {
        std::cerr << fmt::format(
            "attune: the {} {} is {}x{} pixels; {}s are limited to {} on a side, so none is shown\n", what, file,
            px->first, px->second, what, maxSide(kind));
        return nullptr;
    }
    sf::Image image;
    // SFML's own words about a file it cannot read stay off the terminal; ours say it once.
    std::ostringstream quiet;
    std::streambuf* old = sf::err().rdbuf(quiet.rdbuf());
    const bool read = image.loadFromFile(file);
    sf::err().rdbuf(old);
    if (!read) {
        std::cerr << fmt::format("attune: the {} {} could not be read as an image; none is shown\n", what, file);
        return nullptr;
    }
    const sf::Vector2u size = image.getSize();
    if (size.x > maxSide(kind) || size.y > maxSide(kind)) {
        std::cerr << fmt::format(
            "attune: the {} {} is {}x{} pixels; {}s are limited to {} on a side, so none is shown\n", what, file,
            size.x, size.y, what, maxSide(kind));
        return nullptr;
    }
    auto t = std::make_unique<sf::Texture>();
    if (!t->loadFromImage(image)) {
        std::cerr << fmt::format("attune: the {} {} could not be made into a texture; none is shown\n", what, file);
        return nullptr;
    }
    t->setSmooth(true);
    slot = std::move(t);
    return slot.get();
}

}  // namespace attune::ui
