// bilan skill add|list|rm: savoirs, savoir-faire and savoir-être, by domain, with their source.
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {
namespace {

struct SkillAddOptions {
    std::string text, type, domain, source, evidence;
    bool transferable = false;
};

// --source names an experience when it is one's id (or a unique prefix of 4+ characters):
// then it is a reference that `check` verifies; otherwise it is free text.
void set_source(const store::Store& store, const std::string& source, Skill& skill) {
    if (source.size() >= 4 && source.find(' ') == std::string::npos) {
        try {
            skill.experience = store.resolve_id(store::Collection::experiences, source);
            return;
        } catch (const RefusedError&) { // not an experience: free text
        }
    }
    skill.source = source;
}

int run_skill_add(const Context& context, const SkillAddOptions& o) {
    const store::Store store = context.store();
    store.require_bilan();
    Skill skill;
    skill.text = required_text(o.text, "TEXT");
    skill.type = std::string(resolve_term(skill_types(), o.type, "type de compétence"));
    skill.domain = checked_text(o.domain, "--domain");
    skill.evidence = checked_text(o.evidence, "--evidence");
    skill.transferable = o.transferable;
    set_source(store, checked_text(o.source, "--source"), skill);
    store::Transaction transaction(store);
    add_and_print_id(transaction, store::Collection::skills, store::fields_of(skill));
    return 0;
}

} // namespace

void declare_skill(Declarations& declarations, Context& context) {
    declarations.group("skill", "Compétences : savoirs, savoir-faire, savoir-être");

    auto add = std::make_shared<SkillAddOptions>();
    declarations.add(
        {"skill add",
         "Ajouter une compétence (affiche son identifiant)",
         "bilan skill add \"Établir les paies\" --type savoir-faire --domain technique",
         {{"TEXT", "La compétence, en une phrase", &add->text, true},
          {"--type", "savoir, savoir-faire ou savoir-etre", &add->type, true},
          {"--domain", "relationnel, technique, organisationnel ou autre", &add->domain},
          {"--source", "D'où elle vient : texte libre ou id d'expérience", &add->source},
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
         {{"--type", "Seulement ce type", &list->type}, {"--json", "Sortie JSON", &list->json}},
         [&context, list] {
             const store::Store store = context.store();
             store.require_bilan();
             const std::string wanted =
                 list->type.empty()
                     ? ""
                     : std::string(resolve_term(skill_types(), list->type, "type de compétence"));
             auto skills = store.load_skills(strict());
             std::erase_if(skills,
                           [&](const Skill& k) { return !wanted.empty() && k.type != wanted; });
             if (list->json)
                 print_out(skills_json(skills));
             else if (skills.empty() && ::isatty(STDOUT_FILENO)) // a person sees it worked
                 print_out(wanted.empty() ? "Aucune compétence.\n"
                                          : "Aucune compétence de ce type.\n");
             else
                 print_out(skills_table(skills));
             return 0;
         }});

    declare_rm(declarations, context, "skill", store::Collection::skills);
}

} // namespace bilan::cli
