#pragma once
/// The bodies of the four libFuzzer targets (tests/fuzz/fuzz_*.cpp), shared with the ordinary
/// test suite (tests/fuzz/regressions_test.cpp), which runs every input the fuzzers once
/// crashed on through the same function. Each takes the bytes a person or another machine
/// could hand Attune and returns what went wrong beyond a crash (a broken promise, such as
/// a refusal without a message), or an empty string. Sanitizers find the crashes.
#include <cstddef>
#include <cstdint>
#include <string>

namespace attune::fuzz {

/// The bytes as a scenario file's text: loaded and checked with every author check, every
/// diagnostic formatted, and a scenario that loads played (random walks and one session).
std::string scenario(const std::uint8_t* data, std::size_t size);
/// The bytes as a condition: parsed, resolved against a few meters, flags and nodes, and
/// evaluated when it resolves.
std::string condition(const std::uint8_t* data, std::size_t size);
/// The bytes as something put into a journal: an export to import (`attune journal import`),
/// or, when they start as an SQLite database does, a journal file to open; then read back
/// the way the front ends read a journal.
std::string journal(const std::uint8_t* data, std::size_t size);
/// The bytes as what arrives from the other machine: framed, chunked as the first byte
/// says, optionally sealed, and each message read as the receiving side reads it.
std::string protocol(const std::uint8_t* data, std::size_t size);

}  // namespace attune::fuzz
