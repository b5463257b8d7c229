// The practice folder (practice.toml: the provider's identity), found from a bilan the way
// git finds its repository.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_STORE
#error "the core may not include the store"
#endif

#include "bilan/store/store.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace bilan::store {

// Where a practice.toml was found: its folder, and the file as messages name it.
struct PracticeFolder {
    std::filesystem::path folder;
    std::string shown; // "../practice.toml": relative when the search started from a relative path
};

// The practice folder of the folder `from` (a bilan's, or any working folder): the folder
// $BILAN_PRACTICE names (RefusedError when it holds no practice.toml), else the nearest folder
// at or above `from` (made absolute) with an entry named practice.toml, like git finding its
// repository; nullopt when there is none. A practice.toml found that way but owned by another
// user (neither you nor root) is refused (RefusedError): in a shared folder such as /tmp,
// anybody could otherwise lend their identity to your certificates.
std::optional<PracticeFolder> locate_practice(const std::filesystem::path& from);

// Reads and checks practice.toml in `where` (a symbolic link is followed; a folder, a file
// too large, a bad SIRET or NDA, an unknown key are problems, at FILE:LINE:COLUMN); problems
// go to `diagnostics`, whose strict form throws. Nullopt when the file could not be read.
std::optional<Practice> load_practice(const PracticeFolder& where, Diagnostics& diagnostics);

// The practice folder the bilan of `store` belongs to: the folder $BILAN_PRACTICE names, else
// the nearest folder above the bilan's (itself included) that holds practice.toml, like git
// finding its repository; nullopt when there is none. Problems (no practice.toml where
// $BILAN_PRACTICE points, a bad file) go to `diagnostics`.
std::optional<Practice> find_practice(const Store& store, Diagnostics& diagnostics);

// The public holidays of that practice (practice.toml `holidays`): metropolitan France when
// there is none, or it cannot be read (`check` reports its problems).
HolidayCalendar practice_holidays(const Store& store);

// Creates DIR (0700) if needed and DIR/practice.toml (0600, atomically, never replacing one:
// RefusedError when DIR already holds one). A folder made for it is removed again on failure.
void create_practice(const std::filesystem::path& dir, const Practice& practice);

} // namespace bilan::store
