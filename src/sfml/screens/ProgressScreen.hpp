#pragma once
/// Progress: the person's practice over weeks, from their journal: a line chart of the share
/// of secure choices in each theme, week by week, then the same summary `attune progress`
/// prints (scenarios and endings, patterns and how they changed, check-ins before against
/// after, practices, the newest notes). Keyboard: ← → pages, P or Esc closes.
#include "core/journal/Summary.hpp"
#include "sfml/screens/PanelScreen.hpp"
#include "sfml/widgets/LineChart.hpp"

namespace attune::ui {

class ProgressScreen : public PanelScreen {
public:
    explicit ProgressScreen(Context& ctx);
    const char* name() const override { return "progress"; }
    const summary::Summary& summary() const { return summary_; }
    /// Milliseconds the journal took to give its report (for the benchmark).
    double reportMs() const { return reportMs_; }

private:
    struct Read {
        summary::Summary summary;
        double ms = 0;
    };
    static Read read(Context& ctx);
    ProgressScreen(Context& ctx, Read r);
    void fill() override;
    const char* boxName() const override { return "progress panel"; }
    summary::Summary summary_;
    double reportMs_ = 0;
    LineChart chart_;
};

}  // namespace attune::ui
