// The consents' sections and ids, and what `check` finds missing from the synthesis.
#include "bilan/letters.hpp"
#include "bilan/markdown.hpp"
#include "bilan/synthesis.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace bilan {

// ---- sections and consents ---------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 3> a_circonstances{"circumstances", "circonstances-du-bilan",
                                                          "contexte"};
constexpr std::array<std::string_view, 4> a_situation{"situation-personnelle", "personal-situation",
                                                      "situation-au-demarrage", "situations"};
constexpr std::array<std::string_view, 4> a_competences{"skills", "competences-et-aptitudes",
                                                        "aptitudes", "competence"};
constexpr std::array<std::string_view, 4> a_parcours{"experiences", "experience", "career",
                                                     "parcours-professionnel"};
constexpr std::array<std::string_view, 5> a_valeurs{"values", "valeur", "motivations",
                                                    "personnalite", "traits"};
constexpr std::array<std::string_view, 3> a_tests{"test", "tests-et-resultats", "resultats"};
constexpr std::array<std::string_view, 3> a_pistes{"options", "piste", "pistes-explorees"};
constexpr std::array<std::string_view, 2> a_projet{"project", "projet-professionnel"};
constexpr std::array<std::string_view, 4> a_plan{"actions", "plan-d'action", "plan-d-action",
                                                 "action-plan"};
constexpr std::array<std::string_view, 5> a_calendrier{"calendar", "sessions", "seances",
                                                       "deroulement", "calendrier-des-seances"};

// The order of the sections in the man page (render --for), which is also the order a consent's
// sections are listed in. Before
// these parts were split, `circonstances` also gave the situation and the sessions (notes
// included) and `competences` the parcours, values and tests: a consent recorded then keeps
// its words and now gives only what they name today, which is less, never more.
const std::array section_terms{
    Term{"circonstances", "circonstances du bilan", a_circonstances},
    Term{"situation", "situation personnelle et professionnelle", a_situation},
    Term{"competences", "compétences", a_competences},
    Term{"parcours", "parcours", a_parcours},
    Term{"valeurs", "valeurs, motivations et personnalité", a_valeurs},
    Term{"tests", "tests et résultats", a_tests},
    Term{"pistes", "pistes explorées", a_pistes},
    Term{"projet", "projet professionnel", a_projet},
    Term{"plan", "plan d'action", a_plan},
    Term{"calendrier", "calendrier des séances", a_calendrier},
};

// `tout` names every section: stored as the list it stands for on the day, so that a part
// added to the document later is never shared under an agreement that could not name it.
bool names_everything(std::string_view name) {
    const std::string folded = fold_term(name);
    return folded == "tout" || folded == "toutes" || folded == "all" || folded == "everything";
}

std::size_t section_rank(std::string_view key) {
    for (std::size_t i = 0; i < section_terms.size(); ++i)
        if (section_terms[i].key == key) return i;
    return section_terms.size();
}

void add_section(std::vector<std::string>& keys, std::string_view key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
    std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
        return section_rank(a) < section_rank(b);
    });
}

// Adds the section(s) `name` stands for; UsageError naming what is accepted otherwise.
void add_named(std::vector<std::string>& keys, std::string_view name) {
    if (names_everything(name)) {
        for (const Term& term : section_terms)
            add_section(keys, term.key);
        return;
    }
    try {
        add_section(keys, resolve_term(section_terms, name, "nom de section"));
    } catch (const UsageError& e) {
        throw UsageError(std::string(e.what()) + " ou tout");
    }
}

} // namespace

std::span<const Term> synthesis_sections() {
    return section_terms;
}

std::vector<std::string> default_shared_sections() {
    return {"projet", "plan"};
}

