#include "bilan/rule_table.hpp"

#include "bilan/edof.hpp"
#include "bilan/funding.hpp"
#include "bilan/json.hpp"
#include "bilan/rules.hpp"
#include "bilan/views.hpp"

#include <array>

namespace bilan {
namespace {

constexpr std::array<std::string_view, 2> jurisdictions{"fr", "be"};

// The scheme of the Belgian non-profit sectors' social funds (practice.md §11): read from its
// presentation, still current to verify (it is undated).
constexpr std::string_view belgian_scheme =
    "dispositif des fonds sociaux du non-marchand (APEF–FE.BI, bilandecompetences.be)";

std::string minutes_text(const std::optional<int>& minutes) {
    return minutes ? format_minutes(*minutes) : std::string("—");
}

std::string months_text(const std::optional<int>& months) {
    return months ? std::to_string(*months) + " mois" : std::string("—");
}

// The figures French law sets, each from the data the rules apply.
std::vector<RuleRow> french_rows(const Framework& fw) {
    const FrenchFundingRules& funding = french_funding_rules();
    std::vector<RuleRow> rows;
    rows.push_back({"plafond", "Durée du bilan (phases préliminaire, investigation, conclusion)",
                    "au plus " + minutes_text(fw.cap_minutes), "L6313-4 du Code du travail",
                    false});
    rows.push_back({"plancher", "Accompagnement effectif (" + floor_kinds_text(fw) + ")",
                    "au moins " + minutes_text(fw.floor_minutes),
                    "R6313-4 modifié par le décret du 24 février 2026 (NOR TRSD2602696D)", true});
    if (const auto start = floor_start(fw))
        rows.push_back({"plancher-debut", "Entrée en vigueur du plancher",
                        "bilans commencés à partir du " + start->from.iso(),
                        std::string(start->source), start->to_verify});
    rows.push_back({"convention", "Convention tripartite (employeur, salarié(e), prestataire)",
                    "financements employeur et reclassement",
                    std::string(funding.convention_source), false});
    rows.push_back({"convention-delai", "Signature de la convention par le ou la salarié(e)",
                    std::to_string(funding.acceptance_days.value) +
                        " jours après l'envoi ; sinon réputée refusée",
                    std::string(funding.acceptance_days.source),
                    funding.acceptance_days.to_verify});
    rows.push_back(
        {"convention-jour-non-ouvre", "Limite de signature un samedi, un dimanche ou un jour férié",
         "reportée au jour ouvré suivant (avertissement, pas de refus)",
         std::string(funding.nonworking_day_shift.source), funding.nonworking_day_shift.to_verify});
    rows.push_back({"cpf-plafond", "Prise en charge par le CPF d'un bilan",
                    "au plus " + amount_text(funding.cpf_ceiling_cents.value),
                    std::string(funding.cpf_ceiling_cents.source),
                    funding.cpf_ceiling_cents.to_verify});
    rows.push_back({"cpf-participation", "Participation forfaitaire du ou de la titulaire du CPF",
                    amount_text(funding.cpf_participation_cents.value),
                    std::string(funding.cpf_participation_cents.source),
                    funding.cpf_participation_cents.to_verify});
    rows.push_back({"cpf-exonerations", "Exonérations de la participation",
                    "demandeur d'emploi ; abondement de l'employeur, d'un accord ou d'un OPCO ; "
                    "C2P ; accident du travail ou maladie professionnelle d'au moins 10 %",
                    "L6323-7 du Code du travail", false});
    for (const EdofDeadlineRule& rule : edof_deadline_rules())
        rows.push_back(
            {std::string(rule.what), "EDOF : " + std::string(rule.label),
             std::to_string(rule.business_days) + " jours ouvrés après " +
                 (rule.clock == EdofClock::first_counted_session ? "la première séance comptée"
                                                                 : "la dernière séance comptée"),
             std::string(rule.source), rule.to_verify});
    if (const auto retention = retention_rule(fw))
        rows.push_back({"conservation",
                        "Conservation de la synthèse (transmise au CEP) ou des documents (accord "
                        "écrit) après la fin",
                        "au plus " + std::to_string(retention->years) + " ans",
                        std::string(retention->source), false});
    rows.push_back({"suivi", "Entretien de suivi",
                    "environ " + months_text(fw.followup_months) + " après la fin",
                    std::string(followup_source(fw)), false});
    return rows;
}

// The figures of the Belgian scheme, as the `be` framework holds them.
std::vector<RuleRow> belgian_rows(const Framework& fw) {
    const std::string source(belgian_scheme);
    std::vector<RuleRow> rows;
    rows.push_back({"plafond", "Durée des phases 1 à 3 (hors suivi)",
                    "au plus " + minutes_text(fw.cap_minutes), source, true});
    rows.push_back(
        {"plancher", "Entretiens", "au moins " + minutes_text(fw.floor_minutes), source, true});
    if (fw.min_sessions)
        rows.push_back({"rendez-vous", "Rendez-vous d'entretien distincts",
                        "au moins " + std::to_string(*fw.min_sessions), source, true});
    rows.push_back({"duree", "Étalement des phases 1 à 3",
                    "4 à 8 semaines, au plus " + months_text(fw.max_months) +
                        " à la demande du travailleur ou de la travailleuse",
                    source, true});
    rows.push_back({"suivi", "Premier entretien de suivi",
                    "au plus tard " + months_text(fw.followup_months) + " après la fin", source,
                    true});
    rows.push_back({"suivi-fin", "Entretiens de suivi",
                    "tous dans les " + months_text(fw.followup_within_months) + " après la fin",
                    source, true});
    return rows;
}

// A table cell: one line, its pipes escaped.
std::string cell(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '|') out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

} // namespace

std::span<const std::string_view> rule_jurisdictions() {
    return jurisdictions;
}

std::vector<RuleRow> rule_table(const Framework& framework) {
    if (framework.name == "fr") return french_rows(framework);
    if (framework.name == "be") return belgian_rows(framework);
    return {};
}

std::string rule_table_markdown(std::string_view jurisdiction, const std::vector<RuleRow>& rows) {
    std::string out = "# Règles chiffrées du cadre " + std::string(jurisdiction) +
                      "\n\n| Règle | Valeur | Source | Confiance |\n|---|---|---|---|\n";
    for (const RuleRow& row : rows)
        out += "| `" + row.key + "` " + cell(row.label) + " | " + cell(row.value) + " | " +
               cell(row.source) + " | " + std::string(row.confidence()) + " |\n";
    return out;
}

std::string rule_table_json(std::string_view jurisdiction, const std::vector<RuleRow>& rows) {
    JsonWriter json;
    json.begin_object().field("schema", 1).field("jurisdiction", jurisdiction);
    json.key("rules").begin_array();
    for (const RuleRow& row : rows)
        json.begin_object()
            .field("key", row.key)
            .field("label", row.label)
            .field("value", row.value)
            .field("source", row.source)
            .field("confidence", row.confidence())
            .end_object();
    json.end_array().end_object();
    return json.str();
}

} // namespace bilan
