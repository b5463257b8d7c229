#include "bilan/store.hpp"
#include "bilan/substance_views.hpp"
#include "bilan/views.hpp"
#include "cli/problems.hpp"
#include "support/french_framework.hpp"
#include "support/text_lines.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

Session session(std::string id, std::string phase, std::string note) {
    Session s;
    s.id = std::move(id), s.date = Date{2026, 3, 16}, s.phase = std::move(phase);
    s.minutes = 150, s.note = std::move(note);
    return s;
}

// The day status is run: after the sessions of these tests (2026-03-16).
constexpr Date today{2026, 3, 20};

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
        const std::string status = status_text(fr(), f, today, Style{false}, cli::problem_text);
        CHECK(status.starts_with("Claire\\u202eMartin — "));
    }

    TEST_CASE("status: no line ends with a space, the follow-up reads as one phrase") {
        Folder f;
        f.bilan.beneficiary = "Claire Martin";
        f.bilan.start = Date{2026, 3, 2}, f.bilan.end = Date{2026, 5, 4};
        f.sessions = {session("s1", "investigation", "")};
        Framework framework = fr();
        framework.phases.front().target_minutes = 0; // a phase without target has no bar
        for (const bool colour : {false, true}) {
            const std::string text =
                status_text(framework, f, today, Style{colour}, cli::problem_text);
            CHECK(no_line_ends_with_a_space(text));
            CHECK(text.find("\nEntretien de suivi prévu vers le 4 novembre 2026\n") !=
                  std::string::npos);
        }
        // Nothing after the figure when there is no note: the line ends there.
        CHECK(status_text(framework, f, today, Style{false}, cli::problem_text)
                  .find("Travail personnel (enquêtes, travail)      0h\n") != std::string::npos);
    }

    TEST_CASE("sessions: the evidence of attendance in the list and the JSON") {
        std::vector<Session> sessions{session("a1", "investigation", "note"),
                                      session("b2", "investigation", "")};
        sessions[0].evidence = {{"emargement", "scan \"1\".pdf"}, {"journal-visio", ""}};
        const std::string table = sessions_table(sessions, fr());
        CHECK(table.find(
                  "preuve : feuille d'émargement (scan \"1\".pdf), journal de connexion  note") !=
              std::string::npos);
        const std::string json = sessions_json(sessions);
        CHECK(json.find("\"evidence\": [\n        {\n          \"kind\": \"emargement\",\n"
                        "          \"ref\": \"scan \\\"1\\\".pdf\"\n        },\n        {\n"
                        "          \"kind\": \"journal-visio\",\n          \"ref\": null\n") !=
              std::string::npos);
        CHECK(json.find("\"evidence\": []") != std::string::npos); // always there, empty when none
    }

    TEST_CASE("status: unproved sessions warned about, cpf_minutes in the JSON") {
        Folder f;
        f.bilan.beneficiary = "Claire Martin";
        f.sessions = {session("s1", "investigation", "")};
        CHECK(status_text(fr(), f, today, Style{false}, cli::problem_text)
                  .find("sans preuve de présence") != std::string::npos);
        CHECK(status_text(fr(), f, Date{2026, 3, 15}, Style{false}, cli::problem_text)
                  .find("preuve") == std::string::npos); // a session to come needs none yet
        f.sessions[0].kind = "atelier";
        const std::string json = status_json(fr(), f, today, cli::problem_text);
        CHECK(json.find("\"cpf_minutes\": 150,") != std::string::npos);
        CHECK(json.find("sans preuve de présence") != std::string::npos);
    }
}
