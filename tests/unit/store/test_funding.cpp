// The funding's paperwork (src/core/funding_rules.cpp, the codec of convention.toml and
// financing.toml): amounts as integer cents, the table of the 2026 French rules, the checks
// of the convention at their boundaries, and each file both ways.
#include "bilan/funding.hpp"
#include "bilan/rules.hpp"
#include "bilan/store.hpp"
#include "cli/problems.hpp"
#include "store/codec.hpp"
#include "store/toml_text.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

Session counted_session(Date date, std::string id = "s1") {
    Session s;
    s.id = std::move(id);
    s.date = date;
    s.phase = "preliminaire";
    s.minutes = 120;
    s.kind = "entretien";
    return s;
}

Folder employer_folder() {
    Folder folder;
    folder.bilan.beneficiary = "B";
    folder.bilan.funding = "employeur";
    return folder;
}

Convention sent_on(Date sent) {
    Convention c;
    c.exists = true;
    c.employer = "Durand";
    c.sent = sent;
    return c;
}

bool says(const std::vector<Problem>& problems, std::string_view text) {
    for (const Problem& p : problems)
        if (cli::problem_text(p).find(text) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_SUITE("funding") {
    TEST_CASE("amounts: euros with up to two decimals, as integer cents") {
        CHECK(parse_amount_cents("1800") == 180000);
        CHECK(parse_amount_cents("1 800,50") == 180050);
        CHECK(parse_amount_cents("1800.5") == 180050);
        CHECK(parse_amount_cents("1800.05 €") == 180005);
        CHECK(parse_amount_cents("1\u202f800\u00a0€") == 180000);
        CHECK(parse_amount_cents("0") == 0);
        CHECK(parse_amount_cents("103,20") == 10320);
        CHECK(parse_amount_cents("180050c") == 180050);
        CHECK(parse_amount_cents("10000000") == 1'000'000'000);
        for (const char* bad : {"", " ", "-5", "12.345", "1e3", "abc", "1,2,3", "1.", ".5",
                                "10000000.01", "99999999999", "12.5c", "€"})
            CHECK_THROWS_AS(parse_amount_cents(bad), UsageError);
    }

    TEST_CASE("amounts as a document and as a message write them") {
        CHECK(french_amount(180000) == "1\u202f800,00\u00a0€"); // the cents, always
        CHECK(french_amount(240000) == "2\u202f400,00\u00a0€");
        CHECK(french_amount(10320) == "103,20\u00a0€");
        CHECK(french_amount(5) == "0,05\u00a0€");
        CHECK(amount_text(160000) == "1 600,00 €");
        CHECK(amount_text(123456789) == "1 234 567,89 €");
        CHECK(plain_amount(180050) == "1800.50");
    }

    TEST_CASE("the 2026 table: figures and their sources, the unconfirmed ones marked") {
        const FrenchFundingRules& rules = french_funding_rules();
        CHECK(rules.acceptance_days.value == 10);
        CHECK(rules.acceptance_days.source.find("R6313-8") != std::string_view::npos);
        CHECK(rules.cpf_ceiling_cents.value == 160000);
        CHECK(rules.cpf_participation_cents.value == 10320);
        CHECK(rules.cpf_participation_cents.to_verify);
        CHECK(rules.convention_fundings.size() == 2);
    }

    TEST_CASE("a funding that needs a convention, in fr only") {
        const Framework fr = store::load_builtin_framework("fr");
        const Framework be = store::load_builtin_framework("be");
        Folder folder = employer_folder();
        CHECK(says(convention_problems(fr, folder, {2026, 3, 10}), "sans convention tripartite"));
        CHECK(convention_problems(be, folder, {2026, 3, 10}).empty());
        folder.bilan.funding = "reclassement";
        CHECK(says(convention_problems(fr, folder, {2026, 3, 10}), "R6313-8"));
        folder.bilan.funding = "cpf";
        CHECK(convention_problems(fr, folder, {2026, 3, 10}).empty());
    }

    TEST_CASE("the employee's signature: day 10 is on time, day 11 a refusal") {
        const Framework fr = store::load_builtin_framework("fr");
        Folder folder = employer_folder();
        folder.convention = sent_on({2026, 3, 2});
        folder.convention.signed_employee = Date{2026, 3, 12};
        CHECK(folder.convention.acceptance_deadline() == Date{2026, 3, 12});
        CHECK(convention_problems(fr, folder, {2026, 4, 1}).empty());
        folder.convention.signed_employee = Date{2026, 3, 13};
        CHECK(says(convention_problems(fr, folder, {2026, 4, 1}), "réputée refusée"));
        // No signature: a refusal only once today is past the 10th day.
        folder.convention.signed_employee.reset();
        CHECK(convention_problems(fr, folder, {2026, 3, 12}).empty());
        CHECK(says(convention_problems(fr, folder, {2026, 3, 13}), "réputée refusée"));
        // A month's end: calendar days run into the next month (to Saturday 7 March).
        folder.convention = sent_on({2026, 2, 25});
        folder.convention.signed_employee = Date{2026, 3, 7};
        CHECK(convention_problems(fr, folder, {2026, 4, 1}).empty());
        CHECK(convention_warnings(fr, folder, {2026, 4, 1}).empty());
        folder.convention.signed_employee = Date{2026, 3, 10};
        CHECK(!convention_problems(fr, folder, {2026, 4, 1}).empty());
    }

    TEST_CASE("a 10th day not worked: a warning until the next working day, then a refusal") {
        const Framework fr = store::load_builtin_framework("fr");
        Folder folder = employer_folder();
        folder.convention = sent_on({2026, 2, 25}); // the 10th day: Saturday 7 March
        CHECK(moved_acceptance_deadline(folder.convention, folder.holidays) == Date{2026, 3, 9});
        for (const Date signed_on : {Date{2026, 3, 8}, Date{2026, 3, 9}}) {
            folder.convention.signed_employee = signed_on;
            CHECK(convention_problems(fr, folder, {2026, 4, 1}).empty());
            const auto warnings = convention_warnings(fr, folder, {2026, 4, 1});
            REQUIRE(warnings.size() == 1);
            CHECK(warnings[0].code == "convention.signed-on-moved-limit");
            CHECK(warnings[0].severity == Severity::warning);
            CHECK(warnings[0].value("day") == "un samedi");
        }
        // Unsigned: a warning on Sunday and Monday, a refusal on Tuesday.
        folder.convention.signed_employee.reset();
        CHECK(convention_problems(fr, folder, {2026, 3, 9}).empty());
        CHECK(convention_warnings(fr, folder, {2026, 3, 9}).size() == 1);
        CHECK(says(convention_problems(fr, folder, {2026, 3, 10}), "réputée refusée"));
        CHECK(convention_warnings(fr, folder, {2026, 3, 10}).empty());
        // Easter Monday 2026 (6 April) is a public holiday: sent on 27 March.
        folder.convention = sent_on({2026, 3, 27});
        CHECK(moved_acceptance_deadline(folder.convention, folder.holidays) == Date{2026, 4, 7});
        // A working 10th day moves nothing.
        folder.convention = sent_on({2026, 3, 2});
        CHECK(!moved_acceptance_deadline(folder.convention, folder.holidays));
        // `be` has no convention rule.
        folder.convention = sent_on({2026, 2, 25});
        CHECK(
            convention_warnings(store::load_builtin_framework("be"), folder, {2026, 3, 9}).empty());
    }

    TEST_CASE("the exemptions from the CPF participation (L6323-7)") {
        Financing f;
        f.parts = {{"cpf", 150000}};
        CHECK(participation_exemption(f).empty());
        f.jobseeker = false;
        CHECK(participation_exemption(f).empty());
        f.parts.push_back({"employeur", 30000});
        CHECK(participation_exemption(f) == "abondement-employeur");
        f.parts = {{"cpf", 150000}, {"opco", 30000}};
        CHECK(participation_exemption(f) == "abondement-opco");
        f.jobseeker = true;
        CHECK(participation_exemption(f) == "demandeur-emploi");
    }

    TEST_CASE("counted sessions before the last of the three signatures") {
        const Framework fr = store::load_builtin_framework("fr");
        Folder folder = employer_folder();
        folder.convention = sent_on({2026, 3, 2});
        folder.convention.signed_employee = Date{2026, 3, 3};
        folder.convention.signed_employer = Date{2026, 3, 2};
        folder.convention.signed_provider = Date{2026, 3, 5};
        CHECK(folder.convention.fully_signed() == Date{2026, 3, 5});
        folder.sessions = {counted_session({2026, 3, 5})};
        CHECK(convention_problems(fr, folder, {2026, 4, 1}).empty());
        folder.sessions.push_back(counted_session({2026, 3, 4}, "s2"));
        auto problems = convention_problems(fr, folder, {2026, 4, 1});
        REQUIRE(problems.size() == 1);
        CHECK(says(problems, "avant la dernière signature"));
        Session prealable = counted_session({2026, 3, 1}, "s3");
        prealable.phase = "prealable"; // not counted
        folder.sessions = {prealable};
        CHECK(convention_problems(fr, folder, {2026, 4, 1}).empty());
        // A party has not signed: a session held is a problem, one to come is not yet.
        folder.convention.signed_provider.reset();
        folder.sessions = {counted_session({2026, 3, 20})};
        CHECK(convention_problems(fr, folder, {2026, 3, 19}).empty());
        CHECK(
            says(convention_problems(fr, folder, {2026, 3, 20}), "pas signée par le prestataire"));
    }

    TEST_CASE("the financing: parts against the price, the CPF ceiling and participation") {
        const Framework fr = store::load_builtin_framework("fr");
        const Framework be = store::load_builtin_framework("be");
        Folder folder;
        folder.financing.exists = true;
        folder.financing.price_cents = 180000;
        folder.financing.parts = {{"cpf", 160000}, {"beneficiaire", 20000}};
        CHECK(financing_problems(fr, folder).empty());
        folder.financing.parts = {{"cpf", 160001}, {"beneficiaire", 19999}};
        const auto over = financing_problems(fr, folder);
        REQUIRE(over.size() == 1);
        CHECK(says(over, "plafond de 1 600,00 €"));
        CHECK(says(over, "à vérifier"));
        CHECK(financing_problems(be, folder).empty());
        folder.financing.parts = {{"cpf", 170000}};
        CHECK(says(financing_problems(fr, folder), "ne font pas le prix"));
        CHECK(says(financing_problems(be, folder), "ne font pas le prix"));
        // The participation: decided only when the holder is known not to be a jobseeker.
        folder.financing.price_cents.reset();
        folder.financing.parts = {{"cpf", 150000}};
        CHECK(financing_problems(fr, folder).empty());
        folder.financing.jobseeker = true;
        CHECK(financing_problems(fr, folder).empty());
        folder.financing.jobseeker = false;
        CHECK(says(financing_problems(fr, folder), "participation forfaitaire de 103,20 €"));
        folder.financing.parts = {{"cpf", 150000}, {"beneficiaire", 10320}};
        CHECK(financing_problems(fr, folder).empty());
    }

    TEST_CASE("a convention with a price and no payment terms is a warning") {
        Folder folder;
        folder.financing.exists = true;
        folder.financing.price_cents = 240000;
        CHECK(payment_terms_warnings(folder).empty()); // no convention: nothing states terms
        folder.convention.exists = true;
        const auto warnings = payment_terms_warnings(folder);
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].code == "convention.no-payment-terms");
        CHECK(warnings[0].severity == Severity::warning);
        CHECK(says(warnings, "convention au prix de 2 400,00 € sans modalités de règlement"));
        folder.financing.payment = "à réception de facture";
        CHECK(payment_terms_warnings(folder).empty());
        folder.financing.payment.clear();
        folder.convention.payment = "virement à 30 jours";
        CHECK(payment_terms_warnings(folder).empty());
        folder.convention.payment.clear();
        folder.financing.price_cents.reset();
        CHECK(payment_terms_warnings(folder).empty());
    }

    TEST_CASE("convention.toml and financing.toml both ways") {
        Convention c;
        c.employer = "Transports « Durand » \"& fils\"";
        c.employer_siret = "99912345600017";
        c.means = "première ligne\n\tdeuxième";
        c.duration_minutes = 1230;
        c.start = Date{2026, 3, 16};
        c.end = Date{2026, 5, 29};
        c.sent = Date{2026, 3, 2};
        c.signed_provider = Date{2026, 3, 9};
        const std::string text = store::emit_fields(store::fields_of(c));
        const toml::table table = store::parse_toml(text, "convention.toml");
        store::Diagnostics diagnostics(true);
        store::RecordReader reader(table, {"convention.toml", 0, 0}, diagnostics);
        const Convention back = store::read_record<Convention>(reader);
        CHECK(reader.finish());
        CHECK(back.employer == c.employer);
        CHECK(back.employer_siret == c.employer_siret);
        CHECK(back.means == c.means);
        CHECK(back.duration_minutes == c.duration_minutes);
        CHECK(back.start == c.start);
        CHECK(back.end == c.end);
        CHECK(back.sent == c.sent);
        CHECK(!back.signed_employee);
        CHECK(back.signed_provider == c.signed_provider);
        CHECK(back.exists);

        Financing f;
        f.price_cents = 180050;
        f.parts = {{"cpf", 160000}, {"france-travail", 10000}, {"beneficiaire", 10050}};
        f.jobseeker = false;
        f.payment = "30 % à la signature, le solde « à réception »";
        const std::string money = store::emit_fields(store::fields_of(f));
        CHECK(money.find("france_travail_cents = 10000") != std::string::npos);
        const toml::table money_table = store::parse_toml(money, "financing.toml");
        store::RecordReader money_reader(money_table, {"financing.toml", 0, 0}, diagnostics);
        const Financing f_back = store::read_record<Financing>(money_reader);
        CHECK(money_reader.finish());
        CHECK(f_back.price_cents == f.price_cents);
        CHECK(f_back.parts == f.parts);
        CHECK(f_back.jobseeker == false);
        CHECK(f_back.payment == f.payment);
        CHECK(diagnostics.problems().empty());
    }
}
