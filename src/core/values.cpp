#include "bilan/values.hpp"

#include "bilan/errors.hpp"
#include "bilan/spelling.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <vector>

namespace bilan {
namespace {

constexpr std::array month_names{"janvier",   "février", "mars",     "avril",
                                 "mai",       "juin",    "juillet",  "août",
                                 "septembre", "octobre", "novembre", "décembre"};

std::string quoted(std::string_view text) {
    return "« " + std::string(text) + " »";
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool all_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

// Parses 1 to `max_digits` ASCII digits; nullopt otherwise (no sign, no overflow possible).
std::optional<int> small_number(std::string_view text, std::size_t max_digits = 4) {
    if (!all_digits(text) || text.size() > max_digits) return std::nullopt;
    int value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::string two_digits(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

} // namespace

// ---- dates -------------------------------------------------------------------------------

namespace {

bool on_calendar(int year, int month, int day) {
    using namespace std::chrono;
    const year_month_day ymd{std::chrono::year{year},
                             std::chrono::month{static_cast<unsigned>(month)},
                             std::chrono::day{static_cast<unsigned>(day)}};
    return month >= 1 && month <= 12 && day >= 1 && ymd.ok();
}

} // namespace

// One range for every date bilan parses, reads or writes (the writer refuses a date out of it,
// store/toml_text.cpp): so that no date written is refused by a later command.
bool valid_date(int year, int month, int day) {
    const bool in_range = year >= 1900 && year <= 2199; // a career, not an epoch
    return in_range && on_calendar(year, month, day);
}

std::string Date::iso() const {
    std::string y = std::to_string(year);
    return y + "-" + two_digits(month) + "-" + two_digits(day);
}

std::string Date::french() const {
    const std::string d = day == 1 ? "1er" : std::to_string(day);
    return d + " " + month_names.at(static_cast<std::size_t>(month - 1)) + " " +
           std::to_string(year);
}

int Date::days_since_epoch() const {
    using namespace std::chrono;
    const sys_days days{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                        std::chrono::day{static_cast<unsigned>(day)}};
    return static_cast<int>(days.time_since_epoch().count());
}

Date Date::from_days(int days) {
    using namespace std::chrono;
    const year_month_day ymd{sys_days{std::chrono::days{days}}};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// The day is clamped by the calendar alone: a date computed past 2199 is right (and refused
// if it is ever written), never a few days early.
Date Date::plus_months(int months) const {
    int index = year * 12 + (month - 1) + months;
    Date result{index / 12, index % 12 + 1, day};
    while (!on_calendar(result.year, result.month, result.day) && result.day > 28)
        --result.day;
    return result;
}

namespace {
// The days from today that a word names, as people type it: "Today", "AUJOURD'HUI" (straight
// or typographic apostrophe, or none), "hier", "demain".
std::optional<int> days_from_today(std::string_view text) {
    std::string word;
    for (const char c : text)
        word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (const auto typographic = word.find("\u2019"); typographic != std::string::npos)
        word.replace(typographic, 3, "'");
    if (word == "today" || word == "aujourd'hui" || word == "aujourdhui") return 0;
    if (word == "hier") return -1;
    if (word == "demain") return 1;
    return std::nullopt;
}

// 03-12-2026: the French order with dashes, read as 03/12/2026.
std::string day_first_with_slashes(std::string_view text) {
    std::string out(text);
    if (out.find('-') <= 2) std::replace(out.begin(), out.end(), '-', '/');
    return out;
}
} // namespace

std::optional<Date> parse_month(std::string_view raw) {
    const std::string_view text = trim(raw);
    const auto cut = text.find_first_of("/-");
    if (cut == std::string_view::npos ||
        text.find_first_of("/-", cut + 1) != std::string_view::npos)
        return std::nullopt;
    const std::string_view first = text.substr(0, cut), second = text.substr(cut + 1);
    const bool year_first = first.size() == 4 && text[cut] == '-';
    const std::string_view year_text = year_first ? first : second;
    const std::string_view month_text = year_first ? second : first;
    const auto year = year_text.size() == 4 ? small_number(year_text) : std::nullopt;
    const auto month = small_number(month_text, 2);
    if (!year || !month || !valid_date(*year, *month, 1)) return std::nullopt;
    return Date{*year, *month, 1};
}

std::string iso_month(const Date& date) {
    return date.iso().substr(0, 7);
}

std::string french_month(const Date& date) {
    return std::string(month_names.at(static_cast<std::size_t>(date.month - 1))) + " " +
           std::to_string(date.year);
}

bool names_today(std::string_view raw) {
    return days_from_today(trim(raw)).has_value();
}

Date parse_date(std::string_view raw, const Date& today) {
    const std::string french = day_first_with_slashes(trim(raw));
    const std::string_view text = french;
    if (const auto days = days_from_today(text)) {
        // Callers with no clock (a record file, $BILAN_TODAY itself) give no valid `today`:
        // "today" is then refused, not taken for the date 0-00-00 (found by fuzz_folder).
        if (!valid_date(today.year, today.month, today.day))
            throw UsageError("date invalide " + quoted(raw) +
                             " : attendu une date fixe, AAAA-MM-JJ ou JJ/MM/AAAA");
        const Date day = Date::from_days(today.days_since_epoch() + *days);
        if (!valid_date(day.year, day.month, day.day))
            throw UsageError("date impossible " + quoted(raw) + " (années 1900 à 2199)");
        return day;
    }
    int y = 0, m = 0, d = 0;
    bool shaped = false;
    if (const auto dash1 = text.find('-'); dash1 == 4) { // 2026-03-05, 2026-3-5
        const auto dash2 = text.find('-', dash1 + 1);
        if (dash2 != std::string_view::npos) {
            auto yy = small_number(text.substr(0, 4));
            auto mm = small_number(text.substr(dash1 + 1, dash2 - dash1 - 1), 2);
            auto dd = small_number(text.substr(dash2 + 1), 2);
            if (yy && mm && dd) shaped = true, y = *yy, m = *mm, d = *dd;
        }
    } else if (auto slash1 = text.find('/'); slash1 != std::string_view::npos) {
        auto slash2 = text.find('/', slash1 + 1);
        if (slash2 != std::string_view::npos) {
            auto dd = small_number(text.substr(0, slash1), 2);
            auto mm = small_number(text.substr(slash1 + 1, slash2 - slash1 - 1), 2);
            auto year_text = text.substr(slash2 + 1);
            auto yy = year_text.size() == 4 ? small_number(year_text) : std::nullopt;
            if (dd && mm && yy) shaped = true, y = *yy, m = *mm, d = *dd;
        }
    }
    if (!shaped)
        throw UsageError("date invalide " + quoted(raw) +
                         " : attendu AAAA-MM-JJ, JJ/MM/AAAA, today, hier ou demain");
    if (!valid_date(y, m, d))
        throw UsageError("date impossible " + quoted(raw) +
                         (y < 1900 || y > 2199 ? " (années 1900 à 2199)" : ""));
    return {y, m, d};
}

// ---- times of day ------------------------------------------------------------------------

std::string TimeOfDay::text() const {
    return two_digits(hour) + ":" + two_digits(minute);
}

TimeOfDay parse_time_of_day(std::string_view raw) {
    const std::string_view text = trim(raw);
    const auto sep = text.find_first_of(":hH");
    if (sep != std::string_view::npos) {
        auto h = small_number(text.substr(0, sep), 2);
        const std::string_view rest = text.substr(sep + 1);
        // "11h" is 11:00; after a colon the minutes are required.
        auto m = rest.empty() && text[sep] != ':' ? std::optional<int>(0) : small_number(rest, 2);
        if ((rest.empty() || rest.size() == 2) && h && m && *h < 24 && *m < 60) return {*h, *m};
    }
    throw UsageError("heure invalide " + quoted(raw) + " : attendu HH:MM, de 00:00 à 23:59");
}

// ---- durations ---------------------------------------------------------------------------

namespace {

// Hours as minutes, and whether that is a whole number of minutes (else the nearest one).
struct DecimalHours {
    std::int64_t minutes;
    bool exact;
};

// "2", "2.5", "2,5": hours, in exact integer arithmetic (no float, no locale).
std::optional<DecimalHours> decimal_hours_to_minutes(std::string_view text) {
    const auto sep = text.find_first_of(".,");
    const std::string_view whole = text.substr(0, sep);
    const std::string_view frac = sep == std::string_view::npos ? "" : text.substr(sep + 1);
    if (!all_digits(whole) || whole.size() > 6) return std::nullopt;
    if (sep != std::string_view::npos && (!all_digits(frac) || frac.size() > 6))
        return std::nullopt;
    std::int64_t hours = 0, numerator = 0, denominator = 1;
    std::from_chars(whole.data(), whole.data() + whole.size(), hours);
    for (char c : frac)
        numerator = numerator * 10 + (c - '0'), denominator *= 10;
    const std::int64_t rounded = hours * 60 + (numerator * 120 / denominator + 1) / 2;
    return DecimalHours{rounded, (numerator * 60) % denominator == 0};
}

std::int64_t duration_minutes_or_throw(std::string_view raw) {
    const std::string lowered = ascii_lower(trim(raw)); // 2H30 and 90M as well as 2h30, 90m
    const std::string_view text = lowered;
    const std::string shown = quoted(raw);
    const std::string expected = " : attendu 2h30, 1h05, 90m, 2, 2.5, 2,5 ou 2:30";
    auto bad = [&] { return UsageError("durée invalide " + shown + expected); };
    if (text.empty()) throw bad();
    if (text.front() == '-') throw UsageError("durée négative " + shown);

    // 90m, 90min
    for (std::string_view unit : {"min", "mn", "m"}) {
        if (text.size() > unit.size() && text.ends_with(unit)) {
            if (auto n = small_number(text.substr(0, text.size() - unit.size()), 6)) return *n;
            break; // 1h30m: hours and minutes, below
        }
    }
    // 2h, 2h30, 1h05, 1h30m, 2:30
    if (const auto sep = text.find_first_of("h:"); sep != std::string_view::npos) {
        auto h = small_number(text.substr(0, sep), 4);
        std::string_view rest = text.substr(sep + 1);
        if (rest.ends_with("min"))
            rest.remove_suffix(3);
        else if (rest.ends_with('m'))
            rest.remove_suffix(1);
        if (!h) throw bad();
        if (rest.empty() && text[sep] != ':') return std::int64_t{*h} * 60;
        auto m = small_number(rest, 2);
        // "2h3" may mean 2h03 or 2h30: a single digit of minutes is refused, not guessed
        // ("2h3m" says minutes, so it stands).
        const bool unit = rest.size() < text.size() - sep - 1;
        if (rest.size() == 1 && all_digits(rest) && !unit)
            throw UsageError("durée ambiguë " + shown + " : écrivez " +
                             std::string(text.substr(0, sep + 1)) + "0" + std::string(rest) +
                             " ou " + std::string(text.substr(0, sep + 1)) + std::string(rest) +
                             "0");
        if (!m || *m >= 60 || (text[sep] == ':' && rest.size() != 2)) throw bad();
        return std::int64_t{*h} * 60 + *m;
    }
    // 2, 2.5, 2,5: hours
    auto minutes = decimal_hours_to_minutes(text);
    if (!minutes) throw bad();
    if (!minutes->exact)
        throw UsageError("durée " + shown + " : pas un nombre entier de minutes (essayez " +
                         format_minutes(static_cast<int>(std::min<std::int64_t>(
                             std::max<std::int64_t>(minutes->minutes, 1), max_session_minutes))) +
                         ")");
    if (minutes->minutes > max_session_minutes &&
        text.find_first_of(".,") == std::string_view::npos)
        throw UsageError("durée " + shown +
                         " : un nombre seul compte des heures ; pour des "
                         "minutes, écrivez " +
                         std::string(text) + "m");
    return minutes->minutes;
}

} // namespace

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

int parse_duration_minutes(std::string_view raw) {
    const std::int64_t minutes = duration_minutes_or_throw(raw);
    if (minutes <= 0) throw UsageError("durée nulle " + quoted(raw));
    if (minutes > max_session_minutes)
        throw UsageError("durée " + quoted(raw) + " : plus de 24h pour une seule séance");
    return static_cast<int>(minutes);
}

std::string format_minutes(int minutes) {
    const bool negative = minutes < 0;
    const int total = negative ? -minutes : minutes;
    const std::string sign = negative ? "-" : "";
    if (total == 0) return "0h";
    if (total < 60) return sign + std::to_string(total) + "min";
    const int h = total / 60, m = total % 60;
    return sign + std::to_string(h) + "h" + (m ? two_digits(m) : "");
}

int parse_rating(std::string_view raw) {
    auto n = small_number(trim(raw), 1);
    if (!n || *n < 1 || *n > 5)
        throw UsageError("note invalide " + quoted(raw) + " : attendu un entier de 1 à 5");
    return *n;
}

// ---- terms -------------------------------------------------------------------------------

std::string fold_term(std::string_view text) {
    // Accented letters that French terms of art use, in UTF-8, and their ASCII folding; the
    // ligatures and the letters that are no accented vowel fold to every letter they stand for
    // ("Straße" and "Strasse" are one name, never "Strae"). Any other letter stays as it is.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 37> accents{{
        {"é", "e"},  {"è", "e"},  {"ê", "e"},  {"ë", "e"}, {"à", "a"},  {"â", "a"},  {"î", "i"},
        {"ï", "i"},  {"ô", "o"},  {"ù", "u"},  {"û", "u"}, {"ü", "u"},  {"ç", "c"},  {"É", "e"},
        {"È", "e"},  {"Ê", "e"},  {"À", "a"},  {"Â", "a"}, {"Î", "i"},  {"Ô", "o"},  {"Ù", "u"},
        {"Û", "u"},  {"Ç", "c"},  {"œ", "oe"}, {"’", "'"}, {"æ", "ae"}, {"Œ", "oe"}, {"Æ", "ae"},
        {"ß", "ss"}, {"ẞ", "ss"}, {"Ø", "o"},  {"ø", "o"}, {"Ł", "l"},  {"ł", "l"},  {"Ë", "e"},
        {"Ï", "i"},  {"Ü", "u"},
    }};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            bool folded = false;
            for (const auto& [accented, ascii] : accents) {
                if (text.substr(i).starts_with(accented)) {
                    out += ascii;
                    i += accented.size();
                    folded = true;
                    break;
                }
            }
            if (!folded) out += text[i++];
            continue;
        }
        if (c == ' ' || c == '_')
            out += '-';
        else if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else
            out += c;
        ++i;
    }
    return out;
}

const Term* find_term(std::span<const Term> terms, std::string_view key) {
    for (const Term& term : terms)
        if (term.key == key) return &term;
    return nullptr;
}

std::string_view term_label(std::span<const Term> terms, std::string_view key) {
    const Term* term = find_term(terms, key);
    return term ? term->label : key;
}

namespace {
// Whether the noun a message starts with is feminine ("modalité inconnue", "type inconnu").
bool feminine(std::string_view what) {
    static constexpr std::array<std::string_view, 5> feminine_nouns{"modalité", "décision", "phase",
                                                                    "section", "durée"};
    const std::string_view head = what.substr(0, what.find(' '));
    return std::find(feminine_nouns.begin(), feminine_nouns.end(), head) != feminine_nouns.end();
}
} // namespace

std::string_view resolve_term(std::span<const Term> terms, std::string_view text,
                              std::string_view what) {
    const std::string folded = fold_term(trim(text));
    for (const Term& term : terms) {
        if (term.key == folded) return term.key;
        for (std::string_view alias : term.aliases)
            if (alias == folded) return term.key;
    }
    std::vector<std::string> keys;
    for (const Term& term : terms)
        keys.emplace_back(term.key);
    throw UsageError(std::string(what) + (feminine(what) ? " inconnue " : " inconnu ") +
                     quoted(text) + expected_one_of(text, keys));
}

namespace {

#define BILAN_TERM(key, label, ...)                                                                \
    Term {                                                                                         \
        key, label, std::span<const std::string_view>(__VA_ARGS__)                                 \
    }

constexpr std::array<std::string_view, 2> a_entretien{"interview", "rendez-vous"};
constexpr std::array<std::string_view, 1> a_test{"evaluation"};
// A workshop led by the counsellor for a group: accompaniment, like an interview.
constexpr std::array<std::string_view, 3> a_atelier{"workshop", "atelier-collectif",
                                                    "atelier-de-groupe"};
constexpr std::array<std::string_view, 3> a_enquete{"enquete-metier", "survey", "field-survey"};
// A test the beneficiary takes alone, neither supervised nor debriefed by the counsellor, is
// personal work: it is no effective accompaniment (R6313-4, 2026), so it never meets the floor.
constexpr std::array<std::string_view, 7> a_personal{"personal-work", "travail",   "homework",
                                                     "test-autonome", "test-seul", "auto-passation",
                                                     "self-test"};
constexpr std::array<std::string_view, 3> a_presentiel{"in-person", "face-a-face", "onsite"};
constexpr std::array<std::string_view, 3> a_distance{"remote", "a-distance", "visio"};
constexpr std::array<std::string_view, 1> a_cpf{"mon-compte-formation"};
constexpr std::array<std::string_view, 3> a_employeur{"employer", "plan-de-developpement", "plan"};
constexpr std::array<std::string_view, 2> a_reclassement{"conge-de-reclassement", "redeployment"};
constexpr std::array<std::string_view, 2> a_france_travail{"pole-emploi", "ft"};
constexpr std::array<std::string_view, 2> a_personnel{"personal", "self"};
constexpr std::array<std::string_view, 1> a_autre{"other"};
constexpr std::array<std::string_view, 2> a_savoir{"knowledge", "savoirs"};
constexpr std::array<std::string_view, 2> a_savoir_faire{"know-how", "savoirs-faire"};
constexpr std::array<std::string_view, 3> a_savoir_etre{"soft-skill", "savoirs-etre",
                                                        "interpersonal"};
constexpr std::array<std::string_view, 2> a_poste{"job", "emploi"};
constexpr std::array<std::string_view, 1> a_stage{"internship"};
constexpr std::array<std::string_view, 1> a_formation{"training"};
constexpr std::array<std::string_view, 2> a_benevolat{"volunteering", "volontariat"};
constexpr std::array<std::string_view, 1> a_valeur{"value"};
constexpr std::array<std::string_view, 0> a_motivation{};
constexpr std::array<std::string_view, 2> a_interet{"interest", "centre-d-interet"};
constexpr std::array<std::string_view, 3> a_critere{"criterion", "critere-fondamental", "criteria"};
constexpr std::array<std::string_view, 2> a_concession{"concession-acceptable", "compromise"};
constexpr std::array<std::string_view, 2> a_personnalite{"personality", "trait"};
constexpr std::array<std::string_view, 4> a_emargement{"feuille-d'emargement", "feuille-emargement",
                                                       "feuille-de-presence", "attendance-sheet"};
constexpr std::array<std::string_view, 4> a_signature{
    "e-signature", "esignature", "signature-numerique", "electronic-signature"};
constexpr std::array<std::string_view, 5> a_journal{"visio", "journal-de-connexion", "connexion",
                                                    "log", "video-log"};
constexpr std::array<std::string_view, 1> a_other_evidence{"other"};
constexpr std::array<std::string_view, 2> a_email_evidence{"mail", "courriel"};
constexpr std::array<std::string_view, 2> a_retained{"retenue", "retenu"};
constexpr std::array<std::string_view, 2> a_backup{"plan-b", "secours"};
constexpr std::array<std::string_view, 2> a_dropped{"abandonnee", "abandonne"};
constexpr std::array<std::string_view, 2> a_court{"short", "court-terme"};
constexpr std::array<std::string_view, 2> a_moyen{"medium", "moyen-terme"};
constexpr std::array<std::string_view, 2> a_long{"long-term", "long-terme"};

const std::array kinds{BILAN_TERM("entretien", "entretien", a_entretien),
                       BILAN_TERM("test", "test", a_test),
                       BILAN_TERM("atelier", "atelier collectif", a_atelier),
                       BILAN_TERM("enquete", "enquête métier", a_enquete),
                       BILAN_TERM("travail-personnel", "travail personnel", a_personal)};
const std::array modes{BILAN_TERM("presentiel", "présentiel", a_presentiel),
                       BILAN_TERM("distance", "à distance", a_distance)};
const std::array evidence_terms{
    BILAN_TERM("emargement", "feuille d'émargement", a_emargement),
    BILAN_TERM("signature-electronique", "signature électronique", a_signature),
    BILAN_TERM("journal-visio", "journal de connexion", a_journal),
    BILAN_TERM("autre", "autre pièce", a_other_evidence),
    BILAN_TERM("email", "confirmation par e-mail", a_email_evidence)};
const std::array fundings{
    BILAN_TERM("cpf", "CPF (Mon Compte Formation)", a_cpf),
    BILAN_TERM("employeur", "employeur (plan de développement des compétences)", a_employeur),
    BILAN_TERM("reclassement", "congé de reclassement", a_reclassement),
    BILAN_TERM("france-travail", "France Travail", a_france_travail),
    BILAN_TERM("personnel", "financement personnel", a_personnel),
    BILAN_TERM("autre", "autre financement", a_autre)};
const std::array skill_type_terms{BILAN_TERM("savoir", "savoirs", a_savoir),
                                  BILAN_TERM("savoir-faire", "savoir-faire", a_savoir_faire),
                                  BILAN_TERM("savoir-etre", "savoir-être", a_savoir_etre)};
const std::array experience_kind_terms{BILAN_TERM("poste", "poste", a_poste),
                                       BILAN_TERM("stage", "stage", a_stage),
                                       BILAN_TERM("formation", "formation", a_formation),
                                       BILAN_TERM("benevolat", "bénévolat", a_benevolat)};
const std::array trait_kind_terms{
    BILAN_TERM("valeur", "valeurs", a_valeur),
    BILAN_TERM("motivation", "motivations", a_motivation),
    BILAN_TERM("interet", "centres d'intérêt", a_interet),
    BILAN_TERM("critere", "critères fondamentaux", a_critere),
    BILAN_TERM("concession", "concessions acceptables", a_concession),
    BILAN_TERM("personnalite", "traits de personnalité", a_personnalite)};
const std::array decision_terms{BILAN_TERM("retained", "retenue", a_retained),
                                BILAN_TERM("backup", "plan B", a_backup),
                                BILAN_TERM("dropped", "abandonnée", a_dropped)};
const std::array horizon_terms{BILAN_TERM("court", "court terme", a_court),
                               BILAN_TERM("moyen", "moyen terme", a_moyen),
                               BILAN_TERM("long", "long terme", a_long)};
constexpr std::array<std::string_view, 4> a_in_hand{"en-main-propre", "main-propre", "in-person",
                                                    "remise"};
constexpr std::array<std::string_view, 3> a_post{"lettre", "poste", "post"};
constexpr std::array<std::string_view, 4> a_email{"e-mail", "courriel", "mail", "mel"};
constexpr std::array<std::string_view, 1> a_other_mode{"other"};
const std::array handover_terms{BILAN_TERM("remise-en-main-propre", "en main propre", a_in_hand),
                                BILAN_TERM("courrier", "par courrier", a_post),
                                BILAN_TERM("email", "par courriel", a_email),
                                BILAN_TERM("autre", "autre mode de remise", a_other_mode)};
constexpr std::array<std::string_view, 3> a_salarie{"salariee", "salarie-prive", "employee"};
constexpr std::array<std::string_view, 2> a_apprenti{"apprentie", "apprentice"};
constexpr std::array<std::string_view, 4> a_demandeur{"demandeuse-emploi", "demandeur-d-emploi",
                                                      "chomeur", "jobseeker"};
constexpr std::array<std::string_view, 3> a_particulier{"particuliere", "individual", "prive"};
constexpr std::array<std::string_view, 3> a_autre_public{"fonctionnaire", "independant", "other"};
// In the order of the cerfa's lines, a to e: bpf_f1_line counts on it.
const std::array public_terms{
    BILAN_TERM("salarie", "salarié·e du secteur privé (hors apprentis)", a_salarie),
    BILAN_TERM("apprenti", "apprenti·e", a_apprenti),
    BILAN_TERM("demandeur-emploi", "demandeur·euse d'emploi", a_demandeur),
    BILAN_TERM("particulier", "particulier à ses propres frais", a_particulier),
    BILAN_TERM("autre", "autre (agent public, travailleur·euse indépendant·e…)", a_autre_public)};
constexpr std::array<std::string_view, 2> a_accord{"agreement", "accord-ecrit"};
constexpr std::array<std::string_view, 2> a_cep{"conseil-en-evolution-professionnelle",
                                                "cep-operator"};
const std::array retention_terms{BILAN_TERM("accord", "accord écrit du bénéficiaire", a_accord),
                                 BILAN_TERM("cep", "transmise à l'opérateur du CEP", a_cep)};
constexpr std::array<std::string_view, 3> a_tenue{"held", "faite", "realisee"};
constexpr std::array<std::string_view, 3> a_prevue{"planned", "planifiee", "a-venir"};
constexpr std::array<std::string_view, 2> a_annulee{"cancelled", "canceled"};
const std::array state_terms{BILAN_TERM("tenue", "tenue", a_tenue),
                             BILAN_TERM("prevue", "prévue", a_prevue),
                             BILAN_TERM("annulee", "annulée", a_annulee)};
constexpr std::array<std::string_view, 3> a_absence{"absent", "absente", "no-show"};
constexpr std::array<std::string_view, 3> a_report{"reportee", "reporte", "postponed"};
constexpr std::array<std::string_view, 2> a_annulation{"annulee", "called-off"};
const std::array reason_terms{BILAN_TERM("absence", "absence du ou de la bénéficiaire", a_absence),
                              BILAN_TERM("report", "reportée à une autre date", a_report),
                              BILAN_TERM("annulation", "annulée", a_annulation)};
#undef BILAN_TERM
} // namespace

std::span<const Term> session_states() {
    return state_terms;
}
std::span<const Term> cancellation_reasons() {
    return reason_terms;
}

std::span<const Term> session_kinds() {
    return kinds;
}
std::span<const Term> session_modes() {
    return modes;
}
std::span<const Term> evidence_kinds() {
    return evidence_terms;
}
std::span<const Term> funding_kinds() {
    return fundings;
}
std::span<const Term> skill_types() {
    return skill_type_terms;
}
std::span<const Term> experience_kinds() {
    return experience_kind_terms;
}
std::span<const Term> trait_kinds() {
    return trait_kind_terms;
}
std::span<const Term> piste_decisions() {
    return decision_terms;
}
std::span<const Term> action_horizons() {
    return horizon_terms;
}
std::span<const Term> handover_modes() {
    return handover_terms;
}
std::span<const Term> beneficiary_publics() {
    return public_terms;
}
std::string_view bpf_f1_line(std::string_view public_key) {
    static constexpr std::array<std::string_view, 5> lines{"a", "b", "c", "d", "e"};
    for (std::size_t i = 0; i < public_terms.size(); ++i)
        if (public_terms[i].key == public_key) return lines[i];
    return {};
}
std::span<const Term> retention_motifs() {
    return retention_terms;
}

bool is_accompaniment(std::string_view kind) {
    return kind == "entretien" || kind == "test" || kind == "atelier";
}

// ---- text hygiene ------------------------------------------------------------------------

std::size_t control_at(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
    };
    const unsigned c = byte(0);
    if (c < 0x20 || c == 0x7f) return i < text.size() ? 1 : 0;
    if (c == 0xc2 && byte(1) >= 0x80 && byte(1) <= 0x9f) return 2; // C1: U+0080 to U+009F
    if (c == 0xe2 && byte(1) == 0x80 && byte(2) >= 0xaa && byte(2) <= 0xae)
        return 3; // U+202A to U+202E: embeddings and overrides
    if (c == 0xe2 && byte(1) == 0x81 && byte(2) >= 0xa6 && byte(2) <= 0xa9)
        return 3; // U+2066 to U+2069: isolates
    return 0;
}

