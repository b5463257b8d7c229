// bilan report [DIR…] [--year YYYY] [--json|--csv]: the practice's figures across its bilans —
// activity, hours by funding, evaluations, Qualiopi indicator 2, the BPF's lines. Reading only.
#include "bilan/errors.hpp"
#include "bilan/ops/across.hpp"
#include "bilan/values.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"

#include <charconv>

namespace bilan::cli {
namespace {

struct ReportOptions {
    std::vector<std::string> dirs;
    std::string year;
    bool json = false, csv = false, detail = false, bpf = false;
};

// The bilans the BPF cannot place on a line of F-1: listed, never guessed. One note per folder
// for scripts (JSON); one line for a person, with the command that settles it.
void add_unknown_publics(PracticeReport& report, bool json) {
    const auto found = report.detail.find("bpf.f1_unknown_count");
    if (found == report.detail.end()) return;
    const std::vector<std::string>& folders = found->second;
    std::string values; // the values `set public` takes, from its own table
    for (const Term& term : beneficiary_publics())
        values += (values.empty() ? "" : "|") + std::string(term.key);
    const std::string remedy = "bilan -C DOSSIER set public " + values;
    if (json) {
        for (const std::string& folder : folders)
            report.notes.push_back(
                {folder,
                 "public non renseigné : le BPF ne peut pas le classer en F-1 (" + remedy + ")"});
        return;
    }
    std::string shown;
    for (std::size_t i = 0; i < folders.size() && i < 3; ++i)
        shown += (i ? ", " : "") + folders[i];
    if (folders.size() > 3) shown += "…";
    print_note(
        std::to_string(folders.size()) +
        (folders.size() > 1 ? " bilans sans public renseigné" : " bilan sans public renseigné") +
        " : le BPF ne peut pas les classer en F-1 (" + shown + ") ; " + remedy +
        (report.with_detail ? "" : " ; la liste entière avec --detail"));
}

std::optional<int> parse_year(const std::string& text) {
    if (text.empty()) return std::nullopt;
    int year = 0;
    const char* end = text.data() + text.size();
    if (text.size() != 4 || std::from_chars(text.data(), end, year).ptr != end || year < 1900)
        throw UsageError("--year « " + text +
                         " » : une année sur quatre chiffres est attendue (2026)");
    return year;
}

int run_report(const Context& context, const ReportOptions& o) {
    if (o.json && o.csv) throw UsageError("--json et --csv s'excluent : choisissez l'un des deux");
    ops::AcrossRequest request{o.dirs, context.start_dir(), context.today(), parse_year(o.year)};
    request.deadlines = false;
    request.registers = true;
    request.say_problem = problem_line;
    const ops::Across across = ops::read_bilans(request);
    PracticeReport report;
    report.year = request.year;
    report.folders = across.folders;
    report.with_detail = o.detail;
    for (const ops::BilanSummary& bilan : across.bilans)
        report.add(bilan.figures, bilan.folder);
    if (across.registers)
        report.registers = register_figures(across.registers->complaints,
                                            across.registers->improvements, request.today);
    report.problems = across.problems;
    report.notes = across.notes;
    if (!o.json)
        for (const FolderNote& note : across.notes)
            print_note(note.line());
    add_unknown_publics(report, o.json);
    // --bpf: the BPF's lines alone, to type into the online form; the JSON holds them anyway.
    if (o.json)
        print_out(report_json(report));
    else if (o.bpf)
        print_out(o.csv ? bpf_csv(report) : bpf_markdown(report));
    else
        print_out(o.csv ? report_csv(report) : report_markdown(report));
    if (!o.json)
        for (const FolderNote& problem : across.problems)
            print_note(problem.line());
    return across.problems.empty() ? 0 : 1;
}

} // namespace

void declare_report(Declarations& declarations, Context& context) {
    auto o = std::make_shared<ReportOptions>();
    declarations.add(
        {"report",
         "Chiffres du cabinet : bilans, heures, financements, évaluations, Qualiopi, BPF",
         "bilan report --year 2026 --csv > bpf-2026.csv",
         {{"DIR", "Un bilan, ou un dossier de bilans (défaut : le cabinet, sinon ici)", &o->dirs},
          {"--year", "L'année civile : bilans ayant une séance comptée cette année-là", &o->year},
          {"--json", "Sortie JSON", &o->json},
          {"--csv", "Sortie CSV (indicateur,valeur) pour un tableur", &o->csv},
          {"--detail", "Les dossiers derrière chaque chiffre", &o->detail},
          {"--bpf", "Les seules lignes du BPF (Cerfa 10443), à reporter dans le formulaire",
           &o->bpf}},
         [&context, o] { return run_report(context, *o); }});
}

} // namespace bilan::cli
