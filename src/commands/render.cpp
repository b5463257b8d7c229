// bilan render [-o FILE] [--for RECIPIENT]: the document de synthèse in Markdown. A read
// command: the folder is never written; -o writes FILE atomically (mode 0600).
#include "bilan/synthesis.hpp"
#include "cli/context.hpp"

#include <CLI/CLI.hpp>

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
    store::Diagnostics strict; // a file at fault stops the render: exit 1, FILE:LINE:COLUMN
    BilanRecord bilan = store.load_bilan(strict);
    const Framework framework = store.load_framework(bilan, strict);
    const Folder folder = store.load_all(framework, std::move(bilan), strict);
    const Consent* consent = o.for_given ? &consent_for(folder, o.recipient) : nullptr;
    const std::string document = render_synthesis(framework, folder, consent);
    if (o.output.empty() || o.output == "-")
        print_out(document);
    else
        store::write_output_file(o.output, document);
    return 0;
}

} // namespace

void register_render(CLI::App& app, Context& context, Registry& registry) {
    auto o = std::make_shared<RenderOptions>();
    CLI::App* cmd = app.add_subcommand(
        "render", "Document de synthèse en Markdown (pour pandoc), complet ou à communiquer");
    cmd->add_option("-o,--output", o->output,
                    "Écrire dans ce fichier (atomiquement, mode 0600) plutôt que sur la sortie");
    cmd->add_option("--for", o->recipient,
                    "Version communiquée à ce destinataire : seulement avec son consentement, et "
                    "seulement les parties consenties");
    registry.add(cmd, [&context, o, cmd] {
        o->for_given = cmd->count("--for") > 0;
        return run_render(context, *o);
    });
}

} // namespace bilan::cli
