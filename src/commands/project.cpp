// bilan project set|show: the professional project. Each option given replaces that field
// (repeat --strength or --watch to give the whole list); an empty value removes it.
#include "bilan/ops/substance.hpp"
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

// Each field with a flag that says whether the line names it: `--title ""` removes the title,
// no --title leaves it.
struct SetOptions {
    std::string title, training;
    std::vector<std::string> strengths, watch;
    bool title_given = false, training_given = false, strengths_given = false, watch_given = false;
};

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t") == std::string::npos;
}

// Blank items are dropped by set_project (`--watch "" --watch a` gives ["a"]): only the others
// are checked.
std::vector<std::string> checked_items(const std::vector<std::string>& items,
                                       std::string_view option) {
    for (const auto& item : items)
        if (!blank(item)) checked_text(item, option);
    return items;
}

int run_set(const Context& context, const SetOptions& o) {
    ops::ProjectEdit edit;
    if (o.title_given) edit.title = checked_text(o.title, "--title");
    if (o.training_given) edit.training = checked_text(o.training, "--training");
    if (o.strengths_given) edit.strengths = checked_items(o.strengths, "--strength");
    if (o.watch_given) edit.watch = checked_items(o.watch, "--watch");
    if (edit.empty())
        throw UsageError("rien à modifier : --title, --training, --strength ou --watch");
    ops::set_project(context.store(), edit);
    return 0;
}

} // namespace

void declare_project(Declarations& declarations, Context& context) {
    declarations.group("project", "Projet professionnel");

    auto o = std::make_shared<SetOptions>();
    declarations.add({"project set",
                      "Définir le projet (chaque option remplace ce champ)",
                      "bilan project set --title \"Formatrice d'adultes\" --strength \"Expertise\"",
                      {{"--title", "Le projet retenu", &o->title, false, &o->title_given},
                       {"--training", "Le projet de formation (contenu, durée, financement)",
                        &o->training, false, &o->training_given},
                       {"--strength", "Point fort (répétable : la liste complète)", &o->strengths,
                        false, &o->strengths_given},
                       {"--watch", "Point de vigilance (répétable : la liste complète)", &o->watch,
                        false, &o->watch_given}},
                      [&context, o] { return run_set(context, *o); }});

    auto json = std::make_shared<bool>(false);
    declarations.add({"project show",
                      "Afficher le projet et le plan B",
                      "bilan project show --json",
                      {{"--json", "Sortie JSON", json.get()}},
                      [&context, json] {
                          const ops::ProjectView shown = ops::show_project(context.store());
                          print_out(*json ? project_json(shown.project, shown.pistes)
                                          : project_text(shown.project, shown.pistes));
                          return 0;
                      }});
}

} // namespace bilan::cli
