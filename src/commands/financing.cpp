// bilan financing set|show: the price of the bilan and what each payer pays (CPF, employer,
// OPCO, France Travail, the beneficiary, another), in euros, kept as integer cents.
#include "bilan/funding_views.hpp"
#include "bilan/ops/funding.hpp"
#include "cli/problems.hpp"
#include "cli/records.hpp"

namespace bilan::cli {
namespace {

struct SetOptions {
    std::string price, jobseeker, payment;
    std::vector<std::string> parts;
    bool price_given = false, jobseeker_given = false, payment_given = false;
};

std::optional<std::int64_t> amount_or_none(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return parse_amount_cents(text);
}

// "cpf=1600": the payer's key and its part; "cpf=" removes the part.
std::pair<std::string, std::optional<std::int64_t>> parsed_part(const std::string& text) {
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos)
        throw UsageError("--part « " + text + " » : attendu FINANCEUR=MONTANT (cpf=1600)");
    const std::string payer(resolve_term(funding_payers(), text.substr(0, equals), "financeur"));
    return {payer, amount_or_none(text.substr(equals + 1))};
}

std::optional<bool> yes_or_no(const std::string& text) {
    const std::string folded = fold_term(text);
    if (folded.empty()) return std::nullopt;
    if (folded == "oui" || folded == "yes") return true;
    if (folded == "non" || folded == "no") return false;
    throw UsageError("--demandeur-emploi « " + text + " » : attendu oui ou non");
}

int run_set(const Context& context, const SetOptions& o) {
    ops::FinancingEdit edit;
    if (o.price_given) edit.price_cents = amount_or_none(o.price);
    for (const std::string& part : o.parts) {
        auto parsed = parsed_part(part);
        for (const auto& earlier : edit.parts)
            if (earlier.first == parsed.first)
                throw UsageError("--part " + parsed.first + " donné deux fois");
        edit.parts.push_back(std::move(parsed));
    }
    if (o.jobseeker_given) edit.jobseeker = yes_or_no(o.jobseeker);
    if (o.payment_given) edit.payment = checked_text(o.payment, "--reglement");
    if (edit.empty())
        throw UsageError("rien à modifier : --price, --part, --demandeur-emploi ou --reglement");
    print_notices(ops::set_financing(context.store(), edit));
    return 0;
}

} // namespace

void declare_financing(Declarations& declarations, Context& context) {
    declarations.group("financing", "Financement : prix et part de chaque financeur");

    auto o = std::make_shared<SetOptions>();
    declarations.add(
        {"financing set",
         "Enregistrer le prix et les parts (en euros ; vide : l'ôte)",
         "bilan financing set --price 1800 --part cpf=1600 --reglement \"à réception de facture\"",
         {{"--price", "Prix du bilan, en euros (1800, 1 800,50)", &o->price, false,
           &o->price_given},
          {"--part",
           "FINANCEUR=MONTANT, répétable : cpf, employeur, opco, france-travail, "
           "beneficiaire, autre (FINANCEUR= l'ôte)",
           &o->parts},
          {"--demandeur-emploi", "oui ou non : le ou la titulaire est demandeur d'emploi",
           &o->jobseeker, false, &o->jobseeker_given},
          {"--reglement",
           "Modalités de règlement, reprises par la convention (« à réception de facture », "
           "un échéancier ; vide : les ôte)",
           &o->payment, false, &o->payment_given}},
         [&context, o] { return run_set(context, *o); }});

    auto json = std::make_shared<bool>(false);
    declarations.add({"financing show",
                      "Afficher le prix et les parts",
                      "bilan financing show --json",
                      {{"--json", "Sortie JSON", json.get()}},
                      [&context, json] {
                          const Financing f = ops::show_financing(context.store());
                          print_out(*json      ? financing_json(f)
                                    : f.exists ? financing_text(f)
                                               : "Aucun financement (bilan financing set "
                                                 "--price … --part cpf=…)\n");
                          return 0;
                      }});
}

} // namespace bilan::cli
