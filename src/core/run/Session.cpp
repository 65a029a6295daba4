#include "core/run/Session.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <stdexcept>

namespace attune {
namespace {
constexpr int kMaxSilentSteps = 1000;  // guards loops of text-less routing nodes
std::size_t u(int i) { return static_cast<std::size_t>(i); }
}  // namespace

Session::Session(const Scenario& s, std::set<std::string> played) : s_(&s), played_(std::move(played)) {
    if (played_.empty()) played_.insert(s.player);
    for (const Meter& m : s.meters) meters_.push_back(m.start);
    flags_.assign(s.flags.size(), 0);
    visits_.assign(s.nodes.size(), 0);
    history_.reserve(256);  // a playthrough's steps, not moved while it grows (about 55 KB)
    if (s.startIndex < 0) {
        stick(fmt::format("the start node '{}' does not exist", s.start));
        return;
    }
    enter(s.startIndex);
}

bool Session::waitingForPerson() const {
    return state_ == State::Line || (state_ == State::Decision && isPlayed(chooser()));
}

int Session::meter(std::string_view name) const {
    const int i = s_->meterIndex(name);
    return i < 0 ? 0 : meter(i);
}

bool Session::flag(std::string_view name) const {
    const int i = s_->flagIndex(name);
    return i >= 0 && flag(i);
}

std::vector<int> Session::visibleChoices() const {
    if (state_ != State::Decision) return {};
    StepInts shown;
    offer(shown);
    return {shown.begin(), shown.end()};
}

void Session::offer(StepInts& out) const {
    out.clear();
    const auto& choices = node().choices;
    for (std::size_t i = 0; i < choices.size(); ++i)
        if (!choices[i].cond || expr::eval(choices[i].cond->expr, env())) out.push_back(static_cast<int>(i));
}

int Session::defaultChoice() const {
    const auto visible = visibleChoices();
    for (int i : visible)
        if (node().choices[u(i)].isDefault) return i;
    return visible.empty() ? -1 : visible.front();
}

std::string Session::bodyFor(const std::string& role) const {
    const Node& n = node();
    const std::string& plainFor = n.isDecision() ? n.by : s_->player;
    return s_->substitute(n.bodyFor(role, plainFor));
}

std::string Session::body() const {
    const Node& n = node();
    if (n.isDecision() && isPlayed(n.by)) return bodyFor(n.by);
    if (isPlayed(s_->player)) return bodyFor(s_->player);
    for (const std::string& r : played_)
        if (std::string b = bodyFor(r); !b.empty()) return b;
    return {};
}

void Session::apply(const std::vector<Effect>& effects) {
    for (const Effect& e : effects) {
        if (e.index < 0) continue;
        if (e.kind == Effect::Kind::Flag) {
            flags_[u(e.index)] = static_cast<char>(e.value);
            continue;
        }
        const Meter& m = s_->meters[u(e.index)];
        const long now = meters_[u(e.index)];
        long v = e.kind == Effect::Kind::Add ? now + e.value : e.value;
        if (e.kind == Effect::Kind::Toward) {  // toward a target, at most `by`, never past it
            const long gap = static_cast<long>(e.value) - now;
            const long step = e.by < 0 ? gap : std::clamp<long>(gap, -e.by, e.by);
            v = now + step;
        }
        meters_[u(e.index)] = static_cast<int>(std::clamp<long>(v, m.min, m.max));
    }
}

void Session::stick(std::string why) {
    state_ = State::Stuck;
    stuck_ = std::move(why);
}

void Session::enter(int n) {
    node_ = n;
    ++visits_[u(n)];
    apply(node().effects);
    Step& step = history_.emplace_back();
    step.node = n;
    step.metersOnEntry.assign(meters_.begin(), meters_.end());
    step.metersAfter = step.metersOnEntry;
    settle();
}

void Session::settle() {
    const Node& n = node();
    if (n.isEnding() || n.isDecision()) autoSteps_ = 0;  // something is shown: not a silent loop
    if (n.isEnding()) {
        state_ = State::Ending;
        return;
    }
    if (n.isDecision()) {
        state_ = State::Decision;
        offer(history_.back().offered);
        if (history_.back().offered.empty())
            stick(fmt::format("no choice at node '{}' is available (every 'if' is false)", n.id));
        return;
    }
    state_ = State::Line;
    // A node with nothing to show only routes: go straight on.
    // A body line only for a role nobody plays shows nothing either.
    if (n.text.empty() && body().empty()) {
        if (++autoSteps_ > kMaxSilentSteps) {
            stick(fmt::format("the story loops through node '{}' without showing anything", n.id));
            return;
        }
        follow(n.next, n.id);
        return;
    }
    autoSteps_ = 0;
}

void Session::follow(const std::vector<Branch>& next, const std::string& from) {
    for (const Branch& b : next) {
        if (b.cond && !expr::eval(b.cond->expr, env())) continue;
        if (b.target < 0) {
            stick(fmt::format("node '{}' goes to unknown node '{}'", from, b.to));
            return;
        }
        enter(b.target);
        return;
    }
    stick(fmt::format("no 'next' branch of node '{}' holds", from));
}

void Session::advance() {
    if (state_ != State::Line) throw std::logic_error("Session::advance: not on a line");
    follow(node().next, node().id);
}

void Session::choose(int choice) {
    if (state_ != State::Decision) throw std::logic_error("Session::choose: not at a decision");
    // The choices shown were worked out on entering the node; nothing changes them until a choice.
    const auto& visible = history_.back().offered;
    if (std::find(visible.begin(), visible.end(), choice) == visible.end())
        throw std::logic_error("Session::choose: that choice is not shown");
    const Choice& c = node().choices[u(choice)];
    Step& step = history_.back();
    step.choice = choice;
    step.role = chooser();
    apply(c.effects);
    step.metersAfter.assign(meters_.begin(), meters_.end());
    follow(c.next, node().id);
}

void Session::chooseDefault() {
    const int d = defaultChoice();
    if (d < 0) throw std::logic_error("Session::chooseDefault: nothing to choose");
    choose(d);
    history_[static_cast<std::size_t>(lastDecisionStep())].byDefault = true;
}

int Session::lastDecisionStep() const {
    for (int i = static_cast<int>(history_.size()) - 1; i >= 0; --i)
        if (history_[u(i)].choice >= 0) return i;
    return -1;
}

}  // namespace attune
