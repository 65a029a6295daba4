#pragma once
/// The regulation practices a choice may offer (`breathe: paced | sigh | grounding`):
/// one description, drawn by the terminal as steps and by the window as a circle.
#include <string>
#include <string_view>
#include <vector>

namespace attune::feedback {

struct Phase {
    std::string text;   ///< what to do now ("Breathe in through your nose")
    float seconds = 0;
    float size = 1;     ///< the circle's size at the end of the phase, 0..1 of its largest
};

struct Practice {
    std::string id, title, intro;
    std::vector<Phase> cycle;
    int rounds = 1;     ///< how many times the cycle runs
    std::string unit;   ///< what the progress line counts: "Breath" (rounds) or "Step" (phases)
    float length() const;
};

/// The practice with this id; an unknown id gets paced breathing.
const Practice& practice(std::string_view id);

}  // namespace attune::feedback
