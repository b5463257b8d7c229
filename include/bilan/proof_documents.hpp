// The proof of service a funder pays on: the attendance sheet (feuille d'émargement) and the
// certificat de réalisation, as Markdown for pandoc. Administrative documents: they name the
// provider, the beneficiary, the counsellor, dates and hours, and nothing of the substance (no
// note, no test, no skill, no demand, no situation, no money). Pure functions of loaded data:
// no clock, no locale, every text a person typed escaped (markdown.hpp).
#pragma once

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/practice.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bilan {

// ---- French typography -------------------------------------------------------------------

// A duration as a French document writes it: "20 h", "16 h 30", "1 h 05", "45 min", "0 h",
// with no-break spaces (typo::hours).
std::string french_hours(int minutes);
// A time of day: "9 h 30", "14 h 00".
std::string french_time(const TimeOfDay& time);
// "lundi 2 mars 2026": the weekday shows a session on a Sunday at a glance.
std::string french_long_date(const Date& date);
// "999 123 456 00017": a SIRET of 14 digits in its usual groups (SIREN, then NIC); any
// other text as it is.
std::string grouped_siret(std::string_view siret);
// "11 75 99999 75": an NDA of 11 digits as the administration writes it (region, department,
// order, check); any other text as it is.
std::string grouped_nda(std::string_view nda);

// ---- what the documents count ------------------------------------------------------------

// A session the beneficiary spends with the counsellor (is_accompaniment: every kind but
// `enquete` and `travail-personnel`): the ones an attendance sheet lists.
bool held_with_counsellor(const Session& session);
// Those sessions in date order, then start time, then id.
std::vector<const Session*> attendance_sessions(const Folder& folder);
// The sessions of the counted phases (any kind), in date order: their first and last dates
// are the action's.
std::vector<const Session*> counted_sessions(const Framework& framework, const Folder& folder);

// ---- the documents -----------------------------------------------------------------------

// The provider's identity at the head of both documents, as one Markdown paragraph: name
// (bold), address, then "SIRET : … — NDA : …"; the empty ones left out, "" when all are.
std::string provider_block(const Practice& provider);

// The attendance sheet: the provider (name, address, SIRET, NDA: the empty ones left out),
// the beneficiary and the counsellor, then one row per session held with the counsellor —
// date, times when known, duration, phase (préalable and suivi marked "hors durée du bilan"),
// mode — with empty signature cells; a session from before noon to after 13:30 has a row per
// half-day. With `blank_rows` > 0, that many empty rows instead, for
// the coming sessions to be filled by hand.
std::string render_attendance_sheet(const Framework& framework, const Folder& folder,
                                    const Practice& provider, int blank_rows = 0);

struct CertificateRequest {
    std::optional<Date> signed_on; // absent: a blank to fill by hand
    std::string place;             // empty: a blank to fill by hand
};

// The certificat de réalisation after the ministry's model (a `fr` framework and any other
// but `be`): the signatory as legal representative of the provider, the beneficiary, the
// nature with only "bilan de compétences" ticked, the first and last dates of the counted
// sessions, the hours realised (`realised_minutes`: the accompaniment of the counted phases),
// the clause on keeping the evidence, place, date and a signature block. For `be`, which has
// no such model, a neutral attestation de participation with the same facts. The caller
// makes sure a counted session exists.
std::string render_certificate(const Framework& framework, const Folder& folder,
                               const Practice& provider, int realised_minutes,
                               const CertificateRequest& request);

// Whether the framework is the Belgian one, for which the certificate is an attestation.
bool certificate_is_attestation(const Framework& framework);

} // namespace bilan
