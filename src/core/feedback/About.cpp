#include "core/feedback/About.hpp"

#include "core/feedback/Feedback.hpp"
#include "core/util/Text.hpp"

namespace attune::feedback {

const std::vector<AboutSection>& aboutPage() {
    static const std::vector<AboutSection> page = {
        {"what",
         "What Attune is",
         {"Attune is a place to practise. You step into everyday moments between partners, choose what to say or "
          "do, and see what each choice tends to set in motion, with a note on the need underneath it. Alone, "
          "together on one screen, or writing scenarios of your own.",
          "It is practice, not therapy. It cannot know you, your partner or your history, and nothing it says is a "
          "diagnosis."},
         {}},
        {"ideas",
         "Where its ideas come from",
         {"The feedback borrows lenses that many people find useful: attachment theory (secure, anxious, avoidant "
          "and disorganised strategies, and the pursue-withdraw cycle), the window of tolerance, Gottman's four "
          "horsemen and their antidotes, nonviolent communication, DBT's interpersonal skills, and "
          "self-compassion. Every sentence in the program is written by the project, in its own words."},
         {}},
        {"lens", "A picture, not a measurement", {lensNote()}, {}},
        {"support",
         "Getting support",
         {"If the same hurt keeps coming back, or practising here stirs up more than you can settle, a counsellor "
          "or couples therapist can help in ways a program cannot. A doctor or a local mental-health service can "
          "point you to one. Where a story touches health, that goes for the body too: see a doctor."},
         {}},
        {"safety",
         "When it is not a communication problem",
         {"Some relationships are not struggling with how they talk: one partner is controlling or hurting the "
          "other. Better words cannot fix that, and it is never your fault. Take these signs seriously:"},
         {"You are afraid of your partner, or of how they will react.",
          "They check your phone, track where you are, or need to know who you are with.",
          "They threaten you, the children, pets, or themselves to get their way.",
          "They control the money, or keep you from having your own.",
          "They cut you off from friends or family, a little at a time.",
          "They hurt you, or force or pressure you into sex."}},
        {"help",
         "If you are unsafe",
         {"If you are in danger now, call your local emergency number (112 in Europe, 911 in North America, 999 in "
          "the UK, 000 in Australia). A domestic-abuse helpline in your country can talk things through in "
          "confidence and help you plan; a search for \"domestic abuse helpline\" and your country finds one. If "
          "someone may be watching your devices, use a phone or computer they cannot reach."},
         {}},
        {"privacy", "Your privacy", {"What you choose here stays on this machine. Nothing is sent anywhere."}, {}},
    };
    return page;
}

std::string aboutText(std::size_t width) {
    std::string out;
    const auto para = [&](const std::string& s, const std::string& first, const std::string& rest) {
        const auto lines = text::wrap(s, width > first.size() + 20 ? width - first.size() : 20);
        for (std::size_t i = 0; i < lines.size(); ++i) out += (i == 0 ? first : rest) + lines[i] + '\n';
    };
    out += "Attune: about and safety\n";
    for (const AboutSection& s : aboutPage()) {
        out += "\n" + s.heading + "\n";
        for (const std::string& p : s.paragraphs) para(p, "  ", "  ");
        for (const std::string& i : s.items) para(i, "  - ", "    ");
    }
    return out;
}

}  // namespace attune::feedback
