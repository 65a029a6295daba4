// The real `attune` binary, run as a user would: exit codes and whole outputs.
#include "support/Support.hpp"

#include <doctest/doctest.h>

using attune::testing::runAttune;
namespace fs = std::filesystem;

namespace {
fs::path golden(const std::string& name) { return attune::testing::testDir() / "golden" / name; }
}  // namespace

TEST_CASE("validate exits 0 for a valid file, 1 for errors, 2 for a usage error") {
    CHECK(runAttune("validate data/small.yaml").exitCode == 0);
    CHECK(runAttune("validate data/small.yaml").out == "1 file checked: no problems\n");
    const auto bad = runAttune("validate bad/dangling-next.yaml bad/unreachable-node.yaml");
    CHECK(bad.exitCode == 1);
    CHECK_GOLDEN(golden("validate-two-files.txt"), bad.out);
    CHECK(runAttune("validate bad/unreachable-node.yaml").exitCode == 0);  // warnings only
    CHECK(runAttune("validate").exitCode == 2);
    CHECK(runAttune("validate --nonsense x").exitCode == 2);
    CHECK(runAttune("frobnicate").exitCode == 2);
}

TEST_CASE("validate reads every scenario in a folder, sorted") {
    const auto r = runAttune("validate bad");
    CHECK(r.exitCode == 1);
    CHECK(r.out.find("bad/alias-bomb.yaml:2:4: error:") < r.out.find("bad/unknown-theme.yaml:5:17: error:"));
}

TEST_CASE("validate reports a missing file and a folder with no scenarios") {
    const auto r = runAttune("validate no-such.yaml golden");
    CHECK(r.exitCode == 1);
    CHECK(r.out ==
          "golden: warning: no .yaml files in this folder [no-scenarios]\n"
          "no-such.yaml: error: no such file [file-missing]\n"
          "1 file checked: 1 error, 0 warnings in 1 file\n");
}

TEST_CASE("test runs every tests: entry and prints the count line") {
    const auto r = runAttune("test data/small.yaml");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("test-small.txt"), r.out);
}

TEST_CASE("a failing scenario test names the step where it diverged and exits 1") {
    const auto r = runAttune("test data/failing-test.yaml");
    CHECK(r.exitCode == 1);
    CHECK_GOLDEN(golden("test-failing.txt"), r.out);
}

TEST_CASE("a scripted playthrough prints the whole transcript, ending title included") {
    const auto r = runAttune("play data/small.yaml --script breathe,1,partner-defend");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("play-small-couple.txt"), r.out);
    const auto solo = runAttune("play data/small.yaml --solo --script 1");
    CHECK(solo.exitCode == 0);
    CHECK_GOLDEN(golden("play-small-solo.txt"), solo.out);
}

TEST_CASE("a script that names a choice not shown stops with a message and exit 1") {
    const auto r = runAttune("play data/small.yaml --script 9");
    CHECK(r.exitCode == 1);
    CHECK(r.err == "attune: pick 1 of the script: pick 9 at node 'first-reply': only 4 choices are shown\n");
    const auto bad = runAttune("play data/small.yaml --script 1,,2");
    CHECK(bad.exitCode == 2);
    CHECK(bad.err == "attune: --script: an empty pick in the list; write picks like 2,open-talk,1\n");
}

TEST_CASE("the interactive player re-asks on bad input and survives end of input") {
    const auto r = runAttune("play data/small.yaml", "hello\n7\n\nm\n2\n");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("play-small-typed.txt"), r.out);
    const auto eof = runAttune("play data/small.yaml", "");
    CHECK(eof.exitCode == 0);
    CHECK(eof.out.ends_with("> \nStopped before the end. Nothing from this playthrough is kept.\n"));
}

TEST_CASE("play refuses a broken scenario with its diagnostics") {
    const auto r = runAttune("play bad/dangling-next.yaml");
    CHECK(r.exitCode == 1);
    CHECK(r.err ==
          "bad/dangling-next.yaml:46:15: error: 'next' goes to unknown node 'distanse' (did you mean 'distance'?) "
          "[dangling-next]\n");
}

TEST_CASE("graph prints Graphviz DOT with choices coloured by style") {
    const auto r = runAttune("graph data/small.yaml");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("graph-small.dot"), r.out);
}

