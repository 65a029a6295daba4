// The rule table is the single list of diagnostic ids: every id the program
// emits is in it, and the authors' documentation explains every one.
#include "core/check/Rules.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using namespace attune;

TEST_CASE("every rule id in the expected reports is in the table with the same severity") {
    const std::regex line(R"((error|warning): .* \[([a-z-]+)\]$)");
    int seen = 0;
    for (const auto& e : fs::directory_iterator(testing::testDir() / "bad")) {
        if (e.path().extension() != ".expected") continue;
        std::istringstream in(testing::slurp(e.path()));
        for (std::string l; std::getline(in, l);) {
            std::smatch m;
            REQUIRE_MESSAGE(std::regex_search(l, m, line), l);
            const check::Rule* r = check::findRule(m[2].str());
            REQUIRE_MESSAGE(r, m[2].str());
            CHECK((r->severity == Severity::Error) == (m[1].str() == "error"));
            ++seen;
        }
    }
    CHECK(seen >= 30);
}

TEST_CASE("every rule in the table is used by the source and documented for authors") {
    std::string source;
    for (const auto& e : fs::recursive_directory_iterator(testing::sourceDir() / "src"))
        if (e.path().extension() == ".cpp" && e.path().filename() != "Rules.cpp") source += testing::slurp(e.path());
    const std::string doc = testing::slurp(testing::sourceDir() / "docs" / "validator-rules.md");
    for (const check::Rule& r : check::rules()) {
        INFO("rule: ", r.id);
        CHECK(source.find("\"" + std::string(r.id) + "\"") != std::string::npos);
        CHECK(doc.find("`" + std::string(r.id) + "`") != std::string::npos);
    }
}
