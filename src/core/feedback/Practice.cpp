#include "core/feedback/Practice.hpp"

namespace attune::feedback {

float Practice::length() const {
    float cycleSeconds = 0;
    for (const Phase& p : cycle) cycleSeconds += p.seconds;
    return cycleSeconds * static_cast<float>(rounds);
}

const Practice& practice(std::string_view id) {
    static const std::vector<Practice> all = {
        {"paced",
         "A slow breath out",
         "Follow the circle. Many people find that letting the out-breath run longer than the in-breath helps the "
         "body slow down.",
         {{"Breathe in through your nose", 4, 1.f}, {"Hold it gently", 2, 1.f}, {"Breathe out slowly, all the way", 6, 0.45f}},
         5,
         "Breath"},
        {"sigh",
         "Two breaths in, one long sigh",
         "Breathe in through your nose, then take a small second sip of air on top, and let it all go in one slow "
         "sigh through your mouth.",
         {{"Breathe in through your nose", 2.5f, 0.85f}, {"A little more, to the top", 1, 1.f},
          {"Sigh it out through your mouth, slowly", 6, 0.45f}},
         3,
         "Breath"},
        {"grounding",
         "Five, four, three, two, one",
         "Come back to the room through your senses. Say each thing to yourself, quietly; there is no wrong answer.",
         {{"Name five things you can see", 12, 0.75f}, {"Four things you can feel or touch", 10, 0.75f},
          {"Three things you can hear", 10, 0.75f}, {"Two things you can smell", 8, 0.75f},
          {"One thing you can taste, or one kind word to yourself", 8, 0.75f}},
         1,
         "Step"},
    };
    for (const Practice& p : all)
        if (p.id == id) return p;
    return all.front();
}

}  // namespace attune::feedback
