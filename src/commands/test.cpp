// bilan test add|list|rm: psychometric and interest tests with their results.
#include "bilan/ops/substance.hpp"
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {

void declare_test(Declarations& declarations, Context& context) {
    declarations.group("test", "Tests passés (RIASEC…) et leurs résultats");

    struct AddOptions {
        std::string instrument, date, result, note;
    };
    auto add = std::make_shared<AddOptions>();
    declarations.add({"test add",
                      "Consigner un test (affiche son identifiant)",
                      "bilan test add \"RIASEC (Strong)\" --date 2026-03-16 --result \"Code SCE\"",
                      {{"INSTRUMENT", "Instrument (ex. RIASEC)", &add->instrument, true},
                       {"--date", "Date de passation", &add->date, true},
                       {"--result", "Résultat résumé", &add->result, true},
                       {"--note", "Note libre", &add->note}},
                      [&context, add] {
                          const store::Store store = context.store();
                          store.require_bilan();
                          TestResult t;
                          t.instrument = required_text(add->instrument, "INSTRUMENT");
                          t.date = context.parse_date(add->date);
                          t.result = required_text(add->result, "--result");
                          t.note = checked_text(add->note, "--note");
                          ops::add_test(store, t, print_id);
                          return 0;
                      }});

    declare_list(declarations, context, "test", "Lister les tests par date",
                 [](const store::Store& store, bool json) {
                     const auto list = ops::list_tests(store);
                     // On a terminal, say so: a person sees it worked.
                     if (!json && list.empty() && ::isatty(STDOUT_FILENO))
                         return std::string("Aucun test.\n");
                     return json ? tests_json(list) : tests_table(list);
                 });
    declare_rm(declarations, context, "test", store::collection_of<TestResult>());
}

} // namespace bilan::cli
