#include "bilan/proof_documents.hpp"
#include "bilan/store.hpp"
#include "support/french_framework.hpp"
#include "support/text_lines.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {
// The documents as a reader sees them (their no-break spaces as spaces).
template <typename... Args> std::string sheet_of(const Args&... args) {
    return plain_spaces(render_attendance_sheet(args...));
}
std::string certificate_of(const Framework& framework, const Folder& folder,
                           const Practice& provider, int realised_minutes,
                           const CertificateRequest& request) {
    return plain_spaces(render_certificate(framework, folder, provider, realised_minutes, request));
}
} // namespace

namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

Practice provider() {
    Practice p;
    p.name = "Cabinet Horizons";
    p.siret = "99912345600017";
    p.nda = "11759999975";
    p.address = "12 rue des Lilas, 75011 Paris";
    p.city = "Paris";
    p.signatory = "Hélène Moreau, gérante";
    return p;
}

Session session(std::string id, Date date, std::string phase, int minutes,
                std::string kind = "entretien") {
    Session s;
    s.id = std::move(id), s.date = date, s.phase = std::move(phase), s.minutes = minutes;
    s.kind = std::move(kind);
    return s;
}

// Substance everywhere a document could pick it up: none of it may show.
Folder folder() {
    Folder f;
    f.bilan.beneficiary = "Claire Martin";
    f.bilan.counsellor = "Hélène Rocher";
    f.bilan.start = Date{2026, 3, 2};
    f.bilan.demand = "DEMANDE-SECRETE";
    f.bilan.situation = "SITUATION-SECRETE";
    Session s = session("s2", Date{2026, 3, 9}, "investigation", 150, "test");
    s.from = TimeOfDay{9, 30}, s.to = TimeOfDay{12, 0}, s.note = "NOTE-RIASEC";
    f.sessions.push_back(session("s0", Date{2026, 2, 23}, "prealable", 60));
    f.sessions.push_back(session("s1", Date{2026, 3, 2}, "preliminaire", 180));
    f.sessions.push_back(s);
    f.sessions.push_back(session("s3", Date{2026, 3, 12}, "investigation", 60, "enquete"));
    f.sessions.push_back(
        session("s4", Date{2026, 3, 13}, "investigation", 120, "travail-personnel"));
    s = session("s5", Date{2026, 3, 23}, "investigation", 90);
    s.mode = "distance";
    f.sessions.push_back(s);
    TestResult t;
    t.instrument = "INSTRUMENT-SECRET";
    f.tests.push_back(t);
    Skill k;
    k.text = "COMPETENCE-SECRETE";
    f.skills.push_back(k);
    return f;
}

} // namespace

