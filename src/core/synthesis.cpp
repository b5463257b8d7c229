// The document de synthèse. Every text a person typed goes through md::text() or md::line():
// only the headings, labels and sentences written here are Markdown.
#include "bilan/synthesis.hpp"

#include "bilan/evaluations.hpp"
#include "bilan/markdown.hpp"
#include "bilan/rules.hpp"
#include "bilan/typography.hpp"
#include "bilan/views.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace bilan {

// ---- the document ------------------------------------------------------------------------

namespace {

std::string bold(std::string_view label) {
    return "**" + std::string(label) + "**";
}

std::string dates_phrase(const std::optional<Date>& from, const std::optional<Date>& to) {
    if (from && to) return "du " + from->french() + " au " + to->french();
    if (from) return "depuis le " + from->french();
    if (to) return "jusqu'au " + to->french();
    return {};
}

// "de septembre 2008 au 31 mars 2012", "d'avril 2010 à mai 2012": a month where only the month
// is known.
std::string experience_dates(const Experience& e) {
    if (!e.from_month && !e.to_month) return dates_phrase(e.from, e.to);
    const auto shown = [](const Date& date, bool month) {
        return month ? french_month(date) : date.french();
    };
    if (!e.from)
        return e.to_month ? "jusqu'en " + french_month(*e.to) : "jusqu'au " + e.to->french();
    const std::string from = shown(*e.from, e.from_month);
    if (!e.to) return (e.from_month ? "depuis " : "depuis le ") + from;
    return (e.from_month ? typo::elided("de", from) : std::string("du ")) + from +
           (e.to_month ? " à " : " au ") + shown(*e.to, e.to_month);
}

std::string experience_label(const Experience& e) {
    return md::line(e.title) + (md::blank(e.org) ? "" : ", " + md::line(e.org));
}

// List items from texts a person typed.
std::vector<std::string> texts(const std::vector<std::string>& raw) {
    std::vector<std::string> items;
    for (const std::string& t : raw)
        items.push_back(md::text(t, "  "));
    return items;
}

// The three domains counsellors sort skills into (relationnelles, techniques,
// organisationnelles), recognised whatever their spelling and shown by their label; any other
// domain is the counsellor's own word, shown as typed.
struct BuiltinDomain {
    std::string_view key, label;
    std::array<std::string_view, 5> spellings; // folded (fold_term); unused slots empty
};
constexpr std::array<BuiltinDomain, 3> builtin_domains{{
    {"relationnel",
     "Relationnel",
     {"relationnelle", "relationnels", "relationnelles", "relational", ""}},
    {"technique", "Technique", {"techniques", "technical", "", "", ""}},
    {"organisationnel",
     "Organisationnel",
     {"organisationnelle", "organisationnels", "organisationnelles", "organisational",
      "organizational"}},
}};

const BuiltinDomain* builtin_domain(std::string_view folded) {
    if (folded.empty()) return nullptr; // no domain; also never an unused slot
    for (const BuiltinDomain& d : builtin_domains)
        if (folded == d.key ||
            std::find(d.spellings.begin(), d.spellings.end(), folded) != d.spellings.end())
            return &d;
    return nullptr;
}

// Joins Markdown parts with a separator, skipping empty ones.
std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts)
        if (!part.empty()) out += (out.empty() ? "" : std::string(separator)) + part;
    return out;
}

class Synthesis {
public:
    Synthesis(const Framework& framework, const Folder& folder)
        : fw_(framework), f_(folder), report_(hour_report(framework, folder)) {
        for (const Experience& e : folder.experiences)
            experiences_.emplace(e.id, &e);
    }

