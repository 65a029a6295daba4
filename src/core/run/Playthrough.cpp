#include "core/run/Playthrough.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace attune {
namespace {
std::size_t u(int i) { return static_cast<std::size_t>(i); }
constexpr int kStepLimit = 100000;  // lines and defaults walked in one go before giving up
}  // namespace

const char* name(PlayEvent::Kind k) {
    switch (k) {
        case PlayEvent::Kind::Line:
            return "line";
        case PlayEvent::Kind::Decision:
            return "decision";
        case PlayEvent::Kind::Handoff:
            return "handoff";
        case PlayEvent::Kind::Answer:
            return "answer";
        case PlayEvent::Kind::Pick:
            return "pick";
        case PlayEvent::Kind::Card:
            return "card";
        case PlayEvent::Kind::Reveal:
            return "reveal";
        case PlayEvent::Kind::Ending:
            return "ending";
        case PlayEvent::Kind::Debrief:
            return "debrief";
        case PlayEvent::Kind::Stuck:
            return "stuck";
        case PlayEvent::Kind::Rewind:
            return "rewind";
    }
    return "?";
}

std::string choiceKey(const Choice& c) { return c.id.empty() ? c.text : c.id; }

namespace {
/// The people a plain set of played roles stands for: one per role, player first, no names.
Table tableFor(const Scenario& s, const std::set<std::string>& played) {
    Table t;
    const std::set<std::string> roles = played.empty() ? std::set<std::string>{s.player} : played;
    if (roles.count(s.player)) t.people.push_back({"", s.player});
    for (const std::string& r : roles)
        if (r != s.player) t.people.push_back({"", r});
    return t;
}
std::set<std::string> rolesOf(const Table& t) {
    std::set<std::string> out;
    for (const Person& p : t.people) out.insert(p.role);
    return out;
}
}  // namespace

Playthrough::Playthrough(std::shared_ptr<const Scenario> s, std::set<std::string> played)
    : scenario_(std::move(s)), table_(tableFor(*scenario_, played)), session_(*scenario_, std::move(played)) {
    picks_.reserve(128);  // the log grows a pick at a time: not moved while it does
}

Playthrough::Playthrough(std::shared_ptr<const Scenario> s, Table table)
    : scenario_(std::move(s)), table_(std::move(table)), session_(*scenario_, rolesOf(table_)) {
    picks_.reserve(128);
}

Playthrough Playthrough::borrowing(const Scenario& s, std::set<std::string> played) {
    return Playthrough(std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &s), std::move(played));
}

Playthrough Playthrough::borrowing(const Scenario& s, Table table) {
    return Playthrough(std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &s), std::move(table));
}

std::optional<std::string> Playthrough::turn() const {
    if (session_.state() != Session::State::Decision || !session_.isPlayed(session_.chooser())) return std::nullopt;
    return session_.chooser();
}

std::optional<int> Playthrough::actor() const {
    const auto role = turn();
    if (!role) return std::nullopt;
    const int owner = std::max(0, table_.personFor(*role));
    if (mode() == TogetherMode::Mirror && pendingOwner_ >= 0) return 1 - owner;
    return owner;
}

bool Playthrough::needsHandoff() const {
    if (!table_.together()) return false;
    const auto a = actor();
    return a && *a != holder_;
}

void Playthrough::handOver() {
    if (!needsHandoff()) return;
    holder_ = *actor();
    emit({PlayEvent::Kind::Handoff, static_cast<int>(session_.history().size()) - 1, session_.chooser(), false,
          holder_});
}

std::string Playthrough::privateBody() const {
    if (!table_.together()) return session_.body();
    if (turn()) return session_.bodyFor(session_.chooser());  // the role being answered as
    const std::size_t h = static_cast<std::size_t>(holder_);
    return h < table_.people.size() ? session_.bodyFor(table_.people[h].role) : std::string();
}

void Playthrough::emit(const PlayEvent& e) {
    for (const Listener& l : listeners_) l(*this, e);
}

void Playthrough::emitArrival() {
    if (listeners_.empty()) return;  // nobody to tell (a walk, a replay): no events to build
    const int step = static_cast<int>(session_.history().size()) - 1;
    switch (session_.state()) {
        case Session::State::Line:
            emit({PlayEvent::Kind::Line, step, {}, false});
            break;
        case Session::State::Decision:
            emit({PlayEvent::Kind::Decision, step, session_.chooser(), false, actor().value_or(-1)});
            break;
        case Session::State::Ending:
            emit({PlayEvent::Kind::Ending, step, {}, false});
            emit({PlayEvent::Kind::Debrief, step, {}, false});
            break;
        case Session::State::Stuck:
            emit({PlayEvent::Kind::Stuck, step, {}, false});
            break;
    }
}

