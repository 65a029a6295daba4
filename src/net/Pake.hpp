#pragma once
/// Pairing two machines with a short code: CPace, the balanced PAKE of
/// draft-irtf-cfrg-cpace, with the group ristretto255 and SHA-512 (libsodium's
/// primitives). The code is the only secret. A passive listener learns nothing; an
/// active attacker gets one guess per connection and cannot test guesses offline.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace attune::net {

using Bytes = std::vector<std::uint8_t>;
using Point = std::array<std::uint8_t, 32>;   ///< an encoded ristretto255 element
using Scalar = std::array<std::uint8_t, 32>;  ///< little endian, reduced
using Key = std::array<std::uint8_t, 64>;     ///< the intermediate session key (ISK)

Bytes bytes(std::string_view s);
/// The length as LEB128, then the bytes (the draft's prepend_len).
Bytes prependLen(const Bytes& b);

namespace cpace {

/// The draft's generator_string(DSI, PRS, CI, sid, s_in_bytes): DSI, the password, zero
/// padding to fill the hash block, the channel identifier and the session id, each
/// length-prefixed.
Bytes generatorString(const Bytes& dsi, const Bytes& prs, const Bytes& ci, const Bytes& sid,
                      std::size_t sInBytes = 128);
/// The password's generator: SHA-512 of the generator string, mapped to the group.
Point generator(const Bytes& prs, const Bytes& ci, const Bytes& sid);
/// y * P; nothing when P is not a valid element or the result is the identity.
std::optional<Point> scalarMult(const Scalar& y, const Point& p);
/// The key for the initiator-responder ordering: SHA-512 of lv_cat(DSI_ISK, sid, K)
/// followed by the transcript lv_cat(Ya, ADa) || lv_cat(Yb, ADb).
Key iskInitiatorResponder(const Bytes& sid, const Point& k, const Point& ya, const Bytes& adA, const Point& yb,
                          const Bytes& adB);

}  // namespace cpace

/// One side of a pairing. The initiator (the joiner) and the responder (the host)
/// each make a share from the code; each takes the other's; both get the same key
/// only when both used the same code (and nobody changed the shares in between).
class Pairing {
public:
    enum class Side { Initiator, Responder };
    /// A fresh random scalar. `sid` is the session id both sides agreed (the host's,
    /// sent in the clear), `ad` this side's associated data.
    Pairing(Side side, std::string_view code, Bytes sid, Bytes ad);
    /// With a given scalar (the draft's test vectors).
    Pairing(Side side, std::string_view code, Bytes sid, Bytes ad, const Scalar& y);
    ~Pairing();
    Pairing(const Pairing&) = delete;
    Pairing& operator=(const Pairing&) = delete;

    /// This side's share, to send.
    const Point& share() const { return y_pub_; }
    /// The session key from the peer's share and associated data; nothing when the
    /// share is not a valid element.
    std::optional<Key> finish(const Point& peer, const Bytes& peerAd) const;

private:
    Side side_;
    Bytes sid_, ad_;
    Scalar y_{};
    Point y_pub_{};
};

/// The channel identifier of Attune's pairing (the same on both sides).
const Bytes& channelId();

/// A random pairing code of six digits.
std::string randomCode();

}  // namespace attune::net