TEST_CASE("graph --format svg writes Graphviz's SVG, and another format is a usage error") {
    const auto r = runAttune("graph data/small.yaml --format svg");
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("<?xml", 0) == 0);
    CHECK(r.out.find("<title>second&#45;chance</title>") != std::string::npos);
    CHECK(r.out.find("</svg>") != std::string::npos);
    const auto bad = runAttune("graph data/small.yaml --format png");
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("--format: png not in {dot,svg}") != std::string::npos);
}

TEST_CASE("new writes a scenario that validates and passes its own tests, and never overwrites") {
    const fs::path dir = fs::temp_directory_path() / "attune-new-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto made = runAttune("new first-try --dir '" + dir.string() + "'");
    CHECK(made.exitCode == 0);
    const std::string file = (dir / "first-try.yaml").string();
    CHECK(runAttune("validate '" + file + "'").out == "1 file checked: no problems\n");
    CHECK(runAttune("test '" + file + "'").out.ends_with("3 passed, 0 failed\n"));
    // The first line points editors with yaml-language-server at the schema, which exists.
    const std::string text = attune::testing::slurp(file);
    const std::string first = text.substr(0, text.find('\n'));
    const std::string schema = (attune::testing::sourceDir() / "scenarios" / "schema.json").string();
    CHECK(first == "# yaml-language-server: $schema=" + schema);
    const auto again = runAttune("new first-try --dir '" + dir.string() + "'");
    CHECK(again.exitCode == 1);
    CHECK(again.err == "attune: " + file + " already exists; nothing was written\n");
    CHECK(runAttune("new Not_Kebab").exitCode == 2);
    fs::remove_all(dir);
}

TEST_CASE("rules lists every rule id once") {
    const auto r = runAttune("rules");
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("dangling-next          error    reference  next names no node\n") != std::string::npos);
}

TEST_CASE("coaching shows a card after each choice, only at the end, or not at all") {
    const auto now = runAttune("play data/small.yaml --script protest,partner-defend");
    CHECK_GOLDEN(golden("coach-immediate.txt"), now.out);
    const auto end = runAttune("play data/small.yaml --coaching end --script protest,partner-defend");
    CHECK_GOLDEN(golden("coach-end.txt"), end.out);
    const auto off = runAttune("play data/small.yaml --coaching off --script protest,partner-defend");
    CHECK_GOLDEN(golden("coach-off.txt"), off.out);
    CHECK(off.out.find("-- Anxious") == std::string::npos);
    CHECK(runAttune("play data/small.yaml --coaching later").exitCode == 2);
}

TEST_CASE("--report writes the debrief as Markdown or HTML") {
    const fs::path dir = fs::temp_directory_path() / "attune-report-test";
    fs::create_directories(dir);
    const auto md = runAttune("play data/small.yaml --script breathe,protest,partner-soften --report '" +
                              (dir / "r.md").string() + "'");
    CHECK(md.exitCode == 0);
    CHECK_GOLDEN(golden("report-small.md"), attune::testing::slurp(dir / "r.md"));
    const auto html = runAttune("play data/small.yaml --script breathe,protest,partner-soften --report '" +
                                (dir / "r.html").string() + "'");
    CHECK(html.exitCode == 0);
    CHECK_GOLDEN(golden("report-small.html"), attune::testing::slurp(dir / "r.html"));
    const auto bad = runAttune("play data/small.yaml --script name-need --report /no-such-dir/r.md");
    CHECK(bad.exitCode == 1);
    CHECK(bad.err == "attune: the report could not be written to /no-such-dir/r.md\n");
    fs::remove_all(dir);
}

TEST_CASE("stats reports shape, style mix and coverage from seeded random playthroughs") {
    const auto r = runAttune("stats data/small.yaml --runs 500 --seed 7");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("stats-small.txt"), r.out);
    const auto unreached = runAttune("stats data/never-reached.yaml --runs 50 --check");
    CHECK(unreached.exitCode == 1);
    CHECK(unreached.out.find("reached 2 of 3 reachable nodes (66.7%)") != std::string::npos);
    CHECK(unreached.out.find("  never reached: hidden\n") != std::string::npos);
}

// The starter scenarios, played as couples, with coaching and the debrief, word for word.
TEST_CASE("the late text: a rupture and its repair, coached step by step") {
    const auto r = runAttune(
        "play ../scenarios/late-text.yaml --script "
        "sharp-reply,sam-defends,own-it,sam-meets-repair,name-fear,sam-validates,ask-for-text,sam-offers-text,warm-"
        "close");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("late-text-repair.txt"), r.out);
}

