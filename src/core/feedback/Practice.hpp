#pragma once
/// The regulation practices of the toolbox, which a choice may also offer (`breathe: paced |
/// sigh | grounding | compassion | break`): one description, drawn by the terminal as steps
/// and by the window as a circle (the twenty-minute break as a clock to come back by).
#include <string>
#include <string_view>
#include <vector>

namespace attune::feedback {

struct Phase {
    std::string text;  ///< what to do now ("Breathe in through your nose")
    float seconds = 0;
    float size = 1;  ///< the circle's size at the end of the phase, 0..1 of its largest
};

struct Practice {
    std::string id;
    std::string name;  ///< what it is called in lists ("Paced breathing")
    std::string title, intro;
    std::string summary;  ///< one line for the toolbox's list
    std::vector<Phase> cycle;
    int rounds = 1;    ///< how many times the cycle runs
    std::string unit;  ///< what the progress line counts: "Breath" (rounds) or "Step" (phases)
    float length() const;
    /// The twenty-minute break after flooding: time away, not a guided exercise.
    bool isBreak() const { return id == "break"; }
};

/// Every practice, in the toolbox's order.
const std::vector<Practice>& practices();

/// The practice with this id; an unknown id gets paced breathing.
const Practice& practice(std::string_view id);

}  // namespace attune::feedback