std::vector<std::string> parse_sections(std::string_view list) {
    std::vector<std::string> keys;
    while (true) {
        const std::size_t comma = list.find(',');
        const std::string_view item = list.substr(0, comma);
        if (!md::blank(item)) add_named(keys, item);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    if (keys.empty())
        throw UsageError("--sections : aucune section (attendu circonstances, situation, "
                         "competences, parcours, valeurs, tests, pistes, projet, plan, calendrier "
                         "ou tout, séparées par des virgules)");
    return keys;
}

namespace {

// Punctuation, spaces and symbols beyond ASCII (guillemets, dashes, no-break spaces, CJK and
// full-width punctuation, arrows, emoji…): they separate words like a space. Every other
// character is a letter of some script, kept.
bool separates(char32_t cp) {
    return (cp >= 0x80 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
           (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
           (cp >= 0xfe10 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff0f) ||
           (cp >= 0xff1a && cp <= 0xff20) || (cp >= 0xff3b && cp <= 0xff40) ||
           (cp >= 0xff5b && cp <= 0xff65) || cp >= 0x1f000;
}

// The words of a folded name joined by single `separator`s. Letters and digits of any script
// are kept; spaces, dashes, punctuation beyond ASCII, bytes that are not UTF-8, and a dot
// after a word ("France.Travail") separate words; the dot after an initial ("S.A.R.L.") and
// other ASCII punctuation are dropped, unless `keep_symbols` keeps the symbols (apostrophes
// and dots are always dropped: "O'Neil S.A." is "ONeil SA").
std::string joined_words(std::string_view text, char separator, bool keep_symbols) {
    std::string out;
    std::size_t letters_before = 0; // the letters just before, of the word being read
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, length] =
            decode_utf8(text.substr(i)).value_or(std::pair<char32_t, std::size_t>{U'-', 1});
        const bool letter =
            (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 0x80 && !separates(cp));
        const bool separates_words = cp == '-' || cp == '\t' || (cp >= 0x80 && separates(cp)) ||
                                     (cp == '.' && letters_before > 1);
        if (letter || (keep_symbols && !separates_words && cp != '.' && cp != '\''))
            out += text.substr(i, length); // a letter of another script: kept, never dropped
        else if (separates_words && !out.empty() && out.back() != separator)
            out += separator;
        letters_before = letter ? letters_before + 1 : 0;
        i += length;
    }
    while (!out.empty() && out.back() == separator)
        out.pop_back();
    return out;
}

// A file name made of `text`; the file names of consents before letters were folded
// (fold_letters) were this of the recipient.
std::string file_name_of(std::string_view text) {
    return joined_words(fold_term(text), '-', false);
}

} // namespace

std::string consent_id(std::string_view recipient) {
    return file_name_of(fold_letters(recipient));
}

bool is_consent_name(std::string_view name) {
    // Every name consent_id gives is one, and so is every name an earlier version gave.
    return !name.empty() && file_name_of(name) == name;
}

std::string recipient_key(std::string_view recipient) {
    // The file name keeps letters and digits only: "C++ Conseil" and "C Conseil" share one.
    // The key keeps the symbols that tell them apart.
    return joined_words(fold_term(fold_letters(recipient)), ' ', true);
}

std::vector<const Consent*> consents_for(const std::vector<Consent>& consents,
                                         std::string_view recipient) {
    const std::string key = recipient_key(recipient);
    std::vector<const Consent*> found;
    if (consent_id(recipient).empty()) return found;
    // A consent is also found by its file's own name typed as it is ("ft" for a file named by
    // hand), never by a name folded to it: "C Conseil" is not the c-conseil.toml of "C++ Conseil".
    for (const Consent& c : consents)
        if (recipient_key(c.recipient) == key || c.id == recipient) found.push_back(&c);
    return found;
}

std::vector<std::string> shared_sections(const Consent& consent) {
    if (consent.sections.empty()) return default_shared_sections();
    std::vector<std::string> keys;
    for (const std::string& name : consent.sections) {
        try {
            add_named(keys, name);
        } catch (const UsageError& e) {
            throw DataError(consent.origin,
                            "consentement pour « " + consent.recipient + " » : " + e.what());
        }
    }
    return keys;
}

// ---- a consent over time -----------------------------------------------------------------

namespace {

constexpr std::string_view granted_prefix = "accordé le ";
constexpr std::string_view revoked_mark = "), retiré";
constexpr std::string_view replaced_mark = "), remplacé";
constexpr std::string_view on_mark = " le ";

// The day a period ended, as far as the file says: its revocation or replacement, else its
// grant.
Date period_end(const ConsentPeriod& period) {
    return period.replaced_on.value_or(period.revoked_on.value_or(period.date));
}

} // namespace

ConsentPeriod parse_consent_period(std::string_view text) {
    const std::string shown = "historique « " + std::string(text) + " » : ";
    const auto malformed = [&] {
        return UsageError(shown + "attendu « " + std::string(granted_prefix) +
                          "AAAA-MM-JJ (sections), retiré le AAAA-MM-JJ »");
    };
    const std::size_t open = text.find(" (");
    std::size_t close = text.rfind(revoked_mark);
    const std::size_t replaced = text.rfind(replaced_mark);
    const bool was_replaced =
        replaced != std::string_view::npos && (close == std::string_view::npos || replaced > close);
    if (was_replaced) close = replaced;
    if (!text.starts_with(granted_prefix) || open == std::string_view::npos ||
        close == std::string_view::npos || close < open)
        throw malformed();
    std::string_view after =
        text.substr(close + (was_replaced ? replaced_mark : revoked_mark).size());
    if (!after.empty() && !after.starts_with(on_mark)) throw malformed();
    if (was_replaced && after.empty()) throw malformed(); // a replacement always has its date
    ConsentPeriod period;
    try {
        // Dates written by bilan are ISO; the other spellings parse too, and "today" never
        // does, since no clock is given.
        const std::string_view granted =
            text.substr(granted_prefix.size(), open - granted_prefix.size());
        if (granted.find_first_not_of("0123456789-/") != std::string_view::npos) throw malformed();
        period.date = parse_date(granted, Date{});
        const std::string_view sections = text.substr(open + 2, close - open - 2);
        if (md::blank(sections)) throw malformed();
        period.sections = parse_sections(sections);
        if (!after.empty()) {
            after.remove_prefix(on_mark.size());
            if (after.find_first_not_of("0123456789-/") != std::string_view::npos)
                throw malformed();
            (was_replaced ? period.replaced_on : period.revoked_on) = parse_date(after, Date{});
        }
    } catch (const UsageError& e) {
        if (std::string_view(e.what()).starts_with("historique")) throw;
        throw UsageError(shown + e.what());
    }
    if (period.revoked_on && *period.revoked_on < period.date)
        throw UsageError(shown + "le retrait (" + period.revoked_on->iso() +
                         ") précède l'accord (" + period.date.iso() + ")");
    if (period.replaced_on && *period.replaced_on < period.date)
        throw UsageError(shown + "le remplacement (" + period.replaced_on->iso() +
                         ") précède l'accord (" + period.date.iso() + ")");
    return period;
}

namespace {

// How an earlier agreement ended, for a refusal: a grant that a newer one replaced was never
// withdrawn, and saying "retiré" would misstate the evidence.
std::string how_it_ended(const ConsentPeriod& ended) {
    if (ended.replaced_on) return "remplacé le " + ended.replaced_on->iso();
    if (ended.revoked_on) return "retiré le " + ended.revoked_on->iso();
    return "accordé le " + ended.date.iso() + " puis retiré";
}

} // namespace

Consent grant_again(const Consent& current, const Date& date, std::vector<std::string> sections) {
    Consent next = current;
    std::optional<ConsentPeriod> ended;
    if (current.revoked)
        ended = ConsentPeriod{current.date, shared_sections(current), current.revoked_on,
                              std::nullopt, current.ref};
    else if (!current.history.empty())
        ended = current.history.back();
    // A new agreement cannot predate the withdrawal it follows: the evidence would contradict
    // itself.
    if (ended && date < period_end(*ended))
        throw RefusedError("accord du " + date.iso() + " refusé : le consentement pour « " +
                           current.recipient + " » a été " + how_it_ended(*ended) +
                           ", après cette date");
    if (current.revoked) {
        next.history.push_back(*ended);
        next.revoked = false;
        next.revoked_on.reset();
    } else if (date != current.date || sections != shared_sections(current)) {
        // The grant in force is evidence too: a new one replaces it, never erases it.
        if (date < current.date)
            throw RefusedError("accord du " + date.iso() + " refusé : le consentement pour « " +
                               current.recipient + " » en vigueur date du " + current.date.iso() +
                               ", après cette date");
        next.history.push_back(
            ConsentPeriod{current.date, shared_sections(current), std::nullopt, date, current.ref});
    }
    next.date = date;
    next.sections = std::move(sections);
    return next;
}

Consent revoke_consent(const Consent& current, const std::optional<Date>& on) {
    if (current.revoked) return current;
    if (on && *on < current.date)
        throw RefusedError("retrait du " + on->iso() + " refusé : le consentement pour « " +
                           current.recipient + " » n'a été accordé que le " + current.date.iso());
    Consent next = current;
    next.revoked = true;
    next.revoked_on = on;
    return next;
}

std::vector<Problem> consent_proof_warnings(const std::vector<Consent>& consents) {
    std::vector<Problem> warnings;
    for (const Consent& c : consents)
        if (!c.revoked && c.ref.empty())
            warnings.push_back(
                {.code = "consent.without-ref",
                 .severity = Severity::warning,
                 .where = c.origin.file.empty() ? std::nullopt : std::optional<SourcePos>(c.origin),
                 .values = {{"recipient", c.recipient}, {"date", c.date.iso()}},
                 .remedy = Remedy{"consent.grant",
                                  {{"recipient", c.recipient}, {"date", c.date.iso()}}}});
    return warnings;
}

void sort_consents(std::vector<Consent>& consents) {
    // Folded so that "autre" and "Établissement" sit among their letters, not after the
    // capitals; the id (the file's name, unique) breaks ties, so the order never depends on
    // the order the folder lists its files in.
    std::vector<std::pair<std::string, Consent>> keyed;
    keyed.reserve(consents.size());
    for (Consent& c : consents)
        keyed.emplace_back(fold_term(c.recipient), std::move(c));
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second.id) < std::tie(b.first, b.second.id);
    });
    for (std::size_t i = 0; i < keyed.size(); ++i)
        consents[i] = std::move(keyed[i].second);
}

