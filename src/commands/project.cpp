// bilan project set|show: the professional project. Each option given replaces that field
// (repeat --strength or --watch to give the whole list); an empty value removes it.
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

std::optional<store::Value> text_value(const std::string& text, std::string_view option) {
    if (text.empty()) return std::nullopt;
    return checked_text(text, option);
}

// Empty (or blank) items are dropped, so `--watch "" --watch a` gives ["a"]; a list left empty
// removes the key.
std::optional<store::Value> list_value(std::vector<std::string> items, std::string_view option) {
    std::erase_if(items, blank);
    for (const auto& item : items)
        checked_text(item, option);
    if (items.empty()) return std::nullopt;
    return items;
}

int run_set(const Context& context, const SetOptions& o) {
    store::Fields edits;
    if (o.title_given) edits.push_back({"title", text_value(o.title, "--title")});
    if (o.training_given) edits.push_back({"training", text_value(o.training, "--training")});
    if (o.strengths_given) edits.push_back({"strength", list_value(o.strengths, "--strength")});
    if (o.watch_given) edits.push_back({"watch", list_value(o.watch, "--watch")});
    if (edits.empty())
        throw UsageError("rien à modifier : --title, --training, --strength ou --watch");
    const store::Store store = context.store();
    store.require_bilan();
    store::Transaction transaction(store);
    store.load_project(strict()); // never edit a file we cannot read, read under the lock
    transaction.update_project(edits);
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
                          const store::Store store = context.store();
                          store.require_bilan();
                          const Project project = store.load_project(strict());
                          const auto pistes = store.load_pistes(strict());
                          print_out(*json ? project_json(project, pistes)
                                          : project_text(project, pistes));
                          return 0;
                      }});
}

} // namespace bilan::cli
