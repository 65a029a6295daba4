// Writes the fuzzers' seeds that no file in tests/ holds: real frames of the two-machine
// protocol (plain and sealed with the fuzzers' fixed key) and journals (a schema-2 file
// and an export with an unfinished playthrough). Run by hand when a format changes:
//   build-fuzz/tests/fuzz/fuzz_make_seeds tests/fuzz/corpus
// The first byte of a protocol seed says how the fuzzer reads it (tests/fuzz/Targets.cpp).
#include "core/journal/Journal.hpp"
#include "core/load/Loader.hpp"
#include "core/load/Patterns.hpp"
#include "core/run/Playthrough.hpp"
#include "net/Channel.hpp"
#include "net/Game.hpp"

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace fs = std::filesystem;
using namespace attune;
using nlohmann::json;

namespace {

void write(const fs::path& file, const net::Bytes& b) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
    std::printf("%s (%zu bytes)\n", file.string().c_str(), b.size());
}

void append(net::Bytes& to, const net::Bytes& b) { to.insert(to.end(), b.begin(), b.end()); }

net::Key fixedKey() {  // the same as Targets.cpp's
    net::Key k{};
    for (std::size_t i = 0; i < k.size(); ++i) k[i] = static_cast<std::uint8_t>(0x41 + i);
    return k;
}

