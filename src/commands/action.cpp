// bilan action add|done|list|rm: the action plan, by horizon, with due dates.
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {

void declare_action(Declarations& declarations, Context& context) {
    declarations.group("action", "Plan d'action : court, moyen, long terme");

    struct AddOptions {
        std::string text, horizon, due;
    };
    auto add = std::make_shared<AddOptions>();
    declarations.add(
        {"action add",
         "Ajouter une étape (affiche son identifiant)",
         "bilan action add \"Déposer le dossier Transitions Pro\" --horizon court --due 2026-06-15",
         {{"TEXT", "L'étape", &add->text, true},
          {"--horizon", "court, moyen ou long", &add->horizon, true},
          {"--due", "Échéance", &add->due}},
         [&context, add] {
             const store::Store store = context.store();
             store.require_bilan();
             Action a;
             a.text = required_text(add->text, "TEXT");
             a.horizon = std::string(resolve_term(action_horizons(), add->horizon, "horizon"));
             a.due = optional_date(context, add->due);
             store::Transaction transaction(store);
             add_and_print_id(transaction, store::Collection::actions, store::fields_of(a));
             return 0;
         }});

    auto id = std::make_shared<std::string>();
    declarations.add(
        {"action done",
         "Marquer une étape comme faite",
         "bilan action done 3f9a",
         {{"ID", "Identifiant (ou son début, 3 caractères au moins)", id.get(), true}},
         [&context, id] {
             id_argument(*id);
             const store::Store store = context.store();
             store.require_bilan();
             store::Transaction transaction(
                 store); // what is read decides the write: under the lock
             const std::string full = resolve_record(store, store::Collection::actions, *id);
             store.load_actions(strict()); // never edit a file we cannot read
             transaction.update_record(store::Collection::actions, full, {{"done", true}});
             return 0;
         }});

    declare_list(declarations, context, "action", "Lister les étapes par horizon et échéance",
                 [](const store::Store& store, bool json) {
                     const auto list = store.load_actions(strict());
                     // On a terminal, say so: a person sees it worked.
                     if (!json && list.empty() && ::isatty(STDOUT_FILENO))
                         return std::string("Aucune action.\n");
                     return json ? actions_json(list) : actions_table(list);
                 });
    declare_rm(declarations, context, "action", store::Collection::actions);
}

} // namespace bilan::cli
