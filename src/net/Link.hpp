#pragma once
/// One connection between two machines over TCP (SFML's network module), paired with
/// the host's code and encrypted from the first message on. Messages are JSON objects
/// in sealed, length-prefixed frames, padded to whole blocks. A heartbeat goes every few
/// seconds while the link is open, so the side that waits notices a dead peer (the side
/// whose person is choosing notices when it next listens).
#include "net/Channel.hpp"

#include <SFML/Network/TcpListener.hpp>
#include <SFML/Network/TcpSocket.hpp>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

namespace attune::net {

/// A TCP listener that can listen again on a port at once: its socket is made with
/// SO_REUSEADDR (SFML 2.5's own listener is not), so a host started again right after a
/// game, while the last connection's port is still in TIME_WAIT, still listens.
class Listener : public sf::TcpListener {
public:
    /// Listens on `port` on every interface (0: a port the system picks).
    sf::Socket::Status open(unsigned short port);
};

/// One message as it opens (after Channel::open): unpadded and read as JSON. Nothing when
/// the padding is not Attune's (`padded` false) or the text is not a JSON object whose "t"
/// is a string (`padded` true). No socket: the protocol's fuzzer reads messages with it too.
std::optional<nlohmann::json> decodeMessage(const Bytes& plain, bool& padded);

constexpr const char* kProtocol = "ATTUNE/1";  ///< the first bytes the host sends
constexpr float kSilenceLimit = 20.f;          ///< seconds without a byte before the peer counts as gone

class Link {
public:
    /// Host: takes the next connection on `listener` and pairs with `code`. Nothing, with
    /// `error`, when the joiner used another code or spoke something else.
    /// `wrongCode` is set when the peer paired with another code.
    static std::unique_ptr<Link> accept(sf::TcpListener& listener, const std::string& code, std::string& error,
                                        bool* wrongCode = nullptr, const std::function<bool()>& stop = {});
    /// Joiner: connects (retrying for `retrySeconds` while nobody listens, unless `stop` says
    /// to give up) and pairs.
    static std::unique_ptr<Link> connect(const std::string& address, unsigned short port, const std::string& code,
                                         float retrySeconds, std::string& error,
                                         const std::function<bool()>& stop = {});
    ~Link();
    Link(const Link&) = delete;
    Link& operator=(const Link&) = delete;

    /// Seals and sends one message; false with `error` when the connection is gone.
    bool send(const nlohmann::json& message, std::string& error);
    /// The next message that is not a heartbeat, waiting at most `seconds`. Nothing with
    /// `error` empty on a timeout; nothing with `error` set when the link failed (closed,
    /// silent too long, a message that does not open or is not JSON).
    std::optional<nlohmann::json> receive(float seconds, std::string& error);
    /// "127.0.0.1:50123"
    std::string peer() const;
    /// Called once, from the heartbeat's thread, when the peer stops answering while nobody
    /// is listening for it here (its person is choosing, say): a heartbeat cannot be sent,
    /// or nothing has come for the silence limit. Set before the link is used.
    void onSilence(std::function<void()> f) { onSilence_ = std::move(f); }

    void close();

private:
    Link() = default;
    bool sendRaw(const Bytes& payload);
    std::optional<Bytes> receiveRaw(float seconds, std::string& error);
    void startHeartbeat();

    sf::TcpSocket socket_;
    FrameReader reader_;
    std::unique_ptr<Channel> channel_;
    std::mutex sendMutex_;
    std::thread heartbeat_;
    std::atomic<bool> open_{false};
    std::atomic<bool> listening_{false};  ///< the main thread is in receiveRaw()
    std::atomic<long long> lastHeardMs_{0};
    std::function<void()> onSilence_;
    std::function<bool()> stop_;  ///< pairing: looked at every half second, so a Cancel is heard
    float silent_ = 0;
};

}  // namespace attune::net
