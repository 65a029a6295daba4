#pragma once
/// Reading the pattern library file (assets/patterns/library.yaml).
#include "core/util/Diagnostic.hpp"
#include "core/model/PatternLibrary.hpp"

#include <filesystem>

namespace attune {

/// Loads a library file; problems go to `diags`.
PatternLibrary loadPatternLibrary(const std::filesystem::path& file, Diagnostics& diags);
/// The shipped library: $ATTUNE_ASSETS, then the installed and source asset folders.
std::filesystem::path defaultPatternLibraryPath();
/// The program's assets folder (the one the shipped pattern library is in).
std::filesystem::path assetsDir();
/// Loads the shipped library, or reports where it looked.
PatternLibrary loadDefaultPatternLibrary(Diagnostics& diags);

}  // namespace attune
