#include "core/load/YamlTree.hpp"

#include "core/util/Text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace attune::yaml {

const Node* Node::find(std::string_view k) const {
    if (!isMap()) return nullptr;
    for (std::size_t i = 0; i < mapSize(); ++i)
        if (key(i).value == k) return &val(i);
    return nullptr;
}

std::string Node::describe() const {
    switch (kind) {
        case Kind::Null:
            return "nothing";
        case Kind::Scalar:
            return fmt::format("'{}'", value.size() > 40 ? value.substr(0, 40) + "..." : value);
        case Kind::Seq:
            return "a list";
        case Kind::Map:
            return "a mapping";
    }
    return "nothing";
}

namespace {

/// Maps yaml-cpp's 0-based (line, byte column) to a 1-based code-point position.
class Positions {
public:
    explicit Positions(std::string_view text) : text_(text) {
        lineStarts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') lineStarts_.push_back(i + 1);
    }

    Pos at(const YAML::Mark& m) const {
        if (m.is_null() || m.line < 0) return {};
        const auto line = static_cast<std::size_t>(m.line);
        if (line >= lineStarts_.size()) return {m.line + 1, m.column + 1};
        const std::size_t start = lineStarts_[line];
        const std::size_t end = std::min(text_.size(), start + static_cast<std::size_t>(std::max(0, m.column)));
        // Marks arrive mostly in order: count on from the last one on the same line, so a
        // whole scenario written on one long line costs linear time, not quadratic.
        if (line != cacheLine_ || end < cacheByte_) {
            cacheLine_ = line;
            cacheByte_ = start;
            cacheChars_ = 0;
        }
        cacheChars_ += text::codePoints(text_.substr(cacheByte_, end - cacheByte_));
        cacheByte_ = end;
        return {m.line + 1, static_cast<int>(cacheChars_) + 1};
    }

    /// True when `value` stands in the file at the mark as is (after an opening quote), on one line.
    bool verbatim(const YAML::Mark& m, std::string_view value, bool quoted) const {
        if (m.pos < 0 || value.find('\n') != std::string_view::npos) return false;
        const std::size_t from = static_cast<std::size_t>(m.pos) + (quoted ? 1 : 0);
        return from <= text_.size() && text_.substr(from, value.size()) == value;
    }

    /// The alias or anchor word at a mark, e.g. "*name".
    std::string wordAt(const YAML::Mark& m) const {
        if (m.pos < 0 || static_cast<std::size_t>(m.pos) >= text_.size()) return "*";
        std::size_t end = static_cast<std::size_t>(m.pos) + 1;
        while (end < text_.size() && std::string_view(" \t\r\n,]}").find(text_[end]) == std::string_view::npos) ++end;
        return std::string(text_.substr(static_cast<std::size_t>(m.pos), std::min<std::size_t>(end - m.pos, 40)));
    }

    Pos atOffset(std::size_t offset) const {
        auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
        const std::size_t line = static_cast<std::size_t>(it - lineStarts_.begin()) - 1;
        const std::size_t start = lineStarts_[line];
        return {static_cast<int>(line) + 1,
                static_cast<int>(text::codePoints(text_.substr(start, offset - start))) + 1};
    }

private:
    std::string_view text_;
    std::vector<std::size_t> lineStarts_;
    mutable std::size_t cacheLine_ = static_cast<std::size_t>(-1), cacheByte_ = 0, cacheChars_ = 0;
};

struct StopParsing {};

bool isForbiddenControl(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

/// A C1 control character (U+0080..U+009F) starts at byte i of valid UTF-8.
bool isC1(std::string_view s, std::size_t i) {
    return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
           static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) <= 0x9F;
}

/// The first control character in decoded text (tab and newline are fine in text; carriage return is not).
std::optional<unsigned> firstControl(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\r' || isForbiddenControl(c)) return c;
        if (isC1(s, i)) return static_cast<unsigned char>(s[i + 1]);
    }
    return std::nullopt;
}

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(const Positions& pos, Diagnostics& diags, const Limits& limits)
        : pos_(pos), diags_(diags), limits_(limits) {}

    std::optional<Node> root;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        Node n;
        n.pos = pos_.at(mark);
        add(std::move(n));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        // One message is enough: an alias bomb would otherwise print thousands.
        if (aliases_++ == 0)
            diags_.error(
                pos_.at(mark), "yaml-alias",
                fmt::format("aliases ({}) are not allowed in scenarios; write the value out", pos_.wordAt(mark)));
        Node n;
        n.pos = pos_.at(mark);
        add(std::move(n));
    }

    void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
        if (anchors_++ == 0)
            diags_.error(pos_.at(mark), "yaml-anchor",
                         fmt::format("anchors (&{}) are not allowed in scenarios; write the value out", name));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
        checkTag(mark, tag);
        Node n;
        n.kind = Node::Kind::Scalar;
        n.value = value;
        n.quoted = tag == "!";
        n.pos = pos_.at(mark);
        n.verbatim = pos_.verbatim(mark, value, n.quoted);
        // Escapes such as "\e" or "\0" decode to control characters the byte check never saw.
        if (const auto bad = firstControl(value))
            diags_.error(
                n.pos, "control-character",
                fmt::format("the text holds control character U+{:04X} (written as an escape); it is not allowed",
                            *bad));
        add(std::move(n));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        open(mark, tag, Node::Kind::Seq);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {
        open(mark, tag, Node::Kind::Map);
    }
    void OnMapEnd() override {
        checkKeys(stack_.back());
        close();
    }

