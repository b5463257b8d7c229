// bilan emargement [-o FILE] [--format md|html|pdf] [--session ID] [--blank [ROWS]]: the
// attendance sheet in Markdown, as a page to print (landscape) or as a PDF. A read
// command: the folder is never written; -o writes FILE atomically (mode 0600), never a file of
// the bilan.
#include "bilan/ops/documents.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

constexpr int default_blank_rows = 10;
constexpr int max_blank_rows = 100;

struct SheetOptions {
    DocumentOutput out;
    std::string rows, session;
    bool blank = false, rows_given = false, session_given = false;
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
    const DocumentFormat format = document_format(o.out);
    if (o.blank && o.session_given)
        throw UsageError("--session et --blank s'excluent : une séance tenue, ou des lignes vides");
    const ops::Document doc =
        ops::attendance_sheet(context.store(), o.blank ? rows : 0,
                              o.session_given ? std::optional(o.session) : std::nullopt);
    deliver(o.out, format, doc.markdown, {.landscape = true}, doc.notes);
    return 0;
}

} // namespace

void declare_emargement(Declarations& declarations, Context& context) {
    auto o = std::make_shared<SheetOptions>();
    declarations.add(
        {"emargement",
         "Feuille d'émargement : une ligne par séance avec le conseiller, à signer ; Markdown, "
         "HTML ou PDF",
         "bilan emargement -o emargement.pdf ; bilan emargement --blank 6",
         {output_option(o->out.file),
          format_option(o->out),
          {"--session",
           "La feuille de cette seule séance (identifiant ou préfixe), à signer à son issue",
           &o->session, false, &o->session_given,
           id_values(context, store::collection_of<Session>())},
          {"--blank", "Une feuille vierge pour les séances à venir, à remplir à la main",
           &o->blank},
          {"ROWS", "Avec --blank : le nombre de lignes (10 par défaut, 100 au plus)", &o->rows,
           false, &o->rows_given}},
         [&context, o] { return run_emargement(context, *o); }});
}

} // namespace bilan::cli
