// bilan check: every file, every reference, the framework's rules; one line per problem and
// exit 1 when there is one.
#include "bilan/ops/bilan.hpp"
#include "bilan/views.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"

#include <unistd.h>

namespace bilan::cli {
namespace {

int run_check(const Context& context, bool json) {
    ops::Notes notes;
    const std::vector<Problem> problems = ops::check(context.store(), context.today(), notes);
    print_notices(notes);
    if (json) {
        print_out(problems_json(problems, problem_text));
    } else {
        std::string out;
        for (const Problem& p : problems)
            out += problem_line(p) + "\n";
        if (problems.empty() && ::isatty(STDOUT_FILENO)) out = "aucun problème\n";
        print_out(out);
    }
    return problems.empty() ? 0 : static_cast<int>(ExitCode::refused);
}

} // namespace

void declare_check(Declarations& declarations, Context& context) {
    auto json = std::make_shared<bool>(false);
    declarations.add({"check",
                      "Vérifier les fichiers, les références et les règles du cadre",
                      "bilan check || echo \"à corriger\"",
                      {{"--json", "Sortie JSON", json.get()}},
                      [&context, json] { return run_check(context, *json); }});
}

} // namespace bilan::cli
