// The consents' sections and ids, and what `check` finds missing from the synthesis.
#include "bilan/markdown.hpp"
#include "bilan/synthesis.hpp"

#include <algorithm>
#include <array>

namespace bilan {

// ---- sections and consents ---------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 3> a_circonstances{"circumstances", "circonstances-du-bilan",
                                                          "contexte"};
constexpr std::array<std::string_view, 4> a_competences{"skills", "competences-et-aptitudes",
                                                        "aptitudes", "competence"};
constexpr std::array<std::string_view, 3> a_pistes{"options", "piste", "pistes-explorees"};
constexpr std::array<std::string_view, 2> a_projet{"project", "projet-professionnel"};
constexpr std::array<std::string_view, 4> a_plan{"actions", "plan-d'action", "plan-d-action",
                                                 "action-plan"};

const std::array section_terms{
    Term{"circonstances", "circonstances du bilan", a_circonstances},
    Term{"competences", "compétences et aptitudes", a_competences},
    Term{"pistes", "pistes explorées", a_pistes},
    Term{"projet", "projet professionnel", a_projet},
    Term{"plan", "plan d'action", a_plan},
};

std::size_t section_rank(std::string_view key) {
    for (std::size_t i = 0; i < section_terms.size(); ++i)
        if (section_terms[i].key == key) return i;
    return section_terms.size();
}

void add_section(std::vector<std::string>& keys, std::string_view key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
    std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
        return section_rank(a) < section_rank(b);
    });
}

} // namespace

std::span<const Term> synthesis_sections() {
    return section_terms;
}

std::vector<std::string> default_shared_sections() {
    return {"projet", "plan"};
}

std::vector<std::string> parse_sections(std::string_view list) {
    std::vector<std::string> keys;
    while (true) {
        const std::size_t comma = list.find(',');
        const std::string_view item = list.substr(0, comma);
        if (!md::blank(item))
            add_section(keys, resolve_term(section_terms, item, "nom de section"));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    if (keys.empty())
        throw UsageError("--sections : aucune section (attendu circonstances, competences, pistes, "
                         "projet ou plan, séparées par des virgules)");
    return keys;
}

std::string consent_id(std::string_view recipient) {
    std::string id;
    for (const char c : fold_term(recipient)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            id += c;
        else if (c == '-' && !id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && id.back() == '-')
        id.pop_back();
    return id;
}

std::vector<const Consent*> consents_for(const std::vector<Consent>& consents,
                                         std::string_view recipient) {
    const std::string id = consent_id(recipient);
    std::vector<const Consent*> found;
    if (id.empty()) return found;
    for (const Consent& c : consents)
        if (c.id == id || consent_id(c.recipient) == id) found.push_back(&c);
    return found;
}

std::vector<std::string> shared_sections(const Consent& consent) {
    if (consent.sections.empty()) return default_shared_sections();
    std::vector<std::string> keys;
    for (const std::string& name : consent.sections) {
        try {
            add_section(keys, resolve_term(section_terms, name, "nom de section"));
        } catch (const UsageError& e) {
            throw DataError(consent.origin,
                            "consentement pour « " + consent.recipient + " » : " + e.what());
        }
    }
    return keys;
}

// ---- completeness ------------------------------------------------------------------------

namespace {
// The file at fault, when the record was read from one (project.toml may not exist yet).
std::optional<SourcePos> located(const SourcePos& origin) {
    return origin.file.empty() ? std::nullopt : std::optional<SourcePos>(origin);
}
} // namespace

std::vector<Problem> synthesis_problems(const Framework&, const Folder& folder) {
    std::vector<Problem> problems;
    const std::string incomplete = "synthèse incomplète : ";
    if (md::blank(folder.bilan.demand))
        problems.push_back({located(folder.bilan.origin),
                            incomplete + "la demande initiale n'est pas renseignée (bilan set "
                                         "demand TEXTE)"});
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> types{{
        {"savoir", "aucun savoir"},
        {"savoir-faire", "aucun savoir-faire"},
        {"savoir-etre", "aucun savoir-être"},
    }};
    for (const auto& [type, none] : types)
        if (std::none_of(folder.skills.begin(), folder.skills.end(),
                         [&](const Skill& k) { return k.type == type; }))
            problems.push_back({std::nullopt, incomplete + std::string(none) +
                                                  " consigné (bilan skill add TEXTE --type " +
                                                  std::string(type) + ")"});
    if (std::none_of(folder.pistes.begin(), folder.pistes.end(),
                     [](const Piste& p) { return p.decision == "retained"; }))
        problems.push_back(
            {std::nullopt, incomplete + "aucune piste retenue (bilan piste decide ID retained)"});
    if (md::blank(folder.project.title)) {
        problems.push_back({located(folder.project.origin),
                            incomplete + "le projet professionnel n'a pas d'intitulé (bilan "
                                         "project set --title TEXTE)"});
    }
    if (folder.actions.empty())
        problems.push_back({std::nullopt, incomplete + "aucune action au plan d'action (bilan "
                                                       "action add TEXTE --horizon court)"});
    for (const Consent& consent : folder.consents)
        for (const std::string& name : consent.sections) {
            try {
                resolve_term(section_terms, name, "nom de section");
            } catch (const UsageError& e) {
                problems.push_back({consent.origin, "consentement pour « " + consent.recipient +
                                                        " » : " + e.what()});
            }
        }
    return problems;
}

} // namespace bilan
