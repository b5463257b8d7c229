// bilan due [DIR…] [--until DATE] [--json]: every deadline across the bilans of a practice, in
// date order, the overdue ones first. Reading only; the folders are read by ops::read_bilans.
#include "bilan/ops/across.hpp"
#include "bilan/views.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"

#include <algorithm>
#include <string>

namespace bilan::cli {
namespace {

struct DueOptions {
    std::vector<std::string> dirs;
    std::string until;
    bool json = false;
};

std::string unread_text(std::size_t unread) {
    const std::string folders = unread == 1 ? " dossier non lu" : " dossiers non lus";
    return "Aucune échéance dans les dossiers lus ; " + std::to_string(unread) + folders +
           " (ci-dessous).\n";
}

int run_due(const Context& context, const DueOptions& o) {
    const Date today = context.today();
    const Date until = o.until.empty() ? Date{9999, 12, 31} : context.parse_date(o.until);
    ops::AcrossRequest request{o.dirs, context.start_dir(), today, {}};
    request.figures = false;
    request.registers = true;
    request.say_problem = problem_line;
    const ops::Across across = ops::read_bilans(request);
    std::vector<DueEntry> lines;
    for (const ops::BilanSummary& bilan : across.bilans)
        for (const Deadline& deadline : bilan.deadlines)
            if (deadline.date <= until)
                lines.push_back({bilan.folder, bilan.beneficiary, &deadline});
    // The practice's own, after its bilans' on the same day: its improvement actions.
    const std::vector<Deadline> practice_deadlines =
        across.registers ? register_deadlines(across.registers->improvements)
                         : std::vector<Deadline>{};
    for (const Deadline& deadline : practice_deadlines)
        if (deadline.date <= until)
            lines.push_back({across.registers_folder, "Cabinet", &deadline});
    // Date order; within a day the folders' order, then each folder's own (deadline_kinds()).
    std::stable_sort(lines.begin(), lines.end(), [](const DueEntry& a, const DueEntry& b) {
        return a.deadline->date < b.deadline->date;
    });
    if (o.json) {
        print_out(due_json(lines, across.problems, across.notes, today, remedy_text));
        return across.problems.empty() ? 0 : 1;
    }
    for (const FolderNote& note : across.notes)
        print_note(note.line());
    if (lines.empty() && !across.problems.empty()) // not "Aucune échéance.": some were not read
        print_out(unread_text(across.problems.size()));
    else
        print_out(due_text(lines, today, Style{context.color_stdout()}));
    for (const FolderNote& problem : across.problems) // last: what a terminal shows at the end
        print_note(problem.line());
    return across.problems.empty() ? 0 : 1;
}

} // namespace

void declare_due(Declarations& declarations, Context& context) {
    auto o = std::make_shared<DueOptions>();
    declarations.add(
        {"due",
         "Échéances de tous les bilans du cabinet, par date (lecture seule)",
         "bilan due --until 2026-12-11",
         {{"DIR", "Un bilan, ou un dossier de bilans (défaut : le cabinet, sinon ici)", &o->dirs},
          {"--until", "Seulement les échéances jusqu'à cette date", &o->until},
          {"--json", "Sortie JSON", &o->json}},
         [&context, o] { return run_due(context, *o); }});
}

} // namespace bilan::cli
