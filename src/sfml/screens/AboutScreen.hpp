#pragma once
/// About and safety: what Attune is and is not, where its ideas come from, where to
/// find support, and the signs of control or abuse (the same text as `attune about`).
#include "sfml/screens/PanelScreen.hpp"

namespace attune::ui {

class AboutScreen : public PanelScreen {
public:
    /// `from` names the section to open on ("lens" from a coaching card), or empty for the top.
    explicit AboutScreen(Context& ctx, std::string from = {});
    const char* name() const override { return "about"; }

private:
    void fill() override;
    const char* boxName() const override { return "about panel"; }
    std::string from_;
};

}  // namespace attune::ui
