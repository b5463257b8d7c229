// bilan status: hours per phase against the framework, cap and floor, warnings, and what the
// substance holds so far. Always exits 0 on a valid folder.
#include "bilan/views.hpp"
#include "cli/context.hpp"

#include <CLI/CLI.hpp>

namespace bilan::cli {
namespace {

int run_status(const Context& context, bool json) {
    const store::Store store = context.store();
    store::Diagnostics strict;
    BilanRecord bilan = store.load_bilan(strict);
    const Framework framework = store.load_framework(bilan, strict);
    const Folder folder = store.load_all(framework, std::move(bilan), strict);
    print_out(json ? status_json(framework, folder)
                   : status_text(framework, folder, Style{context.color_stdout()}));
    return 0;
}

} // namespace

void register_status(CLI::App& app, Context& context, Registry& registry) {
    auto json = std::make_shared<bool>(false);
    CLI::App* cmd =
        app.add_subcommand("status", "Heures par phase, plafond, plancher, avertissements");
    cmd->add_flag("--json", *json, "Sortie JSON");
    registry.add(cmd, [&context, json] { return run_status(context, *json); });
}

} // namespace bilan::cli
