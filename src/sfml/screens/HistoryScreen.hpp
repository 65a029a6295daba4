#pragma once
/// The backlog: everything said so far and every choice made, newest last,
/// a page at a time.
#include "core/run/Session.hpp"
#include "sfml/screens/PanelScreen.hpp"

namespace attune::ui {

class HistoryScreen : public PanelScreen {
public:
    /// `styles`: label each pick with its style (not when two people play: a style is part
    /// of the chooser's own card).
    HistoryScreen(Context& ctx, const Session& session, bool styles = true);
    /// The heading over each pick ("Alex chose · Anxious"), for the tests.
    const std::vector<std::string>& headings() const { return headings_; }
    const char* name() const override { return "history"; }

private:
    void fill() override;
    const char* boxName() const override { return "history panel"; }
    const Session& session_;
    bool styles_ = true;
    std::vector<std::string> headings_;
};

}  // namespace attune::ui
