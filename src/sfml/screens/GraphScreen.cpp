#include "sfml/screens/GraphScreen.hpp"

#include "core/util/Text.hpp"
#include "sfml/widgets/Blocks.hpp"
#include "sfml/widgets/Shapes.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <mutex>
#include <thread>

namespace attune::ui {
namespace {
std::size_t u(int i) { return static_cast<std::size_t>(i); }
constexpr float kMinZoom = 0.08f, kMaxZoom = 3.f;

sf::Vector2f at(const graph::Point& p) { return {static_cast<float>(p.x), static_cast<float>(p.y)}; }

/// A point on a cubic Bézier.
sf::Vector2f bezier(sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Vector2f d, float t) {
    const float s = 1 - t;
    return s * s * s * a + 3 * s * s * t * b + 3 * s * t * t * c + t * t * t * d;
}
}  // namespace

struct GraphScreen::Pending {
    std::mutex m;
    bool done = false;
    std::optional<graph::Layout> layout;
    std::string error;
};

GraphScreen::GraphScreen(Context& ctx, const Scenario& s, std::set<std::string> played, int current,
                         std::function<void(std::vector<std::string>, int)> playFrom)
    : Screen(ctx), sc_(s), played_(std::move(played)), current_(current), playFrom_(std::move(playFrom)) {
    shape_ = graph::shape(s);
    if (s.nodes.size() > graph::kMapNodeLimit) {
        error_ = fmt::format(
            "this story has {} nodes, and the map is drawn for up to {} (attune graph FILE --format svg "
            "lays out any size, given time)",
            s.nodes.size(), graph::kMapNodeLimit);
    } else {
        // Graphviz on its own thread, from a copy of what it needs: the screen may close first.
        pending_ = std::make_shared<Pending>();
        std::thread([p = pending_, prepared = graph::prepare(s)] {
            std::string error;
            auto l = graph::layout(prepared, error);
            const std::lock_guard<std::mutex> lock(p->m);
            p->layout = std::move(l);
            p->error = std::move(error);
            p->done = true;
        }).detach();
    }
    close_.set("Back to the story", "Esc", Button::Kind::Secondary);
    play_.set("Play from here", "Enter", Button::Kind::Primary);
}

void GraphScreen::update(float) {
    if (!pending_) return;
    {
        const std::lock_guard<std::mutex> lock(pending_->m);
        if (!pending_->done) return;
        laid_ = std::move(pending_->layout);
        error_ = pending_->error;
    }
    pending_.reset();
    nodes_.clear();  // laid out afresh, and fitted
    layout();
    ctx_.redraw = true;
}

void GraphScreen::layout() {
    const Theme& th = ctx_.theme;
    float y = std::round(th.margin * 0.55f);
    const sf::Vector2f cs = close_.layout(th, ctx_.size.x / 3);
    close_.setPosition({ctx_.size.x - th.margin - cs.x, y});
    title_.set(fmt::format("Story map: {}", sc_.title), lookFor(th, TextRole::Heading));
    title_.wrap(ctx_.size.x - 2 * th.margin - cs.x - 2 * th.unit);
    title_.setPosition({th.margin, y + std::round((cs.y - title_.height()) / 2)});
    y += std::max(cs.y, title_.height()) + std::round(0.6f * th.unit);
    legend_.set(pending_         ? fmt::format("Graphviz is laying out the map of {} nodes...", sc_.nodes.size())
                : error_.empty() ? "Choices: green secure, orange anxious, blue avoidant, purple disorganised. Dashed: "
                                   "never reached. Red outline: the story can stop there. Ringed: where you are."
                                 : "The map cannot be drawn: " + error_ + ".",
                th.look(th.type.caption, th.color.muted));
    legend_.wrap(ctx_.size.x - 2 * th.margin);
    legend_.setPosition({th.margin, y});
    y += legend_.height() + std::round(0.8f * th.unit);
    const float bottom = ctx_.size.y - std::round(th.margin * 0.7f);
    hint_.set("Click a node to read it. Drag or the arrow keys to move, the wheel or + and - to zoom, 0 to fit.",
              th.look(th.type.caption, th.color.faint));
    hint_.wrap(ctx_.size.x - 2 * th.margin);
    hint_.setPosition({th.margin, bottom - hint_.height()});
    area_ = {th.margin, y, ctx_.size.x - 2 * th.margin, bottom - hint_.height() - std::round(0.6f * th.unit) - y};
    const bool first = nodes_.empty();
    buildGraph();
    if (first && laid_) fit();
    placeCard();
}

void GraphScreen::buildGraph() {
    const Theme& th = ctx_.theme;
    edges_.clear();
    nodes_.clear();
    labels_.clear();
    if (!laid_) return;
    const TextLook idLook = th.look(12, th.color.text, true), subLook = th.look(10, th.color.muted);
    for (const graph::PlacedEdge& e : laid_->edges) {
        const Node& from = sc_.nodes[u(e.from)];
        const sf::Color c = e.choice >= 0 ? styleColor(th, from.choices[u(e.choice)].style) : th.color.faint;
        std::vector<sf::Vector2f> pts;
        for (std::size_t k = 0; k + 3 < e.curve.size(); k += 3)
            for (int step = 0; step <= 10; ++step)
                pts.push_back(bezier(at(e.curve[k]), at(e.curve[k + 1]), at(e.curve[k + 2]), at(e.curve[k + 3]),
                                     static_cast<float>(step) / 10.f));
        for (std::size_t k = 1; k < pts.size(); ++k) addLine(edges_, pts[k - 1], pts[k], 1.6f, c);
        if (e.arrow && !pts.empty()) {
            // The arrowhead: a small triangle from the curve's end to its tip.
            const sf::Vector2f tip = at(*e.arrow), base = pts.back();
            sf::Vector2f d = tip - base;
            const float len = std::hypot(d.x, d.y);
            if (len > 0.01f) {
                d /= len;
                const sf::Vector2f n(-d.y, d.x);
                const sf::Vector2f back = tip - d * 9.f;
                edges_.append({tip, c});
                edges_.append({back + n * 4.f, c});
                edges_.append({back - n * 4.f, c});
                addLine(edges_, base, back, 1.6f, c);
            }
        }
    }
    for (const graph::PlacedNode& p : laid_->nodes) {
        const Node& n = sc_.nodes[u(p.node)];
        const sf::FloatRect r(static_cast<float>(p.centre.x - p.width / 2),
                              static_cast<float>(p.centre.y - p.height / 2), static_cast<float>(p.width),
                              static_cast<float>(p.height));
        sf::Color fill = n.isEnding()     ? mix(th.color.surface, endingColor(th, n.ending->kind), 0.35f)
                         : n.isDecision() ? th.color.raised
                                          : th.color.surface;
        sf::Color edge = th.color.border;
        float width = 1.5f;
        if (!shape_.reachable[u(p.node)]) {
            fill = th.color.background;
            edge = th.color.faint;
        } else if (!shape_.toEnding[u(p.node)] || shape_.mayStick[u(p.node)]) {
            edge = th.color.ruptureEnding;
            width = 3.f;
        }
        nodes_.push_back(roundRect(r, 6.f, fill, edge, width));
        std::string sub = n.isEnding()     ? "ending: " + sc_.substitute(n.ending->title)
                          : n.isDecision() ? "chosen by " + (sc_.role(n.by) ? sc_.role(n.by)->name : n.by)
                          : n.say.empty()  ? std::string("narration")
                                           : (sc_.role(n.say) ? sc_.role(n.say)->name : n.say);
        TextBlock id(n.id, idLook), s2(sub, subLook);
        // One line each, centred on the node (a long id may reach past Graphviz's box).
        const float iw = std::max(r.width - 8, id.naturalWidth() + 1),
                    sw = std::max(r.width - 8, s2.naturalWidth() + 1);
        id.wrap(iw);
        s2.wrap(sw);
        id.setCentred(true);
        s2.setCentred(true);
        const float h = id.height() + s2.height(), cx = r.left + r.width / 2;
        id.setPosition({std::round(cx - iw / 2), std::round(r.top + (r.height - h) / 2)});
        s2.setPosition({std::round(cx - sw / 2), std::round(r.top + (r.height - h) / 2 + id.height())});
        labels_.push_back(std::move(id));
        labels_.push_back(std::move(s2));
        if (p.node == current_) {
            const sf::FloatRect o(r.left - 6, r.top - 6, r.width + 12, r.height + 12);
            ring_ = roundRect(o, 10.f, sf::Color::Transparent, th.color.accent, 3.f);
        }
    }
}

void GraphScreen::fit() {
    if (!laid_ || laid_->width <= 0 || laid_->height <= 0) return;
    const float fitZoom = std::min(area_.width / static_cast<float>(laid_->width + 40),
                                   area_.height / static_cast<float>(laid_->height + 40));
    zoom_ = std::clamp(fitZoom, kMinZoom, 1.2f);
    centre_ = {static_cast<float>(laid_->width / 2), static_cast<float>(laid_->height / 2)};
    // Too large to read whole: start readable, at the node the story stands at.
    if (fitZoom < 0.45f) {
        zoom_ = 0.8f;
        for (const auto& p : laid_->nodes)
            if (p.node == current_ || (current_ < 0 && p.node == sc_.startIndex)) centre_ = at(p.centre);
    }
}

sf::Vector2f GraphScreen::toWorld(sf::Vector2f screen) const {
    const sf::Vector2f mid(area_.left + area_.width / 2, area_.top + area_.height / 2);
    return centre_ + (screen - mid) / zoom_;
}

sf::Vector2f GraphScreen::onScreen(int node) const {
    const sf::Vector2f mid(area_.left + area_.width / 2, area_.top + area_.height / 2);
    if (laid_)
        for (const auto& p : laid_->nodes)
            if (p.node == node) return mid + (at(p.centre) - centre_) * zoom_;
    return {-1, -1};
}

int GraphScreen::nodeAt(sf::Vector2f w) const {
    if (!laid_) return -1;
    for (const auto& p : laid_->nodes)
        if (std::abs(w.x - p.centre.x) <= p.width / 2 && std::abs(w.y - p.centre.y) <= p.height / 2) return p.node;
    return -1;
}

void GraphScreen::zoomAt(float factor, sf::Vector2f screen) {
    const sf::Vector2f before = toWorld(screen);
    zoom_ = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
    centre_ += before - toWorld(screen);  // the point under the pointer stays there
    ctx_.redraw = true;
}

void GraphScreen::select(int node) {
    selected_ = node;
    route_.reset();
    gaveUp_ = false;
    if (node >= 0) route_ = graph::shortestPicks(sc_, played_, node, 50000, &gaveUp_);
    placeCard();
    ctx_.redraw = true;
}

void GraphScreen::placeCard() {
    const Theme& th = ctx_.theme;
    if (selected_ < 0) {
        cardRect_ = {};
        return;
    }
    const Node& n = sc_.nodes[u(selected_)];
    const float w = std::min(area_.width * 0.42f, 26.f * static_cast<float>(th.type.body));
    const float pad = std::round(1.4f * th.unit);
    const float x = area_.left + area_.width - w - th.unit, inner = w - 2 * pad;
    float y = area_.top + th.unit + pad;
    cardTitle_.set(n.id, lookFor(th, TextRole::Heading));
    y += cardTitle_.wrap(inner);
    cardTitle_.setPosition({x + pad, area_.top + th.unit + pad});
    const std::string who =
        n.isEnding() ? fmt::format("An ending ({}): {}", attune::name(n.ending->kind), sc_.substitute(n.ending->title))
        : n.isDecision() ? fmt::format("{} chooses, from {} choice{}", sc_.role(n.by) ? sc_.role(n.by)->name : n.by,
                                       n.choices.size(), n.choices.size() == 1 ? "" : "s")
        : n.say.empty()  ? std::string("Narration")
                         : fmt::format("{} says", sc_.role(n.say) ? sc_.role(n.say)->name : n.say);
    cardWho_.set(who, th.look(th.type.small, th.color.muted, true));
    cardWho_.setPosition({x + pad, y + std::round(0.3f * th.unit)});
    y += std::round(0.3f * th.unit) + cardWho_.wrap(inner) + std::round(0.5f * th.unit);
    std::string text = sc_.substitute(n.text);
    for (std::size_t i = 0; i < n.choices.size() && i < 6; ++i)
        text += fmt::format("{}{}. {}", text.empty() ? "" : "\n", i + 1, sc_.substitute(n.choices[i].text));
    if (text.empty()) text = "(no words: the story passes straight through)";
    if (const std::string cut = text::firstCodePoints(text, 420); cut.size() < text.size()) text = cut + "...";
    cardText_.set(text, th.look(th.type.small, th.color.text));
    cardText_.setPosition({x + pad, y});
    y += cardText_.wrap(inner) + std::round(0.8f * th.unit);
    std::string routeText;
    if (!route_ && gaveUp_)
        routeText =
            "No run to this node was found within 50,000 states of the story, so it cannot be played from here.";
    else if (!route_)
        routeText = "No run reaches this node from the start.";
    else if (route_->empty())
        routeText = "Reached without a pick.";
    else
        routeText = fmt::format("Reached in {} pick{}: {}", route_->size(), route_->size() == 1 ? "" : "s",
                                fmt::join(*route_, ", "));
    cardRoute_.set(routeText, th.look(th.type.caption, th.color.muted));
    cardRoute_.setPosition({x + pad, y});
    y += cardRoute_.wrap(inner) + std::round(0.8f * th.unit);
    play_.setEnabled(route_.has_value() && playFrom_ != nullptr);
    const sf::Vector2f ps = play_.layout(th, inner);
    play_.setPosition({x + pad, y});
    y += ps.y + pad;
    cardRect_ = {x, area_.top + th.unit, w, std::min(y, area_.top + area_.height - th.unit) - (area_.top + th.unit)};
    card_ = panel(th, cardRect_, true);
}

void GraphScreen::playSelected() {
    if (selected_ < 0 || !route_ || !playFrom_) return;
    playFrom_(*route_, selected_);
}

void GraphScreen::handle(const sf::Event& e) {
    const Theme& th = ctx_.theme;
    if (e.type == sf::Event::KeyPressed) {
        const float step = 80.f / zoom_;
        switch (e.key.code) {
            case sf::Keyboard::Escape:
            case sf::Keyboard::G:
                if (selected_ >= 0 && e.key.code == sf::Keyboard::Escape)
                    select(-1);
                else
                    ctx_.stack.pop();
                return;
            case sf::Keyboard::Enter:
                playSelected();
                return;
            case sf::Keyboard::Left:
                centre_.x -= step;
                break;
            case sf::Keyboard::Right:
                centre_.x += step;
                break;
            case sf::Keyboard::Up:
                centre_.y -= step;
                break;
            case sf::Keyboard::Down:
                centre_.y += step;
                break;
            case sf::Keyboard::Add:
            case sf::Keyboard::Equal:
                zoomAt(1.25f, {area_.left + area_.width / 2, area_.top + area_.height / 2});
                break;
            case sf::Keyboard::Subtract:
            case sf::Keyboard::Hyphen:
                zoomAt(0.8f, {area_.left + area_.width / 2, area_.top + area_.height / 2});
                break;
            case sf::Keyboard::Num0:
                fit();
                break;
            default:
                return;
        }
        ctx_.redraw = true;
        return;
    }
    if (e.type == sf::Event::MouseWheelScrolled) {
        const sf::Vector2f p(static_cast<float>(e.mouseWheelScroll.x), static_cast<float>(e.mouseWheelScroll.y));
        if (area_.contains(p)) zoomAt(e.mouseWheelScroll.delta > 0 ? 1.15f : 1.f / 1.15f, p);
        return;
    }
    if (auto p = pointer(e)) {
        std::vector<Button*> bs{&close_};
        if (selected_ >= 0) bs.push_back(&play_);
        Button* hit = hover(bs, *p);
        if (e.type == sf::Event::MouseMoved && dragging_) {
            const sf::Vector2f d = *p - dragFrom_;
            if (std::abs(d.x) + std::abs(d.y) > 0.4f * th.unit) dragged_ = true;
            if (dragged_) {
                centre_ -= d / zoom_;
                dragFrom_ = *p;
                ctx_.redraw = true;
            }
            return;
        }
        if (leftClick(e)) {
            if (hit == &close_) {
                ctx_.stack.pop();
                return;
            }
            if (hit == &play_) {
                playSelected();
                return;
            }
            if (cardRect_.contains(*p)) return;
            if (area_.contains(*p)) {
                dragging_ = true;
                dragged_ = false;
                dragFrom_ = *p;
            }
            return;
        }
        if (e.type == sf::Event::MouseButtonReleased && dragging_) {
            dragging_ = false;
            if (!dragged_) select(nodeAt(toWorld(*p)));
        }
    }
}

void GraphScreen::draw(sf::RenderTarget& target) const {
    title_.draw(target);
    close_.draw(target);
    legend_.draw(target);
    hint_.draw(target);
    target.draw(panel(ctx_.theme, area_));
    if (laid_) {
        // The graph through a view: clipped to its area, panned and zoomed.
        const sf::View before = target.getView();
        sf::View v;
        v.setViewport(
            {area_.left / ctx_.size.x, area_.top / ctx_.size.y, area_.width / ctx_.size.x, area_.height / ctx_.size.y});
        v.setSize(area_.width / zoom_, area_.height / zoom_);
        v.setCenter(centre_);
        target.setView(v);
        target.draw(edges_);
        for (const auto& n : nodes_) target.draw(n);
        if (current_ >= 0) target.draw(ring_);
        for (const auto& l : labels_) l.draw(target);
        target.setView(before);
    }
    if (selected_ >= 0) {
        target.draw(card_);
        cardTitle_.draw(target);
        cardWho_.draw(target);
        cardText_.draw(target);
        cardRoute_.draw(target);
        play_.draw(target);
    }
}

std::vector<Box> GraphScreen::boxes() const {
    std::vector<Box> out;
    addBox(out, "title", title_.bounds());
    close_.boxes(out, "close");
    addBox(out, "legend", legend_.bounds());
    const int area = addBox(out, "graph area", area_);
    addBox(out, "hint", hint_.bounds());
    if (selected_ >= 0) {
        const int card = addBox(out, "node card", cardRect_, area);
        addBox(out, "card title", cardTitle_.bounds(), card);
        addBox(out, "card who", cardWho_.bounds(), card);
        addBox(out, "card text", cardText_.bounds(), card);
        addBox(out, "card route", cardRoute_.bounds(), card);
        play_.boxes(out, "play from here", card);
    }
    return out;
}

}  // namespace attune::ui
