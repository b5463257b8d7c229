// The document de synthèse (what the Code du travail, R6313-4 to R6313-8, asks of it: the
// circumstances, the skills and aptitudes, the project and the main steps to carry it out) rendered
// as Markdown for pandoc, the consents that let a version of it go to someone else (L6313-4), and
// what `check` finds missing from it. Pure functions of loaded data.
#pragma once

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/rules.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

// The parts of the document a consent may name, in the order they are listed: circonstances,
// situation, competences, parcours, valeurs, tests, pistes, projet, plan, calendrier (accented
// spellings and English words accepted as aliases; `tout` names them all).
std::span<const Term> synthesis_sections();
// What a consent shares when it names no section: the project and the action plan.
std::vector<std::string> default_shared_sections();
// "projet, Plan" -> {"projet", "plan"}: section keys from a comma-separated list, in document
// order without repeats (`tout`: every one); UsageError on an unknown or empty list.
std::vector<std::string> parse_sections(std::string_view list);

// The id (file name) of a recipient's consent: the recipient folded (fold_letters: case and
// accents of every script, "Ⅻ" -> "xii"; then fold_term: "ß" -> "ss", "Œ" -> "oe", "Ł" -> "l"…),
// keeping ASCII letters and digits and every letter of another script ("αθηνα", "北京"),
// spaces, dashes and punctuation beyond ASCII making single dashes, other ASCII punctuation
// dropped ("France Travail", "france-travail" -> "france-travail"); empty when no letter or
// digit is left. Two recipients may share it ("C++ Conseil", "C Conseil"): grant_consent then
// gives the second a name of its own.
std::string consent_id(std::string_view recipient);
// Whether a file name (without ".toml") is one bilan gives a consent, today or before letters
// were folded ("Αθηνά-ΑΕ"): a conflict copy or "France-Travail" is none.
bool is_consent_name(std::string_view name);
// Who a recipient is, whatever the spelling: folded as consent_id, words separated by single
// spaces, dots and apostrophes dropped, every other symbol kept ("C++ conseil" != "c conseil").
// Two recipients are the same when their keys are.
std::string recipient_key(std::string_view recipient);
// The consents recorded for that recipient (the same recipient_key), or in the file that
// `recipient`, typed exactly, names.
std::vector<const Consent*> consents_for(const std::vector<Consent>& consents,
                                         std::string_view recipient);
// The section keys a consent shares; DataError at its file when it names an unknown one.
std::vector<std::string> shared_sections(const Consent& consent);

// An earlier period of a consent from a line of text, the form in which versions before the
// [[history]] tables stored it: "accordé le 2026-05-04 (projet, plan), retiré le 2026-06-01"
// (", retiré" alone when the revocation has no date; ", remplacé le …" for a grant a newer one
// replaced). Only read, from their folders: bilan writes [[history]] tables, never this text.
// Gives canonical section keys; UsageError showing the expected form when the text is not one.
ConsentPeriod parse_consent_period(std::string_view text);

// Granting again to a recipient who has a consent: the new date and sections, the recipient
// spelled as first recorded. A revoked consent's grant and revocation move to its history, so
// that the evidence stays. RefusedError when `date` precedes the last revocation (or, when it
// has no date, the grant it ended); DataError when the earlier sections are unknown.
Consent grant_again(const Consent& current, const Date& date, std::vector<std::string> sections);
// Revoking a consent on `on` (nullopt: no date given). RefusedError when `on` precedes the
// grant. A consent already revoked is returned as it is: the first revocation stays.
Consent revoke_consent(const Consent& current, const std::optional<Date>& on);
// A consent in force without `ref`: nothing says where its written proof is kept (L6313-4:
// nothing is shared without the beneficiary's consent). One warning each, for `check`.
std::vector<Problem> consent_proof_warnings(const std::vector<Consent>& consents);
// The order of `consent list`: recipients folded (case, accents), then id.
void sort_consents(std::vector<Consent>& consents);

// The whole document: the beneficiary's own (shared_with == nullptr), or the version a consent
// lets go to its recipient, with only the sections it names. Deterministic: no clock, no locale.
std::string render_synthesis(const Framework& framework, const Folder& folder,
                             const Consent* shared_with = nullptr);

// What would leave the document incomplete (no demand, no skill of a type, no retained piste,
// no project title, no action) and consents that name unknown sections: one problem each.
std::vector<Problem> synthesis_problems(const Framework& framework, const Folder& folder);

} // namespace bilan
