// bilan amelioration add|close|list: the practice's register of improvements (Qualiopi 32),
// kept in the practice folder (ameliorations/). The rules are the operations'
// (src/ops/registers.cpp).
#include "bilan/json.hpp"
#include "bilan/ops/registers.hpp"
#include "bilan/values.hpp"
#include "bilan/views.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

struct AddOptions {
    std::string action, date, source, ref, owner, due;
};
struct CloseOptions {
    std::string id, date;
};
struct ListOptions {
    bool json = false, open = false;
};

std::string improvements_json(const std::vector<Improvement>& list) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("ameliorations").begin_array();
    for (const Improvement& i : list) {
        json.begin_object()
            .field("id", i.id)
            .field("date", i.date)
            .field("source", i.source)
            .text_or_null("ref", i.ref)
            .field("action", i.action)
            .field("owner", i.owner)
            .field("due", i.due)
            .field("done", i.done)
            .end_object();
    }
    json.end_array().end_object();
    return json.str();
}

std::string improvements_text(const std::vector<Improvement>& list) {
    std::string out;
    for (const Improvement& i : list) {
        const std::string state = i.done  ? "faite le " + i.done->iso()
                                  : i.due ? "échéance " + i.due->iso()
                                          : std::string("ouverte");
        out += i.id + "  " + i.date.iso() + "  " + pad_right(i.source, 11) + " " +
               pad_right(state, 19) + " " + visible_line(i.owner) + " : " + visible_line(i.action) +
               "\n";
    }
    return out;
}

} // namespace

void declare_amelioration(Declarations& declarations, Context& context) {
    declarations.group("amelioration",
                       "Registre des actions d'amélioration du cabinet (Qualiopi 32), dans le "
                       "dossier du cabinet");
    std::vector<std::string> sources(improvement_sources().begin(), improvement_sources().end());
    auto add = std::make_shared<AddOptions>();
    declarations.add(
        {"amelioration add",
         "Enregistrer une action d'amélioration décidée (affiche son identifiant)",
         "bilan amelioration add \"Remettre la synthèse sous 8 jours\" --date 2026-03-10 "
         "--source reclamation --ref 3f9a1c2e --responsable \"H. Moreau\" --echeance 2026-04-30",
         {{"TEXT", "L'action", &add->action, true},
          {"--date", "Date de la décision", &add->date, true},
          {"--source", "reclamation, evaluation, audit ou autre", &add->source, true, nullptr,
           fixed_values(sources)},
          {"--ref", "Ce qui l'a motivée : identifiant de réclamation, évaluation, rapport d'audit",
           &add->ref},
          {"--responsable", "Responsable de l'action", &add->owner, true},
          {"--echeance", "Échéance", &add->due}},
         [&context, add] {
             Improvement i;
             i.action = required_text(add->action, "TEXT");
             i.date = context.parse_date(add->date);
             i.source = add->source;
             i.ref = checked_text(add->ref, "--ref");
             i.owner = required_text(add->owner, "--responsable");
             i.due = optional_date(context, add->due);
             print_out(ops::add_improvement(context.start_dir(), i, context.today()) + "\n");
             return 0;
         }});

    auto close = std::make_shared<CloseOptions>();
    declarations.add(
        {"amelioration close",
         "Marquer une action d'amélioration comme faite",
         "bilan amelioration close 3f9a --date 2026-04-20",
         {{"ID", "Identifiant (ou son début, 3 caractères au moins)", &close->id, true},
          {"--date", "Date de réalisation (pas après aujourd'hui)", &close->date, true}},
         [&context, close] {
             const std::string id = id_argument(close->id);
             ops::close_improvement(context.start_dir(), id, context.parse_date(close->date),
                                    context.today());
             return 0;
         }});

    auto list = std::make_shared<ListOptions>();
    declarations.add(
        {"amelioration list",
         "Lister les actions d'amélioration, par date",
         "bilan amelioration list --json",
         {{"--json", "Sortie JSON", &list->json},
          {"--ouvertes", "Seulement celles qui ne sont pas faites", &list->open}},
         [&context, list] {
             std::vector<Improvement> all = ops::list_improvements(context.start_dir());
             if (list->open)
                 std::erase_if(all, [](const Improvement& i) { return i.done.has_value(); });
             print_out(list->json ? improvements_json(all) : improvements_text(all));
             return 0;
         }});
}

} // namespace bilan::cli
