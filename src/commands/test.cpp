// bilan test add|list|rm: psychometric and interest tests with their results.
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

namespace bilan::cli {

void register_test(CLI::App& app, Context& context, Registry& registry) {
    CLI::App* group = app.add_subcommand("test", "Tests passés (RIASEC…) et leurs résultats");
    group->require_subcommand(1);

    struct AddOptions {
        std::string instrument, date, result, note;
    };
    auto add = std::make_shared<AddOptions>();
    CLI::App* cmd = group->add_subcommand("add", "Consigner un test (affiche son identifiant)");
    cmd->add_option("INSTRUMENT", add->instrument, "Instrument (ex. RIASEC)")->required();
    cmd->add_option("--date", add->date, "Date de passation")->required();
    cmd->add_option("--result", add->result, "Résultat résumé")->required();
    cmd->add_option("--note", add->note, "Note libre");
    registry.add(cmd, [&context, add] {
        const store::Store store = context.store();
        store.require_bilan();
        TestResult t;
        t.instrument = required_text(add->instrument, "INSTRUMENT");
        t.date = context.parse_date(add->date);
        t.result = required_text(add->result, "--result");
        t.note = checked_text(add->note, "--note");
        store::Transaction transaction(store);
        add_and_print_id(transaction, store::Collection::tests, store::fields_of(t));
        return 0;
    });

    add_list_command(*group, context, registry, "Lister les tests par date",
                     [](const store::Store& store, bool json) {
                         const auto list = store.load_tests(strict());
                         // On a terminal, say so: a person sees it worked.
                         if (!json && list.empty() && ::isatty(STDOUT_FILENO))
                             return std::string("Aucun test.\n");
                         return json ? tests_json(list) : tests_table(list);
                     });
    add_rm_command(*group, context, registry, store::Collection::tests);
}

} // namespace bilan::cli
