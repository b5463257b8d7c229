// What a shell's completion offers from a folder (src/ops/completion.cpp): the folder's own
// phases, ids and consented recipients, read leniently and never an error — a folder that
// cannot be read offers nothing, or the built-in phases outside a bilan.
#include "bilan/ops/completion.hpp"
#include "bilan/ops/consents.hpp"
#include "bilan/ops/substance.hpp"
#include "support/temp_bilan.hpp"

#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::TempBilan;

namespace {

const std::vector<std::string> french_phases{"prealable", "preliminaire", "investigation",
                                             "conclusion", "suivi"};

} // namespace

TEST_SUITE("ops.completion") {
    TEST_CASE("phase_keys: the folder's framework, the built-in fr one outside a bilan") {
        const TempBilan bilan;
        CHECK(ops::phase_keys(bilan.store()) == french_phases);
        const bilan::test::TempFolder temp;
        CHECK(ops::phase_keys(store::Store(temp.root())) == french_phases);
        ops::NewBilan own = bilan::test::claire_martin();
        own.framework =
            (std::filesystem::path(BILAN_SOURCE_DIR) / "examples" / "framework-cabinet.toml")
                .string();
        const TempBilan cabinet(own);
        const std::vector<std::string> phases = ops::phase_keys(cabinet.store());
        CHECK_FALSE(phases.empty());
        CHECK(phases != french_phases);
    }

    TEST_CASE("phase_keys: a bad line elsewhere in bilan.toml hides no phase, a bilan.toml that "
              "does not parse is no error") {
        const TempBilan bilan;
        bilan.write("bilan.toml", bilan.read("bilan.toml") + "situation = 42\n");
        CHECK(ops::phase_keys(bilan.store()) == french_phases);
        bilan.write("bilan.toml", "beneficiary = [\n");
        CHECK_NOTHROW(ops::phase_keys(bilan.store()));
    }

    TEST_CASE("record_ids: the ids of one kind, in name order, without reading them") {
        const TempBilan bilan;
        CHECK(ops::record_ids(bilan.store(), store::collection_of<Piste>()).empty());
        Piste piste;
        piste.title = "Formatrice";
        const std::string id = ops::add_piste(bilan.store(), piste, bilan::test::ignore_id);
        bilan.write("pistes/00000000.toml", "not toml [");
        CHECK(ops::record_ids(bilan.store(), store::collection_of<Piste>()) ==
              std::vector<std::string>{"00000000", id});
        CHECK(ops::record_ids(bilan.store(), store::collection_of<Skill>()).empty());
    }

    TEST_CASE("consented_recipients: the unrevoked consents, nothing from a folder that cannot "
              "be read") {
        const TempBilan bilan;
        ops::grant_consent(bilan.store(), "France Travail", {2026, 3, 2}, std::nullopt);
        ops::grant_consent(bilan.store(), "Apec", {2026, 3, 2}, std::nullopt);
        ops::revoke_consent(bilan.store(), "Apec", std::nullopt);
        CHECK(ops::consented_recipients(bilan.store()) ==
              std::vector<std::string>{"France Travail"});
        bilan.write("consents/zz.toml", "recipient = [\n");
        CHECK(ops::consented_recipients(bilan.store()).empty());
        const bilan::test::TempFolder temp;
        CHECK(ops::consented_recipients(store::Store(temp.root())).empty());
    }
}