TEST_CASE("the late text: pursuing after going cold ends in a cold night") {
    const auto r = runAttune(
        "play ../scenarios/late-text.yaml --script its-fine,sam-takes-fine,check-photos,call-again,sam-silences");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("late-text-cold-night.txt"), r.out);
}

TEST_CASE("the forgotten plan: a row, a break and a two-way apology, debriefed at the end") {
    const auto r = runAttune(
        "play ../scenarios/forgotten-plan.yaml --coaching end --script "
        "never-anything,k-counter,ask-for-break,self-kind,k-comes-back-warm,own-my-part,real-thing,k-gets-it,ask-to-"
        "share,k-books-now");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("forgotten-plan-repair.txt"), r.out);
}

// Two people on one screen. Piped (not a terminal), the hand-off is a line, not a wait.
TEST_CASE("together, passing the device: each turn is handed to its owner, names and roles as chosen") {
    const auto r = runAttune(
        "play ../scenarios/late-text.yaml --together pass --names Maya,Jo --roles sam,alex --script "
        "sharp-reply,sam-defends,own-it,sam-meets-repair,name-fear,sam-validates,ask-for-text,sam-offers-text,warm-"
        "close");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("late-text-pass.txt"), r.out);
}

TEST_CASE("together, mirror: both answer each decision, the reveal shows both, the owner's answer plays") {
    const auto r = runAttune(
        "play ../scenarios/late-text.yaml --together mirror --names Maya,Jo --roles sam,alex --script "
        "sharp-reply/2,sam-defends/3,own-it/1,sam-meets-repair/sam-meets-repair,name-fear/2,"
        "sam-validates/1,ask-for-text/ask-for-text,sam-offers-text/2,warm-close/1");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("late-text-mirror.txt"), r.out);
}

TEST_CASE("regression: a pattern two people used in different styles is named with each person's own style") {
    // Typed answers, as a couple would give them: eye-rolling is anxious for Ben (as Noor)
    // and avoidant for Ana (as Karim).
    const auto r =
        runAttune("play ../scenarios/forgotten-plan.yaml --together mirror --names Ana,Ben --roles karim,noor",
                  "3\n1\n2\n2\n1\n3\n2\n2\n3\n1\n1\n2\n2\n2\n1\n1\n3\n3\n1\n2\n2\n1\n");
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("    - Sarcasm and eye-rolling (twice: anxious for Ben, avoidant for Ana).\n") !=
          std::string::npos);
    CHECK(r.out.find("Sarcasm and eye-rolling (anxious, twice") == std::string::npos);
}

TEST_CASE("together: bad names, roles and mirror scripts are refused with a message") {
    const auto noSlash = runAttune("play data/small.yaml --together mirror --script 1,2");
    CHECK(noSlash.exitCode == 2);
    CHECK(noSlash.err ==
          "attune: --script: in mirror mode each pick is OWNER/OTHER (for example 2/1 or gentle/sharp), not '1'\n");
    const auto sameRole = runAttune("play data/small.yaml --together pass --roles you,you --script 1");
    CHECK(sameRole.exitCode == 2);
    CHECK(sameRole.err == "attune: both people cannot play 'you'\n");
    const auto namesAlone = runAttune("play data/small.yaml --names A,B --script 1");
    CHECK(namesAlone.exitCode == 2);
    CHECK(namesAlone.err == "attune: --names and --roles go with --together pass or --together mirror\n");
    CHECK(runAttune("play data/small.yaml --together pass --solo --script 1").exitCode == 2);
    CHECK(runAttune("play data/small.yaml --together both --script 1").exitCode == 2);
    // A mirror answer that is not shown names the pick, like any other.
    const auto unshown = runAttune("play data/small.yaml --together mirror --script 1/9");
    CHECK(unshown.exitCode == 1);
    CHECK(unshown.err == "attune: pick 2 of the script: pick 9 at node 'first-reply': only 4 choices are shown\n");
}

TEST_CASE("together in the terminal library: names, roles and mode are asked, and the turn is named") {
    // The Late Text is fourth (gentlest first); Maya takes Sam, the second role; pass the device.
    const auto r = runAttune("--text", "4\n2\nMaya\n\n2\n1\nq\n");
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("Which role does Maya take?\n  1. Alex\n  2. Sam\n") != std::string::npos);
    CHECK(r.out.find("Maya plays Sam; the other person plays Alex.") != std::string::npos);
    CHECK(r.out.find("-- Pass to the person playing Alex. --") != std::string::npos);
    CHECK(r.out.find("Your turn as Alex: what do you do?") != std::string::npos);
}

