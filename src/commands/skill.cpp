// bilan skill add|list|rm: savoirs, savoir-faire and savoir-être, by domain, with their source.
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <CLI/CLI.hpp>
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

void register_skill(CLI::App& app, Context& context, Registry& registry) {
    CLI::App* group =
        app.add_subcommand("skill", "Compétences : savoirs, savoir-faire, savoir-être");
    group->require_subcommand(1);

    auto add = std::make_shared<SkillAddOptions>();
    CLI::App* cmd =
        group->add_subcommand("add", "Ajouter une compétence (affiche son identifiant)");
    cmd->add_option("TEXT", add->text, "La compétence, en une phrase")->required();
    cmd->add_option("--type", add->type, "savoir, savoir-faire ou savoir-etre")->required();
    cmd->add_option("--domain", add->domain, "relationnel, technique, organisationnel ou autre");
    cmd->add_option("--source", add->source, "D'où elle vient : texte libre ou id d'expérience");
    cmd->add_option("--evidence", add->evidence, "Preuve, exemple concret");
    cmd->add_flag("--transferable", add->transferable, "Transférable à un autre domaine");
    registry.add(cmd, [&context, add] { return run_skill_add(context, *add); });

    auto type = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    CLI::App* list = group->add_subcommand("list", "Lister les compétences par type et domaine");
    list->add_option("--type", *type, "Seulement ce type");
    list->add_flag("--json", *json, "Sortie JSON");
    registry.add(list, [&context, type, json] {
        const store::Store store = context.store();
        store.require_bilan();
        const std::string wanted =
            type->empty() ? ""
                          : std::string(resolve_term(skill_types(), *type, "type de compétence"));
        auto skills = store.load_skills(strict());
        std::erase_if(skills, [&](const Skill& k) { return !wanted.empty() && k.type != wanted; });
        if (*json)
            print_out(skills_json(skills));
        else if (skills.empty() && ::isatty(STDOUT_FILENO)) // a person sees the command worked
            print_out(wanted.empty() ? "Aucune compétence.\n" : "Aucune compétence de ce type.\n");
        else
            print_out(skills_table(skills));
        return 0;
    });

    add_rm_command(*group, context, registry, store::Collection::skills);
}

} // namespace bilan::cli
