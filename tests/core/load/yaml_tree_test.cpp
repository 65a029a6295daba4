#include "core/load/YamlTree.hpp"

#include <doctest/doctest.h>

using namespace attune;

namespace {
std::optional<yaml::Node> parse(std::string_view text, Diagnostics& d) { return yaml::parse(text, d); }
}  // namespace

TEST_CASE("positions are 1-based lines and columns counted in characters") {
    Diagnostics d("f");
    auto root = parse("title: \"Ça — va\"\nnext: b\n", d);
    REQUIRE(root);
    const yaml::Node* next = root->find("next");
    REQUIRE(next);
    CHECK(next->pos == Pos{2, 7});
    CHECK(root->find("title")->quoted);
    CHECK_FALSE(next->quoted);
}

TEST_CASE("a column after non-ASCII text counts characters, not bytes") {
    Diagnostics d("f");
    auto root = parse("a: [é, ü, x]\n", d);
    REQUIRE(root);
    CHECK(root->find("a")->items[2].pos == Pos{1, 11});
}

TEST_CASE("duplicate keys are reported at the second with the first's position") {
    Diagnostics d("f");
    auto root = parse("a: 1\nb: 2\na: 3\n", d);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].format() ==
          "f:3:1: error: duplicate key 'a'; it is already set at line 1, column 1 [duplicate-key]");
    CHECK_FALSE(root);
}

TEST_CASE("duplicates in a large mapping are all found") {
    std::string text;
    for (int i = 0; i < 500; ++i) text += "k" + std::to_string(i) + ": x\n";
    text += "k7: y\nk400: z\n";
    Diagnostics d("f");
    parse(text, d);
    d.sort();
    REQUIRE(d.all().size() == 2);
    CHECK(d.all()[0].message == "duplicate key 'k7'; it is already set at line 8, column 1");
    CHECK(d.all()[1].message == "duplicate key 'k400'; it is already set at line 401, column 1");
}

TEST_CASE("null, empty and tilde values become null nodes") {
    Diagnostics d("f");
    auto root = parse("a:\nb: ~\nc: null\nd: 'null'\n", d);
    REQUIRE(root);
    CHECK(root->find("a")->isNull());
    CHECK(root->find("b")->isNull());
    CHECK(root->find("c")->isNull());
    CHECK(root->find("d")->isScalar());
}

TEST_CASE("nesting deeper than the limit stops the parse with one message") {
    Diagnostics d("f");
    yaml::Limits limits;
    limits.maxDepth = 3;
    auto root = yaml::parse("a: [[[1]]]\n", d, limits);
    CHECK_FALSE(root);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].format() == "f:1:6: error: nesting is deeper than 3 levels [yaml-depth]");
}

TEST_CASE("explicit tags are refused") {
    Diagnostics d("f");
    parse("a: !!str 5\n", d);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].rule == "yaml-tag");
}

TEST_CASE("a byte-order mark at the start is accepted") {
    Diagnostics d("f");
    auto root = parse(
        "\xEF\xBB\xBF"
        "a: 1\n",
        d);
    CHECK(d.all().empty());
    REQUIRE(root);
    CHECK(root->find("a"));
}
