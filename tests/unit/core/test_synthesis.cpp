#include "bilan/store.hpp"
#include "bilan/synthesis.hpp"
#include "cli/problems.hpp"
#include "support/french_framework.hpp"
#include "support/text_lines.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {
// The synthesis as a reader sees it (its no-break spaces as spaces).
template <typename... Args> std::string rendered(const Args&... args) {
    return plain_spaces(render_synthesis(args...));
}
} // namespace

namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

std::size_t position(const std::string& text, std::string_view part) {
    const std::size_t at = text.find(part);
    REQUIRE_MESSAGE(at != std::string::npos, "missing: ", part);
    return at;
}

bool has_problem(const std::vector<Problem>& problems, std::string_view text) {
    for (const Problem& p : problems)
        if (contains(cli::problem_text(p), text)) return true;
    return false;
}

Folder empty_folder() {
    Folder f;
    f.bilan.beneficiary = "Claire Martin";
    f.bilan.start = Date{2026, 3, 2};
    return f;
}

// A folder with something in every part of the document.
Folder full_folder() {
    Folder f = empty_folder();
    BilanRecord& b = f.bilan;
    b.end = Date{2026, 5, 4};
    b.funding = "cpf";
    b.counsellor = "Hélène Rocher";
    b.organisation = "Cabinet Horizons";
    b.demand = "Donner du sens à son travail";
    b.expectations = "Repartir avec un projet daté";
    b.origin = {"bilan.toml", 0, 0};
    Session s;
    s.id = "s1", s.date = Date{2026, 3, 2}, s.phase = "preliminaire", s.minutes = 180;
    f.sessions.push_back(s);
    s.id = "s2", s.date = Date{2026, 3, 9}, s.phase = "investigation", s.minutes = 90;
    s.kind = "enquete", s.mode = "distance", s.note = "Rencontre d'une formatrice";
    f.sessions.push_back(s);
    s.id = "s0", s.date = Date{2026, 2, 23}, s.phase = "prealable", s.minutes = 60;
    s.kind = "entretien", s.mode = "presentiel", s.note = "";
    f.sessions.insert(f.sessions.begin(), s);
    Experience e;
    e.id = "e1", e.title = "Comptable", e.kind = "poste", e.org = "Fiduciaire Lemoine";
    e.from = Date{2004, 9, 1}, e.to = Date{2012, 8, 31};
    f.experiences.push_back(e);
    Skill k;
    k.id = "k1", k.text = "Comptabilité générale", k.type = "savoir", k.domain = "technique";
    k.experience = "e1", k.transferable = true;
    f.skills.push_back(k);
    k.id = "k2", k.text = "Tenir un budget", k.type = "savoir-faire", k.domain = "économie";
    k.experience = "", k.source = "e1", k.transferable = false, k.evidence = "35 dossiers";
    f.skills.push_back(k);
    k.id = "k3", k.text = "Rigoureuse", k.type = "savoir-etre", k.domain = "";
    k.source = "Questionnaire", k.evidence = "";
    f.skills.push_back(k);
    Trait t;
    t.id = "t1", t.text = "Utilité sociale", t.kind = "valeur";
    f.traits.push_back(t);
    TestResult r;
    r.id = "r1", r.instrument = "RIASEC", r.date = Date{2026, 3, 16}, r.result = "Code SCE";
    f.tests.push_back(r);
    Piste p;
    p.id = "p1", p.title = "Responsable administrative", p.decision = "backup";
    p.why = "Accessible tout de suite";
    f.pistes.push_back(p);
    p = Piste{};
    p.id = "p2", p.title = "Formatrice d'adultes", p.decision = "retained", p.desire = 5;
    p.feasibility = 4, p.favourable = {"Expertise"}, p.unfavourable = {"Titre à obtenir"};
    p.surveys = {Survey{Date{2026, 4, 9}, "Une formatrice", "Confirme le besoin"}};
    f.pistes.push_back(p);
    f.project.title = "Devenir formatrice d'adultes";
    f.project.strengths = {"Expertise reconnue"};
    f.project.watch = {"Prise de parole"};
    Action a;
    a.id = "a2", a.text = "Suivre la formation", a.horizon = "moyen", a.due = Date{2027, 6, 30};
    f.actions.push_back(a);
    a.id = "a1", a.text = "Déposer le dossier", a.horizon = "court", a.due = Date{2026, 6, 15};
    a.done = true;
    f.actions.insert(f.actions.begin(), a);
    return f;
}

