#include "cli/records.hpp"

#include "bilan/ops/completion.hpp"
#include "bilan/ops/substance.hpp"

#include <unistd.h>

namespace bilan::cli {

std::string id_argument(const std::string& typed, std::string_view option) {
    const std::string what(option);
    require_typed_text(typed, what);
    const std::string id = ascii_lower(typed);
    if (id.find_first_not_of(" \t") == std::string::npos)
        throw UsageError(what + " : l'identifiant ne peut pas être vide");
    if (id.size() < 3)
        throw UsageError(what + " « " + typed +
                         " » : préfixe trop court, 3 caractères au moins (un identifiant en a 8)");
    return id;
}

Values term_values(std::span<const Term> terms) {
    return [terms] {
        std::vector<std::string> keys;
        for (const Term& term : terms)
            keys.emplace_back(term.key);
        return keys;
    };
}

Values fixed_values(std::vector<std::string> values) {
    return [values = std::move(values)] { return values; };
}

Values phase_values(const Context& context) {
    return [&context] { return ops::phase_keys(context.store()); };
}

Values id_values(const Context& context, store::Collection collection) {
    return [&context, collection] { return ops::record_ids(context.store(), collection); };
}

void declare_rm(Declarations& declarations, const Context& context, const std::string& group,
                store::Collection collection, std::string help) {
    auto id = std::make_shared<std::string>();
    declarations.add({group + " rm",
                      std::move(help),
                      "bilan " + group + " rm 3f9a",
                      {{"ID", "Identifiant (ou son début, 3 caractères au moins)", id.get(), true,
                        nullptr, id_values(context, collection)}},
                      [&context, id, collection] {
                          // A usage error before the lock is taken.
                          const std::string typed = id_argument(*id);
                          const ops::Removed removed = ops::remove_record(
                              context.store(), collection, typed, ::isatty(STDOUT_FILENO));
                          if (!removed.told.empty()) print_out(removed.told);
                          return 0;
                      }});
}

void declare_list(Declarations& declarations, const Context& context, const std::string& group,
                  std::string help, ListPrinter print) {
    auto json = std::make_shared<bool>(false);
    declarations.add({group + " list",
                      std::move(help),
                      "bilan " + group + " list --json",
                      {{"--json", "Sortie JSON", json.get()}},
                      [&context, json, print = std::move(print)] {
                          const store::Store store = context.store();
                          store.require_bilan();
                          print_out(print(store, *json));
                          return 0;
                      }});
}

void print_id(const std::string& id) {
    print_out(id + "\n");
}

std::string checked_text(const std::string& text, std::string_view option) {
    require_typed_text(text, option);
    return text;
}

std::string required_text(const std::string& text, std::string_view option) {
    // Spaces alone are no text either: an action "   " would be a blank line of the plan.
    if (text.find_first_not_of(" \t\n\r") == std::string::npos)
        throw UsageError(std::string(option) + " : le texte ne peut pas être vide");
    return checked_text(text, option);
}

std::optional<Date> optional_date(const Context& context, const std::string& text) {
    if (text.empty()) return std::nullopt;
    return context.parse_date(text);
}

} // namespace bilan::cli
