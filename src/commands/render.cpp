// bilan render [-o FILE] [--for RECIPIENT]: the document de synthèse in Markdown. A read
// command: the folder is never written; -o writes FILE atomically (mode 0600).
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/completion.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"

namespace bilan::cli {
namespace {

struct RenderOptions {
    std::string output, recipient;
    bool for_given = false;
};

int run_render(const Context& context, const RenderOptions& o) {
    deliver(o.output, ops::render_for(context.store(),
                                      o.for_given ? std::optional(o.recipient) : std::nullopt));
    return 0;
}

} // namespace

void declare_render(Declarations& declarations, Context& context) {
    auto o = std::make_shared<RenderOptions>();
    declarations.add(
        {"render",
         "Document de synthèse en Markdown (pour pandoc), complet ou à communiquer",
         "bilan render --for \"France Travail\" -o synthese-ft.md",
         {output_option(o->output),
          {"--for",
           "Version communiquée à ce destinataire : seulement avec son consentement, et "
           "seulement les parties consenties",
           &o->recipient, false, &o->for_given,
           [&context] { return ops::consented_recipients(context.store()); }}},
         [&context, o] { return run_render(context, *o); }});
}

} // namespace bilan::cli
