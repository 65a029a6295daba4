#pragma once
#include "core/journal/Journal.hpp"
/// The `attune` command line: subcommands play, validate, test, graph, stats,
/// new, and the scenario library when started with no arguments.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace attune {
struct Scenario;
class PatternLibrary;
class Session;
class Playthrough;
struct TextOptions;
}  // namespace attune

namespace attune::cli {

/// Runs the program; returns the process exit code (0 ok, 1 problems found, 2 usage).
int run(int argc, char** argv);

/// Every scenario file named by the arguments (folders are searched, sorted).
std::vector<std::filesystem::path> scenarioFiles(const std::vector<std::string>& args, std::ostream& err, bool& ok);

/// attune bench --startup: start-up to the library's first frame, beside a bare SFML program.
int startupBench(int runs);

/// Writes DIR/ID.yaml from the starter template; refuses to overwrite.
int newScenario(const std::string& id, const std::string& dir);

/// Terminal options that print coaching cards, mirror reveals and the debrief as the
/// coaching setting says.
void addCoaching(TextOptions& opts, const PatternLibrary& lib, int coaching, const Playthrough& run);

/// Saves a finished playthrough to the journal; says once on stderr if it cannot.
/// The journal file: --journal PATH when given, else the XDG data folder's.
std::filesystem::path journalPath();
void setJournalPath(std::filesystem::path p);
/// --profile NAME: whose record (partners sharing a machine keep separate ones); "" by default.
const std::string& profileName();
void setProfileName(std::string name);
/// Opens the journal; says once (on stderr) when it cannot, after `unusable`, or when a
/// damaged file was moved aside. Nothing when it cannot be used.
std::unique_ptr<Journal> openJournal(const std::string& unusable = "this playthrough will not be saved: ");

/// attune play FILE --watch: plays in the terminal, loading each save of FILE again.
struct WatchPlay {
    std::string file;
    int coaching = 0;
    bool solo = false;
    std::string together;  ///< pass or mirror; empty: solo (or both roles)
    std::vector<std::string> names, roles;
};
int playWatched(const WatchPlay& a, const PatternLibrary& lib);

/// The terminal library: pick a scenario, pick solo or together, play.
int textLibrary(std::istream& in, std::ostream& out);

}  // namespace attune::cli
