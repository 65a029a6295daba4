#pragma once
/// The note shown when a person's nervous system goes below the window: shutdown
/// named as the body protecting itself, with a way back. A state, never a verdict.
#include "core/feedback/Feedback.hpp"
#include "sfml/screens/PanelScreen.hpp"

namespace attune::ui {

class StateScreen : public PanelScreen {
public:
    StateScreen(Context& ctx, feedback::StateNote note);
    const char* name() const override { return "state"; }

private:
    void fill() override;
    const char* boxName() const override { return "state panel"; }
    feedback::StateNote note_;
};

}  // namespace attune::ui