    void front_matter(const Consent* shared);
    void notice(const Consent* shared, const std::vector<std::string>& sections);
    // The parts the sections name, in the document's order; nothing of the others.
    void body(const std::vector<std::string>& sections);
    void closing();
    std::string str() const { return w_.str(); }

private:
    bool granted(std::string_view key) const;
    void circumstances();
    void situation();
    void facts();
    void how_it_ran();
    void competences();
    void skills_of_type(const Term& type);
    void parcours();
    void traits();
    void tests();
    void pistes();
    void piste(const Piste& p);
    void project();
    void plan();
    void followup();
    md::Letterhead letterhead(const Consent* shared) const;
    std::string skill_item(const Skill& k) const;
    std::string source_of(const Skill& k) const;
    void text_or(std::string_view heading, std::string_view text, std::string_view none);
    void list_or(std::string_view heading, const std::vector<std::string>& items,
                 std::string_view none);

    const Framework& fw_;
    const Folder& f_;
    const HourReport report_;
    std::map<std::string, const Experience*, std::less<>> experiences_;
    std::vector<std::string> sections_;
    md::Writer w_;
};

md::Letterhead Synthesis::letterhead(const Consent* shared) const {
    md::Letterhead head =
        md::Letterhead::of(f_.bilan, "Bilan de compétences : document de synthèse");
    head.date = synthesis_date(f_.bilan); // handed over that day; without a handover, the end
    if (shared) head.subtitle = "Version communiquée à " + shared->recipient;
    return head;
}

void Synthesis::front_matter(const Consent* shared) {
    md::front_matter(w_, letterhead(shared));
}

void Synthesis::notice(const Consent* shared, const std::vector<std::string>& sections) {
    const std::string who = md::line(f_.bilan.beneficiary);
    // "de Claire", "d'Amélie": the words before the name, elided as French requires.
    const std::string of_who = typo::elided("de", f_.bilan.beneficiary) + who;
    const std::string that_who = typo::elided("que", f_.bilan.beneficiary) + who;
    // The rule cited is the framework's (`be` has no article to cite, and never a French one);
    // without one, the notice still says whose the results are and that they stay confidential.
    const std::string law = md::blank(fw_.notice) ? "" : " (" + md::line(fw_.notice) + ")";
    const std::string secrecy =
        md::blank(fw_.notice)
            ? "Les personnes chargées de réaliser le bilan sont tenues à la confidentialité."
            : "Les personnes chargées de réaliser le bilan sont tenues au secret professionnel.";
    if (!shared) {
        w_.paragraph("> " + bold("Document confidentiel.") +
                     " Les résultats du bilan de compétences et ce document de synthèse "
                     "appartiennent à " +
                     who +
                     ", qui en est l'unique destinataire : ils ne peuvent être communiqués à "
                     "personne d'autre, employeur ou financeur compris, sans son accord" +
                     law + ". " + secrecy);
        w_.paragraph("Ce document rappelle les circonstances du bilan, les compétences et "
                     "aptitudes " +
                     of_who +
                     " au regard des perspectives d'évolution envisagées, les pistes explorées, "
                     "son projet professionnel et les principales étapes prévues pour le "
                     "réaliser.");
        return;
    }
    std::vector<std::string> labels;
    for (const std::string& key : sections)
        labels.emplace_back(term_label(synthesis_sections(), key));
    w_.paragraph("> " + bold("Document confidentiel.") +
                 " Version du document de synthèse "
                 "communiquée à " +
                 md::line(shared->recipient) + " avec l'accord " +
                 (shared->ref.empty() ? "" : "écrit ") + of_who + ", donné le " +
                 shared->date.french() + ". Elle ne contient que les parties " + that_who +
                 " a accepté de partager : " + joined(labels, ", ") + ".\n>\n> " +
                 "Les résultats du bilan appartiennent à " + who +
                 " : ce document ne peut être transmis à personne d'autre sans son accord" + law +
                 ". " + secrecy);
}

bool Synthesis::granted(std::string_view key) const {
    return std::find(sections_.begin(), sections_.end(), key) != sections_.end();
}

void Synthesis::body(const std::vector<std::string>& sections) {
    sections_ = sections;
    if (granted("circonstances") || granted("situation") || granted("calendrier")) {
        w_.heading(2, "Circonstances du bilan");
        if (granted("circonstances")) circumstances();
        if (granted("situation")) situation();
        if (granted("calendrier")) how_it_ran();
    }
    if (granted("competences") || granted("parcours") || granted("valeurs") || granted("tests")) {
        w_.heading(2, "Compétences et aptitudes");
        if (granted("competences")) competences();
        if (granted("parcours")) parcours();
        if (granted("valeurs")) traits();
        if (granted("tests")) tests();
    }
    if (granted("pistes")) pistes();
    if (granted("projet")) project();
    if (granted("plan")) plan();
}

