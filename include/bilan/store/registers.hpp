// The practice's registers on disk: reclamations/ID.toml and ameliorations/ID.toml in the
// practice folder (beside practice.toml), one file per entry like a bilan's records, written
// through a Transaction on that folder's Store. They are no kind of a bilan's Folder: a bilan
// folder never loads them, and only the register commands, `report` and `due` read them.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_STORE
#error "the core may not include the store"
#endif

#include "bilan/registers.hpp"
#include "bilan/store/store.hpp"
#include "bilan/store/transaction.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace bilan::store {

enum class Register { complaints, improvements };

// Each entry, in the order of its date, then its id. Problems go to `diagnostics` (a strict one
// throws DataError at FILE:LINE:COLUMN).
std::vector<Complaint> load_complaints(const Store& practice, Diagnostics& diagnostics);
std::vector<Improvement> load_improvements(const Store& practice, Diagnostics& diagnostics);

// The full id of an entry from its id or a unique prefix (3 characters at least); RefusedError
// otherwise.
std::string resolve_register_id(const Store& practice, Register which, std::string_view id);

// A new entry (its file created 0600 in a 0700 folder); returns its id.
std::string add_complaint(Transaction& transaction, const Complaint& complaint);
std::string add_improvement(Transaction& transaction, const Improvement& improvement);
// The keys `close` sets, spliced into the entry's file: the rest, comments included, stays as
// the person wrote it.
void close_complaint(Transaction& transaction, const std::string& id, const Date& closed,
                     const std::string& answer);
void close_improvement(Transaction& transaction, const std::string& id, const Date& done);

} // namespace bilan::store
