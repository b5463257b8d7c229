// bilan render [-o FILE] [--for RECIPIENT]: the document de synthèse in Markdown. A read
// command: the folder is never written; -o writes FILE atomically (mode 0600).
#include "bilan/synthesis.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"

namespace bilan::cli {
namespace {

struct RenderOptions {
    std::string output, recipient;
    bool for_given = false;
};

// The consent that lets the synthesis go to `recipient`: the latest one not revoked.
const Consent& consent_for(const Folder& folder, const std::string& recipient) {
    require_typed_text(recipient, "--for");
    if (consent_id(recipient).empty())
        throw UsageError("--for « " + recipient + " » : il faut au moins une lettre ou un chiffre");
    const Consent* chosen = nullptr;
    const Consent* revoked = nullptr;
    for (const Consent* c : consents_for(folder.consents, recipient)) {
        if (c->revoked)
            revoked = c;
        else if (!chosen || chosen->date < c->date)
            chosen = c;
    }
    const std::string who = folder.bilan.beneficiary;
    if (!chosen && revoked)
        throw RefusedError("le consentement de " + who + " pour « " + revoked->recipient +
                           " » a été retiré" +
                           (revoked->revoked_on ? " le " + revoked->revoked_on->iso() : "") +
                           " : rien n'est communiqué");
    if (!chosen)
        throw RefusedError("aucun consentement de " + who + " pour « " + recipient +
                           " » : rien n'est communiqué sans son accord (bilan consent grant \"" +
                           recipient + "\" --date DATE)");
    return *chosen;
}

int run_render(const Context& context, const RenderOptions& o) {
    const store::Store store = context.store();
    const bool to_file = !o.output.empty() && o.output != "-";
    if (to_file) store::refuse_bilan_file_target(store, o.output);
    store::Diagnostics strict; // a file at fault stops the render: exit 1, FILE:LINE:COLUMN
    BilanRecord bilan = store.load_bilan(strict);
    const Framework framework = store.load_framework(bilan, strict);
    const Folder folder = store.load_all(framework, std::move(bilan), strict);
    const Consent* consent = o.for_given ? &consent_for(folder, o.recipient) : nullptr;
    const std::string document = render_synthesis(framework, folder, consent);
    if (to_file)
        store::write_output_file(o.output, document);
    else
        print_out(document);
    return 0;
}

} // namespace

void declare_render(Declarations& declarations, Context& context) {
    auto o = std::make_shared<RenderOptions>();
    declarations.add(
        {"render",
         "Document de synthèse en Markdown (pour pandoc), complet ou à communiquer",
         "bilan render --for \"France Travail\" -o synthese-ft.md",
         {{"-o,--output",
           "Écrire dans ce fichier (atomiquement, mode 0600) plutôt que sur la sortie", &o->output},
          {"--for",
           "Version communiquée à ce destinataire : seulement avec son consentement, et "
           "seulement les parties consenties",
           &o->recipient, false, &o->for_given}},
         [&context, o] { return run_render(context, *o); }});
}

} // namespace bilan::cli
