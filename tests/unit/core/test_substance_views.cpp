// The lists of the substance (src/core/substance_views.cpp): skills, traits, pistes.
#include "bilan/substance_views.hpp"
#include "support/text_lines.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("substance_views") {
    TEST_CASE("piste list: ratings aligned whether given or not, enquêtes counted in French") {
        std::vector<Piste> pistes(3);
        pistes[0].id = "p1", pistes[0].title = "Sans note";
        pistes[1].id = "p2", pistes[1].title = "Notée", pistes[1].desire = 4;
        pistes[1].feasibility = 2, pistes[1].decision = "retained";
        pistes[1].surveys = {Survey{Date{2026, 4, 9}, "Une formatrice", ""}};
        pistes[2].id = "p3", pistes[2].title = "Deux enquêtes";
        pistes[2].surveys = {Survey{Date{2026, 4, 9}, "A", ""}, Survey{Date{2026, 4, 10}, "B", ""}};
        const std::string table = pistes_table(pistes);
        const auto lines = lines_of(table);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0].find("0 enquête ") != std::string::npos);
        CHECK(lines[1].find("1 enquête ") != std::string::npos);
        CHECK(lines[2].find("2 enquêtes") != std::string::npos);
        CHECK(table.find("(s)") == std::string::npos);
        for (std::string_view part : {"envie", "faisabilité", "enquête"})
            CHECK(column_of(lines[0], part) == column_of(lines[1], part));
        CHECK(column_of(lines[1], "Notée") == column_of(lines[2], "Deux enquêtes"));
        CHECK(no_line_ends_with_a_space(table));
    }

    TEST_CASE("trait list: the French label of each kind, never its ASCII key") {
        std::vector<Trait> traits;
        for (const Term& kind : trait_kinds()) {
            Trait t;
            t.id = "t" + std::to_string(traits.size()), t.kind = std::string(kind.key),
            t.text = "Texte";
            traits.push_back(t);
        }
        const std::string table = traits_table(traits);
        for (std::string_view label :
             {"valeur", "motivation", "intérêt", "critère", "concession", "personnalité"})
            CHECK_MESSAGE(table.find(std::string(label) + " ") != std::string::npos, label);
        for (std::string_view key : {"interet", "critere", "personnalite"})
            CHECK(table.find(key) == std::string::npos);
        CHECK(no_line_ends_with_a_space(table));
    }

    TEST_CASE("skill list: singular type labels, in the document's order of types") {
        std::vector<Skill> skills(3);
        skills[0].id = "k1", skills[0].type = "savoir", skills[0].text = "Un savoir";
        skills[1].id = "k2", skills[1].type = "savoir-etre", skills[1].text = "Un savoir-être";
        skills[2].id = "k3", skills[2].type = "savoir-faire", skills[2].text = "Un savoir-faire";
        const std::string table = skills_table(skills);
        const auto lines = lines_of(table);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0].starts_with("k1  savoir  "));
        CHECK(lines[1].starts_with("k3  savoir-faire  "));
        CHECK(lines[2].starts_with("k2  savoir-être  "));
        CHECK(table.find("savoirs") == std::string::npos);
        const std::string json = skills_json(skills);
        CHECK(json.find("\"k1\"") < json.find("\"k3\""));
        CHECK(json.find("\"k3\"") < json.find("\"k2\""));
    }

    TEST_CASE("skill JSON: source is the text of --source, experience the id linked") {
        std::vector<Skill> skills(3);
        skills[0].id = "k1", skills[0].type = "savoir", skills[0].experience = "559d408b";
        skills[1].id = "k2", skills[1].type = "savoir", skills[1].source = "Questionnaire";
        skills[2].id = "k3", skills[2].type = "savoir";
        const std::string json = skills_json(skills);
        CHECK(json.find("\"source\": null,\n      \"experience\": \"559d408b\"") !=
              std::string::npos);
        CHECK(json.find("\"source\": \"Questionnaire\",\n      \"experience\": null") !=
              std::string::npos);
        CHECK(json.find("\"source\": null,\n      \"experience\": null") != std::string::npos);
    }
}
