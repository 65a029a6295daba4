// Two machines, as two real processes on loopback: attune host and attune join play a
// whole scenario to the same ending; a wrong code is refused and the host goes on; a
// peer that sends random bytes or an oversized length neither crashes nor stops the host.
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using attune::testing::slurp;

namespace {

const char* kHostPicks = "sharp-reply,own-it,name-fear,ask-for-text,warm-close";
const char* kJoinPicks = "sam-defends,sam-meets-repair,sam-validates,sam-offers-text";

struct Pair {
    std::string hostOut, hostErr, joinOut, joinErr;
    std::string wire;   ///< what a recording proxy saw, when there was one
    std::string extra;  ///< DIR/extra, for a figure a test writes
    int hostRc = -1, joinRc = -1;
};

/// Runs `script` (bash) in a fresh folder with HOST, JOIN, PORT and DIR set; each process
/// writes DIR/NAME.out, .err and .rc.
Pair run(const std::string& script) {
    const fs::path dir = fs::temp_directory_path() / fmt::format("attune-net-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    // A port of its own for every run: a port just closed may still be held by the system.
    static int runs = 0;
    // Below the system's ephemeral range (32768 and up), where outgoing connections take
    // their ports, and apart from the window tests' (20000 to 25999).
    const int port = 26000 + static_cast<int>((::getpid() * 64 + 4 * runs++) % 6400);  // PORT+1 is the proxy's
    const std::string env = fmt::format(
        "export XDG_DATA_HOME='{0}/data' XDG_CONFIG_HOME='{0}/config' DIR='{0}' PORT={1} "
        "A='{2}'\ncd '{3}'\n",
        dir.string(), port, ATTUNE_BINARY, attune::testing::sourceDir().string());
    std::ofstream(dir / "run.sh") << env << script;
    const int status = std::system(fmt::format("bash '{}/run.sh'", dir.string()).c_str());
    REQUIRE(status == 0);
    Pair p;
    p.hostOut = slurp(dir / "host.out");
    p.hostErr = slurp(dir / "host.err");
    p.joinOut = slurp(dir / "join.out");
    p.joinErr = slurp(dir / "join.err");
    if (fs::exists(dir / "wire")) p.wire = slurp(dir / "wire");
    if (fs::exists(dir / "extra")) p.extra = slurp(dir / "extra");
    p.hostRc = std::stoi(slurp(dir / "host.rc"));
    p.joinRc = std::stoi(slurp(dir / "join.rc"));
    fs::remove_all(dir);
    return p;
}

/// From the scenario's title on: what does not depend on ports and addresses.
std::string fromTitle(const std::string& out) {
    const auto at = out.find("The Late Text\n");
    return at == std::string::npos ? out : out.substr(at);
}

std::string hostCmd(const char* code = "482913") {
    return fmt::format(
        "(timeout 60 \"$A\" host scenarios/late-text.yaml --port $PORT --code {} --name Jo --script {} "
        "> $DIR/host.out 2> $DIR/host.err; echo $? > $DIR/host.rc) &\n",
        code, kHostPicks);
}

std::string joinCmd(const char* code = "482913") {
    return fmt::format(
        "timeout 60 \"$A\" join 127.0.0.1:$PORT --code {} --name Maya --script {} > $DIR/join.out "
        "2> $DIR/join.err; echo $? > $DIR/join.rc\n",
        code, kJoinPicks);
}

}  // namespace

TEST_CASE("two machines play one scenario to the same ending, each seeing only its own person's side") {
    const Pair p = run(hostCmd() + joinCmd() + "wait\n");
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    CHECK(p.hostErr.empty());
    CHECK(p.joinErr.empty());
    CHECK(p.hostOut.find("Pairing code: 482913\n") != std::string::npos);
    const std::string ending = "== Ending: Back on the same side (secure) ==";
    CHECK(p.hostOut.find(ending) != std::string::npos);
    CHECK(p.joinOut.find(ending) != std::string::npos);
    CHECK_GOLDEN(attune::testing::testDir() / "golden" / "net-late-text-host.txt", fromTitle(p.hostOut));
    CHECK_GOLDEN(attune::testing::testDir() / "golden" / "net-late-text-join.txt", fromTitle(p.joinOut));
    // The joiner never sees the host's choices while they are made, nor the host's cards.
    CHECK(p.joinOut.find("Jo, as Alex: what do you do?") == std::string::npos);
    CHECK(p.joinOut.find("Anxious: Sarcasm and eye-rolling") == std::string::npos);
    CHECK(p.hostOut.find("Maya, as Sam: what do you do?") == std::string::npos);
}

TEST_CASE("a wrong code is refused, and the host still pairs with the right one after it") {
    const Pair p =
        run(hostCmd() + "sleep 0.3\n" +
            fmt::format(
                "timeout 30 \"$A\" join 127.0.0.1:$PORT --code 000000 --script 1 > $DIR/wrong.out 2> $DIR/wrong.err; "
                "echo $? > $DIR/wrong.rc\n"
                "grep -qx 1 $DIR/wrong.rc && grep -qx 'attune: the host refused the pairing code (check the code it "
                "shows)' "
                "$DIR/wrong.err || exit 1\n") +
            joinCmd() + "wait\n");
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    CHECK(p.hostErr.find("gave the wrong pairing code\n") != std::string::npos);
    CHECK(p.joinOut.find("== Ending: Back on the same side (secure) ==") != std::string::npos);
}

TEST_CASE("random bytes, a truncated message and an oversized length neither crash nor stop the host") {
    // The bytes go once the host listens (read from /proc/net/tcp: a slow build, ASan's,
    // may take longer than a fixed pause to get there).
    const Pair p = run(hostCmd() +
                       "hex=$(printf '%04X' $PORT); for i in $(seq 200); do "
                       "grep -q \":$hex 00000000:0000 0A\" /proc/net/tcp && break; sleep 0.05; done\n"
                       "head -c 5000 /dev/urandom > /dev/tcp/127.0.0.1/$PORT 2>/dev/null\n"
                       "printf '\\x00\\x00\\x00\\x20abc' > /dev/tcp/127.0.0.1/$PORT 2>/dev/null\n"
                       "printf '\\x7f\\xff\\xff\\xff' > /dev/tcp/127.0.0.1/$PORT 2>/dev/null\n"
                       "sleep 0.3\n" +
                       joinCmd() + "wait\n");
    INFO("host: " << p.hostErr << "join: " << p.joinErr);
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    CHECK(p.joinOut.find("== Ending: Back on the same side (secure) ==") != std::string::npos);
    CHECK(p.hostErr.find("a message of 2147483647 bytes is over the limit of 256 bytes") != std::string::npos);
}

TEST_CASE("a joiner killed mid-scenario comes back with the same code and both reach the same ending") {
    const Pair p = run(hostCmd() +
                       "sleep 0.3\n"
                       "mkfifo $DIR/in\n"
                       "(echo sam-defends; sleep 30) > $DIR/in & W=$!\n"
                       "\"$A\" join 127.0.0.1:$PORT --code 482913 --name Maya < $DIR/in > $DIR/first.out 2>&1 & J=$!\n"
                       "sleep 2\n"
                       "kill -9 $J; kill $W 2>/dev/null\n"
                       "wait $J 2>/dev/null\n"
                       "timeout 60 \"$A\" join 127.0.0.1:$PORT --code 482913 --name Maya --script "
                       "sam-meets-repair,sam-validates,sam-offers-text > $DIR/join.out 2> $DIR/join.err; "
                       "echo $? > $DIR/join.rc\n"
                       "wait\n");
    INFO("host: " << p.hostErr << "join: " << p.joinErr);
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    CHECK(p.hostOut.find("  Waiting for Maya to reconnect...\n  Maya is back.\n") != std::string::npos);
    CHECK(p.joinOut.find("Taking the story up again where it stood, 3 decisions in.\n") != std::string::npos);
    const std::string ending = "== Ending: Back on the same side (secure) ==";
    CHECK(p.hostOut.find(ending) != std::string::npos);
    CHECK(p.joinOut.find(ending) != std::string::npos);
    // The host's side reads as if nothing was lost: the same transcript as an unbroken run,
    // with the pause in it.
    std::string unbroken = slurp(attune::testing::testDir() / "golden" / "net-late-text-host.txt");
    const std::string pause = "\n  Waiting for Maya to reconnect...\n  Maya is back.\n";
    std::string host = fromTitle(p.hostOut);
    if (const auto at = host.find(pause); at != std::string::npos) host.erase(at, pause.size());
    CHECK(host == unbroken);
}

TEST_CASE("either side can leave mid-story, and the other is told") {
    const Pair p = run(hostCmd() +
                       "sleep 0.3\n"
                       "timeout 60 \"$A\" join 127.0.0.1:$PORT --code 482913 --name Maya --script sam-defends "
                       "> $DIR/join.out 2> $DIR/join.err; echo $? > $DIR/join.rc\n"
                       "wait\n");
    CHECK(p.joinRc == 1);
    CHECK(p.joinErr == "attune: the script ended before the story did\n");
    CHECK(p.hostRc == 0);
    CHECK(p.hostOut.find("\nMaya left before the end. Nothing from this playthrough is kept.\n") != std::string::npos);
    CHECK(p.hostErr.empty());
}

TEST_CASE("on the wire: none of the scenario's text, the choices or the names") {
    const std::string proxy = (attune::testing::testDir() / "net_proxy.py").string();
    const Pair p = run(hostCmd() + fmt::format("python3 '{}' $((PORT+1)) $PORT $DIR/wire 40 & X=$!\n", proxy) +
                       "sleep 0.5\n"
                       "timeout 60 \"$A\" join 127.0.0.1:$((PORT+1)) --code 482913 --name Maya --script " +
                       kJoinPicks +
                       " > $DIR/join.out 2> $DIR/join.err; echo $? > $DIR/join.rc\n"
                       "sleep 0.5; kill $X; wait\n");
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    CHECK(p.joinOut.find("== Ending: Back on the same side (secure) ==") != std::string::npos);
    // The proxy saw the whole conversation go by: the greeting in the clear, then ciphertext.
    CHECK(p.wire.size() > 20000);
    CHECK(p.wire.find("ATTUNE/1") != std::string::npos);
    for (const char* secret : {"The Late Text", "format: 1", "Must be nice", "Glad the launch", "sharp-reply",
                               "sam-defends", "warm-close", "Maya", "482913", "\"choice\"", "nervous system"})
        CHECK_MESSAGE(p.wire.find(secret) == std::string::npos, secret);
}

TEST_CASE("a joiner lost while the host's person is choosing: the host says so at once, and takes it up again") {
    const Pair p =
        run("mkfifo $DIR/hin $DIR/jin\n"
            "(sleep 11; printf 'sharp-reply\\nown-it\\nname-fear\\nask-for-text\\nwarm-close\\n'; sleep 30) > $DIR/hin "
            "& HW=$!\n"
            "(timeout 60 \"$A\" host scenarios/late-text.yaml --port $PORT --code 482913 --name Jo < $DIR/hin "
            "> $DIR/host.out 2> $DIR/host.err; echo $? > $DIR/host.rc) &\n"
            "sleep 0.3\n"
            "(sleep 30) > $DIR/jin & JW=$!\n"
            "\"$A\" join 127.0.0.1:$PORT --code 482913 --name Maya < $DIR/jin > $DIR/first.out 2>&1 & J=$!\n"
            "sleep 1.5; kill -9 $J; kill $JW 2>/dev/null; wait $J 2>/dev/null\n"
            "sleep 11\n" +
            joinCmd() + "kill $HW 2>/dev/null; wait\n");
    INFO("host: " << p.hostErr << "join: " << p.joinErr);
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    // Told while Jo was still choosing, before the pick was sent.
    const auto told =
        p.hostOut.find("(The connection to Maya has dropped. Your pick will wait for them to come back.)");
    const auto waiting = p.hostOut.find("Waiting for Maya to reconnect...");
    CHECK(told != std::string::npos);
    CHECK(waiting != std::string::npos);
    CHECK(told < waiting);
    CHECK(p.joinOut.find("== Ending: Back on the same side (secure) ==") != std::string::npos);
}

TEST_CASE("five wrong codes within a minute make the host wait before the next pairing") {
    std::string guesses;
    for (int i = 0; i < 5; ++i)
        guesses += "timeout 20 \"$A\" join 127.0.0.1:$PORT --code 00000" + std::to_string(i) +
                   " --script 1 >/dev/null 2>>$DIR/guesses.err\n";
    const Pair p =
        run(fmt::format(
                "(timeout 60 \"$A\" host scenarios/late-text.yaml --port $PORT --code 482913 --slowdown 3 --script {} "
                "> $DIR/host.out 2> $DIR/host.err; echo $? > $DIR/host.rc) &\n",
                kHostPicks) +
            "sleep 0.3\n" + guesses +
            "[ $(grep -c 'the host refused the pairing code' $DIR/guesses.err) -eq 5 ] || exit 1\n"
            "S=$(date +%s%N)\n" +
            joinCmd() +
            "E=$(date +%s%N)\n"
            "echo $(( (E - S) / 1000000 )) > $DIR/extra\n"
            "wait\n");
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    CHECK(p.hostErr.find("attune: five wrong codes within a minute; waiting 3 seconds before the next pairing\n") !=
          std::string::npos);
    // The right code, right after, waited out the slow-down (the joiner retries while it waits).
    CHECK(std::stoi(p.extra) >= 2500);
}

TEST_CASE("mirror mode on two machines: both answer every decision privately, and the reveal comes to both") {
    // Jo (host, Alex) and Maya (joiner, Sam) answer all nine decisions; they differ at three.
    // Each owner's answers are the unbroken run's, so the story takes the same path.
    const char* jo =
        "sharp-reply,sam-curious,own-it,sam-meets-repair,name-fear,sam-validates,ask-for-text,"
        "sam-offers-text,warm-close";
    const char* maya =
        "gentle-opening,sam-defends,own-it,sam-meets-repair,still-want-me,sam-validates,ask-for-text,"
        "sam-offers-text,warm-close";
    const Pair p =
        run(fmt::format("(timeout 60 \"$A\" host scenarios/late-text.yaml --mode mirror --port $PORT --code 482913 "
                        "--name Jo --script {} "
                        "> $DIR/host.out 2> $DIR/host.err; echo $? > $DIR/host.rc) &\n"
                        "sleep 0.3\n"
                        "timeout 60 \"$A\" join 127.0.0.1:$PORT --code 482913 --name Maya --script {} > $DIR/join.out "
                        "2> $DIR/join.err; echo $? > $DIR/join.rc\nwait\n",
                        jo, maya));
    INFO("host: " << p.hostErr << "join: " << p.joinErr);
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    CHECK_GOLDEN(attune::testing::testDir() / "golden" / "net-mirror-host.txt", fromTitle(p.hostOut));
    CHECK_GOLDEN(attune::testing::testDir() / "golden" / "net-mirror-join.txt", fromTitle(p.joinOut));
    // Every reveal reads the same on both screens, and each comes after that machine's own answer.
    const auto reveals = [](const std::string& out) {
        std::vector<std::string> all;
        for (auto at = out.find("  == Side by side"); at != std::string::npos;
             at = out.find("  == Side by side", at + 1))
            all.push_back(out.substr(at, out.find("\n\n", out.find("To talk about:", at)) - at));
        return all;
    };
    const auto host = reveals(p.hostOut), join = reveals(p.joinOut);
    CHECK(host.size() == 9);
    CHECK(host == join);
    // Maya's first answer differs from Jo's; the story played Jo's, the owner's.
    CHECK(p.joinOut.find("Alex: Must be nice. Some of us spent the evening") != std::string::npos);
}

TEST_CASE("a dropped connection: the joiner reconnects by itself, and both take the story up where it stood") {
    const std::string proxy = (attune::testing::testDir() / "net_proxy.py").string();
    const Pair p =
        run("mkfifo $DIR/hin\n"
            "(sleep 1.5; echo sharp-reply; sleep 3.5; printf 'own-it\\nname-fear\\nask-for-text\\nwarm-close\\n'; "
            "sleep 30) "
            "> $DIR/hin & HW=$!\n"
            "(timeout 60 \"$A\" host scenarios/late-text.yaml --port $PORT --code 482913 --name Jo < $DIR/hin "
            "> $DIR/host.out 2> $DIR/host.err; echo $? > $DIR/host.rc) &\n" +
            fmt::format(
                "python3 '{0}' $((PORT+1)) $PORT $DIR/wire 40 & X=$!\n"
                "sleep 0.5\n"
                "(timeout 60 \"$A\" join 127.0.0.1:$((PORT+1)) --code 482913 --name Maya --script {1} > $DIR/join.out "
                "2> $DIR/join.err; echo $? > $DIR/join.rc) &\n"
                "sleep 2.5; kill $X; wait $X 2>/dev/null\n"
                "sleep 0.5; python3 '{0}' $((PORT+1)) $PORT $DIR/wire 40 & X=$!\n"
                "while [ ! -f $DIR/join.rc ]; do sleep 0.2; done\n"
                "kill $X $HW 2>/dev/null; wait\n",
                proxy, kJoinPicks));
    INFO("host: " << p.hostErr << "join: " << p.joinErr);
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    CHECK(p.joinOut.find("\n  The connection to Jo dropped. Reconnecting...\n  Jo is back.\n") != std::string::npos);
    CHECK(p.hostOut.find("(The connection to Maya has dropped. Your pick will wait for them to come back.)") !=
          std::string::npos);
    CHECK(p.hostOut.find("\n  Waiting for Maya to reconnect...\n  Maya is back.\n") != std::string::npos);
    // The joiner's side reads as an unbroken run, with the pause in it.
    std::string join = fromTitle(p.joinOut);
    const std::string pause = "\n  The connection to Jo dropped. Reconnecting...\n  Jo is back.\n";
    if (const auto at = join.find(pause); at != std::string::npos) join.erase(at, pause.size());
    CHECK(join == slurp(attune::testing::testDir() / "golden" / "net-late-text-join.txt"));
}

TEST_CASE("a host listens again on its port straight after a game, while the last connection lingers") {
    // The second pair overwrites the first's output files: both must have played.
    const Pair p = run(hostCmd() + "sleep 0.3\n" + joinCmd() +
                       "wait\n"
                       "grep -q 'Ending: Back on the same side' $DIR/join.out || exit 1\n" +
                       hostCmd() + "sleep 0.3\n" + joinCmd() + "wait\n");
    INFO("host: " << p.hostErr << "join: " << p.joinErr);
    CHECK(p.hostRc == 0);
    CHECK(p.joinRc == 0);
    CHECK(p.joinOut.find("== Ending: Back on the same side (secure) ==") != std::string::npos);
}
