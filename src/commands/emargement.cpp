// bilan emargement [-o FILE] [--blank [ROWS]]: the attendance sheet in Markdown. A read
// command: the folder is never written; -o writes FILE atomically (mode 0600), never a file of
// the bilan.
#include "bilan/ops/documents.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"

namespace bilan::cli {
namespace {

constexpr int default_blank_rows = 10;
constexpr int max_blank_rows = 100;

struct SheetOptions {
    std::string output, rows;
    bool blank = false, rows_given = false;
};

int parse_rows(const SheetOptions& o) {
    if (!o.rows_given) return default_blank_rows;
    if (!o.blank)
        throw UsageError("un nombre de lignes va avec --blank (bilan emargement --blank " + o.rows +
                         ")");
    int rows = 0;
    for (const char c : o.rows) {
        if (c < '0' || c > '9' || rows > max_blank_rows) {
            rows = -1;
            break;
        }
        rows = rows * 10 + (c - '0');
    }
    if (o.rows.empty() || rows < 1 || rows > max_blank_rows)
        throw UsageError("--blank « " + o.rows + " » : attendu un nombre de lignes de 1 à " +
                         std::to_string(max_blank_rows));
    return rows;
}

int run_emargement(const Context& context, const SheetOptions& o) {
    const int rows = parse_rows(o); // before any lock: a usage error is said first
    const ops::Document doc = ops::attendance_sheet(context.store(), o.blank ? rows : 0);
    deliver(o.output, doc.markdown, doc.notes);
    return 0;
}

} // namespace

void declare_emargement(Declarations& declarations, Context& context) {
    auto o = std::make_shared<SheetOptions>();
    declarations.add(
        {"emargement",
         "Feuille d'émargement en Markdown : une ligne par séance avec le conseiller, à signer",
         "bilan emargement -o emargement.md ; bilan emargement --blank 6",
         {output_option(o->output),
          {"--blank", "Une feuille vierge pour les séances à venir, à remplir à la main",
           &o->blank},
          {"ROWS", "Avec --blank : le nombre de lignes (10 par défaut, 100 au plus)", &o->rows,
           false, &o->rows_given}},
         [&context, o] { return run_emargement(context, *o); }});
}

} // namespace bilan::cli