TEST_SUITE("proof documents") {
    TEST_CASE("hours are written the French way") {
        CHECK(plain_spaces(french_hours(1200)) == "20 h");
        CHECK(plain_spaces(french_hours(990)) == "16 h 30");
        CHECK(plain_spaces(french_hours(65)) == "1 h 05");
        CHECK(plain_spaces(french_hours(60)) == "1 h");
        CHECK(plain_spaces(french_hours(45)) == "45 min");
        CHECK(plain_spaces(french_hours(0)) == "0 h");
        CHECK(plain_spaces(french_hours(-90)) == "-1 h 30");
        CHECK(plain_spaces(french_time(TimeOfDay{9, 30})) == "9 h 30");
        CHECK(plain_spaces(french_time(TimeOfDay{14, 0})) == "14 h 00");
    }

    TEST_CASE("dates carry their weekday and a SIRET its groups") {
        CHECK(french_long_date(Date{2026, 3, 2}) == "lundi 2 mars 2026");
        CHECK(french_long_date(Date{2026, 3, 1}) == "dimanche 1er mars 2026");
        CHECK(grouped_siret("99912345600017") == "999 123 456 00017");
        CHECK(grouped_siret("999 123") == "999 123");
        CHECK(grouped_nda("11759999975") == "11 75 99999 75");
        CHECK(grouped_nda("1175") == "1175");
    }

    TEST_CASE("the sheet lists the sessions held with the counsellor, in order, and no more") {
        const Folder f = folder();
        const std::string sheet = sheet_of(fr(), f, provider());
        CHECK(contains(sheet, "**Cabinet Horizons**\\\n12 rue des Lilas, 75011 Paris\\\n"
                              "SIRET : 999 123 456 00017 — NDA : 11 75 99999 75\n"));
        CHECK(contains(sheet, "**Bénéficiaire :** Claire Martin"));
        CHECK(contains(sheet, "**Conseiller·ère :** Hélène Rocher"));
        CHECK(contains(sheet, "| lundi 23 février 2026 |  | 1 h | Entretien préalable (hors "
                              "durée du bilan) | présentiel |  |  |\n"
                              "| lundi 2 mars 2026 |  | 3 h | Phase préliminaire | présentiel "
                              "|  |  |\n"
                              "| lundi 9 mars 2026 | 9 h 30 – 12 h 00 | 2 h 30 | Phase "
                              "d'investigation | présentiel |  |  |\n"
                              "| lundi 23 mars 2026 |  | 1 h 30 | Phase d'investigation | à "
                              "distance |  |  |\n"));
        CHECK_FALSE(contains(sheet, "12 mars")); // enquête
        CHECK_FALSE(contains(sheet, "13 mars")); // travail personnel
        for (const char* secret : {"SECRET", "RIASEC", "test", "Test"})
            CHECK_MESSAGE(!contains(sheet, secret), secret);
    }

    TEST_CASE("a blank sheet has only empty rows") {
        const std::string sheet = sheet_of(fr(), folder(), provider(), 3);
        CHECK_FALSE(contains(sheet, "mars 2026"));
        const std::string empty_row = "|  |  |  |  |  |  |  |\n";
        CHECK(contains(sheet, empty_row + empty_row + empty_row));
        CHECK_FALSE(contains(sheet, empty_row + empty_row + empty_row + empty_row));
    }

    TEST_CASE("what a person typed cannot change a document's structure") {
        Folder f = folder();
        f.bilan.beneficiary = "| **x** <b>\n# titre";
        Practice p = provider();
        p.name = "[lien](http://x) | y";
        const std::string sheet = sheet_of(fr(), f, p);
        CHECK(contains(sheet, "**Bénéficiaire :** \\| \\*\\*x\\*\\* \\<b> \\# titre\n"));
        CHECK(contains(sheet, "**\\[lien\\](http://x) \\| y**"));
        CHECK_FALSE(contains(sheet, "\n# "));
        const std::string certificate = certificate_of(fr(), f, p, 600, {});
        CHECK(contains(certificate, "atteste que **\\| \\*\\*x\\*\\* \\<b> \\# titre**"));
    }

    TEST_CASE("the certificate follows the ministry's model") {
        const Folder f = folder();
        const std::string c =
            certificate_of(fr(), f, provider(), 990, {Date{2026, 5, 6}, "Nantes"});
        CHECK(contains(c, "title: 'Certificat de réalisation'"));
        CHECK(contains(c, "Je soussigné(e) **Hélène Moreau, gérante**, représentant légal du "
                          "dispensateur de l'action"));
        CHECK(contains(c, "- [ ] action de formation\n- [x] bilan de compétences\n"));
        // The counted phases only: not the préalable of 23 February.
        CHECK(contains(c, "du **2 mars 2026** au **23 mars 2026**, pour une durée de "
                          "**16 h 30** (1)."));
        CHECK(c.ends_with("\n\n(1) Pour les formations à distance, prendre en compte la "
                          "réalisation des activités pédagogiques et le temps estimé pour les "
                          "réaliser.\n"));
        CHECK(contains(c, "3 ans à compter de la fin de l'année du dernier paiement"));
        CHECK(contains(c, "Fait à Nantes, le 6 mai 2026."));
        for (const char* secret : {"SECRET", "RIASEC"})
            CHECK_MESSAGE(!contains(c, secret), secret);
    }

    TEST_CASE("what the folder does not say is left to fill by hand") {
        Practice p;
        p.name = "Cabinet";
        const std::string c = certificate_of(fr(), folder(), p, 600, {});
        CHECK(contains(c, "Je soussigné(e) **……………………**"));
        CHECK(contains(c, "Fait à ……………………, le ……………………."));
        CHECK_FALSE(contains(c, "SIRET"));
        CHECK_FALSE(contains(c, "date:"));
    }

    TEST_CASE("a Belgian bilan gets an attestation de participation") {
        const Framework be = store::load_builtin_framework("be");
        const std::string c = certificate_of(be, folder(), provider(), 750, {});
        CHECK(contains(c, "## Attestation de participation"));
        CHECK(contains(c, "dont **12 h 30** d'entretiens"));
        CHECK_FALSE(contains(c, "Certificat de réalisation"));
        CHECK_FALSE(contains(c, "paiement"));
    }

    TEST_CASE("a session across midday is signed once per half-day") {
        Folder f = folder();
        Session day = session("s6", Date{2026, 3, 25}, "investigation", 330);
        day.from = TimeOfDay{10, 0}, day.to = TimeOfDay{15, 30};
        Session morning = session("s7", Date{2026, 3, 26}, "investigation", 180);
        morning.from = TimeOfDay{9, 0}, morning.to = TimeOfDay{13, 30}; // ends at the break
        f.sessions.push_back(day);
        f.sessions.push_back(morning);
        const std::string sheet = plain_spaces(sheet_of(fr(), f, provider()));
        CHECK(contains(sheet, "| mercredi 25 mars 2026 | 10 h 00 – 15 h 30 (matin) | 5 h 30 | "
                              "Phase d'investigation | présentiel |  |  |\n"
                              "| mercredi 25 mars 2026 | (après-midi) |  | Phase "
                              "d'investigation | présentiel |  |  |\n"));
        CHECK(contains(sheet, "| jeudi 26 mars 2026 | 9 h 00 – 13 h 30 | 3 h |"));
    }

    TEST_CASE("the certificate names the employer and dates the accompaniment only") {
        Folder f = folder();
        f.sessions.push_back(
            session("s9", Date{2026, 4, 2}, "conclusion", 120, "travail-personnel"));
        std::string c = certificate_of(fr(), f, provider(), 990, {});
        CHECK(contains(c, "atteste que **Claire Martin** a suivi l'action"));
        CHECK(contains(c, "au **23 mars 2026**, pour une durée")); // not 2 April: personal work
        f.convention.exists = true;
        f.convention.employer = "Transports <Durand>";
        c = certificate_of(fr(), f, provider(), 990, {});
        CHECK(contains(c, "atteste que **Claire Martin**, salarié(e) de l'entreprise "
                          "**Transports \\<Durand>**, a suivi l'action"));
    }

    TEST_CASE("no counted session, no certificate") {
        Folder f = folder();
        f.sessions.resize(1); // the préalable alone
        CHECK_THROWS_AS(certificate_of(fr(), f, provider(), 0, {}), RefusedError);
        CHECK(counted_sessions(fr(), f).empty());
        CHECK(attendance_sessions(f).size() == 1);
    }
}
