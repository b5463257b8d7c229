#include "cli/records.hpp"

#include <CLI/CLI.hpp>

namespace bilan::cli {

store::Diagnostics& strict() {
    static store::Diagnostics diagnostics(false);
    return diagnostics;
}

void add_rm_command(CLI::App& group, Context& context, Registry& registry,
                    store::Collection collection) {
    auto id = std::make_shared<std::string>();
    CLI::App* rm = group.add_subcommand("rm", "Supprimer un enregistrement");
    rm->add_option("ID", *id, "Identifiant (ou son début)")->required();
    registry.add(rm, [&context, id, collection] {
        const store::Store store = context.store();
        store.require_bilan();
        store::Transaction transaction(store);
        transaction.remove_record(collection, store.resolve_id(collection, *id));
        return 0;
    });
}

void add_list_command(CLI::App& group, Context& context, Registry& registry,
                      const std::string& description, ListPrinter print) {
    auto json = std::make_shared<bool>(false);
    CLI::App* list = group.add_subcommand("list", description);
    list->add_flag("--json", *json, "Sortie JSON");
    registry.add(list, [&context, json, print = std::move(print)] {
        const store::Store store = context.store();
        store.require_bilan();
        print_out(print(store, *json));
        return 0;
    });
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
