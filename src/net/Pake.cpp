#include "net/Pake.hpp"

#include <sodium.h>
#include <stdexcept>
#include <string>

namespace attune::net {
namespace {

void sodium() {
    static const int ok = sodium_init();
    if (ok < 0) throw std::runtime_error("libsodium could not be initialised");
}

void append(Bytes& out, const Bytes& b) { out.insert(out.end(), b.begin(), b.end()); }

const Bytes& dsi() {
    static const Bytes d = bytes("CPaceRistretto255");
    return d;
}

const Bytes& dsiIsk() {
    static const Bytes d = bytes("CPaceRistretto255_ISK");
    return d;
}

Bytes lv(const Point& p) { return prependLen(Bytes(p.begin(), p.end())); }

}  // namespace

Bytes bytes(std::string_view s) { return Bytes(s.begin(), s.end()); }

Bytes prependLen(const Bytes& b) {
    Bytes out;
    std::size_t n = b.size();
    do {
        std::uint8_t byte = n & 0x7f;
        n >>= 7;
        if (n) byte |= 0x80;
        out.push_back(byte);
    } while (n);
    append(out, b);
    return out;
}

namespace cpace {

Bytes generatorString(const Bytes& d, const Bytes& prs, const Bytes& ci, const Bytes& sid, std::size_t sInBytes) {
    const Bytes lprs = prependLen(prs), ldsi = prependLen(d);
    const std::size_t used = lprs.size() + ldsi.size() + 1;
    const Bytes zpad(used < sInBytes ? sInBytes - used : 0, 0);
    Bytes out = ldsi;
    append(out, lprs);
    append(out, prependLen(zpad));
    append(out, prependLen(ci));
    append(out, prependLen(sid));
    return out;
}

Point generator(const Bytes& prs, const Bytes& ci, const Bytes& sid) {
    sodium();
    const Bytes s = generatorString(dsi(), prs, ci, sid);
    std::array<std::uint8_t, crypto_hash_sha512_BYTES> h{};
    crypto_hash_sha512(h.data(), s.data(), s.size());
    Point g{};
    crypto_core_ristretto255_from_hash(g.data(), h.data());
    return g;
}

std::optional<Point> scalarMult(const Scalar& y, const Point& p) {
    sodium();
    Point out{};
    // libsodium refuses an invalid encoding and an identity result: the draft's scalar_mult_vfy.
    if (crypto_scalarmult_ristretto255(out.data(), y.data(), p.data()) != 0) return std::nullopt;
    return out;
}

Key iskInitiatorResponder(const Bytes& sid, const Point& k, const Point& ya, const Bytes& adA, const Point& yb,
                          const Bytes& adB) {
    sodium();
    Bytes in = prependLen(dsiIsk());
    append(in, prependLen(sid));
    append(in, lv(k));
    append(in, lv(ya));
    append(in, prependLen(adA));
    append(in, lv(yb));
    append(in, prependLen(adB));
    Key isk{};
    crypto_hash_sha512(isk.data(), in.data(), in.size());
    sodium_memzero(in.data(), in.size());
    return isk;
}

}  // namespace cpace

Pairing::Pairing(Side side, std::string_view code, Bytes sid, Bytes ad)
    : side_(side), sid_(std::move(sid)), ad_(std::move(ad)) {
    sodium();
    crypto_core_ristretto255_scalar_random(y_.data());
    const Point g = cpace::generator(bytes(code), channelId(), sid_);
    y_pub_ = *cpace::scalarMult(y_, g);  // a random non-zero scalar times a generator is never the identity
}

Pairing::Pairing(Side side, std::string_view code, Bytes sid, Bytes ad, const Scalar& y)
    : side_(side), sid_(std::move(sid)), ad_(std::move(ad)), y_(y) {
    sodium();
    const Point g = cpace::generator(bytes(code), channelId(), sid_);
    if (auto p = cpace::scalarMult(y_, g)) y_pub_ = *p;
}

Pairing::~Pairing() { sodium_memzero(y_.data(), y_.size()); }

std::optional<Key> Pairing::finish(const Point& peer, const Bytes& peerAd) const {
    const auto k = cpace::scalarMult(y_, peer);
    if (!k) return std::nullopt;
    if (side_ == Side::Initiator) return cpace::iskInitiatorResponder(sid_, *k, y_pub_, ad_, peer, peerAd);
    return cpace::iskInitiatorResponder(sid_, *k, peer, peerAd, y_pub_, ad_);
}

const Bytes& channelId() {
    static const Bytes ci = [] {
        Bytes c = prependLen(bytes("attune-join"));
        append(c, prependLen(bytes("attune-host")));
        return c;
    }();
    return ci;
}

std::string randomCode() {
    sodium();
    return std::to_string(100000 + randombytes_uniform(900000));
}

}  // namespace attune::net