TEST_CASE("the forgotten plan: solo, the partner's defaults answer a gentle start") {
    const auto r = runAttune(
        "play ../scenarios/forgotten-plan.yaml --solo --script breathe-1,say-it-gently,not-only-dinner,ask-to-share");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("forgotten-plan-solo.txt"), r.out);
}

TEST_CASE("validate refuses two files with the same scenario id") {
    const auto r = runAttune("validate data/small.yaml bad/unreachable-node.yaml");
    CHECK(r.exitCode == 1);
    CHECK(r.out.find("bad/unreachable-node.yaml:2:5: error: scenario id 'late-text-small' is already used by "
                     "data/small.yaml [duplicate-scenario-id]\n") != std::string::npos);
}

TEST_CASE("validate reads a folder on every core and reports it as one thread would") {
    // The bad/ folder: 94 files, errors and warnings in each; with --lint, the repeated
    // lines across files depend on the order they are read in.
    const auto one = runAttune("validate --jobs 1 bad");
    CHECK(one.exitCode == 1);
    CHECK(one.out.find("94 files checked: ") != std::string::npos);
    for (const char* jobs : {"--jobs 2 ", "--jobs 7 ", "-j 256 ", ""}) {
        INFO(jobs);
        const auto many = runAttune(std::string("validate ") + jobs + "bad");
        CHECK(many.exitCode == 1);
        CHECK(many.out == one.out);
    }
    const auto lintOne = runAttune("lint -j 1 ../scenarios data/small.yaml bad/unreachable-node.yaml");
    const auto lintMany = runAttune("lint ../scenarios data/small.yaml bad/unreachable-node.yaml");
    CHECK(lintOne.exitCode == 1);  // the two files share one scenario id
    CHECK(lintMany.exitCode == 1);
    CHECK(lintMany.out == lintOne.out);
    CHECK(lintMany.out.find("bad/unreachable-node.yaml:2:5: error: scenario id 'late-text-small' is already used by "
                            "data/small.yaml [duplicate-scenario-id]\n") != std::string::npos);
    CHECK(runAttune("validate --jobs 0 bad").exitCode == 2);
    CHECK(runAttune("validate --jobs 0 bad").err.find("--jobs: Value 0 not in range 1 to 256") != std::string::npos);
}

TEST_CASE("a finished interactive playthrough is saved to the journal and listed") {
    // One private home for both runs, so the second sees what the first saved.
    const fs::path home = fs::temp_directory_path() / "attune-journal-cli";
    fs::remove_all(home);
    const std::string env = "XDG_DATA_HOME='" + home.string() + "' ";
    const int played = std::system(("cd '" + attune::testing::testDir().string() + "' && printf '2\\n' | " + env + "'" +
                                    ATTUNE_BINARY + "' play data/small.yaml > /dev/null")
                                       .c_str());
    CHECK(played == 0);
    CHECK(fs::exists(home / "attune" / "journal.sqlite"));
    const std::string listing = (home / "listing.txt").string();
    CHECK(std::system((env + "'" + ATTUNE_BINARY + "' journal > '" + listing + "'").c_str()) == 0);
    const std::string out = attune::testing::slurp(listing);
    CHECK(out.find("late-text-small          reconnected            secure   both      1 secure, 0 anxious, 0 "
                   "avoidant, 0 disorganised") != std::string::npos);
    fs::remove_all(home);
}

TEST_CASE(
    "walk prints the same report the library makes, refuses a broken file with its diagnostics, and a bad count") {
    const auto r = runAttune("walk data/small.yaml --runs 200 --seed 7");
    CHECK(r.exitCode == 0);
    CHECK_GOLDEN(golden("walk-small.txt"), r.out);
    const auto json = runAttune("walk data/small.yaml --runs 5 --json");
    CHECK(json.exitCode == 0);
    CHECK(json.out.rfind("{\n  \"capped\": {", 0) == 0);
    const auto bad = runAttune("walk bad/dangling-next.yaml");
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find("bad/dangling-next.yaml:") == 0);
    CHECK(bad.err.find("[dangling-next]") != std::string::npos);
    CHECK(runAttune("walk data/small.yaml --runs 0").exitCode == 2);
}
