#include "fuzz/Targets.hpp"

#include "core/check/Checker.hpp"
#include "core/expr/Expr.hpp"
#include "core/feedback/Feedback.hpp"
#include "core/journal/Journal.hpp"
#include "core/load/Loader.hpp"
#include "core/load/Patterns.hpp"
#include "core/model/PatternLibrary.hpp"
#include "core/run/Playthrough.hpp"
#include "core/run/Walk.hpp"
#include "core/util/Text.hpp"
#include "net/Channel.hpp"
#include "net/Game.hpp"
#include "net/Link.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

namespace attune::fuzz {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return size == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
}

/// The shipped pattern library, loaded once: the fuzzers are no use without it.
const PatternLibrary& library() {
    static const PatternLibrary lib = [] {
        Diagnostics d;
        PatternLibrary l = loadDefaultPatternLibrary(d);
        if (d.hasErrors()) {
            for (const auto& x : d.all()) std::fprintf(stderr, "%s\n", x.format().c_str());
            std::fprintf(stderr, "fuzz: the shipped pattern library did not load (set ATTUNE_ASSETS)\n");
            std::abort();
        }
        return l;
    }();
    return lib;
}

/// A small number from the input, so each input plays its own way (FNV-1a).
std::uint32_t seedOf(std::string_view bytes) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : bytes) h = (h ^ c) * 16777619u;
    return h;
}

/// tests/data/small.yaml, loaded once: the scenario stories and journals are replayed on.
const std::shared_ptr<const Scenario>& testScenario() {
    static const std::shared_ptr<const Scenario> s = [] {
        LoadResult r = loadScenario(fs::path(ATTUNE_TEST_DIR) / "data" / "small.yaml", library(), Checks::Play);
        if (!r.scenario) std::abort();
        return std::make_shared<const Scenario>(std::move(*r.scenario));
    }();
    return s;
}

// ---------------------------------------------------------------------------------------
// Scenarios

/// What every diagnostic promises: a message and a rule, the file's name, a position
/// inside the text (line 0: the whole file), and words that are UTF-8.
std::string badDiagnostic(const Diagnostics& diags, const std::string& file, std::string_view text) {
    std::vector<std::size_t> lineLengths{0};  // code points per line
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            lineLengths.push_back(0);
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++lineLengths.back();
    }
    for (const Diagnostic& d : diags.all()) {
        const std::string line = d.format();
        if (d.message.empty() || d.rule.empty()) return "a diagnostic without a message or a rule: " + line;
        if (d.file != file) return "a diagnostic names another file: " + line;
        if (d.pos.line < 0 || d.pos.col < 0) return "a diagnostic at a negative position: " + line;
        if (static_cast<std::size_t>(d.pos.line) > lineLengths.size())
            return fmt::format("a diagnostic past the last line ({} lines): {}", lineLengths.size(), line);
        if (d.pos.line > 0 &&
            static_cast<std::size_t>(d.pos.col) > lineLengths[static_cast<std::size_t>(d.pos.line - 1)] + 1)
            return fmt::format("a diagnostic past the end of its line ({} characters): {}",
                               lineLengths[static_cast<std::size_t>(d.pos.line - 1)], line);
        if (text::firstInvalidUtf8(line)) return "a diagnostic that is not UTF-8: " + line;
    }
    return {};
}

