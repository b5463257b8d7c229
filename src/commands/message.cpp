// bilan message convocation|rappel|emargement ID, bilan message evaluation-froid [-o FILE]: an
// draft (.eml, X-Unsent: 1) to the beneficiary, for the counsellor's mail program to open,
// check and send. bilan never talks to a mail server.
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/messages.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

struct MessageOptions {
    std::string id, output;
};

// The draft first, then its day in the session: a draft that could not be written is not
// recorded, and `due` still asks for it.
int run_message(const Context& context, MessageKind kind, const MessageOptions& o) {
    const std::string id = kind == MessageKind::evaluation_froid ? "" : id_argument(o.id);
    deliver(o.output, ops::draft_message(context.store(), kind, id));
    if (kind == MessageKind::convocation || kind == MessageKind::rappel)
        ops::note_session_draft(context.store(), id, kind == MessageKind::rappel, context.today());
    return 0;
}

} // namespace

void declare_message(Declarations& declarations, Context& context) {
    declarations.group(
        "message", "Brouillons d'e-mails au bénéficiaire (.eml) : convocation, rappel, émargement, "
                   "évaluation à froid ; rien n'est envoyé");
    const struct {
        const char* path;
        const char* help;
        const char* example;
        MessageKind kind;
    } commands[] = {
        {"message convocation",
         "Convocation à une séance, avec la séance en invitation d'agenda (.ics)",
         "bilan message convocation 3f9a -o convocation.eml", MessageKind::convocation},
        {"message rappel", "Rappel d'une séance, la veille", "bilan message rappel 3f9a",
         MessageKind::rappel},
        {"message emargement",
         "Demande de confirmer sa présence à une séance à distance tenue, avec un code à citer",
         "bilan message emargement 3f9a -o emargement.eml", MessageKind::emargement},
    };
    for (const auto& c : commands) {
        auto o = std::make_shared<MessageOptions>();
        const MessageKind kind = c.kind;
        declarations.add({c.path,
                          c.help,
                          c.example,
                          {{"ID", "Identifiant de la séance", &o->id, true, nullptr,
                            id_values(context, store::collection_of<Session>())},
                           output_option(o->output)},
                          [&context, o, kind] { return run_message(context, kind, *o); }});
    }
    auto o = std::make_shared<MessageOptions>();
    declarations.add(
        {"message evaluation-froid",
         "Demande de l'évaluation à froid, quelques mois après la fin du bilan",
         "bilan message evaluation-froid -o evaluation.eml",
         {output_option(o->output)},
         [&context, o] { return run_message(context, MessageKind::evaluation_froid, *o); }});
}

} // namespace bilan::cli
