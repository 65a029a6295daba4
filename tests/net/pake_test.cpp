// Pairing and the encrypted channel: CPace against the test vectors of
// draft-irtf-cfrg-cpace (ristretto255, SHA-512), two sides with the same and with
// different codes, and a channel that refuses changed, replayed and reordered messages.
#include "net/Channel.hpp"
#include "net/Link.hpp"
#include "net/Pake.hpp"

#include <sodium.h>
#include <thread>

#include <algorithm>
#include <doctest/doctest.h>
#include <string>

using namespace attune::net;

namespace {

Bytes hex(std::string_view h) {
    Bytes out;
    std::string digits;
    for (char c : h)
        if (c != ' ' && c != '\n') digits += c;
    for (std::size_t i = 0; i + 1 < digits.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(digits.substr(i, 2), nullptr, 16)));
    return out;
}

template <std::size_t N>
std::array<std::uint8_t, N> fixed(std::string_view h) {
    const Bytes b = hex(h);
    REQUIRE(b.size() == N);
    std::array<std::uint8_t, N> out{};
    std::copy(b.begin(), b.end(), out.begin());
    return out;
}

Bytes of(const Point& p) { return Bytes(p.begin(), p.end()); }
Bytes of(const Key& k) { return Bytes(k.begin(), k.end()); }

// The draft's inputs (section "Test vector for CPace using group ristretto255 and hash SHA-512").
const Bytes kPrs = bytes("Password");
const Bytes kCi = hex("0b415f696e69746961746f720b425f726573706f6e646572");
const Bytes kSid = hex("7e4b4791d6a8ef019b936c79fb7f2c57");
const Bytes kAdA = bytes("ADa"), kAdB = bytes("ADb");
const char* kYa = "da3d23700a9e5699258aef94dc060dfda5ebb61f02a5ea77fad53f4ff0976d08";
const char* kYb = "d2316b454718c35362d83d69df6320f38578ed5984651435e2949762d900b80d";

}  // namespace

TEST_CASE("CPace: the generator string and generator match the draft's test vectors") {
    const Bytes s = cpace::generatorString(bytes("CPaceRistretto255"), kPrs, kCi, kSid);
    CHECK(s.size() == 170);
    CHECK(s == hex("11435061636552697374726574746f3235350850617373776f726464"
                   "00000000000000000000000000000000000000000000000000000000"
                   "00000000000000000000000000000000000000000000000000000000"
                   "00000000000000000000000000000000000000000000000000000000"
                   "00000000000000000000000000000000180b415f696e69746961746f"
                   "720b425f726573706f6e646572107e4b4791d6a8ef019b936c79fb7f"
                   "2c57"));
    CHECK(of(cpace::generator(kPrs, kCi, kSid)) ==
          hex("222b6b195fe84b1652badb6f6a3ae3d24341e7306967f0b8115b40d5698c7e56"));
}

TEST_CASE("CPace: the shares, the shared point and the key match the draft's test vectors") {
    const Point g = cpace::generator(kPrs, kCi, kSid);
    const auto ya = cpace::scalarMult(fixed<32>(kYa), g);
    const auto yb = cpace::scalarMult(fixed<32>(kYb), g);
    REQUIRE(ya);
    REQUIRE(yb);
    CHECK(of(*ya) == hex("d6bac480f2c386c394efc7c47adb9925dcd2630b64f240c50f8d0eec482b9157"));
    CHECK(of(*yb) == hex("3ea7e0b19560d7c0b0f5734f63b955286dfa8232b5ebe63324e2d9e7433f7258"));
    const auto ka = cpace::scalarMult(fixed<32>(kYa), *yb);
    const auto kb = cpace::scalarMult(fixed<32>(kYb), *ya);
    REQUIRE(ka);
    REQUIRE(kb);
    CHECK(of(*ka) == hex("80b69a8a76457ab6a4d7f887a4bf6b55a2f80ac19c333f917a05fc9887c8b40f"));
    CHECK(*ka == *kb);
    CHECK(of(cpace::iskInitiatorResponder(kSid, *ka, *ya, kAdA, *yb, kAdB)) ==
          hex("b69effbf61b51d56401c0f65601abe428de8206feaaf0e32198896dcae7b35cd"
              "2b38950a39dfd5d4a79164614c2984f7daa460b588c1e80c3fa2068af7900447"));
}