/// A scenario that loaded, played the way people and tools play it.
void play(const Scenario& s, std::uint32_t seed) {
    const PatternLibrary& lib = library();
    const WalkReport w = walk(s, 2, seed);
    (void)walkText(s, w, "fuzz.yaml");
    (void)walkJson(s, w);
    // One playthrough with every role played, picks from the input's seed, every card and
    // the debrief written out.
    std::set<std::string> everyone;
    for (const Role& r : s.roles) everyone.insert(r.id);
    Playthrough p = Playthrough::borrowing(s, everyone);
    std::uint32_t state = seed;
    for (int steps = 0; steps < 300; ++steps) {
        const Session& ses = p.session();
        (void)ses.text();
        (void)ses.body();
        if (ses.state() == Session::State::Line) {
            p.advance();
        } else if (ses.state() == Session::State::Decision) {
            const std::vector<int> shown = ses.visibleChoices();
            if (shown.empty()) break;
            state = state * 1664525u + 1013904223u;
            p.choose(shown[(state >> 8) % shown.size()]);
        } else {
            break;
        }
    }
    for (const feedback::ChoiceFeedback& f : feedback::explainAll(p.session(), lib)) (void)feedback::cardText(f, 60);
    const feedback::Debrief d = feedback::debrief(p, lib);
    (void)feedback::debriefText(d, 60);
    (void)feedback::reportMarkdown(d);
    (void)feedback::reportJson(d);
    if (p.rewind()) (void)p.save();
}

// ---------------------------------------------------------------------------------------
// Conditions

struct ConditionNames {
    std::vector<std::string> meters{"trust", "arousal", "partner-arousal"}, flags{"apologised", "breathed"},
        nodes{"opening", "first-reply", "calm"};
    expr::Names names;
    ConditionNames() {
        const auto index = [](const std::vector<std::string>& v) {
            return [&v](std::string_view n) {
                const auto it = std::find(v.begin(), v.end(), n);
                return it == v.end() ? -1 : static_cast<int>(it - v.begin());
            };
        };
        names.meter = index(meters);
        names.flag = index(flags);
        names.node = index(nodes);
        names.meterAndFlagNames = meters;
        names.meterAndFlagNames.insert(names.meterAndFlagNames.end(), flags.begin(), flags.end());
        names.nodeNames = nodes;
    }
};

// ---------------------------------------------------------------------------------------
// Journals

/// Everything the front ends read of a journal, for one profile: the library's progress, the
/// recent list, the report, both exports, and an unfinished playthrough taken up again on
/// the test scenario when it is one of its.
void readBack(const Journal& j, const std::string& profile) {
    (void)j.recent(20, profile);
    (void)j.report(profile);
    (void)j.exportCsv(profile);
    const json exported = json::parse(j.exportJson(profile), nullptr, false);
    std::set<std::string> scenarios;
    if (exported.is_object() && exported.contains("playthroughs") && exported["playthroughs"].is_array())
        for (const json& p : exported["playthroughs"])
            if (p.is_object() && p.contains("scenario") && p["scenario"].is_string() && scenarios.size() < 8)
                scenarios.insert(p["scenario"].get<std::string>());
    for (const std::string& id : scenarios) {
        (void)j.progress(id, profile);
        const auto u = j.unfinished(id, profile);
        if (u && id == testScenario()->id) {
            Playthrough::Restored back = Playthrough::restore(testScenario(), u->saved);
            if (back.playthrough) (void)back.playthrough->save();
        }
    }
}

