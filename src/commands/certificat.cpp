// bilan certificat [-o FILE] [--date DATE] [--place TEXT]: the certificat de réalisation in
// Markdown. A read command: the folder is never written; -o writes FILE atomically (mode
// 0600), never a file of the bilan.
#include "bilan/ops/documents.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"

#include <functional>

namespace bilan::cli {
namespace {

struct CertificateOptionsText {
    std::string output, date, place;
    bool date_given = false, place_given = false;
};

// Writes the document where -o says, else on stdout, then the notes (as emargement does).
int deliver(const Context& context, const std::string& output,
            const std::function<ops::Document()>& make) {
    const store::Store store = context.store();
    const bool to_file = !output.empty() && output != "-";
    if (to_file) store::refuse_bilan_file_target(store, output);
    const ops::Document doc = make();
    if (to_file)
        store::write_output_file(output, doc.markdown);
    else
        print_out(doc.markdown);
    for (const std::string& note : doc.notes)
        print_note("attention : " + note);
    return 0;
}

int run_certificat(const Context& context, const CertificateOptionsText& o) {
    ops::CertificateOptions options;
    options.today = context.today();
    if (o.date_given) options.signed_on = context.parse_date(o.date);
    if (o.place_given) {
        require_typed_text(o.place, "--place");
        options.place = o.place;
    }
    return deliver(context, o.output, [&] { return ops::certificate(context.store(), options); });
}

} // namespace

void declare_certificat(Declarations& declarations, Context& context) {
    auto o = std::make_shared<CertificateOptionsText>();
    declarations.add(
        {"certificat",
         "Certificat de réalisation en Markdown (modèle du ministère) : dates et heures "
         "d'accompagnement",
         "bilan certificat --date today --place Nantes -o certificat.md",
         {{"-o,--output",
           "Écrire dans ce fichier (atomiquement, mode 0600) plutôt que sur la sortie", &o->output},
          {"--date", "Date de signature (AAAA-MM-JJ ou today) ; sinon laissée à remplir", &o->date,
           false, &o->date_given},
          {"--place", "Lieu de signature (par défaut la ville du cabinet)", &o->place, false,
           &o->place_given}},
         [&context, o] { return run_certificat(context, *o); }});
}

} // namespace bilan::cli