private:
    void checkTag(const YAML::Mark& mark, const std::string& tag) {
        if (tag.empty() || tag == "?" || tag == "!") return;
        diags_.error(pos_.at(mark), "yaml-tag", fmt::format("YAML tags ({}) are not used in scenarios", tag));
    }

    void open(const YAML::Mark& mark, const std::string& tag, Node::Kind kind) {
        checkTag(mark, tag);
        if (static_cast<int>(stack_.size()) >= limits_.maxDepth) {
            diags_.error(pos_.at(mark), "yaml-depth",
                         fmt::format("nesting is deeper than {} levels", limits_.maxDepth));
            throw StopParsing{};
        }
        Node n;
        n.kind = kind;
        n.pos = pos_.at(mark);
        stack_.push_back(std::move(n));
    }

    void close() {
        Node n = std::move(stack_.back());
        stack_.pop_back();
        add(std::move(n));
    }

    void add(Node n) {
        if (stack_.empty()) {
            root = std::move(n);
            return;
        }
        Node& parent = stack_.back();
        // yaml-cpp marks an empty value at the next token, which may be lines later:
        // an empty mapping value is reported at its key instead.
        if (n.isNull() && parent.isMap() && parent.items.size() % 2 == 1) n.pos = parent.items.back().pos;
        parent.items.push_back(std::move(n));
    }

    void checkKeys(const Node& map) {
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < map.mapSize(); ++i) {
            const Node& k = map.key(i);
            if (!k.isScalar()) {
                diags_.error(k.pos, "yaml-key", "keys must be plain words, not " + k.describe());
                continue;
            }
            order.push_back(i);
        }
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return map.key(a).value < map.key(b).value; });
        for (std::size_t j = 1; j < order.size(); ++j) {
            const Node& first = map.key(order[j - 1]);
            const Node& again = map.key(order[j]);
            if (first.value != again.value) continue;
            // Report against the first occurrence of the run, which sorts first (stable).
            std::size_t f = j - 1;
            while (f > 0 && map.key(order[f - 1]).value == again.value) --f;
            const Node& orig = map.key(order[f]);
            diags_.error(again.pos, "duplicate-key",
                         fmt::format("duplicate key '{}'; it is already set at line {}, column {}", again.value,
                                     orig.pos.line, orig.pos.col));
        }
    }

    const Positions& pos_;
    Diagnostics& diags_;
    const Limits& limits_;
    std::vector<Node> stack_;
    int aliases_ = 0, anchors_ = 0;
};

/// Stops at the start of a second document.
class SecondDocument : public YAML::EventHandler {
public:
    explicit SecondDocument(std::optional<YAML::Mark>& where) : where_(where) {}
    void OnDocumentStart(const YAML::Mark& m) override {
        where_ = m;
        throw StopParsing{};
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}

private:
    std::optional<YAML::Mark>& where_;
};

/// Rejects bytes yaml-cpp would misread: invalid UTF-8 and control characters.
bool checkBytes(std::string_view text, const Positions& pos, Diagnostics& diags) {
    if (auto bad = text::firstInvalidUtf8(text)) {
        diags.error(pos.atOffset(*bad), "encoding",
                    fmt::format("the file is not valid UTF-8 (byte 0x{:02X}); save it as UTF-8",
                                static_cast<unsigned char>(text[*bad])));
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (isForbiddenControl(c) || isC1(text, i)) {
            const unsigned code = isC1(text, i) ? static_cast<unsigned char>(text[i + 1]) : c;
            diags.error(pos.atOffset(i), "control-character",
                        fmt::format("control character U+{:04X} is not allowed", code));
            return false;
        }
    }
    return true;
}

}  // namespace

std::optional<Node> parse(std::string_view text, Diagnostics& diags, const Limits& limits) {
    if (text.size() > limits.maxBytes) {
        diags.error(
            {}, "file-too-large",
            fmt::format("the file is {} bytes; scenarios are limited to {} bytes", text.size(), limits.maxBytes));
        return std::nullopt;
    }
    const Positions positions(text);
    if (!checkBytes(text, positions, diags)) return std::nullopt;

    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    TreeBuilder builder(positions, diags, limits);
    try {
        const std::size_t errorsBefore = diags.errorCount();
        if (!parser.HandleNextDocument(builder) || !builder.root) {
            diags.error({}, "empty-file", "the file is empty; a scenario starts with 'format: 1'");
            return std::nullopt;
        }
        std::optional<YAML::Mark> second;
        SecondDocument probe(second);
        try {
            parser.HandleNextDocument(probe);
        } catch (const StopParsing&) {
        }
        if (second) {
            diags.error(positions.at(*second), "yaml-documents",
                        "a scenario file holds one YAML document; this starts a second one");
            return std::nullopt;
        }
        // Anchors, aliases, tags or bad keys: interpreting the rest would only add noise.
        if (diags.errorCount() > errorsBefore) return std::nullopt;
    } catch (const StopParsing&) {
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        std::string msg = e.msg;
        if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
        diags.error(positions.at(e.mark), "yaml-syntax", msg);
        return std::nullopt;
    }
    return std::move(builder.root);
}

}  // namespace attune::yaml
