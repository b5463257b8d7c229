// bilan regles: see include/bilan/ops/rules.hpp.
#include "bilan/ops/rules.hpp"

#include "bilan/spelling.hpp"

#include <algorithm>

namespace bilan::ops {
namespace {

// The folder's jurisdiction: its framework's when it is the Belgian one, else French (a
// provider's own framework follows French law). Read leniently, without a lock: a read-only
// look at one name.
std::string folder_jurisdiction(const store::Store& store) {
    try {
        if (!store.holds_bilan()) return "fr";
        store::Diagnostics lenient(true);
        const BilanRecord bilan = store.load_bilan(lenient);
        return store.load_framework(bilan, lenient).name == "be" ? "be" : "fr";
    } catch (const std::exception&) {
        return "fr";
    }
}

} // namespace

RuleTable rule_table_of(const store::Store& store, std::string_view jurisdiction) {
    const auto known = rule_jurisdictions();
    if (!jurisdiction.empty() && std::find(known.begin(), known.end(), jurisdiction) == known.end())
        throw UsageError(
            "juridiction inconnue « " + std::string(jurisdiction) + " »" +
            expected_one_of(jurisdiction, std::vector<std::string>(known.begin(), known.end())));
    RuleTable table;
    table.jurisdiction =
        jurisdiction.empty() ? folder_jurisdiction(store) : std::string(jurisdiction);
    table.rows = rule_table(store::load_builtin_framework(table.jurisdiction));
    return table;
}

} // namespace bilan::ops
