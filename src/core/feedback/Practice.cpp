#include "core/feedback/Practice.hpp"

namespace attune::feedback {

float Practice::length() const {
    float cycleSeconds = 0;
    for (const Phase& p : cycle) cycleSeconds += p.seconds;
    return cycleSeconds * static_cast<float>(rounds);
}

const std::vector<Practice>& practices() {
    static const std::vector<Practice> all = {
        {"paced",
         "Paced breathing",
         "A slow breath out",
         "Follow the circle. Many people find that letting the out-breath run longer than the in-breath helps the "
         "body slow down.",
         "The out-breath longer than the in-breath, five times. About a minute.",
         {{"Breathe in through your nose", 4, 1.f},
          {"Hold it gently", 2, 1.f},
          {"Breathe out slowly, all the way", 6, 0.45f}},
         5,
         "Breath"},
        {"sigh",
         "The physiological sigh",
         "Two breaths in, one long sigh",
         "Breathe in through your nose, then take a small second sip of air on top, and let it all go in one slow "
         "sigh through your mouth.",
         "Two breaths in, one long sigh out, three times. Under half a minute.",
         {{"Breathe in through your nose", 2.5f, 0.85f},
          {"A little more, to the top", 1, 1.f},
          {"Sigh it out through your mouth, slowly", 6, 0.45f}},
         3,
         "Breath"},
        {"grounding",
         "5-4-3-2-1 grounding",
         "Five, four, three, two, one",
         "Come back to the room through your senses. Say each thing to yourself, quietly; there is no wrong answer.",
         "Back to the room through your senses. About a minute.",
         {{"Name five things you can see", 12, 0.75f},
          {"Four things you can feel or touch", 10, 0.75f},
          {"Three things you can hear", 10, 0.75f},
          {"Two things you can smell", 8, 0.75f},
          {"One thing you can taste, or one kind word to yourself", 8, 0.75f}},
         1,
         "Step"},
        {"compassion",
         "A self-compassion break",
         "A kind moment for yourself",
         "A self-compassion break in three parts: noticing that this is hard, remembering that you are not the only "
         "one, and offering yourself some warmth.",
         "Noticing it is hard, remembering you are not alone in it, and kindness. Under a minute.",
         {{"Notice it: this is hard right now. Say so to yourself, plainly", 15, 0.8f},
          {"Other people feel this too. Fearing you will lose someone is part of loving them", 15, 0.9f},
          {"A hand on your chest, if you like. Tell yourself what you would tell a friend who felt this", 20, 1.f}},
         1,
         "Step"},
        {"break",
         "The twenty-minute break",
         "Twenty minutes away",
         "When your body is flooded, talking more rarely helps. Say you will be back, then do something calming that "
         "takes your attention: a walk, water, music. Try not to rehearse the argument while you are away.",
         "Time away when you are flooded, and a time to come back.",
         {{"Take your break; come back when the time is up", 20 * 60, 0.75f}},
         1,
         "Break"},
    };
    return all;
}

const Practice& practice(std::string_view id) {
    for (const Practice& p : practices())
        if (p.id == id) return p;
    return practices().front();
}

}  // namespace attune::feedback
