// attune play FILE --watch: the terminal player for an author with the file open in an
// editor. Every save is loaded again; the playthrough is replayed onto it by choice id and
// goes on where it stood (or starts again, saying why); a save with errors prints its
// diagnostics and play waits until the file is fixed. Nothing is kept in the journal: the
// story is still being written.
#include "cli/Commands.hpp"
#include "core/model/PatternLibrary.hpp"
#include "core/util/Text.hpp"
#include "core/watch/Reload.hpp"
#include "core/run/Script.hpp"
#include "text/TextPlayer.hpp"

#include <cerrno>
#include <ctime>
#include <fmt/format.h>
#include <iostream>
#include <poll.h>
#include <streambuf>
#include <unistd.h>

namespace attune::cli {
namespace {

/// Standard input that also listens to the watched file: while it waits for a line, a save
/// ends the input (EOF) with the update kept, so whatever was reading gives way to the reload.
class WatchedInput : public std::streambuf {
public:
    explicit WatchedInput(ScenarioWatch& w) : watch_(w) {}
    bool changed() const { return update_.kind != ScenarioUpdate::Kind::None; }
    /// The update that ended the input; reading goes on afterwards.
    ScenarioUpdate take() {
        ScenarioUpdate u = std::move(update_);
        update_ = ScenarioUpdate{};
        return u;
    }
    bool ended() const { return ended_; }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (changed() || ended_) return traits_type::eof();
        for (;;) {
            pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {watch_.fd(), POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0) {
                if (errno == EINTR) continue;
                ended_ = true;
                return traits_type::eof();
            }
            if (fds[1].revents & POLLIN) {
                update_ = watch_.poll();
                if (changed()) return traits_type::eof();
            }
            if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
                const ssize_t n = ::read(STDIN_FILENO, buf_, sizeof buf_);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) {
                    ended_ = true;
                    return traits_type::eof();
                }
                setg(buf_, buf_, buf_ + n);
                return traits_type::to_int_type(*gptr());
            }
        }
    }

private:
    ScenarioWatch& watch_;
    ScenarioUpdate update_{};
    bool ended_ = false;
    char buf_[4096];
};

/// Typed picks that know a save stopped them.
class WatchedPicks : public TypedPicks {
public:
    WatchedPicks(std::istream& in, const WatchedInput& w) : TypedPicks(in), w_(w) {}
    bool reloading() const override { return w_.changed(); }

private:
    const WatchedInput& w_;
};

void printDiagnostics(const ScenarioUpdate& u, std::ostream& out) {
    for (const Diagnostic& d : u.diags.all()) out << "  " << d.format() << '\n';
}

}  // namespace

int playWatched(const WatchPlay& a, const PatternLibrary& lib) {
    ScenarioWatch watch(a.file, lib);
    if (!watch.ok()) {
        std::cerr << "attune: --watch: " << watch.error() << '\n';
        return 1;
    }
    WatchedInput buf(watch);
    std::istream in(&buf);
    std::ostream& out = std::cout;
    ScenarioUpdate up;
    const auto waitForChange = [&]() -> bool {
        for (;;) {
            std::string line;
            if (!std::getline(in, line)) {
                if (buf.changed()) {
                    in.clear();
                    return true;
                }
                return false;  // the end of input: stop
            }
            if (line == "q" || line == "quit") return false;
            out << fmt::format("  Save {} to see the change here (q stops).\n", a.file) << std::flush;
        }
    };
    // Until a version without errors comes: a broken one is shown, and waited on.
    const auto untilLoaded = [&](ScenarioUpdate u) -> std::optional<ScenarioUpdate> {
        while (u.kind != ScenarioUpdate::Kind::Loaded) {
            if (u.kind == ScenarioUpdate::Kind::Broken) {
                const std::size_t n = u.diags.errorCount();
                out << fmt::format("\n-- {} {} has {}; play goes on once {} fixed --\n", text::timeOfDay(), a.file,
                                   n == 1 ? "an error" : fmt::format("{} errors", n), n == 1 ? "it is" : "they are");
                printDiagnostics(u, out);
                out << std::flush;
            }
            if (!waitForChange()) return std::nullopt;
            u = buf.take();
        }
        return u;
    };
    auto first = untilLoaded(watch.load());
    if (!first) return 1;
    up = std::move(*first);
    const std::shared_ptr<const Scenario> current = up.scenario;
    std::optional<Playthrough> run;
    if (!a.together.empty()) {
        std::string err;
        auto table = makeTable(*current, *parseTogetherMode(a.together), a.names, a.roles, err);
        if (!table) {
            std::cerr << "attune: " << err << '\n';
            return 2;
        }
        run.emplace(current, *table);
    } else {
        run.emplace(current, playedRoles(*current, a.solo));
    }
    printTitle(*current, out);
    if (up.diags.warningCount() > 0) printDiagnostics(up, out);
    out << fmt::format("Watching {}: each save is played here at once (q stops).\n", a.file);
    for (;;) {
        TextOptions opts;
        addCoaching(opts, lib, a.coaching, *run);
        opts.interactive = isatty(STDIN_FILENO) != 0;
        opts.stopNote = [] { return std::string("Nothing is kept while watching."); };
        WatchedPicks picks(in, buf);
        PlayEnd end = playText(*run, picks, out, opts);
        if (end == PlayEnd::Ending || end == PlayEnd::Stuck) {
            out << fmt::format("\nWatching {}: save it to play the change from here (q stops).\n", a.file)
                << std::flush;
            end = waitForChange() ? PlayEnd::Reload : PlayEnd::Stopped;
            if (end == PlayEnd::Stopped) return 0;
        }
        if (end != PlayEnd::Reload) return end == PlayEnd::Stopped ? 0 : 1;
        in.clear();
        const auto u = untilLoaded(buf.take());
        if (!u) return 0;
        CarriedOver c = carryOver(*run, u->scenario);
        run.emplace(std::move(c.playthrough));
        out << fmt::format("\n-- {} reloaded {}: {} --\n", text::timeOfDay(), a.file, c.note);
        if (u->diags.warningCount() > 0) printDiagnostics(*u, out);
        showSince(*run, out, TextOptions{});
    }
}

}  // namespace attune::cli
