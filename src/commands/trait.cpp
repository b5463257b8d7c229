// bilan trait add|list|rm: values, motivations, interests, criteria, concessions, personality.
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

namespace bilan::cli {

void register_trait(CLI::App& app, Context& context, Registry& registry) {
    CLI::App* group =
        app.add_subcommand("trait", "Caractéristiques personnelles : valeurs, motivations…");
    group->require_subcommand(1);

    struct AddOptions {
        std::string text, kind, note;
    };
    auto add = std::make_shared<AddOptions>();
    CLI::App* cmd =
        group->add_subcommand("add", "Ajouter une caractéristique (affiche son identifiant)");
    cmd->add_option("TEXT", add->text, "La caractéristique")->required();
    cmd->add_option("--kind", add->kind,
                    "valeur, motivation, interet, critere, concession ou personnalite")
        ->required();
    cmd->add_option("--note", add->note, "Note libre");
    registry.add(cmd, [&context, add] {
        const store::Store store = context.store();
        store.require_bilan();
        Trait t;
        t.text = required_text(add->text, "TEXT");
        t.kind = std::string(resolve_term(trait_kinds(), add->kind, "type de caractéristique"));
        t.note = checked_text(add->note, "--note");
        store::Transaction transaction(store);
        add_and_print_id(transaction, store::Collection::traits, store::fields_of(t));
        return 0;
    });

    add_list_command(*group, context, registry, "Lister les caractéristiques par type",
                     [](const store::Store& store, bool json) {
                         const auto list = store.load_traits(strict());
                         // On a terminal, say so: a person sees it worked.
                         if (!json && list.empty() && ::isatty(STDOUT_FILENO))
                             return std::string("Aucune caractéristique personnelle.\n");
                         return json ? traits_json(list) : traits_table(list);
                     });
    add_rm_command(*group, context, registry, store::Collection::traits);
}

} // namespace bilan::cli
