// The baseline for `attune bench --startup`: the least an SFML program does to put one line
// of text on the screen (a window, a font from fonts-dejavu-core, one string, one frame).
// It prints the monotonic clock in nanoseconds once the frame is shown, as attune does.
#include <SFML/Graphics.hpp>

#include <chrono>
#include <iostream>

int main(int argc, char** argv) {
    const char* fontFile = argc > 1 ? argv[1] : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    sf::RenderWindow window(sf::VideoMode(1280, 720), "bare");
    sf::Font font;
    if (!font.loadFromFile(fontFile)) return 1;
    sf::Text text("Practise secure communication, one conversation at a time.", font, 24);
    text.setPosition(40.f, 40.f);
    window.clear(sf::Color(250, 247, 242));
    window.draw(text);
    window.display();
    std::cout << std::chrono::steady_clock::now().time_since_epoch().count() << std::endl;
    return 0;
}
