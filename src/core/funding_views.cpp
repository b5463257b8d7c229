// The convention and the financing as `show` prints them and as the convention document.
#include "bilan/funding_views.hpp"

#include "bilan/json.hpp"
#include "bilan/markdown.hpp"
#include "bilan/proof_documents.hpp"
#include "bilan/typography.hpp"
#include "bilan/views.hpp"

namespace bilan {

namespace {

// A text on one terminal line: newlines and other control characters become spaces.
std::string one_line(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    return out;
}

std::string row(std::string_view label, const std::string& value) {
    return pad_right(label, 27) + (value.empty() ? "—" : one_line(value)) + "\n";
}

std::string date_text(const std::optional<Date>& date) {
    return date ? date->iso() : "";
}

std::string payer_label(std::string_view key) {
    return std::string(term_label(funding_payers(), key));
}

} // namespace

// ---- show ----------------------------------------------------------------------------------

std::string convention_text(const Convention& c) {
    if (!c.exists) return {}; // the command line says how to make one
    std::string out = row("Employeur", c.employer) + row("SIRET de l'employeur", c.employer_siret) +
                      row("Adresse de l'employeur", c.employer_address) +
                      row("Signataire employeur", c.employer_signatory) + row("Intitulé", c.title) +
                      row("Objectif", c.objective) + row("Contenu", c.content) +
                      row("Moyens", c.means) + row("Déroulement et suivi", c.conduct) +
                      row("Durée", c.duration_minutes ? format_minutes(*c.duration_minutes) : "") +
                      row("Début", date_text(c.start)) + row("Fin", date_text(c.end)) +
                      row("Règlement", c.payment) + row("Envoyée au salarié", date_text(c.sent)) +
                      row("Signée par le salarié", date_text(c.signed_employee)) +
                      row("Signée par l'employeur", date_text(c.signed_employer)) +
                      row("Signée par le prestataire", date_text(c.signed_provider));
    return out;
}

std::string convention_json(const Convention& c) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("convention");
    if (!c.exists) return json.null().end_object().str();
    json.begin_object()
        .text_or_null("employer", c.employer)
        .text_or_null("employer_siret", c.employer_siret)
        .text_or_null("employer_address", c.employer_address)
        .text_or_null("employer_signatory", c.employer_signatory)
        .text_or_null("title", c.title)
        .text_or_null("objective", c.objective)
        .text_or_null("content", c.content)
        .text_or_null("means", c.means)
        .text_or_null("conduct", c.conduct)
        .text_or_null("payment", c.payment)
        .field("duration_minutes", c.duration_minutes)
        .field("start", c.start)
        .field("end", c.end)
        .field("sent", c.sent)
        .field("signed_employee", c.signed_employee)
        .field("signed_employer", c.signed_employer)
        .field("signed_provider", c.signed_provider)
        .field("signed", c.fully_signed());
    return json.end_object().end_object().str();
}

std::string financing_text(const Financing& f) {
    if (!f.exists) return {}; // the command line says how to make one
    // The amounts right-aligned, their commas one under the other, as on an invoice.
    std::vector<std::pair<std::string, std::optional<std::int64_t>>> amounts{
        {"Prix", f.price_cents}};
    for (const FundingPart& part : f.parts)
        amounts.emplace_back("Part " + payer_label(part.payer), part.cents);
    if (!f.parts.empty()) amounts.emplace_back("Total des parts", f.parts_total());
    std::size_t width = 0;
    for (const auto& [label, cents] : amounts)
        if (cents) width = std::max(width, display_width(amount_text(*cents)));
    std::size_t label_width = 27; // the labels' column, wider for a long payer's name
    for (const auto& [label, cents] : amounts)
        label_width = std::max(label_width, display_width(label) + 2);
    std::string out;
    for (const auto& [label, cents] : amounts)
        out += pad_right(label, label_width) +
               (cents ? pad_left(amount_text(*cents), width) : std::string("—")) + "\n";
    out += pad_right("Demandeur d'emploi", label_width) +
           (!f.jobseeker   ? "—"
            : *f.jobseeker ? "oui"
                           : "non") +
           "\n";
    out += pad_right("Règlement", label_width) + (f.payment.empty() ? "—" : one_line(f.payment)) +
           "\n";
    return out;
}

std::string financing_json(const Financing& f) {
    JsonWriter json;
    json.begin_object().field("schema", 1).key("financing");
    if (!f.exists) return json.null().end_object().str();
    json.begin_object().field("price_cents", f.price_cents).key("parts").begin_object();
    for (const FundingPart& part : f.parts)
        json.field(part.payer, part.cents);
    json.end_object()
        .field("parts_total_cents", f.parts_total())
        .field("jobseeker", f.jobseeker)
        .text_or_null("payment", f.payment);
    return json.end_object().end_object().str();
}

// ---- the document --------------------------------------------------------------------------

