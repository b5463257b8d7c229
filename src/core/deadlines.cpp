#include "bilan/deadlines.hpp"

#include "bilan/edof_rules.hpp"
#include "bilan/evaluations.hpp"
#include "bilan/funding.hpp"
#include "bilan/json.hpp"
#include "bilan/practice_report.hpp"
#include "bilan/proof_documents.hpp"
#include "bilan/rules.hpp"
#include "bilan/views.hpp"

#include <algorithm>
#include <array>

namespace bilan {
namespace {

constexpr std::array<std::string_view, 0> no_aliases{};
#define BILAN_DEADLINE(key, label)                                                                 \
    Term {                                                                                         \
        key, label, std::span<const std::string_view>(no_aliases)                                  \
    }
const std::array kinds{
    BILAN_DEADLINE("edof-entree", "déclaration d'entrée EDOF"),
    BILAN_DEADLINE("edof-sortie", "déclaration de sortie EDOF"),
    BILAN_DEADLINE("convention", "signature de la convention"),
    BILAN_DEADLINE("evaluation-chaud", "évaluation à chaud"),
    BILAN_DEADLINE("suivi", "entretien de suivi"),
    BILAN_DEADLINE("evaluation-froid", "évaluation à froid"),
    BILAN_DEADLINE("destruction", "destruction des documents de travail"),
    BILAN_DEADLINE("action", "action"),
    BILAN_DEADLINE("rappel", "rappel de la séance du lendemain"),
    // The practice's own (registers.cpp), not a bilan's: an improvement action's échéance.
    BILAN_DEADLINE("amelioration", "action d'amélioration"),
};
#undef BILAN_DEADLINE

std::size_t kind_rank(std::string_view what) {
    for (std::size_t i = 0; i < kinds.size(); ++i)
        if (kinds[i].key == what) return i;
    return kinds.size();
}

void add_edof(const Framework& framework, const Folder& folder, std::vector<Deadline>& out) {
    for (const EdofDeadlineRule& rule : edof_deadline_rules()) {
        if (edof_declared(folder.edof, rule)) continue;
        if (const auto due = edof_due(framework, folder, rule.what))
            out.push_back({std::string(rule.what), due->date,
                           edof_rule_citation(rule, due->clock_start, due->from_abandonment)});
    }
}

// R6313-8: nothing signed, the start; sent, the employee's last day; else no counted session
// may come before the last signature.
void add_convention(const Framework& framework, const Folder& folder, std::vector<Deadline>& out) {
    const BilanRecord& bilan = folder.bilan;
    const Convention& c = folder.convention;
    if (!convention_required(framework, bilan) || (c.exists && c.fully_signed())) return;
    std::optional<Date> due;
    std::string detail;
    std::optional<Remedy> remedy;
    if (!c.exists) {
        due = bilan.start;
        detail = "aucune convention enregistrée";
        remedy = Remedy{"convention.set", {}};
    } else if (c.sent && !c.signed_employee) {
        due = c.acceptance_deadline();
        detail = "envoyée le " + c.sent->iso() + ", le ou la salarié(e) n'a pas signé";
        // A last day not worked: R6313-8 says nothing; CPC art. 642 would move it (to verify).
        if (const auto moved = moved_acceptance_deadline(c, folder.holidays))
            detail += " ; limite un jour non ouvré, reportée au " + moved->iso() +
                      " par analogie (Code de procédure civile, art. 642 ; R6313-8 n'en dit "
                      "rien, à vérifier)";
    } else {
        const auto counted = counted_sessions(framework, folder);
        due = counted.empty() ? bilan.start : std::optional<Date>(counted.front()->date);
        detail = "signatures à recueillir avant la première séance";
    }
    if (due && deadline_stands(bilan, *due)) out.push_back({"convention", *due, detail, remedy});
}

void add_after_end(const Framework& framework, const Folder& folder, std::vector<Deadline>& out) {
    const BilanRecord& bilan = folder.bilan;
    if (!bilan.end) return;
    if (!first_evaluation(folder.evaluations, "chaud") && deadline_stands(bilan, *bilan.end))
        out.push_back(
            {"evaluation-chaud", *bilan.end,
             std::string(evaluation_source(framework, "Qualiopi, indicateurs 11 et 30"))});
    if (const auto due = followup_due(framework, bilan);
        due && !followup_session(framework, folder.sessions))
        out.push_back({"suivi", *due, std::string(followup_source(framework))});
    if (const auto due = evaluation_froid_due(framework, bilan);
        due && !first_evaluation(folder.evaluations, "froid"))
        out.push_back({"evaluation-froid", *due,
                       std::string(evaluation_source(framework, "Qualiopi, indicateur 30"))});
}

// R6313-7: the working documents go at the end, or when the agreement that keeps them ends;
// after a purge, the kept synthesis has its own limit.
void add_destruction(const Framework& framework, const Folder& folder,
                     const std::optional<Destruction>& destruction, std::vector<Deadline>& out) {
    const BilanRecord& bilan = folder.bilan;
    const std::optional<Date> ended = destruction_end(bilan); // an abandonment ends it too
    const bool interrupted = destruction && !destruction->done;
    if (interrupted && ended)
        out.push_back({"destruction", *ended, "purge interrompue", Remedy{"purge", {}}});
    // The synthesis a purge kept goes at its basis' end; kept by an earlier purge without a
    // basis (before bilan followed R6313-7 to the letter), it was due that day.
    if (destruction && std::find(destruction->kept.begin(), destruction->kept.end(), "synthese") !=
                           destruction->kept.end())
        out.push_back({"destruction",
                       bilan.synthesis_agreed
                           ? kept_until(bilan.synthesis_until, retention_limit(framework, bilan))
                                 .value_or(destruction->date)
                           : destruction->date,
                       "synthèse conservée (synthese.md)", Remedy{"purge", {}}});
    // Working documents still there (before a purge, or kept by an agreement through it).
    if (interrupted || !ended || !holds_content(folder)) return;
    std::optional<Date> due = ended;
    std::string detail;
    if (bilan.retention_agreed && bilan.retention_scope == "documents") {
        const std::optional<Date> limit = retention_limit(framework, bilan);
        due = bilan.retention_until && limit ? std::min(*bilan.retention_until, *limit)
              : bilan.retention_until        ? bilan.retention_until
                                             : limit;
        detail = "fin de l'accord de conservation";
    }
    if (due) out.push_back({"destruction", *due, detail, Remedy{"purge", {}}});
}

// The action plan is content (R6313-7): after the end, only a written agreement to keep the
// documents keeps it, and with it its deadlines.
void add_actions(const Folder& folder, std::vector<Deadline>& out) {
    const std::optional<Date> ended = destruction_end(folder.bilan);
    for (const Action& action : folder.actions)
        if (action.due && !action.done && deadline_stands(folder.bilan, *action.due) &&
            (!ended || *action.due <= *ended || documents_kept_on(folder.bilan, *action.due)))
            out.push_back({"action", *action.due, visible_line(action.text), {}, action.id});
}

// A planned session is announced: unless its reminder was drafted, or its convocation on the
// eve or later, the reminder falls due on the eve (`message` records both drafts). Practice,
// not law: no article to cite.
void add_reminders(const Folder& folder, std::vector<Deadline>& out) {
    for (const Session& s : folder.unheld_sessions) {
        if (s.state != "prevue" || s.reminder_drafted) continue;
        const Date eve = Date::from_days(s.date.days_since_epoch() - 1);
        if (!deadline_stands(folder.bilan, s.date)) continue; // abandoned before: no session
        if (s.convocation_drafted && eve <= *s.convocation_drafted) continue;
        std::string detail =
            "séance du " + s.date.iso() + (s.from ? " à " + s.from->text() : std::string()) + ", " +
            (s.convocation_drafted ? "convocation rédigée le " + s.convocation_drafted->iso()
                                   : "aucune convocation rédigée");
        out.push_back({"rappel", eve, std::move(detail),
                       Remedy{"message.rappel", {{"session", s.id}}}, s.id});
    }
}

} // namespace

std::string detail_text(const Deadline& deadline, const SayRemedy& say_remedy) {
    if (!deadline.remedy) return deadline.detail;
    const std::string command = say_remedy(*deadline.remedy);
    return deadline.detail.empty() ? command : deadline.detail + " : " + command;
}

std::span<const Term> deadline_kinds() {
    return kinds;
}

std::vector<Deadline> deadlines_of(const Framework& framework, const Folder& folder,
                                   const std::optional<Destruction>& destruction) {
    std::vector<Deadline> out;
    add_edof(framework, folder, out);
    add_convention(framework, folder, out);
    add_after_end(framework, folder, out);
    add_destruction(framework, folder, destruction, out);
    add_actions(folder, out);
    add_reminders(folder, out);
    std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
        return std::pair(a.date, kind_rank(a.what)) < std::pair(b.date, kind_rank(b.what));
    });
    return out;
}

