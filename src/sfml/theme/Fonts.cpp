#include "sfml/theme/Fonts.hpp"

#include <filesystem>
#include <fontconfig/fontconfig.h>

namespace attune::ui {

std::string matchFont(const std::string& pattern) {
    if (!FcInit()) return {};
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
    if (!pat) return {};
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    std::string file;
    if (FcPattern* match = FcFontMatch(nullptr, pat, &result)) {
        FcChar8* f = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &f) == FcResultMatch && f) file = reinterpret_cast<const char*>(f);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    std::error_code ec;
    if (!file.empty() && !std::filesystem::is_regular_file(file, ec)) file.clear();
    return file;
}

bool loadFonts(Fonts& out, std::string& error) {
    for (const char* family : {"DejaVu Sans", "sans-serif"}) {
        const std::string regular = matchFont(family);
        if (regular.empty() || !out.regular.loadFromFile(regular)) continue;
        out.regularFile = regular;
        // Bold is optional: without it, the regular face stands in.
        const std::string bold = matchFont(std::string(family) + ":bold");
        out.boldFile = !bold.empty() && out.bold.loadFromFile(bold) ? bold : regular;
        if (out.boldFile == regular) out.bold.loadFromFile(regular);
        return true;
    }
    error =
        "fontconfig found no usable font file for \"DejaVu Sans\" or \"sans-serif\"; "
        "install a font package (for example: apt-get install fonts-dejavu-core)";
    return false;
}

}  // namespace attune::ui
