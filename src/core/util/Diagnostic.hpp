#pragma once
/// Diagnostics: every problem the loader, the condition parser or the
/// validator finds, with a 1-based position and a stable rule id.
#include <string>
#include <vector>

namespace attune {

/// A 1-based position in a file; line 0 means "the whole file".
struct Pos {
    int line = 0;
    int col = 0;
    friend bool operator==(const Pos&, const Pos&) = default;
};

enum class Severity { Error, Warning };

struct Diagnostic {
    std::string file;
    Pos pos;
    Severity severity = Severity::Error;
    std::string message;
    std::string rule;

    /// `FILE:LINE:COL: error: MESSAGE [rule]`
    std::string format() const;
};

/// Collects diagnostics; never throws.
class Diagnostics {
public:
    explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

    void error(Pos pos, std::string rule, std::string message);
    void warning(Pos pos, std::string rule, std::string message);

    const std::vector<Diagnostic>& all() const { return items_; }
    bool hasErrors() const;
    std::size_t errorCount() const;
    std::size_t warningCount() const;
    const std::string& file() const { return file_; }
    /// Sorts by position (stable), so reports read top to bottom.
    void sort();
    void append(const Diagnostics& other);

private:
    std::string file_;
    std::vector<Diagnostic> items_;
};

}  // namespace attune