namespace {
// The code point of the control of `length` bytes at text[i] (control_at's answer).
unsigned control_code_point(std::string_view text, std::size_t i, std::size_t length) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (length == 1) return b(0);
    if (length == 2) return ((b(0) & 0x1fu) << 6) | (b(1) & 0x3fu);
    return ((b(0) & 0x0fu) << 12) | ((b(1) & 0x3fu) << 6) | (b(2) & 0x3fu);
}

template <typename Replace> std::string replace_controls(std::string_view text, Replace replace) {
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = control_at(text, i);
        if (length == 0) {
            ++i;
            continue;
        }
        out.append(text, copied, i - copied);
        replace(out, control_code_point(text, i, length));
        i += length;
        copied = i;
    }
    out.append(text, copied);
    return out;
}
} // namespace

namespace {
// \n, \r, \t; \x1b for the other C0 controls and DEL; \u009b, \u202e for the others.
void append_escape(std::string& out, unsigned cp) {
    static constexpr char hex[] = "0123456789abcdef";
    if (cp == '\n') return void(out += "\\n");
    if (cp == '\r') return void(out += "\\r");
    if (cp == '\t') return void(out += "\\t");
    out += cp < 0x80 ? "\\x" : "\\u";
    for (int shift = cp < 0x80 ? 4 : 12; shift >= 0; shift -= 4)
        out += hex[(cp >> shift) & 0xf];
}
} // namespace

