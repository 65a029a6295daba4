#pragma once
/// The window front end: opens the window, owns the Context and runs the loop.
/// Tests, screenshots and the benchmark drive it frame by frame with a fixed
/// time step and posted events, so nothing depends on the clock.
#include "sfml/Window.hpp"
#include "sfml/Context.hpp"
#include "core/watch/Reload.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <deque>
#include <memory>

namespace attune::ui {

class App {
public:
    struct Failure {
        std::string message;  ///< one line, without "attune: "
        int exitCode = 1;     ///< 2 for usage errors
    };

    /// Loads fonts, settings, patterns, scenarios and the journal, opens the
    /// window and goes to the screen the options ask for. Null with `failure` when it cannot.
    static std::unique_ptr<App> open(const window::WindowOptions& options, Failure& failure);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// Runs until the window closes; returns the exit code.
    int run();
    /// Lets animations settle, saves a PNG of the window and returns the exit code.
    /// With `delay`, plays on for that many seconds first (a partner's move may come meanwhile).
    int screenshot(const std::string& file, float delay = 0);
    /// Plays for `frames` frames with simulated input; prints frame times and peak memory.
    int bench(int frames);
    /// bench --startup: draws the first frame as run() would, then prints the monotonic
    /// clock (ns) on stdout, so the parent can tell how long start-up took.
    int firstFrame();
    /// attune bench --progress N: opens the progress screen N times; prints how long each took.
    int benchProgress(int runs);
    /// attune bench --reload N: saves the watched file N times (in place and by rename, in
    /// turn); prints the time from each save to the first frame that shows it.
    int benchReload(int runs);

    /// Queues an event for the next frame (coordinates in window pixels).
    void post(const sf::Event& e);
    void key(sf::Keyboard::Key k, bool shift = false);
    void moveMouse(sf::Vector2f p);
    void click(sf::Vector2f p);
    /// One frame: events, update by `dt` seconds, draw, display, stack changes.
    void frame(float dt = 1.f / 60.f);
    /// A frame without drawing: events, update, stack changes (tests that wait a long time).
    void tick(float dt = 1.f / 60.f);
    /// Draws a frame and reads the pixels back.
    sf::Image capture();
    /// Lays out for a new window size, as a Resized event does.
    void resize(sf::Vector2u size);

    Context& context() { return *ctx_; }
    const Context& context() const { return *ctx_; }
    Screen* top() const { return ctx_->stack.top(); }
    template <typename T>
    T* find() const {
        return ctx_->stack.find<T>();
    }
    /// The top screen's laid-out boxes.
    std::vector<Box> boxes() const;
    bool isOpen() const { return window_.isOpen(); }

private:
    bool dropText_ = false;  ///< the next typed character belongs to a key that changed the screen
    App() = default;
    bool setUp(const window::WindowOptions& o, Failure& failure);
    bool startScreens(const window::WindowOptions& o, Failure& failure);
    /// --watch: the story of the watched file (or its diagnostics, when it has errors).
    bool startWatching(const window::WindowOptions& o, Failure& failure);
    /// --watch: a save loaded again, the story carried over, or its diagnostics shown.
    void pollWatch();
    void showWatched(Playthrough run, const std::string& note);
    void createWindow(bool fullscreen);
    void dispatch(sf::Event e);
    /// Draws the frame, or nothing when nothing changed: returns whether it drew (and so
    /// whether the frame is to be displayed).
    bool render();

    void drawScreens(sf::RenderTarget& target);

    sf::RenderWindow window_;
    /// While only an overlay animates (a card sliding in over the story), the screens beneath
    /// it, drawn once: each frame copies them and draws the overlay alone.
    sf::Texture beneath_;
    void blit(const sf::Texture& t);     ///< the whole window from a texture, opaque
    const Screen* beneathOf_ = nullptr;  ///< the overlay `beneath_` was drawn for
    bool beneathValid_ = false;
    bool changed_ = true;    ///< an event, a stack change or a layout since the last frame
    bool animated_ = false;  ///< a screen was animating this frame
    /// How the last frame was made (bench --frames counts them): not at all (nothing
    /// changed, and the window keeps showing the last frame), the top overlay over a copy
    /// of what is beneath it, or every visible screen drawn.
    enum class Drawn { Nothing, Overlay, Whole };
    Drawn drawn_ = Drawn::Whole;
    sf::Clock shown_;  ///< since a frame was last displayed
    std::unique_ptr<Context> ctx_;
    std::deque<sf::Event> queue_;
    sf::Vector2u windowed_{1280, 720};
    bool interactive_ = true;
    bool running_ = false;                  ///< in run(): frames are paced
    std::string scenarioId_;                ///< the scenario --scenario named, once found
    std::unique_ptr<ScenarioWatch> watch_;  ///< --watch: the scenario file, loaded at each save
    window::WindowOptions watchOptions_;    ///< --watch: how the story is played (roles, people)
    int reloads_ = 0;                       ///< --watch: saves shown so far
};

}  // namespace attune::ui