TEST_CASE("CPace: an invalid or identity share is refused, never turned into a key") {
    const Point identity{};
    CHECK_FALSE(cpace::scalarMult(fixed<32>(kYa), identity));
    Point garbage{};
    garbage.fill(0xff);
    CHECK_FALSE(cpace::scalarMult(fixed<32>(kYa), garbage));
    Pairing host(Pairing::Side::Responder, "482913", kSid, bytes("host"));
    CHECK_FALSE(host.finish(identity, bytes("join")));
}

TEST_CASE("two sides with the same code get the same key, and a wrong code gives a different one") {
    const Bytes sid = kSid;
    Pairing join(Pairing::Side::Initiator, "482913", sid, bytes("join"));
    Pairing host(Pairing::Side::Responder, "482913", sid, bytes("host"));
    const auto kj = join.finish(host.share(), bytes("host"));
    const auto kh = host.finish(join.share(), bytes("join"));
    REQUIRE(kj);
    REQUIRE(kh);
    CHECK(*kj == *kh);
    Pairing guess(Pairing::Side::Initiator, "482914", sid, bytes("join"));
    Pairing host2(Pairing::Side::Responder, "482913", sid, bytes("host"));
    CHECK(*guess.finish(host2.share(), bytes("host")) != *host2.finish(guess.share(), bytes("join")));
    // Fresh scalars every time: the same code never gives the same share twice.
    Pairing again(Pairing::Side::Responder, "482913", sid, bytes("host"));
    CHECK(again.share() != host.share());
    const std::string code = randomCode();
    CHECK(code.size() == 6);
    CHECK(code.find_first_not_of("0123456789") == std::string::npos);
}

TEST_CASE("the channel: messages open in order, and a changed, replayed or foreign one does not") {
    Pairing join(Pairing::Side::Initiator, "482913", kSid, bytes("join"));
    Pairing host(Pairing::Side::Responder, "482913", kSid, bytes("host"));
    Channel h(*host.finish(join.share(), bytes("join")), Channel::Side::Host);
    Channel j(*join.finish(host.share(), bytes("host")), Channel::Side::Joiner);
    CHECK_FALSE(h.open(Bytes(40, 1)));  // nothing opens before the peer's header
    REQUIRE(h.accept(j.header()));
    REQUIRE(j.accept(h.header()));
    CHECK_FALSE(h.accept(j.header()));  // once only
    const Bytes words = bytes("Glad the launch went well! I got really worried.");
    const Bytes sealed = h.seal(words);
    CHECK(std::search(sealed.begin(), sealed.end(), words.begin(), words.begin() + 10) == sealed.end());
    REQUIRE(j.open(sealed));
    CHECK_FALSE(j.open(sealed));  // a replay
    const Bytes a = j.seal(bytes("one")), b = j.seal(bytes("two"));
    CHECK_FALSE(h.open(b));  // out of order
    Bytes changed = h.seal(bytes("three"));
    changed[changed.size() / 2] ^= 1;
    CHECK_FALSE(j.open(changed));
    // A channel keyed with a wrong code opens nothing.
    Pairing guess(Pairing::Side::Initiator, "000000", kSid, bytes("join"));
    Pairing host2(Pairing::Side::Responder, "482913", kSid, bytes("host"));
    Channel h2(*host2.finish(guess.share(), bytes("join")), Channel::Side::Host);
    Channel g2(*guess.finish(host2.share(), bytes("host")), Channel::Side::Joiner);
    REQUIRE(h2.accept(g2.header()));
    CHECK_FALSE(h2.open(g2.seal(bytes("hello"))));
}

