// bilan agenda [DIR…] [-o FILE] [--depuis DATE] [--jusqu-au DATE] [--noms]: the sessions and
// deadlines of the practice's bilans as an iCalendar file a calendar program subscribes to.
// Reading only; the folders are read as `due` reads them.
#include "bilan/ops/agenda.hpp"

#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"

namespace bilan::cli {
namespace {

struct AgendaCommandOptions {
    std::vector<std::string> dirs;
    std::string output, from, until;
    bool names = false;
};

int run_agenda(const Context& context, const AgendaCommandOptions& o) {
    AgendaOptions options;
    if (!o.from.empty()) options.from = context.parse_date(o.from);
    if (!o.until.empty()) options.until = context.parse_date(o.until);
    if (options.from && options.until && *options.until < *options.from)
        throw UsageError("--jusqu-au (" + options.until->iso() + ") précède --depuis (" +
                         options.from->iso() + ")");
    options.names = o.names;
    ops::AcrossRequest request{o.dirs, context.start_dir(), Date{}, {}};
    request.say_problem = problem_line;
    const ops::AgendaResult agenda = ops::read_agenda(request, options);
    for (const FolderNote& note : agenda.notes)
        print_note(note.line());
    deliver(o.output, agenda.calendar);
    for (const FolderNote& problem : agenda.problems)
        print_note(problem.line());
    return agenda.problems.empty() ? 0 : 1;
}

} // namespace

void declare_agenda(Declarations& declarations, Context& context) {
    auto o = std::make_shared<AgendaCommandOptions>();
    declarations.add(
        {"agenda",
         "Séances et échéances des bilans en iCalendar (.ics), pour un agenda (lecture seule)",
         "bilan agenda ~/bilans -o ~/bilans.ics",
         {{"DIR", "Un bilan, ou un dossier de bilans (défaut : le cabinet, sinon ici)", &o->dirs},
          output_option(o->output),
          {"--depuis", "Seulement les événements à partir de cette date", &o->from},
          {"--jusqu-au", "Seulement les événements jusqu'à cette date", &o->until},
          {"--noms", "Les noms en entier (par défaut, les initiales)", &o->names}},
         [&context, o] { return run_agenda(context, *o); }});
}

} // namespace bilan::cli
