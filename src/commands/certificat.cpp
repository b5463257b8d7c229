// bilan certificat [-o FILE] [--format md|html|pdf] [--date DATE] [--place TEXT]: the
// certificat de réalisation in Markdown, as a page to print or as a PDF. A read command: the folder
// is never written; -o writes FILE atomically (mode 0600), never a file of the bilan.
#include "bilan/ops/documents.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"

namespace bilan::cli {
namespace {

struct CertificateOptionsText {
    DocumentOutput out;
    std::string date, place;
    bool date_given = false, place_given = false;
};

int run_certificat(const Context& context, const CertificateOptionsText& o) {
    const DocumentFormat format = document_format(o.out);
    ops::CertificateOptions options;
    options.today = context.today();
    if (o.date_given) options.signed_on = context.parse_date(o.date);
    if (o.place_given) {
        require_typed_text(o.place, "--place");
        options.place = o.place;
    }
    const ops::Document doc = ops::certificate(context.store(), options);
    deliver(o.out, format, doc.markdown, {}, doc.notes);
    return 0;
}

} // namespace

void declare_certificat(Declarations& declarations, Context& context) {
    auto o = std::make_shared<CertificateOptionsText>();
    declarations.add(
        {"certificat",
         "Certificat de réalisation (modèle du ministère) : dates et heures d'accompagnement ; "
         "Markdown, HTML ou PDF",
         "bilan certificat --date today --place Nantes -o certificat.pdf",
         {output_option(o->out.file),
          format_option(o->out),
          {"--date", "Date de signature (AAAA-MM-JJ ou today) ; sinon laissée à remplir", &o->date,
           false, &o->date_given},
          {"--place", "Lieu de signature (par défaut la ville du cabinet)", &o->place, false,
           &o->place_given}},
         [&context, o] { return run_certificat(context, *o); }});
}

} // namespace bilan::cli