namespace {

using md::bold;
using md::line_or_fill;
using md::to_fill;

std::string date_or_fill(const std::optional<Date>& date) {
    return date ? date->french() : std::string(to_fill);
}

// "20 h", "16 h 30", with French typography's no-break space.
std::string hours(int minutes) {
    return typo::hours(minutes);
}

// A paragraph of the person's text, or the usual wording when they gave none.
void text_or(md::Writer& w, std::string_view label, std::string_view raw, std::string_view usual) {
    w.paragraph(bold(label) + "\\\n" + (md::blank(raw) ? std::string(usual) : md::text(raw)));
}

// "certification Qualiopi QUA-2025-0142"; a certificate number typed with its own label
// ("Certificat Qualiopi n° 1234") is said as typed, not labelled twice.
std::string qualiopi_mention(const std::string& qualiopi) {
    return ascii_lower(qualiopi).find("qualiopi") != std::string::npos
               ? md::line(qualiopi)
               : "certification Qualiopi " + md::line(qualiopi);
}

void parties(md::Writer& w, const Folder& folder, const std::optional<Practice>& provider) {
    const Convention& c = folder.convention;
    w.heading(2, "Entre les soussignés");
    std::string employer = bold("L'employeur") + " : " + line_or_fill(c.employer);
    if (!md::blank(c.employer_address)) employer += ", " + md::line(c.employer_address);
    if (!md::blank(c.employer_siret))
        employer += ", SIRET " + md::line(grouped_siret(c.employer_siret));
    employer += ", représenté par " + line_or_fill(c.employer_signatory) + ",";
    w.paragraph(employer);
    w.paragraph(bold("Le ou la salarié(e), bénéficiaire du bilan") + " : " +
                md::line(folder.bilan.beneficiary) + ",");
    const Practice none{};
    const Practice& p = provider ? *provider : none;
    std::string by = bold("Le prestataire") + " : " +
                     line_or_fill(md::blank(p.name) ? folder.bilan.organisation : p.name);
    if (!md::blank(p.address)) by += ", " + md::line(p.address);
    // The city once: an address that ends with it ("75011 Paris") says it already.
    if (!md::blank(p.city) && !p.address.ends_with(p.city)) by += ", " + md::line(p.city);
    if (!md::blank(p.siret)) by += ", SIRET " + md::line(grouped_siret(p.siret));
    if (!md::blank(p.nda)) by += ", déclaration d'activité n° " + md::line(grouped_nda(p.nda));
    if (!md::blank(p.qualiopi)) by += ", " + qualiopi_mention(p.qualiopi);
    by += ", représenté par " + line_or_fill(p.signatory) + ".";
    w.paragraph(by);
    w.paragraph("Il est convenu ce qui suit, en application des articles L6313-4 et " +
                std::string(french_funding_rules().convention_source) + ".");
}

std::string counted_phases(const Framework& framework) {
    std::vector<std::string> labels;
    for (const Phase& p : framework.phases)
        if (p.counted) labels.push_back(md::line(p.label));
    std::string text;
    for (std::size_t i = 0; i < labels.size(); ++i)
        text += (i == 0 ? "" : i + 1 == labels.size() ? " et " : ", ") + labels[i];
    return text;
}

void action(md::Writer& w, const Framework& framework, const Convention& c) {
    w.heading(2, "1. Intitulé, objectif et contenu");
    text_or(w, "Intitulé", c.title, "Bilan de compétences");
    text_or(w, "Objectif", c.objective,
            "Permettre au ou à la salarié(e) d'analyser ses compétences professionnelles et "
            "personnelles, ainsi que ses aptitudes et ses motivations, afin de définir un projet "
            "professionnel et, le cas échéant, un projet de formation (article L6313-4).");
    text_or(w, "Contenu", c.content,
            "Le bilan comprend : " + counted_phases(framework) + " (article R6313-4).");
    w.heading(2, "2. Moyens");
    text_or(w, "Moyens pédagogiques et techniques", c.means,
            "Entretiens individuels avec un conseiller ou une conseillère du prestataire, en "
            "présentiel ou à distance ; tests et questionnaires exploités avec le ou la "
            "bénéficiaire ; enquêtes métier et travail personnel guidé.");
}

void duration(md::Writer& w, const Framework& framework, const Folder& folder) {
    const Convention& c = folder.convention;
    w.heading(2, "3. Durée et période de réalisation");
    std::string text = "Durée de l'accompagnement : " +
                       bold(c.duration_minutes ? hours(*c.duration_minutes) : std::string(to_fill));
    if (framework.cap_minutes) text += " (au plus " + hours(*framework.cap_minutes) + ")";
    text += ".\\\nPériode de réalisation : du " +
            bold(date_or_fill(c.start ? c.start : folder.bilan.start)) + " au " +
            bold(date_or_fill(c.end ? c.end : folder.bilan.end)) + ".";
    w.paragraph(text);
}

void conduct(md::Writer& w, const Framework& framework, const Convention& c) {
    w.heading(2, "4. Modalités de déroulement et de suivi");
    std::string usual = "Le bilan est conduit par un conseiller ou une conseillère du "
                        "prestataire, qui en fixe le calendrier avec le ou la bénéficiaire. La "
                        "présence à chaque séance est attestée (feuille d'émargement ou preuve "
                        "équivalente).";
    if (framework.followup_months)
        usual += " Un entretien de suivi est proposé " +
                 std::to_string(*framework.followup_months) + " mois après la fin du bilan.";
    text_or(w, "Déroulement et suivi", c.conduct, usual);
}

void results(md::Writer& w) {
    w.heading(2, "5. Communication des résultats");
    w.paragraph("Les résultats détaillés et le document de synthèse sont communiqués au " +
                bold("seul bénéficiaire") +
                " : le document de synthèse lui est remis à l'issue de la phase de conclusion. Ils "
                "ne peuvent être communiqués à un tiers, l'employeur compris, qu'avec "
                "son accord (article L6313-4). Le prestataire remet à l'employeur, à sa demande, "
                "les seuls documents de réalisation (certificat de réalisation, feuilles "
                "d'émargement) et sa facture, sans rien du contenu du bilan.");
    w.paragraph("Le refus du ou de la salarié(e) de consentir à un bilan de compétences ne "
                "constitue ni une faute ni un motif de licenciement (article L6313-4).");
}

void price(md::Writer& w, const Folder& folder) {
    const Convention& c = folder.convention;
    const Financing& f = folder.financing;
    w.heading(2, "6. Prix et modalités de règlement");
    w.paragraph("Prix du bilan : " +
                bold(f.price_cents ? french_amount(*f.price_cents) : std::string(to_fill)) + ".");
    if (!f.parts.empty()) {
        std::vector<std::vector<std::string>> rows;
        for (const FundingPart& part : f.parts)
            rows.push_back({md::capitalized(payer_label(part.payer)), french_amount(part.cents)});
        w.table({"Financeur", "Montant"}, "lr", rows);
    }
    // The convention's own wording, else the terms recorded with the financing.
    text_or(w, "Modalités de règlement", c.payment.empty() ? f.payment : c.payment, to_fill);
}

void acceptance(md::Writer& w, const Convention& c) {
    const FrenchFundingRules& rules = french_funding_rules();
    w.heading(2, "7. Acceptation par le ou la salarié(e)");
    w.paragraph("Le ou la salarié(e) dispose de " +
                bold(std::to_string(rules.acceptance_days.value) + " jours") +
                " à compter de la transmission de la présente convention par l'employeur pour "
                "faire connaître son acceptation en la signant. L'absence de réponse dans ce "
                "délai vaut refus (" +
                std::string(rules.convention_source) + ").\\\nConvention transmise le " +
                bold(date_or_fill(c.sent)) + ".");
}

void signatures(md::Writer& w, const Folder& folder, const std::optional<Practice>& provider) {
    const Convention& c = folder.convention;
    w.heading(2, "Signatures");
    // For whom, who signs and as what, the date, the handwritten "lu et approuvé", then room
    // to sign (the HTML page leaves 30 mm under "Signature :"). A signatory is typed with
    // their quality ("Paul Durand, DRH").
    const auto block = [&](std::string_view who, std::string_view signer_line,
                           const std::optional<Date>& on) {
        w.paragraph(bold(who) + "\\\n" + std::string(signer_line) + "\\\nSigné le " +
                    date_or_fill(on) +
                    "\\\nMention manuscrite : « lu et approuvé »\\\nSignature :");
    };
    const auto named = [](std::string_view organisation) {
        return organisation.empty() ? std::string() : " — " + md::line(organisation);
    };
    block("Pour l'employeur" + named(c.employer),
          "Nom et qualité : " + line_or_fill(c.employer_signatory), c.signed_employer);
    block("Le ou la salarié(e)", "Nom : " + line_or_fill(folder.bilan.beneficiary),
          c.signed_employee);
    const std::string organisation = provider ? provider->name : folder.bilan.organisation;
    block("Pour le prestataire" + named(organisation),
          "Nom et qualité : " + line_or_fill(provider ? provider->signatory : ""),
          c.signed_provider);
}

} // namespace

std::string render_convention(const Framework& framework, const Folder& folder,
                              const std::optional<Practice>& provider) {
    md::Letterhead head = md::Letterhead::of(folder.bilan, "Convention de bilan de compétences");
    head.subtitle = "Convention tripartite (article R6313-8 du Code du travail)";
    if (provider && !provider->name.empty()) head.provider = provider->name;
    head.author = head.provider; // the provider's document, like the proof of service
    head.date = folder.convention.fully_signed(); // never the clock
    md::Writer w;
    md::front_matter(w, head);
    parties(w, folder, provider);
    action(w, framework, folder.convention);
    duration(w, framework, folder);
    conduct(w, framework, folder.convention);
    results(w);
    price(w, folder);
    acceptance(w, folder.convention);
    signatures(w, folder, provider);
    return typo::document(w.str());
}

} // namespace bilan
