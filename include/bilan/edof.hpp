// The CPF file as declared on the Caisse des Dépôts' platform (EDOF): what the counsellor did
// there, recorded in edof.toml (bilan never talks to the platform), and the deadlines of the
// declarations. Those deadlines come from the platform's CGU, which change: they are rules as
// data, in one table of src/core/edof.cpp (edof_deadline_rules), each with its source and
// whether it is still to verify, so that a change of the CGU is one edit there.
#pragma once

#include "bilan/calendar.hpp"
#include "bilan/errors.hpp"
#include "bilan/values.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace bilan {

// edof.toml. Dates are those of the steps done on the platform; empty or nullopt when not done.
struct EdofFile {
    std::string dossier;                 // the file's number on the platform
    std::optional<Date> requested;       // the holder's request
    std::optional<Date> answered;        // the provider's answer (proposal)
    std::optional<Date> validated;       // the holder's validation
    std::optional<Date> entry_declared;  // entrée en formation
    std::optional<Date> exit_declared;   // sortie de formation
    std::string service_fait;            // "total", "partiel", or empty
    std::optional<int> minutes_not_done; // partiel: the duration not done
    std::string reason;                  // partiel: a reason of edof_reasons(), or a text
    std::optional<Date> invoiced;        // the invoice
    std::optional<Date> paid;            // the payment
    SourcePos origin;
    SourcePos entry_pos, exit_pos, service_fait_pos; // where each is written, for check
    bool empty() const {
        return dossier.empty() && !requested && !answered && !validated && !entry_declared &&
               !exit_declared && service_fait.empty() && !minutes_not_done && reason.empty() &&
               !invoiced && !paid;
    }
};

// total, partiel (service fait).
std::span<const Term> service_fait_kinds();
// abandon, absence, interruption, force-majeure: the reasons the platform offers for a partial
// service fait (Mon Compte Formation's EDOF, as its providers' guide lists them; to confirm
// against the current CGU). Another reason is kept as its text.
std::span<const Term> edof_reasons();

// ---- rules as data -----------------------------------------------------------------------

// Which session starts a deadline's clock.
enum class EdofClock {
    first_counted_session, // the first session of a phase the framework counts
    last_counted_session,  // the last one; known once the bilan's end is set (or the exit)
};

// One deadline of a CPF file: declared within `business_days` business days (jours ouvrés:
// Monday to Friday, public holidays excepted, calendar.hpp) of the session `clock` names.
struct EdofDeadlineRule {
    std::string_view what;  // "edof-entree", "edof-sortie" (the keys `due` lists)
    std::string_view label; // "déclaration d'entrée"
    EdofClock clock;
    int business_days;
    std::string_view source; // the text it comes from
    bool to_verify;          // the source is not confirmed: messages say so
};

// The funding whose bilans are CPF files, in a framework with the French fundings.
inline constexpr std::string_view edof_funding = "cpf";

// The deadlines of a CPF file, entry first.
std::span<const EdofDeadlineRule> edof_deadline_rules();
const EdofDeadlineRule& edof_rule(std::string_view what);

// "3 jours ouvrés après la première séance comptée, le 2026-05-13 ; CGU Mon Compte Formation
// (Caisse des Dépôts), à vérifier": the rule and its source, for every message built on it;
// "après l'abandon" for the exit of an abandoned bilan.
std::string edof_rule_citation(const EdofDeadlineRule& rule,
                               const std::optional<Date>& clock_start = std::nullopt,
                               bool after_abandonment = false);

} // namespace bilan
