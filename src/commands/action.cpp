// bilan action add|done|list|rm: the action plan, by horizon, with due dates.
#include "bilan/ops/substance.hpp"
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
          {"--horizon", "court, moyen ou long", &add->horizon, true, nullptr,
           term_values(action_horizons())},
          {"--due", "Échéance", &add->due}},
         [&context, add] {
             const store::Store store = context.store();
             store.require_bilan();
             Action a;
             a.text = required_text(add->text, "TEXT");
             a.horizon = std::string(resolve_term(action_horizons(), add->horizon, "horizon"));
             a.due = optional_date(context, add->due);
             ops::add_action(store, a, print_id);
             return 0;
         }});

    auto id = std::make_shared<std::string>();
    declarations.add({"action done",
                      "Marquer une étape comme faite",
                      "bilan action done 3f9a",
                      {{"ID", "Identifiant (ou son début, 3 caractères au moins)", id.get(), true,
                        nullptr, id_values(context, store::collection_of<Action>())}},
                      [&context, id] {
                          ops::complete_action(context.store(), id_argument(*id));
                          return 0;
                      }});

    declare_list(declarations, context, "action", "Lister les étapes par horizon et échéance",
                 [](const store::Store& store, bool json) {
                     const auto list = ops::list_actions(store);
                     // On a terminal, say so: a person sees it worked.
                     if (!json && list.empty() && ::isatty(STDOUT_FILENO))
                         return std::string("Aucune action.\n");
                     return json ? actions_json(list) : actions_table(list);
                 });
    declare_rm(declarations, context, "action", store::collection_of<Action>());
}

} // namespace bilan::cli
