// The command line's table of sentences: every code a rule returns has its sentence, and a
// remedy is said as the command line that applies it.
#include "cli/problems.hpp"

#include <doctest/doctest.h>
#include <set>
#include <stdexcept>

using namespace bilan;

namespace {

// A problem with every value a sentence may ask for, so that each pattern fills in.
Problem with_every_value(std::string_view code) {
    Problem p{.code = std::string(code), .source = "R6313-7"};
    for (const char* name :
         {"detail",     "text",        "file",       "meant",   "naming",  "dir",       "first",
          "experience", "beneficiary", "skills",     "more",    "from",    "recipient", "phase",
          "session",    "session1",    "framework",  "funding", "type",    "key",       "keys",
          "value",      "domain",      "piste",      "taken",   "owner",   "written",   "points_to",
          "files",      "named",       "counsellor", "folder1", "folder2", "session2",  "from1",
          "to1",        "from2",       "to2",        "to",      "holiday", "day",       "code"})
        p.values.push_back({name, "x"});
    for (const char* name : {"cap",      "inside",   "pid",      "format",          "current",
                             "legal",    "counted",  "floor",    "missing",         "sessions",
                             "minimum",  "done",     "target",   "count",           "months",
                             "years",    "days",     "parts",    "price",           "cpf",
                             "ceiling",  "paid",     "others",   "before",          "after",
                             "realised", "duration", "not_done", "declared_minutes"})
        p.values.push_back({name, "90"});
    for (const char* name :
         {"date", "date1", "start", "end", "due", "until", "limit", "ended", "signed", "sent",
          "declared", "clock_start", "last", "abandoned", "validated", "convention_end", "next"})
        p.values.push_back({name, "2026-03-02"});
    p.values.push_back({"rule", "edof-entree"});
    p.values.push_back({"kinds", "entretien,test"});
    p.values.push_back({"parties", "employee,provider"});
    p.values.push_back({"document", "sheet"});
    p.values.push_back({"kind", "chaud"});
    p.remedy = Remedy{"purge", {}};
    return p;
}

} // namespace

TEST_SUITE("cli.problems") {
    TEST_CASE("every code of the table has a sentence, one code one line") {
        const auto codes = cli::problem_codes();
        CHECK(std::set<std::string_view>(codes.begin(), codes.end()).size() == codes.size());
        for (const std::string_view code : codes) {
            CAPTURE(code);
            const std::string text = cli::problem_text(with_every_value(code));
            CHECK_FALSE(text.empty());
            CHECK(text.find('{') == std::string::npos);
        }
    }

    TEST_CASE("a code the table lacks is a bug, not a blank line") {
        CHECK_THROWS_AS(cli::problem_text(Problem{.code = "no.such-code"}), std::logic_error);
    }

    TEST_CASE("a remedy is said as the command that applies it") {
        CHECK(cli::remedy_text(
                  {"session.attest", {{"session", "3f9a0b12"}, {"evidence", "emargement"}}}) ==
              "bilan session attest 3f9a0b12 --evidence emargement");
        // What the user has to type is shown by its placeholder.
        CHECK(cli::remedy_text({"session.attest", {{"session", {}}, {"evidence", {}}}}) ==
              "bilan session attest ID --evidence "
              "emargement|signature-electronique|journal-visio|autre");
        CHECK(cli::remedy_text({"bilan.set", {{"demand", {}}}}) == "bilan set demand TEXTE");
        CHECK(cli::remedy_text({"practice.set", {{"qualiopi", {}}}}) ==
              "bilan practice set qualiopi TEXTE");
        CHECK(cli::remedy_text({"piste.decide", {{"piste", {}}, {"decision", "retained"}}}) ==
              "bilan piste decide ID retained");
        CHECK(cli::remedy_text({"convention.set", {{"employer", {}}, {"sent", {}}}}) ==
              "bilan convention set --employer … --sent …");
        CHECK(cli::remedy_text(
                  {"evaluation.add", {{"kind", "chaud"}, {"date", {}}, {"satisfaction", {}}}}) ==
              "bilan evaluation add chaud --date DATE --satisfaction 1-5");
        CHECK(cli::remedy_text({"purge", {}}) == "bilan purge");
        CHECK(cli::remedy_text({"bilan.set", {{"funding", ""}}}) == "bilan set funding \"\"");
        CHECK(cli::remedy_text({"emargement", {{"blank", {}}}}) == "bilan emargement --blank");
        CHECK(
            cli::remedy_text({"consent.grant", {{"recipient", "France Travail"}, {"date", {}}}}) ==
            "bilan consent grant \"France Travail\" --date DATE");
        CHECK(cli::remedy_text(
                  {"practice.init", {{"folder", {}}, {"name", {}}, {"siret", {}}, {"nda", {}}}}) ==
              "bilan practice init DOSSIER --name NOM --siret SIRET --nda NDA");
        for (const std::string_view operation : cli::remedy_operations())
            CHECK(cli::remedy_text({std::string(operation), {}}).starts_with("bilan "));
        CHECK_THROWS_AS(cli::remedy_text({"no.such-operation", {}}), std::logic_error);
    }

    TEST_CASE("a sentence with its remedy, its values formatted, at its place") {
        const Problem unproved{
            .code = "attendance.no-evidence",
            .severity = Severity::warning,
            .where = SourcePos{"sessions/3f9a0b12.toml", 0, 0},
            .record = "3f9a0b12",
            .values = {{"session", "3f9a0b12"}, {"date", "2026-03-02"}},
            .remedy =
                Remedy{"session.attest", {{"session", "3f9a0b12"}, {"evidence", "emargement"}}}};
        CHECK(cli::problem_text(unproved) ==
              "séance du 2026-03-02 (3f9a0b12) sans preuve de présence : bilan session attest "
              "3f9a0b12 --evidence emargement");
        CHECK(cli::problem_line(unproved).starts_with("sessions/3f9a0b12.toml: séance du"));
        const Problem over{.code = "hours.over-cap",
                           .values = {{"counted", "1500"}, {"cap", "1440"}}};
        CHECK(cli::problem_text(over) ==
              "plafond dépassé : 25h comptées dans le bilan pour 24h au plus");
        const Problem outside{.code = "dates.session-outside",
                              .values = {{"session", "s1"},
                                         {"date", "2026-03-02"},
                                         {"phase", "investigation"},
                                         {"start", ""},
                                         {"end", ""}}};
        CHECK(cli::problem_text(outside) == "séance s1 du 2026-03-02 (investigation) hors des "
                                            "dates du bilan (du ? au …)");
        const Problem cited{
            .code = "experience.cited-by-many",
            .values = {{"experience", "e1"}, {"count", "4"}, {"skills", "a,b,c"}, {"more", "1"}},
            .remedy = Remedy{"skill.rm", {{"skill", {}}}}};
        CHECK(cli::problem_text(cited) ==
              "l'expérience e1 est la source de 4 compétences (a, b, c, …) : retirez leur lien "
              "(clé experience de skills/ID.toml) ou supprimez-les d'abord (bilan skill rm ID)");
        CHECK(cli::problem_text(file_problem(std::nullopt, "a\nb")) == "a\nb");
        CHECK(cli::problem_line(file_problem(SourcePos{"bilan.toml", 3, 7}, "a\nb")) ==
              "bilan.toml:3:7: a\\nb");
    }
}
