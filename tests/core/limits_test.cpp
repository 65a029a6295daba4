// Every limit in docs/limits.md (the values are in src/core/util/Limits.hpp), at the limit
// and one past it: what is at the limit loads, is read, sent or kept; what is one past it
// gets its message word for word, file:line:col included. The inputs are built here, not
// kept as files. Images past their limits by more than one are in check/images_test.cpp,
// frames in net/pake_test.cpp, the bad-input files in load/bad_input_test.cpp.
#include "core/check/Checker.hpp"
#include "core/expr/Expr.hpp"
#include "core/journal/Journal.hpp"
#include "core/load/Loader.hpp"
#include "core/load/YamlTree.hpp"
#include "core/model/PatternLibrary.hpp"
#include "core/model/Scenario.hpp"
#include "core/util/Limits.hpp"
#include "net/Channel.hpp"
#include "net/Game.hpp"
#include "net/Link.hpp"
#include "support/Support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>

using namespace attune;
namespace fs = std::filesystem;

namespace {

/// A scenario with one decision, written so that every value the limits are about stands at
/// a known place:
///   line 13, column 11: the opening's text (its opening quote);
///   line 15, column 17: the first choice's text (its opening quote);
///   line 16, column 16: the first character of the second choice's condition;
///   line 15 + k, column 9: the '{' of choice k + 1;
/// then `route` text-less nodes r1, r2, ... the choices lead through, and the ending.
struct Story {
    std::string text = "The reply comes late in the evening.";
    std::string choice = "I missed you today.";
    std::string condition = "trust >= 40";
    std::size_t choices = 2;  ///< at the decision, at least 2
    std::size_t route = 0;    ///< nodes between the decision and the ending

