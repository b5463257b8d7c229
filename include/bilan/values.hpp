// The values a counsellor types (man bilan, VALUES): dates, durations, times of day, and the
// French terms of art with their aliases. Parsing never depends on the process locale.
#pragma once

#include <compare>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace bilan {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    auto operator<=>(const Date&) const = default;

    std::string iso() const;    // 2026-03-02
    std::string french() const; // 2 mars 2026
    int days_since_epoch() const;
    static Date from_days(int days);
    Date plus_months(int months) const; // clamps the day to the month's length
};

struct TimeOfDay {
    int hour = 0;
    int minute = 0;
    auto operator<=>(const TimeOfDay&) const = default;
    int minutes() const { return hour * 60 + minute; }
    std::string text() const; // 09:30
};

constexpr int max_session_minutes = 24 * 60;

// Each parser throws UsageError with a message that names the bad value.
// `today` is given by the caller so that parsing stays pure.
// Whether `text` names a day by today ("today", "aujourd'hui", "hier", "demain", in any case),
// whose date may then be needed.
bool names_today(std::string_view text);
Date parse_date(std::string_view text, const Date& today);
// A month as people write one where a date is naturally vague (a past job): "09/2008",
// "9/2008", "09-2008", "2008-09"; its first day, or nullopt when `text` is no month.
std::optional<Date> parse_month(std::string_view text);
// "2008-09" and "septembre 2008".
std::string iso_month(const Date& date);
std::string french_month(const Date& date);
bool valid_date(int year, int month, int day);
int parse_duration_minutes(std::string_view text);
TimeOfDay parse_time_of_day(std::string_view text);
int parse_rating(std::string_view text); // 1 to 5

// "2h30", "45min", "17h": how a duration is shown to a person.
std::string format_minutes(int minutes);

// Lower-cases ASCII, folds French accents to ASCII and spaces/underscores to dashes, so that
// "Savoir-Être" and "savoir etre" both become "savoir-etre".
std::string fold_term(std::string_view text);
// ASCII letters in lower case, every other byte as it is ("PDF" -> "pdf", "É" unchanged).
std::string ascii_lower(std::string_view text);

// A closed set of French terms of art and the aliases accepted for each.
struct Term {
    std::string_view key;
    std::string_view label;                    // French, for people
    std::span<const std::string_view> aliases; // folded spellings, English words
};

// Finds the term `text` names (key or alias, after folding), or throws UsageError listing the
// accepted keys; `what` names the value in the message ("type de compétence").
std::string_view resolve_term(std::span<const Term> terms, std::string_view text,
                              std::string_view what);
const Term* find_term(std::span<const Term> terms, std::string_view key);
std::string_view term_label(std::span<const Term> terms, std::string_view key);

std::span<const Term> session_kinds();
std::span<const Term> session_modes();
// How a session's attendance is proved: emargement, signature-electronique, journal-visio, autre.
std::span<const Term> evidence_kinds();
std::span<const Term> funding_kinds();
std::span<const Term> skill_types();
std::span<const Term> experience_kinds();
std::span<const Term> trait_kinds();
std::span<const Term> piste_decisions();
std::span<const Term> action_horizons();
// A session's state: tenue (held), prevue (planned), annulee (cancelled).
std::span<const Term> session_states();
// Why a session was cancelled: absence (the beneficiary did not come), report (moved to
// another date), annulation (called off).
std::span<const Term> cancellation_reasons();
// How the synthesis was handed over: remise-en-main-propre, courrier, email, autre.
std::span<const Term> handover_modes();
// The beneficiary's public, the line of the BPF's frame F-1 (cerfa 10443) her bilan goes to:
// salarie (a, private-sector employees, apprentices excepted), apprenti (b), demandeur-emploi
// (c), particulier (d, at her own cost), autre (e: public servants, self-employed…).
std::span<const Term> beneficiary_publics();
// "a" … "e" for a key of beneficiary_publics(); empty for anything else.
std::string_view bpf_f1_line(std::string_view public_key);
// A basis to keep after the end (R6313-7): accord (the beneficiary's written agreement for the
// follow-up), cep (the synthesis sent to the CEP operator at her request, L6313-4).
std::span<const Term> retention_motifs();

// Accompaniment, a session held with the counsellor (entretien, test, atelier): what the
// floor counts and the attendance sheet lists; personal work (enquete, travail-personnel) is not.
bool is_accompaniment(std::string_view session_kind);

// The code point at the start of `text` and its length in bytes; nullopt unless it is valid
// UTF-8 (no overlong form, no surrogate, nothing past U+10FFFF).
std::optional<std::pair<char32_t, std::size_t>> decode_utf8(std::string_view text);

// Throws UsageError unless `text` is valid UTF-8 without control characters other than
// newline and tab: what a person typed must survive TOML, JSON and Markdown unchanged.
void require_clean_text(std::string_view text, std::string_view what);
// What a person types on the command line: require_clean_text, and neither C1 controls
// (U+0080 to U+009F: U+009B is a terminal's CSI) nor the bidi embeddings, overrides and
// isolates (U+202A to U+202E, U+2066 to U+2069), which reorder what a reader sees.
void require_typed_text(std::string_view text, std::string_view what);

// The controls that a hand-edited file may still hold and that output never passes on raw:
// C0 and DEL, C1, the bidi embeddings, overrides and isolates. Their length in bytes at
// text[i], or 0.
std::size_t control_at(std::string_view text, std::size_t i);
// Each control shown as an escape: \n, \t, \x1b, \u009b, \u202e (one line, for messages).
std::string escape_controls(std::string_view text);
// A value in a list's line: line breaks and tabs become spaces, other controls escapes.
std::string visible_line(std::string_view text);
// For documents: every control but line breaks and tabs becomes a space.
std::string controls_as_spaces(std::string_view text);

} // namespace bilan
