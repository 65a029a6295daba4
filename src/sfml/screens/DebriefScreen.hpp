#pragma once
/// The debrief at an ending: the arousal arc with the zones shaded, style
/// counts per theme as bars, the patterns leaned on, a strength, something to
/// practise, moments worth replaying, and saving the report.
#include "core/feedback/Feedback.hpp"
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/BarChart.hpp"
#include "sfml/widgets/LineChart.hpp"
#include "sfml/widgets/Pager.hpp"

#include <filesystem>

namespace attune::ui {

class PlayScreen;

class DebriefScreen : public Screen {
public:
    DebriefScreen(Context& ctx, PlayScreen& play);
    const char* name() const override { return "debrief"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;

    const feedback::Debrief& debrief() const { return d_; }
    /// Writes the Markdown and HTML reports; returns the Markdown file, or empty on failure.
    std::filesystem::path saveReport();
    /// Where reports go: $XDG_DOCUMENTS_DIR/Attune, ~/Documents/Attune, else $XDG_DATA_HOME/attune/reports.
    static std::filesystem::path reportFolder();
    void replay(std::size_t moment);
    void lookBack();
    void playAgain();
    /// Back to the library (by way of the check-in after, when it is wanted).
    void toLibrary();

private:
    void fill();
    std::vector<Button*> footer();
    std::vector<const Button*> footer() const;
    std::vector<Button*> focusable();

    PlayScreen& play_;
    feedback::Debrief d_;
    TextBlock scenario_, title_, subtitle_, status_, pageLabel_;
    Badge kind_;
    Pager pager_;
    LineChart arc_;
    std::vector<std::unique_ptr<BarChart>> bars_;
    std::vector<ButtonRow*> replayRows_;
    Button saveBtn_, lookBtn_, againBtn_, libraryBtn_, pagePrev_, pageNext_;
    FocusRing focus_;
};

}  // namespace attune::ui
