// The consent operations (src/ops/consents.cpp), on a real folder: no consent before the
// bilan's start, granting again keeps the earlier grant as evidence, two recipients never share
// a file, a revocation is all or none and the first one stays as recorded.
#include "bilan/errors.hpp"
#include "bilan/ops/consents.hpp"
#include "bilan/synthesis.hpp"
#include "support/temp_bilan.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>

using namespace bilan;
using bilan::test::refusal;
using bilan::test::sentence;
using bilan::test::TempBilan;

namespace {

// The one consent of the folder (a copy: the list it comes from is a temporary).
Consent only(const std::vector<Consent>& consents) {
    REQUIRE(consents.size() == 1);
    return consents.front();
}

} // namespace

TEST_SUITE("ops.consents") {
    TEST_CASE("recipient_id: one line of typed text with a letter or a digit, 100 at most") {
        CHECK(ops::recipient_id("France Travail") == "france-travail");
        CHECK_THROWS_WITH_AS(ops::recipient_id("« ! »"),
                             "destinataire « « ! » » : il faut au moins une lettre ou un chiffre",
                             UsageError);
        CHECK_THROWS_WITH_AS(ops::recipient_id("France\nTravail"),
                             "le destinataire tient sur une ligne", UsageError);
        CHECK_THROWS_AS(ops::recipient_id(std::string(101, 'a')), UsageError);
        CHECK(ops::recipient_id(std::string(100, 'a')).size() == 100);
    }

    TEST_CASE("grant_consent: refused before the bilan's start, nothing written") {
        const TempBilan bilan;
        CHECK(refusal([&] {
                  ops::grant_consent(bilan.store(), "Employeur", {2026, 3, 1}, std::nullopt);
              }) == "accord du 2026-03-01 refusé : le bilan n'a commencé que le 2026-03-02");
        CHECK(ops::list_consents(bilan.store()).empty());
        CHECK(ops::grant_consent(bilan.store(), "Employeur", {2026, 3, 2}, std::nullopt).empty());
    }

    TEST_CASE("grant_consent: the recipient trimmed, the default sections, a file named after it") {
        const TempBilan bilan;
        ops::grant_consent(bilan.store(), "  France Travail ", {2026, 3, 5}, std::nullopt);
        const Consent c = only(ops::list_consents(bilan.store()));
        CHECK(c.id == "france-travail");
        CHECK(c.recipient == "France Travail");
        CHECK(c.sections == default_shared_sections());
        CHECK(bilan.exists("consents/france-travail.toml"));
    }

    TEST_CASE("grant_consent again: the same file, the earlier grant moved to the history") {
        const TempBilan bilan;
        ops::grant_consent(bilan.store(), "France Travail", {2026, 3, 5}, std::nullopt);
        ops::revoke_consent(bilan.store(), "France Travail", Date{2026, 3, 20});
        ops::grant_consent(bilan.store(), "france travail", {2026, 4, 1},
                           std::vector<std::string>{"projet"});
        const Consent c = only(ops::list_consents(bilan.store()));
        CHECK(c.recipient == "France Travail"); // its first spelling
        CHECK(c.date == Date{2026, 4, 1});
        CHECK_FALSE(c.revoked);
        CHECK(c.sections == std::vector<std::string>{"projet"});
        REQUIRE(c.history.size() == 1);
        CHECK(c.history[0].date == Date{2026, 3, 5});
        CHECK(c.history[0].revoked_on == Date{2026, 3, 20});
    }

    TEST_CASE("grant_consent again in another spelling or script: the same file, granted again") {
        const TempBilan bilan;
        for (const char* recipient : {"Łódź Conseil", "ΑΘΗΝΑ", "МОСКВА", "France.Travail"})
            ops::grant_consent(bilan.store(), recipient, {2026, 5, 4}, std::nullopt);
        for (const char* recipient : {"Lodz conseil", "αθηνά", "москва", "France Travail"})
            ops::grant_consent(bilan.store(), recipient, {2026, 6, 1}, std::nullopt);
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::directory_iterator(bilan.dir() / "consents"))
            files.push_back(entry.path().filename().string());
        std::sort(files.begin(), files.end());
        CHECK(files == std::vector<std::string>{"france-travail.toml", "lodz-conseil.toml",
                                                "αθηνα.toml", "москва.toml"});
        for (const Consent& c : ops::list_consents(bilan.store())) {
            CHECK(c.date == Date{2026, 6, 1});
            CHECK(c.history.size() == 1);
        }
    }

    TEST_CASE("grant_consent: another recipient's file is never taken, a note says where it went") {
        const TempBilan bilan;
        ops::grant_consent(bilan.store(), "C++ Conseil", {2026, 3, 5}, std::nullopt);
        const ops::Notes notes =
            ops::grant_consent(bilan.store(), "C Conseil", {2026, 3, 5}, std::nullopt);
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]) ==
              "consents/c-conseil.toml est le consentement de « C++ Conseil » : "
              "celui de « C Conseil » est écrit dans consents/c-conseil-2.toml");
        const auto consents = ops::list_consents(bilan.store());
        REQUIRE(consents.size() == 2);
        CHECK(bilan.exists("consents/c-conseil-2.toml"));
    }

    TEST_CASE("revoke_consent: none is refused, all revoked already is a note, the date kept") {
        const TempBilan bilan;
        CHECK(refusal([&] { ops::revoke_consent(bilan.store(), "Apec", std::nullopt); }) ==
              "aucun consentement pour « Apec » (voir « bilan consent list »)");
        ops::grant_consent(bilan.store(), "Apec", {2026, 3, 5}, std::nullopt);
        CHECK(ops::revoke_consent(bilan.store(), "APEC", Date{2026, 3, 9}).empty());
        const ops::Notes again = ops::revoke_consent(bilan.store(), "Apec", Date{2026, 3, 30});
        REQUIRE(again.size() == 1);
        CHECK(sentence(again[0]) == "le consentement pour « Apec » était déjà retiré");
        const Consent c = only(ops::list_consents(bilan.store()));
        CHECK(c.revoked);
        CHECK(c.revoked_on == Date{2026, 3, 9}); // the first revocation stays as recorded
    }

    TEST_CASE("revoke_consent without a date: revoked, no date invented") {
        const TempBilan bilan;
        ops::grant_consent(bilan.store(), "Apec", {2026, 3, 5}, std::nullopt);
        ops::revoke_consent(bilan.store(), "Apec", std::nullopt);
        const Consent c = only(ops::list_consents(bilan.store()));
        CHECK(c.revoked);
        CHECK_FALSE(c.revoked_on);
    }

    TEST_CASE("the operations refuse a folder that holds no bilan") {
        const bilan::test::TempFolder temp;
        const store::Store store(temp.root());
        CHECK_THROWS_AS(ops::list_consents(store), RefusedError);
        CHECK_THROWS_AS(ops::grant_consent(store, "Apec", {2026, 3, 5}, std::nullopt),
                        RefusedError);
    }
}
