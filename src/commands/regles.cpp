// bilan regles [--json] [--juridiction fr|be]: the rules with a figure, their sources and how
// sure each is, one table per jurisdiction (src/core/rule_table.cpp). Reading only.
#include "bilan/ops/rules.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

struct ReglesOptions {
    std::string jurisdiction;
    bool json = false;
};

int run_regles(const Context& context, const ReglesOptions& o) {
    const ops::RuleTable table = ops::rule_table_of(context.store(), o.jurisdiction);
    print_out(o.json ? rule_table_json(table.jurisdiction, table.rows)
                     : rule_table_markdown(table.jurisdiction, table.rows));
    return 0;
}

} // namespace

void declare_regles(Declarations& declarations, Context& context) {
    auto o = std::make_shared<ReglesOptions>();
    declarations.add(
        {"regles",
         "Afficher les règles chiffrées du cadre, leur source et leur degré de certitude",
         "bilan regles --juridiction be",
         {{"--juridiction", "fr ou be (défaut : le cadre du dossier, fr hors d'un dossier)",
           &o->jurisdiction, false, nullptr, fixed_values({"fr", "be"})},
          {"--json", "Sortie JSON", &o->json}},
         [&context, o] { return run_regles(context, *o); }});
}

} // namespace bilan::cli
