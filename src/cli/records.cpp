#include "cli/records.hpp"

#include "bilan/substance_views.hpp"
#include "bilan/views.hpp"

#include <unistd.h>

namespace bilan::cli {

store::Diagnostics& strict() {
    static store::Diagnostics diagnostics(false);
    return diagnostics;
}

std::string id_argument(const std::string& typed, std::string_view option) {
    const std::string what(option);
    require_typed_text(typed, what);
    std::string id = typed;
    for (char& c : id)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (id.find_first_not_of(" \t") == std::string::npos)
        throw UsageError(what + " : l'identifiant ne peut pas être vide");
    if (id.size() < 3)
        throw UsageError(what + " « " + typed +
                         " » : préfixe trop court, 3 caractères au moins (un identifiant en a 8)");
    return id;
}

std::string resolve_record(const store::Store& store, store::Collection collection,
                           const std::string& typed, std::string_view option) {
    return store.resolve_id(collection, id_argument(typed, option));
}

namespace {

// "Compétence supprimée", "Test supprimé": the record's noun, agreed.
std::string removed_heading(store::Collection collection) {
    std::string noun(store::record_noun(collection));
    const bool masculine =
        collection == store::Collection::tests || collection == store::Collection::consents;
    noun[0] = static_cast<char>(noun[0] - 'a' + 'A'); // every noun starts with an ASCII letter
    return noun + (masculine ? " supprimé : " : " supprimée : ");
}

template <typename Record>
std::string line_of(const std::vector<Record>& records, const std::string& id,
                    std::string (*table)(const std::vector<Record>&)) {
    for (const Record& record : records)
        if (record.id == id) return table({record});
    return id + "\n";
}

// The record's line in its list, read before it goes; bad files elsewhere are skipped.
std::string record_line(const store::Store& store, store::Collection collection,
                        const std::string& id) {
    using store::Collection;
    store::Diagnostics skip(true);
    switch (collection) {
    case Collection::sessions: {
        const Framework framework = store.load_framework(store.load_bilan(skip), skip);
        for (const Session& s : store.load_sessions(framework, skip))
            if (s.id == id) return sessions_table({s}, framework);
        return id + "\n";
    }
    case Collection::skills:
        return line_of(store.load_skills(skip), id, &skills_table);
    case Collection::experiences:
        return line_of(store.load_experiences(skip), id, &experiences_table);
    case Collection::traits:
        return line_of(store.load_traits(skip), id, &traits_table);
    case Collection::tests:
        return line_of(store.load_tests(skip), id, &tests_table);
    case Collection::pistes:
        return line_of(store.load_pistes(skip), id, &pistes_table);
    case Collection::actions:
        return line_of(store.load_actions(skip), id, &actions_table);
    case Collection::consents:
        break;
    }
    return id + "\n";
}

} // namespace

void remove_and_tell(store::Transaction& transaction, const store::Store& store,
                     store::Collection collection, const std::string& id) {
    std::string told;
    if (::isatty(STDOUT_FILENO)) {
        try {
            told = removed_heading(collection) + record_line(store, collection, id);
        } catch (const Error&) { // what cannot be read is still removed: say its id
            told = removed_heading(collection) + id + "\n";
        }
    }
    transaction.remove_record(collection, id);
    if (!told.empty()) print_out(told);
}

void declare_rm(Declarations& declarations, const Context& context, const std::string& group,
                store::Collection collection, std::string help) {
    auto id = std::make_shared<std::string>();
    declarations.add({group + " rm",
                      std::move(help),
                      "bilan " + group + " rm 3f9a",
                      {{"ID", "Identifiant (ou son début, 3 caractères au moins)", id.get(), true}},
                      [&context, id, collection] {
                          id_argument(*id); // a usage error before the lock is taken
                          const store::Store store = context.store();
                          store.require_bilan();
                          store::Transaction transaction(store);
                          remove_and_tell(transaction, store, collection,
                                          resolve_record(store, collection, *id));
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
    require_typed_text(text, option);
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
