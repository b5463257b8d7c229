#include "bilan/errors.hpp"
#include "bilan/provider_ids.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("provider_ids") {
    TEST_CASE("a SIRET passes the Luhn check over its 14 digits") {
        CHECK(siret_check_passes("73282932000074"));
        CHECK(siret_check_passes("44306184100047"));
        CHECK(siret_check_passes("55210055400013"));
        CHECK_FALSE(siret_check_passes("73282932000075")); // one digit off
        CHECK_FALSE(siret_check_passes("73282932000047")); // two digits swapped
        CHECK_FALSE(siret_check_passes("12345678901234"));
        CHECK_FALSE(siret_check_passes("7328293200007"));
    }

    TEST_CASE("La Poste's establishments pass when their digits add up to a multiple of 5") {
        CHECK(siret_check_passes("35600000000048"));       // Luhn as well
        CHECK(siret_check_passes("35600000049837"));       // digit sum 50, Luhn fails
        CHECK(siret_check_passes("35600000010000"));       // digit sum 15, Luhn fails
        CHECK_FALSE(siret_check_passes("35600000012345")); // neither
        CHECK_FALSE(siret_check_passes("41851283000012")); // digit sum 25, but not La Poste
    }

    TEST_CASE("SIRET and NDA as people type them") {
        CHECK(parse_siret("732 829 320 00074") == "73282932000074");
        CHECK(parse_siret("732.829.320.00074") == "73282932000074");
        CHECK(parse_nda("11 75 12345 75") == "11751234575");
        CHECK_THROWS_WITH_AS(parse_siret("732 829 320"), doctest::Contains("14 chiffres attendus"),
                             UsageError);
        CHECK_THROWS_WITH_AS(parse_siret("73282932000075"), doctest::Contains("clé de contrôle"),
                             UsageError);
        CHECK_THROWS_WITH_AS(parse_siret("7328293200007A"),
                             doctest::Contains("14 chiffres attendus"), UsageError);
        CHECK_THROWS_WITH_AS(parse_nda("1175123457"), doctest::Contains("11 chiffres attendus"),
                             UsageError);
        CHECK_THROWS_AS(parse_nda(""), UsageError);
        CHECK_THROWS_AS(parse_siret(""), UsageError);
    }

    TEST_CASE("a Belgian enterprise number: 10 digits, 97 minus the first eight mod 97") {
        CHECK(parse_bce("0123.456.749") == "0123.456.749"); // 1234567 mod 97 = 48, 97 - 48 = 49
        CHECK(parse_bce("0123 456 749") == "0123.456.749");
        CHECK(parse_bce("0123456749") == "0123.456.749");
        CHECK_THROWS_AS(parse_bce("0123.456.748"), UsageError); // a typing slip in the check
        CHECK_THROWS_AS(parse_bce("123.456.749"), UsageError);  // nine digits
        CHECK_THROWS_AS(parse_bce("2123.456.7xx"), UsageError);
        CHECK_FALSE(bce_check_passes("2000000095")); // first digit 0 or 1 only
        CHECK_THROWS_AS(parse_bce(""), UsageError);
    }
}
