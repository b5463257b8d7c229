// bilan convention set|show|render: the tripartite convention employer–employee–provider
// (R6313-8) of a bilan in an employer's plan or a congé de reclassement. Each option given
// replaces that field; an empty value removes it. render writes the convention as Markdown.
#include "bilan/funding_views.hpp"
#include "bilan/ops/funding.hpp"
#include "bilan/provider_ids.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

#include <array>

namespace bilan::cli {
namespace {

// The options of `convention set`, each a text the line may name (an empty one removes).
enum Field : std::size_t {
    employer,
    employer_siret,
    employer_address,
    employer_signatory,
    title,
    objective,
    content,
    means,
    conduct,
    payment,
    duration,
    start,
    end,
    sent,
    signed_employee,
    signed_employer,
    signed_provider,
    field_count
};

struct FieldOption {
    const char* name;
    const char* help;
};
constexpr std::array<FieldOption, field_count> field_options{{
    {"--employer", "L'employeur (raison sociale)"},
    {"--employer-siret", "SIRET de l'employeur (14 chiffres)"},
    {"--employer-address", "Adresse de l'employeur"},
    {"--employer-signatory", "Qui signe pour l'employeur"},
    {"--title", "Intitulé (défaut : Bilan de compétences)"},
    {"--objective", "Objectif (défaut : celui de L6313-4)"},
    {"--content", "Contenu (défaut : les phases du bilan)"},
    {"--means", "Moyens pédagogiques et techniques"},
    {"--conduct", "Modalités de déroulement et de suivi"},
    {"--payment", "Modalités de règlement (le prix : bilan financing set)"},
    {"--duration", "Durée de l'accompagnement (24h, 20h30)"},
    {"--start", "Début de la période de réalisation"},
    {"--end", "Fin de la période de réalisation"},
    {"--sent", "Date d'envoi par l'employeur au salarié"},
    {"--signed-employee", "Date de signature par le ou la salarié(e)"},
    {"--signed-employer", "Date de signature par l'employeur"},
    {"--signed-provider", "Date de signature par le prestataire"},
}};

struct SetOptions {
    std::array<std::string, field_count> values;
    std::array<bool, field_count> given{};
};

std::optional<std::string> text_of(const SetOptions& o, Field f) {
    if (!o.given[f]) return std::nullopt;
    return checked_text(o.values[f], field_options[f].name);
}

std::optional<std::optional<Date>> date_of(const Context& context, const SetOptions& o, Field f) {
    if (!o.given[f]) return std::nullopt;
    return optional_date(context, o.values[f]);
}

ops::ConventionEdit parsed(const Context& context, const SetOptions& o) {
    ops::ConventionEdit edit;
    edit.employer = text_of(o, employer);
    if (o.given[employer_siret])
        edit.employer_siret = o.values[employer_siret].empty()
                                  ? std::string()
                                  : parse_siret(o.values[employer_siret]);
    edit.employer_address = text_of(o, employer_address);
    edit.employer_signatory = text_of(o, employer_signatory);
    edit.title = text_of(o, title);
    edit.objective = text_of(o, objective);
    edit.content = text_of(o, content);
    edit.means = text_of(o, means);
    edit.conduct = text_of(o, conduct);
    edit.payment = text_of(o, payment);
    if (o.given[duration])
        edit.duration_minutes = o.values[duration].empty()
                                    ? std::nullopt
                                    : std::optional(parse_duration_minutes(o.values[duration]));
    edit.start = date_of(context, o, start);
    edit.end = date_of(context, o, end);
    edit.sent = date_of(context, o, sent);
    edit.signed_employee = date_of(context, o, signed_employee);
    edit.signed_employer = date_of(context, o, signed_employer);
    edit.signed_provider = date_of(context, o, signed_provider);
    return edit;
}

int run_set(const Context& context, const SetOptions& o) {
    const ops::ConventionEdit edit = parsed(context, o); // usage errors before any lock
    if (edit.empty())
        throw UsageError("rien à modifier : --employer, --sent, --signed-employee, "
                         "--signed-employer, --signed-provider… (bilan convention set --help)");
    print_notices(ops::set_convention(context.store(), edit, context.today()));
    return 0;
}

struct RenderOptions {
    DocumentOutput out;
};

int run_render(const Context& context, const RenderOptions& o) {
    const DocumentFormat format = document_format(o.out);
    deliver(o.out, format, ops::render_convention(context.store()), {});
    return 0;
}

} // namespace

void declare_convention(Declarations& declarations, Context& context) {
    declarations.group("convention",
                       "Convention tripartite employeur-salarié-prestataire (R6313-8)");

    auto o = std::make_shared<SetOptions>();
    std::vector<Option> options;
    for (std::size_t f = 0; f < field_count; ++f)
        options.push_back(
            {field_options[f].name, field_options[f].help, &o->values[f], false, &o->given[f]});
    declarations.add({"convention set",
                      "Enregistrer la convention (chaque option remplace ce champ, vide : l'ôte)",
                      "bilan convention set --employer \"Transports Durand\" --sent 2026-03-02",
                      std::move(options), [&context, o] { return run_set(context, *o); }});

    auto json = std::make_shared<bool>(false);
    declarations.add({"convention show",
                      "Afficher la convention",
                      "bilan convention show --json",
                      {{"--json", "Sortie JSON", json.get()}},
                      [&context, json] {
                          const Convention c = ops::show_convention(context.store());
                          print_out(*json      ? convention_json(c)
                                    : c.exists ? convention_text(c)
                                               : "Aucune convention (bilan convention set "
                                                 "--employer … --sent …)\n");
                          return 0;
                      }});

    auto r = std::make_shared<RenderOptions>();
    declarations.add({"convention render",
                      "La convention, avec les trois blocs de signature ; Markdown, HTML ou PDF",
                      "bilan convention render -o convention.pdf",
                      {output_option(r->out.file), format_option(r->out)},
                      [&context, r] { return run_render(context, *r); }});
}

} // namespace bilan::cli
