// The operations every kind of record has (src/ops/common.cpp, ops/common.hpp), on a real
// folder: the whole folder read strictly (the first bad file stops it, at FILE:LINE:COLUMN),
// `add` hands the new id over under the lock and removes the record when that fails, `list`
// gives a kind's records in its order and refuses a folder that holds no bilan.
#include "bilan/errors.hpp"
#include "bilan/ops/common.hpp"
#include "support/temp_bilan.hpp"

#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::TempBilan;

namespace {

Trait trait(const std::string& text) {
    Trait t;
    t.text = text;
    t.kind = "valeur";
    return t;
}

} // namespace

TEST_SUITE("ops.common") {
    TEST_CASE("load_folder: the bilan, its framework and every record, read at once") {
        const TempBilan bilan = TempBilan::example();
        const ops::Loaded loaded = bilan.load();
        CHECK(loaded.framework.name == "fr");
        CHECK(loaded.folder.bilan.beneficiary == "Claire Martin");
        CHECK_FALSE(loaded.folder.sessions.empty());
        CHECK_FALSE(loaded.folder.skills.empty());
        CHECK(loaded.folder.edof.dossier.size() > 0);
    }

    TEST_CASE("load_folder: strict, the first bad file stops it with its place") {
        const TempBilan bilan;
        bilan.write("traits/0000beef.toml", "text = \"x\"\nkind = \"humeur\"\n");
        try {
            bilan.load();
            FAIL("a bad trait was loaded");
        } catch (const DataError& e) {
            CHECK(e.where.file.find("traits/0000beef.toml") != std::string::npos);
            CHECK(e.where.line == 2);
        }
    }

    TEST_CASE("add: the id is handed over before the transaction ends, then listed") {
        const TempBilan bilan;
        std::string told;
        const std::string id =
            ops::add(bilan.store(), trait("Autonomie"), [&](const std::string& new_id) {
                told = new_id;
                CHECK(bilan.exists("traits/" + new_id + ".toml")); // written, lock still held
            });
        CHECK(told == id);
        const std::vector<Trait> traits = ops::list<Trait>(bilan.store());
        REQUIRE(traits.size() == 1);
        CHECK(traits[0].id == id);
        CHECK(traits[0].text == "Autonomie");
    }

    TEST_CASE("add: an id nobody saw leaves nothing written") {
        const TempBilan bilan;
        const auto before = bilan.snapshot();
        CHECK_THROWS_AS(
            ops::add(bilan.store(), trait("Autonomie"),
                     [](const std::string&) { throw EnvironmentError("stdout plein"); }),
            EnvironmentError);
        CHECK(bilan.snapshot() == before);
    }

    TEST_CASE("list and add refuse a folder that holds no bilan") {
        const bilan::test::TempFolder temp;
        const bilan::test::QuietEnvironment quiet;
        const store::Store store(temp.root());
        CHECK_THROWS_AS(ops::list<Trait>(store), RefusedError);
        CHECK_THROWS_AS(ops::add(store, trait("X"), bilan::test::ignore_id), RefusedError);
        CHECK(std::filesystem::is_empty(temp.root()));
    }

    TEST_CASE("read_strictly: a bad record of the kind read stops the list") {
        const TempBilan bilan;
        ops::add(bilan.store(), trait("Autonomie"), bilan::test::ignore_id);
        bilan.write("traits/00000000.toml", "text = [\n");
        CHECK_THROWS_AS(ops::list<Trait>(bilan.store()), DataError);
    }
}