    std::string yaml() const {
        const std::string next = route > 0 ? "r1" : "done";
        std::string y =
            "format: 1\n"
            "id: limits\n"
            "title: At the limit\n"
            "summary: A scenario the limits test builds.\n"
            "themes: [needs]\n"
            "roles:\n"
            "  you: { name: Alex }\n"
            "meters:\n"
            "  trust: { start: 50 }\n"
            "start: opening\n"
            "nodes:\n"
            "  opening:\n";
        y += "    text: \"" + text + "\"\n";
        y += "    choices:\n";
        y += "      - { text: \"" + choice + "\", style: secure, next: " + next + " }\n";
        y += "      - { if: \"" + condition + "\", text: \"Or this.\", style: secure, next: " + next + " }\n";
        for (std::size_t i = 3; i <= choices; ++i)
            y += fmt::format("      - {{ text: \"Choice {}.\", style: secure, next: {} }}\n", i, next);
        for (std::size_t i = 1; i <= route; ++i)
            y +=
                fmt::format("  r{}: {{ next: {} }}\n", i, i == route ? std::string("done") : fmt::format("r{}", i + 1));
        y += "  done:\n"
             "    ending: { kind: secure, title: \"Done\" }\n";
        return y;
    }
};

LoadResult load(const std::string& text, Checks checks = Checks::Author) {
    return loadScenarioText(text, "limits.yaml", testing::patterns(), checks);
}

/// The errors, one formatted line each (warnings, such as few-options, are not the point here).
std::string errors(const Diagnostics& d) {
    std::string out;
    for (const Diagnostic& x : d.all())
        if (x.severity == Severity::Error) out += x.format() + '\n';
    return out;
}

std::string report(const Diagnostics& d) {
    std::string out;
    for (const Diagnostic& x : d.all()) out += x.format() + '\n';
    return out;
}

/// `n` characters (code points) of two bytes each, so a limit counted in bytes would show.
std::string chars(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += "\xC3\xA9";  // é
    return s;
}

/// `text` with comment lines after it, to exactly `size` bytes.
std::string padded(std::string text, std::size_t size) {
    if (!text.empty() && text.back() != '\n') text += '\n';
    REQUIRE(text.size() + 2 <= size);
    while (text.size() + 1024 <= size) text += "#" + std::string(1022, 'x') + "\n";
    const std::size_t left = size - text.size();
    if (left >= 2)
        text += "#" + std::string(left - 2, 'x') + "\n";
    else if (left == 1)
        text += "\n";
    return text;
}

struct TempDir {
    fs::path root;
    explicit TempDir(const std::string& name)
        : root(fs::temp_directory_path() / fmt::format("attune-{}-{}", name, ::getpid())) {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempDir() { fs::remove_all(root); }
};

}  // namespace

// ---- a scenario file -----------------------------------------------------------------------

TEST_CASE("limits: a scenario file of 8 MiB loads, one byte more is refused before it is parsed") {
    const std::string at = padded(Story{}.yaml(), limits::kMaxFileBytes);
    REQUIRE(at.size() == 8388608);
    const LoadResult ok = load(at, Checks::Play);
    INFO(report(ok.diags));
    CHECK(ok.scenario);
    const LoadResult past = load(at + "\n", Checks::Play);
    CHECK(report(past.diags) ==
          "limits.yaml: error: the file is 8388609 bytes; scenarios are limited to 8388608 bytes "
          "[file-too-large]\n");
    CHECK_FALSE(past.scenario);

    // The same from the disk: readFile takes the size from the file system first.
    TempDir dir("limits-file");
    const fs::path file = dir.root / "big.yaml";
    std::ofstream(file) << "";
    fs::resize_file(file, limits::kMaxFileBytes);  // sparse
    Diagnostics readDiags("big.yaml");
    const auto contents = readFile(file, readDiags);
    REQUIRE(contents);
    CHECK(contents->size() == limits::kMaxFileBytes);
    CHECK(readDiags.all().empty());
    fs::resize_file(file, limits::kMaxFileBytes + 1);
    Diagnostics refused("big.yaml");
    CHECK_FALSE(readFile(file, refused));
    CHECK(report(refused) ==
          "big.yaml: error: the file is 8388609 bytes; scenarios are limited to 8388608 bytes "
          "[file-too-large]\n");
}

TEST_CASE("limits: YAML nested 24 levels deep is read, 25 stops the parse at the list that goes too deep") {
    // The top-level mapping is the first level: 23 lists inside it make 24.
    Diagnostics ok("f");
    CHECK(yaml::parse("a: " + std::string(23, '[') + "1" + std::string(23, ']') + "\n", ok));
    CHECK(ok.all().empty());
    Diagnostics past("f");
    CHECK_FALSE(yaml::parse("a: " + std::string(24, '[') + "1" + std::string(24, ']') + "\n", past));
    CHECK(report(past) == "f:1:27: error: nesting is deeper than 24 levels [yaml-depth]\n");
}

TEST_CASE("limits: 100,000 nodes load, the 100,001st is an error at its id") {
    Story at;
    at.route = limits::kMaxNodes - 2;  // with the opening and the ending
    const LoadResult ok = load(at.yaml(), Checks::Play);
    INFO(errors(ok.diags));
    REQUIRE(ok.scenario);
    CHECK(ok.scenario->nodes.size() == 100000);

    Story past;
    past.route = limits::kMaxNodes - 1;
    const LoadResult r = load(past.yaml(), Checks::Play);
    // The ending is the 100,001st node: line 15 + 2 choices + 99,999 routing nodes.
    CHECK(errors(r.diags) ==
          "limits.yaml:100016:3: error: the scenario has 100001 nodes; a scenario is limited to 100000, "
          "so split the story into smaller ones [too-many-nodes]\n");
    CHECK_FALSE(r.scenario);
}

TEST_CASE("limits: a decision of 32 choices loads, the 33rd choice is an error where it starts") {
    Story at;
    at.choices = limits::kMaxChoices;
    const LoadResult ok = load(at.yaml());
    INFO(errors(ok.diags));
    REQUIRE(ok.scenario);
    CHECK(ok.scenario->nodes[0].choices.size() == 32);

    Story past;
    past.choices = limits::kMaxChoices + 1;
    const LoadResult r = load(past.yaml());
    CHECK(errors(r.diags) ==
          "limits.yaml:47:9: error: node 'opening' has 33 choices; a decision is limited to 32 [too-many-choices]\n");
    CHECK_FALSE(r.scenario);
}

TEST_CASE("limits: a node's text of 4,000 characters loads, 4,001 is an error at the text") {
    Story at;
    at.text = chars(limits::kMaxNodeText);  // 8,000 bytes: characters are counted, not bytes
    const LoadResult ok = load(at.yaml());
    INFO(errors(ok.diags));
    REQUIRE(ok.scenario);
    CHECK(ok.scenario->nodes[0].text == at.text);

    Story past;
    past.text = chars(limits::kMaxNodeText + 1);
    const LoadResult r = load(past.yaml());
    CHECK(errors(r.diags) ==
          "limits.yaml:13:11: error: this text is 4001 characters; a node's text is limited to 4000, "
          "so split it across two nodes [text-too-long]\n");
    CHECK_FALSE(r.scenario);
}

TEST_CASE("limits: a choice's text of 1,000 characters loads, 1,001 is an error at the text") {
    Story at;
    at.choice = chars(limits::kMaxChoiceText);
    const LoadResult ok = load(at.yaml());
    INFO(errors(ok.diags));
    REQUIRE(ok.scenario);
    CHECK(ok.scenario->nodes[0].choices[0].text == at.choice);

    Story past;
    past.choice = chars(limits::kMaxChoiceText + 1);
    const LoadResult r = load(past.yaml());
    CHECK(errors(r.diags) ==
          "limits.yaml:15:17: error: this choice is 1001 characters; a choice's text is limited to 1000 "
          "[text-too-long]\n");
    CHECK_FALSE(r.scenario);
}

TEST_CASE("limits: a condition of 1,000 characters loads, 1,001 is an error at the first character past it") {
    std::string cond = "trust >= 40";
    while (cond.size() + 16 <= limits::kMaxConditionLength) cond += " and trust >= 40";
    cond += std::string(limits::kMaxConditionLength - cond.size(), ' ');
    REQUIRE(cond.size() == 1000);
    Story at;
    at.condition = cond;
    const LoadResult ok = load(at.yaml());
    INFO(errors(ok.diags));
    CHECK(ok.scenario);

    Story past;
    past.condition = cond + " ";
    const LoadResult r = load(past.yaml());
    CHECK(errors(r.diags) ==
          "limits.yaml:16:1016: error: the condition is 1001 characters; conditions are limited to 1000 "
          "[condition-syntax]\n");
    CHECK_FALSE(r.scenario);

    // However it is built: 10,000 '(' are refused by their length, long before the parser
    // (which recurses once a level) could run out of stack.
    Diagnostics d("c");
    bool parsed = true;
    const expr::Expr e = expr::parse(
        std::string(10000, '('),
        [](int offset) {
            return Pos{1, offset + 1};
        },
        d, parsed);
    CHECK_FALSE(parsed);
    CHECK(e.empty());
    CHECK(report(d) ==
          "c:1:1001: error: the condition is 10000 characters; conditions are limited to 1000 "
          "[condition-syntax]\n");
}

TEST_CASE("limits: a condition 32 levels deep loads, the 33rd '(' or 'not' is an error where it stands") {
    const auto nested = [](int levels) {
        return std::string(static_cast<std::size_t>(levels), '(') + "trust >= 40" +
               std::string(static_cast<std::size_t>(levels), ')');
    };
    const auto nots = [](int levels) {
        std::string s;
        for (int i = 0; i < levels; ++i) s += "not ";
        return s + "visited(done)";
    };
    for (const std::string& cond : {nested(limits::kMaxConditionDepth), nots(limits::kMaxConditionDepth)}) {
        Story at;
        at.condition = cond;
        const LoadResult ok = load(at.yaml());
        INFO(cond, "\n", errors(ok.diags));
        CHECK(ok.scenario);
    }
    Story parens;
    parens.condition = nested(limits::kMaxConditionDepth + 1);
    CHECK(errors(load(parens.yaml()).diags) ==
          "limits.yaml:16:48: error: the condition nests deeper than 32 levels [condition-syntax]\n");
    Story manyNots;
    manyNots.condition = nots(limits::kMaxConditionDepth + 1);
    CHECK(errors(load(manyNots.yaml()).diags) ==
          "limits.yaml:16:144: error: the condition nests deeper than 32 levels [condition-syntax]\n");
}

// ---- images --------------------------------------------------------------------------------

namespace {

/// The start of a PNG claiming `w` by `h` pixels (the checker reads sizes from headers).
std::string png(unsigned w, unsigned h) {
    std::string s("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (unsigned v : {w, h})
        for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
    return s + std::string("\x08\x02\0\0\0", 5);
}

/// The checker's report for a scenario whose role has `portrait` (line 7, column 32) and
/// whose only node has `scene` (line 11, column 12), both looked for under `folder`.
std::string imageReport(const std::string& portrait, const std::string& scene, const fs::path& folder) {
    const std::string text =
        "format: 1\n"
        "id: images\n"
        "title: Images at the limit\n"
        "summary: A scenario the limits test builds.\n"
        "themes: [needs]\n"
        "roles:\n"
        "  you: { name: Alex, portrait: \"" +
        portrait +
        "\" }\n"
        "start: opening\n"
        "nodes:\n"
        "  opening:\n"
        "    scene: \"" +
        scene +
        "\"\n"
        "    ending: { kind: secure, title: \"Done\" }\n";
    Diagnostics parse("images.yaml");
    auto s = parseScenario(text, "images.yaml", parse);
    REQUIRE(s);
    Diagnostics d("images.yaml");
    check::checkImages(*s, folder, folder / "no-assets", d);
    return report(d);
}

}  // namespace

TEST_CASE("limits: an image file of 8 MiB is shown, one byte more is a warning, and the window falls back") {
    TempDir dir("limits-images");
    fs::create_directories(dir.root / "art");
    for (const char* name : {"at.png", "past.png"})
        std::ofstream(dir.root / "art" / name, std::ios::binary) << png(4096, 4096);
    fs::resize_file(dir.root / "art" / "at.png", limits::kMaxImageBytes);  // sparse, the header kept
    fs::resize_file(dir.root / "art" / "past.png", limits::kMaxImageBytes + 1);
    std::ofstream(dir.root / "art" / "me.png", std::ios::binary) << png(256, 256);
    CHECK(imageReport("art/me.png", "art/at.png", dir.root) == "");
    CHECK(
        imageReport("art/me.png", "art/past.png", dir.root) ==
        "images.yaml:11:12: warning: the scene 'art/past.png' is just over 8 MiB; images are limited to 8 MiB, so the "
        "window shows the plain background instead [image-too-large]\n");
}

TEST_CASE("limits: a scene 4096 pixels on a side and a portrait 1024 are shown, one pixel more is a warning") {
    TempDir dir("limits-pixels");
    fs::create_directories(dir.root / "art");
    const auto writePng = [&](const char* name, unsigned w, unsigned h) {
        std::ofstream(dir.root / "art" / name, std::ios::binary) << png(w, h);
    };
    writePng("scene-at.png", 4096, 4096);
    writePng("scene-past.png", 4097, 4096);
    writePng("portrait-at.png", 1024, 1024);
    writePng("portrait-past.png", 1024, 1025);
    CHECK(imageReport("art/portrait-at.png", "art/scene-at.png", dir.root) == "");
    CHECK(
        imageReport("art/portrait-past.png", "art/scene-past.png", dir.root) ==
        "images.yaml:7:32: warning: the portrait 'art/portrait-past.png' is 1024x1025 pixels; portraits are limited to "
        "1024 on a side, so the window shows the name alone instead [image-too-large]\n"
        "images.yaml:11:12: warning: the scene 'art/scene-past.png' is 4097x4096 pixels; scenes are limited to 4096 on "
        "a "
        "side, so the window shows the plain background instead [image-too-large]\n");
}

// ---- two machines --------------------------------------------------------------------------

TEST_CASE("limits: a frame of 1 MiB is read whole, a length one byte over fails before its payload is read") {
    net::FrameReader reader;
    const net::Bytes payload(limits::kMaxFrame, 7);
    const net::Bytes wire = net::frame(payload);
    reader.feed(wire.data(), wire.size());
    CHECK(reader.next() == payload);
    CHECK_FALSE(reader.failed());
    CHECK_THROWS_AS(net::frame(net::Bytes(limits::kMaxFrame + 1)), std::length_error);

    net::FrameReader past;
    const net::Bytes header{0x00, 0x10, 0x00, 0x01};  // 1,048,577
    past.feed(header.data(), header.size());
    CHECK_FALSE(past.next());
    CHECK(past.error() == "a message of 1048577 bytes is over the limit of 1048576 bytes");

    // While pairing, 256 bytes.
    net::FrameReader pairing(limits::kHandshakeFrame);
    const net::Bytes hello = net::frame(net::Bytes(limits::kHandshakeFrame, 1));
    pairing.feed(hello.data(), hello.size());
    CHECK(pairing.next() == net::Bytes(limits::kHandshakeFrame, 1));
    const net::Bytes big{0x00, 0x00, 0x01, 0x01};  // 257
    pairing.feed(big.data(), big.size());
    CHECK_FALSE(pairing.next());
    CHECK(pairing.error() == "a message of 257 bytes is over the limit of 256 bytes");
}

TEST_CASE("limits: a message of 983,039 bytes is padded, sealed and sent, one byte more is refused before sending") {
    const auto at = net::pad(std::string(limits::kMaxMessage, 'x'));
    REQUIRE(at);
    CHECK(at->size() + crypto_secretstream_xchacha20poly1305_ABYTES <= limits::kMaxFrame);
    CHECK(net::unpad(*at) == std::string(limits::kMaxMessage, 'x'));
    CHECK_FALSE(net::pad(std::string(limits::kMaxMessage + 1, 'x')));

    sf::TcpListener listener;
    REQUIRE(listener.listen(sf::Socket::AnyPort, sf::IpAddress::LocalHost) == sf::Socket::Done);
    const unsigned short port = listener.getLocalPort();
    std::unique_ptr<net::Link> host;
    std::string hostError;
    std::thread t([&] { host = net::Link::accept(listener, "482913", hostError); });
    std::string error;
    auto join = net::Link::connect("127.0.0.1", port, "482913", 5.f, error);
    t.join();
    REQUIRE_MESSAGE(join, error);
    REQUIRE_MESSAGE(host, hostError);
    // {"pad":"...","t":"x"}: the padding plus 18 bytes.
    const nlohmann::json largest = {{"t", "x"}, {"pad", std::string(limits::kMaxMessage - 18, 'x')}};
    REQUIRE(largest.dump().size() == limits::kMaxMessage);
    CHECK(join->send(largest, error));
    const auto got = host->receive(5.f, error);
    REQUIRE_MESSAGE(got, error);
    CHECK(*got == largest);
    const nlohmann::json over = {{"t", "x"}, {"pad", std::string(limits::kMaxMessage - 17, 'x')}};
    CHECK_FALSE(join->send(over, error));
    CHECK(error == "a message of 983040 bytes is over the limit of 983039 bytes");
}

TEST_CASE("limits: a scenario of 512 KiB goes to another machine, one byte more is refused on both sides") {
    const std::string at = padded(testing::slurp(testing::testDir() / "data" / "small.yaml"), limits::kMaxScenarioSent);
    REQUIRE(at.size() == 524288);
    const auto offer = [](const std::string& doc) {
        return nlohmann::json{{"t", "scenario"},          {"yaml", doc},       {"file", "small.yaml"},
                              {"hash", contentHash(doc)}, {"role", "partner"}, {"hostRole", "you"},
                              {"hostName", "Alex"},       {"mode", "pass"}};
    };
    const net::Offered ok = net::readOffer(offer(at), testing::patterns(), "Sam");
    CHECK(ok.refuse == "");
    CHECK(ok.scenario);
    const net::Offered past = net::readOffer(offer(at + "\n"), testing::patterns(), "Sam");
    CHECK(past.refuse == "the scenario is 524289 bytes; a joining machine accepts at most 524288");
    CHECK(past.error ==
          "the host's scenario is 524289 bytes; scenarios from another machine are limited to 524288 bytes");
    CHECK_FALSE(past.scenario);

    // The host says so before it listens.
    TempDir dir("limits-host");
    const fs::path file = dir.root / "big.yaml";
    std::ofstream(file, std::ios::binary) << at << "\n";
    const auto host = testing::runAttune("host '" + file.string() + "'");
    CHECK(host.exitCode == 1);
    CHECK(host.err == "attune: " + file.string() +
                          " is 524289 bytes; a scenario sent to another machine may be at most "
                          "524288 bytes\n");
}

// ---- the journal ---------------------------------------------------------------------------

TEST_CASE("limits: a note of 2,000 characters is kept whole, past that it is kept up to 2,000") {
    TempDir dir("limits-note");
    Journal j(dir.root / "journal.sqlite");
    REQUIRE_MESSAGE(j.ok(), j.error());
    const std::string at = chars(limits::kMaxNote);
    REQUIRE(j.reflect("", std::nullopt, at, "to be heard"));
    CHECK(j.report("").notes.at(0).noticed == at);
    REQUIRE(j.reflect("", std::nullopt, chars(limits::kMaxNote + 1), "to be heard"));
    CHECK(j.report("").notes.at(0).noticed == at);
}

TEST_CASE("limits: the journal grows to its size limit, the write that would pass it is refused and says why") {
    TempDir dir("limits-journal");
    const fs::path file = dir.root / "journal.sqlite";
    constexpr std::uint64_t limit = 128 * 1024;  // the real one is limits::kMaxJournalBytes (256 MiB)
    std::size_t kept = 0;
    {
        Journal j(file, limit);
        REQUIRE_MESSAGE(j.ok(), j.error());
        CHECK(j.maxBytes() == limit);
        const std::string words(2000, 'x');
        while (kept < 1000 && j.reflect("", std::nullopt, words, words)) ++kept;
        CHECK(kept > 0);
        CHECK(kept < 1000);
        CHECK(j.bytes() <= limit);
        CHECK(j.error() ==
              "the journal " + file.string() +
                  " is full: it has reached its limit of 128 KiB, so nothing more is saved in it; what it holds "
                  "is kept ('attune journal export' copies it out, and --journal PATH starts another journal)");
        // Nothing half-written, and everything before it still reads.
        CHECK(j.report("").reflections == static_cast<int>(kept));
    }
    // With the real limit the same file takes more.
    Journal again(file);
    REQUIRE_MESSAGE(again.ok(), again.error());
    CHECK(again.maxBytes() == limits::kMaxJournalBytes);
    CHECK(again.reflect("", std::nullopt, "my shoulders", "a pause"));
    CHECK(again.report("").reflections == static_cast<int>(kept) + 1);
}

// ---- the JSON Schema for editors -----------------------------------------------------------

TEST_CASE("limits: the editors' JSON Schema states the same limits") {
    const auto schema = nlohmann::json::parse(testing::slurp(testing::sourceDir() / "scenarios" / "schema.json"));
    const auto& defs = schema.at("definitions");
    CHECK(schema.at("properties").at("nodes").at("maxProperties").get<std::size_t>() == limits::kMaxNodes);
    CHECK(defs.at("node").at("properties").at("choices").at("maxItems").get<std::size_t>() == limits::kMaxChoices);
    CHECK(defs.at("node").at("properties").at("text").at("maxLength").get<std::size_t>() == limits::kMaxNodeText);
    CHECK(defs.at("choice").at("properties").at("text").at("maxLength").get<std::size_t>() == limits::kMaxChoiceText);
    CHECK(defs.at("condition").at("maxLength").get<std::size_t>() == limits::kMaxConditionLength);
}
