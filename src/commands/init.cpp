// bilan init DIR: opens a bilan in a new (or empty) folder.
#include "cli/context.hpp"

#include <CLI/CLI.hpp>

namespace bilan::cli {
namespace {

struct InitOptions {
    std::string dir;
    std::string beneficiary;
    std::string framework = "fr";
    std::string start, funding, counsellor, organisation, demand;
};

int run_init(const Context& context, const InitOptions& o) {
    if (o.dir.empty()) throw UsageError("DIR : le chemin du dossier ne peut pas être vide");
    require_clean_text(o.beneficiary, "--beneficiary");
    if (o.beneficiary.empty()) throw UsageError("--beneficiary : le nom ne peut pas être vide");
    for (const std::string* text : {&o.counsellor, &o.organisation, &o.demand})
        require_clean_text(*text, "texte");

    BilanRecord bilan;
    bilan.beneficiary = o.beneficiary;
    std::optional<std::filesystem::path> framework_file;
    Framework framework;
    if (is_builtin_framework(o.framework)) {
        bilan.framework = o.framework;
        framework = store::load_builtin_framework(o.framework);
    } else {
        framework = store::load_framework_file(o.framework); // refuses one it cannot use
        framework_file = o.framework;
        bilan.framework = "framework.toml";
    }
    if (!o.start.empty()) bilan.start = context.parse_date(o.start);
    if (!o.funding.empty()) bilan.funding = framework.resolve_funding(o.funding); // its own
    bilan.counsellor = o.counsellor;
    bilan.organisation = o.organisation;
    bilan.demand = o.demand;
    store::create_bilan(o.dir, store::fields_of(bilan), framework_file);
    return 0;
}

} // namespace

void register_init(CLI::App& app, Context& context, Registry& registry) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* cmd = app.add_subcommand("init", "Ouvrir un bilan dans un nouveau dossier");
    cmd->add_option("DIR", options->dir, "Dossier à créer (0700)")->required();
    cmd->add_option("--beneficiary", options->beneficiary, "Nom du ou de la bénéficiaire")
        ->required();
    cmd->add_option("--framework", options->framework,
                    "Cadre : fr (défaut), be, ou un fichier TOML");
    cmd->add_option("--start", options->start, "Date de début (AAAA-MM-JJ, JJ/MM/AAAA, today)");
    cmd->add_option("--funding", options->funding,
                    "Financement, selon le cadre : cpf, employeur, reclassement, france-travail, "
                    "personnel, autre (fr) ; fonds-social, cheques-formation, employeur, "
                    "personnel, autre (be)");
    cmd->add_option("--counsellor", options->counsellor, "Conseiller·ère");
    cmd->add_option("--organisation", options->organisation, "Prestataire");
    cmd->add_option("--demand", options->demand, "Demande initiale du ou de la bénéficiaire");
    registry.add(cmd, [&context, options] { return run_init(context, *options); });
}

} // namespace bilan::cli
