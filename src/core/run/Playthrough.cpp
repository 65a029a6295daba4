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
        case PlayEvent::Kind::Line: return "line";
        case PlayEvent::Kind::Decision: return "decision";
        case PlayEvent::Kind::Pick: return "pick";
        case PlayEvent::Kind::Ending: return "ending";
        case PlayEvent::Kind::Stuck: return "stuck";
        case PlayEvent::Kind::Rewind: return "rewind";
    }
    return "?";
}

std::string choiceKey(const Choice& c) { return c.id.empty() ? c.text : c.id; }

Playthrough::Playthrough(std::shared_ptr<const Scenario> s, std::set<std::string> played)
    : scenario_(std::move(s)), session_(*scenario_, std::move(played)) {}

Playthrough Playthrough::borrowing(const Scenario& s, std::set<std::string> played) {
    return Playthrough(std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &s), std::move(played));
}

std::optional<std::string> Playthrough::turn() const {
    if (session_.state() != Session::State::Decision || !session_.isPlayed(session_.chooser())) return std::nullopt;
    return session_.chooser();
}

void Playthrough::emit(const PlayEvent& e) {
    for (const Listener& l : listeners_) l(*this, e);
}

void Playthrough::emitArrival() {
    const int step = static_cast<int>(session_.history().size()) - 1;
    switch (session_.state()) {
        case Session::State::Line: emit({PlayEvent::Kind::Line, step, {}, false}); break;
        case Session::State::Decision: emit({PlayEvent::Kind::Decision, step, session_.chooser(), false}); break;
        case Session::State::Ending: emit({PlayEvent::Kind::Ending, step, {}, false}); break;
        case Session::State::Stuck: emit({PlayEvent::Kind::Stuck, step, {}, false}); break;
    }
}

void Playthrough::announce() { emitArrival(); }

void Playthrough::advance() {
    if (session_.state() != Session::State::Line) return;
    session_.advance();
    emitArrival();
}

bool Playthrough::choose(int choice) {
    if (session_.state() != Session::State::Decision) return false;
    const auto& shown = session_.history().back().offered;
    if (std::find(shown.begin(), shown.end(), choice) == shown.end()) return false;
    const bool person = session_.isPlayed(session_.chooser());
    if (person && keepRewind_) rewindPoints_.emplace_back(session_, picks_.size());
    const Node& n = session_.node();
    const int step = static_cast<int>(session_.history().size()) - 1;
    picks_.push_back({n.id, n.by, choiceKey(n.choices[u(choice)]), !person});
    session_.choose(choice);
    if (!person) session_.markDefault(step);
    emit({PlayEvent::Kind::Pick, step, picks_.back().role, !person});
    emitArrival();
    return true;
}

void Playthrough::chooseDefault() {
    if (session_.state() != Session::State::Decision) return;
    const int d = session_.defaultChoice();
    if (d < 0) return;
    const Node& n = session_.node();
    const int step = static_cast<int>(session_.history().size()) - 1;
    picks_.push_back({n.id, n.by, choiceKey(n.choices[u(d)]), true});
    session_.choose(d);
    session_.markDefault(step);
    emit({PlayEvent::Kind::Pick, step, picks_.back().role, true});
    emitArrival();
}

void Playthrough::runToPerson() {
    for (int i = 0; i < kStepLimit; ++i) {
        if (session_.state() == Session::State::Line) advance();
        else if (session_.state() == Session::State::Decision && !turn()) chooseDefault();
        else return;
    }
}

bool Playthrough::rewind() {
    if (rewindPoints_.empty()) return false;
    session_ = rewindPoints_.back().first;
    picks_.resize(rewindPoints_.back().second);
    rewindPoints_.pop_back();
    emit({PlayEvent::Kind::Rewind, static_cast<int>(session_.history().size()) - 1, {}, false});
    emitArrival();
    return true;
}

bool Playthrough::rewindTo(int step) {
    for (std::size_t i = rewindPoints_.size(); i-- > 0;) {
        if (static_cast<int>(rewindPoints_[i].first.history().size()) - 1 != step) continue;
        session_ = rewindPoints_[i].first;
        picks_.resize(rewindPoints_[i].second);
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
    rewindPoints_.clear();
    emit({PlayEvent::Kind::Rewind, -1, {}, false});
    emitArrival();
}

SavedPlaythrough Playthrough::save() const {
    return {scenario_->id,      scenario_->contentHash, session_.played(), picks_, session_.node().id, session_.meters(),
            static_cast<int>(session_.history().size())};
}

Playthrough::Restored Playthrough::restore(std::shared_ptr<const Scenario> s, const SavedPlaythrough& saved) {
    Restored out;
    if (!s) {
        out.error = "no scenario to restore onto";
        return out;
    }
    if (saved.scenario != s->id) {
        out.error = fmt::format("the saved playthrough is of '{}', not '{}'", saved.scenario, s->id);
        return out;
    }
    out.changed = saved.hash != s->contentHash;
    for (const std::string& r : saved.played)
        if (!s->role(r)) {
            out.error = fmt::format("the saved playthrough has a player for role '{}', which the scenario no longer has", r);
            return out;
        }
    Playthrough p(s, saved.played);
    for (std::size_t i = 0; i < saved.picks.size(); ++i) {
        const PickRecord& rec = saved.picks[i];
        for (int guard = 0; p.state() == Session::State::Line && guard < kStepLimit; ++guard) p.advance();
        if (p.state() != Session::State::Decision) {
            out.error = fmt::format("step {}: the saved pick at node '{}' comes after the story has {}", i + 1, rec.node,
                                    p.state() == Session::State::Ending ? "ended" : "stopped");
            return out;
        }
        const Node& n = p.session().node();
        if (n.id != rec.node) {
            out.error = fmt::format("step {}: the saved pick was made at node '{}', but the story is now at '{}'", i + 1,
                                    rec.node, n.id);
            return out;
        }
        int found = -1;
        for (int c : p.session().history().back().offered)
            if (choiceKey(n.choices[u(c)]) == rec.choice) found = c;
        if (found < 0) {
            out.error = fmt::format("step {}: the choice '{}' at node '{}' no longer exists or is not shown there", i + 1,
                                    rec.choice, rec.node);
            return out;
        }
        p.choose(found);
    }
    // The lines read after the last pick, up to where it was saved.
    for (int guard = 0; p.state() == Session::State::Line && static_cast<int>(p.session().history().size()) < saved.steps &&
                        guard < kStepLimit;
         ++guard)
        p.advance();
    if (p.session().node().id != saved.node || p.session().meters() != saved.meters ||
        static_cast<int>(p.session().history().size()) != saved.steps) {
        out.error = fmt::format("replaying the saved picks lands at '{}', not where it was saved ('{}')",
                                p.session().node().id, saved.node);
        return out;
    }
    out.playthrough = std::move(p);
    return out;
}

}  // namespace attune
