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
    const std::string env =
        fmt::format("export XDG_DATA_HOME='{0}/data' DIR='{0}' J='{0}/journal.sqlite' A='{1}'\ncd '{2}'\n",
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
        "printf "
        "'own-it\\nsam-meets-repair\\nname-fear\\nsam-validates\\nask-for-text\\nsam-offers-text\\nwarm-close\\n' | "
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
    CHECK(
        list.find("late-text                same-side              secure   both      7 secure, 1 anxious, 1 avoidant, "
                  "0 disorganised") != std::string::npos);
    CHECK(slurp(d.path / "steps.out").rfind("0|first-reply|sharp-reply|anxious\n1|", 0) == 0);
    const std::string steps = slurp(d.path / "steps.out");
    CHECK(std::count(steps.begin(), steps.end(), '\n') == 9);
    CHECK(slurp(d.path / "third.out")
              .find("No unfinished playthrough of “The Late Text” is saved; starting from the "
                    "beginning.\n") != std::string::npos);
}

TEST_CASE("a scenario that changed under the saved steps says which step no longer fits, and starts again") {
    Dir d;
    run(d.path,
        "cp scenarios/late-text.yaml $DIR/late-text.yaml\n"
        "printf 'sharp-reply\\nsam-defends\\nq\\n' | \"$A\" play $DIR/late-text.yaml --coaching off --journal $J > "
        "$DIR/first.out 2>&1\n"
        "sed -i 's/sam-defends/sam-explains/g' $DIR/late-text.yaml\n"
        "printf 'q\\n' | \"$A\" play $DIR/late-text.yaml --coaching off --resume --journal $J > $DIR/second.out "
        "2>&1\n");
    CHECK(slurp(d.path / "first.out")
              .find("Stopped before the end. Your steps so far are kept: attune play " +
                    (d.path / "late-text.yaml").string() + " --resume takes it up again.\n") != std::string::npos);
    CHECK(slurp(d.path / "second.out")
              .find("The saved playthrough no longer fits this scenario (step 2: the choice "
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
          "Your practice so far\n\n"
          "  1 playthrough (1 finished) of 1 scenario; 1 ending found; 1 day of\n  practice.\n\n"
          "Secure choices, by theme\n"
          "  - Needs: 1 of 1 choice secure (100%).\n\n"
          "The patterns that came up most\n"
          "  - Naming the need: once.\n"
          "  These are secure skills: the ones you reach for most are the ones to keep.\n\n"
          "  The styles are lenses on choices made in a story, not a diagnosis of\n"
          "  you. Attune is practice, not therapy.\n");
    CHECK(slurp(d.path / "ana.out").rfind("Ana's practice so far\n\n  1 playthrough (1 finished)", 0) == 0);
    CHECK(slurp(d.path / "export.out") ==
          "The journal (your record) is saved in " + (d.path / "me.csv").string() + "\n");
    CHECK(slurp(d.path / "me.csv").find(",name-need,") != std::string::npos);
    CHECK(slurp(d.path / "refused.rc") == "1\n");
    CHECK(slurp(d.path / "refused.out").find("Nothing was deleted.\n") != std::string::npos);
    CHECK(slurp(d.path / "delete.out") ==
          "Deleted every record of 'Ana', and compacted the file so none of it stays on disk.\n");
    CHECK(slurp(d.path / "after.out") ==
          "Ana's practice so far\n\n"
          "  Nothing in the journal yet. Your practice shows here once you have\n"
          "  played a scenario or taken a practice from the toolbox.\n");
    CHECK(slurp(d.path / "mine-after.out") == slurp(d.path / "progress.out"));
}

TEST_CASE(
    "check-ins before and after a terminal playthrough, skipped with one Enter, and the toolbox, and the HTML "
    "summary") {
    Dir d;
    run(d.path,
        "cd tests\n"
        "printf '6\\ntense\\n1\\n1\\n2\\nlighter\\nmy jaw\\nto be heard\\n' | \"$A\" play data/small.yaml --coaching "
        "off "
        "--journal $J --checkin > $DIR/play.out\n"
        "printf '\\n1\\n1\\n\\n' | \"$A\" play data/small.yaml --coaching off --journal $J --checkin > $DIR/skip.out\n"
        "printf '1\\n1\\n' | \"$A\" play data/small.yaml --coaching off --journal $J > $DIR/plain.out\n"
        "\"$A\" practice > $DIR/list.out\n"
        "\"$A\" practice sigth --journal $J 2> $DIR/bad.err; echo $? > $DIR/bad.rc\n"
        "\"$A\" practice compassion --journal $J < /dev/null > $DIR/kind.out\n"
        "\"$A\" journal export --format html --journal $J --out $DIR/summary.html > /dev/null\n"
        "\"$A\" progress --journal $J > $DIR/progress.out\n");
    const std::string play = slurp(d.path / "play.out");
    CHECK(play.find("\n  Before you begin, a check-in. Enter skips it.\n"
                    "  How activated do you feel right now, from 0 (settled) to 10 (flooded)? "
                    "  One word for the feeling, if one comes:   Thank you. It goes into your journal with this "
                    "playthrough.\n") != std::string::npos);
    CHECK(play.find(
              "\n  Before you go, a check-in and a short note, if you like. Enter skips them.\n"
              "  How activated do you feel now, from 0 (settled) to 10 (flooded)?   One word for the feeling, if one "
              "comes:   What did you notice in your body?   What did you need?   Thank you. It is kept in your "
              "journal.\n") != std::string::npos);
    const std::string skip = slurp(d.path / "skip.out");
    CHECK(skip.find("Thank you") == std::string::npos);
    CHECK(skip.find("What did you notice") == std::string::npos);  // one Enter skipped the check-in and the note
    CHECK(slurp(d.path / "plain.out").find("check-in") ==
          std::string::npos);  // not a terminal, no --checkin: not asked
    CHECK(slurp(d.path / "list.out") ==
          "The regulation toolbox\n"
          "  paced       Paced breathing: The out-breath longer than the in-breath,\n"
          "              five times. About a minute.\n"
          "  sigh        The physiological sigh: Two breaths in, one long sigh out,\n"
          "              three times. Under half a minute.\n"
          "  grounding   5-4-3-2-1 grounding: Back to the room through your senses.\n"
          "              About a minute.\n"
          "  compassion  A self-compassion break: Noticing it is hard, remembering you\n"
          "              are not alone in it, and kindness. Under a minute.\n"
          "  break       The twenty-minute break: Time away when you are flooded, and a\n"
          "              time to come back.\n"
          "\nattune practice ID takes one; the window has them too (B in the library).\n");
    CHECK(slurp(d.path / "bad.rc") == "2\n");
    CHECK(slurp(d.path / "bad.err") ==
          "attune: there is no practice 'sigth'; the practices are paced, sigh, grounding, compassion, break (did you "
          "mean 'sigh'?)\n");
    CHECK(slurp(d.path / "kind.out").rfind("\n  A kind moment for yourself.\n", 0) == 0);
    const std::string progress = slurp(d.path / "progress.out");
    CHECK(progress.find("Check-ins: how activated you felt, 0 to 10\n"
                        "  - Before a scenario: 6.0 on average, over 1 check-in.\n"
                        "  - After one: 2.0 on average, over 1 check-in.\n"
                        "  - In the playthrough with both, activation came down by 4.0.\n") != std::string::npos);
    CHECK(progress.find("late-text-small: noticed: my jaw; needed: to be heard\n") != std::string::npos);
    const std::string page = slurp(d.path / "summary.html");
    CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(page.find("<svg") != std::string::npos);
    CHECK(page.find("<li>Before a scenario: 6.0 on average, over 1 check-in.</li>") != std::string::npos);
}

TEST_CASE("a journal folder that cannot be written: said once, and the story plays on to its end unrecorded") {
    Dir d;
    // Root may write into a folder whatever its mode, so as root a folder no one can create
    // files in stands for it (sysfs).
    const std::string folder =
        ::geteuid() == 0 ? std::string("/sys/attune-read-only") : (d.path / "read-only").string();
    if (::geteuid() != 0) {
        fs::create_directories(folder);
        fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    }
    run(d.path,
        fmt::format(
            "cd tests\nprintf '1\\n1\\n' | \"$A\" play data/small.yaml --coaching off --journal '{0}/journal.sqlite' "
            "> $DIR/play.out 2> $DIR/play.err; echo $? > $DIR/play.rc\n",
            folder));
    if (::geteuid() != 0) fs::permissions(folder, fs::perms::owner_all);
    CHECK(slurp(d.path / "play.rc") == "0\n");
    const std::string err = slurp(d.path / "play.err");
    CHECK(err.rfind(
              "attune: this playthrough will not be saved: the journal " + folder + "/journal.sqlite cannot be opened",
              0) == 0);
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);  // said once
    CHECK(slurp(d.path / "play.out").find("== Ending:") != std::string::npos);
}
