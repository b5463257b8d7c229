// The funding operations (src/ops/funding.cpp), on a real folder: a convention whose period
// ends before it starts, or signed by the employee before it was sent, is refused with nothing
// written; a field given replaces the convention's, one not given stays; the financing's parts
// keep the payers' order and what `check` would say comes back as notes; the first write of
// either file raises the folder's format.
#include "bilan/errors.hpp"
#include "bilan/ops/funding.hpp"
#include "support/temp_bilan.hpp"

#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::contains;
using bilan::test::refusal;
using bilan::test::sentence;
using bilan::test::TempBilan;

namespace {

const Date today{2026, 3, 2};

TempBilan funded_by(const std::string& funding) {
    ops::NewBilan request = bilan::test::claire_martin();
    request.funding = funding;
    return TempBilan(request);
}

} // namespace

TEST_SUITE("ops.funding") {
    TEST_CASE("set_convention: a field given replaces, one not given stays, empty removes") {
        const TempBilan bilan = funded_by("employeur");
        ops::ConventionEdit edit;
        edit.employer = "Menuiseries Arnaud";
        edit.duration_minutes = 24 * 60;
        ops::set_convention(bilan.store(), edit, today);
        ops::ConventionEdit second;
        second.title = "Bilan de compétences";
        second.duration_minutes = std::optional<int>{}; // removed
        ops::set_convention(bilan.store(), second, today);
        const Convention c = ops::show_convention(bilan.store());
        CHECK(c.exists);
        CHECK(c.employer == "Menuiseries Arnaud");
        CHECK(c.title == "Bilan de compétences");
        CHECK_FALSE(c.duration_minutes);
        CHECK(contains(bilan.read("bilan.toml"), "format = 2"));
    }

    TEST_CASE("set_convention: an end before the start, a signature before the sending: refused") {
        const TempBilan bilan = funded_by("employeur");
        ops::ConventionEdit period;
        period.start = Date{2026, 3, 10};
        period.end = Date{2026, 3, 9};
        CHECK(refusal([&] { ops::set_convention(bilan.store(), period, today); }) ==
              "la fin de la période (2026-03-09) précède son début (2026-03-10) ; "
              "rien n'a été écrit");
        ops::ConventionEdit signature;
        signature.sent = Date{2026, 3, 5};
        signature.signed_employee = Date{2026, 3, 4};
        CHECK(refusal([&] { ops::set_convention(bilan.store(), signature, today); }) ==
              "signature du ou de la salarié(e) (2026-03-04) avant l'envoi de la "
              "convention (2026-03-05) ; rien n'a été écrit");
        CHECK_FALSE(bilan.exists("convention.toml"));
        CHECK(contains(bilan.read("bilan.toml"), "format = 1"));
        CHECK_FALSE(ops::show_convention(bilan.store()).exists);
    }

    TEST_CASE("set_convention: the notes are what check says, as of today (R6313-8's 10 days)") {
        const TempBilan bilan = funded_by("employeur");
        ops::ConventionEdit edit;
        edit.sent = Date{2026, 3, 2};
        CHECK(ops::set_convention(bilan.store(), edit, {2026, 3, 12}).empty());
        const ops::Notes late = ops::set_convention(bilan.store(), {}, {2026, 3, 13});
        REQUIRE(late.size() == 1);
        CHECK(contains(sentence(late[0]),
                       "convention envoyée le 2026-03-02 et pas signée par le ou la "
                       "salarié(e) dans les 10 jours (limite 2026-03-12)"));
    }

    TEST_CASE("set_convention: the funding's convention is there, a held session waits for "
              "every party") {
        const TempBilan bilan = funded_by("reclassement");
        Session held;
        held.date = Date{2026, 3, 9};
        held.phase = "preliminaire";
        held.minutes = 120;
        ops::add_session(bilan.store(), held, bilan::test::ignore_id);
        ops::ConventionEdit edit;
        edit.employer = "Durand";
        edit.sent = Date{2026, 3, 2};
        edit.signed_employee = Date{2026, 3, 3};
        const ops::Notes notes = ops::set_convention(bilan.store(), edit, {2026, 3, 10});
        REQUIRE(notes.size() == 1); // no "sans convention" any more
        CHECK(contains(sentence(notes[0]),
                       "séance du 2026-03-09 alors que la convention n'est pas signée "
                       "par l'employeur et le prestataire (R6313-8"));
        CHECK(ops::set_convention(bilan.store(), {}, {2026, 3, 8}).empty()); // still to come
    }

    TEST_CASE("render_convention: refused without a convention, names the practice's provider") {
        const TempBilan bilan = funded_by("employeur");
        CHECK(refusal([&] { ops::render_convention(bilan.store()); }) ==
              "aucune convention : bilan convention set --employer … d'abord");
        bilan.practice(TempBilan::example_practice());
        ops::ConventionEdit edit;
        edit.employer = "Menuiseries Arnaud";
        ops::set_convention(bilan.store(), edit, today);
        const std::string text = ops::render_convention(bilan.store());
        CHECK(contains(text, "Menuiseries Arnaud"));
        // The city once, the certificate's own label once, the identifiers grouped.
        CHECK(contains(text, "Cabinet Horizons Mosaïque, 12 rue des Lilas, "
                             "75011 Paris, SIRET 999 123 456 00017, déclaration d'activité n° "
                             "11 75 99999 75, Certificat Qualiopi n° QUA-2025-0142, représenté"));
    }

    TEST_CASE("set_financing: the parts in the payers' order, replaced or removed by payer") {
        const TempBilan bilan = funded_by("cpf");
        ops::FinancingEdit edit;
        edit.price_cents = 180'000;
        edit.parts = {{"beneficiaire", 20'000}, {"cpf", 160'000}};
        CHECK(ops::set_financing(bilan.store(), edit).empty());
        Financing f = ops::show_financing(bilan.store());
        REQUIRE(f.parts.size() == 2);
        CHECK(f.parts[0].payer == "cpf");
        CHECK(f.parts[1].payer == "beneficiaire");
        CHECK(contains(bilan.read("bilan.toml"), "format = 2"));

        ops::FinancingEdit removal;
        removal.parts = {{"beneficiaire", std::nullopt}};
        const ops::Notes notes = ops::set_financing(bilan.store(), removal);
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]) ==
              "financement : les parts (1 600,00 €) ne font pas le prix (1 800,00 €)");
        f = ops::show_financing(bilan.store());
        REQUIRE(f.parts.size() == 1);
        CHECK(*f.price_cents == 180'000);
    }

    TEST_CASE("set_financing: the payment terms raise the folder to format 4, the rest stays") {
        const TempBilan bilan = funded_by("employeur");
        ops::FinancingEdit price;
        price.price_cents = 240'000;
        ops::set_financing(bilan.store(), price);
        CHECK(contains(bilan.read("bilan.toml"), "format = 2"));
        ops::FinancingEdit terms;
        terms.payment = "à réception de facture";
        ops::set_financing(bilan.store(), terms);
        CHECK(contains(bilan.read("bilan.toml"), "format = 4"));
        const Financing f = ops::show_financing(bilan.store());
        CHECK(f.payment == "à réception de facture");
        CHECK(*f.price_cents == 240'000);
        CHECK(contains(bilan.read("financing.toml"), "payment = \"à réception de facture\""));
    }

    TEST_CASE("set_financing: the CPF ceiling and the participation of one not a jobseeker") {
        const TempBilan bilan = funded_by("cpf");
        ops::FinancingEdit edit;
        edit.parts = {{"cpf", 170'000}};
        edit.jobseeker = false;
        const ops::Notes notes = ops::set_financing(bilan.store(), edit);
        REQUIRE(notes.size() == 2);
        CHECK(contains(sentence(notes[0]),
                       "part CPF de 1 700,00 €, au-delà du plafond de 1 600,00 €"));
        CHECK(contains(sentence(notes[1]), "la participation forfaitaire de 103,20 €"));
        ops::FinancingEdit jobseeker;
        jobseeker.jobseeker = true;
        CHECK(ops::set_financing(bilan.store(), jobseeker).size() == 1);
    }

    TEST_CASE("show_convention and show_financing: empty, not an error, before any write") {
        const TempBilan bilan;
        CHECK_FALSE(ops::show_convention(bilan.store()).exists);
        CHECK_FALSE(ops::show_financing(bilan.store()).exists);
        CHECK(ops::ConventionEdit{}.empty());
        CHECK(ops::FinancingEdit{}.empty());
    }
}