TEST_CASE("frames: whole frames out of bytes that arrive in pieces, and an oversized length fails at once") {
    FrameReader r;
    const Bytes f1 = frame(bytes("hello")), f2 = frame(Bytes{});
    Bytes wire = f1;
    wire.insert(wire.end(), f2.begin(), f2.end());
    for (std::size_t i = 0; i < wire.size(); ++i) r.feed(&wire[i], 1);  // a byte at a time
    CHECK(r.next() == bytes("hello"));
    CHECK(r.next() == Bytes{});
    CHECK_FALSE(r.next());
    const Bytes whole = frame(bytes("cut short"));
    const Bytes truncated(whole.begin(), whole.begin() + 6);
    r.feed(truncated.data(), truncated.size());
    CHECK_FALSE(r.next());
    CHECK(r.pending() == 6);
    FrameReader big;
    const Bytes huge{0x7f, 0xff, 0xff, 0xff};
    big.feed(huge.data(), huge.size());
    CHECK_FALSE(big.next());
    CHECK(big.failed());
    CHECK(big.error() == "a message of 2147483647 bytes is over the limit of 1048576 bytes");
    CHECK(big.pending() == 0);
    // A new limit keeps what has arrived: two frames read at once survive a change of limit.
    FrameReader two(8);
    const Bytes both = [] {
        Bytes w = frame(bytes("ok"));
        const Bytes more = frame(bytes("a longer one"));
        w.insert(w.end(), more.begin(), more.end());
        return w;
    }();
    two.feed(both.data(), both.size());
    CHECK(two.next() == bytes("ok"));
    two.setLimit(kMaxFrame);
    CHECK(two.next() == bytes("a longer one"));
    CHECK_THROWS_AS(frame(Bytes(kMaxFrame + 1)), std::length_error);
}

TEST_CASE("a link over loopback: pairing, padded messages of one length whatever they carry, a wrong code refused") {
    sf::TcpListener listener;
    REQUIRE(listener.listen(sf::Socket::AnyPort, sf::IpAddress::LocalHost) == sf::Socket::Done);
    const unsigned short port = listener.getLocalPort();
    std::unique_ptr<attune::net::Link> host;
    std::string hostError;
    bool wrong = false;
    std::thread t([&] { host = attune::net::Link::accept(listener, "482913", hostError, &wrong); });
    std::string error;
    auto join = attune::net::Link::connect("127.0.0.1", port, "482913", 5.f, error);
    t.join();
    REQUIRE_MESSAGE(join, error);
    REQUIRE_MESSAGE(host, hostError);
    CHECK(join->send({{"t", "pick"}, {"node", "first-reply"}, {"choice", "its-fine"}}, error));
    CHECK(join->send({{"t", "pick"}, {"node", "first-reply"}, {"choice", "gentle-opening-with-more"}}, error));
    // Invalid UTF-8 from a person's name is replaced, never thrown on.
    CHECK(join->send({{"t", "ready"}, {"name", std::string("Ma\xff")}}, error));
    auto a = host->receive(5.f, error);
    auto b = host->receive(5.f, error);
    auto c = host->receive(5.f, error);
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK((*a)["choice"] == "its-fine");
    CHECK((*b)["choice"] == "gentle-opening-with-more");
    CHECK((*c)["name"].is_string());
    join.reset();
    // The peer went away: the host is told, and does not hang.
    CHECK_FALSE(host->receive(5.f, error));
    CHECK(error == "the other machine closed the connection");

    std::thread t2([&] { host = attune::net::Link::accept(listener, "482913", hostError, &wrong); });
    auto guess = attune::net::Link::connect("127.0.0.1", port, "000000", 5.f, error);
    t2.join();
    CHECK_FALSE(guess);
    CHECK(error == "the host refused the pairing code (check the code it shows)");
    CHECK_FALSE(host);
    CHECK(wrong);
    CHECK(hostError.find("gave the wrong pairing code") != std::string::npos);
}

TEST_CASE("padding: picks of different lengths pad to one size, and the text comes back") {
    const std::string a = R"({"choice":"its-fine","node":"first-reply","t":"pick"})";
    const std::string b = R"({"choice":"gentle-opening-with-a-long-id","node":"first-reply","t":"pick"})";
    const auto pa = pad(a), pb = pad(b);
    REQUIRE(pa);
    REQUIRE(pb);
    CHECK(pa->size() == pb->size());
    CHECK(pa->size() == 257);
    CHECK(unpad(*pa) == a);
    CHECK(unpad(*pb) == b);
    const std::string scenario(100000, 'x');
    CHECK(pad(scenario)->size() == 1 + 2 * 65536);
    CHECK(unpad(*pad(scenario)) == scenario);
    Bytes bad = *pa;
    bad[0] = 7;
    CHECK_FALSE(unpad(bad));
    CHECK_FALSE(unpad(Bytes{0}));
    CHECK_FALSE(pad(std::string(kMaxFrame, 'x')));
}
