// The operations of the funding's paperwork: convention set|show|render (the tripartite
// convention, R6313-8: convention.toml) and financing set|show (the price and each payer's
// part: financing.toml). Each write is one Transaction; the first write of either file raises
// the folder's format, so that an older bilan never meets it.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/funding.hpp"
#include "bilan/ops/common.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bilan::ops {

// `convention set`: each field given replaces the convention's (nullopt: left as it is); an
// empty text or an absent date removes it.
struct ConventionEdit {
    std::optional<std::string> employer, employer_siret, employer_address, employer_signatory;
    std::optional<std::string> title, objective, content, means, conduct, payment;
    std::optional<std::optional<int>> duration_minutes;
    std::optional<std::optional<Date>> start, end, sent;
    std::optional<std::optional<Date>> signed_employee, signed_employer, signed_provider;
    bool empty() const;
};
// Refused (nothing written) when the period's end precedes its start or a signature precedes
// the sending; returns what `check` would say of the convention as of `today`.
Notes set_convention(const store::Store& store, const ConventionEdit& edit, const Date& today);

Convention show_convention(const store::Store& store);

// `convention render`: the convention as Markdown, with the provider of the bilan's practice.
std::string render_convention(const store::Store& store);

// `financing set`: the price and parts given replace those recorded (nullopt inside: removed).
struct FinancingEdit {
    std::optional<std::optional<std::int64_t>> price_cents;
    std::vector<std::pair<std::string, std::optional<std::int64_t>>> parts; // payer key, cents
    std::optional<std::optional<bool>> jobseeker;
    std::optional<std::string> payment; // empty: removes the terms
    bool empty() const { return !price_cents && parts.empty() && !jobseeker && !payment; }
};
// Returns what `check` would say of the financing (parts that do not add up, the CPF rules).
Notes set_financing(const store::Store& store, const FinancingEdit& edit);

Financing show_financing(const store::Store& store);

} // namespace bilan::ops
