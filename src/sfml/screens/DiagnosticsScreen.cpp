#include "sfml/screens/DiagnosticsScreen.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace attune::ui {
namespace {
std::string titleFor(const std::string& file, const Diagnostics& d) {
    const std::size_t n = d.errorCount();
    return fmt::format("{} has {}", std::filesystem::path(file).filename().string(),
                       n == 1 ? std::string("an error") : fmt::format("{} errors", n));
}
}  // namespace

DiagnosticsScreen::DiagnosticsScreen(Context& ctx, std::string file, Diagnostics diags, std::string at, bool playing)
    : PanelScreen(ctx, titleFor(file, diags), false, sf::Keyboard::Unknown),
      file_(std::move(file)),
      diags_(std::move(diags)),
      at_(std::move(at)),
      playing_(playing) {
    if (playing_) setCloseLabel("Play the last version");
}

void DiagnosticsScreen::fill() {
    const Theme& th = ctx_.theme;
    pager_.clear();
    auto& intro = pager_.add<Card>(th.color.accent);
    intro
        .add<TextItem>(library_
                           ? fmt::format("Read at {}, as it was opened. The file changed after the library was read; "
                                         "once it is fixed, it opens from the library again.",
                                         at_)
                       : playing_ ? fmt::format("Saved at {}. The story waits where it stood, and goes on by itself "
                                                "once the file is saved without errors.",
                                                at_)
                                  : fmt::format("Read at {}. The story opens by itself once the file is saved without "
                                                "errors.",
                                                at_),
                       TextRole::Small)
        .gapAfter = 0.3f;
    intro.add<TextItem>(file_, TextRole::Muted);
    for (const Diagnostic& d : diags_.all()) {
        auto& card = pager_.add<Card>(d.severity == Severity::Error ? std::optional<sf::Color>(th.color.ruptureEnding)
                                                                    : std::optional<sf::Color>(th.color.mixedEnding));
        const std::string where =
            d.pos.line > 0 ? fmt::format("line {}, column {}", d.pos.line, d.pos.col) : std::string("the whole file");
        card.add<TextItem>(
                fmt::format("{} · {} · {}", where, d.severity == Severity::Error ? "error" : "warning", d.rule),
                TextRole::Heading)
            .gapAfter = 0.3f;
        card.add<TextItem>(d.message, TextRole::Body).gapAfter = 0.3f;
        card.add<TextItem>(d.format(), TextRole::Caption);
    }
}

}  // namespace attune::ui
