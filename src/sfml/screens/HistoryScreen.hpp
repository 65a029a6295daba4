#pragma once
/// The backlog: everything said so far and every choice made, newest last,
/// a page at a time.
#include "core/run/Session.hpp"
#include "sfml/screens/PanelScreen.hpp"

namespace attune::ui {

class HistoryScreen : public PanelScreen {
public:
    HistoryScreen(Context& ctx, const Session& session);
    const char* name() const override { return "history"; }

private:
    void fill() override;
    const char* boxName() const override { return "history panel"; }
    const Session& session_;
};

}  // namespace attune::ui
