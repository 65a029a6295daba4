// attune play FILE --watch, as an author meets it: the real binary reading picks from a
// pipe while the scenario file is edited under it: a save in place keeps the step, a save
// by rename that drops a picked choice starts again and says why, a save with errors prints
// its diagnostics and play waits, and the fix goes on. The transcript is checked word for
// word (the clock's times read HH:MM:SS).
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <regex>
#include <unistd.h>

namespace fs = std::filesystem;
using attune::testing::slurp;

TEST_CASE("play --watch: kept step, restart with its reason, errors shown and then fixed, through real saves") {
    const fs::path dir = fs::temp_directory_path() / fmt::format("attune-watch-{}", ::getpid());
    fs::remove_all(dir);
    fs::create_directories(dir);
    // Each step waits (at most ten seconds: a guard, not a measure) for what the player
    // prints, so the next save comes only once the last one has been played.
    const std::string script = fmt::format(R"SH(set -u
export XDG_DATA_HOME='{0}/data' XDG_CONFIG_HOME='{0}/config'
cd '{0}'
cp '{2}/data/small.yaml' s.yaml
cp s.yaml good.yaml
mkfifo in
'{1}' play s.yaml --watch --coaching off < in > out 2> err &
pid=$!
exec 3> in
until_seen() {{ for i in $(seq 1000); do [ "$(grep -c -- "$1" out)" -ge "$2" ] && return 0; sleep 0.01; done; echo "never saw $1" >> err; }}
until_seen 'Watching s.yaml: each save' 1
echo protest >&3
until_seen 'Sorry. I know' 1
# A save in place: the same file written and closed.
sed 's/Why is that never enough?/Is that not enough?/' good.yaml > edited.yaml
cat edited.yaml > s.yaml
until_seen 'reloaded s.yaml' 1
until_seen 'Sorry. I know' 2
# A save by rename that drops the choice picked.
sed 's/- id: protest$/- id: protest-loudly/; s/choose: \[protest\]/choose: [protest-loudly]/' edited.yaml > .s.yaml.new
mv .s.yaml.new s.yaml
until_seen 'Started again' 1
until_seen 'Do you even care' 2
# A save with an error, then the fix.
sed 's/next: distance/next: distanse/' good.yaml > .s.yaml.new
mv .s.yaml.new s.yaml
until_seen 'has an error' 1
cp good.yaml s.yaml
until_seen 'reloaded s.yaml' 3
echo q >&3
exec 3>&-
wait $pid
echo $? > rc
)SH",
                                           dir.string(), ATTUNE_BINARY, attune::testing::testDir().string());
    std::ofstream(dir / "run.sh") << script;
    REQUIRE(std::system(fmt::format("bash '{}/run.sh'", dir.string()).c_str()) == 0);
    const std::string out =
        std::regex_replace(slurp(dir / "out"), std::regex("[0-9]{2}:[0-9]{2}:[0-9]{2}"), "HH:MM:SS");
    CHECK(slurp(dir / "err") == "");
    CHECK(slurp(dir / "rc") == "0\n");
    CHECK_GOLDEN(attune::testing::testDir() / "golden" / "watch-terminal.txt", out);
    fs::remove_all(dir);
}
