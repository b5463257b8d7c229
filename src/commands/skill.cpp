// bilan skill add|list|rm: savoirs, savoir-faire and savoir-être, by domain, with their source.
#include "bilan/ops/substance.hpp"
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {
namespace {

struct SkillAddOptions {
    std::string text, type, domain, source, evidence, experience;
    bool experience_given = false; // given empty: a usage error, not "no link"
    bool transferable = false;
};

// --source is free text, always: "2019" or a word stays what was typed. Only --experience
// links an experience (an id or a unique prefix), a reference that `check` verifies.
int run_skill_add(const Context& context, const SkillAddOptions& o) {
    Skill skill;
    skill.text = required_text(o.text, "TEXT");
    skill.type = std::string(resolve_term(skill_types(), o.type, "type de compétence"));
    skill.domain = checked_text(o.domain, "--domain");
    skill.source = checked_text(o.source, "--source");
    skill.evidence = checked_text(o.evidence, "--evidence");
    skill.transferable = o.transferable;
    std::optional<std::string> experience;
    if (o.experience_given) experience = id_argument(o.experience, "--experience");
    ops::add_skill(context.store(), std::move(skill), experience, print_id);
    return 0;
}

} // namespace

void declare_skill(Declarations& declarations, Context& context) {
    declarations.group("skill", "Compétences : savoirs, savoir-faire, savoir-être");

    auto add = std::make_shared<SkillAddOptions>();
    declarations.add(
        {"skill add",
         "Ajouter une compétence (affiche son identifiant)",
         "bilan skill add \"Établir les paies\" --type savoir-faire --experience 3f9a",
         {{"TEXT", "La compétence, en une phrase", &add->text, true},
          {"--type", "savoir, savoir-faire ou savoir-etre", &add->type, true, nullptr,
           term_values(skill_types())},
          {"--domain", "relationnel, technique, organisationnel ou autre", &add->domain},
          {"--source", "D'où elle vient, en texte libre", &add->source},
          {"--experience", "L'expérience dont elle vient : son identifiant (ou son début)",
           &add->experience, false, &add->experience_given},
          {"--evidence", "Preuve, exemple concret", &add->evidence},
          {"--transferable", "Transférable à un autre domaine", &add->transferable}},
         [&context, add] { return run_skill_add(context, *add); }});

    struct ListOptions {
        std::string type;
        bool json = false;
    };
    auto list = std::make_shared<ListOptions>();
    declarations.add(
        {"skill list",
         "Lister les compétences par type et domaine",
         "bilan skill list --type savoir-etre",
         {{"--type", "Seulement ce type", &list->type, false, nullptr, term_values(skill_types())},
          {"--json", "Sortie JSON", &list->json}},
         [&context, list] {
             const store::Store store = context.store();
             store.require_bilan();
             const std::string wanted =
                 list->type.empty()
                     ? ""
                     : std::string(resolve_term(skill_types(), list->type, "type de compétence"));
             const auto skills = ops::list_skills(store, wanted);
             if (list->json)
                 print_out(skills_json(skills));
             else if (skills.empty() && ::isatty(STDOUT_FILENO)) // a person sees it worked
                 print_out(wanted.empty() ? "Aucune compétence.\n"
                                          : "Aucune compétence de ce type.\n");
             else
                 print_out(skills_table(skills));
             return 0;
         }});

    declare_rm(declarations, context, "skill", store::collection_of<Skill>());
}

} // namespace bilan::cli
