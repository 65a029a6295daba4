// Two machines in the window, each against a real `attune` process on loopback: a
// window that joins (the address and code typed into its form) and a window that hosts
// (its code and port on screen), both to the same ending as the terminal on the other
// side; a host that leaves mid-story, and a wrong code, told on screen.
#include "sfml/Driver.hpp"
#include "core/util/Text.hpp"
#include "sfml/screens/MachinesScreens.hpp"

#include <doctest/doctest.h>
#include <SFML/System/Sleep.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace attune;
using attune::testing::Open;
using attune::testing::press;
using attune::testing::type;
namespace fs = std::filesystem;

namespace {

const char* kHostPicks = "sharp-reply,own-it,name-fear,ask-for-text,warm-close";
const char* kJoinPicks = "sam-defends,sam-meets-repair,sam-validates,sam-offers-text";
const char* kEnding = "== Ending: Back on the same side (secure) ==";

int freshPort() {
    static int n = 0;
    // Below the system's ephemeral range (32768 and up), apart from the CLI tests' ports.
    return 20000 + static_cast<int>((::getpid() * 8 + n++) % 6000);
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The other machine: `attune ARGS` in the background, its output in DIR/peer.out and .err,
/// its exit code in DIR/peer.rc once it ends.
struct Peer {
    fs::path dir;
    explicit Peer(const std::string& args) {
        dir = fs::temp_directory_path() / fmt::format("attune-machines-{}-{}", ::getpid(), freshPort());
        fs::remove_all(dir);
        fs::create_directories(dir);
        const std::string cmd = fmt::format(
            "cd '{0}' && (sh -c \"echo \\$\\$ > '{1}/pid'; XDG_DATA_HOME='{1}/data' exec timeout 60 '{2}' {3} "
            "< /dev/null > '{1}/peer.out' 2> '{1}/peer.err'\"; echo $? > '{1}/peer.rc') &",
            ATTUNE_SOURCE_DIR, dir.string(), ATTUNE_BINARY, args);
        REQUIRE(std::system(cmd.c_str()) == 0);
    }
    ~Peer() {
        // A host still waiting for a partner is stopped.
        if (!fs::exists(dir / "peer.rc") && fs::exists(dir / "pid"))
            std::system(fmt::format("kill $(cat '{}/pid') 2>/dev/null", dir.string()).c_str());
        for (int i = 0; i < 50 && !fs::exists(dir / "peer.rc"); ++i) sf::sleep(sf::milliseconds(20));
        fs::remove_all(dir);
    }
    /// Waits for the process to end; its exit code.
    int finish() {
        for (int i = 0; i < 600 && !fs::exists(dir / "peer.rc"); ++i) sf::sleep(sf::milliseconds(100));
        sf::sleep(sf::milliseconds(50));
        const std::string rc = slurp(dir / "peer.rc");
        return rc.empty() ? -1 : std::stoi(rc);
    }
    std::string out() const { return slurp(dir / "peer.out"); }
    std::string err() const { return slurp(dir / "peer.err"); }
};

/// Frames (with a short real sleep each, for the other process) until `done` or `seconds` pass.
template <typename F>
bool until(ui::App& app, F done, float seconds = 20.f) {
    for (int i = 0; i < static_cast<int>(seconds * 100); ++i) {
        if (done()) return true;
        app.frame();
        sf::sleep(sf::milliseconds(10));
    }
    return done();
}

}  // namespace

TEST_CASE("a window joins a terminal host by its address and code, and both reach the same ending") {
    const int port = freshPort();
    Peer host(
        fmt::format("host scenarios/late-text.yaml --port {} --code 482913 --name Jo --script {}", port, kHostPicks));
    sf::sleep(sf::milliseconds(300));
    auto app = attune::testing::open(Open{"", "", "join"});
    REQUIRE(std::string(app->top()->name()) == "join");
    // By keyboard: the address, Tab, the code as the host shows it (with its space), Tab, a name, Enter.
    type(*app, fmt::format("127.0.0.1:{}", port));
    press(*app, sf::Keyboard::Tab);
    type(*app, "482 913");
    press(*app, sf::Keyboard::Tab);
    type(*app, "Maya");
    press(*app, sf::Keyboard::Enter);
    CHECK(app->find<ui::JoinScreen>()->shownText().find(fmt::format("Connecting to 127.0.0.1:{}", port)) !=
          std::string::npos);
    REQUIRE(until(*app, [&] { return app->find<ui::PlayScreen>() != nullptr; }));
    ui::PlayScreen& p = attune::testing::play(*app);
    CHECK(p.twoMachines());
    CHECK(p.localRole() == "sam");
    CHECK(p.playthrough().table().people[0].name == "Jo");
    std::vector<Pick> picks;
    for (const std::string& id : text::splitTrim(kJoinPicks, ',')) picks.push_back(Pick{0, id, {}});
    p.playNet(picks);
    REQUIRE(until(*app, [&] { return p.mode() == ui::PlayScreen::Mode::Ending; }));
    CHECK(p.scriptError().empty());
    CHECK(p.session().node().ending->title == "Back on the same side");
    CHECK(host.finish() == 0);
    CHECK(host.out().find(kEnding) != std::string::npos);
    // The host's transcript is the one an unbroken terminal pair gives.
    const std::string out = host.out();
    CHECK(out.substr(out.find("The Late Text\n")) ==
          slurp(fs::path(ATTUNE_SOURCE_DIR) / "tests" / "golden" / "net-late-text-host.txt"));
}

TEST_CASE("a window hosts: its code and port on screen, a terminal joiner, mirror mode to the same ending") {
    const int port = freshPort();
    Open o{"late-text", "", "host"};
    o.port = port;
    o.code = "482913";
    auto app = attune::testing::open(o);
    auto* h = app->find<ui::HostScreen>();
    REQUIRE(h);
    type(*app, "Jo");
    press(*app, sf::Keyboard::Tab);    // the role: Alex stays
    press(*app, sf::Keyboard::Tab);    // the mode
    press(*app, sf::Keyboard::Right);  // mirror
    press(*app, sf::Keyboard::Enter);
    REQUIRE(h->hosting());
    const std::string shown = h->shownText();
    CHECK(shown.find("482 913") != std::string::npos);
    CHECK(shown.find(fmt::format(":{}", port)) != std::string::npos);
    CHECK(shown.find("Waiting for the other machine") != std::string::npos);
    CHECK(attune::testing::layoutProblems(*app) == "");
    const char* maya =
        "gentle-opening,sam-defends,own-it,sam-meets-repair,still-want-me,sam-validates,ask-for-text,"
        "sam-offers-text,warm-close";
    Peer join(fmt::format("join 127.0.0.1:{} --code 482913 --name Maya --script {}", port, maya));
    REQUIRE(until(*app, [&] { return app->find<ui::PlayScreen>() != nullptr; }));
    ui::PlayScreen& p = attune::testing::play(*app);
    CHECK(p.playthrough().mode() == TogetherMode::Mirror);
    CHECK(p.playthrough().table().people[1].name == "Maya");
    std::vector<Pick> picks;
    for (const char* id : {"sharp-reply", "sam-curious", "own-it", "sam-meets-repair", "name-fear", "sam-validates",
                           "ask-for-text", "sam-offers-text", "warm-close"})
        picks.push_back(Pick{0, id, {}});
    p.playNet(picks);
    REQUIRE(until(*app, [&] { return p.mode() == ui::PlayScreen::Mode::Ending; }));
    CHECK(p.scriptError().empty());
    CHECK(p.playthrough().rounds().size() == 9);
    CHECK(join.finish() == 0);
    CHECK(join.out().find(kEnding) != std::string::npos);
    // The joiner's side is the one a terminal host gives it.
    const std::string out = join.out();
    CHECK(out.substr(out.find("The Late Text\n")) ==
          slurp(fs::path(ATTUNE_SOURCE_DIR) / "tests" / "golden" / "net-mirror-join.txt"));
}

TEST_CASE("a host that leaves mid-story is told on the joiner's screen, and a wrong code is told on the form") {
    const int port = freshPort();
    {
        Peer host(
            fmt::format("host scenarios/late-text.yaml --port {} --code 482913 --name Jo --script sharp-reply", port));
        sf::sleep(sf::milliseconds(300));
        Open o{"", "", "join"};
        auto app = attune::testing::open(o);
        type(*app, fmt::format("127.0.0.1:{}", port));
        press(*app, sf::Keyboard::Tab);
        type(*app, "482913");
        press(*app, sf::Keyboard::Enter);
        REQUIRE(until(*app, [&] { return app->find<ui::PlayScreen>() != nullptr; }));
        ui::PlayScreen& p = attune::testing::play(*app);
        p.playNet({Pick{0, "sam-defends", {}}});
        REQUIRE(until(*app, [&] { return app->find<ui::NoticeScreen>() != nullptr; }));
        CHECK(app->find<ui::NoticeScreen>()->shownText() ==
              "Jo left\nJo left before the end. Your steps so far stay in your journal, unfinished.\nBack to the "
              "library");
        CHECK(attune::testing::layoutProblems(*app) == "");
        press(*app, sf::Keyboard::Escape);
        CHECK(std::string(app->top()->name()) == "library");
        CHECK(host.finish() == 1);
    }
    Peer host(fmt::format("host scenarios/late-text.yaml --port {} --code 482913 --script {}", port + 1, kHostPicks));
    sf::sleep(sf::milliseconds(300));
    auto app = attune::testing::open(Open{"", "", "join"});
    type(*app, fmt::format("127.0.0.1:{}", port + 1));
    press(*app, sf::Keyboard::Tab);
    type(*app, "000000");
    press(*app, sf::Keyboard::Enter);
    auto* j = app->find<ui::JoinScreen>();
    REQUIRE(until(*app, [&] { return !j->connecting(); }));
    CHECK(j->error() == "The host refused the pairing code (check the code it shows).");
    CHECK(attune::testing::layoutProblems(*app) == "");
    // An address that is not one, said before anything is sent.
    press(*app, sf::Keyboard::Tab);
    press(*app, sf::Keyboard::Tab);
    for (int i = 0; i < 20; ++i) type(*app, "\b");
    type(*app, "127.0.0.1:99999");
    press(*app, sf::Keyboard::Enter);
    CHECK(j->error() == "'99999' is not a port; write HOST or HOST:PORT.");
}