std::string due_json(const std::vector<DueEntry>& entries, const std::vector<FolderNote>& problems,
                     const std::vector<FolderNote>& notes, const Date& today,
                     const SayRemedy& say_remedy) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("due").begin_array();
    for (const DueEntry& entry : entries)
        json.begin_object()
            .field("folder", entry.folder)
            .field("beneficiary", entry.beneficiary)
            .field("what", entry.deadline->what)
            .field("date", entry.deadline->date)
            .field("overdue", entry.deadline->date < today)
            .field("detail", detail_text(*entry.deadline, say_remedy))
            .end_object();
    json.end_array();
    write_folder_notes(json, "problems", problems);
    write_folder_notes(json, "notes", notes);
    return json.end_object().str();
}

std::string due_text(const std::vector<DueEntry>& entries, const Date& today, const Style& style) {
    if (entries.empty()) return "Aucune échéance.\n";
    std::string out;
    for (const DueEntry& entry : entries) {
        const Deadline& d = *entry.deadline;
        std::string label(term_label(kinds, d.what));
        if (d.what == "action" || d.what == "amelioration") label += " : " + d.detail;
        const std::string mark = d.date < today ? style.warn("en retard") : "         ";
        out += d.date.iso() + "  " + mark + "  " + visible_line(entry.beneficiary) + " (" +
               visible_line(entry.folder) + ") : " + label + "\n";
    }
    return out;
}

} // namespace bilan
