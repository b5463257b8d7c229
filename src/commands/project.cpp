// bilan project set|show: the professional project. Each option given replaces that field
// (repeat --strength or --watch to give the whole list); an empty value removes it.
#include "bilan/substance_views.hpp"
#include "cli/records.hpp"

#include <CLI/CLI.hpp>

namespace bilan::cli {
namespace {

struct SetOptions {
    std::optional<std::string> title, training;
    // Plain vectors and a flag each: CLI11 empties an optional<vector> that received "", which
    // would make `--strength ""` look like no option at all.
    std::vector<std::string> strengths, watch;
    bool strengths_given = false, watch_given = false;
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
    if (o.title) edits.push_back({"title", text_value(*o.title, "--title")});
    if (o.training) edits.push_back({"training", text_value(*o.training, "--training")});
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

void register_project(CLI::App& app, Context& context, Registry& registry) {
    CLI::App* group = app.add_subcommand("project", "Projet professionnel");
    group->require_subcommand(1);

    auto o = std::make_shared<SetOptions>();
    CLI::App* set =
        group->add_subcommand("set", "Définir le projet (chaque option remplace ce champ)");
    set->add_option("--title", o->title, "Le projet retenu");
    set->add_option("--training", o->training,
                    "Le projet de formation (contenu, durée, financement)");
    set->add_option("--strength", o->strengths, "Point fort (répétable : la liste complète)");
    set->add_option("--watch", o->watch, "Point de vigilance (répétable : la liste complète)");
    registry.add(set, [&context, o, set] {
        o->strengths_given = set->count("--strength") > 0;
        o->watch_given = set->count("--watch") > 0;
        return run_set(context, *o);
    });

    auto json = std::make_shared<bool>(false);
    CLI::App* show = group->add_subcommand("show", "Afficher le projet et le plan B");
    show->add_flag("--json", *json, "Sortie JSON");
    registry.add(show, [&context, json] {
        const store::Store store = context.store();
        store.require_bilan();
        const Project project = store.load_project(strict());
        const auto pistes = store.load_pistes(strict());
        print_out(*json ? project_json(project, pistes) : project_text(project, pistes));
        return 0;
    });
}

} // namespace bilan::cli
