// Lint for authors: the readability formula's parts (syllables by vowel groups, words,
// sentences, the Flesch-Kincaid grade), and the whole report over two files word for word:
// a repeated body and why across files, a long choice, a long and hard narration, and a
// breathing pause where nobody is activated.
#include "core/check/Lint.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>

using namespace attune;

TEST_CASE("syllables are counted by vowel groups, with a silent final e") {
    CHECK(check::syllables("cat") == 1);
    CHECK(check::syllables("take") == 1);
    CHECK(check::syllables("gentle") == 2);
    CHECK(check::syllables("the") == 1);
    CHECK(check::syllables("conversation") == 4);
    CHECK(check::syllables("really") == 2);
    CHECK(check::syllables("you're") == 1);
    CHECK(check::syllables("") == 0);
}

TEST_CASE("words and sentences are counted, and the grade follows Flesch-Kincaid") {
    check::Reading r;
    check::count("The cat sat on the mat. It was warm!", r);
    CHECK(r.words == 9);
    CHECK(r.sentences == 2);
    CHECK(r.syllables == 9);
    // 0.39 * 9/2 + 11.8 * 9/9 - 15.59
    CHECK(r.grade() == doctest::Approx(0.39 * 4.5 + 11.8 - 15.59));
    check::Reading open;
    check::count("No stop at the end", open);
    CHECK(open.sentences == 1);
    check::Reading none;
    CHECK(none.grade() == 0);
}

TEST_CASE("attune lint reports each smell word for word, across files, and exits 0 without errors") {
    const auto r = testing::runAttune("lint data/small.yaml data/lint-smells.yaml");
    CHECK(r.exitCode == 0);
    CHECK(r.err == "");
    CHECK_GOLDEN(testing::testDir() / "golden" / "lint-smells.txt", r.out);
    // validate --lint is the same report; plain validate has only the loader's warning.
    CHECK(testing::runAttune("validate --lint data/small.yaml data/lint-smells.yaml").out == r.out);
    const auto plain = testing::runAttune("validate data/small.yaml data/lint-smells.yaml");
    CHECK(plain.out.find("[secure-ending-shutdown]") != std::string::npos);
    CHECK(plain.out.find("[repeated-text]") == std::string::npos);
    // A file with errors: its diagnostics, no lint, exit 1.
    CHECK(testing::runAttune("lint bad/dangling-next.yaml").exitCode == 1);
}
