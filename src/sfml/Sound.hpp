#pragma once
/// The practices' soft sound cues, made by the program (no sound files): a short sine tone
/// with a slow rise and fall, higher for an in-breath, lower for an out-breath, and two
/// notes at the end. Off unless the person turns sound on (the room may be shared); a
/// machine without a sound device stays silent.
#include <SFML/Config.hpp>
#include <memory>
#include <vector>

namespace attune::ui {

enum class Cue { In, Out, Hold, End };

/// The samples of a cue (mono, 16-bit, `rate` a second): tones of `hz` with a smooth envelope.
std::vector<sf::Int16> cueSamples(Cue c, unsigned rate = 44100);

class Chimes {
public:
    Chimes();
    ~Chimes();
    Chimes(const Chimes&) = delete;
    Chimes& operator=(const Chimes&) = delete;
    /// False when no sound device could be opened (nothing will be heard).
    bool ok() const { return ok_; }
    void play(Cue c);

private:
    bool ok_ = false;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace attune::ui
