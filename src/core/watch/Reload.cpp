#include "core/watch/Reload.hpp"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace attune {
namespace fs = std::filesystem;

FileWatch::FileWatch(fs::path file) : file_(std::move(file)) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) {
        error_ = fmt::format("the file cannot be watched: {}", std::strerror(errno));
        return;
    }
    fs::path folder = file_.parent_path();
    if (folder.empty()) folder = ".";
    // Saves by rename arrive as IN_MOVED_TO; saves in place as IN_CLOSE_WRITE.
    wd_ = inotify_add_watch(fd_, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE);
    if (wd_ < 0) error_ = fmt::format("the folder {} cannot be watched: {}", folder.string(), std::strerror(errno));
}

FileWatch::~FileWatch() {
    if (fd_ >= 0) close(fd_);
}

bool FileWatch::changed() {
    if (fd_ < 0) return false;
    bool hit = false;
    const std::string name = file_.filename().string();
    alignas(inotify_event) char buf[16 * (sizeof(inotify_event) + NAME_MAX + 1)];
    for (;;) {
        const ssize_t n = read(fd_, buf, sizeof buf);
        if (n <= 0) break;  // EAGAIN: nothing more waits
        for (ssize_t at = 0; at < n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
            // A file created empty is written next: its closing write is the event to act on.
            if (e->len > 0 && name == e->name && (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO))) hit = true;
            if (e->mask & IN_Q_OVERFLOW) hit = true;  // events were lost: read the file (the same bytes do nothing)
            at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
        }
    }
    return hit;
}

ScenarioWatch::ScenarioWatch(fs::path file, const PatternLibrary& library)
    : watch_(std::move(file)), library_(library) {}

ScenarioUpdate ScenarioWatch::load() {
    ScenarioUpdate up;
    Diagnostics d(watch_.file().string());
    std::error_code ec;
    if (read_ && !fs::exists(watch_.file(), ec)) return up;  // away for a moment: the version playing stays
    const auto bytes = readFile(watch_.file(), d);
    if (!bytes) {  // too large, unreadable, a folder: said as the loader says it
        up.kind = ScenarioUpdate::Kind::Broken;
        up.diags = std::move(d);
        broken_ = read_ = true;
        bytes_.clear();
        return up;
    }
    if (read_ && *bytes == bytes_) return up;
    bytes_ = *bytes;
    read_ = true;
    // Every error, without the warnings that explore the story's states (attune validate gives
    // those): a save is on screen at once.
    LoadResult r = loadScenarioText(bytes_, watch_.file().string(), library_, Checks::Play);
    up.diags = std::move(r.diags);
    if (r.scenario) {
        up.kind = ScenarioUpdate::Kind::Loaded;
        up.scenario = std::make_shared<const Scenario>(std::move(*r.scenario));
    } else {
        up.kind = ScenarioUpdate::Kind::Broken;
    }
    broken_ = up.kind == ScenarioUpdate::Kind::Broken;
    return up;
}

ScenarioUpdate ScenarioWatch::poll() {
    if (!watch_.changed()) return ScenarioUpdate{};
    return load();
}

CarriedOver carryOver(const Playthrough& old, std::shared_ptr<const Scenario> fresh) {
    const SavedPlaythrough saved = old.save();
    Playthrough::Restored r = Playthrough::replay(fresh, saved);
    const std::size_t picks = saved.picks.size();
    if (r.playthrough) {
        const std::string& at = r.playthrough->session().node().id;
        std::string note = picks == 0 ? std::string("Nothing was picked yet")
                                      : fmt::format("Your {} pick{} replayed", picks, picks == 1 ? " was" : "s were");
        note += at == saved.node
                    ? "; the story stands where it was."
                    : fmt::format("; '{}' is no longer on the way, so the story stands at '{}'.", saved.node, at);
        return {std::move(*r.playthrough), true, std::move(note)};
    }
    // The same people when they still fit; otherwise the roles played that still exist.
    const Table& t = old.table();
    if (t.together() && checkTable(t, *fresh).empty())
        return {Playthrough(fresh, t), false, "Started again from the beginning: " + r.error + "."};
    std::set<std::string> played;
    for (const std::string& role : saved.played)
        if (fresh->role(role)) played.insert(role);
    return {Playthrough(fresh, played), false, "Started again from the beginning: " + r.error + "."};
}

}  // namespace attune
