// bilan edof set|show: the CPF file as declared on the platform (EDOF), and its deadlines in
// business days. Each option of `set` replaces that field; an empty value removes it.
#include "bilan/ops/edof.hpp"

#include "bilan/edof_rules.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

#include <array>

namespace bilan::cli {
namespace {

// Each option's text and whether the line names it: `--paid ""` removes the date, no --paid
// leaves it.
struct Typed {
    std::string text;
    bool given = false;
};
struct SetOptions {
    Typed dossier, requested, answered, validated, entry, exit, service_fait, minutes, reason,
        invoiced, paid;
};

std::optional<std::optional<Date>> date_option(const Context& context, const Typed& typed) {
    if (!typed.given) return std::nullopt;
    return optional_date(context, typed.text);
}

// One line of typed text: it is shown in a table row.
std::string one_line_text(const std::string& text, std::string_view option) {
    checked_text(text, option);
    if (text.find_first_of("\r\n\t") != std::string::npos)
        throw UsageError(std::string(option) + " : une seule ligne, sans tabulation");
    return text;
}

// A reason the platform offers, as its key; any other as typed.
std::string reason_option(const std::string& text) {
    if (text.empty()) return text;
    try {
        return std::string(resolve_term(edof_reasons(), text, "motif"));
    } catch (const UsageError&) {
        return one_line_text(text, "--reason");
    }
}

ops::EdofEdit parse(const Context& context, const SetOptions& o) {
    ops::EdofEdit edit;
    if (o.dossier.given) edit.dossier = one_line_text(o.dossier.text, "--dossier");
    edit.requested = date_option(context, o.requested);
    edit.answered = date_option(context, o.answered);
    edit.validated = date_option(context, o.validated);
    edit.entry_declared = date_option(context, o.entry);
    edit.exit_declared = date_option(context, o.exit);
    if (o.service_fait.given)
        edit.service_fait = o.service_fait.text.empty()
                                ? std::string()
                                : std::string(resolve_term(service_fait_kinds(),
                                                           o.service_fait.text, "service fait"));
    if (o.minutes.given)
        edit.minutes_not_done = o.minutes.text.empty()
                                    ? std::optional<int>()
                                    : std::optional<int>(parse_duration_minutes(o.minutes.text));
    if (o.reason.given) edit.reason = reason_option(o.reason.text);
    edit.invoiced = date_option(context, o.invoiced);
    edit.paid = date_option(context, o.paid);
    return edit;
}

int run_set(const Context& context, const SetOptions& o) {
    const ops::EdofEdit edit = parse(context, o); // usage errors before any lock
    if (edit.empty())
        throw UsageError("rien à modifier : --dossier, --entry-declared, --exit-declared, "
                         "--service-fait… (bilan edof set --help)");
    print_notices(ops::set_edof(context.store(), edit));
    return 0;
}

Option typed(std::string names, std::string help, Typed& target, Values values = {}) {
    return {std::move(names), std::move(help),  &target.text, false,
            &target.given,    std::move(values)};
}

} // namespace

void declare_edof(Declarations& declarations, Context& context) {
    declarations.group("edof", "Dossier CPF (EDOF) : déclarations et échéances en jours ouvrés");

    auto o = std::make_shared<SetOptions>();
    declarations.add(
        {"edof set",
         "Enregistrer ce qui a été déclaré sur EDOF (chaque option remplace ce champ ; vide "
         "l'efface)",
         "bilan edof set --dossier 123456789 --entry-declared 2026-05-15",
         {typed("--dossier", "Numéro du dossier sur la plateforme", o->dossier),
          typed("--requested", "Date de la demande du titulaire", o->requested),
          typed("--answered", "Date de la réponse de l'organisme", o->answered),
          typed("--validated", "Date de la validation par le titulaire", o->validated),
          typed("--entry-declared", "Date de la déclaration d'entrée", o->entry),
          typed("--exit-declared", "Date de la déclaration de sortie", o->exit),
          typed("--service-fait", "Service fait : total ou partiel", o->service_fait,
                term_values(service_fait_kinds())),
          typed("--minutes-not-done", "Partiel : durée non réalisée (1h30, 90min)", o->minutes),
          typed("--reason", "Partiel : abandon, absence, interruption, force-majeure ou texte",
                o->reason, term_values(edof_reasons())),
          typed("--invoiced", "Date de la facture", o->invoiced),
          typed("--paid", "Date du paiement", o->paid)},
         [&context, o] { return run_set(context, *o); }});

    auto json = std::make_shared<bool>(false);
    declarations.add({"edof show",
                      "Afficher le dossier CPF et ses échéances",
                      "bilan edof show --json",
                      {{"--json", "Sortie JSON", json.get()}},
                      [&context, json] {
                          const ops::Loaded loaded = ops::read_edof(context.store());
                          print_out(*json ? edof_json(loaded.framework, loaded.folder)
                                          : edof_text(loaded.framework, loaded.folder));
                          return 0;
                      }});
}

} // namespace bilan::cli
