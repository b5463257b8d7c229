// "Vouliez-vous dire … ?": the accepted value a mistyped one was most likely meant to be, from
// the same list the parser accepts, so that a new value is suggested without another edit.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace bilan {

// Edit distance in bytes: insertions, deletions, substitutions, and two neighbours swapped
// (optimal string alignment), each one edit.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate `typed` is a slip of (compared folded: case, accents, spaces): at most two
// edits away and fewer than half the candidate's length, or the only candidate it begins with
// (three characters at least); the nearest, the first listed on a tie; nullopt when none.
std::optional<std::string> closest_spelling(std::string_view typed,
                                            std::span<const std::string> candidates);

// The end of an "unknown value" message: " : attendu a, b, c", or, when `typed` is a slip of
// one of them, " : vouliez-vous dire « b » ? (attendu a, b, c)".
std::string expected_one_of(std::string_view typed, std::span<const std::string> candidates);

} // namespace bilan
