#pragma once
/// The about and safety page: what Attune is and is not, where its ideas come from,
/// where to find support, and the signs that a relationship needs more than practice.
/// One text, drawn by the terminal (`attune about`) and the window's About screen.
#include <string>
#include <vector>

namespace attune::feedback {

struct AboutSection {
    std::string id;  ///< what, ideas, lens, support, safety, privacy
    std::string heading;
    std::vector<std::string> paragraphs;
    std::vector<std::string> items;  ///< a short list after the paragraphs
};

const std::vector<AboutSection>& aboutPage();
/// The page as plain text, wrapped to `width`.
std::string aboutText(std::size_t width);

}  // namespace attune::feedback
