// The journal from the command line, against real SQLite files: a playthrough killed with
// SIGKILL half-way is taken up again with every completed step, and counted once when it
// ends; a scenario that changed under the saved steps says which step no longer fits and
// starts again.
#include "support/Support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using attune::testing::slurp;

namespace {

/// Runs `script` (bash) from the source folder with A (the program), DIR and J (the journal) set.
void run(const fs::path& dir, const std::string& script) {
    const std::string env = fmt::format("export XDG_DATA_HOME='{0}/data' DIR='{0}' J='{0}/journal.sqlite' A='{1}'\ncd '{2}'\n",
                                        dir.string(), ATTUNE_BINARY, attune::testing::sourceDir().string());
    std::ofstream(dir / "run.sh") << env << script;
    REQUIRE(std::system(fmt::format("bash '{}/run.sh'", dir.string()).c_str()) == 0);
}

struct Dir {
    fs::path path = fs::temp_directory_path() / fmt::format("attune-journal-cli-{}", ::getpid());
    Dir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Dir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("a playthrough killed half-way is taken up again with every completed step, and counted once") {
    Dir d;
    run(d.path,
        "mkfifo $DIR/in\n"
        "(printf 'sharp-reply\\nsam-defends\\n'; sleep 30) > $DIR/in & W=$!\n"
        "\"$A\" play scenarios/late-text.yaml --coaching off --journal $J < $DIR/in > $DIR/first.out 2>&1 & P=$!\n"
        "for i in $(seq 100); do\n"
        "  n=$(sqlite3 $J 'SELECT COUNT(*) FROM steps' 2>/dev/null || echo 0)\n"
        "  [ \"$n\" = 2 ] && break; sleep 0.1\n"
        "done\n"
        "kill -9 $P; kill $W; wait $P 2>/dev/null\n"
        "printf 'own-it\\nsam-meets-repair\\nname-fear\\nsam-validates\\nask-for-text\\nsam-offers-text\\nwarm-close\\n' | "
        "\"$A\" play scenarios/late-text.yaml --coaching off --resume --journal $J > $DIR/second.out 2>&1\n"
        "\"$A\" journal --journal $J > $DIR/list.out\n"
        "\"$A\" play scenarios/late-text.yaml --coaching off --resume --journal $J < /dev/null > $DIR/third.out 2>&1\n"
        "sqlite3 $J \"SELECT seq, node, choice, style FROM steps ORDER BY playthrough, seq\" > $DIR/steps.out\n");
    const std::string second = slurp(d.path / "second.out");
    CHECK(second.find("Taking up where you stopped (2 decisions in, begun ") != std::string::npos);
    CHECK(second.find("== Ending: Back on the same side (secure) ==") != std::string::npos);
    // Counted once, as one person playing both roles, with all nine picks.
    const std::string list = slurp(d.path / "list.out");
    CHECK(std::count(list.begin(), list.end(), '\n') == 1);
    CHECK(list.find("late-text                same-side              secure   both      7 secure, 1 anxious, 1 avoidant, "
                    "0 disorganised") != std::string::npos);
    CHECK(slurp(d.path / "steps.out").rfind("0|first-reply|sharp-reply|anxious\n1|", 0) == 0);
    const std::string steps = slurp(d.path / "steps.out");
    CHECK(std::count(steps.begin(), steps.end(), '\n') == 9);
    CHECK(slurp(d.path / "third.out").find("No unfinished playthrough of “The Late Text” is saved; starting from the "
                                           "beginning.\n") != std::string::npos);
}

TEST_CASE("a scenario that changed under the saved steps says which step no longer fits, and starts again") {
    Dir d;
    run(d.path,
        "cp scenarios/late-text.yaml $DIR/late-text.yaml\n"
        "printf 'sharp-reply\\nsam-defends\\nq\\n' | \"$A\" play $DIR/late-text.yaml --coaching off --journal $J > "
        "$DIR/first.out 2>&1\n"
        "sed -i 's/sam-defends/sam-explains/g' $DIR/late-text.yaml\n"
        "printf 'q\\n' | \"$A\" play $DIR/late-text.yaml --coaching off --resume --journal $J > $DIR/second.out 2>&1\n");
    CHECK(slurp(d.path / "first.out").find("Stopped before the end. Your steps so far are kept: attune play " +
                                           (d.path / "late-text.yaml").string() + " --resume takes it up again.\n") !=
          std::string::npos);
    CHECK(slurp(d.path / "second.out").find("The saved playthrough no longer fits this scenario (step 2: the choice "
                                            "'sam-defends' at node ") != std::string::npos);
}

TEST_CASE("progress, export and delete from the command line, for one person of two sharing the machine") {
    Dir d;
    run(d.path,
        "cd tests\n"
        "printf '2\\n' | \"$A\" play data/small.yaml --coaching off --journal $J > /dev/null\n"
        "printf '1\\n1\\n' | \"$A\" play data/small.yaml --coaching off --journal $J --profile Ana > /dev/null\n"
        "\"$A\" progress --journal $J > $DIR/progress.out\n"
        "\"$A\" progress --journal $J --profile Ana > $DIR/ana.out\n"
        "\"$A\" journal export --format csv --journal $J --out $DIR/me.csv > $DIR/export.out\n"
        "\"$A\" journal delete --profile Ana --journal $J < /dev/null > $DIR/refused.out; echo $? > $DIR/refused.rc\n"
        "\"$A\" journal delete --profile Ana --yes --journal $J > $DIR/delete.out\n"
        "\"$A\" progress --journal $J --profile Ana > $DIR/after.out\n"
        "\"$A\" progress --journal $J > $DIR/mine-after.out\n");
    CHECK(slurp(d.path / "progress.out") ==
          "Your practice so far\n"
          "  1 playthrough (1 finished), 1 scenario, 1 ending found, 1 day of practice\n"
          "\nSecure choices, by week and theme\n" +
              slurp(d.path / "progress.out").substr(slurp(d.path / "progress.out").find("  week of 20")));
    CHECK(slurp(d.path / "progress.out").find("needs 1 of 1") != std::string::npos);
    CHECK(slurp(d.path / "ana.out").rfind("Your practice so far (Ana)\n  1 playthrough (1 finished)", 0) == 0);
    CHECK(slurp(d.path / "export.out") == "The journal (your record) is saved in " + (d.path / "me.csv").string() + "\n");
    CHECK(slurp(d.path / "me.csv").find(",name-need,") != std::string::npos);
    CHECK(slurp(d.path / "refused.rc") == "1\n");
    CHECK(slurp(d.path / "refused.out").find("Nothing was deleted.\n") != std::string::npos);
    CHECK(slurp(d.path / "delete.out") ==
          "Deleted every record of 'Ana', and compacted the file so none of it stays on disk.\n");
    CHECK(slurp(d.path / "after.out") == "Nothing in the journal yet: your practice shows here once you have played.\n");
    CHECK(slurp(d.path / "mine-after.out").rfind("Your practice so far\n  1 playthrough", 0) == 0);
}
