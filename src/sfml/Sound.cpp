#include "sfml/Sound.hpp"

#include <SFML/Audio/Sound.hpp>
#include <SFML/Audio/SoundBuffer.hpp>
#include <SFML/System/Err.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <sstream>
#include <unistd.h>

namespace attune::ui {
namespace {

/// One soft tone added into `out` from `start` seconds: a sine with a raised-cosine rise
/// and a long fall, quiet (a fifth of full scale at most).
void addTone(std::vector<float>& out, unsigned rate, float start, float hz, float seconds) {
    const auto first = static_cast<std::size_t>(start * static_cast<float>(rate));
    const auto n = static_cast<std::size_t>(seconds * static_cast<float>(rate));
    if (out.size() < first + n) out.resize(first + n, 0.f);
    const float rise = 0.08f * seconds;
    for (std::size_t i = 0; i < n; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(rate);
        const float env = t < rise ? 0.5f - 0.5f * std::cos(3.14159265f * t / rise)
                                   : std::pow(1.f - (t - rise) / (seconds - rise), 2.f);
        out[first + i] += 0.2f * env * std::sin(2.f * 3.14159265f * hz * t);
    }
}

}  // namespace

std::vector<sf::Int16> cueSamples(Cue c, unsigned rate) {
    std::vector<float> mix;
    switch (c) {
        case Cue::In:
            addTone(mix, rate, 0, 440.f, 0.9f);
            break;  // A4
        case Cue::Hold:
            addTone(mix, rate, 0, 392.f, 0.6f);
            break;  // G4
        case Cue::Out:
            addTone(mix, rate, 0, 330.f, 1.2f);
            break;  // E4
        case Cue::End:
            addTone(mix, rate, 0, 392.f, 1.0f);
            addTone(mix, rate, 0.35f, 523.25f, 1.4f);  // G4 then C5
            break;
    }
    std::vector<sf::Int16> out(mix.size());
    std::transform(mix.begin(), mix.end(), out.begin(),
                   [](float v) { return static_cast<sf::Int16>(std::lround(std::clamp(v, -1.f, 1.f) * 32767.f)); });
    return out;
}

namespace {
/// While it lives, what SFML and the sound libraries beneath it print goes nowhere: a
/// machine without a sound device is found out quietly, and said once in our own words.
class Quiet {
public:
    Quiet() : old_(sf::err().rdbuf(said_.rdbuf())) {
        std::fflush(stderr);
        saved_ = ::dup(2);
        if (saved_ < 0) return;  // stderr could not be kept to put back: left as it is
        const int null = ::open("/dev/null", O_WRONLY);
        if (null >= 0) {
            ::dup2(null, 2);
            ::close(null);
        }
    }
    ~Quiet() {
        std::fflush(stderr);
        if (saved_ >= 0) {
            ::dup2(saved_, 2);
            ::close(saved_);
        }
        sf::err().rdbuf(old_);
    }
    Quiet(const Quiet&) = delete;
    Quiet& operator=(const Quiet&) = delete;
    std::string said() const { return said_.str(); }

private:
    std::stringstream said_;
    std::streambuf* old_;
    int saved_ = -1;
};
}  // namespace

struct Chimes::Impl {
    std::array<sf::SoundBuffer, 4> buffers;
    std::array<sf::Sound, 4> sounds;
};

Chimes::Chimes() {
    Quiet quiet;
    impl_ = std::make_unique<Impl>();
    for (std::size_t i = 0; i < 4; ++i) {
        const auto samples = cueSamples(static_cast<Cue>(i));
        impl_->buffers[i].loadFromSamples(samples.data(), samples.size(), 1, 44100);
        impl_->sounds[i].setBuffer(impl_->buffers[i]);
    }
    ok_ = quiet.said().empty();
}

Chimes::~Chimes() {
    Quiet quiet;  // a device that never opened complains as its sounds go
    impl_.reset();
}

void Chimes::play(Cue c) {
    if (ok_) impl_->sounds[static_cast<std::size_t>(c)].play();
}

}  // namespace attune::ui