void Playthrough::announce() { emitArrival(); }

void Playthrough::advance() {
    if (session_.state() != Session::State::Line) return;
    session_.advance();
    emitArrival();
}

void Playthrough::play(int choice, const std::string& mirror) {
    const bool person = session_.isPlayed(session_.chooser());
    const int who = person && !listeners_.empty() ? actor().value_or(0) : -1;  // only the events say who
    if (person && keepRewind_) rewindPoints_.push_back({session_, picks_.size(), rounds_.size()});
    const Node& n = session_.node();
    const int step = static_cast<int>(session_.history().size()) - 1;
    picks_.push_back({n.id, n.by, choiceKey(n.choices[u(choice)]), !person, mirror});
    session_.choose(choice);
    if (!person) session_.markDefault(step);
    if (listeners_.empty()) return;
    emit({PlayEvent::Kind::Pick, step, picks_.back().role, !person, who});
    if (person && mirror.empty()) emit({PlayEvent::Kind::Card, step, picks_.back().role, false, who});
}

bool Playthrough::choose(int choice) {
    if (session_.state() != Session::State::Decision) return false;
    const auto& shown = session_.history().back().offered;
    if (std::find(shown.begin(), shown.end(), choice) == shown.end()) return false;
    if (needsHandoff()) return false;
    const int step = static_cast<int>(session_.history().size()) - 1;
    if (mode() == TogetherMode::Mirror && turn()) {
        const int who = *actor();
        // A breathing pause is not an answer to compare: it is taken for both, at once.
        if (pendingOwner_ < 0 && session_.node().choices[u(choice)].breathe) {
            play(choice, {});
            emitArrival();
            return true;
        }
        if (pendingOwner_ < 0) {  // the owner's private answer: the other answers next
            pendingOwner_ = choice;
            emit({PlayEvent::Kind::Answer, step, session_.chooser(), false, who});
            return true;
        }
        const Node& n = session_.node();
        const MirrorRound round{step, n.id, n.by, pendingOwner_, choice, 1 - who, who};
        emit({PlayEvent::Kind::Answer, step, session_.chooser(), false, who});
        pendingOwner_ = -1;
        play(round.owner, choiceKey(n.choices[u(choice)]));
        rounds_.push_back(round);
        emit({PlayEvent::Kind::Reveal, step, round.role, false, round.ownerPerson});
        emitArrival();
        return true;
    }
    play(choice, {});
    emitArrival();
    return true;
}

void Playthrough::chooseDefault() {
    if (session_.state() != Session::State::Decision) return;
    const int d = session_.defaultChoice();
    if (d < 0) return;
    const Node& n = session_.node();
    const int step = static_cast<int>(session_.history().size()) - 1;
    picks_.push_back({n.id, n.by, choiceKey(n.choices[u(d)]), true, {}});
    session_.choose(d);
    session_.markDefault(step);
    emit({PlayEvent::Kind::Pick, step, picks_.back().role, true});
    emitArrival();
}

void Playthrough::runToPerson() {
    for (int i = 0; i < kStepLimit; ++i) {
        if (session_.state() == Session::State::Line)
            advance();
        else if (session_.state() == Session::State::Decision && !turn())
            chooseDefault();
        else
            return;
    }
}

bool Playthrough::rewind() {
    if (rewindPoints_.empty()) return false;
    return rewindTo(static_cast<int>(rewindPoints_.back().session.history().size()) - 1);
}

bool Playthrough::rewindTo(int step) {
    for (std::size_t i = rewindPoints_.size(); i-- > 0;) {
        const RewindPoint& r = rewindPoints_[i];
        if (static_cast<int>(r.session.history().size()) - 1 != step) continue;
        session_ = r.session;
        picks_.resize(r.picks);
        rounds_.resize(r.rounds);
        // The device stays where it physically is: if the decision now is someone else's,
        // needsHandoff() asks for it again.
        pendingOwner_ = -1;
        rewindPoints_.erase(rewindPoints_.begin() + static_cast<std::ptrdiff_t>(i), rewindPoints_.end());
        emit({PlayEvent::Kind::Rewind, step, {}, false});
        emitArrival();
        return true;
    }
    return false;
}