/// A folder of this process's own for journal files.
const fs::path& scratch() {
    static const fs::path dir = [] {
        std::error_code ec;
        fs::path base = fs::exists("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
        return base / fmt::format("attune-fuzz-journal-{}", ::getpid());
    }();
    return dir;
}

// ---------------------------------------------------------------------------------------
// The protocol

/// The key both sides of the fuzzed stream use (a real pairing makes a fresh one).
net::Key fixedKey() {
    net::Key k{};
    for (std::size_t i = 0; i < k.size(); ++i) k[i] = static_cast<std::uint8_t>(0x41 + i);
    return k;
}

/// One opened message, read as the receiving side reads it. False when the link would fail.
std::string readMessage(const net::Bytes& plain, bool host, bool& failed) {
    bool padded = false;
    const auto m = net::decodeMessage(plain, padded);
    if (!m) {
        failed = true;  // the link fails: "not padded as Attune pads" or "does not understand"
        return {};
    }
    if (!m->is_object() || !m->contains("t") || !(*m)["t"].is_string())
        return "decodeMessage let through a message without a type";
    if ((*m)["t"] == "ping") return {};
    // During play (Game's listener).
    const net::PlayMessage got = net::readPlayMessage(*m, host);
    if (got.kind == net::PlayMessage::Kind::Move &&
        (got.node.empty() || got.choice.empty() || got.node.size() > 200 || got.choice.size() > 200))
        return "a malformed move was read as a move";
    if (text::firstInvalidUtf8(got.text) || got.text.size() > 1000) return "a peer's words are not fit to show";
    if (host) return {};
    // The joiner meeting its host: the offer, the scenario in it loaded and the story so far
    // replayed, as `attune join` and the window do.
    if ((*m)["t"] == "scenario") {
        const net::Offered o = net::readOffer(*m, library(), "Fuzz");
        if (o.refuse.empty() != o.error.empty()) return "an offer refused without both reasons";
        if (o.refuse.empty() && !o.scenario) return "an offer taken without a scenario";
        if (o.scenario && o.resume) {
            Playthrough::Restored back = Playthrough::restore(o.scenario, *o.resume);
            if (!back.playthrough && back.error.empty()) return "a story that did not replay, with no reason";
        }
    }
    // A story so far on the test scenario too, so stories are fuzzed without a matching hash.
    if (const auto story = m->find("resume"); story != m->end()) {
        const Scenario& s = *testScenario();
        const Table table{TogetherMode::Pass, {{"Host", "partner"}, {"Fuzz", "you"}}, true};
        if (const auto saved = net::savedFrom(*story, s, table)) {
            Playthrough::Restored back = Playthrough::restore(testScenario(), *saved);
            if (!back.playthrough && back.error.empty()) return "a story that did not replay, with no reason";
        }
    }
    return {};
}

}  // namespace

std::string scenario(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = asText(data, size);
    const std::string file = "fuzz.yaml";
    LoadResult r = loadScenarioText(text, file, library(), Checks::Author);
    if (std::string bad = badDiagnostic(r.diags, file, text); !bad.empty()) return bad;
    if (!r.scenario) return r.diags.hasErrors() ? std::string() : "no scenario, and no error to say why";
    play(*r.scenario, seedOf(text));
    return {};
}

std::string condition(const std::uint8_t* data, std::size_t size) {
    static const ConditionNames names;
    const std::string_view src = asText(data, size);
    // Positioned as the loader positions a condition written on one line at line 3, column 9.
    Condition c;
    c.source = std::string(src);
    c.pos = {3, 9};
    const expr::Locate inFile = check::locate(c);
    std::string problem;
    const expr::Locate locate = [&](int offset) {
        if (offset < 0 || static_cast<std::size_t>(offset) > src.size())
            problem = fmt::format("a message at offset {} of a condition of {} bytes", offset, src.size());
        return inFile(offset);
    };
    Diagnostics diags("fuzz.yaml");
    bool ok = false;
    expr::Expr e = expr::parse(src, locate, diags, ok);
    if (!problem.empty()) return problem;
    if (ok != !diags.hasErrors()) return "parse said ok but reported an error, or failed without one";
    if (!ok) return e.empty() ? std::string() : "a failed parse left terms behind";
    const int n = static_cast<int>(e.terms.size());
    if (e.root >= n || (e.root < 0 && n > 0)) return "the root is not a term";
    for (const expr::Term& t : e.terms)
        if (t.a >= n || t.b >= n || t.offset < 0 || static_cast<std::size_t>(t.offset) > src.size())
            return "a term points outside the condition";
    if (!expr::resolve(e, names.names, locate, diags))
        return diags.hasErrors() ? problem : "resolve failed without an error";
    if (!problem.empty()) return problem;
    // Evaluated in a few states, as a session would.
    for (int round = 0; round < 3; ++round) {
        const std::vector<int> meters{round * 50, 100 - round * 40, -round};
        const std::vector<char> flags{static_cast<char>(round & 1), static_cast<char>(round >> 1)};
        const std::vector<int> visits{round, 1, 0};
        (void)expr::eval(e, expr::Env{meters, flags, visits});
    }
    return {};
}

