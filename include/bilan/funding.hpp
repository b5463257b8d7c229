// The paperwork of a bilan's funding: the tripartite convention that
// an employer's plan or a congé de reclassement needs (R6313-8), and the financing — the price
// and what each payer pays. The rules built on them (`check`) take their figures and the text
// each comes from in one table, french_funding_rules(): a change of law is one edit there.
#pragma once

#include "bilan/calendar.hpp"
#include "bilan/errors.hpp"
#include "bilan/values.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

struct BilanRecord;
struct Folder;
struct Framework;
struct Problem;

// convention.toml: the tripartite convention employer–employee–provider (R6313-8). Optional
// text fields are empty when absent. `exists` tells a convention recorded from none at all.
struct Convention {
    std::string employer;           // raison sociale
    std::string employer_siret;     // 14 digits, Luhn (provider_ids.hpp)
    std::string employer_address;   // one line
    std::string employer_signatory; // who signs for the employer
    // The items R6313-8 lists; empty: the rendered convention states the usual wording.
    std::string title;     // intitulé
    std::string objective; // objectif
    std::string content;   // contenu
    std::string means;     // moyens
    std::string conduct;   // modalités de déroulement et de suivi
    std::string payment;   // modalités de règlement (the price is the financing's)
    std::optional<int> duration_minutes;
    std::optional<Date> start, end; // période de réalisation
    std::optional<Date> sent;       // sent by the employer to the employee
    std::optional<Date> signed_employee, signed_employer, signed_provider;
    SourcePos sent_origin, signed_employee_origin; // where check points
    SourcePos origin;
    bool exists = false;
    // The last of the three signatures, once all three are given.
    std::optional<Date> fully_signed() const;
    // The last day the employee may sign (sent + acceptance_days, calendar days), once sent:
    // what `due` reminds of while the employee has not signed.
    std::optional<Date> acceptance_deadline() const;
};

// The payers a financing names (`--part PAYER=AMOUNT`): key, label, aliases.
std::span<const Term> funding_payers();

// financing.toml: the price and each payer's part, in integer cents (never floats).
struct FundingPart {
    std::string payer; // a key of funding_payers()
    std::int64_t cents = 0;
    bool operator==(const FundingPart&) const = default;
};
struct Financing {
    std::optional<std::int64_t> price_cents;
    std::vector<FundingPart> parts; // in the order of funding_payers(), one per payer at most
    std::optional<bool> jobseeker;  // demandeur d'emploi: exempt of the CPF participation
    // Modalités de règlement: "à réception de facture", a schedule; what the convention states
    // unless it has its own wording. Empty when not recorded.
    std::string payment;
    SourcePos origin;
    bool exists = false;
    std::optional<std::int64_t> part(std::string_view payer) const;
    std::int64_t parts_total() const;
};

// "1800", "1 800,50", "1800.5 €": euros with up to two decimals, as integer cents; a plain
// number of cents with "c" ("180050c"). UsageError naming the value otherwise (negative, three
// decimals, above 10 million euros).
std::int64_t parse_amount_cents(std::string_view text);
// "1 800,50 €", "1 600,00 €": how a French document writes an amount (no-break spaces: U+202F
// between thousands, U+00A0 before the sign).
std::string french_amount(std::int64_t cents);
// "1 800,50 €" with plain spaces: for messages on a terminal, which people grep.
std::string amount_text(std::int64_t cents);
// "1800.50": the amount as a plain decimal, for text output and messages' examples.
std::string plain_amount(std::int64_t cents);

// A figure of the law and where it comes from. `to_verify`: the source is not confirmed
// (a decree not yet read in the Journal officiel, a figure from secondary sources), and every
// message built on it says so ("à vérifier").
template <typename T> struct RuleFigure {
    T value;
    std::string_view source;
    bool to_verify;
};

// The French funding rules as data (R6313-8, L6323-7, D6323-6), with the text each comes from.
struct FrenchFundingRules {
    // The fundings that need a tripartite convention (R6313-8).
    std::span<const std::string_view> convention_fundings;
    std::string_view convention_source;
    // The employee has this many days from the employer's sending to sign; silence is a
    // refusal (R6313-8; calendar days: to verify).
    RuleFigure<int> acceptance_days;
    // The CPF pays at most this much for one bilan.
    RuleFigure<std::int64_t> cpf_ceiling_cents;
    // What the holder of a CPF account pays for a training (L6323-7 exempts jobseekers, a
    // top-up by the employer, an agreement or an OPCO, the C2P, an AT-MP of 10 % or more).
    RuleFigure<std::int64_t> cpf_participation_cents;
    // A last day to sign that is no working day would move this many working days (to the
    // next one), by analogy with CPC art. 642: R6313-8 says nothing.
    RuleFigure<int> nonworking_day_shift;
};
const FrenchFundingRules& french_funding_rules();

// Whether a framework follows the French funding rules: it uses the French fundings (fr, and a
// provider's framework that names no [[funding]] of its own); `be` has its own and none of
// these rules.
bool follows_french_funding(const Framework& framework);

// Whether the bilan needs a tripartite convention: a French framework and a funding of
// convention_fundings (an alias of one too).
bool convention_required(const Framework& framework, const BilanRecord& bilan);

// `check`'s warning on a convention that states a price and not how it is paid (neither its
// own wording nor the financing's terms): the funder's first question. A warning: the
// convention may still be drafted.
std::vector<Problem> payment_terms_warnings(const Folder& folder);

// `check`'s problems of the convention: a funding that needs one without it (R6313-8); the
// employee's signature more than acceptance_days after the sending (deemed refused), or none
// by `today` that long after; a counted session before the last of the three signatures, or
// held by `today` while a party has not signed.
std::vector<Problem> convention_problems(const Framework& framework, const Folder& folder,
                                         const Date& today);
// `check`'s warnings of the convention: the employee's last day falls on a Saturday, Sunday
// or public holiday (folder.holidays) and the signature came, or is still missing, after it
// but not after the next working day, where CPC art. 642 would move it (R6313-8 says nothing):
// said as uncertain, never "réputée refusée".
std::vector<Problem> convention_warnings(const Framework& framework, const Folder& folder,
                                         const Date& today);
// The next working day when the employee's last day is none (see convention_warnings).
std::optional<Date> moved_acceptance_deadline(const Convention& convention,
                                              HolidayCalendar calendar);

// The exemption from the CPF participation (L6323-7) the financing shows: "demandeur-emploi",
// "abondement-employeur" or "abondement-opco"; empty when it shows none (the C2P and an AT-MP
// of 10 % or more are not recorded: the counsellor knows them).
std::string participation_exemption(const Financing& financing);
// `check`'s problems of the financing: parts that do not add up to the price; a CPF part above
// the ceiling; a CPF part without the holder's participation when the holder is recorded as
// not a jobseeker and no top-up exempts it.
std::vector<Problem> financing_problems(const Framework& framework, const Folder& folder);

} // namespace bilan
