// bilan evaluation add|list|rm: the evaluations à chaud and à froid of the service (Qualiopi
// ind. 11 and 30). Administrative data: never in the synthesis.
#include "bilan/evaluations.hpp"
#include "bilan/ops/evaluations.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {
namespace {

struct EvaluationAddOptions {
    std::string kind, date, satisfaction, comment, by;
    std::vector<std::string> answers;
};

int run_add(const Context& context, const EvaluationAddOptions& o) {
    Evaluation e; // everything parsed before the folder is touched: a usage error is exit 2
    e.kind = std::string(resolve_term(evaluation_kinds(), o.kind, "type d'évaluation"));
    e.date = context.parse_date(o.date);
    e.satisfaction = parse_rating(o.satisfaction);
    for (const std::string& text : o.answers) {
        require_typed_text(text, "--answer");
        Answer answer = parse_answer(text);
        for (const Answer& earlier : e.answers)
            if (earlier.key == answer.key)
                throw UsageError("--answer « " + answer.key + " » donné deux fois");
        e.answers.push_back(std::move(answer));
    }
    e.comment = checked_text(o.comment, "--comment");
    if (!o.by.empty() && o.by != "beneficiaire")
        e.by = std::string(resolve_term(evaluation_parties(), o.by, "auteur de l'évaluation"));
    print_notices(ops::add_evaluation(context.store(), e, print_id));
    return 0;
}

} // namespace

void declare_evaluation(Declarations& declarations, Context& context) {
    declarations.group("evaluation", "Évaluations à chaud et à froid du bilan (Qualiopi 11, 30)");

    auto add = std::make_shared<EvaluationAddOptions>();
    declarations.add(
        {"evaluation add",
         "Consigner une évaluation (affiche son identifiant) ; jamais dans la synthèse",
         "bilan evaluation add chaud --date 2026-05-04 --satisfaction 5 --answer attentes=5",
         {{"KIND", "chaud (fin du bilan) ou froid (au suivi)", &add->kind, true, nullptr,
           term_values(evaluation_kinds())},
          {"--date", "Date de l'évaluation", &add->date, true},
          {"--satisfaction", "Satisfaction globale, de 1 à 5", &add->satisfaction, true},
          {"--answer", "Réponse CLÉ=VALEUR (répétable ; ex. attentes=4, recommande=oui)",
           &add->answers},
          {"--comment", "Commentaire sur la prestation (jamais sur le fond du bilan)",
           &add->comment},
          {"--par",
           "Avis d'une autre partie prenante (Qualiopi 30) : financeur ou employeur ; "
           "beneficiaire (défaut)",
           &add->by, false, nullptr, fixed_values({"beneficiaire", "financeur", "employeur"})}},
         [&context, add] { return run_add(context, *add); }});

    declare_list(declarations, context, "evaluation", "Lister les évaluations par date",
                 [](const store::Store& store, bool json) {
                     const auto list = ops::list<Evaluation>(store);
                     if (!json && list.empty() && ::isatty(STDOUT_FILENO))
                         return std::string("Aucune évaluation.\n");
                     return json ? evaluations_json(list) : evaluations_table(list);
                 });
    declare_rm(declarations, context, "evaluation", store::collection_of<Evaluation>());
}

} // namespace bilan::cli
