#pragma once
/// Every size limit in one place. docs/limits.md has the table: each limit, where it is
/// enforced, what a person sees past it and the test that checks it at the limit and one
/// past it (tests/core/limits_test.cpp). The values are generous: no real scenario, player
/// or journal comes near them (the shipped library's largest scenario has 72 nodes, 6
/// choices at a decision, a 309-character text and a 194-character condition). They are
/// there so a huge or hostile input is refused cheaply, with a message that says what is
/// wrong, instead of exhausting memory, the stack or the person's patience.
///
/// The code that enforces a limit uses the constant from here; the names some layers
/// already used (yaml::Limits, check::kMaxScenePixels, net::kMaxFrame, ...) take their
/// values from these.
#include <cstddef>
#include <cstdint>

namespace attune::limits {

// ---- a scenario file (src/core/load, src/core/expr) ---------------------------------------

/// Bytes in a scenario file, checked before it is parsed [file-too-large].
inline constexpr std::size_t kMaxFileBytes = 8u * 1024u * 1024u;
/// Lists and mappings nested inside each other; a scenario needs about 6 [yaml-depth].
inline constexpr int kMaxYamlDepth = 24;
/// Nodes in one scenario [too-many-nodes].
inline constexpr std::size_t kMaxNodes = 100000;
/// Choices at one decision [too-many-choices].
inline constexpr std::size_t kMaxChoices = 32;
/// Characters (code points) of a node's `text` [text-too-long].
inline constexpr std::size_t kMaxNodeText = 4000;
/// Characters (code points) of a choice's `text` [text-too-long].
inline constexpr std::size_t kMaxChoiceText = 1000;
/// Characters (code points) of one condition [condition-syntax]. This also bounds the
/// parsed tree (every part takes at least one character), which checking and evaluating
/// walk recursively.
inline constexpr std::size_t kMaxConditionLength = 1000;
/// Levels of '(' and 'not' inside one condition; the parser recurses once a level
/// [condition-syntax].
inline constexpr int kMaxConditionDepth = 32;

// ---- images (src/core/check/Images.cpp; the window reads the same) -----------------------

/// Bytes of a portrait or scene file [image-too-large].
inline constexpr std::uintmax_t kMaxImageBytes = 8u * 1024u * 1024u;
/// Pixels on the longer side of a scene, and of a portrait, read from the file's header
/// before anything is decoded [image-too-large].
inline constexpr unsigned kMaxScenePixels = 4096;
inline constexpr unsigned kMaxPortraitPixels = 1024;

// ---- two machines (src/net) ----------------------------------------------------------------

/// Bytes of one frame's payload on the wire; a length over it fails at once, before any
/// of the payload is read.
inline constexpr std::size_t kMaxFrame = 1u << 20;
/// Bytes of one frame while pairing: no pairing message is longer, and nobody unpaired
/// may make the host hold a large frame.
inline constexpr std::size_t kHandshakeFrame = 256;
/// Bytes of one message's JSON text: the largest that still fits a frame once padded to
/// whole 64 KiB blocks (with the one byte naming the block size) and sealed (17 bytes):
/// 15 blocks less the byte of padding sodium_pad always adds.
inline constexpr std::size_t kMaxMessage = kMaxFrame - 65536u - 1u;
/// Bytes of scenario YAML a host sends and a joiner accepts.
inline constexpr std::size_t kMaxScenarioSent = 512u * 1024u;

// ---- the journal (src/core/journal) --------------------------------------------------------

/// Characters (code points) kept of a check-in word or a note; longer text is cut there.
inline constexpr std::size_t kMaxNote = 2000;
/// Bytes the journal's database may grow to (SQLite's max_page_count); past it nothing
/// more is written, and the person is told why.
inline constexpr std::uint64_t kMaxJournalBytes = std::uint64_t{256} * 1024 * 1024;

// ---- settings (src/core/settings) ----------------------------------------------------------

/// Bytes of the settings file; a larger one is not read (the defaults are used).
inline constexpr std::size_t kMaxSettingsBytes = 64u * 1024u;

}  // namespace attune::limits
