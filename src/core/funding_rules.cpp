// The funding rules of a French bilan (R6313-8, L6323-7, D6323-6): the figures and their
// sources in one table, then the checks of the convention and the financing built on it.
#include "bilan/calendar.hpp"
#include "bilan/framework.hpp"
#include "bilan/funding.hpp"
#include "bilan/model.hpp"
#include "bilan/rules.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace bilan {

namespace {

// ---- the table: one edit per change of law ----------------------------------------------

constexpr std::array<std::string_view, 2> convention_fundings{"employeur", "reclassement"};

const FrenchFundingRules rules_2026{
    convention_fundings,
    "R6313-8 du Code du travail",
    {10, "R6313-8 du Code du travail ; jours calendaires", true},
    {160'000, "plafond CPF d'un bilan, décret de février 2026", true},
    {10'320, "L6323-7 du Code du travail, arrêté du 30 décembre 2025, montant 2026", true},
    // R6313-8 is silent on a last day that is not worked; CPC art. 642 would move it.
    {1, "R6313-8 n'en dit rien ; article 642 du Code de procédure civile par analogie", true},
};

// ---- the payers a financing names ----------------------------------------------------------

#define BILAN_PAYER(key, label, ...)                                                               \
    Term {                                                                                         \
        key, label, std::span<const std::string_view>(__VA_ARGS__)                                 \
    }
constexpr std::array<std::string_view, 2> a_cpf{"mon-compte-formation", "compte-formation"};
constexpr std::array<std::string_view, 2> a_employeur{"employer", "entreprise"};
constexpr std::array<std::string_view, 1> a_opco{"operateur-de-competences"};
constexpr std::array<std::string_view, 3> a_france_travail{"ft", "pole-emploi", "france travail"};
constexpr std::array<std::string_view, 4> a_beneficiaire{"beneficiary", "personnel", "titulaire",
                                                         "participant"};
constexpr std::array<std::string_view, 1> a_autre{"other"};
const std::array payers{
    BILAN_PAYER("cpf", "CPF (Mon Compte Formation)", a_cpf),
    BILAN_PAYER("employeur", "employeur", a_employeur),
    BILAN_PAYER("opco", "OPCO", a_opco),
    BILAN_PAYER("france-travail", "France Travail", a_france_travail),
    BILAN_PAYER("beneficiaire", "bénéficiaire", a_beneficiaire),
    BILAN_PAYER("autre", "autre financeur", a_autre),
};
#undef BILAN_PAYER

// "(R6313-8 du Code du travail ; jours calendaires, à vérifier)"
template <typename T> std::string cited(const RuleFigure<T>& figure) {
    return "(" + std::string(figure.source) + (figure.to_verify ? ", à vérifier)" : ")");
}

std::string digits_grouped(std::int64_t units, std::string_view separator) {
    std::string digits = std::to_string(units);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string two_digits(std::int64_t n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

} // namespace

const FrenchFundingRules& french_funding_rules() {
    return rules_2026;
}

std::span<const Term> funding_payers() {
    return payers;
}

bool follows_french_funding(const Framework& framework) {
    return framework.fundings.empty();
}

std::optional<Date> Convention::fully_signed() const {
    if (!signed_employee || !signed_employer || !signed_provider) return std::nullopt;
    return std::max({*signed_employee, *signed_employer, *signed_provider});
}

std::optional<Date> Convention::acceptance_deadline() const {
    if (!sent) return std::nullopt;
    return Date::from_days(sent->days_since_epoch() + french_funding_rules().acceptance_days.value);
}

std::optional<std::int64_t> Financing::part(std::string_view payer) const {
    for (const FundingPart& p : parts)
        if (p.payer == payer) return p.cents;
    return std::nullopt;
}

std::int64_t Financing::parts_total() const {
    std::int64_t total = 0;
    for (const FundingPart& p : parts)
        total += p.cents;
    return total;
}

// ---- amounts -------------------------------------------------------------------------------

std::int64_t parse_amount_cents(std::string_view raw) {
    const auto bad = [&](std::string_view why) {
        return UsageError("montant « " + std::string(raw) + " » invalide : " + std::string(why) +
                          " (en euros, par exemple 1800 ou 1 800,50)");
    };
    // Spaces (and the no-break ones a copy from a document brings) group thousands.
    std::string text;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == ' ') continue;
        if (raw.substr(i).starts_with("\u00a0")) {
            i += 1;
            continue;
        }
        if (raw.substr(i).starts_with("\u202f")) {
            i += 2;
            continue;
        }
        text += raw[i];
    }
    if (text.ends_with("€")) text.resize(text.size() - std::string_view("€").size());
    bool in_cents = false;
    if (text.ends_with("c")) {
        in_cents = true;
        text.pop_back();
    }
    if (text.empty()) throw bad("vide");
    const std::size_t point = text.find_first_of(".,");
    const std::string whole = text.substr(0, point);
    const std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
    const auto all_digits = [](const std::string& s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || !all_digits(whole) || !all_digits(fraction))
        throw bad(text.front() == '-' ? "négatif" : "un nombre est attendu");
    if (point != std::string::npos && (in_cents || fraction.empty()))
        throw bad("un nombre est attendu");
    if (fraction.size() > 2) throw bad("au plus deux décimales");
    constexpr std::int64_t max_cents = 1'000'000'000; // 10 million euros
    if (whole.size() > 10) throw bad("trop grand");
    std::int64_t cents = std::stoll(whole);
    if (!in_cents)
        cents = cents * 100 +
                (fraction.empty() ? 0 : std::stoll(fraction) * (fraction.size() == 1 ? 10 : 1));
    if (cents > max_cents) throw bad("trop grand");
    return cents;
}

namespace {
std::string amount_with(std::int64_t cents, std::string_view thousands, std::string_view before) {
    const std::string sign = cents < 0 ? "-" : "";
    if (cents < 0) cents = -cents;
    // Always the cents, as an invoice writes them: "2 400,00 €".
    return sign + digits_grouped(cents / 100, thousands) + "," + two_digits(cents % 100) +
           std::string(before) + "€";
}
} // namespace

std::string french_amount(std::int64_t cents) {
    return amount_with(cents, "\u202f", "\u00a0");
}

std::string amount_text(std::int64_t cents) {
    return amount_with(cents, " ", " ");
}

std::string plain_amount(std::int64_t cents) {
    const std::string sign = cents < 0 ? "-" : "";
    if (cents < 0) cents = -cents;
    return sign + std::to_string(cents / 100) + "." + two_digits(cents % 100);
}

// ---- the convention ------------------------------------------------------------------------

bool convention_required(const Framework& framework, const BilanRecord& bilan) {
    if (!follows_french_funding(framework) || bilan.funding.empty()) return false;
    std::string funding = bilan.funding;
    try { // an alias ("entreprise") names the same funding
        funding = framework.resolve_funding(bilan.funding);
    } catch (const UsageError&) { // a funding the framework lacks: check says so elsewhere
    }
    const auto& needed = french_funding_rules().convention_fundings;
    return std::find(needed.begin(), needed.end(), funding) != needed.end();
}

namespace {

// The parties who have not signed, as keys: "employee,employer".
std::string unsigned_parties(const Convention& c) {
    std::string keys;
    for (const auto& [party, signed_on] :
         {std::pair{"employee", c.signed_employee}, std::pair{"employer", c.signed_employer},
          std::pair{"provider", c.signed_provider}})
        if (!signed_on) keys += (keys.empty() ? "" : ",") + std::string(party);
    return keys;
}

// A rule's figure as a problem cites it: its source, and whether it is still to verify.
template <typename T> void cite(Problem& problem, const RuleFigure<T>& figure) {
    problem.source = std::string(figure.source);
    if (figure.to_verify) problem.values.push_back({"to_verify", "1"});
}

// The employee's last day when it is no working day (a Saturday, a Sunday, a public holiday of
// the practice's calendar): the day it would move to by analogy with CPC art. 642 (the next
// working day), and what the day is. R6313-8 says nothing: until that day has passed, a
// signature late or missing is a warning, never "réputée refusée" (practice.md §5, Wave 3).
struct MovedLimit {
    Date next;
    std::string day; // "un samedi", "un dimanche", "un jour férié (Lundi de Pâques)"
};
std::optional<MovedLimit> moved_limit(const Date& limit, HolidayCalendar calendar) {
    if (is_business_day(limit, calendar)) return std::nullopt;
    const Date next =
        add_business_days(limit, french_funding_rules().nonworking_day_shift.value, calendar);
    const int weekday = iso_weekday(limit);
    if (const auto holiday = public_holiday(limit, calendar))
        return MovedLimit{next, "un jour férié (" + std::string(holiday->name) + ")"};
    return MovedLimit{next, weekday == 6 ? "un samedi" : "un dimanche"};
}

void signature_problems(const Convention& c, const Date& today, HolidayCalendar calendar,
                        std::vector<Problem>& problems) {
    const FrenchFundingRules& rules = french_funding_rules();
    if (!c.sent) return;
    const Date limit = *c.acceptance_deadline();
    const Values values{{"sent", c.sent->iso()},
                        {"days", std::to_string(rules.acceptance_days.value)},
                        {"limit", limit.iso()}};
    // Past the limit but not past the day it would move to: convention_warnings says so.
    const auto moved = moved_limit(limit, calendar);
    const Date last = moved ? moved->next : limit;
    if (c.signed_employee && *c.signed_employee > last) {
        Problem late{
            .code = "convention.signed-late", .where = c.signed_employee_origin, .values = values};
        late.values.push_back({"signed", c.signed_employee->iso()});
        cite(late, rules.acceptance_days);
        problems.push_back(std::move(late));
    } else if (!c.signed_employee && today > last) {
        Problem unsigned_{
            .code = "convention.unsigned-in-time", .where = c.sent_origin, .values = values};
        cite(unsigned_, rules.acceptance_days);
        problems.push_back(std::move(unsigned_));
    }
}

} // namespace

std::vector<Problem> convention_problems(const Framework& framework, const Folder& folder,
                                         const Date& today) {
    std::vector<Problem> problems;
    if (!follows_french_funding(framework)) return problems;
    const FrenchFundingRules& rules = french_funding_rules();
    const BilanRecord& bilan = folder.bilan;
    const Convention& c = folder.convention;
    const std::string source(rules.convention_source);
    if (!c.exists) {
        if (convention_required(framework, bilan))
            problems.push_back(
                {.code = "convention.missing",
                 .where = bilan.funding_origin,
                 .values = {{"funding", bilan.funding}},
                 .source = source,
                 .remedy = Remedy{"convention.set", {{"employer", {}}, {"sent", {}}}}});
        return problems;
    }
    signature_problems(c, today, folder.holidays, problems);
    const std::optional<Date> signed_on = c.fully_signed();
    for (const Session& s : folder.sessions) {
        if (!framework.counts(s.phase)) continue;
        if (signed_on && s.date < *signed_on)
            problems.push_back({.code = "convention.session-before-signature",
                                .where = s.origin,
                                .record = s.id,
                                .values = {{"date", s.date.iso()}, {"signed", signed_on->iso()}},
                                .source = source});
        else if (!signed_on && s.date <= today)
            problems.push_back(
                {.code = "convention.session-unsigned",
                 .where = s.origin,
                 .record = s.id,
                 .values = {{"date", s.date.iso()}, {"parties", unsigned_parties(c)}},
                 .source = source});
    }
    return problems;
}

std::vector<Problem> convention_warnings(const Framework& framework, const Folder& folder,
                                         const Date& today) {
    const Convention& c = folder.convention;
    if (!follows_french_funding(framework) || !c.exists || !c.sent) return {};
    const Date limit = *c.acceptance_deadline();
    const auto moved = moved_limit(limit, folder.holidays);
    if (!moved) return {};
    const FrenchFundingRules& rules = french_funding_rules();
    Problem warning{.severity = Severity::warning,
                    .values = {{"sent", c.sent->iso()},
                               {"days", std::to_string(rules.acceptance_days.value)},
                               {"limit", limit.iso()},
                               {"day", moved->day},
                               {"next", moved->next.iso()}}};
    if (c.signed_employee && *c.signed_employee > limit && *c.signed_employee <= moved->next) {
        warning.code = "convention.signed-on-moved-limit";
        warning.where = c.signed_employee_origin;
        warning.values.push_back({"signed", c.signed_employee->iso()});
    } else if (!c.signed_employee && today > limit && today <= moved->next) {
        warning.code = "convention.unsigned-on-moved-limit";
        warning.where = c.sent_origin;
    } else {
        return {};
    }
    cite(warning, rules.nonworking_day_shift);
    return {std::move(warning)};
}

std::optional<Date> moved_acceptance_deadline(const Convention& convention,
                                              HolidayCalendar calendar) {
    const auto limit = convention.acceptance_deadline();
    if (!limit) return std::nullopt;
    const auto moved = moved_limit(*limit, calendar);
    return moved ? std::optional<Date>(moved->next) : std::nullopt;
}

// ---- the financing -------------------------------------------------------------------------

std::vector<Problem> payment_terms_warnings(const Folder& folder) {
    const Convention& c = folder.convention;
    const Financing& f = folder.financing;
    if (!c.exists || !f.price_cents || !c.payment.empty() || !f.payment.empty()) return {};
    return {{.code = "convention.no-payment-terms",
             .severity = Severity::warning,
             .where = f.origin,
             .values = {{"price", std::to_string(*f.price_cents)}},
             .remedy = Remedy{"financing.set", {{"reglement", {}}}}}};
}

std::string participation_exemption(const Financing& f) {
    if (f.jobseeker == true) return "demandeur-emploi";
    // A top-up (abondement) by the employer, by a company, group or branch agreement, or by an
    // OPCO: a part paid by `employeur` or `opco` beside the CPF's.
    for (const std::string_view payer : {"employeur", "opco"})
        if (f.part(payer).value_or(0) > 0) return "abondement-" + std::string(payer);
    return {};
}

std::vector<Problem> financing_problems(const Framework& framework, const Folder& folder) {
    std::vector<Problem> problems;
    const Financing& f = folder.financing;
    if (!f.exists) return problems;
    if (f.price_cents && !f.parts.empty() && f.parts_total() != *f.price_cents)
        problems.push_back({.code = "financing.parts-not-price",
                            .where = f.origin,
                            .values = {{"parts", std::to_string(f.parts_total())},
                                       {"price", std::to_string(*f.price_cents)}}});
    if (!follows_french_funding(framework)) return problems;
    const FrenchFundingRules& rules = french_funding_rules();
    const std::optional<std::int64_t> cpf = f.part("cpf");
    if (cpf && *cpf > rules.cpf_ceiling_cents.value) {
        Problem over{.code = "financing.cpf-over-ceiling",
                     .where = f.origin,
                     .values = {{"cpf", std::to_string(*cpf)},
                                {"ceiling", std::to_string(rules.cpf_ceiling_cents.value)}}};
        cite(over, rules.cpf_ceiling_cents);
        problems.push_back(std::move(over));
    }
    // Decided only when the folder says the holder is not a jobseeker and shows no top-up that
    // exempts (L6323-7): unknown, nothing said.
    const std::int64_t paid = f.part("beneficiaire").value_or(0);
    if (cpf && *cpf > 0 && f.jobseeker == false && participation_exemption(f).empty() &&
        paid < rules.cpf_participation_cents.value) {
        Problem unpaid{.code = "financing.participation-missing",
                       .where = f.origin,
                       .values = {{"due", std::to_string(rules.cpf_participation_cents.value)},
                                  {"paid", std::to_string(paid)}}};
        cite(unpaid, rules.cpf_participation_cents);
        problems.push_back(std::move(unpaid));
    }
    return problems;
}

} // namespace bilan
