// The table of rules with a figure (src/core/rule_table.cpp), built from the built-in
// frameworks as the store loads them: the figures check applies, each with a source.
#include "bilan/funding.hpp"
#include "bilan/rule_table.hpp"
#include "bilan/store.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace bilan;

namespace {

const RuleRow* find(const std::vector<RuleRow>& rows, std::string_view key) {
    const auto it =
        std::find_if(rows.begin(), rows.end(), [&](const RuleRow& r) { return r.key == key; });
    return it == rows.end() ? nullptr : &*it;
}

} // namespace

TEST_SUITE("rule_table") {
    TEST_CASE("every rule has a key, a value, a source; keys are unique") {
        for (const std::string_view name : rule_jurisdictions()) {
            CAPTURE(name);
            const auto rows = rule_table(store::load_builtin_framework(name));
            CHECK(rows.size() >= 5);
            for (const RuleRow& row : rows) {
                CAPTURE(row.key);
                CHECK_FALSE(row.key.empty());
                CHECK_FALSE(row.value.empty());
                CHECK_FALSE(row.source.empty());
                CHECK(std::count_if(rows.begin(), rows.end(),
                                    [&](const RuleRow& r) { return r.key == row.key; }) == 1);
            }
        }
    }

    TEST_CASE("the French figures are the ones check applies") {
        const auto rows = rule_table(store::load_builtin_framework("fr"));
        REQUIRE(find(rows, "plafond"));
        CHECK(find(rows, "plafond")->value == "au plus 24h");
        CHECK(find(rows, "plafond")->confidence() == "sûr");
        REQUIRE(find(rows, "plancher-debut"));
        CHECK(find(rows, "plancher-debut")->value.ends_with("2026-02-26"));
        CHECK(find(rows, "plancher-debut")->confidence() == "à vérifier");
        REQUIRE(find(rows, "cpf-participation"));
        CHECK(find(rows, "cpf-participation")->source ==
              french_funding_rules().cpf_participation_cents.source);
        REQUIRE(find(rows, "suivi"));
        CHECK(find(rows, "suivi")->source.find("R63") == std::string::npos);
        CHECK(find(rows, "edof-entree"));
        CHECK(find(rows, "conservation"));
    }

    TEST_CASE("the Belgian table cites the scheme, never a French text") {
        const auto rows = rule_table(store::load_builtin_framework("be"));
        REQUIRE(find(rows, "plancher"));
        CHECK(find(rows, "plancher")->value == "au moins 12h");
        for (const RuleRow& row : rows) {
            CAPTURE(row.key);
            CHECK(row.source.find("L63") == std::string::npos);
            CHECK(row.source.find("R63") == std::string::npos);
            CHECK(row.source.find("APEF") != std::string::npos);
        }
        CHECK(rule_table_json("be", rows)
                  .starts_with("{\n  \"schema\": 1,\n  \"jurisdiction\": \"be\""));
        CHECK(rule_table_markdown("be", rows).find("| `plafond` ") != std::string::npos);
    }

    TEST_CASE("a provider's framework has no table") {
        Framework own;
        own.name = "cabinet";
        CHECK(rule_table(own).empty());
    }
}
