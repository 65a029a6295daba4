#include "net/Link.hpp"

#include <SFML/Network/SocketSelector.hpp>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <SFML/System/Clock.hpp>
#include <SFML/System/Sleep.hpp>
#include <chrono>
#include <fmt/format.h>
#include <sodium.h>

namespace attune::net {
namespace {

constexpr float kHandshakeSeconds = 10.f;
constexpr std::size_t kHandshakeFrame = limits::kHandshakeFrame;  ///< no pairing message is longer
const Bytes kAdJoin = bytes("join"), kAdHost = bytes("host");

Bytes cat(const Bytes& a, const Bytes& b) {
    Bytes out = a;
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

template <std::size_t N>
std::optional<std::array<std::uint8_t, N>> take(const Bytes& b, std::size_t at) {
    if (b.size() < at + N) return std::nullopt;
    std::array<std::uint8_t, N> out{};
    std::copy(b.begin() + static_cast<std::ptrdiff_t>(at), b.begin() + static_cast<std::ptrdiff_t>(at + N),
              out.begin());
    return out;
}

}  // namespace

std::optional<nlohmann::json> decodeMessage(const Bytes& plain, bool& padded) {
    const auto text = unpad(plain);
    padded = text.has_value();
    if (!text) return std::nullopt;
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("t") || !j["t"].is_string()) return std::nullopt;
    return j;
}

sf::Socket::Status Listener::open(unsigned short port) {
    close();
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return sf::Socket::Error;
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    addr.sin_port = htons(port);
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, SOMAXCONN) != 0) {
        ::close(fd);
        return sf::Socket::Error;
    }
    create(fd);  // SFML owns it from here: blocking mode, accept(), getLocalPort(), close()
    return sf::Socket::Done;
}

Link::~Link() { close(); }

void Link::close() {
    open_ = false;
    socket_.disconnect();  // first: a heartbeat blocked in send() returns with an error
    if (heartbeat_.joinable()) heartbeat_.join();
}

std::string Link::peer() const {
    return fmt::format("{}:{}", socket_.getRemoteAddress().toString(), socket_.getRemotePort());
}

bool Link::sendRaw(const Bytes& payload) {
    const Bytes f = frame(payload);
    std::size_t done = 0;
    while (done < f.size()) {
        std::size_t sent = 0;
        const auto st = socket_.send(f.data() + done, f.size() - done, sent);
        done += sent;
        if (st == sf::Socket::Disconnected || st == sf::Socket::Error) return false;
    }
    return true;
}

namespace {
long long nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
}  // namespace

std::optional<Bytes> Link::receiveRaw(float seconds, std::string& error) {
    sf::Clock clock;
    listening_ = true;
    struct Done {
        std::atomic<bool>& flag;
        ~Done() { flag = false; }
    } done{listening_};
    while (true) {
        if (auto f = reader_.next()) {
            silent_ = 0;
            return f;
        }
        if (reader_.failed()) {
            error = reader_.error();
            return std::nullopt;
        }
        const float left = seconds - clock.getElapsedTime().asSeconds();
        if (left <= 0) return std::nullopt;
        if (stop_ && stop_()) {
            error = "stopped";
            return std::nullopt;
        }
        sf::SocketSelector sel;
        sel.add(socket_);
        const float slice = std::min(left, 0.5f);
        if (!sel.wait(sf::seconds(slice))) {
            silent_ += slice;
            if (silent_ >= kSilenceLimit) {
                error = fmt::format("nothing heard from {} for {:g} seconds", peer(), kSilenceLimit);
                return std::nullopt;
            }
            continue;
        }
        std::uint8_t buf[4096];
        std::size_t got = 0;
        const auto st = socket_.receive(buf, sizeof buf, got);
        if (st == sf::Socket::Disconnected || st == sf::Socket::Error) {
            error = "the other machine closed the connection";
            return std::nullopt;
        }
        silent_ = 0;
        lastHeardMs_ = nowMs();
        reader_.feed(buf, got);
    }
}

