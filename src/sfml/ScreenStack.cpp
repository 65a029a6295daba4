#include "sfml/ScreenStack.hpp"
#include "sfml/widgets/Shapes.hpp"

namespace attune::ui {

void ScreenStack::push(std::unique_ptr<Screen> s) { requests_.push_back({Request::Kind::Push, std::move(s), {}}); }
void ScreenStack::pop() { requests_.push_back({Request::Kind::Pop, nullptr, {}}); }
void ScreenStack::replace(std::unique_ptr<Screen> s) {
    requests_.push_back({Request::Kind::Replace, std::move(s), {}});
}
void ScreenStack::later(std::function<void()> f) { requests_.push_back({Request::Kind::Later, nullptr, std::move(f)}); }

bool ScreenStack::apply() {
    if (requests_.empty()) return false;
    // Requests made while applying (by layout() or later()) wait for the next round.
    std::vector<Request> now;
    now.swap(requests_);
    for (auto& r : now) {
        switch (r.kind) {
            case Request::Kind::Push:
                screens_.push_back(std::move(r.screen));
                screens_.back()->layout();
                break;
            case Request::Kind::Pop:
                if (!screens_.empty()) screens_.pop_back();
                if (!screens_.empty()) screens_.back()->resumed();
                break;
            case Request::Kind::Replace:
                clear();
                screens_.push_back(std::move(r.screen));
                screens_.back()->layout();
                break;
            case Request::Kind::Later:
                if (r.then) r.then();
                break;
        }
    }
    return true;
}

std::size_t ScreenStack::firstVisible() const {
    std::size_t i = screens_.size();
    while (i > 0) {
        --i;
        if (screens_[i]->opaque()) return i;
    }
    return 0;
}

void ScreenStack::handle(const sf::Event& e) {
    if (auto* t = top()) t->handle(e);
}

void ScreenStack::update(float dt) {
    for (std::size_t i = firstVisible(); i < screens_.size(); ++i) screens_[i]->update(dt);
}

std::vector<const Screen*> ScreenStack::visible() const {
    std::vector<const Screen*> out;
    for (std::size_t i = firstVisible(); i < screens_.size(); ++i) out.push_back(screens_[i].get());
    return out;
}

bool ScreenStack::busy() const {
    for (const auto& s : screens_)
        if (s->busy()) return true;
    return false;
}

void ScreenStack::draw(sf::RenderTarget& target) const {
    drawBeneathTop(target);
    drawTop(target);
}

bool ScreenStack::onlyOverlayAnimating() const {
    if (screens_.size() < 2 || screens_.back()->opaque() || !screens_.back()->animating()) return false;
    for (std::size_t i = firstVisible(); i + 1 < screens_.size(); ++i)
        if (screens_[i]->animating()) return false;
    return true;
}

void ScreenStack::drawBeneathTop(sf::RenderTarget& target) const {
    if (screens_.size() < 2) return;
    const std::size_t first = firstVisible();
    auto beneath = [&] {
        for (std::size_t i = first; i + 1 < screens_.size(); ++i) screens_[i]->draw(target);
    };
    if (const std::optional<sf::FloatRect> hidden = screens_.back()->covers())
        drawAround(target, *hidden, beneath);
    else
        beneath();
}

void ScreenStack::drawTop(sf::RenderTarget& target) const {
    if (!screens_.empty()) screens_.back()->draw(target);
}

bool ScreenStack::animating() const {
    for (std::size_t i = firstVisible(); i < screens_.size(); ++i)
        if (screens_[i]->animating()) return true;
    return false;
}

void ScreenStack::layoutAll() {
    for (auto& s : screens_) s->layout();
}

void ScreenStack::settleAll() {
    for (auto& s : screens_) s->settle();
}

void ScreenStack::clear() {
    // Top first: a screen may tell the one beneath it that it is going (a practice ending
    // tells the story that opened it), so the one beneath must still be there.
    while (!screens_.empty()) screens_.pop_back();
}

ScreenStack::~ScreenStack() { clear(); }

}  // namespace attune::ui
