// bilan experience add|list|rm: the parcours (jobs, internships, training, volunteering).
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <CLI/CLI.hpp>

namespace bilan::cli {
namespace {

struct AddOptions {
    std::string title, kind, org, from, to, note;
};

int run_add(const Context& context, const AddOptions& o) {
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
    print_out(transaction.add_record(store::Collection::experiences, store::fields_of(e)) + "\n");
    return 0;
}

} // namespace

void register_experience(CLI::App& app, Context& context, Registry& registry) {
    CLI::App* group =
        app.add_subcommand("experience", "Parcours : postes, stages, formations, bénévolat");
    group->require_subcommand(1);

    auto add = std::make_shared<AddOptions>();
    CLI::App* cmd =
        group->add_subcommand("add", "Ajouter une expérience (affiche son identifiant)");
    cmd->add_option("TITLE", add->title, "Intitulé")->required();
    cmd->add_option("--kind", add->kind, "poste, stage, formation ou benevolat")->required();
    cmd->add_option("--org", add->org, "Organisation");
    cmd->add_option("--from", add->from, "Date de début");
    cmd->add_option("--to", add->to, "Date de fin (absente : en cours)");
    cmd->add_option("--note", add->note, "Note libre");
    registry.add(cmd, [&context, add] { return run_add(context, *add); });

    add_list_command(*group, context, registry, "Lister le parcours par date",
                     [](const store::Store& store, bool json) {
                         const auto list = store.load_experiences(strict());
                         return json ? experiences_json(list) : experiences_table(list);
                     });
    add_rm_command(*group, context, registry, store::Collection::experiences);
}

} // namespace bilan::cli
