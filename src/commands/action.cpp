// bilan action add|done|list|rm: the action plan, by horizon, with due dates.
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

namespace bilan::cli {

void register_action(CLI::App& app, Context& context, Registry& registry) {
    CLI::App* group = app.add_subcommand("action", "Plan d'action : court, moyen, long terme");
    group->require_subcommand(1);

    struct AddOptions {
        std::string text, horizon, due;
    };
    auto add = std::make_shared<AddOptions>();
    CLI::App* cmd = group->add_subcommand("add", "Ajouter une étape (affiche son identifiant)");
    cmd->add_option("TEXT", add->text, "L'étape")->required();
    cmd->add_option("--horizon", add->horizon, "court, moyen ou long")->required();
    cmd->add_option("--due", add->due, "Échéance");
    registry.add(cmd, [&context, add] {
        const store::Store store = context.store();
        store.require_bilan();
        Action a;
        a.text = required_text(add->text, "TEXT");
        a.horizon = std::string(resolve_term(action_horizons(), add->horizon, "horizon"));
        a.due = optional_date(context, add->due);
        store::Transaction transaction(store);
        add_and_print_id(transaction, store::Collection::actions, store::fields_of(a));
        return 0;
    });

    auto id = std::make_shared<std::string>();
    CLI::App* done = group->add_subcommand("done", "Marquer une étape comme faite");
    done->add_option("ID", *id, "Identifiant (ou son début, 3 caractères au moins)")->required();
    registry.add(done, [&context, id] {
        id_argument(*id);
        const store::Store store = context.store();
        store.require_bilan();
        store::Transaction transaction(store); // what is read decides the write: under the lock
        const std::string full = resolve_record(store, store::Collection::actions, *id);
        store.load_actions(strict()); // never edit a file we cannot read
        transaction.update_record(store::Collection::actions, full, {{"done", true}});
        return 0;
    });

    add_list_command(*group, context, registry, "Lister les étapes par horizon et échéance",
                     [](const store::Store& store, bool json) {
                         const auto list = store.load_actions(strict());
                         // On a terminal, say so: a person sees it worked.
                         if (!json && list.empty() && ::isatty(STDOUT_FILENO))
                             return std::string("Aucune action.\n");
                         return json ? actions_json(list) : actions_table(list);
                     });
    add_rm_command(*group, context, registry, store::Collection::actions);
}

} // namespace bilan::cli
