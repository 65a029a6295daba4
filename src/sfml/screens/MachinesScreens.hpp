#pragma once
/// Two machines in the window: hosting (a short form, then the pairing code and this
/// machine's addresses while it waits for the other machine), joining (the host's address
/// and the code), and a notice laid over the story (a dropped connection being taken up
/// again, or the end of the game with the other machine). The protocol is net::Game's;
/// these screens only draw and forward input.
#include "core/run/Script.hpp"
#include "net/Game.hpp"
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Button.hpp"
#include "sfml/widgets/Field.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <SFML/Graphics/RectangleShape.hpp>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace attune::ui {

/// Everything a play screen needs to play on two machines.
struct NetSeat {
    std::shared_ptr<const Scenario> scenario;
    std::optional<std::vector<Pick>> script;  ///< nobody at the screen: these picks (see PlayScreen::playNet)
    std::optional<Playthrough> run;           ///< at the start, or restored from the host's story
    std::string localRole;                    ///< the role this machine's person plays
    bool host = false;
    std::unique_ptr<net::Link> link;
    net::Game::Rejoin rejoin;
};

/// Hosting a scenario: your name, the role you play and pass or mirror; then the pairing
/// code in large type, the addresses to type on the other machine, and what is happening
/// while it waits. Keyboard: Tab moves between the fields, ← → change a choice, Enter starts,
/// Esc goes back (or cancels the hosting).
class HostScreen : public Screen {
public:
    struct Preset {
        std::string name, role, code;
        TogetherMode mode = TogetherMode::Pass;
        int port = net::kDefaultPort;
        bool start = false;                       ///< start hosting at once
        std::optional<std::vector<Pick>> script;  ///< nobody at the screen: the host's person's picks
    };
    HostScreen(Context& ctx, const Scenario& s, std::filesystem::path file, Preset preset);
    ~HostScreen() override;
    const char* name() const override { return "host"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void update(float dt) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;
    bool animating() const override { return hosting_; }

    /// Opens the port and waits for the other machine; on a problem, says it on the form.
    void start();
    void cancel();
    bool hosting() const { return hosting_; }
    const std::string& code() const { return code_; }
    const std::string& error() const { return error_; }
    /// Every word on the screen.
    std::string shownText() const;

private:
    struct Shared;
    void back();
    std::vector<Button*> buttons();

    const Scenario& sc_;
    std::filesystem::path file_;
    Field name_;
    std::optional<std::vector<Pick>> script_;
    bool swapped_ = false;
    TogetherMode mode_;
    int port_;
    int field_ = 0;  ///< 0 the name, 1 the role, 2 the mode
    bool hosting_ = false;
    std::string code_, error_, status_;
    std::vector<std::string> addresses_;
    std::shared_ptr<Shared> shared_;
    std::shared_ptr<const Scenario> offered_;  ///< the scenario as read for the offer
    std::thread thread_;
    float clock_ = 0;
    TextBlock title_, intro_, roleLabel_, modeLabel_, modeNote_, errorText_, keys_;
    TextBlock codeLabel_, codeText_, whereLabel_, whereText_, statusText_, noteText_;
    Button roleBtn_[2], modeBtn_[2], startBtn_, backBtn_;
};

/// Joining: the host's address (HOST or HOST:PORT), the pairing code and your name; then
/// "Connecting…" until the scenario has come and been checked, and the story opens.
class JoinScreen : public Screen {
public:
    struct Preset {
        std::string address, code, name;
        bool start = false;                       ///< join at once
        std::optional<std::vector<Pick>> script;  ///< nobody at the screen: this person's picks
    };
    JoinScreen(Context& ctx, Preset preset);
    ~JoinScreen() override;
    const char* name() const override { return "join"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void update(float dt) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;
    bool animating() const override { return connecting_; }
    bool busy() const override { return connecting_; }

    void setField(int i, std::string value);
    void start();
    void cancel();
    bool connecting() const { return connecting_; }
    const std::string& error() const { return error_; }
    std::string shownText() const;

private:
    struct Shared;
    std::vector<Button*> buttons();

    Field fields_[3];  ///< the address, the code, the name
    std::optional<std::vector<Pick>> script_;
    int field_ = 0;
    bool connecting_ = false;
    std::string error_, target_;
    net::JoinSide side_;  ///< as started: the way back after a drop uses it too
    std::vector<std::string> diagnostics_;
    std::shared_ptr<Shared> shared_;
    std::thread thread_;
    float clock_ = 0;
    TextBlock title_, intro_, statusText_, errorText_, keys_;
    Button joinBtn_, backBtn_;
};

/// A notice laid over the story, with one button: the connection dropped and is being
/// taken up again (it goes by itself once `over()` says so), or the game with the other
/// machine has ended.
class NoticeScreen : public Screen {
public:
    NoticeScreen(Context& ctx, std::string title, std::string line, std::string button, std::function<void()> onButton,
                 std::function<bool()> over = {});
    const char* name() const override { return "notice"; }
    bool opaque() const override { return false; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void update(float dt) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;
    std::string shownText() const;
    void press();

private:
    std::string titleText_, lineText_;
    std::function<void()> onButton_;
    std::function<bool()> over_;
    bool done_ = false;
    sf::RectangleShape dim_;
    sf::ConvexShape panel_;
    sf::FloatRect panelRect_;
    TextBlock title_, line_;
    Button button_;
};

}  // namespace attune::ui
