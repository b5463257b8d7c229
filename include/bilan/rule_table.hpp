// Every rule of a jurisdiction that has a figure (a cap, a floor and its start date, a delay, a
// ceiling, an amount, a retention period), with the text it comes from and how sure that is:
// one table per jurisdiction, built from the very data `check` applies (the built-in
// framework, the funding, EDOF and retention rules), so that `bilan regles` prints what the
// messages cite and the man page's list can be tested against it.
#pragma once

#include "bilan/framework.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

struct RuleRow {
    std::string key;    // stable: "plafond", "plancher-debut", "convention-delai"…
    std::string label;  // for people
    std::string value;  // the figure as people read it: "24 h", "103,20 €", "2026-02-26"
    std::string source; // the text it comes from
    bool to_verify = false;
    std::string_view confidence() const { return to_verify ? "à vérifier" : "sûr"; }
};

// The jurisdictions that have a table: "fr", "be".
std::span<const std::string_view> rule_jurisdictions();

// The table of `framework`'s jurisdiction (framework.name: the built-in `fr` or `be`, whose
// figures it reads); empty for any other framework.
std::vector<RuleRow> rule_table(const Framework& framework);

// `bilan regles`: a Markdown table (règle, valeur, source, confiance), the key of each rule in
// its first cell; and the JSON {"schema":1,"jurisdiction":…,"rules":[{key, label, value,
// source, confidence}]}.
std::string rule_table_markdown(std::string_view jurisdiction, const std::vector<RuleRow>& rows);
std::string rule_table_json(std::string_view jurisdiction, const std::vector<RuleRow>& rows);

} // namespace bilan