void Synthesis::text_or(std::string_view heading, std::string_view text, std::string_view none) {
    w_.heading(3, heading);
    w_.paragraph(md::blank(text) ? std::string(none) : md::text(text));
}

void Synthesis::list_or(std::string_view heading, const std::vector<std::string>& items,
                        std::string_view none) {
    w_.heading(3, heading);
    if (items.empty())
        w_.paragraph(none);
    else
        w_.list(items);
}

// ---- circonstances -----------------------------------------------------------------------

// The demand and the bilan's frame, not the person's situation.
void Synthesis::circumstances() {
    const BilanRecord& b = f_.bilan;
    facts();
    w_.heading(3, "Demande et attentes");
    // Every part says when it was not filled in rather than vanish, so that a reader knows it
    // was not forgotten by the document.
    auto part = [&](std::string_view label, std::string_view text, std::string_view none) {
        w_.paragraph(bold(label) + " " + (md::blank(text) ? std::string(none) : md::text(text)));
    };
    part("Demande initiale :", b.demand, "elle n'a pas été consignée.");
    part("Attentes :", b.expectations, "elles n'ont pas été consignées.");
    text_or("Contexte", b.circumstances, "Le contexte du bilan n'a pas été consigné.");
}

void Synthesis::situation() {
    text_or("Situation au démarrage", f_.bilan.situation,
            "La situation au démarrage n'a pas été consignée.");
}

void Synthesis::facts() {
    const BilanRecord& b = f_.bilan;
    std::vector<std::string> items{bold("Bénéficiaire :") + " " + md::line(b.beneficiary)};
    if (!md::blank(b.organisation))
        items.push_back(bold("Prestataire :") + " " + md::line(b.organisation));
    if (!md::blank(b.counsellor))
        items.push_back(bold("Accompagnement :") + " " + md::line(b.counsellor));
    const std::string dates = dates_phrase(b.start, b.end);
    const std::string state = abandoned_bilan(b) ? " (abandonné le " + b.abandoned->french() + ")"
                              : b.end            ? ""
                                                 : " (en cours)";
    items.push_back(bold("Dates :") + " " + (dates.empty() ? "non renseignées" : dates + state));
    if (!b.funding.empty())
        items.push_back(bold("Financement :") + " " + md::line(fw_.funding_label(b.funding)));
    items.push_back(bold("Cadre :") + " " + md::line(fw_.label.empty() ? fw_.name : fw_.label));
    w_.list(items);
}

