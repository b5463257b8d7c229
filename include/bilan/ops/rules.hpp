// `bilan regles`: the table of a jurisdiction's rules with a figure, their sources and how sure
// each is (core: rule_table.hpp). Reading only, in a bilan folder or anywhere.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/rule_table.hpp"
#include "bilan/store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace bilan::ops {

struct RuleTable {
    std::string jurisdiction; // "fr", "be"
    std::vector<RuleRow> rows;
};

// The table of `jurisdiction` ("fr" or "be"; UsageError for another); empty: the folder's
// (`be` for a Belgian bilan, `fr` for any other and outside a bilan folder). A folder that
// cannot be read is no error here: the table is the law's, not the folder's.
RuleTable rule_table_of(const store::Store& store, std::string_view jurisdiction);

} // namespace bilan::ops
