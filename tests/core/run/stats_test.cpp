#include "core/load/Loader.hpp"
#include "core/run/Stats.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>

using namespace attune;

TEST_CASE("stats measure the longest path in decisions and reach every node of the small scenario") {
    const Scenario s = testing::loadTestScenario("data/small.yaml");
    const ScenarioStats st = computeStats(s, 300, 1);
    CHECK(st.nodes == 8);
    CHECK(st.decisions == 2);
    CHECK(st.longestPath == 2);
    CHECK(st.endings == 2);
    CHECK(st.styles == std::array<int, 4>{3, 2, 2, 0});
    CHECK(st.reached == st.reachable);
    CHECK(st.runEndings[0] + st.runEndings[2] == 300);
}

TEST_CASE("regression: stats on a chain of a hundred thousand nodes needs no deep stack") {
    std::string text =
        "format: 1\nid: chain\ntitle: Chain\nsummary: s\nthemes: [needs]\nroles: { me: { name: Me } }\nstart: "
        "n0\nnodes:\n";
    const int n = 99999;  // n0 to n99999: 100,000 nodes, as many as a scenario may have (docs/limits.md)
    for (int i = 0; i < n; ++i)
        text += "  n" + std::to_string(i) + ": { text: x, next: n" + std::to_string(i + 1) + " }\n";
    text += "  n" + std::to_string(n) + ": { text: x, ending: { kind: secure, title: E } }\n";
    LoadResult r = loadScenarioText(text, "chain.yaml", testing::patterns());
    REQUIRE(r.scenario);
    const ScenarioStats st = computeStats(*r.scenario, 1, 1);
    CHECK(st.reachable == n + 1);
    CHECK(st.reached == n + 1);
    CHECK(st.longestPath == 0);
}

TEST_CASE("regression: thousands of broken references get plain messages once suggestions run out") {
    std::string text =
        "format: 1\nid: many\ntitle: Many\nsummary: s\nthemes: [needs]\nroles: { me: { name: Me } }\nstart: "
        "a0\nnodes:\n";
    for (int i = 0; i < 3000; ++i)
        text += "  a" + std::to_string(i) + ": { text: x, next: b" + std::to_string(i) + " }\n";
    const LoadResult r = loadScenarioText(text, "many.yaml", testing::patterns());
    REQUIRE(r.diags.errorCount() == 3000);
    CHECK(r.diags.all().front().message == "'next' goes to unknown node 'b0' (did you mean 'a0'?)");
    CHECK(r.diags.all().back().message == "'next' goes to unknown node 'b2999'");
}