void Synthesis::how_it_ran() {
    w_.heading(3, "Déroulement");
    if (f_.sessions.empty()) {
        w_.paragraph("Aucune séance n'a encore été consignée.");
        return;
    }
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> outside;
    int outside_minutes = 0;
    for (const PhaseProgress& p : report_.phases) {
        const std::string label = md::line(p.phase->label);
        rows.push_back({p.phase->counted ? label : typo::with_aside(label, "hors bilan"),
                        std::to_string(p.sessions),
                        p.done_minutes ? typo::hours(p.done_minutes) : "—",
                        p.phase->target_minutes ? typo::hours(p.phase->target_minutes) : "—"});
        if (!p.phase->counted && p.done_minutes) {
            outside.push_back(label);
            outside_minutes += p.done_minutes;
        }
    }
    w_.table({"Phase", "Séances", "Réalisé", "Prévu par le cadre"}, "lrrr", rows);
    std::string totals = "Temps compté dans le bilan : " + typo::hours(report_.counted_minutes);
    if (fw_.cap_minutes)
        totals += " (" + typo::hours(*fw_.cap_minutes) + " au plus selon le cadre)";
    totals += ", dont " + typo::hours(report_.accompaniment_minutes) +
              (report_.has_counted_atelier ? " d'accompagnement en entretiens, tests et ateliers"
                                           : " d'accompagnement en entretiens et tests");
    // The floor is stated against what it counts: `be` counts interviews only, so its figure
    // is not the accompaniment's, and a document must never show a floor met that check finds
    // unmet.
    const bool floor_is_accompaniment =
        fw_.counts_toward_floor("entretien") && fw_.counts_toward_floor("test") &&
        report_.floor_counted_minutes == report_.accompaniment_minutes;
    // A bilan started before the floor's entry into force is not held to it: not stated.
    const bool floor_binds = floor_in_force(fw_, f_.bilan);
    if (floor_binds && floor_is_accompaniment)
        totals += " (" + typo::hours(*fw_.floor_minutes) + " au moins selon le cadre)";
    // An empty total is left out: "et 0 h de travail personnel" says nothing.
    if (report_.personal_minutes)
        totals += " et " + typo::hours(report_.personal_minutes) +
                  " de travail personnel, enquêtes métiers comprises";
    totals += ".";
    if (floor_binds && !floor_is_accompaniment)
        totals += " Le cadre en demande au moins " + typo::hours(*fw_.floor_minutes) + " en " +
                  floor_kinds_text(fw_) + " : " + typo::hours(report_.floor_counted_minutes) +
                  " réalisées.";
    if (outside_minutes) { // "(Entretien d'accueil (phase 0))" would nest two asides
        const std::string phases = joined(outside, ", ");
        totals += " Hors bilan : " + typo::hours(outside_minutes) +
                  (phases.ends_with(')') ? " — " + phases : " (" + phases + ")") + ".";
    }
    w_.paragraph(totals);

    // One line per session, built in one buffer, each phase's label escaped once: at 100,000
    // sessions this list was most of the render.
    std::map<std::string_view, std::string, std::less<>> phase_labels;
    const auto phase_label = [&](const std::string& key) -> const std::string& {
        auto [it, added] = phase_labels.try_emplace(key);
        if (added) {
            const Phase* phase = fw_.find_phase(key);
            it->second = md::line(phase ? phase->label : key);
        }
        return it->second;
    };
    w_.paragraph(bold("Calendrier des séances"));
    w_.begin_list();
    std::string item; // one buffer for every line
    for (const Session& s : f_.sessions) {
        item.clear();
        item += "**";
        item += s.date.french();
        item += "** — ";
        item += phase_label(s.phase);
        item += " : ";
        item += term_label(session_kinds(), s.kind);
        if (s.mode == "distance") item += " à distance";
        item += " de ";
        item += typo::hours(s.minutes);
        // Never the note: it is the counsellor's working note, not part of any document.
        w_.item(item);
    }
}

// ---- compétences et aptitudes ------------------------------------------------------------

void Synthesis::competences() {
    if (f_.skills.empty()) {
        w_.paragraph("Aucune compétence n'a encore été consignée.");
    } else {
        if (std::any_of(f_.skills.begin(), f_.skills.end(),
                        [](const Skill& k) { return k.transferable; }))
            w_.paragraph("Les compétences marquées " + bold("(transférable)") +
                         " peuvent être mobilisées dans un autre métier ou un autre secteur.");
        for (const Term& type : skill_types())
            skills_of_type(type);
    }
}

// An experience is the parcours' content: named only where the parcours is shared too.
std::string Synthesis::source_of(const Skill& k) const {
    const bool parcours = granted("parcours");
    std::vector<std::string> parts;
    if (auto it = experiences_.find(k.experience);
        parcours && !k.experience.empty() && it != experiences_.end())
        parts.push_back(experience_label(*it->second));
    if (auto it = experiences_.find(k.source); it != experiences_.end()) {
        if (parcours) parts.push_back(experience_label(*it->second)); // an id given as --source
    } else if (!md::blank(k.source))
        parts.push_back(md::line(k.source));
    return joined(parts, ", ");
}

