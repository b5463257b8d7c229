// The operations of the practice's registers (Qualiopi 31, 32): `reclamation add|list|close`
// and `amelioration add|list|close`, on the practice folder found from `from` as `practice set`
// finds it ($BILAN_PRACTICE, else practice.toml at or above), under that folder's lock.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/ops/common.hpp"
#include "bilan/registers.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bilan::ops {

// Each returns the new entry's id. UsageError for an empty or multi-line text, an unknown
// channel or source; RefusedError without a practice folder, or for a date after `today`.
std::string add_complaint(const std::filesystem::path& from, Complaint typed, const Date& today);
std::string add_improvement(const std::filesystem::path& from, Improvement typed,
                            const Date& today);
// RefusedError when the entry is closed already, or `date` is after `today` or before the entry.
void close_complaint(const std::filesystem::path& from, const std::string& id, const Date& date,
                     const std::string& answer, const Date& today);
void close_improvement(const std::filesystem::path& from, const std::string& id, const Date& date,
                       const Date& today);

// Read under the folder's shared lock; a file that does not read is refused (DataError).
std::vector<Complaint> list_complaints(const std::filesystem::path& from);
std::vector<Improvement> list_improvements(const std::filesystem::path& from);

// The registers of the practice folder `practice_dir` when it holds practice.toml (report, due),
// strictly: an entry that does not read is a DataError, never left out of a count. Empty
// registers otherwise.
struct Registers {
    std::vector<Complaint> complaints;
    std::vector<Improvement> improvements;
};
Registers read_registers(const std::filesystem::path& practice_dir);

} // namespace bilan::ops