std::string escape_controls(std::string_view text) {
    return replace_controls(text, append_escape);
}

std::string visible_line(std::string_view text) {
    return replace_controls(text, [](std::string& out, unsigned cp) {
        if (cp == '\n' || cp == '\r' || cp == '\t')
            out += ' ';
        else
            append_escape(out, cp);
    });
}

std::string controls_as_spaces(std::string_view text) {
    return replace_controls(text, [](std::string& out, unsigned cp) {
        out += cp == '\n' || cp == '\r' || cp == '\t' ? static_cast<char>(cp) : ' ';
    });
}

void require_typed_text(std::string_view text, std::string_view what) {
    require_clean_text(text, what);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (control_at(text, i) > 1)
            throw UsageError(std::string(what) +
                             " : caractère de contrôle non accepté (U+0080 à U+009F, ou "
                             "changement de sens d'écriture U+202A à U+202E, U+2066 à U+2069)");
}

std::optional<std::pair<char32_t, std::size_t>> decode_utf8(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const auto c = static_cast<unsigned char>(text[0]);
    if (c < 0x80) return std::pair<char32_t, std::size_t>{c, 1};
    // 0xf5 to 0xff lead no sequence: they must not pass for the lead of three bytes.
    const std::size_t length = c >= 0xf0 && c <= 0xf4  ? 4
                               : c >= 0xe0 && c < 0xf0 ? 3
                               : c >= 0xc2 && c < 0xe0 ? 2
                                                       : 0;
    if (length == 0 || length > text.size()) return std::nullopt;
    char32_t cp = c & (0x7fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto cc = static_cast<unsigned char>(text[k]);
        if ((cc & 0xc0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (cc & 0x3f);
    }
    const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return std::nullopt;
    return std::pair<char32_t, std::size_t>{cp, length};
}

void require_clean_text(std::string_view text, std::string_view what) {
    auto reject = [&](const char* why) { throw UsageError(std::string(what) + " : " + why); };
    for (std::size_t i = 0; i < text.size();) {
        const auto decoded = decode_utf8(text.substr(i));
        if (!decoded) reject("texte qui n'est pas de l'UTF-8 valide");
        const char32_t cp = decoded->first;
        if ((cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r') || cp == 0x7f)
            reject("caractère de contrôle non accepté");
        i += decoded->second;
    }
}

} // namespace bilan