std::string Synthesis::skill_item(const Skill& k) const {
    std::string item = md::text(k.text, "  ");
    if (k.transferable) item += " " + bold("(transférable)");
    if (const std::string source = source_of(k); !source.empty()) item += " — source : " + source;
    if (!md::blank(k.evidence)) item += " — preuve : " + md::line(k.evidence);
    return item;
}

void Synthesis::skills_of_type(const Term& type) {
    static const std::map<std::string_view, std::string_view> none{
        {"savoir", "Aucun savoir n'a encore été consigné."},
        {"savoir-faire", "Aucun savoir-faire n'a encore été consigné."},
        {"savoir-etre", "Aucun savoir-être n'a encore été consigné."}};
    w_.heading(3, md::capitalized(type.label));
    // Grouped by domain: a built-in one under its label, the counsellor's own as first written
    // with its first letter upper-cased like the built-in ones', so that the headings of one
    // list read alike ("Numérique" beside "Organisationnel"); the rest as typed. Domains in folded
    // order, "no domain" last; skills in folded order too, so that "Établir" sorts with the E's.
    using Items = std::vector<std::pair<std::string, std::string>>; // folded text, Markdown
    std::map<std::pair<bool, std::string>, std::pair<std::string, Items>> domains;
    // A domain's key, folded, once per way it is written: most skills share a few domains.
    std::map<std::string_view, std::pair<std::string, const BuiltinDomain*>, std::less<>> keys;
    for (const Skill& k : f_.skills) {
        if (k.type != type.key) continue;
        auto [known, added] = keys.try_emplace(k.domain);
        if (added) {
            known->second.first = fold_term(md::line(k.domain));
            known->second.second = builtin_domain(known->second.first);
        }
        const BuiltinDomain* builtin = known->second.second;
        const std::string folded = builtin ? std::string(builtin->key) : known->second.first;
        auto& [label, items] = domains[{md::blank(k.domain), folded}];
        if (label.empty())
            label = md::blank(k.domain) ? "Autres"
                    : builtin           ? std::string(builtin->label)
                                        : typo::heading_case(md::line(k.domain));
        items.emplace_back(fold_term(k.text), skill_item(k));
    }
    if (domains.empty()) {
        auto it = none.find(type.key);
        w_.paragraph(it != none.end() ? it->second : "Aucune compétence de ce type.");
        return;
    }
    for (auto& [key, group] : domains) {
        if (domains.size() > 1 || !key.first) w_.heading(4, group.first); // not "Autres" alone
        std::stable_sort(group.second.begin(), group.second.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::string> items;
        for (const auto& item : group.second)
            items.push_back(item.second);
        w_.list(items);
    }
}

void Synthesis::parcours() {
    std::vector<std::string> items;
    for (const Experience& e : f_.experiences) {
        std::string item = bold(md::line(e.title));
        if (!md::blank(e.org)) item += ", " + md::line(e.org);
        const std::string dates = experience_dates(e);
        item += " — " + std::string(term_label(experience_kinds(), e.kind)) +
                (dates.empty() ? "" : ", " + dates);
        if (!md::blank(e.note)) item += ". " + md::text(e.note, "  ");
        items.push_back(item);
    }
    list_or("Parcours", items, "Aucune expérience n'a encore été consignée.");
}

void Synthesis::traits() {
    w_.heading(3, "Valeurs, motivations et personnalité");
    if (f_.traits.empty()) {
        w_.paragraph("Aucune caractéristique personnelle n'a encore été consignée.");
        return;
    }
    static const std::map<std::string_view, std::string_view> none{
        {"valeur", "Aucune valeur n'a été consignée."},
        {"motivation", "Aucune motivation n'a été consignée."},
        {"interet", "Aucun centre d'intérêt n'a été consigné."},
        {"critere", "Aucun critère fondamental n'a été consigné."},
        {"concession", "Aucune concession acceptable n'a été consignée."},
        {"personnalite", "Aucun trait de personnalité n'a été consigné."}};
    for (const Term& kind : trait_kinds()) {
        std::vector<std::string> items;
        for (const Trait& t : f_.traits)
            if (t.kind == kind.key)
                items.push_back(md::text(t.text, "  ") +
                                (md::blank(t.note) ? "" : " — " + md::text(t.note, "  ")));
        w_.heading(4, md::capitalized(kind.label));
        if (items.empty()) {
            auto it = none.find(kind.key);
            w_.paragraph(it != none.end() ? it->second : "Non renseigné.");
        } else {
            w_.list(items);
        }
    }
}

void Synthesis::tests() {
    std::vector<std::string> items;
    for (const TestResult& t : f_.tests)
        items.push_back(bold(md::line(t.instrument)) + ", " + t.date.french() + " : " +
                        md::text(t.result, "  ") +
                        (md::blank(t.note) ? "" : "\\\n  " + md::text(t.note, "  ")));
    list_or("Tests et résultats", items, "Aucun test n'a été passé.");
}

// ---- pistes ------------------------------------------------------------------------------

void Synthesis::pistes() {
    w_.heading(2, "Pistes explorées");
    if (f_.pistes.empty()) {
        w_.paragraph("Aucune piste n'a encore été explorée.");
        return;
    }
    auto rank = [](const Piste& p) {
        return p.decision == "retained" ? 0
               : p.decision == "backup" ? 1
               : p.decision.empty()     ? 2
                                        : 3;
    };
    std::vector<const Piste*> ordered;
    for (const Piste& p : f_.pistes)
        ordered.push_back(&p);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const Piste* a, const Piste* b) { return rank(*a) < rank(*b); });
    for (const Piste* p : ordered)
        piste(*p);
}