std::unique_ptr<Link> Link::accept(sf::TcpListener& listener, const std::string& code, std::string& error,
                                   bool* wrongCode, const std::function<bool()>& stop) {
    if (wrongCode) *wrongCode = false;
    std::unique_ptr<Link> l(new Link());
    l->stop_ = stop;
    l->reader_.setLimit(kHandshakeFrame);  // nobody unpaired may make the host hold a large frame
    if (listener.accept(l->socket_) != sf::Socket::Done) {
        error = "could not accept a connection";
        return nullptr;
    }
    // 1. The protocol and a fresh session id, in the clear.
    Bytes sid(16);
    randombytes_buf(sid.data(), sid.size());
    if (!l->sendRaw(cat(bytes(kProtocol), sid))) {
        error = fmt::format("{} went away during pairing", l->peer());
        return nullptr;
    }
    Pairing host(Pairing::Side::Responder, code, sid, kAdHost);
    // 2. The joiner's share.
    const auto ya = l->receiveRaw(kHandshakeSeconds, error);
    const auto share = ya ? take<32>(*ya, 0) : std::nullopt;
    if (!share || ya->size() != 32) {
        if (error.empty()) error = fmt::format("{} did not pair (no share, or one of the wrong size)", l->peer());
        return nullptr;
    }
    auto isk = host.finish(*share, kAdJoin);
    if (!isk) {
        error = fmt::format("{} sent a share that is not a valid group element", l->peer());
        return nullptr;
    }
    l->channel_ = std::make_unique<Channel>(*isk, Channel::Side::Host);
    sodium_memzero(isk->data(), isk->size());
    // 3. The host's share and stream header.
    if (!l->sendRaw(cat(Bytes(host.share().begin(), host.share().end()), l->channel_->header()))) {
        error = fmt::format("{} went away during pairing", l->peer());
        return nullptr;
    }
    // 4. The joiner's header and a sealed greeting: it opens only if both used the same code.
    const auto confirm = l->receiveRaw(kHandshakeSeconds, error);
    const std::size_t hb = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
    if (!confirm || confirm->size() < hb || !l->channel_->accept(Bytes(confirm->begin(), confirm->begin() + hb))) {
        if (error.empty()) error = fmt::format("{} did not finish pairing", l->peer());
        return nullptr;
    }
    const auto hello = l->channel_->open(Bytes(confirm->begin() + hb, confirm->end()));
    if (!hello || *hello != bytes("hello host")) {
        error = fmt::format("{} gave the wrong pairing code", l->peer());
        if (wrongCode) *wrongCode = true;
        return nullptr;
    }
    if (!l->sendRaw(l->channel_->seal(bytes("hello joiner")))) {
        error = fmt::format("{} went away during pairing", l->peer());
        return nullptr;
    }
    l->reader_.setLimit(kMaxFrame);  // bytes already read (the next message, perhaps) are kept
    l->stop_ = {};                   // paired: whoever waited for the pairing may be gone by now
    l->startHeartbeat();
    return l;
}

std::unique_ptr<Link> Link::connect(const std::string& address, unsigned short port, const std::string& code,
                                    float retrySeconds, std::string& error, const std::function<bool()>& stop) {
    std::unique_ptr<Link> l(new Link());
    l->stop_ = stop;
    l->reader_.setLimit(kHandshakeFrame);
    const sf::IpAddress ip(address);
    if (ip == sf::IpAddress::None) {
        error = fmt::format("'{}' is not an address this machine can find", address);
        return nullptr;
    }
    sf::Clock clock;
    while (l->socket_.connect(ip, port, sf::seconds(1)) != sf::Socket::Done) {
        if (stop && stop()) {
            error = "stopped";
            return nullptr;
        }
        if (clock.getElapsedTime().asSeconds() >= retrySeconds) {
            error = fmt::format("nobody is hosting at {}:{} (is attune host running there, and the port open?)",
                                address, port);
            return nullptr;
        }
        sf::sleep(sf::milliseconds(200));
    }
    const auto hello = l->receiveRaw(kHandshakeSeconds, error);
    const Bytes proto = bytes(kProtocol);
    if (!hello || hello->size() != proto.size() + 16 || !std::equal(proto.begin(), proto.end(), hello->begin())) {
        if (error.empty()) error = fmt::format("{}:{} does not speak {}", address, port, kProtocol);
        return nullptr;
    }
    const Bytes sid(hello->begin() + static_cast<std::ptrdiff_t>(proto.size()), hello->end());
    Pairing join(Pairing::Side::Initiator, code, sid, kAdJoin);
    if (!l->sendRaw(Bytes(join.share().begin(), join.share().end()))) {
        error = "the host went away during pairing";
        return nullptr;
    }
    const auto reply = l->receiveRaw(kHandshakeSeconds, error);
    const std::size_t hb = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
    const auto share = reply ? take<32>(*reply, 0) : std::nullopt;
    if (!share || reply->size() != 32 + hb) {
        if (error.empty()) error = "the host did not pair";
        return nullptr;
    }
    auto isk = join.finish(*share, kAdHost);
    if (!isk) {
        error = "the host sent a share that is not a valid group element";
        return nullptr;
    }
    l->channel_ = std::make_unique<Channel>(*isk, Channel::Side::Joiner);
    sodium_memzero(isk->data(), isk->size());
    if (!l->channel_->accept(Bytes(reply->begin() + 32, reply->end()))) {
        error = "the host's stream header is malformed";
        return nullptr;
    }
    if (!l->sendRaw(cat(l->channel_->header(), l->channel_->seal(bytes("hello host"))))) {
        error = "the host went away during pairing";
        return nullptr;
    }
    std::string lost;
    const auto welcome = l->receiveRaw(kHandshakeSeconds, lost);
    const auto opened = welcome ? l->channel_->open(*welcome) : std::nullopt;
    if (!opened || *opened != bytes("hello joiner")) {
        // The host closes without a word when the code is wrong; anything else is another failure.
        error = !welcome && lost == "the other machine closed the connection"
                    ? "the host refused the pairing code (check the code it shows)"
                : welcome
                    ? "the host's greeting did not open (check the code it shows)"
                    : fmt::format("the host stopped answering during pairing ({})", lost.empty() ? "timed out" : lost);
        return nullptr;
    }
    l->reader_.setLimit(kMaxFrame);  // bytes already read (the next message, perhaps) are kept
    l->stop_ = {};                   // paired: whoever waited for the pairing may be gone by now
    l->startHeartbeat();
    return l;
}

