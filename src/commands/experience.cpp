// bilan experience add|list|rm: the parcours (jobs, internships, training, volunteering).
#include "bilan/rules.hpp"
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {
namespace {

struct ExperienceAddOptions {
    std::string title, kind, org, from, to, note;
};

int run_experience_add(const Context& context, const ExperienceAddOptions& o) {
    const store::Store store = context.store();
    store.require_bilan();
    Experience e;
    e.title = required_text(o.title, "TITLE");
    e.kind = std::string(resolve_term(experience_kinds(), o.kind, "type d'expérience"));
    e.org = checked_text(o.org, "--org");
    e.from = optional_date(context, o.from);
    e.to = optional_date(context, o.to);
    if (e.from && e.to && *e.to < *e.from)
        throw UsageError("--to (" + e.to->iso() + ") précède --from (" + e.from->iso() + ")");
    e.note = checked_text(o.note, "--note");
    store::Transaction transaction(store);
    add_and_print_id(transaction, store::Collection::experiences, store::fields_of(e));
    return 0;
}

// Removing an experience that skills name as their source would leave dangling references
// (`check` would then fail): refused until those skills are changed or removed.
int run_experience_rm(const Context& context, const std::string& id_or_prefix) {
    id_argument(id_or_prefix);
    const store::Store store = context.store();
    store.require_bilan();
    store::Transaction transaction(store); // read under the lock: no skill slips in meanwhile
    const std::string id = resolve_record(store, store::Collection::experiences, id_or_prefix);
    const std::vector<Skill> skills = store.load_skills(strict());
    if (const std::size_t count = skills_citing(skills, id); count > 0) {
        std::string ids;
        std::size_t shown = 0;
        for (const Skill& skill : skills) {
            if (skill.experience != id) continue;
            if (shown++ == 3) {
                ids += ", …";
                break;
            }
            ids += (ids.empty() ? "" : ", ") + skill.id;
        }
        const bool one = count == 1;
        throw RefusedError(
            "l'expérience " + id + " est la source de " + std::to_string(count) +
            (one ? " compétence (" : " compétences (") + ids +
            (one ? ") : retirez son lien (clé experience de skills/ID.toml) ou supprimez-la"
                 : ") : retirez leur lien (clé experience de skills/ID.toml) ou "
                   "supprimez-les") +
            " d'abord (bilan skill rm ID)");
    }
    remove_and_tell(transaction, store, store::Collection::experiences, id);
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
          {"--kind", "poste, stage, formation ou benevolat", &add->kind, true},
          {"--org", "Organisation", &add->org},
          {"--from", "Date de début", &add->from},
          {"--to", "Date de fin (absente : en cours)", &add->to},
          {"--note", "Note libre", &add->note}},
         [&context, add] { return run_experience_add(context, *add); }});

    declare_list(declarations, context, "experience", "Lister le parcours par date",
                 [](const store::Store& store, bool json) {
                     const auto list = store.load_experiences(strict());
                     if (json) return experiences_json(list);
                     // On a terminal, a person sees the command worked.
                     if (list.empty() && ::isatty(STDOUT_FILENO))
                         return std::string("Aucune expérience.\n");
                     return experiences_table(list);
                 });
    auto id = std::make_shared<std::string>();
    declarations.add(
        {"experience rm",
         "Supprimer une expérience (refusé tant qu'une compétence la cite comme source)",
         "bilan experience rm 3f9a",
         {{"ID", "Identifiant (ou son début, 3 caractères au moins)", id.get(), true}},
         [&context, id] { return run_experience_rm(context, *id); }});
}

} // namespace bilan::cli
