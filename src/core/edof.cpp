#include "bilan/edof.hpp"

#include "bilan/edof_rules.hpp"
#include "bilan/json.hpp"
#include "bilan/proof_documents.hpp"
#include "bilan/rules.hpp"
#include "bilan/views.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace bilan {
namespace {

constexpr std::array<std::string_view, 2> a_total{"complet", "full"};
constexpr std::array<std::string_view, 2> a_partiel{"partial", "incomplet"};
const std::array service_fait_terms{
    Term{"total", "total", a_total},
    Term{"partiel", "partiel", a_partiel},
};

constexpr std::array<std::string_view, 2> a_abandon{"abandon-du-stagiaire", "dropout"};
constexpr std::array<std::string_view, 2> a_absence{"absences", "absent"};
constexpr std::array<std::string_view, 2> a_interruption{"interruption-par-l-organisme",
                                                         "interrupted"};
constexpr std::array<std::string_view, 2> a_force_majeure{"cas-de-force-majeure", "force-majeur"};
const std::array reason_terms{
    Term{"abandon", "abandon du bénéficiaire", a_abandon},
    Term{"absence", "absence du bénéficiaire", a_absence},
    Term{"interruption", "interruption par l'organisme", a_interruption},
    Term{"force-majeure", "force majeure", a_force_majeure},
};

// The EDOF deadlines: Mon Compte Formation's CGU for providers, which change, and which nobody here
// has read in their current version: each stays "à vérifier" until someone has. A change of the
// CGU is an edit of this table, nothing else.
constexpr std::string_view mcf_cgu = "CGU Mon Compte Formation (Caisse des Dépôts)";
constexpr std::array deadline_rules{
    EdofDeadlineRule{"edof-entree", "déclaration d'entrée", EdofClock::first_counted_session, 3,
                     mcf_cgu, true},
    EdofDeadlineRule{"edof-sortie", "déclaration de sortie", EdofClock::last_counted_session, 3,
                     mcf_cgu, true},
};

std::string_view clock_text(EdofClock clock, bool abandonment) {
    if (abandonment) return "l'abandon";
    return clock == EdofClock::first_counted_session ? "la première séance comptée"
                                                     : "la dernière séance comptée";
}

} // namespace

std::optional<Date> edof_declared(const EdofFile& edof, const EdofDeadlineRule& rule) {
    return rule.clock == EdofClock::first_counted_session ? edof.entry_declared
                                                          : edof.exit_declared;
}

std::span<const Term> service_fait_kinds() {
    return service_fait_terms;
}

std::span<const Term> edof_reasons() {
    return reason_terms;
}

std::span<const EdofDeadlineRule> edof_deadline_rules() {
    return deadline_rules;
}

const EdofDeadlineRule& edof_rule(std::string_view what) {
    for (const EdofDeadlineRule& rule : deadline_rules)
        if (rule.what == what) return rule;
    throw std::logic_error("règle EDOF inconnue : " + std::string(what));
}

std::string edof_rule_citation(const EdofDeadlineRule& rule, const std::optional<Date>& start,
                               bool after_abandonment) {
    return std::to_string(rule.business_days) + " jours ouvrés après " +
           std::string(clock_text(rule.clock, after_abandonment)) +
           (start ? ", le " + start->iso() : "") + " ; " + std::string(rule.source) +
           (rule.to_verify ? ", à vérifier" : "");
}

// ---- over a folder -----------------------------------------------------------------------

bool edof_applies(const Framework& framework, const BilanRecord& bilan) {
    // A framework that names its own fundings (`be`) is not French: no CPF there.
    if (!framework.fundings.empty() || bilan.funding.empty()) return false;
    try {
        return framework.resolve_funding(bilan.funding) == edof_funding;
    } catch (const UsageError&) { // a funding the framework lacks: check says so elsewhere
        return false;
    }
}

std::optional<EdofDue> edof_due(const Framework& framework, const Folder& folder,
                                std::string_view what) {
    if (!edof_applies(framework, folder.bilan)) return std::nullopt;
    const EdofDeadlineRule& rule = edof_rule(what);
    const std::vector<const Session*> counted = counted_sessions(framework, folder);
    if (counted.empty()) return std::nullopt;
    const Session* clock = counted.front();
    if (rule.clock == EdofClock::last_counted_session && abandoned_bilan(folder.bilan)) {
        const Date& abandoned = *folder.bilan.abandoned;
        return EdofDue{&rule, abandoned,
                       add_business_days(abandoned, rule.business_days, folder.holidays), true};
    }
    if (rule.clock == EdofClock::last_counted_session) {
        // Until the bilan has ended, the last session so far is not the last one.
        if (!folder.bilan.end && !folder.edof.exit_declared) return std::nullopt;
        clock = counted.back();
    }
    return EdofDue{&rule, clock->date,
                   add_business_days(clock->date, rule.business_days, folder.holidays)};
}

