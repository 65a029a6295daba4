// The include graph, read from the sources: the core's folders form layers (no folder
// reaches back to one that includes it), the core never includes a front end, and
// the front ends only reach the window through its SFML-free seam.
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {
namespace fs = std::filesystem;

/// Folder -> the folders its files include ("core/load", "cli", "sfml", ...), each with
/// every "file includes header" behind that edge.
std::map<std::string, std::map<std::string, std::vector<std::string>>> includeGraph() {
    const fs::path src = attune::testing::sourceDir() / "src";
    const std::regex inc(R"re(#include "((core/[a-z]+)|([a-z]+))/[^"]*")re");
    std::map<std::string, std::map<std::string, std::vector<std::string>>> g;
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".hpp")) continue;
        const std::string rel = fs::relative(e.path(), src).generic_string();
        if (rel.find('/') == std::string::npos) continue;  // main.cpp
        std::string folder = rel.substr(0, rel.find('/'));
        if (folder == "core") folder = rel.substr(0, rel.find('/', 5));
        const std::string text = attune::testing::slurp(e.path());
        for (std::sregex_iterator it(text.begin(), text.end(), inc), end; it != end; ++it) {
            const std::string to = (*it)[2].matched ? (*it)[2].str() : (*it)[3].str();
            if (to != folder) g[folder][to].push_back(rel + " includes " + it->str().substr(10));
        }
    }
    return g;
}

}  // namespace

TEST_CASE("the core's folders include each other in layers, never in a circle") {
    const auto g = includeGraph();
    REQUIRE(g.count("core/load"));
    // Depth-first search for a cycle; the path that closes it is the message.
    std::map<std::string, int> mark;  // 0 new, 1 on the stack, 2 done
    std::vector<std::string> stack;
    std::string cycle;
    std::function<void(const std::string&)> visit = [&](const std::string& f) {
        mark[f] = 1;
        stack.push_back(f);
        if (auto it = g.find(f); it != g.end())
            for (const auto& [to, why] : it->second) {
                if (!cycle.empty()) break;
                if (mark[to] == 1) {
                    for (const auto& s : stack) cycle += s + " -> ";
                    cycle += to + " (" + why.front() + ")";
                } else if (mark[to] == 0) {
                    visit(to);
                }
            }
        stack.pop_back();
        mark[f] = 2;
    };
    for (const auto& [f, _] : g)
        if (mark[f] == 0 && cycle.empty()) visit(f);
    CHECK_MESSAGE(cycle.empty(), cycle);
}

TEST_CASE("the core includes no front end, and front ends reach the window only through sfml/Window.hpp") {
    const auto g = includeGraph();
    for (const auto& [from, tos] : g) {
        if (from.rfind("core/", 0) == 0)
            for (const auto& [to, why] : tos) CHECK_MESSAGE(to.rfind("core/", 0) == 0, why.front());
        if (from == "cli" || from == "text")
            if (auto it = tos.find("sfml"); it != tos.end())
                for (const std::string& why : it->second)
                    CHECK_MESSAGE(why.find("sfml/Window.hpp") != std::string::npos, why);
        if (from == "sfml")
            for (const char* front : {"cli", "text"}) {
                const std::string why = tos.count(front) ? tos.at(front).front() : std::string();
                CHECK_MESSAGE(why.empty(), why);
            }
    }
    // The one seam is SFML-free, so the CLI builds without the window.
    const std::string seam = attune::testing::slurp(attune::testing::sourceDir() / "src" / "sfml" / "Window.hpp");
    CHECK(seam.find("SFML/") == std::string::npos);
}

namespace {
/// The include line the engine may never have: SFML's own headers, in any spelling.
const std::regex kSfmlInclude(R"(^\s*#\s*include\s*[<"]SFML/)");
}  // namespace

TEST_CASE("src/core includes no SFML header, and the engine's CMake target links no SFML library") {
    std::vector<std::string> found;
    int files = 0;
    const fs::path core = attune::testing::sourceDir() / "src" / "core";
    for (const auto& e : fs::recursive_directory_iterator(core)) {
        if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".hpp")) continue;
        ++files;
        const std::string text = attune::testing::slurp(e.path());
        std::size_t line = 1, start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            if (i < text.size() && text[i] != '\n') continue;
            if (std::regex_search(text.substr(start, i - start), kSfmlInclude))
                found.push_back("src/core/" + fs::relative(e.path(), core).generic_string() + ":" +
                                std::to_string(line));
            ++line;
            start = i + 1;
        }
    }
    CHECK(files > 40);
    for (const auto& f : found) FAIL_CHECK(f << " includes SFML");
    const std::string cmake = attune::testing::slurp(attune::testing::sourceDir() / "CMakeLists.txt");
    const auto at = cmake.find("target_link_libraries(attune_core");
    REQUIRE(at != std::string::npos);
    const std::string link = cmake.substr(at, cmake.find(')', at) - at);
    CHECK(link.find("sfml") == std::string::npos);
    CHECK(link.find("SFML") == std::string::npos);
}

TEST_CASE("the SFML include check refuses every spelling and lets the rest be") {
    CHECK(std::regex_search("#include <SFML/Graphics.hpp>", kSfmlInclude));
    CHECK(std::regex_search("  #  include \"SFML/Window/Event.hpp\"", kSfmlInclude));
    CHECK(std::regex_search("#include <SFML/Network/Packet.hpp>", kSfmlInclude));
    CHECK_FALSE(std::regex_search("#include \"core/run/Session.hpp\"", kSfmlInclude));
    CHECK_FALSE(std::regex_search("// not here: #include <SFML/Window.hpp>", kSfmlInclude));
}
