// bilan render [-o FILE] [--format md|html|pdf] [--for RECIPIENT] [--actuel]: the document de
// synthèse in Markdown, as a page to print or as a PDF; once handed over, the copy kept that day
// (HTML and PDF made from it), unless --actuel asks for today's state. A read command: the folder
// is never written; -o writes FILE atomically (mode 0600).
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/completion.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"

namespace bilan::cli {
namespace {

struct RenderOptions {
    DocumentOutput out;
    std::string recipient;
    bool for_given = false;
    bool current = false;
};

int run_render(const Context& context, const RenderOptions& o) {
    const DocumentFormat format = document_format(o.out);
    deliver(o.out, format,
            ops::render_for(context.store(),
                            o.for_given ? std::optional(o.recipient) : std::nullopt, o.current),
            {.title_block = true});
    return 0;
}

} // namespace

void declare_render(Declarations& declarations, Context& context) {
    auto o = std::make_shared<RenderOptions>();
    declarations.add(
        {"render",
         "Document de synthèse, complet ou à communiquer ; Markdown (pour pandoc), HTML ou PDF",
         "bilan render --for \"France Travail\" -o synthese-ft.md",
         {output_option(o->out.file),
          format_option(o->out),
          {"--for",
           "Version communiquée à ce destinataire : seulement avec son consentement, et "
           "seulement les parties consenties",
           &o->recipient, false, &o->for_given,
           [&context] { return ops::consented_recipients(context.store()); }},
          {"--actuel",
           "La synthèse telle que le dossier la donne aujourd'hui, plutôt que la copie remise "
           "(set handover)",
           &o->current}},
         [&context, o] { return run_render(context, *o); }});
}

} // namespace bilan::cli
