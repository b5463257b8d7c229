// The certificat de réalisation, after the ministry's model of 2020 (it replaced the
// attestations de présence for payment), which goes with an invoice: who signs for the
// provider, who took part, the nature of the action, its dates and the hours realised, the
// clause on keeping the evidence. A Belgian bilan has no such model: it gets a neutral
// attestation de participation stating the same facts.
#include "bilan/errors.hpp"
#include "bilan/markdown.hpp"
#include "bilan/proof_documents.hpp"
#include "bilan/rules.hpp"
#include "bilan/typography.hpp"

namespace bilan {

namespace {

using md::bold;

struct Facts {
    Date first, last;
    std::string hours; // "20 h"
};

// The dates of the action are those of its accompaniment: a day of personal work before the
// first session or after the last is no day the provider realised anything.
Facts facts_of(const Framework& framework, const Folder& folder, int realised_minutes) {
    const std::vector<const Session*> counted = counted_sessions(framework, folder);
    if (counted.empty())
        throw RefusedError("aucune séance dans les phases comptées du bilan : rien à certifier");
    std::vector<const Session*> with_counsellor;
    for (const Session* s : counted)
        if (held_with_counsellor(*s)) with_counsellor.push_back(s);
    const std::vector<const Session*>& dated = with_counsellor.empty() ? counted : with_counsellor;
    return {dated.front()->date, dated.back()->date, french_hours(realised_minutes)};
}

// ", salarié(e) de l'entreprise Transports Durand," when the convention names the employer;
// nothing otherwise (the model's mention is for employees only).
std::string employee_of(const Folder& folder) {
    const Convention& c = folder.convention;
    if (!c.exists || md::blank(c.employer)) return {};
    return ", salarié(e) de l'entreprise " + bold(md::line(c.employer)) + ",";
}

std::string place_and_date(const CertificateRequest& request) {
    return "Fait à " + md::line_or_fill(request.place) + ", le " +
           (request.signed_on ? request.signed_on->french() : std::string(md::to_fill)) + ".";
}

// "d'entretiens", "de tests": the French elision before a vowel.
std::string of_kinds(const Framework& framework) {
    const std::string kinds = floor_kinds_text(framework);
    static constexpr std::string_view vowels = "aeiouy";
    const bool elide = kinds.starts_with("é") ||
                       (!kinds.empty() && vowels.find(kinds.front()) != std::string_view::npos);
    return (elide ? "d'" : "de ") + kinds;
}

// "Phase préliminaire, Phase d'investigation et Phase de conclusion"
std::string counted_phases(const Framework& framework) {
    std::vector<std::string> labels;
    for (const Phase& p : framework.phases)
        if (p.counted) labels.push_back(md::line(p.label));
    std::string text;
    for (std::size_t i = 0; i < labels.size(); ++i)
        text += (i == 0 ? "" : i + 1 == labels.size() ? " et " : ", ") + labels[i];
    return text;
}

void front_matter(md::Writer& w, const Folder& folder, const Practice& provider, std::string title,
                  const CertificateRequest& request) {
    md::Letterhead head = md::Letterhead::of(folder.bilan, std::move(title));
    head.subtitle = "Bilan de compétences";
    head.provider = provider.name;
    head.author = provider.name;
    head.date = request.signed_on; // never the end of the bilan: the day it is signed, if known
    md::front_matter(w, head);
    const std::string block = provider_block(provider);
    if (!block.empty()) w.paragraph(block);
}

void signature(md::Writer& w, const Practice& provider, std::string_view capacity) {
    w.paragraph(bold(std::string("Cachet et signature ") + std::string(capacity)) + "\\\n" +
                md::line_or_fill(provider.signatory));
}

void ministry_model(md::Writer& w, const Framework& framework, const Folder& folder,
                    const Practice& provider, const Facts& facts,
                    const CertificateRequest& request) {
    w.heading(2, "Certificat de réalisation");
    w.paragraph("Je soussigné(e) " + bold(md::line_or_fill(provider.signatory)) +
                ", représentant légal du dispensateur de l'action concourant au développement "
                "des compétences " +
                bold(md::line_or_fill(provider.name)) + ",");
    const std::string& beneficiary = folder.bilan.beneficiary;
    w.paragraph("atteste " + typo::elided("que", beneficiary) + bold(md::line(beneficiary)) +
                employee_of(folder) + " a suivi l'action " + bold("Bilan de compétences") + ".");
    w.paragraph(bold("Nature de l'action concourant au développement des compétences :"));
    w.list({"[ ] action de formation", "[x] bilan de compétences",
            "[ ] action de validation des acquis de l'expérience",
            "[ ] action de formation par apprentissage"});
    w.paragraph("Action réalisée du " + bold(facts.first.french()) + " au " +
                bold(facts.last.french()) + ", pour une durée de " + bold(facts.hours) + " (1).");
    w.paragraph("Cette durée est celle de l'accompagnement effectif par le prestataire (" +
                floor_kinds_text(framework) +
                ", en présentiel ou à distance) dans les phases "
                "du bilan : " +
                counted_phases(framework) +
                ". Le travail personnel du bénéficiaire n'y est pas compté.");
    w.paragraph("Sans préjudice des délais imposés par les règles fiscales, comptables ou "
                "commerciales, je m'engage à conserver l'ensemble des pièces justificatives qui "
                "ont permis d'établir le présent certificat pendant une durée de 3 ans à compter "
                "de la fin de l'année du dernier paiement. En cas de cofinancement par des fonds "
                "européens, la durée de conservation est étendue conformément aux obligations "
                "conventionnelles spécifiques.");
    w.paragraph(place_and_date(request));
    signature(w, provider, "du représentant légal du dispensateur de l'action");
    // The model's note on the duration, in its words. Its other note, on the projet de
    // transition professionnelle, is left out: a bilan is never such a project's action.
    w.paragraph("(1) Pour les formations à distance, prendre en compte la réalisation des "
                "activités pédagogiques et le temps estimé pour les réaliser.");
}

void attestation(md::Writer& w, const Framework& framework, const Folder& folder,
                 const Practice& provider, const Facts& facts, const CertificateRequest& request) {
    w.heading(2, "Attestation de participation");
    w.paragraph("Je soussigné(e) " + bold(md::line_or_fill(provider.signatory)) + ", pour " +
                bold(md::line_or_fill(provider.name)) + ", atteste " +
                typo::elided("que", folder.bilan.beneficiary) +
                bold(md::line(folder.bilan.beneficiary)) +
                " a participé à un bilan de compétences du " + bold(facts.first.french()) + " au " +
                bold(facts.last.french()) + ", dont " + bold(facts.hours) + " " +
                of_kinds(framework) + " avec le conseiller ou la conseillère.");
    w.paragraph(place_and_date(request));
    signature(w, provider, "pour le prestataire");
}

} // namespace

std::string render_certificate(const Framework& framework, const Folder& folder,
                               const Practice& provider, int realised_minutes,
                               const CertificateRequest& request) {
    const Facts facts = facts_of(framework, folder, realised_minutes);
    md::Writer w;
    if (certificate_is_attestation(framework)) {
        front_matter(w, folder, provider, "Attestation de participation", request);
        attestation(w, framework, folder, provider, facts, request);
    } else {
        front_matter(w, folder, provider, "Certificat de réalisation", request);
        ministry_model(w, framework, folder, provider, facts, request);
    }
    return typo::document(w.str());
}

} // namespace bilan
