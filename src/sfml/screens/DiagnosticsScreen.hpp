#pragma once
/// Live reload: a save of the watched scenario has errors. Over the story, which waits
/// where it stood, the panel lists each diagnostic as the compiler-style line the terminal
/// prints (file:line:column, message, rule id). It goes by itself once a save loads; Close
/// (or Esc) plays on with the last version that loaded.
#include "core/util/Diagnostic.hpp"
#include "sfml/screens/PanelScreen.hpp"

namespace attune::ui {

class DiagnosticsScreen : public PanelScreen {
public:
    /// `at` is the time the file was read ("18:47:20"); `playing`: a version that loaded is
    /// beneath (false when the file has had errors from the start).
    DiagnosticsScreen(Context& ctx, std::string file, Diagnostics diags, std::string at, bool playing);
    const char* name() const override { return "diagnostics"; }
    const Diagnostics& diagnostics() const { return diags_; }
    /// Opened from the library (a file that changed after the library was read), not while watching.
    void fromLibrary() { library_ = true; }

private:
    void fill() override;
    const char* boxName() const override { return "diagnostics panel"; }
    std::string file_;
    Diagnostics diags_;
    std::string at_;
    bool playing_;
    bool library_ = false;
};

}  // namespace attune::ui
