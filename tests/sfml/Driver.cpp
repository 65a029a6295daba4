#include "sfml/Driver.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace attune::testing {
namespace fs = std::filesystem;

std::unique_ptr<ui::App> open(const Open& o) {
    Settings s;
    s.textSize = o.textSize;
    s.highContrast = o.highContrast;
    s.reveal = o.reveal;
    s.coaching = o.coaching;
    s.reducedMotion = o.reducedMotion;
    s.checkins = o.checkins;
    std::string error;
    REQUIRE_MESSAGE(saveSettings(s, settingsPath(), error), error);
    window::WindowOptions w;
    w.scenario = o.scenario;
    w.script = o.script;
    w.screen = o.screen;
    w.size = fmt::format("{}x{}", o.width, o.height);
    w.solo = o.solo;
    w.together = o.together;
    w.names = o.names;
    w.roles = o.roles;
    w.port = o.port;
    w.host = o.host;
    w.code = o.code;
    w.name = o.name;
    w.journal = o.journal;
    w.practice = o.practice;
    w.practiceAt = o.practiceAt;
    w.watch = o.watch;
    ui::App::Failure failure;
    auto app = ui::App::open(w, failure);
    REQUIRE_MESSAGE(app, failure.message);
    frames(*app, 2);
    return app;
}

void press(ui::App& app, sf::Keyboard::Key k, bool shift) {
    app.key(k, shift);
    app.frame();
}

void type(ui::App& app, const std::string& utf8) {
    const sf::String s = sf::String::fromUtf8(utf8.begin(), utf8.end());
    for (std::size_t i = 0; i < s.getSize(); ++i) {
        // As a keyboard sends it: the key, then its character.
        sf::Event k{};
        k.type = sf::Event::KeyPressed;
        const std::uint32_t c = s[i];
        k.key.code =
            c >= '0' && c <= '9'   ? static_cast<sf::Keyboard::Key>(sf::Keyboard::Num0 + static_cast<int>(c - '0'))
            : c >= 'a' && c <= 'z' ? static_cast<sf::Keyboard::Key>(sf::Keyboard::A + static_cast<int>(c - 'a'))
            : c >= 'A' && c <= 'Z' ? static_cast<sf::Keyboard::Key>(sf::Keyboard::A + static_cast<int>(c - 'A'))
            : c == ' '             ? sf::Keyboard::Space
                                   : sf::Keyboard::Unknown;
        k.key.shift = c >= 'A' && c <= 'Z';
        app.post(k);
        sf::Event e{};
        e.type = sf::Event::TextEntered;
        e.text.unicode = c;
        app.post(e);
    }
    app.frame();
}

void frames(ui::App& app, int n) {
    for (int i = 0; i < n; ++i) app.frame();
}

void wait(ui::App& app, float seconds) {
    for (int i = 0; i < static_cast<int>(seconds * 60.f); ++i) app.tick();
}

std::string layoutProblems(const ui::Screen& screen, sf::Vector2f size) {
    std::string out;
    for (const auto& p : ui::checkLayout(screen.boxes(), size)) out += std::string(screen.name()) + ": " + p + "\n";
    return out;
}

std::string layoutProblems(const ui::App& app) {
    const ui::Screen* top = app.top();
    REQUIRE(top);
    return layoutProblems(*top, app.context().size);
}

ui::PlayScreen& play(ui::App& app) {
    auto* p = app.find<ui::PlayScreen>();
    REQUIRE(p);
    return *p;
}

int runBinary(const std::string& env, const std::string& args, const std::string& input, std::string& out,
              std::string& err) {
    const fs::path tmp = fs::temp_directory_path() / fmt::format("attune-window-cli-{}", ::getpid());
    fs::create_directories(tmp);
    std::ofstream(tmp / "in", std::ios::binary) << input;
    const std::string cmd =
        fmt::format("cd '{}' && env {} '{}' {} < '{}' > '{}' 2> '{}'", ATTUNE_SOURCE_DIR, env, ATTUNE_BINARY, args,
                    (tmp / "in").string(), (tmp / "out").string(), (tmp / "err").string());
    const int status = std::system(cmd.c_str());
    auto slurp = [](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
    out = slurp(tmp / "out");
    err = slurp(tmp / "err");
    fs::remove_all(tmp);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace attune::testing
