// bilan status: hours per phase against the framework, cap and floor, warnings, and what the
// substance holds so far. Always exits 0 on a valid folder.
#include "bilan/ops/bilan.hpp"
#include "bilan/views.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"

namespace bilan::cli {
namespace {

int run_status(const Context& context, bool json) {
    const Date today = context.today(); // which sessions are past, and should be proved
    const ops::Loaded loaded = ops::read_status(context.store());
    print_out(json ? status_json(loaded.framework, loaded.folder, today, problem_text)
                   : status_text(loaded.framework, loaded.folder, today,
                                 Style{context.color_stdout()}, problem_text));
    return 0;
}

} // namespace

void declare_status(Declarations& declarations, Context& context) {
    auto json = std::make_shared<bool>(false);
    declarations.add({"status",
                      "Heures par phase, plafond, plancher, avertissements",
                      "bilan -C claire status --json",
                      {{"--json", "Sortie JSON", json.get()}},
                      [&context, json] { return run_status(context, *json); }});
}

} // namespace bilan::cli