// ---- completeness ------------------------------------------------------------------------

namespace {
// The file at fault, when the record was read from one (project.toml may not exist yet).
std::optional<SourcePos> located(const SourcePos& origin) {
    return origin.file.empty() ? std::nullopt : std::optional<SourcePos>(origin);
}
} // namespace

std::vector<Problem> synthesis_problems(const Framework&, const Folder& folder) {
    std::vector<Problem> problems;
    if (md::blank(folder.bilan.demand) && !folder.bilan.unreadable)
        problems.push_back({.code = "synthesis.no-demand",
                            .where = located(folder.bilan.origin),
                            .remedy = Remedy{"bilan.set", {{"demand", {}}}}});
    for (const std::string_view type : {"savoir", "savoir-faire", "savoir-etre"})
        if (std::none_of(folder.skills.begin(), folder.skills.end(),
                         [type](const Skill& k) { return k.type == type; }))
            problems.push_back(
                {.code = "synthesis.no-skill",
                 .values = {{"type", std::string(type)}},
                 .remedy = Remedy{"skill.add", {{"text", {}}, {"type", std::string(type)}}}});
    if (std::none_of(folder.pistes.begin(), folder.pistes.end(),
                     [](const Piste& p) { return p.decision == "retained"; }))
        problems.push_back(
            {.code = "synthesis.no-retained-piste",
             .remedy = Remedy{"piste.decide", {{"piste", {}}, {"decision", "retained"}}}});
    if (md::blank(folder.project.title))
        problems.push_back({.code = "synthesis.no-project-title",
                            .where = located(folder.project.origin),
                            .remedy = Remedy{"project.set", {{"title", {}}}}});
    if (folder.actions.empty())
        problems.push_back({.code = "synthesis.no-action",
                            .remedy = Remedy{"action.add", {{"text", {}}, {"horizon", "court"}}}});
    for (const Consent& consent : folder.consents)
        for (const std::string& name : consent.sections) {
            try {
                std::vector<std::string> keys;
                add_named(keys, name);
            } catch (const UsageError& e) {
                problems.push_back(
                    {.code = "consent.bad-section",
                     .where = consent.origin,
                     .record = consent.id,
                     .values = {{"recipient", consent.recipient}, {"detail", e.what()}}});
            }
        }
    return problems;
}

} // namespace bilan
