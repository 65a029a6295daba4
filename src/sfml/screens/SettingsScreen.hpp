#pragma once
/// Settings: text size, theme, motion, text reveal, coaching and display.
/// Each change applies at once (layouts reflow) and is saved for next time.
#include "sfml/Screen.hpp"
#include "sfml/screens/Common.hpp"
#include "sfml/widgets/Pager.hpp"

#include <functional>

namespace attune::ui {

class SettingRow;

class SettingsScreen : public Screen {
public:
    explicit SettingsScreen(Context& ctx);
    const char* name() const override { return "settings"; }
    void layout() override;
    void handle(const sf::Event& e) override;
    void draw(sf::RenderTarget& target) const override;
    std::vector<Box> boxes() const override;

    std::size_t row() const { return row_; }
    std::size_t rows() const { return options_.size(); }
    /// Picks option `i` of the current row.
    void pick(int i);
    /// Moves the current row's choice left (-1) or right (+1).
    void step(int delta);
    void selectRow(std::size_t r);

private:
    struct Option {
        std::string label, help;
        std::vector<std::string> values;
        std::function<int(const Settings&)> get;
        std::function<void(Settings&, int)> set;
    };
    std::vector<Option> options_;
    std::vector<SettingRow*> rowBlocks_;
    std::size_t row_ = 0;
    TextBlock title_, subtitle_, pageLabel_;
    Pager pager_;
    Button done_, pagePrev_, pageNext_;
};

}  // namespace attune::ui
