#include "cli/records.hpp"

namespace bilan::cli {

store::Diagnostics& strict() {
    static store::Diagnostics diagnostics(false);
    return diagnostics;
}

void declare_rm(Declarations& declarations, const Context& context, const std::string& group,
                store::Collection collection, std::string help) {
    auto id = std::make_shared<std::string>();
    declarations.add({group + " rm",
                      std::move(help),
                      "bilan " + group + " rm 3f9a",
                      {{"ID", "Identifiant (ou son début)", id.get(), true}},
                      [&context, id, collection] {
                          const store::Store store = context.store();
                          store.require_bilan();
                          store::Transaction transaction(store);
                          transaction.remove_record(collection, store.resolve_id(collection, *id));
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

void add_and_print_id(store::Transaction& transaction, store::Collection collection,
                      const store::Fields& fields) {
    const std::string id = transaction.add_record(collection, fields);
    try {
        print_out(id + "\n");
    } catch (...) {
        transaction.remove_record(collection, id);
        throw;
    }
}

std::string checked_text(const std::string& text, std::string_view option) {
    require_clean_text(text, option);
    return text;
}

std::string required_text(const std::string& text, std::string_view option) {
    if (text.empty()) throw UsageError(std::string(option) + " : le texte ne peut pas être vide");
    return checked_text(text, option);
}

std::optional<Date> optional_date(const Context& context, const std::string& text) {
    if (text.empty()) return std::nullopt;
    return context.parse_date(text);
}

} // namespace bilan::cli
