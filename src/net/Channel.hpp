#pragma once
/// After pairing: every message encrypted and authenticated, in order, with
/// libsodium's secretstream (XChaCha20-Poly1305), one stream each way, keyed from the
/// pairing's session key. A changed, dropped, replayed or reordered message fails to
/// open; so does every message when the two sides used different codes.
#include "core/util/Limits.hpp"
#include "net/Pake.hpp"

#include <memory>
#include <optional>

namespace attune::net {

/// Length-prefixed frames: four bytes of big-endian length, then the payload.
constexpr std::size_t kMaxFrame = limits::kMaxFrame;  ///< 1 MiB: a scenario is capped below it (core/util/Limits.hpp)
Bytes frame(const Bytes& payload);

/// Collects bytes as they arrive and hands out whole frames. A length over the limit
/// is an error at once, before any of its payload is read.
class FrameReader {
public:
    explicit FrameReader(std::size_t max = kMaxFrame) : max_(max) {}
    /// A new limit for the frames still to come (bytes already held are kept).
    void setLimit(std::size_t max) { max_ = max; }
    void feed(const std::uint8_t* data, std::size_t n);
    /// The next whole frame, if one has arrived.
    std::optional<Bytes> next();
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }
    /// Bytes held for a frame not yet complete.
    std::size_t pending() const { return buf_.size(); }

private:
    std::size_t max_;
    Bytes buf_;
    std::string error_;
};

/// A message padded to a whole block before sealing, so its length does not say what it
/// carries: 256-byte blocks below 4,000 bytes, 64 KiB blocks above (a scenario). The
/// first byte names the block size. Nothing when it would not fit a frame.
std::optional<Bytes> pad(const std::string& text);
/// The text back; nothing when the padding is not Attune's.
std::optional<std::string> unpad(const Bytes& padded);

class Channel {
public:
    enum class Side { Host, Joiner };
    Channel(const Key& isk, Side side);
    ~Channel();
    Channel(const Channel&) = delete;
    Channel& operator=(const Channel&) = delete;

    /// The header of this side's outgoing stream: send it once, first.
    const Bytes& header() const { return header_; }
    /// Takes the peer's header; false when it is malformed.
    bool accept(const Bytes& peerHeader);
    /// Encrypts one message (after accept()).
    Bytes seal(const Bytes& plain);
    /// Decrypts the peer's next message; nothing when it was changed, replayed, reordered,
    /// sealed with another key, or the stream has ended.
    std::optional<Bytes> open(const Bytes& sealed);

private:
    struct State;
    std::unique_ptr<State> s_;
    Bytes header_;
    bool accepted_ = false;
};

}  // namespace attune::net
