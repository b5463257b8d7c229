// bilan experience add|list|rm: the parcours (jobs, internships, training, volunteering).
#include "bilan/ops/substance.hpp"
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {
namespace {

struct ExperienceAddOptions {
    std::string title, kind, org, from, to, note;
};

// A date, or a month where a past job's day is rarely known ("09/2008"): its first day.
std::optional<Date> date_or_month(const Context& context, const std::string& text, bool& month) {
    if (const auto first_day = parse_month(text)) {
        month = true;
        return first_day;
    }
    try {
        return optional_date(context, text);
    } catch (const UsageError& e) {
        throw UsageError(std::string(e.what()) + ", ou un mois (MM/AAAA, AAAA-MM)");
    }
}

int run_experience_add(const Context& context, const ExperienceAddOptions& o) {
    const store::Store store = context.store();
    store.require_bilan();
    Experience e;
    e.title = required_text(o.title, "TITLE");
    e.kind = std::string(resolve_term(experience_kinds(), o.kind, "type d'expérience"));
    e.org = checked_text(o.org, "--org");
    e.from = date_or_month(context, o.from, e.from_month);
    e.to = date_or_month(context, o.to, e.to_month);
    e.note = checked_text(o.note, "--note");
    ops::add_experience(store, e, print_id); // refuses an end before the start
    return 0;
}

} // namespace

void declare_experience(Declarations& declarations, Context& context) {
    declarations.group("experience", "Parcours : postes, stages, formations, bénévolat");

    auto add = std::make_shared<ExperienceAddOptions>();
    declarations.add(
        {"experience add",
         "Ajouter une expérience (affiche son identifiant)",
         "bilan experience add \"Comptable\" --kind poste --org \"Fiduciaire\" --from 2004-09-01",
         {{"TITLE", "Intitulé", &add->title, true},
          {"--kind", "poste, stage, formation ou benevolat", &add->kind, true, nullptr,
           term_values(experience_kinds())},
          {"--org", "Organisation", &add->org},
          {"--from", "Date de début, ou mois (09/2008)", &add->from},
          {"--to", "Date ou mois de fin (absente : en cours)", &add->to},
          {"--note", "Note libre", &add->note}},
         [&context, add] { return run_experience_add(context, *add); }});

    declare_list(declarations, context, "experience", "Lister le parcours par date",
                 [](const store::Store& store, bool json) {
                     const auto list = ops::list_experiences(store);
                     if (json) return experiences_json(list);
                     // On a terminal, a person sees the command worked.
                     if (list.empty() && ::isatty(STDOUT_FILENO))
                         return std::string("Aucune expérience.\n");
                     return experiences_table(list);
                 });
    // Refused while a skill cites it as its source: its reference would dangle.
    declare_rm(declarations, context, "experience", store::collection_of<Experience>(),
               "Supprimer une expérience (refusé tant qu'une compétence la cite comme source)");
}

} // namespace bilan::cli