std::string journal(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = asText(data, size);
    const std::string profile = "fuzz";
    static constexpr std::string_view kSqlite("SQLite format 3\0", 16);
    if (bytes.substr(0, kSqlite.size()) != kSqlite) {
        // An export a person was given, imported (`attune journal import`, the window's
        // import) into a journal of their own, then read back. The journal here is SQLite's
        // in-memory database: the same code, without the files.
        Journal j(":memory:");
        if (!j.ok()) return "an in-memory journal did not open: " + j.error();
        const bool imported = j.importJson(std::string(bytes), profile);
        if (!imported && j.error().empty()) return "an import failed without a reason";
        if (!imported) return {};
        readBack(j, profile);
        // What was imported exports and imports again as it was.
        const std::string once = j.exportJson(profile);
        Journal again(":memory:");
        if (!again.importJson(once, profile)) return "an export did not import again: " + again.error();
        if (again.exportJson(profile) != once) return "an export changed on importing it again";
        return {};
    }
    // A journal file (one a person kept, damaged, or another program's database): opened the
    // way the program opens its journal, then read back.
    const fs::path dir = scratch();
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir, ec);
    const fs::path file = dir / "journal.sqlite";
    {
        std::ofstream out(file, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    std::string problem;
    {
        Journal j(file);
        if (!j.ok() && j.error().empty()) problem = "a journal that did not open, with no reason";
        if (j.ok())
            for (const std::string& who : j.profiles()) {
                readBack(j, who);
                if (who == profile) break;
            }
    }
    fs::remove_all(dir, ec);
    return problem;
}

std::string protocol(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return {};
    // The first byte: how the bytes arrive and what reads them.
    const std::uint8_t how = data[0];
    const std::size_t chunk = 1u + (how & 0x1fu);  // bytes per read, alternating with short reads
    const bool pairing = (how & 0x20u) != 0;       // first the pairing's two frames, under its limit
    const bool sealed = (how & 0x40u) != 0;        // the first frame is the peer's stream header, the rest sealed
    const bool host = (how & 0x80u) != 0;          // read as the host (else as a joiner)
    net::FrameReader reader(pairing ? 256 : net::kMaxFrame);
    net::Channel channel(fixedKey(), host ? net::Channel::Side::Host : net::Channel::Side::Joiner);
    std::size_t limit = pairing ? 256 : net::kMaxFrame;
    int frames = 0;
    bool failed = false;
    std::size_t at = 1, reads = 0;
    while (at < size && !failed) {
        const std::size_t n = std::min(size - at, reads++ % 2 == 0 ? chunk : 1 + (at * 7 + how) % 5);
        reader.feed(data + at, n);
        at += n;
        while (!failed) {
            const auto f = reader.next();
            if (!f) break;
            if (f->size() > limit) return fmt::format("a frame of {} bytes under a limit of {}", f->size(), limit);
            ++frames;
            if (pairing && frames <= 2) {  // the pairing's two messages (not read here: Link's own)
                if (frames == 2) {
                    limit = net::kMaxFrame;
                    reader.setLimit(limit);
                }
                continue;
            }
            if (sealed && frames == (pairing ? 3 : 1)) {
                failed = !channel.accept(*f);
                continue;
            }
            if (sealed) {
                const auto plain = channel.open(*f);
                if (!plain) {
                    failed = true;  // "did not open": the link fails
                    break;
                }
                if (std::string bad = readMessage(*plain, host, failed); !bad.empty()) return bad;
            } else if (std::string bad = readMessage(*f, host, failed); !bad.empty()) {
                return bad;
            }
        }
        if (reader.failed()) {
            if (reader.error().empty()) return "the frame reader failed without a reason";
            break;
        }
    }
    return {};
}

}  // namespace attune::fuzz
