// A framework's phases and limits (src/core/framework.cpp), on the two built-in ones.
#include "bilan/errors.hpp"
#include "bilan/framework.hpp"
#include "bilan/store.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("framework") {
    TEST_CASE("the French framework as data") {
        const Framework fr = store::load_builtin_framework("fr");
        REQUIRE(fr.phases.size() == 5);
        CHECK(fr.phases[0].key == "prealable");
        CHECK(fr.phases[2].target_minutes == 17 * 60);
        CHECK_FALSE(fr.counts("prealable"));
        CHECK(fr.counts("investigation"));
        CHECK_FALSE(fr.counts("suivi"));
        CHECK(fr.cap_minutes == 24 * 60);
        CHECK(fr.floor_minutes == 13 * 60);
        CHECK(fr.followup_months == 6);
        CHECK(fr.resolve_phase("Préliminaire") == "preliminaire");
        CHECK(fr.resolve_phase("follow-up") == "suivi");
        CHECK_THROWS_AS(fr.resolve_phase("phase-9"), UsageError);
    }

    TEST_CASE("the Belgian framework as data") {
        const Framework be = store::load_builtin_framework("be");
        CHECK(be.cap_minutes == 20 * 60);
        CHECK(be.floor_minutes == 12 * 60);
        CHECK(be.floor_kinds == std::vector<std::string>{"entretien"});
        CHECK(be.min_sessions == 6);
        CHECK(be.followup_within_months == 12);
    }
}
