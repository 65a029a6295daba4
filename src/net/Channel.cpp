#include "net/Channel.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sodium.h>
#include <stdexcept>

namespace attune::net {

Bytes frame(const Bytes& payload) {
    if (payload.size() > kMaxFrame) throw std::length_error("frame over the limit");
    const auto n = static_cast<std::uint32_t>(payload.size());
    Bytes out(4 + payload.size());
    for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(n >> (24 - 8 * i));
    std::copy(payload.begin(), payload.end(), out.begin() + 4);
    return out;
}

void FrameReader::feed(const std::uint8_t* data, std::size_t n) {
    if (failed()) return;
    buf_.insert(buf_.end(), data, data + n);
}

std::optional<Bytes> FrameReader::next() {
    if (failed() || buf_.size() < 4) return std::nullopt;
    const std::size_t n =
        (std::size_t{buf_[0]} << 24) | (std::size_t{buf_[1]} << 16) | (std::size_t{buf_[2]} << 8) | buf_[3];
    if (n > max_) {
        error_ = fmt::format("a message of {} bytes is over the limit of {} bytes", n, max_);
        buf_.clear();
        return std::nullopt;
    }
    if (buf_.size() < 4 + n) return std::nullopt;
    Bytes out(buf_.begin() + 4, buf_.begin() + 4 + static_cast<std::ptrdiff_t>(n));
    buf_.erase(buf_.begin(), buf_.begin() + 4 + static_cast<std::ptrdiff_t>(n));
    return out;
}

std::optional<Bytes> pad(const std::string& text) {
    const std::uint8_t cls = text.size() < 4000 ? 0 : 1;
    const std::size_t block = cls == 0 ? 256 : 65536;
    // Over limits::kMaxMessage (the block size byte, at least one byte of padding, whole blocks).
    if (text.size() + block + 1 > kMaxFrame) return std::nullopt;
    Bytes out(1 + text.size() + block);
    out[0] = cls;
    std::copy(text.begin(), text.end(), out.begin() + 1);
    std::size_t padded = 0;
    if (sodium_pad(&padded, out.data() + 1, text.size(), block, out.size() - 1) != 0) return std::nullopt;
    out.resize(1 + padded);
    return out;
}

std::optional<std::string> unpad(const Bytes& p) {
    if (p.size() < 2 || p[0] > 1) return std::nullopt;
    std::size_t n = 0;
    if (sodium_unpad(&n, p.data() + 1, p.size() - 1, p[0] == 0 ? 256 : 65536) != 0) return std::nullopt;
    return std::string(p.begin() + 1, p.begin() + 1 + static_cast<std::ptrdiff_t>(n));
}

struct Channel::State {
    crypto_secretstream_xchacha20poly1305_state push{}, pull{};
    std::array<std::uint8_t, crypto_secretstream_xchacha20poly1305_KEYBYTES> sendKey{}, receiveKey{};
    ~State() {
        sodium_memzero(&push, sizeof push);
        sodium_memzero(&pull, sizeof pull);
        sodium_memzero(sendKey.data(), sendKey.size());
        sodium_memzero(receiveKey.data(), receiveKey.size());
    }
};

namespace {
/// A key for one direction: BLAKE2b keyed with the session key, over the direction's name.
void directionKey(std::uint8_t* out, const Key& isk, std::string_view label) {
    crypto_generichash(out, crypto_secretstream_xchacha20poly1305_KEYBYTES,
                       reinterpret_cast<const unsigned char*>(label.data()), label.size(), isk.data(), isk.size());
}
}  // namespace

Channel::Channel(const Key& isk, Side side) : s_(std::make_unique<State>()) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    const bool host = side == Side::Host;
    directionKey(s_->sendKey.data(), isk, host ? "attune host to joiner" : "attune joiner to host");
    directionKey(s_->receiveKey.data(), isk, host ? "attune joiner to host" : "attune host to joiner");
    header_.resize(crypto_secretstream_xchacha20poly1305_HEADERBYTES);
    crypto_secretstream_xchacha20poly1305_init_push(&s_->push, header_.data(), s_->sendKey.data());
}

Channel::~Channel() = default;

bool Channel::accept(const Bytes& peerHeader) {
    if (accepted_ || peerHeader.size() != crypto_secretstream_xchacha20poly1305_HEADERBYTES) return false;
    accepted_ =
        crypto_secretstream_xchacha20poly1305_init_pull(&s_->pull, peerHeader.data(), s_->receiveKey.data()) == 0;
    return accepted_;
}

Bytes Channel::seal(const Bytes& plain) {
    Bytes out(plain.size() + crypto_secretstream_xchacha20poly1305_ABYTES);
    unsigned long long len = 0;
    crypto_secretstream_xchacha20poly1305_push(&s_->push, out.data(), &len, plain.data(), plain.size(), nullptr, 0,
                                               crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    out.resize(static_cast<std::size_t>(len));
    return out;
}

std::optional<Bytes> Channel::open(const Bytes& sealed) {
    if (!accepted_ || sealed.size() < crypto_secretstream_xchacha20poly1305_ABYTES) return std::nullopt;
    Bytes out(sealed.size() - crypto_secretstream_xchacha20poly1305_ABYTES);
    unsigned long long len = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&s_->pull, out.data(), &len, &tag, sealed.data(), sealed.size(),
                                                   nullptr, 0) != 0)
        return std::nullopt;
    out.resize(static_cast<std::size_t>(len));
    return out;
}

}  // namespace attune::net