std::optional<EdofDue> next_edof_deadline(const Framework& framework, const Folder& folder) {
    for (const EdofDeadlineRule& rule : deadline_rules) {
        if (edof_declared(folder.edof, rule)) continue;
        if (auto due = edof_due(framework, folder, rule.what)) return due;
        return std::nullopt; // the exit waits for the entry's clock
    }
    return std::nullopt;
}

namespace {
// The values a message on a deadline needs: the rule by its key ("edof-entree": its label and
// citation are the renderer's), its day, its clock (the abandonment's, said so), the day declared.
Values due_values(const EdofDeadlineRule& rule, const EdofDue& due,
                  const std::optional<Date>& declared = std::nullopt) {
    Values values{{"rule", std::string(rule.what)},
                  {"due", due.date.iso()},
                  {"clock_start", due.clock_start.iso()}};
    if (due.from_abandonment) values.push_back({"clock", "abandon"});
    if (declared) values.push_back({"declared", declared->iso()});
    return values;
}
} // namespace

std::vector<Problem> edof_problems(const Framework& framework, const Folder& folder) {
    std::vector<Problem> problems;
    const EdofFile& e = folder.edof;
    if (!edof_applies(framework, folder.bilan) || e.empty()) return problems;
    for (const EdofDeadlineRule& rule : deadline_rules) {
        const std::optional<Date> on = edof_declared(e, rule);
        const std::optional<EdofDue> due = edof_due(framework, folder, rule.what);
        if (!on || !due) continue;
        const SourcePos& where =
            rule.clock == EdofClock::first_counted_session ? e.entry_pos : e.exit_pos;
        const Values values = due_values(rule, *due, on);
        if (*on < due->clock_start)
            problems.push_back({.code = rule.clock == EdofClock::first_counted_session
                                            ? "edof.entry-before-start"
                                        : due->from_abandonment ? "edof.exit-before-abandonment"
                                                                : "edof.exit-before-end",
                                .where = where,
                                .values = values});
    }
    const SourcePos& where = e.service_fait_pos.file.empty() ? e.origin : e.service_fait_pos;
    if (e.service_fait == "partiel") {
        if (e.reason.empty())
            problems.push_back({.code = "edof.partial-without-reason", .where = where});
        if (!e.minutes_not_done)
            problems.push_back({.code = "edof.partial-without-minutes", .where = where});
    } else if (!e.reason.empty() || e.minutes_not_done) {
        problems.push_back({.code = "edof.reason-without-partial", .where = e.origin});
    }
    return problems;
}

// A declaration made late is history (Wave 3): a warning that stays, never a problem that
// would fail `check` for good.
std::vector<Problem> edof_late_warnings(const Framework& framework, const Folder& folder) {
    std::vector<Problem> warnings;
    const EdofFile& e = folder.edof;
    for (const EdofDeadlineRule& rule : deadline_rules) {
        const std::optional<Date> on = edof_declared(e, rule);
        const std::optional<EdofDue> due = edof_due(framework, folder, rule.what);
        if (!on || !due || *on <= due->date) continue;
        warnings.push_back(
            {.code = "edof.declared-late",
             .severity = Severity::warning,
             .where = rule.clock == EdofClock::first_counted_session ? e.entry_pos : e.exit_pos,
             .values = due_values(rule, *due, on),
             .source = std::string(rule.source)});
    }
    return warnings;
}

std::vector<Problem> edof_undeclared_problems(const Framework& framework, const Folder& folder,
                                              const Date& today) {
    std::vector<Problem> problems;
    if (!edof_applies(framework, folder.bilan)) return problems;
    for (const EdofDeadlineRule& rule : deadline_rules) {
        if (edof_declared(folder.edof, rule)) continue;
        const std::optional<EdofDue> due = edof_due(framework, folder, rule.what);
        if (!due || !(due->date < today)) continue;
        problems.push_back(
            {.code = "edof.undeclared",
             .values = due_values(rule, *due),
             .source = std::string(rule.source),
             .remedy = Remedy{"edof.set",
                              {{rule.clock == EdofClock::first_counted_session ? "entry-declared"
                                                                               : "exit-declared",
                                {}}}}});
    }
    return problems;
}