void Synthesis::piste(const Piste& p) {
    static const std::map<std::string, std::string, std::less<>> decisions{
        {"retained", "piste retenue"}, {"backup", "gardée en plan B"}, {"dropped", "abandonnée"}};
    w_.heading(3, md::line(p.title));
    auto d = decisions.find(p.decision);
    std::vector<std::string> items{bold("Décision :") + " " +
                                   (d == decisions.end() ? "à l'étude" : d->second)};
    if (!md::blank(p.why)) items.push_back(bold("Motif :") + " " + md::text(p.why, "  "));
    items.push_back(bold("Envie :") + " " +
                    (p.desire ? std::to_string(*p.desire) + "/5" : "non évaluée") + " — " +
                    bold("faisabilité :") + " " +
                    (p.feasibility ? std::to_string(*p.feasibility) + "/5" : "non évaluée"));
    w_.list(items);
    auto part = [&](std::string_view heading, const std::vector<std::string>& list,
                    std::string_view none) {
        w_.paragraph(bold(heading));
        if (list.empty())
            w_.paragraph(none);
        else
            w_.list(list);
    };
    part("Aspects favorables", texts(p.favourable), "Aucun aspect favorable n'a été consigné.");
    part("Aspects défavorables ou zones d'ombre", texts(p.unfavourable),
         "Aucun aspect défavorable ni zone d'ombre n'a été consigné.");
    std::vector<std::string> surveys;
    for (const Survey& s : p.surveys)
        // Whom they met as typed, never after "avec": "avec Une formatrice" is not French.
        surveys.push_back(bold(s.date.french()) + " — " + md::line(s.with) +
                          (md::blank(s.note) ? "" : " : " + md::text(s.note, "  ")));
    part("Enquêtes métiers", surveys, "Aucune enquête métier n'a été menée sur cette piste.");
}

// ---- projet ------------------------------------------------------------------------------

void Synthesis::project() {
    const Project& p = f_.project;
    w_.heading(2, "Projet professionnel");
    // The plan B is a piste: shown only where the pistes are shared too.
    std::vector<std::string> backups;
    for (const Piste& piste : f_.pistes)
        if (piste.decision == "backup" && granted("pistes"))
            backups.push_back(bold(md::line(piste.title)) +
                              (md::blank(piste.why) ? "" : " — " + md::text(piste.why, "  ")));
    if (p.empty() && backups.empty()) {
        w_.paragraph("Le projet professionnel n'a pas encore été formulé.");
        return;
    }
    text_or("Projet retenu", p.title, "Le projet retenu n'a pas encore été formulé.");
    text_or("Projet de formation", p.training, "Aucun projet de formation n'a été défini.");
    list_or("Points forts", texts(p.strengths), "Aucun point fort n'a été consigné.");
    list_or("Points de vigilance", texts(p.watch), "Aucun point de vigilance n'a été consigné.");
    if (granted("pistes")) list_or("Plan B", backups, "Aucune piste n'a été gardée en plan B.");
}

