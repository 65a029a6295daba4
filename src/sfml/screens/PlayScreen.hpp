#pragma once
/// The play screen: who speaks and what they say, the felt sense in the body,
/// the choices as large buttons, and each person's window-of-tolerance gauge.
/// Keeps a rewind point at every choice a person made.
#include "core/journal/Journal.hpp"
#include "core/run/Playthrough.hpp"
#include "core/run/Session.hpp"
#include "sfml/Screen.hpp"
#include "sfml/widgets/Button.hpp"
#include "sfml/widgets/Gauge.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <set>

namespace attune::net {
class Game;
}

namespace attune::ui {

struct NetSeat;

class PlayScreen : public Screen {
public:
    /// `played` as for Session; or two people at a `table` (their roles are the ones played).
    PlayScreen(Context& ctx, const Scenario& s, std::set<std::string> played,
               std::optional<Table> table = std::nullopt);
    /// Two machines: this machine's person plays `seat.localRole`; the other machine's picks
    /// come through the link. No privacy screens, no rewinds.
    PlayScreen(Context& ctx, NetSeat seat);
    /// Taken up again from the journal: `resumed` was restored from row `journalId`, which
    /// goes on being kept.
    PlayScreen(Context& ctx, const Scenario& s, Playthrough resumed, long long journalId);
    /// Live reload (--watch): `run` carried over to a new version of its scenario (which it
    /// holds); `watching` names the file, and `note` says what the last save did. Not recorded.
    PlayScreen(Context& ctx, Playthrough run, std::string watching, std::string note);
    ~PlayScreen() override;
    const char* name() const override { return "play"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void update(float dt) override;
    void draw(sf::RenderTarget& target) const override;
    void resumed() override;
    void settle() override;
    bool animating() const override;
    std::vector<Box> boxes() const override;

    /// Waiting: two machines, a decision this machine's person has answered or does not make.
    enum class Mode { Line, Decision, PartnerMove, Waiting, Ending, Stuck };
    Mode mode() const;
    const Session& session() const { return session_; }
    const Playthrough& playthrough() const { return run_; }
    bool together() const { return played_.size() > 1; }
    /// Two people passing the device or mirroring (not one person playing both roles).
    bool couple() const { return run_.mode() != TogetherMode::Solo; }
    /// Each person at their own machine.
    bool twoMachines() const { return game_ != nullptr; }
    const net::Game* game() const { return game_.get(); }
    /// Two machines: the role this machine's person plays.
    const std::string& localRole() const { return localRole_; }

    /// Plays picks straight through, as the terminal player's --script does:
    /// lines advance, roles nobody plays take their defaults, and it stops at
    /// the next decision a person makes once the picks are used. False with `error` on a bad pick.
    bool playScript(const std::vector<Pick>& picks, std::string& error);
    /// Two machines, without a person at this screen (tests, screenshots): lines go on by
    /// themselves and `picks` are this person's, offered in turn; after the last, the story
    /// goes on up to this person's next decision. Cards and notes are not opened.
    void playNet(std::vector<Pick> picks);
    /// Why the scripted picks stopped fitting, if they did.
    const std::string& scriptError() const { return scriptError_; }
    /// The person takes the k-th choice shown (0-based).
    void choose(std::size_t k);
    /// Back to the library; mid-story, only after a second Esc or click.
    void leave();
    void stay();
    /// Continues past a line, a partner's move or the ending.
    void proceed();
    /// Back to the previous choice point, with the meters as they were. False when there is none.
    bool rewind();
    /// Back to the decision at history step `step`; takes `choice` there when >= 0.
    bool replayFrom(int step, int choice = -1);
    /// Starts the scenario again.
    void restart();
    bool canRewind() const { return run_.canRewind(); }
    /// True while a played role's arousal is above the window.
    bool breatheOffered() const;

    /// The coaching card for the last choice a person made.
    void openCoach();
    /// The coaching card for the decision at history step `step`.
    void openCoachFor(int step);
    void openHistory();
    /// Shows the note for a body that has just gone below the window, if one has; true when shown.
    /// Two people: the notes for whoever holds the device, or for the others.
    enum class Notes { All, Holder, Others, Mine };
    bool openStateNotes(Notes which = Notes::All);
    void openBreathe(const std::string& practice = "paced");
    /// "Take a breath" (B, offered when someone is above the window): the whole toolbox, its
    /// practices kept with this playthrough.
    void openToolbox();
    /// The check-in before the story (when it is this person's record and check-ins are on).
    void offerCheckinBefore();
    /// After the debrief, on the way out: the check-in and note once (when they are wanted),
    /// then `then`; otherwise `then` at once.
    void leaveDebrief(std::function<void()> then);
    void openDebrief();
    void openSettings();
    /// The story map (G): the graph, where the story stands, and play from any node. Offered
    /// while watching a file, or when nothing is recorded; never on two machines.
    void openGraph();
    bool mapOffered() const;
    /// Starts again and plays `picks` (choice keys) up to node `target`.
    bool playTo(const std::vector<std::string>& picks, int target);
    /// Two people: the privacy screen, when the device must change hands now.
    void openHandoff() { handOffIfNeeded(); }
    /// Mirror mode: the reveal of the last round (false when there is none).
    bool openReveal();

    /// For the UI tests.
    bool revealing() const;
    std::size_t selected() const { return selected_; }
    const std::vector<Button>& choiceButtons() const { return choices_; }
    const Gauge* gauge(std::string_view role) const;
    /// The scene drawn behind the story (the resolved file; empty for none) and whether the
    /// speaker's portrait is shown.
    std::string sceneShown() const;
    bool portraitShown() const { return portrait_ != nullptr; }
    /// The scene and its veil as one picture of the window's size, composed when the scene,
    /// the size or the theme changes (null when there is no scene, or no room for it on the
    /// graphics card: then the two are drawn each frame), and how often it has been composed.
    const sf::Texture* sceneLayer() const { return layerCurrent() ? &sceneLayer_.getTexture() : nullptr; }
    int sceneLayerComposed() const { return layerComposed_; }
    /// Live reload: the file watched and what the last save did (empty when not watching).
    const std::string& watchNote() const { return watchNote_; }
    /// How many times the line's text was laid out (once per change, never per frame).
    std::size_t lineLayouts() const { return line_.layouts(); }

private:
    void init(std::optional<long long> journalId = std::nullopt);
    /// Two machines: what the connection brings, and a decision both machines agree on.
    void pumpNet();
    void applyNet(int choice, int mirror);
    void noticeNet(const std::string& title, const std::string& line);
    /// The body line for the person at this screen.
    std::string bodyHere() const;
    void setContent();
    void layoutBar(float& y);
    void layoutSide(sf::FloatRect area);
    void layoutMain(const sf::FloatRect& area);
    void select(std::size_t k);
    void placeChoices();
    void completeReveal();
    void recordEnding();
    bool checkinsWanted() const;
    /// Keeps a practice taken in this story with its playthrough (nothing, unrecorded).
    std::function<void(const std::string&, int)> keepPractice();
    bool afterAsked_ = false;
    /// Two people: the device goes to whoever acts next, behind the privacy screen.
    void handOffIfNeeded();
    /// After the story moves: state notes and the hand-off, in the order each person should see them.
    void afterMove();
    bool handoffPending_ = false;
    std::vector<Button*> barButtons();
    std::vector<const Button*> barButtons() const;
    std::string roleName(const std::string& role) const;

    std::shared_ptr<const Scenario> held_;  ///< two machines: the scenario the host sent (or read for the offer)
    const Scenario& sc_;
    std::set<std::string> played_;
    Playthrough run_;                     ///< the one owner of the session: this screen draws and forwards input
    const Session& session_;              ///< run_'s, read only
    std::unique_ptr<Recorder> recorder_;  ///< keeps run_ in the journal as it happens
    std::unique_ptr<net::Game> game_;     ///< two machines: the protocol over run_
    std::string localRole_;
    bool netEnded_ = false;  ///< the game with the other machine has ended (said once)
    bool autoNet_ = false;   ///< playNet: nobody at this screen
    std::vector<Pick> netScript_;
    std::optional<std::pair<int, int>> netSettled_;  ///< settled while a card was in front: applied after
    std::size_t netNext_ = 0;
    std::string scriptError_;
    bool recorded_ = false;
    bool confirmLeave_ = false;  ///< the Library button is asking "Leave for now?"

    // Content (set when the session moves; laid out in layout()).
    std::vector<int> shown_;
    std::string speakerRole_;
    float reveal_ = 0;  ///< characters revealed so far
    std::size_t selected_ = 0;

    // Layout.
    TextBlock title_;
    bool titleShown_ = true;
    Button breatheBtn_, historyBtn_, rewindBtn_, settingsBtn_, libraryBtn_, mapBtn_;
    sf::FloatRect mainArea_;
    TextBlock speaker_, line_, body_, prompt_;
    sf::VertexArray bodyRule_{sf::Triangles};
    std::vector<Button> choices_;
    Scroll scroll_;
    float choicesTop_ = 0, choicesBottom_ = 0, choicesWidth_ = 0;
    TextBlock more_;
    sf::ConvexShape moveCard_;
    TextBlock moveWho_, moveText_;
    Button continueBtn_;
    // The side panel.
    sf::ConvexShape side_;
    sf::FloatRect sideRect_;
    TextBlock sideTitle_, sideHeading_, zonesNote_, betweenHeading_;
    std::vector<std::string> gaugeRoles_;
    std::vector<Gauge> gauges_;
    std::vector<int> otherMeters_;
    std::vector<TextBlock> meterLabels_, meterValues_;
    sf::VertexArray meterBars_{sf::Triangles};
    // Portraits and scenes: the scene set last on the way here (drawn dimmed behind
    // everything), and the speaker's portrait beside their name.
    const sf::Texture* scene_ = nullptr;
    sf::Sprite sceneSprite_;
    sf::RectangleShape sceneVeil_;
    // Under software GL the scaled scene and the veil over it cost two whole-window fills a
    // frame; composed once, they are one opaque copy.
    sf::RenderTexture sceneLayer_;
    sf::Sprite layerSprite_;
    bool layerValid_ = false;
    int layerComposed_ = 0;
    const sf::Texture* layerOf_ = nullptr;
    sf::Vector2f layerSize_;
    sf::Color layerBackground_, layerVeil_;
    void composeScene();
    /// The composed layer is the scene shown now (the content may have moved on since layout).
    bool layerCurrent() const { return scene_ && layerValid_ && layerOf_ == scene_; }
    const sf::Texture* portrait_ = nullptr;
    bool promptPortrait_ = false;  ///< the chooser's, by the question (nobody speaks at this decision)
    sf::CircleShape portraitCircle_;
    void placePortrait(float diameter, sf::Vector2f at, const std::string& role);
    // Live reload: under the side panel, the file watched and what its last save did.
    std::string watching_, watchNote_;
    TextBlock watchTitle_, watchText_;
};

/// Puts a new story on screen in place of everything, and offers the check-in before it.
void startPlay(Context& ctx, std::unique_ptr<PlayScreen> play);

}  // namespace attune::ui
