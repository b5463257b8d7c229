// The practice operations (src/ops/practice.cpp), on a real practice folder: what is typed is
// checked before anything is written (a SIRET's check digit, an NDA's 11 digits, one line per
// field), `init` never replaces a practice.toml, `set` edits one field in place and returns
// the problems left, and a bilan's practice is the nearest one above it or $BILAN_PRACTICE's.
#include "bilan/errors.hpp"
#include "bilan/ops/practice.hpp"
#include "support/temp_bilan.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::contains;
using bilan::test::refusal;
using bilan::test::sentence_line;
using bilan::test::TempBilan;
using bilan::test::TempFolder;

namespace {

Practice named(const std::string& name) {
    Practice p;
    p.name = name;
    return p;
}

} // namespace

TEST_SUITE("ops.practice") {
    TEST_CASE("checked_practice: a SIRET and an NDA lose their spaces and dots, and are checked") {
        Practice typed = named("Cabinet");
        typed.siret = "999 123 456 00017";
        typed.nda = "11.75.99999.75";
        const Practice checked = ops::checked_practice(typed);
        CHECK(checked.siret == "99912345600017");
        CHECK(checked.nda == "11759999975");

        typed.siret = "999 123 456 00018"; // the check digit is wrong
        CHECK_THROWS_AS(ops::checked_practice(typed), UsageError);
        typed.siret.clear();
        typed.nda = "1175999997"; // 10 digits
        CHECK_THROWS_AS(ops::checked_practice(typed), UsageError);
    }

    TEST_CASE("checked_practice: every wrong SIRET and NDA a person might type, refused") {
        Practice typed = named("Cabinet");
        for (const char* siret : {"99912345600018", "12345678901234"}) {
            typed.siret = siret;
            CHECK_THROWS_WITH_AS(ops::checked_practice(typed), doctest::Contains("clé de contrôle"),
                                 UsageError);
        }
        for (const char* siret : {"9991234560001", "999 123 456 0001A", "123"}) {
            typed.siret = siret;
            CHECK_THROWS_WITH_AS(ops::checked_practice(typed),
                                 doctest::Contains("14 chiffres attendus"), UsageError);
            CHECK_THROWS_WITH_AS(ops::checked_practice(typed), doctest::Contains("SIRET"),
                                 UsageError);
        }
        typed.siret.clear(); // no SIRET
        CHECK(ops::checked_practice(typed).siret.empty());
        for (const char* nda : {"1175999997", "117599999755", "11 75 9999A 75"}) {
            typed.nda = nda;
            CHECK_THROWS_WITH_AS(ops::checked_practice(typed),
                                 doctest::Contains("11 chiffres attendus"), UsageError);
        }
        typed.nda = "11.75.99999.75";
        typed.siret = "356 000 000 49837"; // La Poste: its digits add up to a multiple of 5
        const Practice checked = ops::checked_practice(typed);
        CHECK(checked.siret == "35600000049837");
        CHECK(checked.nda == "11759999975");
    }

    TEST_CASE("checked_practice: the name is required, each text one line, the holidays known") {
        CHECK_THROWS_WITH_AS(ops::checked_practice(Practice{}), "« name » ne peut pas être vide",
                             UsageError);
        Practice typed = named("Cabinet");
        typed.address = "12 rue des Lilas\n75011 Paris";
        CHECK_THROWS_WITH_AS(ops::checked_practice(typed),
                             "« address » : une seule ligne, sans tabulation (séparez par des "
                             "virgules)",
                             UsageError);
        typed.address.clear();
        typed.holidays = "Alsace-Moselle";
        CHECK(ops::checked_practice(typed).holidays == "alsace-moselle");
        typed.holidays = "mars";
        CHECK_THROWS_WITH_AS(ops::checked_practice(typed),
                             "« holidays » : « mars » inconnu (attendu metropole ou "
                             "alsace-moselle)",
                             UsageError);
    }

    TEST_CASE("open_practice: never replaces a practice.toml, never writes a wrong one") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        ops::open_practice(temp.root() / "cabinet", named("Cabinet A"));
        const std::string first = temp.read("cabinet/practice.toml");
        CHECK(contains(first, "name = \"Cabinet A\""));
        CHECK_THROWS_AS(ops::open_practice(temp.root() / "cabinet", named("Cabinet B")),
                        RefusedError);
        CHECK(temp.read("cabinet/practice.toml") == first);

        Practice wrong = named("Cabinet C");
        wrong.siret = "123";
        CHECK_THROWS_AS(ops::open_practice(temp.root() / "autre", wrong), UsageError);
        CHECK_FALSE(temp.exists("autre"));
        CHECK_THROWS_AS(ops::open_practice("", named("X")), UsageError);
    }

    TEST_CASE("show_practice: the nearest one above, named as found, none is refused") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        CHECK(contains(refusal([&] { ops::show_practice(temp.root()); }),
                       "ni BILAN_PRACTICE, ni practice.toml dans ce "
                       "dossier ou au-dessus"));
        ops::open_practice(temp.root(), named("Cabinet A"));
        std::filesystem::create_directories(temp.root() / "dupont" / "notes");
        const ops::FoundPractice found = ops::show_practice(temp.root() / "dupont" / "notes");
        CHECK(found.practice.name == "Cabinet A");
        CHECK(contains(found.file, "practice.toml"));
    }

    TEST_CASE("show_practice: $BILAN_PRACTICE names the practice, before any folder above") {
        const TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        ops::open_practice(temp.root(), named("Cabinet Au-Dessus"));
        ops::open_practice(temp.root() / "ailleurs", named("Cabinet Nommé"));
        std::filesystem::create_directories(temp.root() / "dupont");
        ::setenv("BILAN_PRACTICE", (temp.root() / "ailleurs").c_str(), 1);
        CHECK(ops::show_practice(temp.root() / "dupont").practice.name == "Cabinet Nommé");
    }

    TEST_CASE("set_practice_field: the key folded, the value checked before any lock") {
        const TempBilan bilan;
        bilan.practice(TempBilan::example_practice());
        CHECK(ops::set_practice_field(bilan.dir(), "CITY", "Nantes").empty());
        CHECK(contains(bilan.temp().read("practice.toml"), "city = \"Nantes\""));
        const std::string before = bilan.temp().read("practice.toml");
        CHECK_THROWS_WITH_AS(ops::set_practice_field(bilan.dir(), "ville", "Paris"),
                             doctest::Contains("champ inconnu « ville »"), UsageError);
        CHECK_THROWS_AS(ops::set_practice_field(bilan.dir(), "siret", "12345678901234"),
                        UsageError);
        CHECK_THROWS_AS(ops::set_practice_field(bilan.dir(), "name", ""), UsageError);
        CHECK(bilan.temp().read("practice.toml") == before);
        ops::set_practice_field(bilan.dir(), "signatory", ""); // an optional field removed
        CHECK_FALSE(contains(bilan.temp().read("practice.toml"), "signatory"));
    }

    TEST_CASE("set_practice_field: a file with other problems is still edited, they are returned") {
        const TempBilan bilan;
        bilan.temp().write("practice.toml", "name = \"Cabinet\"\nnda = \"12\"\ncity = \"Paris\"\n");
        const ops::Notes notes = ops::set_practice_field(bilan.dir(), "city", "Nantes");
        REQUIRE(notes.size() == 1);
        CHECK(contains(sentence_line(notes[0]), "practice.toml:2"));
        CHECK(bilan.temp().read("practice.toml") ==
              "name = \"Cabinet\"\nnda = \"12\"\ncity = \"Nantes\"\n");
        CHECK(ops::set_practice_field(bilan.dir(), "nda", "11759999975").empty());
    }

    TEST_CASE("set_practice_field: a practice.toml that does not parse is refused as it stands") {
        const TempBilan bilan;
        bilan.temp().write("practice.toml", "name = [\n");
        CHECK_THROWS_AS(ops::set_practice_field(bilan.dir(), "city", "Nantes"), DataError);
        CHECK(bilan.temp().read("practice.toml") == "name = [\n");
    }

    TEST_CASE("practice_field_names: the fields in the order set and show give them") {
        CHECK(ops::practice_field_names() ==
              "name, siret, nda, bce, qualiopi, address, city, signatory, holidays, external, "
              "email, telephone");
    }
}
