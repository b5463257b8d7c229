// bilan init DIR: opens a bilan in a new (or empty) folder.
#include "bilan/ops/bilan.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

struct InitOptions {
    std::string dir;
    std::string beneficiary;
    std::string framework = "fr";
    std::string start, funding, counsellor, organisation, demand;
    bool organisation_given = false;
};

int run_init(const Context& context, const InitOptions& o) {
    if (o.dir.empty()) throw UsageError("DIR : le chemin du dossier ne peut pas être vide");
    require_typed_text(o.beneficiary, "--beneficiary");
    if (o.beneficiary.empty()) throw UsageError("--beneficiary : le nom ne peut pas être vide");
    for (const std::string* text : {&o.counsellor, &o.organisation, &o.demand})
        require_typed_text(*text, "texte");

    ops::NewBilan request;
    request.dir = o.dir;
    request.framework = o.framework;
    request.funding = o.funding;
    request.bilan.beneficiary = o.beneficiary;
    if (!o.start.empty()) request.bilan.start = context.parse_date(o.start);
    request.bilan.counsellor = o.counsellor;
    request.bilan.organisation = o.organisation;
    request.organisation_given = o.organisation_given;
    request.bilan.demand = o.demand;
    ops::open_bilan(request);
    return 0;
}

} // namespace

void declare_init(Declarations& declarations, Context& context) {
    auto o = std::make_shared<InitOptions>();
    declarations.add(
        {"init",
         "Ouvrir un bilan dans un nouveau dossier",
         "bilan init claire --beneficiary \"Claire Martin\" --start 2026-03-02 --funding cpf",
         {{"DIR", "Dossier à créer (0700)", &o->dir, true},
          {"--beneficiary", "Nom du ou de la bénéficiaire", &o->beneficiary, true},
          {"--framework", "Cadre : fr (défaut), be, ou un fichier TOML", &o->framework, false,
           nullptr,
           [] {
               return std::vector<std::string>{"fr", "be"};
           }},
          {"--start", "Date de début (AAAA-MM-JJ, JJ/MM/AAAA, today)", &o->start},
          {"--funding",
           "Financement, selon le cadre : cpf, employeur, reclassement, france-travail, "
           "personnel, autre (fr) ; fonds-social, employeur, "
           "personnel, autre (be)",
           &o->funding, false, nullptr, term_values(funding_kinds())},
          {"--counsellor", "Conseiller·ère", &o->counsellor},
          {"--organisation",
           "Prestataire (défaut : le nom du cabinet, practice.toml au-dessus du dossier)",
           &o->organisation, false, &o->organisation_given},
          {"--demand", "Demande initiale du ou de la bénéficiaire", &o->demand}},
         [&context, o] { return run_init(context, *o); }});
}

} // namespace bilan::cli
