// The two-machine protocol (net::Game) in one process over loopback: what a peer sends
// that does not belong is refused with a message fit to show (no control characters, no
// screenful of text, never taken for the program's own words).
#include "net/Game.hpp"
#include "support/Support.hpp"

#include <SFML/Network/TcpListener.hpp>
#include <SFML/System/Sleep.hpp>
#include <doctest/doctest.h>
#include <thread>

using namespace attune;

namespace {

struct Linked {
    std::unique_ptr<net::Link> host, join;
};

Linked pair() {
    sf::TcpListener listener;
    REQUIRE(listener.listen(sf::Socket::AnyPort, sf::IpAddress::LocalHost) == sf::Socket::Done);
    Linked l;
    std::string hostError, error;
    std::thread t([&] { l.host = net::Link::accept(listener, "482913", hostError); });
    l.join = net::Link::connect("127.0.0.1", listener.getLocalPort(), "482913", 5.f, error);
    t.join();
    REQUIRE_MESSAGE(l.join, error);
    REQUIRE_MESSAGE(l.host, hostError);
    return l;
}

/// The host's game, after the joiner's side of the link sent `messages`; its error.
std::string hostHears(const std::vector<nlohmann::json>& messages) {
    static const Scenario s = testing::loadTestScenario("../scenarios/late-text.yaml");
    Table table{TogetherMode::Pass, {{"Jo", "alex"}, {"Maya", "sam"}}, true};
    Playthrough run = Playthrough::borrowing(s, table);
    Linked l = pair();
    net::Game game(run, "alex", true, std::move(l.host), {});
    std::string err;
    for (const auto& m : messages) REQUIRE(l.join->send(m, err));
    for (int i = 0; i < 50 && !game.gone(); ++i) {
        game.settle();
        game.wait(0.1f);
    }
    return game.error();
}

}  // namespace

TEST_CASE("a peer's words are shown as the peer's, cleaned of control characters and cut short") {
    CHECK(hostHears({{{"t", "error"}, {"why", "\x1b[2Jno\nthanks"}}}) == "the other machine said: [2Jnothanks");
    const std::string said = hostHears({{{"t", "error"}, {"why", std::string(5000, 'x')}}});
    CHECK(said.size() < 260);
    // Words only this program may say (a lost link) are not taken from the wire.
    CHECK(hostHears({{{"t", "lost"}, {"why", "your files are gone"}}}) ==
          "the other machine sent 'lost', which does not belong here");
    CHECK(hostHears({{{"t", "pick"}, {"at", 3}, {"node", std::string(300, 'n')}, {"choice", "x"}}}) ==
          "the other machine sent a malformed 'pick'");
}