void Link::startHeartbeat() {
    open_ = true;
    lastHeardMs_ = nowMs();
    heartbeat_ = std::thread([this] {
        int ticks = 0;
        const auto gone = [this] {
            if (open_ && onSilence_ && !listening_) onSilence_();  // a listener finds out for itself
        };
        while (open_) {
            sf::sleep(sf::milliseconds(100));
            if (++ticks % 40 != 0) continue;  // every four seconds
            std::string ignored;
            if (!send({{"t", "ping"}}, ignored)) return gone();
            // Nobody here is listening (this side's person is choosing): the peer's own
            // heartbeats wait unread in the socket, so silence means nothing has arrived at all.
            if (!listening_ && nowMs() - lastHeardMs_ > static_cast<long long>(kSilenceLimit * 1000)) {
                sf::SocketSelector sel;
                sel.add(socket_);
                if (!sel.wait(sf::milliseconds(1))) return gone();
                lastHeardMs_ = nowMs();  // something is waiting to be read: the peer is there
            }
        }
    });
}

bool Link::send(const nlohmann::json& message, std::string& error) {
    std::lock_guard<std::mutex> lock(sendMutex_);
    if (!channel_) {
        error = "not paired";
        return false;
    }
    // Invalid UTF-8 in a string is replaced rather than thrown on.
    const std::string text = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    const auto plain = pad(text);
    if (!plain || plain->size() + crypto_secretstream_xchacha20poly1305_ABYTES > kMaxFrame) {
        error = fmt::format("a message of {} bytes is over the limit of {} bytes", text.size(), limits::kMaxMessage);
        return false;
    }
    if (!sendRaw(channel_->seal(*plain))) {
        error = "the other machine closed the connection";
        return false;
    }
    return true;
}

std::optional<nlohmann::json> Link::receive(float seconds, std::string& error) {
    sf::Clock clock;
    while (true) {
        const float left = seconds - clock.getElapsedTime().asSeconds();
        if (left <= 0) return std::nullopt;
        const auto raw = receiveRaw(left, error);
        if (!raw) return std::nullopt;
        auto plain = channel_->open(*raw);
        if (!plain) {
            error = fmt::format("a message from {} did not open (changed on the way, or out of order)", peer());
            return std::nullopt;
        }
        bool padded = false;
        auto j = decodeMessage(*plain, padded);
        if (!j) {
            error = padded ? fmt::format("{} sent a message Attune does not understand", peer())
                           : fmt::format("{} sent a message that is not padded as Attune pads", peer());
            return std::nullopt;
        }
        if ((*j)["t"] == "ping") continue;
        return j;
    }
}

}  // namespace attune::net
