#include "core/util/Text.hpp"

#include <ctime>

#include <algorithm>
#include <numeric>

namespace attune::text {

std::size_t editDistance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    std::iota(prev.begin(), prev.end(), std::size_t{0});
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2 = prev;
        prev = cur;
    }
    return prev[m];
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t bestDist = 0;
    if (word.size() > 64) return std::nullopt;  // not a typo of a name; and distances cost length squared
    for (const auto& c : candidates) {
        // The distance is at least the difference in length: skip what could never be close enough.
        const std::size_t longer = std::max(word.size(), c.size());
        const std::size_t diff = longer - std::min(word.size(), c.size());
        if (diff > std::max<std::size_t>(1, longer / 3)) continue;
        const std::size_t d = editDistance(word, c);
        if (!best || d < bestDist) {
            best = c;
            bestDist = d;
        }
    }
    if (!best) return std::nullopt;
    // A likely typo: at most a third of the longer word, and at least one letter.
    const std::size_t limit = std::max<std::size_t>(1, std::max(word.size(), best->size()) / 3);
    if (bestDist == 0 || bestDist > limit) return std::nullopt;
    return best;
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
    if (auto c = closest(word, candidates)) return " (did you mean '" + *c + "'?)";
    return {};
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view s) {
    std::size_t i = 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    while (i < s.size()) {
        const unsigned char c = byte(i);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else
            return i;
        if (i + len > s.size()) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((byte(i + k) & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (byte(i + k) & 0x3F);
        }
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::nullopt;
}

std::size_t codePoints(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool isKebab(std::string_view s) {
    if (s.empty() || s.front() == '-' || s.back() == '-') return false;
    char prev = 0;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

std::string firstCodePoints(std::string_view s, std::size_t max) {
    std::size_t i = 0, n = 0;
    while (i < s.size() && n < max) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
        ++n;
    }
    return std::string(s.substr(0, i));
}

std::string escapeHtml(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string shorten(std::string_view s, std::size_t max) {
    if (codePoints(s) <= max) return std::string(s);
    return firstCodePoints(s, max) + "...";
}

bool isConditionName(std::string_view s) {
    static constexpr std::string_view keywords[] = {"and", "or", "not", "true", "false", "visited", "visits"};
    if (s.empty() || s.back() == '-') return false;
    const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!alpha(s[0])) return false;
    for (char c : s)
        if (!alpha(c) && !(c >= '0' && c <= '9') && c != '-') return false;
    for (auto k : keywords)
        if (s == k) return false;
    return true;
}

std::string lowerFirst(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string capitalFirst(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i];
    }
    return out;
}

std::string trim(std::string_view part) {
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    return std::string(part);
}

std::vector<std::string> splitTrim(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = s.find(sep, start);
        out.push_back(trim(s.substr(start, end == std::string_view::npos ? s.npos : end - start)));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

std::vector<std::string> wrap(std::string_view s, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t lineLen = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == '\n') {
            lines.push_back(line);
            line.clear();
            lineLen = 0;
            ++i;
            continue;
        }
        if (s[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\n') ++j;
        const std::string_view word = s.substr(i, j - i);
        const std::size_t wlen = codePoints(word);
        if (lineLen > 0 && lineLen + 1 + wlen > width) {
            lines.push_back(line);
            line.clear();
            lineLen = 0;
        }
        if (lineLen > 0) {
            line += ' ';
            ++lineLen;
        }
        line += word;
        lineLen += wlen;
        i = j;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

}  // namespace attune::text

namespace attune::text {

std::string timeOfDay() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char out[16];
    std::strftime(out, sizeof out, "%H:%M:%S", &tm);
    return out;
}

}  // namespace attune::text
