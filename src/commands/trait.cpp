// bilan trait add|list|rm: values, motivations, interests, criteria, concessions, personality.
#include "bilan/ops/substance.hpp"
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {

void declare_trait(Declarations& declarations, Context& context) {
    declarations.group("trait", "Caractéristiques personnelles : valeurs, motivations…");

    struct AddOptions {
        std::string text, kind, note;
    };
    auto add = std::make_shared<AddOptions>();
    declarations.add(
        {"trait add",
         "Ajouter une caractéristique (affiche son identifiant)",
         "bilan trait add \"Transmettre\" --kind valeur",
         {{"TEXT", "La caractéristique", &add->text, true},
          {"--kind", "valeur, motivation, interet, critere, concession ou personnalite", &add->kind,
           true, nullptr, term_values(trait_kinds())},
          {"--note", "Note libre", &add->note}},
         [&context, add] {
             const store::Store store = context.store();
             store.require_bilan();
             Trait t;
             t.text = required_text(add->text, "TEXT");
             t.kind =
                 std::string(resolve_term(trait_kinds(), add->kind, "type de caractéristique"));
             t.note = checked_text(add->note, "--note");
             ops::add_trait(store, t, print_id);
             return 0;
         }});

    declare_list(declarations, context, "trait", "Lister les caractéristiques par type",
                 [](const store::Store& store, bool json) {
                     const auto list = ops::list_traits(store);
                     // On a terminal, say so: a person sees it worked.
                     if (!json && list.empty() && ::isatty(STDOUT_FILENO))
                         return std::string("Aucune caractéristique personnelle.\n");
                     return json ? traits_json(list) : traits_table(list);
                 });
    declare_rm(declarations, context, "trait", store::collection_of<Trait>());
}

} // namespace bilan::cli
