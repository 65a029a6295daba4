#include "sfml/screens/ProgressScreen.hpp"

#include <chrono>
#include <cmath>
#include <fmt/format.h>

namespace attune::ui {

ProgressScreen::Read ProgressScreen::read(Context& ctx) {
    const auto t0 = std::chrono::steady_clock::now();
    const Journal::Report r = ctx.journal ? ctx.journal->report(ctx.profile) : Journal::Report{};
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return {summary::summarise(r, ctx.profile, &ctx.patterns,
                               [&ctx](const std::string& id) {
                                   const LibraryEntry* e = ctx.library.find(id);
                                   return e ? e->meta.title : id;
                               }),
            ms};
}

ProgressScreen::ProgressScreen(Context& ctx) : ProgressScreen(ctx, read(ctx)) {}

ProgressScreen::ProgressScreen(Context& ctx, Read r)
    : PanelScreen(ctx, r.summary.title, false, sf::Keyboard::P), summary_(std::move(r.summary)), reportMs_(r.ms) {}

void ProgressScreen::fill() {
    const Theme& th = ctx_.theme;
    pager_.clear();
    for (const summary::Section& sec : summary_.sections) {
        if (sec.id == "glance") {
            // Without a journal nothing is known: not "nothing yet", which may not be true.
            if (!ctx_.journal) {
                pager_.add<TextItem>("The journal could not be opened, so your practice cannot be shown from it.",
                                     TextRole::Reading);
                return;
            }
            for (const auto& l : sec.lines) pager_.add<TextItem>(l, TextRole::Reading).gapAfter = 1.2f;
            continue;
        }
        if (sec.id == "lens") {
            for (const auto& l : sec.lines) pager_.add<TextItem>(l, TextRole::Muted);
            continue;
        }
        auto& card = pager_.add<Card>();
        card.add<TextItem>(sec.heading, TextRole::Heading).gapAfter = 0.6f;
        if (sec.id == "themes" && !summary_.weeks.empty()) {
            std::vector<LineChart::Series> series;
            for (const summary::Trend& t : summary_.trends) {
                const auto theme = parseTheme(t.theme);
                series.push_back(
                    {theme ? themeLabel(*theme) : t.theme, theme ? themeColor(th, *theme) : th.color.text, t.percent});
            }
            chart_.set(std::move(series));
            chart_.setFrame({false, "week of " + summary_.weeks.front(),
                             summary_.weeks.size() > 1 ? "week of " + summary_.weeks.back() : std::string()});
            auto& c = card.add<CustomBlock>();
            const float plotH = std::round(std::max(6.f * static_cast<float>(th.type.body), ctx_.size.y * 0.18f));
            bindChart(c, chart_, [this, plotH](const Theme& t, float w) { return chart_.layout(t, w, plotH); });
            c.gapAfter = 0.3f;
            // The same numbers in words, on a card of their own so each card fits a column.
            auto& words = pager_.add<Card>();
            for (const auto& l : sec.lines) words.add<TextItem>("•  " + l, TextRole::Small).gapAfter = 0.3f;
            continue;
        }
        for (const auto& l : sec.lines) card.add<TextItem>("•  " + l, TextRole::Small).gapAfter = 0.3f;
        if (!sec.note.empty()) card.add<TextItem>(sec.note, TextRole::Muted).gapAfter = 0.3f;
    }
}

}  // namespace attune::ui
