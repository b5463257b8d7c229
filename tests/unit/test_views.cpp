#include "bilan/store.hpp"
#include "bilan/substance_views.hpp"
#include "bilan/views.hpp"
#include "french_framework.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

// The display column where `part` starts on `line` (npos when absent).
std::size_t column_of(const std::string& line, std::string_view part) {
    const std::size_t at = line.find(part);
    return at == std::string::npos ? at : display_width(std::string_view(line).substr(0, at));
}

bool no_line_ends_with_a_space(const std::string& text) {
    for (const std::string& line : lines_of(text))
        if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) return false;
    return true;
}

Session session(std::string id, std::string phase, std::string note) {
    Session s;
    s.id = std::move(id), s.date = Date{2026, 3, 16}, s.phase = std::move(phase);
    s.minutes = 150, s.note = std::move(note);
    return s;
}

} // namespace

TEST_SUITE("views") {
    TEST_CASE("counted: zero and one take the singular in French") {
        CHECK(counted(0, "enquête", "enquêtes") == "0 enquête");
        CHECK(counted(1, "enquête", "enquêtes") == "1 enquête");
        CHECK(counted(2, "enquête", "enquêtes") == "2 enquêtes");
    }

    TEST_CASE("aligned rows: columns as wide as their widest cell, no blank column or end") {
        CHECK(aligned_rows({{"a", "", "1", "été"}, {"bbb", "", "22", "x"}}, "llr") ==
              "a     1  été\nbbb  22  x\n");
        CHECK(aligned_rows({{"a", "", ""}, {"b", "c", ""}}) == "a\nb  c\n");
        CHECK(aligned_rows({}) == "");
    }

    TEST_CASE("session list: phase labels, and the note starts in one column on every row") {
        std::vector<Session> sessions{session("s1", "investigation", "Note un"),
                                      session("s2", "investigation", "Note deux"),
                                      session("s3", "conclusion", "Note trois")};
        sessions[1].from = TimeOfDay{9, 30}, sessions[1].to = TimeOfDay{12, 0};
        sessions[2].mode = "distance", sessions[2].kind = "travail-personnel";
        const std::string table = sessions_table(sessions, fr());
        const auto lines = lines_of(table);
        REQUIRE(lines.size() == 3);
        CHECK(column_of(lines[0], "Note") == column_of(lines[1], "Note"));
        CHECK(column_of(lines[0], "Note") == column_of(lines[2], "Note"));
        CHECK(column_of(lines[0], "2h30") == column_of(lines[2], "2h30"));
        CHECK(lines[0].find("Phase d'investigation") != std::string::npos);
        CHECK(lines[2].find("Phase de conclusion") != std::string::npos);
        CHECK(lines[1].find("09:30–12:00") != std::string::npos);
        CHECK(lines[2].find("à distance") != std::string::npos);
        CHECK(table.find("  investigation") == std::string::npos); // never the bare key
        CHECK(no_line_ends_with_a_space(table));
        // Without a note, a row stops at its last cell.
        sessions[0].note = "";
        CHECK(no_line_ends_with_a_space(sessions_table(sessions, fr())));
    }

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

    TEST_CASE("a hand edit's C1 controls and bidi overrides are escaped in lists and JSON") {
        std::vector<Trait> traits(1);
        traits[0].id = "t1", traits[0].kind = "valeur\u202e",
        traits[0].text = "Rigueur\u009b31m\u2066 x";
        const std::string table = traits_table(traits);
        CHECK(table == "t1  valeur\\u202e  Rigueur\\u009b31m\\u2066 x\n");
        const std::string json = traits_json(traits);
        CHECK(json.find("\"Rigueur\\u009b31m\\u2066 x\"") != std::string::npos);
        CHECK(json.find("\xc2\x9b") == std::string::npos);
        Folder f;
        f.bilan.beneficiary = "Claire\u202eMartin";
        const std::string status = status_text(fr(), f, Style{false});
        CHECK(status.starts_with("Claire\\u202eMartin — "));
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

    TEST_CASE("status: no line ends with a space, the follow-up reads as one phrase") {
        Folder f;
        f.bilan.beneficiary = "Claire Martin";
        f.bilan.start = Date{2026, 3, 2}, f.bilan.end = Date{2026, 5, 4};
        f.sessions = {session("s1", "investigation", "")};
        Framework framework = fr();
        framework.phases.front().target_minutes = 0; // a phase without target has no bar
        for (const bool colour : {false, true}) {
            const std::string text = status_text(framework, f, Style{colour});
            CHECK(no_line_ends_with_a_space(text));
            CHECK(text.find("\nEntretien de suivi prévu vers le 4 novembre 2026\n") !=
                  std::string::npos);
        }
        // Nothing after the figure when there is no note: the line ends there.
        CHECK(status_text(framework, f, Style{false})
                  .find("Travail personnel (enquêtes, travail)      0h\n") != std::string::npos);
    }
}
