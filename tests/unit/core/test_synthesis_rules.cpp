// A consent over time: granting again after a revocation, revoking, the history kept as
// evidence, and the order of `consent list`.
#include "bilan/synthesis.hpp"
#include "support/consent_history.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

Consent consent(const std::string& recipient, Date date, std::vector<std::string> sections = {}) {
    Consent c;
    c.recipient = recipient;
    c.id = consent_id(recipient);
    c.date = date;
    c.sections = std::move(sections);
    c.origin = {"consents/" + c.id + ".toml", 0, 0};
    return c;
}

std::vector<std::string> recipients(const std::vector<Consent>& consents) {
    std::vector<std::string> out;
    for (const Consent& c : consents)
        out.push_back(c.recipient + "/" + c.id);
    return out;
}

} // namespace

TEST_SUITE("consents") {
    TEST_CASE("a recipient's id folds letters and never drops one") {
        CHECK(consent_id("France Travail") == "france-travail");
        CHECK(consent_id("Straße AG") == "strasse-ag");
        CHECK(consent_id("Strae AG") != consent_id("Straße AG"));
        CHECK(consent_id("ŒUVRE Ærø") == "oeuvre-aero");
        CHECK(consent_id("Łask") == "lask");
        CHECK(consent_id("Jörg & Söhne") == "jorg-sohne");
        CHECK(consent_id("Αθηνά Α.Ε.") == "αθηνα-αε");
        CHECK(consent_id("北京（公司）") == "北京公司"); // full-width brackets are ASCII ones
        CHECK(consent_id("«…»").empty());
        // Bytes that are not UTF-8 go before the folding: the letters after them fold the same
        // (the fuzzer's "savo\223\215Њp" kept Њ upper case, and its id named another file).
        const std::string broken = consent_id("savo\x93\x8d\xd0\x8ap");
        CHECK(broken == "savoњp");
        CHECK(consent_id(broken) == broken);
        CHECK(consent_id("O'Neil S.A.") == "oneil-sa"); // ASCII punctuation dropped, as before
        CHECK(consent_id("S.A.R.L. Dupont") == "sarl-dupont");
    }

    TEST_CASE("one recipient however it is spelled, in every script") {
        const std::pair<const char*, const char*> same[] = {
            {"Pôle emploi", "pole emploi"},
            {"Łódź", "Lodz"},
            {"ΑΘΗΝΑ", "αθηνά"},
            {"ΟΔΥΣΣΕΑΣ", "οδυσσεας"}, // final sigma
            {"МОСКВА", "москва"},
            {"Ёлка", "елка"},
            {"France.Travail", "France Travail"},
            {"ＡＰＥＣ", "APEC"}, // full-width letters
            {"Straße", "STRASSE"},
            {"ﬁnances", "finances"}, // a ligature
        };
        for (const auto& entry : same) {
            const auto& one = entry.first; // clang 14 cannot capture a binding
            const auto& other = entry.second;
            CAPTURE(one);
            CHECK(consent_id(one) == consent_id(other));
            CHECK(recipient_key(one) == recipient_key(other));
        }
        CHECK(consent_id("Łódź") == "lodz");
        CHECK(consent_id("France.Travail") == "france-travail");
    }

    TEST_CASE("different recipients are never one") {
        // Roman numerals were punctuation, and both were "corp".
        CHECK(consent_id("Ⅻ Corp") == "xii-corp");
        CHECK(consent_id("Ⅺ Corp") == "xi-corp");
        // Their file names are one; who they are is not, and grant_consent names them apart.
        CHECK(consent_id("C++ Conseil") == consent_id("C Conseil"));
        CHECK(recipient_key("C++ Conseil") != recipient_key("C Conseil"));
        CHECK(recipient_key("AT&T") != recipient_key("ATT"));
        CHECK(recipient_key("O'Neil S.A.") == recipient_key("ONeil SA"));
    }

    TEST_CASE("a consent file is named as bilan names one, today or before") {
        CHECK(is_consent_name("france-travail"));
        CHECK(is_consent_name("Αθηνά-ΑΕ")); // the name an earlier version gave "Αθηνά Α.Ε."
        CHECK(is_consent_name("jörg-söhne"));
        CHECK_FALSE(is_consent_name("France-Travail"));
        CHECK_FALSE(is_consent_name("france-travail (conflicted copy)"));
        CHECK_FALSE(is_consent_name(""));
    }

    TEST_CASE("the consents of a recipient are found by who they are, not by their file") {
        std::vector<Consent> consents{consent("C++ Conseil", Date{2026, 5, 4})};
        consents.front().id = "c-conseil";
        CHECK(consents_for(consents, "c++ conseil").size() == 1);
        CHECK(consents_for(consents, "C Conseil").empty());
    }

    TEST_CASE("a history line reads back as it was written") {
        const ConsentPeriod dated{
            Date{2026, 5, 4}, {"projet", "plan"}, Date{2026, 6, 1}, std::nullopt, {}};
        CHECK(test::consent_period_text(dated) ==
              "accordé le 2026-05-04 (projet, plan), retiré le 2026-06-01");
        CHECK(parse_consent_period(test::consent_period_text(dated)) == dated);
        const ConsentPeriod undated{
            Date{2026, 5, 4}, {"circonstances"}, std::nullopt, std::nullopt, {}};
        CHECK(test::consent_period_text(undated) ==
              "accordé le 2026-05-04 (circonstances), retiré");
        CHECK(parse_consent_period(test::consent_period_text(undated)) == undated);
    }

    TEST_CASE("a history line takes section aliases and gives their keys") {
        CHECK(parse_consent_period("accordé le 04/05/2026 (Plan, project), retiré le 2026-06-01")
                  .sections == std::vector<std::string>{"projet", "plan"});
    }

    TEST_CASE("a malformed history line says what is expected") {
        for (const char* bad :
             {"", "accordé", "retiré le 2026-06-01", "accordé le 2026-05-04 (projet, plan)",
              "accordé le 2026-05-04 (), retiré", "accordé le today (projet), retiré",
              "accordé le 2026-05-04 (projet), retiré hier",
              "accordé le 2026-05-04 (projet), retiré le demain"})
            CHECK_THROWS_WITH_AS(parse_consent_period(bad),
                                 doctest::Contains("attendu « accordé le AAAA-MM-JJ"), UsageError);
        CHECK_THROWS_WITH_AS(parse_consent_period("accordé le 2026-02-30 (projet), retiré"),
                             doctest::Contains("2026-02-30"), UsageError);
        CHECK_THROWS_WITH_AS(parse_consent_period("accordé le 2026-05-04 (salaire), retiré"),
                             doctest::Contains("« salaire »"), UsageError);
        CHECK_THROWS_WITH_AS(
            parse_consent_period("accordé le 2026-05-04 (projet), retiré le 2026-05-01"),
            doctest::Contains("le retrait (2026-05-01) précède l'accord (2026-05-04)"), UsageError);
    }

    TEST_CASE("granting a revoked consent again keeps the revocation as evidence") {
        Consent c = consent("Employeur RH", Date{2026, 5, 4}, {"Projet"});
        c.revoked = true;
        c.revoked_on = Date{2026, 6, 1};
        const Consent next = grant_again(c, Date{2026, 7, 1}, {"plan"});
        CHECK(next.recipient == "Employeur RH"); // as first recorded, whatever was typed
        CHECK(next.id == c.id);
        CHECK(next.date == Date{2026, 7, 1});
        CHECK(next.sections == std::vector<std::string>{"plan"});
        CHECK_FALSE(next.revoked);
        CHECK_FALSE(next.revoked_on);
        REQUIRE(next.history.size() == 1);
        CHECK(next.history[0] == ConsentPeriod{Date{2026, 5, 4},
                                               {"projet"},
                                               Date{2026, 6, 1},
                                               std::nullopt,
                                               {}}); // keys, not aliases

        Consent again = revoke_consent(next, Date{2026, 8, 1});
        again = grant_again(again, Date{2026, 8, 1}, {"pistes"}); // the same day is fine
        REQUIRE(again.history.size() == 2);
        CHECK(again.history[0] == next.history[0]); // oldest first
        CHECK(again.history[1] ==
              ConsentPeriod{Date{2026, 7, 1}, {"plan"}, Date{2026, 8, 1}, std::nullopt, {}});
    }

    TEST_CASE("a grant replaced keeps its written consent's reference in its history") {
        Consent c = consent("France Travail", Date{2026, 5, 4}, {"projet"});
        c.ref = "scan.pdf";
        const Consent next = grant_again(c, Date{2026, 6, 1}, {"plan"});
        REQUIRE(next.history.size() == 1);
        CHECK(next.history[0].ref == "scan.pdf");
        CHECK(consent_proof_warnings({c}).empty());
        Consent without = c;
        without.ref.clear();
        REQUIRE(consent_proof_warnings({without}).size() == 1);
        CHECK(consent_proof_warnings({without})[0].code == "consent.without-ref");
        without.revoked = true; // nothing is shared any more
        CHECK(consent_proof_warnings({without}).empty());
    }

    TEST_CASE("a consent without sections goes to history with the default ones") {
        Consent c = consent("France Travail", Date{2026, 5, 4});
        c.revoked = true;
        const Consent next = grant_again(c, Date{2026, 5, 4}, {"projet"});
        REQUIRE(next.history.size() == 1);
        CHECK(next.history[0] ==
              ConsentPeriod{Date{2026, 5, 4}, {"projet", "plan"}, std::nullopt, std::nullopt, {}});
    }

    TEST_CASE("a new grant cannot predate the revocation it follows") {
        Consent c = consent("France Travail", Date{2026, 5, 4});
        c.revoked = true;
        c.revoked_on = Date{2026, 6, 1};
        CHECK_THROWS_WITH_AS(grant_again(c, Date{2026, 5, 20}, {"plan"}),
                             doctest::Contains("accord du 2026-05-20 refusé : le consentement "
                                               "pour « France Travail » a été retiré le "
                                               "2026-06-01"),
                             RefusedError);
        c.revoked_on.reset(); // revoked without a date: the grant it ended is the bound
        CHECK_THROWS_WITH_AS(grant_again(c, Date{2026, 5, 3}, {"plan"}),
                             doctest::Contains("accordé le 2026-05-04 puis retiré"), RefusedError);
        // Granted again, then granted once more: the history still bounds the date.
        c.revoked_on = Date{2026, 6, 1};
        const Consent next = grant_again(c, Date{2026, 7, 1}, {"plan"});
        CHECK_THROWS_AS(grant_again(next, Date{2026, 5, 31}, {"plan"}), RefusedError);
        CHECK_THROWS_AS(grant_again(next, Date{2026, 6, 1}, {"plan"}), RefusedError); // in force
        CHECK(grant_again(next, Date{2026, 7, 1}, {"plan"}).history.size() == 1); // the same one
    }

    TEST_CASE("granting again a consent in force keeps the earlier grant as evidence") {
        const Consent c = consent("France Travail", Date{2026, 5, 4}, {"projet", "plan"});
        const Consent next = grant_again(c, Date{2026, 6, 1}, {"plan"});
        CHECK(next.date == Date{2026, 6, 1});
        REQUIRE(next.history.size() == 1);
        CHECK(next.history[0] ==
              ConsentPeriod{
                  Date{2026, 5, 4}, {"projet", "plan"}, std::nullopt, Date{2026, 6, 1}, {}});
        CHECK(test::consent_period_text(next.history[0]) ==
              "accordé le 2026-05-04 (projet, plan), remplacé le 2026-06-01");
        CHECK(parse_consent_period(test::consent_period_text(next.history[0])) == next.history[0]);
        CHECK(grant_again(c, Date{2026, 5, 4}, {"projet", "plan"}).history.empty()); // unchanged
        CHECK_THROWS_WITH_AS(grant_again(c, Date{2026, 5, 3}, {"plan"}),
                             doctest::Contains("en vigueur date du 2026-05-04"), RefusedError);
    }

    TEST_CASE("an unknown earlier section is pointed at, not copied to history") {
        Consent c = consent("A", Date{2026, 5, 4}, {"salaire"});
        c.revoked = true;
        CHECK_THROWS_WITH_AS(grant_again(c, Date{2026, 6, 1}, {"plan"}),
                             doctest::Contains("consents/a.toml"), DataError);
    }

    TEST_CASE("a revocation cannot predate the grant") {
        const Consent c = consent("France Travail", Date{2026, 5, 4});
        CHECK_THROWS_WITH_AS(revoke_consent(c, Date{2026, 5, 3}),
                             doctest::Contains("retrait du 2026-05-03 refusé : le consentement "
                                               "pour « France Travail » n'a été accordé que le "
                                               "2026-05-04"),
                             RefusedError);
        const Consent same_day = revoke_consent(c, Date{2026, 5, 4});
        CHECK(same_day.revoked);
        CHECK(same_day.revoked_on == Date{2026, 5, 4});
        const Consent undated = revoke_consent(c, std::nullopt);
        CHECK(undated.revoked);
        CHECK_FALSE(undated.revoked_on);
        // The first revocation stays as it was recorded.
        CHECK(revoke_consent(same_day, Date{2026, 9, 1}).revoked_on == Date{2026, 5, 4});
    }

    TEST_CASE("consents sort by folded recipient, then id") {
        std::vector<Consent> consents{
            consent("France Travail", Date{2026, 5, 4}), consent("autre", Date{2026, 5, 4}),
            consent("Établissement", Date{2026, 5, 4}),  consent("employeur", Date{2026, 5, 4}),
            consent("Autre", Date{2026, 5, 4}),          consent("autre", Date{2026, 5, 4})};
        consents[1].id = "autre-2"; // a second file for the same recipient, by hand
        consents.back().id = "autre-1";
        sort_consents(consents);
        CHECK(recipients(consents) ==
              std::vector<std::string>{"Autre/autre", "autre/autre-1", "autre/autre-2",
                                       "employeur/employeur", "Établissement/etablissement",
                                       "France Travail/france-travail"});
    }
}