/// A seed: the first byte, then each message padded and framed (sealed when `sealAs` is given:
/// the stream header first).
net::Bytes stream(std::uint8_t how, const std::vector<json>& messages, const net::Channel::Side* sealAs = nullptr) {
    net::Bytes out{how};
    std::optional<net::Channel> ch;
    if (sealAs) {
        ch.emplace(fixedKey(), *sealAs);
        append(out, net::frame(ch->header()));
    }
    for (const json& m : messages) {
        const auto padded = net::pad(m.dump());
        append(out, net::frame(ch ? ch->seal(*padded) : *padded));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_make_seeds CORPUS_DIR\n");
        return 2;
    }
    const fs::path corpus = argv[1];
    Diagnostics d;
    const PatternLibrary lib = loadDefaultPatternLibrary(d);
    const fs::path smallFile = fs::path(ATTUNE_TEST_DIR) / "data" / "small.yaml";
    LoadResult r = loadScenario(smallFile, lib);
    if (!r.scenario) return 1;
    const auto small = std::make_shared<const Scenario>(std::move(*r.scenario));
    std::string yaml;
    {
        std::ifstream in(smallFile, std::ios::binary);
        yaml.assign(std::istreambuf_iterator<char>(in), {});
    }

    // A story half played, on one machine each: the host's story so far.
    Playthrough p(small, Table{TogetherMode::Pass, {{"Robin", "partner"}, {"Kai", "you"}}, true});
    p.runToPerson();
    while (p.state() == Session::State::Line) p.advance();
    const json story = net::savedJson(p.save());
    if (p.state() == Session::State::Decision) p.choose(p.session().visibleChoices().front());
    const json storyOn = net::savedJson(p.save());

    // The protocol: what a joiner reads (host frames), and what a host reads (joiner frames).
    // One offer over 4,000 bytes, as every shipped scenario is, so padded to a 64 KiB block
    // (small.yaml with a comment at its end); the others' scenario is small.yaml without its
    // tests, so that they stay under 4,000 bytes and are padded to 256-byte blocks.
    const std::string longer = yaml + "# " + std::string(400, '-') + "\n";
    const LoadResult longerLoaded = loadScenarioText(longer, "small.yaml", lib);
    if (!longerLoaded.scenario) return 1;
    const json whole{
        {"t", "scenario"},   {"file", "small.yaml"}, {"yaml", longer},  {"hash", longerLoaded.scenario->contentHash},
        {"role", "partner"}, {"hostRole", "you"},    {"mode", "mirror"}};
    yaml = yaml.substr(0, yaml.find("\ntests:") + 1);
    const LoadResult offered = loadScenarioText(yaml, "small.yaml", lib);
    if (!offered.scenario) return 1;
    const json offer{
        {"t", "scenario"}, {"file", "small.yaml"},  {"yaml", yaml},        {"hash", offered.scenario->contentHash},
        {"role", "you"},   {"hostRole", "partner"}, {"hostName", "Robin"}, {"mode", "pass"}};
    json offerResume = offer;
    offerResume["resume"] = storyOn;
    offerResume["mode"] = "mirror";
    const std::vector<json> joinerReads{{{"t", "ping"}},
                                        {{"t", "step"}, {"at", 1}, {"node", "first-reply"}, {"choice", "protest"}},
                                        {{"t", "step"},
                                         {"at", 3},
                                         {"node", "second-chance"},
                                         {"choice", "partner-soften"},
                                         {"mirror", "partner-defend"}},
                                        {{"t", "error"}, {"why", "the story so far did not replay here"}},
                                        {{"t", "bye"}}};
    const std::vector<json> hostReads{{{"t", "ready"}, {"hash", small->contentHash}, {"name", "Kai"}},
                                      {{"t", "ping"}},
                                      {{"t", "pick"}, {"at", 1}, {"node", "first-reply"}, {"choice", "name-need"}},
                                      {{"t", "refuse"}, {"why", "it has errors on this machine"}},
                                      {{"t", "bye"}}};
    const fs::path proto = corpus / "protocol";
    const auto host = net::Channel::Side::Host, joiner = net::Channel::Side::Joiner;
    // 0x80: read as the host; 0x40: sealed; 0x20: first the pairing's two frames, under its limit;
    // the low bits: how many bytes arrive at a time.
    write(proto / "offer.bin", stream(0x1f, {offer}));
    write(proto / "offer-64k.bin", stream(0x1f, {whole}));
    write(proto / "offer-resume-sealed.bin", stream(0x40 | 0x1f, {offerResume}, &host));
    write(proto / "story.bin", stream(0x03, {{{"t", "step"}, {"node", "x"}, {"choice", "y"}, {"resume", story}}}));
    write(proto / "joiner-play.bin", stream(0x05, joinerReads));
    write(proto / "joiner-play-sealed.bin", stream(0x40 | 0x0b, joinerReads, &host));
    write(proto / "host-play.bin", stream(0x80 | 0x02, hostReads));
    write(proto / "host-play-sealed.bin", stream(0x80 | 0x40 | 0x11, hostReads, &joiner));
    {
        // Pairing: the host's greeting and a share, under the pairing's limit, then play.
        net::Bytes b{0x20 | 0x07};
        net::Bytes hello = net::bytes("ATTUNE/1");
        hello.resize(hello.size() + 16, 0x5a);
        append(b, net::frame(hello));
        append(b, net::frame(net::Bytes(32, 0x11)));
        net::Bytes sealed = b;
        append(b, net::frame(*net::pad(
                      json{{"t", "step"}, {"at", 1}, {"node", "first-reply"}, {"choice", "breathe"}}.dump())));
        write(proto / "pairing.bin", b);
        sealed[0] |= 0x40;
        const net::Bytes rest =
            stream(0, {{{"t", "step"}, {"at", 1}, {"node", "first-reply"}, {"choice", "breathe"}}}, &host);
        sealed.insert(sealed.end(), rest.begin() + 1, rest.end());
        write(proto / "pairing-sealed.bin", sealed);
    }

    // Journals: an export with every kind of row and an unfinished playthrough of the test
    // scenario, and the same as a journal file of schema 2 (small pages, no WAL).
    const fs::path file = fs::temp_directory_path() / "attune-fuzz-seed.sqlite";
    fs::remove(file);
    {
        Journal j(file);
        Playthrough solo = Playthrough::borrowing(*small);
        Recorder rec(j, solo);
        rec.checkinBefore(6, "tight");
        solo.runToPerson();
        while (solo.state() == Session::State::Line) solo.advance();
        solo.choose(solo.session().visibleChoices().front());
        rec.practised("box-breathing", 40);
        const Session done = [&] {
            Playthrough q = Playthrough::borrowing(*small);
            while (q.state() == Session::State::Line || q.state() == Session::State::Decision) {
                if (q.state() == Session::State::Line)
                    q.advance();
                else
                    q.choose(q.session().visibleChoices().back());
            }
            return q.session();
        }();
        j.record(done, "solo");
        j.reflect("", std::nullopt, "my jaw", "a minute");
        const std::string exported = j.exportJson("");
        write(corpus / "journal" / "export-unfinished.json", net::Bytes(exported.begin(), exported.end()));
    }
    {
        sqlite3* db = nullptr;
        sqlite3_open(file.c_str(), &db);
        sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        std::ifstream in(file, std::ios::binary);
        const net::Bytes b{std::istreambuf_iterator<char>(in), {}};
        write(corpus / "journal" / "journal-v2.sqlite", b);
    }
    for (const char* extra : {"", "-wal", "-shm"}) fs::remove(file.string() + extra);
    return 0;
}