std::vector<Problem> edof_warnings(const Framework& framework, const Folder& folder) {
    if (edof_applies(framework, folder.bilan)) return edof_late_warnings(framework, folder);
    if (folder.edof.empty()) return {};
    if (!framework.fundings.empty())
        return {{.code = "edof.framework-without-cpf",
                 .severity = Severity::warning,
                 .values = {{"framework", framework.name}}}};
    return {{.code = "edof.not-cpf-funded",
             .severity = Severity::warning,
             .values = {{"funding", folder.bilan.funding}}}};
}

// ---- edof show ---------------------------------------------------------------------------

namespace {

std::string date_or_dash(const std::optional<Date>& date) {
    return date ? date->iso() : "—";
}

std::string service_fait_text(const EdofFile& e) {
    if (e.service_fait.empty()) return "—";
    std::string text = e.service_fait;
    std::string details;
    if (e.minutes_not_done) details = format_minutes(*e.minutes_not_done) + " non réalisées";
    if (!e.reason.empty()) {
        const Term* reason = find_term(edof_reasons(), e.reason);
        details += (details.empty() ? "" : ", ") +
                   (reason ? std::string(reason->label) : visible_line(e.reason));
    }
    return details.empty() ? text : text + " (" + details + ")";
}

// "2026-05-15 (au plus tard le 2026-05-19)", or the deadline alone while not declared.
std::string declaration_text(const std::optional<Date>& on, const std::optional<EdofDue>& due) {
    std::string text = date_or_dash(on);
    if (due) text += " (au plus tard le " + due->date.iso() + ")";
    return text;
}

} // namespace

std::string edof_text(const Framework& framework, const Folder& folder) {
    const EdofFile& e = folder.edof;
    const auto entry = edof_due(framework, folder, "edof-entree");
    const auto exit = edof_due(framework, folder, "edof-sortie");
    std::vector<std::vector<std::string>> rows{
        {"Dossier", e.dossier.empty() ? "—" : visible_line(e.dossier)},
        {"Demande", date_or_dash(e.requested)},
        {"Réponse", date_or_dash(e.answered)},
        {"Validation", date_or_dash(e.validated)},
        {"Entrée déclarée", declaration_text(e.entry_declared, entry)},
        {"Sortie déclarée", declaration_text(e.exit_declared, exit)},
        {"Service fait", service_fait_text(e)},
        {"Facture", date_or_dash(e.invoiced)},
        {"Paiement", date_or_dash(e.paid)},
    };
    std::string out = aligned_rows(rows);
    if (!edof_applies(framework, folder.bilan)) {
        out += "\nLe bilan n'est pas financé par le CPF : pas d'échéance EDOF.\n";
        return out;
    }
    out += "\nÉchéances (jours fériés : " + std::string(holiday_calendar_label(folder.holidays)) +
           ") :\n";
    for (const EdofDeadlineRule& rule : deadline_rules)
        out += "  " + std::string(rule.label) + " : " + edof_rule_citation(rule) + "\n";
    return out;
}

std::string edof_json(const Framework& framework, const Folder& folder) {
    const EdofFile& e = folder.edof;
    const auto due_date = [&](std::string_view what) -> std::optional<Date> {
        if (auto due = edof_due(framework, folder, what)) return due->date;
        return std::nullopt;
    };
    JsonWriter json;
    json.begin_object()
        .field("schema", 1)
        .text_or_null("dossier", e.dossier)
        .field("requested", e.requested)
        .field("answered", e.answered)
        .field("validated", e.validated)
        .field("entry_declared", e.entry_declared)
        .field("exit_declared", e.exit_declared)
        .text_or_null("service_fait", e.service_fait)
        .field("minutes_not_done", e.minutes_not_done)
        .text_or_null("reason", e.reason)
        .field("invoiced", e.invoiced)
        .field("paid", e.paid)
        .field("entry_due", due_date("edof-entree"))
        .field("exit_due", due_date("edof-sortie"))
        .field("cpf", edof_applies(framework, folder.bilan))
        .field("holidays", holiday_calendar_key(folder.holidays))
        .end_object();
    return json.str();
}

} // namespace bilan
