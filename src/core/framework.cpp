#include "bilan/framework.hpp"

#include "bilan/spelling.hpp"
#include "bilan/values.hpp"

#include <algorithm>

namespace bilan {
namespace {

// France: the usual programme (préalable 1h, préliminaire 3h, investigation 17h, conclusion
// 4h, suivi 1h), L6313-4's 24-hour cap, the 2026 decree's 13-hour floor of
// effective accompaniment (to verify), the follow-up about six months after the end. The
// floor counts what the provider delivers: interviews, tests supervised or debriefed, and
// workshops the counsellor leads; a test taken alone is personal work (R6313-4 as amended in
// 2026: the 13 hours are of accompagnement effectif; D6323-6: the CPF pays only those).
constexpr const char* france =
    R"toml(# Cadre français : Code du travail L6313-1, L6313-4, R6313-4 à R6313-8.
name = "fr"
label = "Bilan de compétences (France, Code du travail L6313-4)"
notice = "article L6313-4 du Code du travail"   # cité par la mention de confidentialité
cap_minutes = 1440        # 24 h au plus pour les trois phases du bilan (L6313-4)
floor_minutes = 780       # 13 h d'accompagnement effectif au moins (décret 2026, à vérifier)
floor_kinds = ["entretien", "test", "atelier"]   # un test passé seul : travail-personnel
followup_months = 6       # entretien de suivi environ six mois après la fin

[[phases]]
key = "prealable"
label = "Entretien préalable"
target_minutes = 60
counted = false
aliases = ["prior", "intake"]

[[phases]]
key = "preliminaire"
label = "Phase préliminaire"
target_minutes = 180
aliases = ["preliminary"]

[[phases]]
key = "investigation"
label = "Phase d'investigation"
target_minutes = 1020

[[phases]]
key = "conclusion"
label = "Phase de conclusion"
target_minutes = 240

[[phases]]
key = "suivi"
label = "Entretien de suivi"
target_minutes = 60
counted = false
aliases = ["follow-up", "followup"]
)toml";

// Belgium: phases 1 to 3 last 12 to 20 hours over 4 to 8 weeks (up to 4 months), with at
// least 12 hours of interviews in at least 6 appointments (a collective workshop is time of the
// bilan, under its cap, but no interview: it counts toward neither the floor nor the
// appointments, which the scheme states as individual interviews); follow-ups within 12 months, the
// first at most 6 months after the end. No Belgian article is known to us that makes the
// results the worker's own: the notice cites none (never the French L6313-4). Funded by the
// sectors' social funds (fonds sociaux sectoriels), the employer or the worker; training
// vouchers (chèques-formation) are not the scheme's: retired, still read (is_retired_funding).
constexpr const char* belgium =
    R"toml(# Cadre belge : phases 1 à 3 de 12 à 20 heures, suivi dans les 12 mois.
name = "be"
label = "Bilan de compétences (Belgique)"
cap_minutes = 1200        # 20 h au plus hors suivi
floor_minutes = 720       # 12 h d'entretiens au moins
floor_kinds = ["entretien"]   # un atelier collectif n'est pas un entretien
min_sessions = 6          # en 6 rendez-vous au moins
max_months = 4            # 4 à 8 semaines, étalement possible jusqu'à 4 mois
followup_months = 6       # premier suivi au plus tard 6 mois après la fin
followup_within_months = 12

[[funding]]
key = "fonds-social"
label = "fonds social sectoriel"
aliases = ["fonds-sectoriel", "fonds-social-sectoriel", "social-fund"]

[[funding]]
key = "employeur"
label = "employeur"
aliases = ["employer"]

[[funding]]
key = "personnel"
label = "financement personnel"
aliases = ["personal", "self"]

[[funding]]
key = "autre"
label = "autre financement"
aliases = ["other"]

[[phases]]
key = "prealable"
label = "Entretien préalable"
target_minutes = 60
counted = false
aliases = ["prior", "intake"]

[[phases]]
key = "preliminaire"
label = "Phase préliminaire (phase 1)"
target_minutes = 180
aliases = ["preliminary", "phase-1"]

[[phases]]
key = "investigation"
label = "Phase d'investigation (phase 2)"
target_minutes = 780
aliases = ["phase-2"]

[[phases]]
key = "conclusion"
label = "Phase de conclusion (phase 3)"
target_minutes = 240
aliases = ["phase-3"]

[[phases]]
key = "suivi"
label = "Entretien de suivi (phase 4)"
target_minutes = 60
counted = false
aliases = ["follow-up", "followup", "phase-4"]
)toml";

} // namespace

const char* builtin_framework_text(std::string_view name) {
    if (name == "fr") return france;
    if (name == "be") return belgium;
    return nullptr;
}

bool is_builtin_framework(std::string_view name) {
    return builtin_framework_text(name);
}

bool is_retired_funding(const Framework& framework, std::string_view funding) {
    if (framework.name != "be") return false;
    const std::string folded = fold_term(funding);
    for (const std::string_view retired :
         {"cheques-formation", "cheque-formation", "training-vouchers", "chèques-formation"})
        if (fold_term(retired) == folded) return true;
    return false;
}

const Phase* Framework::find_phase(std::string_view key) const {
    auto it =
        std::find_if(phases.begin(), phases.end(), [&](const Phase& p) { return p.key == key; });
    return it == phases.end() ? nullptr : &*it;
}

bool Framework::counts(std::string_view phase) const {
    const Phase* p = find_phase(phase);
    return p && p->counted;
}

bool Framework::counts_toward_floor(std::string_view kind) const {
    return std::find(floor_kinds.begin(), floor_kinds.end(), kind) != floor_kinds.end();
}

std::string Framework::resolve_phase(std::string_view text) const {
    const std::string folded = fold_term(text);
    for (const Phase& phase : phases) {
        if (fold_term(phase.key) == folded || fold_term(phase.label) == folded) return phase.key;
        for (const std::string& alias : phase.aliases)
            if (fold_term(alias) == folded) return phase.key;
    }
    std::vector<std::string> keys;
    for (const Phase& phase : phases)
        keys.push_back(phase.key);
    throw UsageError("phase inconnue « " + std::string(text) + " »" + expected_one_of(text, keys));
}

std::string Framework::resolve_funding(std::string_view text) const {
    if (fundings.empty()) return std::string(resolve_term(funding_kinds(), text, "financement"));
    const std::string folded = fold_term(text);
    for (const Funding& funding : fundings) {
        if (fold_term(funding.key) == folded || fold_term(funding.label) == folded)
            return funding.key;
        for (const std::string& alias : funding.aliases)
            if (fold_term(alias) == folded) return funding.key;
    }
    std::vector<std::string> keys;
    for (const Funding& funding : fundings)
        keys.push_back(funding.key);
    throw UsageError("financement inconnu « " + std::string(text) + " »" +
                     expected_one_of(text, keys) + " (cadre " + name + ")");
}

std::string Framework::funding_label(std::string_view text) const {
    try {
        const std::string key = resolve_funding(text);
        if (fundings.empty()) return std::string(term_label(funding_kinds(), key));
        for (const Funding& funding : fundings)
            if (funding.key == key) return funding.label.empty() ? key : funding.label;
    } catch (const UsageError&) {
    }
    return std::string(text);
}

} // namespace bilan
