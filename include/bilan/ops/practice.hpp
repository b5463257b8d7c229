// The operations of the practice folder: practice init|set|show, and where a bilan's practice
// is. A practice folder holds practice.toml (the provider's identity: raison sociale, SIRET,
// NDA, Qualiopi, address, city, signatory) and, usually, the beneficiaries' folders; a bilan
// belongs to the nearest one above it, or to the one $BILAN_PRACTICE names.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/ops/common.hpp"
#include "bilan/practice.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace bilan::ops {

// "name, siret, nda, qualiopi, address, city, signatory": the fields of practice.toml, in the
// order `practice set` and `practice show` give them.
std::string practice_field_names();
// The same keys one by one: for shell completion and "vouliez-vous dire".
std::vector<std::string> practice_field_keys();

// Checks a practice as typed and returns it as stored: the name is required, a SIRET is 14
// digits with its check digit and an NDA 11 digits (spaces and dots between groups dropped),
// every text one line of typed text. UsageError naming the expected form otherwise.
Practice checked_practice(Practice typed);

// `practice init`: creates `dir` if needed (0700) and its practice.toml (0600). RefusedError
// when one is there; nothing is written on any error.
void open_practice(const std::filesystem::path& dir, const Practice& typed);

// The practice of the working folder `from` and the file it was read from, as messages name
// it. RefusedError when there is none ($BILAN_PRACTICE unset, no practice.toml at or above).
struct FoundPractice {
    Practice practice;
    std::string file;
};
FoundPractice show_practice(const std::filesystem::path& from);

// `practice set`: changes one field (`key` folded: City, CITY) of the practice of `from`, in
// place, under the practice folder's lock; an empty `raw` removes an optional field. The value
// is checked before any lock (UsageError). A file with other problems (a typo in a key, a
// wrong NDA) is still edited, so that `set` can correct them one at a time; the problems left
// are returned, one note each.
Notes set_practice_field(const std::filesystem::path& from, std::string_view key,
                         const std::string& raw);

} // namespace bilan::ops
