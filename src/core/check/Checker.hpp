#pragma once
/// The validator: resolves names in a parsed scenario and runs the rules
/// listed in docs/validator-rules.md. Each rule has a stable id.
#include "core/expr/Expr.hpp"
#include "core/util/Diagnostic.hpp"
#include "core/util/Limits.hpp"
#include "core/model/Scenario.hpp"

#include <filesystem>
#include <optional>
#include <utility>

namespace attune {
class PatternLibrary;
}

namespace attune::check {

/// Maps a byte offset inside a condition to its position in the file.
expr::Locate locate(const Condition& c);

/// Resolves every reference and runs every rule; errors make the scenario unplayable.
/// `explore`: also the checks that walk the story's states (secure-ending-shutdown).
void checkScenario(Scenario& s, const PatternLibrary& library, Diagnostics& diags, bool explore = true);

/// Rule groups, each small and separately testable.
void resolveReferences(Scenario& s, const PatternLibrary& library, Diagnostics& d);
void checkGraph(const Scenario& s, Diagnostics& d);
void checkChoices(const Scenario& s, const PatternLibrary& library, Diagnostics& d);
void checkTests(const Scenario& s, Diagnostics& d);
/// Pattern texts that claim a zone where a card could contradict the meter [zone-claim].
void checkPatterns(const std::vector<Pattern>& patterns, Diagnostics& d);
/// Secure endings reachable with an arousal meter below the window [secure-ending-shutdown].
void checkEndings(const Scenario& s, Diagnostics& d);

/// Per node, the highest any arousal meter stands on arriving there, over the story's
/// states (the same exploration as checkEndings); -1 where no explored state arrives.
/// `complete` (when given) says whether every state was explored within the caps.
std::vector<int> highestArousal(const Scenario& s, bool* complete = nullptr);

/// The largest side a scene or a portrait may have, in pixels (core/util/Limits.hpp).
constexpr unsigned kMaxScenePixels = limits::kMaxScenePixels, kMaxPortraitPixels = limits::kMaxPortraitPixels;
/// An image's width and height read from its header (PNG, JPEG, BMP, TGA), without
/// decoding it: a small file can claim a huge picture. Nothing when it is not one of them.
std::optional<std::pair<unsigned, unsigned>> imagePixels(const std::filesystem::path& file);

/// Portraits and scenes: each path resolved in the scenario's `folder`, else in `assets`;
/// a path that leaves both is an error at its position [image-path]; a file that is not
/// there, too large or not an image SFML reads is a warning, and the window falls back
/// calmly [image-missing, image-too-large, image-format]. Sets portraitFile and sceneFile.
void checkImages(Scenario& s, const std::filesystem::path& folder, const std::filesystem::path& assets, Diagnostics& d);

}  // namespace attune::check
