// bilan controle [DIR…] [--json] [--annee YYYY]: the anomalies a controller looks for across the
// bilans of a practice (controls.hpp), grouped by kind. Reading only; the folders are read as
// `due` reads them. Exit 1 when there is one, or a folder that could not be read.
#include "bilan/ops/controls.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"

#include <charconv>

namespace bilan::cli {
namespace {

struct ControleOptions {
    std::vector<std::string> dirs;
    std::string year;
    bool json = false;
};

// "2026": four digits, from 1900 on.
std::optional<int> year_option(const std::string& text) {
    if (text.empty()) return std::nullopt;
    int year = 0;
    const char* end = text.data() + text.size();
    if (text.size() == 4 && std::from_chars(text.data(), end, year).ptr == end && year >= 1900)
        return year;
    throw UsageError("--annee « " + text +
                     " » : une année sur quatre chiffres est attendue (2026)");
}

int run_controle(const Context& context, const ControleOptions& o) {
    ops::AcrossRequest request{o.dirs, context.start_dir(), context.today(), year_option(o.year)};
    request.say_problem = problem_line;
    const ops::Controls controls = ops::read_controls(request);
    const bool clean = controls.anomalies.empty() && controls.problems.empty();
    if (o.json) {
        print_out(
            anomalies_json(controls.anomalies, controls.problems, controls.notes, problem_text));
        return clean ? 0 : 1;
    }
    for (const FolderNote& note : controls.notes)
        print_note(note.line());
    if (controls.anomalies.empty())
        print_out(controls.problems.empty() ? "Aucune anomalie.\n"
                                            : "Aucune anomalie dans les dossiers lus ; " +
                                                  std::to_string(controls.problems.size()) +
                                                  " non lu(s) (ci-dessous).\n");
    else
        print_out(anomalies_text(controls.anomalies, problem_text));
    for (const FolderNote& problem : controls.problems) // last: what a terminal shows at the end
        print_note(problem.line());
    return clean ? 0 : 1;
}

} // namespace

void declare_controle(Declarations& declarations, Context& context) {
    auto o = std::make_shared<ControleOptions>();
    declarations.add(
        {"controle",
         "Anomalies qu'un contrôle CPF ou Qualiopi relèverait dans les bilans du cabinet (lecture "
         "seule)",
         "bilan controle ~/bilans --annee 2026",
         {{"DIR", "Un bilan, ou un dossier de bilans (défaut : le cabinet, sinon ici)", &o->dirs},
          {"--annee", "Seulement les séances et les bilans de cette année (AAAA)", &o->year},
          {"--json", "Sortie JSON", &o->json}},
         [&context, o] { return run_controle(context, *o); }});
}

} // namespace bilan::cli
