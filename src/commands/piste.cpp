// bilan piste add|survey|decide|list|rm: the career options explored, their enquêtes métiers
// and the decision on each. One piste at most is retained: deciding a second one is refused
// unless --replace, which turns the previous one into a plan B.
#include "bilan/ops/substance.hpp"
#include "bilan/substance_views.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

#include <unistd.h>

namespace bilan::cli {
namespace {

struct PisteAddOptions {
    std::string title, desire, feasibility;
    std::vector<std::string> favourable, unfavourable;
};

struct SurveyOptions {
    std::string id, date, with, note;
};

struct DecideOptions {
    std::string id, decision, why;
    bool replace = false;
};

std::vector<std::string> checked_texts(const std::vector<std::string>& texts,
                                       std::string_view option) {
    for (const auto& text : texts)
        required_text(text, option);
    return texts;
}

int run_piste_add(const Context& context, const PisteAddOptions& o) {
    const store::Store store = context.store();
    store.require_bilan();
    Piste p;
    p.title = required_text(o.title, "TITLE");
    if (!o.desire.empty()) p.desire = parse_rating(o.desire);
    if (!o.feasibility.empty()) p.feasibility = parse_rating(o.feasibility);
    p.favourable = checked_texts(o.favourable, "--for");
    p.unfavourable = checked_texts(o.unfavourable, "--against");
    ops::add_piste(store, p, print_id);
    return 0;
}

int run_survey(const Context& context, const SurveyOptions& o) {
    const store::Store store = context.store();
    store.require_bilan();
    Survey survey;
    survey.date = context.parse_date(o.date);
    survey.with = required_text(o.with, "--with");
    survey.note = checked_text(o.note, "--note");
    ops::survey_piste(store, id_argument(o.id), survey);
    return 0;
}

int run_decide(const Context& context, const DecideOptions& o) {
    const store::Store store = context.store();
    store.require_bilan();
    const std::string decision(resolve_term(piste_decisions(), o.decision, "décision"));
    const std::string why = checked_text(o.why, "--why");
    const std::string id = id_argument(o.id);
    print_notices(ops::decide_piste(store, id, decision, why, o.replace), "");
    return 0;
}

} // namespace

void declare_piste(Declarations& declarations, Context& context) {
    declarations.group("piste", "Pistes explorées, enquêtes métiers, décisions");

    auto add = std::make_shared<PisteAddOptions>();
    declarations.add(
        {"piste add",
         "Ajouter une piste (affiche son identifiant)",
         "bilan piste add \"Formatrice d'adultes\" --desire 5 --feasibility 4 --for \"Expertise\"",
         {{"TITLE", "Le métier ou la voie envisagée", &add->title, true},
          {"--desire", "Envie, de 1 à 5", &add->desire},
          {"--feasibility", "Faisabilité, de 1 à 5", &add->feasibility},
          {"--for", "Aspect favorable (répétable)", &add->favourable},
          {"--against", "Aspect défavorable ou zone d'ombre (répétable)", &add->unfavourable}},
         [&context, add] { return run_piste_add(context, *add); }});

    auto survey = std::make_shared<SurveyOptions>();
    declarations.add({"piste survey",
                      "Consigner une enquête métier sur une piste",
                      "bilan piste survey 3f9a --date 2026-04-09 --with \"Une formatrice en paie\"",
                      {{"ID", "Identifiant de la piste", &survey->id, true, nullptr,
                        id_values(context, store::collection_of<Piste>())},
                       {"--date", "Date de la rencontre", &survey->date, true},
                       {"--with", "Professionnel·le rencontré·e", &survey->with, true},
                       {"--note", "Ce qu'il en ressort", &survey->note}},
                      [&context, survey] { return run_survey(context, *survey); }});

    auto decide = std::make_shared<DecideOptions>();
    declarations.add({"piste decide",
                      "Décider d'une piste : retained, backup, dropped",
                      "bilan piste decide 3f9a retained --why \"Envie et faisabilité\"",
                      {{"ID", "Identifiant de la piste", &decide->id, true, nullptr,
                        id_values(context, store::collection_of<Piste>())},
                       {"DECISION", "retained (retenue), backup (plan B), dropped (abandonnée)",
                        &decide->decision, true, nullptr, term_values(piste_decisions())},
                       {"--why", "Pourquoi", &decide->why},
                       {"--replace", "Passer en plan B la piste déjà retenue", &decide->replace}},
                      [&context, decide] { return run_decide(context, *decide); }});

    declare_list(declarations, context, "piste", "Lister les pistes",
                 [](const store::Store& store, bool json) {
                     const auto list = ops::list_pistes(store);
                     // On a terminal, say so: a person sees it worked.
                     if (!json && list.empty() && ::isatty(STDOUT_FILENO))
                         return std::string("Aucune piste.\n");
                     return json ? pistes_json(list) : pistes_table(list);
                 });
    declare_rm(declarations, context, "piste", store::collection_of<Piste>());
}

} // namespace bilan::cli
