#pragma once
/// Two people on one screen: the set-up (names, who plays which role, pass or mirror),
/// the privacy screen that hands the device over, and the mirror reveal.
#include "core/feedback/Feedback.hpp"
#include "core/run/Together.hpp"
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/screens/PanelScreen.hpp"
#include "sfml/widgets/Button.hpp"
#include "sfml/widgets/TextBlock.hpp"

#include <functional>

namespace attune::ui {

/// Before a couple starts: each person's name (optional; typed), the role the first
/// person takes, and how to play. Keyboard: Tab moves between the fields, typing edits
/// a name, ← → change the role and the mode, Enter starts, Esc goes back.
class TogetherScreen : public Screen {
public:
    TogetherScreen(Context& ctx, const Scenario& s);
    const char* name() const override { return "together"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;

    /// For the tests: the table that Start would play with.
    Table table() const;
    void setName(int who, std::string name);
    void swapRoles();
    void setMode(TogetherMode m);
    void start();
    /// The field the keyboard edits: 0 and 1 the names, 2 the roles, 3 the mode.
    int field() const { return field_; }

private:
    void refresh();
    std::vector<Button*> buttons();

    const Scenario& sc_;
    std::string names_[2];
    bool swapped_ = false;
    TogetherMode mode_ = TogetherMode::Pass;
    int field_ = 0;
    std::string error_;
    TextBlock title_, intro_, nameLabel_[2], nameText_[2], roleLabel_, modeLabel_, modeNote_, error_text_, keys_;
    Button roleBtn_[2], modeBtn_[2], startBtn_, backBtn_;
    sf::ConvexShape nameBox_[2];
    sf::FloatRect nameRect_[2];
};

/// The hand-off: "Pass to Sam. Sam, press Space when you're ready." Opaque, so nothing
/// private from the last person (their choices, their card, their body line) shows.
class PrivacyScreen : public Screen {
public:
    /// `wanted` says whether the hand-off is still the one this screen asks for; when it is
    /// not (the turn changed beneath it), the screen goes by itself and calls `onReady`.
    PrivacyScreen(Context& ctx, std::string who, std::string role, bool mirror, std::function<bool()> wanted,
                  std::function<void()> onReady);
    const char* name() const override { return "privacy"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void update(float dt) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;
    void ready();
    /// Every word on the screen (the tests check nothing private is among them).
    std::string shownText() const;

private:
    std::string who_, role_;
    bool mirror_;
    std::function<bool()> wanted_;
    std::function<void()> onReady_;
    bool done_ = false;
    TextBlock title_, line_, note_;
    Button readyBtn_;
};

/// Mirror mode's reveal: both answers side by side with their cards, and what to talk about.
class RevealScreen : public PanelScreen {
public:
    RevealScreen(Context& ctx, const Scenario& s, feedback::Reveal r);
    const char* name() const override { return "reveal"; }
    const feedback::Reveal& reveal() const { return r_; }

private:
    void fill() override;
    const char* boxName() const override { return "reveal panel"; }
    int columns(float) const override { return 1; }
    const Scenario& sc_;
    feedback::Reveal r_;
};

}  // namespace attune::ui
