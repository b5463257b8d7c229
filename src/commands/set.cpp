// bilan set FIELD VALUE: changes one field of bilan.toml in place; an empty VALUE removes an
// optional field. `set handover DATE` also keeps the synthesis as handed over (a notice when it
// replaces an earlier copy).
#include "bilan/ops/bilan.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

namespace bilan::cli {

void declare_set(Declarations& declarations, Context& context) {
    struct SetOptions {
        std::string key, value;
    };
    auto o = std::make_shared<SetOptions>();
    declarations.add(
        {"set",
         "Modifier un champ du bilan (" + ops::bilan_field_names() + ") ; VALUE vide l'efface",
         "bilan set end 2026-05-12",
         {{"FIELD", "Champ à modifier", &o->key, true, nullptr,
           fixed_values(ops::bilan_field_keys())},
          {"VALUE", "Nouvelle valeur", &o->value, true, nullptr,
           [o] { // the field named before it, when its values are a closed set
               const store::BilanField* field = store::find_bilan_field(o->key);
               return field && field->terms ? term_values(field->terms())()
                                            : std::vector<std::string>{};
           }}},
         [&context, o] {
             // A date's meaning depends on the command line ("today", $BILAN_TODAY); the
             // operation asks for it only when the field is a date.
             print_notices(ops::set_bilan_field(context.store(), o->key, o->value,
                                                [&context](std::string_view text) {
                                                    return context.parse_date(text);
                                                }),
                           "");
             return 0;
         }});
}

} // namespace bilan::cli