Consent consent(std::string recipient, std::vector<std::string> sections = {}) {
    Consent c;
    c.id = consent_id(recipient);
    c.recipient = std::move(recipient);
    c.date = Date{2026, 5, 4};
    c.sections = std::move(sections);
    c.origin = {"consents/" + c.id + ".toml", 0, 0};
    return c;
}

} // namespace

TEST_SUITE("synthesis") {
    TEST_CASE("consent ids fold the recipient to ASCII") {
        CHECK(consent_id("France Travail") == "france-travail");
        CHECK(consent_id("france travail") == "france-travail");
        CHECK(consent_id("France-Travail") == "france-travail");
        CHECK(consent_id("  France  -  Travail ") == "france-travail");
        CHECK(consent_id("Société Générale") == "societe-generale");
        CHECK(consent_id("Cap'Emploi 44") == "capemploi-44");
        CHECK(consent_id("../../etc") == "etc");
        CHECK(consent_id("«»") == "");
    }

    TEST_CASE("consents are found by their recipient's id") {
        std::vector<Consent> consents{consent("France Travail"), consent("Employeur")};
        consents.push_back(consent("FRANCE-TRAVAIL"));
        consents.back().id = "ft"; // a file named by hand
        CHECK(consents_for(consents, "france travail").size() == 2);
        CHECK(consents_for(consents, "ft").size() == 1);
        CHECK(consents_for(consents, "Employeur ").size() == 1);
        CHECK(consents_for(consents, "Personne").empty());
        CHECK(consents_for(consents, "!!").empty());
    }

    TEST_CASE("sections parse with aliases, in document order") {
        CHECK(parse_sections("plan,projet") == std::vector<std::string>{"projet", "plan"});
        CHECK(parse_sections(" Compétences , circumstances,plan d'action, projet") ==
              std::vector<std::string>{"circonstances", "competences", "projet", "plan"});
        CHECK(parse_sections("skills,options,project,actions,plan") ==
              std::vector<std::string>{"competences", "pistes", "projet", "plan"});
        CHECK(parse_sections("pistes,,pistes") == std::vector<std::string>{"pistes"});
        CHECK_THROWS_WITH_AS(parse_sections("projet,bidule"), doctest::Contains("« bidule »"),
                             UsageError);
        CHECK_THROWS_AS(parse_sections(" , "), UsageError);
        for (const char* none : {"", "   ", ","}) // each said with the list of sections
            CHECK_THROWS_WITH_AS(
                parse_sections(none),
                doctest::Contains("circonstances, situation, competences, parcours, "
                                  "valeurs, tests, pistes, projet, plan, "
                                  "calendrier ou tout"),
                UsageError);
        CHECK(default_shared_sections() == std::vector<std::string>{"projet", "plan"});
    }

    TEST_CASE("a consent shares its sections, the project and plan by default") {
        CHECK(shared_sections(consent("A")) == std::vector<std::string>{"projet", "plan"});
        CHECK(shared_sections(consent("A", {"plan", "Circonstances"})) ==
              std::vector<std::string>{"circonstances", "plan"});
        CHECK_THROWS_WITH_AS(shared_sections(consent("A", {"projet", "salaire"})),
                             doctest::Contains("consents/a.toml: consentement pour « A »"),
                             DataError);
    }

    TEST_CASE("a complete folder has no completeness problem") {
        CHECK(synthesis_problems(fr(), full_folder()).empty());
    }

    TEST_CASE("an empty folder lists each missing part once") {
        const auto problems = synthesis_problems(fr(), empty_folder());
        CHECK(problems.size() == 7);
        CHECK(has_problem(problems, "la demande initiale n'est pas renseignée"));
        CHECK(has_problem(problems, "aucun savoir consigné"));
        CHECK(has_problem(problems, "aucun savoir-faire consigné"));
        CHECK(has_problem(problems, "aucun savoir-être consigné"));
        CHECK(has_problem(problems, "aucune piste retenue"));
        CHECK(has_problem(problems, "le projet professionnel n'a pas d'intitulé"));
        CHECK(has_problem(problems, "aucune action au plan d'action"));
    }

    TEST_CASE("each completeness rule on its own") {
        Folder f = full_folder();
        SUBCASE("demand") {
            f.bilan.demand = "  \n";
            const auto problems = synthesis_problems(fr(), f);
            REQUIRE(problems.size() == 1);
            CHECK(cli::problem_line(problems[0]) ==
                  "bilan.toml: synthèse incomplète : la demande initiale n'est pas renseignée "
                  "(bilan set demand TEXTE)");
        }
        SUBCASE("a skill type") {
            std::erase_if(f.skills, [](const Skill& k) { return k.type == "savoir-faire"; });
            const auto problems = synthesis_problems(fr(), f);
            REQUIRE(problems.size() == 1);
            CHECK(has_problem(problems, "aucun savoir-faire consigné"));
            CHECK_FALSE(problems[0].where.has_value());
        }
        SUBCASE("retained piste") {
            f.pistes[1].decision = "backup";
            CHECK(synthesis_problems(fr(), f).size() == 1);
        }
        SUBCASE("project title") {
            f.project.title = "";
            f.project.origin = {"project.toml", 0, 0};
            const auto problems = synthesis_problems(fr(), f);
            REQUIRE(problems.size() == 1);
            CHECK(cli::problem_line(problems[0]).starts_with("project.toml: synthèse incomplète"));
        }
        SUBCASE("actions") {
            f.actions.clear();
            CHECK(has_problem(synthesis_problems(fr(), f), "aucune action"));
        }
        SUBCASE("consent sections") {
            f.consents = {consent("France Travail", {"projet", "salaire", "plan", "cv"})};
            const auto problems = synthesis_problems(fr(), f);
            REQUIRE(problems.size() == 2);
            CHECK(cli::problem_line(problems[0])
                      .starts_with("consents/france-travail.toml: consentement pour « France "
                                   "Travail » : nom de "
                                   "section inconnu « salaire »"));
            CHECK(has_problem(problems, "« cv »"));
        }
    }

    TEST_CASE("the full document has its metadata, notice and sections in order") {
        const std::string doc = rendered(fr(), full_folder());
        CHECK(doc.starts_with("---\ntitle: 'Bilan de compétences : document de synthèse'\n"));
        CHECK(contains(doc, "\nsubject: 'Claire Martin'\n"));
        CHECK_FALSE(contains(doc, "author: 'Claire Martin'")); // the beneficiary is not its author
        CHECK(contains(doc, "\nprovider: 'Cabinet Horizons'\n"));
        CHECK(contains(doc, "\ndate: '4 mai 2026'\nlang: fr\n---\n"));
        const std::size_t notice = position(doc, "L6313-4 du Code du travail");
        const std::size_t c = position(doc, "\n## Circonstances du bilan\n");
        const std::size_t k = position(doc, "\n## Compétences et aptitudes\n");
        const std::size_t p = position(doc, "\n## Pistes explorées\n");
        const std::size_t j = position(doc, "\n## Projet professionnel\n");
        const std::size_t a = position(doc, "\n## Plan d'action\n");
        CHECK(notice < c);
        CHECK(c < k);
        CHECK(k < p);
        CHECK(p < j);
        CHECK(j < a);
        CHECK(contains(doc, "secret professionnel"));
        CHECK_FALSE(contains(doc, "Version communiquée"));
        CHECK(doc.ends_with("remis le 4 mai 2026.*\n"));
    }

    TEST_CASE("circumstances: facts, demand, hours against the framework, calendar") {
        const std::string doc = rendered(fr(), full_folder());
        CHECK(contains(doc, "- **Dates :** du 2 mars 2026 au 4 mai 2026\n"));
        CHECK(contains(doc, "- **Financement :** CPF (Mon Compte Formation)\n"));
        CHECK(contains(doc, "**Demande initiale :** Donner du sens à son travail\n"));
        CHECK(contains(doc, "**Attentes :** Repartir avec un projet daté\n"));
        CHECK(contains(doc, "| Phase préliminaire | 1 | 3 h | 3 h |\n"));
        CHECK(contains(doc, "| Entretien préalable (hors bilan) | 1 | 1 h | 1 h |\n"));
        CHECK(contains(doc, "Temps compté dans le bilan : 4 h 30 (24 h au plus selon le cadre), "
                            "dont 3 h d'accompagnement en entretiens et tests (13 h au moins "
                            "selon le cadre) et 1 h 30 de travail personnel"));
        CHECK(contains(doc, "Hors bilan : 1 h (Entretien préalable)."));
        CHECK(contains(doc, "- **9 mars 2026** — Phase d'investigation : enquête métier à "
                            "distance de 1 h 30\n"));
        CHECK_FALSE(contains(doc, "Rencontre d'une formatrice")); // the note is the counsellor's
    }

    TEST_CASE("skills grouped by type and domain, marked, with their source") {
        const std::string doc = rendered(fr(), full_folder());
        const std::size_t savoirs = position(doc, "\n### Savoirs\n\n#### Technique\n\n");
        const std::size_t faire = position(doc, "\n### Savoir-faire\n\n#### Économie\n\n");
        const std::size_t etre = position(doc, "\n### Savoir-être\n\n- Rigoureuse — source : "
                                               "Questionnaire\n");
        CHECK(savoirs < faire);
        CHECK(faire < etre);
        CHECK(contains(doc, "- Comptabilité générale **(transférable)** — source : Comptable, "
                            "Fiduciaire Lemoine\n"));
        CHECK(contains(doc, "- Tenir un budget — source : Comptable, Fiduciaire Lemoine — "
                            "preuve : 35 dossiers\n"));
        CHECK(contains(doc, "- **Comptable**, Fiduciaire Lemoine — poste, du 1er septembre 2004 "
                            "au 31 août 2012\n"));
        CHECK(contains(doc, "#### Valeurs\n\n- Utilité sociale\n"));
        CHECK(contains(doc, "- **RIASEC**, 16 mars 2026 : Code SCE\n"));
    }

    TEST_CASE("domains are grouped whatever their spelling") {
        Folder f = full_folder();
        f.skills[1].type = "savoir";
        f.skills[1].domain = "Technique";
        const std::string doc = rendered(fr(), f);
        CHECK(contains(doc, "#### Technique\n\n- Comptabilité générale **(transférable)** — "
                            "source : Comptable, Fiduciaire Lemoine\n- Tenir un budget"));
    }

    TEST_CASE("built-in domains show their label, the counsellor's own word capitalised alike") {
        Folder f = full_folder();
        auto add = [&](std::string id, std::string domain) {
            Skill k;
            k.id = id, k.text = "Compétence " + id, k.type = "savoir", k.domain = std::move(domain);
            f.skills.push_back(k);
        };
        add("d1", "RELATIONNELLES");
        add("d2", "relationnel");
        add("d3", "Organisationnelle");
        add("d4", "it's ok");
        add("d5", "http://x");
        add("d6", "*gras* # titre");
        add("d7", "économie");
        const std::string doc = rendered(fr(), f);
        CHECK(contains(doc, "\n#### Relationnel\n\n- Compétence d1\n- Compétence d2\n"));
        CHECK(contains(doc, "\n#### Organisationnel\n\n- Compétence d3\n"));
        CHECK(contains(doc, "\n#### It's ok\n\n- Compétence d4\n"));
        CHECK(contains(doc, "\n#### http://x\n\n- Compétence d5\n"));
        CHECK(contains(doc, "\n#### \\*gras\\* \\# titre\n\n- Compétence d6\n"));
        CHECK(contains(doc, "\n#### Économie\n\n- Compétence d7\n"));
        CHECK_FALSE(contains(doc, "Http")); // not a plain word: as typed
    }

    TEST_CASE("a multi-line text keeps its paragraphs and indentation inside its item") {
        Folder f = full_folder();
        f.actions[0].text = "Rencontre :\n  - le métier\n\n\nSuite à donner";
        const std::string doc = render_synthesis(fr(), f); // its no-break spaces kept
        CHECK(contains(doc, "- Rencontre\u00A0:\\\n  \xc2\xa0\xc2\xa0\\- le "
                            "métier\n\n  Suite à donner"));
    }

    TEST_CASE("skills sort by their folded text within a domain") {
        Folder f = full_folder();
        Skill k = f.skills[0];
        k.id = "k9", k.text = "Établir les paies", k.transferable = false, k.experience = "";
        f.skills.push_back(k);
        k.id = "k8", k.text = "Zèle";
        f.skills.insert(f.skills.begin(), k);
        const std::string doc = rendered(fr(), f);
        CHECK(position(doc, "- Comptabilité") < position(doc, "- Établir les paies"));
        CHECK(position(doc, "- Établir les paies") < position(doc, "- Zèle"));
    }

    TEST_CASE("pistes: retained first, decisions, aspects, enquêtes métiers") {
        const std::string doc = rendered(fr(), full_folder());
        CHECK(position(doc, "### Formatrice d'adultes") <
              position(doc, "### Responsable administrative"));
        CHECK(contains(doc, "- **Décision :** piste retenue\n- **Envie :** 5/5 — "
                            "**faisabilité :** 4/5\n"));
        CHECK(contains(doc, "**Aspects favorables**\n\n- Expertise\n"));
        CHECK(contains(doc, "**Aspects défavorables ou zones d'ombre**\n\n- Titre à obtenir\n"));
        CHECK(contains(doc, "- **9 avril 2026** — Une formatrice : Confirme le besoin\n"));
        CHECK(contains(doc, "- **Décision :** gardée en plan B\n- **Motif :** Accessible"));
    }

    TEST_CASE("project and plan: plan B, horizons, due dates, done marks, follow-up") {
        const std::string doc = rendered(fr(), full_folder());
        CHECK(contains(doc, "### Projet retenu\n\nDevenir formatrice d'adultes\n"));
        CHECK(contains(doc, "### Projet de formation\n\nAucun projet de formation"));
        CHECK(contains(doc, "### Points de vigilance\n\n- Prise de parole\n"));
        CHECK(contains(doc, "### Plan B\n\n- **Responsable administrative** — Accessible tout "
                            "de suite\n"));
        CHECK(contains(doc, "### Court terme\n\n- Déposer le dossier — échéance : 15 juin 2026 "
                            "— **fait**\n"));
        CHECK(contains(doc, "### Moyen terme\n\n- Suivre la formation — échéance : 30 juin "
                            "2027\n"));
        CHECK(contains(doc, "### Long terme\n\nAucune action à long terme n'a été prévue.\n"));
        CHECK(contains(doc, "Un entretien de suivi est prévu vers le 4 novembre 2026, 6 mois "
                            "après la fin du bilan"));
    }

    TEST_CASE("a section with no data says so") {
        const std::string doc = rendered(fr(), empty_folder());
        CHECK(contains(doc, "**Demande initiale :** elle n'a pas été consignée."));
        CHECK(contains(doc, "Aucune séance n'a encore été consignée."));
        CHECK(contains(doc, "## Compétences et aptitudes\n\nAucune compétence n'a encore été "
                            "consignée.\n"));
        CHECK(contains(doc, "Aucune expérience n'a encore été consignée."));
        CHECK(contains(doc, "Aucune caractéristique personnelle n'a encore été consignée."));
        CHECK(contains(doc, "Aucun test n'a été passé."));
        CHECK(contains(doc, "## Pistes explorées\n\nAucune piste n'a encore été explorée.\n"));
        CHECK(contains(doc, "## Projet professionnel\n\nLe projet professionnel n'a pas encore "
                            "été formulé.\n"));
        CHECK(contains(doc, "## Plan d'action\n\nAucune action n'a encore été planifiée.\n"));
        CHECK(contains(doc, "dont la date n'est pas encore fixée"));
    }

    TEST_CASE("every sub-section says when it is empty instead of vanishing") {
        const std::string doc = rendered(fr(), empty_folder());
        CHECK(contains(doc, "**Attentes :** elles n'ont pas été consignées.\n"));
        CHECK(contains(doc, "\n### Contexte\n\nLe contexte du bilan n'a pas été consigné.\n\n"
                            "### Situation au démarrage\n\nLa situation au démarrage n'a pas été "
                            "consignée.\n"));

        Folder f = full_folder();
        f.pistes[0].desire.reset();
        const std::string full = rendered(fr(), f);
        CHECK(contains(full, "#### Valeurs\n\n- Utilité sociale\n"));
        CHECK(contains(full, "#### Motivations\n\nAucune motivation n'a été consignée.\n"));
        CHECK(contains(full, "#### Critères fondamentaux\n\nAucun critère fondamental n'a été "
                             "consigné.\n"));
        CHECK(contains(full, "#### Traits de personnalité\n\nAucun trait de personnalité"));
        // The plan B piste has no aspect, no survey, no rating.
        const std::string backup = full.substr(position(full, "### Responsable administrative"));
        CHECK(contains(backup, "- **Envie :** non évaluée — **faisabilité :** non évaluée\n"));
        CHECK(contains(backup, "**Aspects favorables**\n\nAucun aspect favorable n'a été "
                               "consigné.\n"));
        CHECK(contains(backup, "**Aspects défavorables ou zones d'ombre**\n\nAucun aspect "
                               "défavorable ni zone d'ombre n'a été consigné.\n"));
        CHECK(contains(backup, "**Enquêtes métiers**\n\nAucune enquête métier n'a été menée sur "
                               "cette piste.\n"));
        // No action at all is said once, not once per horizon.
        CHECK_FALSE(contains(doc, "### Court terme"));
    }

    TEST_CASE("no date unless the folder states an end") {
        const std::string doc = rendered(fr(), empty_folder());
        CHECK_FALSE(contains(doc, "\ndate:"));
        CHECK(contains(doc, "- **Dates :** depuis le 2 mars 2026 (en cours)\n"));
    }

    TEST_CASE("the shared version holds only the consented sections") {
        const Folder f = full_folder();
        const Consent c = consent("France Travail");
        const std::string doc = rendered(fr(), f, &c);
        CHECK(contains(doc, "\nsubtitle: 'Version communiquée à France Travail'\n"));
        CHECK(contains(doc, "communiquée à France Travail avec l'accord de Claire Martin, donné "
                            "le 4 mai 2026"));
        CHECK(contains(doc, "projet professionnel, plan d'action."));
        CHECK(contains(doc, "L6313-4"));
        CHECK(contains(doc, "## Projet professionnel"));
        CHECK(contains(doc, "## Plan d'action"));
        CHECK_FALSE(contains(doc, "## Circonstances"));
        CHECK_FALSE(contains(doc, "Donner du sens"));
        CHECK_FALSE(contains(doc, "## Compétences"));
        CHECK_FALSE(contains(doc, "Comptabilité générale"));
        CHECK_FALSE(contains(doc, "## Pistes"));
        const Consent all = consent("Employeur", {"circonstances", "pistes"});
        const std::string other = rendered(fr(), f, &all);
        CHECK(contains(other, "## Circonstances du bilan"));
        CHECK(contains(other, "## Pistes explorées"));
        CHECK_FALSE(contains(other, "## Projet professionnel"));
    }

    TEST_CASE("the same folder gives the same bytes") {
        CHECK(rendered(fr(), full_folder()) == rendered(fr(), full_folder()));
    }

    TEST_CASE("a framework without follow-up says so, the Belgian one adds its window") {
        Framework none = fr();
        none.followup_months.reset();
        CHECK(contains(rendered(none, full_folder()),
                       "Le cadre de ce bilan ne prévoit pas d'entretien de suivi."));
        const Framework be = store::load_builtin_framework("be");
        CHECK(contains(rendered(be, full_folder()), "dans les 12 mois"));
    }
}
