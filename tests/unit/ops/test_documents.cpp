// The proof-of-service operations (src/ops/documents.cpp), on a real folder: the provider comes
// from the practice folder above the bilan and what a financer would look for and not find is
// said, never made up; no sheet without a session with the counsellor, no certificate without
// a counted session; the certificate's notes on what it certifies.
#include "bilan/errors.hpp"
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/documents.hpp"
#include "support/temp_bilan.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::contains;
using bilan::test::refusal;
using bilan::test::sentence;
using bilan::test::TempBilan;

namespace {

void add(const TempBilan& bilan, const Date& date, const std::string& phase, int minutes,
         const std::string& kind = "entretien") {
    Session s;
    s.date = date;
    s.phase = phase;
    s.minutes = minutes;
    s.kind = kind;
    ops::add_session(bilan.store(), s, bilan::test::ignore_id);
}

bool said(const ops::Notes& notes, std::string_view part) {
    return std::any_of(notes.begin(), notes.end(), [&](const Problem& note) {
        return sentence(note).find(part) != std::string::npos;
    });
}

ops::CertificateOptions on(const Date& today) {
    ops::CertificateOptions options;
    options.today = today;
    return options;
}

} // namespace

TEST_SUITE("ops.documents") {
    TEST_CASE("attendance_sheet: none without a session held with the counsellor, unless blank") {
        const TempBilan bilan;
        add(bilan, {2026, 3, 12}, "investigation", 60, "enquete");
        add(bilan, {2026, 3, 13}, "investigation", 120, "travail-personnel");
        CHECK(contains(refusal([&] { ops::attendance_sheet(bilan.store(), 0); }),
                       "aucune séance avec le conseiller à émarger"));
        const ops::Document blank = ops::attendance_sheet(bilan.store(), 3);
        CHECK(contains(blank.markdown, "Claire Martin"));
    }

    TEST_CASE("attendance_sheet without a practice: no SIRET nor NDA, said, the bilan's "
              "organisation names the provider") {
        ops::NewBilan request = bilan::test::claire_martin();
        request.bilan.organisation = "Cabinet du Bilan";
        const TempBilan bilan(request);
        add(bilan, {2026, 3, 2}, "preliminaire", 180);
        const ops::Document sheet = ops::attendance_sheet(bilan.store(), 0);
        REQUIRE(sheet.notes.size() == 2);
        CHECK(sentence(sheet.notes[0]) ==
              "aucun dossier de cabinet (practice.toml) : la feuille ne porte ni "
              "SIRET ni NDA (bilan practice init DOSSIER --name NOM --siret "
              "SIRET --nda NDA)");
        CHECK(sentence(sheet.notes[1]) ==
              "le conseiller n'est pas renseigné (bilan set counsellor NOM) : la "
              "feuille ne le nomme pas");
        CHECK(contains(sheet.markdown, "Cabinet du Bilan"));
    }

    TEST_CASE("attendance_sheet: a practice without SIRET nor NDA, each said") {
        ops::NewBilan request = bilan::test::claire_martin();
        request.bilan.counsellor = "Hélène Rocher";
        const TempBilan bilan(request);
        Practice practice;
        practice.name = "Cabinet Sans Numéros";
        bilan.practice(practice);
        add(bilan, {2026, 3, 2}, "preliminaire", 180);
        const ops::Document sheet = ops::attendance_sheet(bilan.store(), 0);
        REQUIRE(sheet.notes.size() == 2);
        CHECK(sentence(sheet.notes[0]) ==
              "le cabinet n'a pas de SIRET : la feuille n'en porte pas (bilan practice set siret "
              "SIRET)");
        CHECK(sentence(sheet.notes[1]) ==
              "le cabinet n'a pas de numéro de déclaration d'activité : la "
              "feuille n'en porte pas (bilan practice set nda NDA)");
        CHECK(contains(sheet.markdown, "Cabinet Sans Numéros"));
    }

    TEST_CASE("attendance_sheet with a full practice: no note, its SIRET on the sheet") {
        ops::NewBilan request = bilan::test::claire_martin();
        request.bilan.counsellor = "Hélène Rocher";
        const TempBilan bilan(request);
        bilan.practice(TempBilan::example_practice());
        add(bilan, {2026, 3, 2}, "preliminaire", 180);
        const ops::Document sheet = ops::attendance_sheet(bilan.store(), 0);
        CHECK(sheet.notes.empty());
        CHECK(contains(sheet.markdown, "999 123 456 00017"));
    }

    TEST_CASE("certificate: refused without a session of a counted phase") {
        const TempBilan bilan;
        add(bilan, {2026, 2, 23}, "prealable", 60);
        CHECK(contains(refusal([&] {
                           ops::certificate(bilan.store(), on({2026, 5, 4}));
                       }),
                       "aucune séance dans une phase comptée"));
    }

    TEST_CASE("certificate: the end not set, under the floor, no evidence, no signatory") {
        const TempBilan bilan;
        Practice practice = TempBilan::example_practice();
        practice.signatory.clear();
        bilan.practice(practice);
        add(bilan, {2026, 3, 2}, "preliminaire", 180);
        const ops::Document doc = ops::certificate(bilan.store(), on({2026, 5, 4}));
        CHECK(said(doc.notes, "le cabinet n'a pas de signataire"));
        CHECK(said(doc.notes, "la fin du bilan n'est pas renseignée (bilan set end DATE) : le "
                              "certificat s'arrête à la dernière séance comptée, du 2026-03-02"));
        CHECK(said(doc.notes, "sous le plancher : 3h en "));
        CHECK(said(doc.notes, "sans preuve de présence"));
        CHECK(contains(doc.markdown, "Claire Martin"));
    }

    TEST_CASE("certificate: sessions still to come and a date before the last one are said") {
        const TempBilan bilan;
        bilan.practice(TempBilan::example_practice());
        add(bilan, {2026, 3, 2}, "preliminaire", 180);
        add(bilan, {2026, 4, 27}, "conclusion", 120);
        add(bilan, {2026, 4, 28}, "conclusion", 120);
        ops::CertificateOptions options = on({2026, 4, 1});
        options.signed_on = Date{2026, 4, 1};
        const ops::Document doc = ops::certificate(bilan.store(), options);
        CHECK(said(doc.notes, "2 séances comptées sont encore à venir (jusqu'au 2026-04-28) : le "
                              "certificat les compte comme réalisées"));
        CHECK(said(doc.notes, "certificat daté du 2026-04-01, avant la dernière séance comptée "
                              "(2026-04-28)"));
        // The document itself never depends on today.
        options.today = Date{2026, 6, 1};
        CHECK(ops::certificate(bilan.store(), options).markdown == doc.markdown);
    }

    TEST_CASE("certificate: the place is the practice's city unless given") {
        const TempBilan bilan;
        bilan.practice(TempBilan::example_practice());
        add(bilan, {2026, 3, 2}, "preliminaire", 180);
        ops::CertificateOptions options = on({2026, 5, 4});
        options.signed_on = Date{2026, 5, 4};
        CHECK(contains(ops::certificate(bilan.store(), options).markdown, "Paris"));
        options.place = "Nantes";
        const std::string there = ops::certificate(bilan.store(), options).markdown;
        CHECK(contains(there, "Nantes"));
        CHECK_FALSE(contains(there, "Fait à Paris"));
    }

    TEST_CASE("the example's documents read its practice above it, without a note on it") {
        const TempBilan bilan = TempBilan::example();
        const ops::Document sheet = ops::attendance_sheet(bilan.store(), 0);
        CHECK_FALSE(said(sheet.notes, "SIRET"));
        CHECK(contains(sheet.markdown, "Cabinet Horizons Mosaïque"));
    }
}