// ---- plan d'action -----------------------------------------------------------------------

void Synthesis::plan() {
    w_.heading(2, "Plan d'action");
    if (f_.actions.empty()) {
        w_.paragraph("Aucune action n'a encore été planifiée."); // once, not once per horizon
        followup();
        return;
    }
    for (const Term& horizon : action_horizons()) {
        std::vector<std::string> items;
        for (const Action& a : f_.actions) {
            if (a.horizon != horizon.key) continue;
            items.push_back(md::text(a.text, "  ") +
                            (a.due ? " — échéance : " + a.due->french() : "") +
                            (a.done ? " — " + bold("fait") : ""));
        }
        w_.heading(3, md::capitalized(horizon.label));
        if (items.empty())
            w_.paragraph("Aucune action à " + std::string(horizon.label) + " n'a été prévue.");
        else
            w_.list(items);
    }
    followup();
}

void Synthesis::followup() {
    w_.heading(3, "Entretien de suivi");
    // As on the day the document is dated: the sessions after it are not in f_.
    const auto due = followup_due(fw_, f_.bilan);
    const auto dated = synthesis_date(f_.bilan);
    const std::string months =
        fw_.followup_months ? std::to_string(*fw_.followup_months) + " mois après la fin du bilan"
                            : std::string();
    std::string text;
    if (const Session* done = followup_session(fw_, f_.sessions))
        text = "L'entretien de suivi a eu lieu le " + done->date.french() + ".";
    else if (f_.bilan.abandoned && fw_.followup_months)
        text = "Le bilan a été interrompu le " + f_.bilan.abandoned->french() +
               " : aucun entretien de suivi n'est prévu.";
    else if (due && dated && *due < *dated)
        text = "Un entretien de suivi était prévu vers le " + due->french() + ", " + months +
               " ; il reste à fixer.";
    else if (due)
        text = "Un entretien de suivi est prévu vers le " + due->french() + ", " + months +
               ", pour faire le point sur la mise en œuvre du projet.";
    else if (fw_.followup_months)
        text = "Un entretien de suivi aura lieu environ " + std::to_string(*fw_.followup_months) +
               " mois après la fin du bilan, dont la date n'est pas encore fixée.";
    else
        text = "Le cadre de ce bilan ne prévoit pas d'entretien de suivi.";
    if (fw_.followup_within_months)
        text += " D'autres entretiens de suivi peuvent avoir lieu dans les " +
                std::to_string(*fw_.followup_within_months) + " mois qui suivent la fin du bilan.";
    w_.paragraph(text);
}

void Synthesis::closing() {
    md::closing(w_, "Document de synthèse établi", letterhead(nullptr));
}

} // namespace

std::string render_synthesis(const Framework& framework, const Folder& folder,
                             const Consent* shared_with) {
    std::vector<std::string> sections;
    if (shared_with)
        sections = shared_sections(*shared_with); // in document order
    else
        for (const Term& term : synthesis_sections())
            sections.emplace_back(term.key);
    // The document as handed over: no session after its date, re-rendered any day later.
    const auto dated = synthesis_date(folder.bilan);
    const bool later = dated && std::any_of(folder.sessions.begin(), folder.sessions.end(),
                                            [&](const Session& s) { return *dated < s.date; });
    std::optional<Folder> as_handed_over;
    if (later) {
        as_handed_over = folder;
        std::erase_if(as_handed_over->sessions, [&](const Session& s) { return *dated < s.date; });
    }
    Synthesis doc(framework, as_handed_over ? *as_handed_over : folder);
    doc.front_matter(shared_with);
    doc.notice(shared_with, sections);
    doc.body(sections);
    doc.closing();
    return typo::document(doc.str());
}

} // namespace bilan
