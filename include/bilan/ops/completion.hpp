// What a shell's completion offers from a folder (`bilan __complete`): read leniently, without
// a lock, and never an error — a folder that cannot be read simply offers nothing.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/store.hpp"

#include <string>
#include <vector>

namespace bilan::ops {

// The phase keys of the folder's framework (the built-in `fr` one outside a bilan).
std::vector<std::string> phase_keys(const store::Store& store);
// The ids of the records of `collection` in the folder.
std::vector<std::string> record_ids(const store::Store& store, store::Collection collection);
// The recipients a version of the synthesis may go to now (`render --for`): unrevoked consents.
std::vector<std::string> consented_recipients(const store::Store& store);

} // namespace bilan::ops