void Playthrough::restart() {
    session_ = Session(*scenario_, session_.played());
    picks_.clear();
    rounds_.clear();
    rewindPoints_.clear();
    pendingOwner_ = -1;
    emit({PlayEvent::Kind::Rewind, -1, {}, false});
    emitArrival();
}

SavedPlaythrough Playthrough::save() const {
    return {scenario_->id, scenario_->contentHash, session_.played(), table_,
            picks_,        session_.node().id,     session_.meters(), static_cast<int>(session_.history().size())};
}

Playthrough::Restored Playthrough::restore(std::shared_ptr<const Scenario> s, const SavedPlaythrough& saved) {
    if (s && saved.scenario != s->id) {
        Restored out;
        out.error = fmt::format("the saved playthrough is of '{}', not '{}'", saved.scenario, s->id);
        return out;
    }
    Restored out = replayLog(std::move(s), saved, false);
    if (!out.playthrough) return out;
    const Playthrough& p = *out.playthrough;
    if (p.session().node().id != saved.node || p.session().meters() != saved.meters ||
        static_cast<int>(p.session().history().size()) != saved.steps) {
        out.error = fmt::format("replaying the saved picks lands at '{}', not where it was saved ('{}')",
                                p.session().node().id, saved.node);
        out.playthrough.reset();
    }
    return out;
}

Playthrough::Restored Playthrough::replay(std::shared_ptr<const Scenario> s, const SavedPlaythrough& saved) {
    return replayLog(std::move(s), saved, true);
}

Playthrough::Restored Playthrough::replayLog(std::shared_ptr<const Scenario> s, const SavedPlaythrough& saved,
                                             bool lenient) {
    Restored out;
    if (!s) {
        out.error = "no scenario to restore onto";
        return out;
    }
    out.changed = saved.hash != s->contentHash;
    for (const std::string& r : saved.played)
        if (!s->role(r)) {
            out.error =
                fmt::format("the saved playthrough has a player for role '{}', which the scenario no longer has", r);
            return out;
        }
    if (saved.table.together())
        if (std::string why = checkTable(saved.table, *s); !why.empty()) {
            out.error = "the saved playthrough's people no longer fit: " + why;
            return out;
        }
    Playthrough p = saved.table.together() ? Playthrough(s, saved.table) : Playthrough(s, saved.played);
    for (std::size_t i = 0; i < saved.picks.size(); ++i) {
        const PickRecord& rec = saved.picks[i];
        for (int guard = 0; p.state() == Session::State::Line && guard < kStepLimit; ++guard) p.advance();
        if (p.state() != Session::State::Decision) {
            out.error = fmt::format("step {}: the saved pick at node '{}' comes after the story has {}", i + 1,
                                    rec.node, p.state() == Session::State::Ending ? "ended" : "stopped");
            return out;
        }
        const Node& n = p.session().node();
        if (n.id != rec.node) {
            out.error = fmt::format("step {}: the saved pick was made at node '{}', but the story is now at '{}'",
                                    i + 1, rec.node, n.id);
            return out;
        }
        const auto find = [&](const std::string& key) {
            int found = -1;
            for (int c : p.session().history().back().offered)
                if (choiceKey(n.choices[u(c)]) == key) found = c;
            if (found < 0)
                out.error = fmt::format("step {}: the choice '{}' at node '{}' no longer exists or is not shown there",
                                        i + 1, key, rec.node);
            return found;
        };
        const int found = find(rec.choice);
        if (found < 0) return out;
        const bool mirrored = p.mode() == TogetherMode::Mirror && p.turn() && !n.choices[u(found)].breathe;
        if (mirrored != !rec.mirror.empty()) {
            out.error =
                fmt::format("step {}: the saved pick at node '{}' {} a mirror answer, but this decision {}", i + 1,
                            rec.node, rec.mirror.empty() ? "has no" : "has", mirrored ? "is mirrored" : "is not");
            return out;
        }
        p.handOver();
        p.choose(found);
        if (mirrored) {
            const int other = find(rec.mirror);
            if (other < 0) return out;
            p.handOver();
            p.choose(other);
        }
    }
    // The lines read after the last pick, up to where it was saved (lenient: up to the saved
    // node, however many lines now lead there, or the next decision when it is gone).
    const auto before = [&] {
        return lenient ? p.session().node().id != saved.node
                       : static_cast<int>(p.session().history().size()) < saved.steps;
    };
    for (int guard = 0; p.state() == Session::State::Line && before() && guard < kStepLimit; ++guard) p.advance();
    out.playthrough = std::move(p);
    return out;
}

}  // namespace attune
