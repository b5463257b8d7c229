// bilan skill add|list|rm: savoirs, savoir-faire and savoir-être, by domain, with their source.
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

namespace bilan::cli {
namespace {

struct SkillAddOptions {
    std::string text, type, domain, source, evidence;
    std::optional<std::string> experience; // given empty: a usage error, not "no link"
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
    if (o.experience) id_argument(*o.experience, "--experience");
    const store::Store store = context.store();
    store.require_bilan();
    store::Transaction transaction(store); // the experience must still exist when linked
    if (o.experience)
        skill.experience =
            resolve_record(store, store::Collection::experiences, *o.experience, "--experience");
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
    cmd->add_option("--source", add->source, "D'où elle vient, en texte libre");
    cmd->add_option("--experience", add->experience,
                    "L'expérience dont elle vient : son identifiant (ou son début)");
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
