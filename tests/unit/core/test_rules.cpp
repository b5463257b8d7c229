#include "bilan/rules.hpp"
#include "bilan/store.hpp"
#include "cli/problems.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace bilan;

namespace {

Session session(Date date, std::string phase, int minutes, std::string kind = "entretien") {
    Session s;
    s.id = "s" + std::to_string(minutes) + phase;
    s.date = date;
    s.phase = std::move(phase);
    s.minutes = minutes;
    s.kind = std::move(kind);
    return s;
}

// A day before every session of these tests: none is past, none needs evidence yet.
constexpr Date before_any{2026, 1, 1};

bool has_warning(const HourReport& report, std::string_view text) {
    for (const auto& w : report.warnings)
        if (cli::problem_text(w).find(text) != std::string::npos) return true;
    return false;
}

std::vector<std::string> texts(const std::vector<Problem>& problems) {
    std::vector<std::string> out;
    for (const Problem& p : problems)
        out.push_back(cli::problem_text(p));
    return out;
}

} // namespace

TEST_SUITE("rules") {
    TEST_CASE("hours per phase, accompaniment and personal work") {
        const Framework fr = store::load_builtin_framework("fr");
        Folder folder;
        folder.bilan.start = Date{2026, 3, 2};
        folder.sessions = {session({2026, 2, 23}, "prealable", 60),
                           session({2026, 3, 2}, "preliminaire", 180),
                           session({2026, 3, 9}, "investigation", 150, "test"),
                           session({2026, 3, 16}, "investigation", 90, "enquete"),
                           session({2026, 3, 17}, "investigation", 60, "travail-personnel")};
        const HourReport r = hour_report(fr, folder);
        CHECK(r.phases[0].done_minutes == 60);
        CHECK(r.phases[2].done_minutes == 300);
        CHECK(r.phases[2].remaining_minutes() == 720);
        CHECK(r.accompaniment_minutes == 330); // the préalable does not count
        CHECK(r.personal_minutes == 150);
        CHECK(r.counted_minutes == 480);
        CHECK(has_warning(r, "sous le plancher : 5h30 en entretiens, tests et ateliers pour 13h"));
        CHECK_FALSE(has_warning(r, "plafond"));
        CHECK_FALSE(has_warning(r, "hors des dates")); // the préalable is before the start: fine
    }

    TEST_CASE("the floor warning names what the framework's floor counts") {
        // be counts only entretiens: a 2h test is accompaniment but not toward its floor.
        const Framework be = store::load_builtin_framework("be");
        Folder folder;
        folder.sessions = {session({2026, 3, 9}, "investigation", 120, "test")};
        const HourReport r = hour_report(be, folder);
        CHECK(r.accompaniment_minutes == 120);
        CHECK(has_warning(r, "sous le plancher : 0h en entretiens pour 12h"));
    }

    TEST_CASE("over the cap, a phase over its target, sessions outside the dates") {
        const Framework fr = store::load_builtin_framework("fr");
        Folder folder;
        folder.bilan.start = Date{2026, 3, 2};
        folder.bilan.end = Date{2026, 5, 4};
        for (int day = 2; day <= 27; day += 1)
            folder.sessions.push_back(session({2026, 3, day}, "investigation", 60));
        folder.sessions.push_back(session({2026, 6, 1}, "conclusion", 60));
        const HourReport r = hour_report(fr, folder);
        CHECK(r.counted_minutes == 27 * 60);
        CHECK(has_warning(r, "plafond dépassé"));
        CHECK(has_warning(r, "phase investigation au-delà de sa cible"));
        CHECK(has_warning(r, "hors des dates du bilan"));
        const auto problems = rule_problems(fr, folder, before_any);
        CHECK(problems.size() == 2); // the cap, the session after the end
    }

    TEST_CASE("under the floor is a fault only once the bilan has ended") {
        const Framework fr = store::load_builtin_framework("fr");
        Folder folder;
        folder.bilan.start = Date{2026, 3, 2};
        folder.sessions = {session({2026, 3, 2}, "preliminaire", 180)};
        CHECK(rule_problems(fr, folder, before_any).empty());
        folder.bilan.end = Date{2026, 5, 4};
        REQUIRE(rule_problems(fr, folder, before_any).size() == 1);
        CHECK(cli::problem_text(rule_problems(fr, folder, before_any)[0]).find("plancher") !=
              std::string::npos);
    }

    TEST_CASE("the 13 h floor binds the bilans started from its entry into force") {
        const Framework fr = store::load_builtin_framework("fr");
        REQUIRE(floor_start(fr));
        CHECK(floor_start(fr)->from == Date{2026, 2, 26});
        CHECK(floor_start(fr)->to_verify);
        CHECK_FALSE(floor_start(store::load_builtin_framework("be")));
        // Issue 26: 2026-01-05 → 2026-02-10 with 10 h passes; an information line in status.
        Folder folder;
        folder.bilan.start = Date{2026, 1, 5};
        folder.bilan.end = Date{2026, 2, 10};
        folder.sessions = {session({2026, 1, 5}, "preliminaire", 600)};
        CHECK_FALSE(floor_in_force(fr, folder.bilan));
        CHECK(rule_problems(fr, folder, before_any).empty());
        const HourReport report = hour_report(fr, folder);
        CHECK(has_warning(report, "pas encore en vigueur au début du bilan (2026-01-05)"));
        CHECK_FALSE(has_warning(report, "sous le plancher"));
        // On the floor's first day, and without a start, it binds.
        folder.bilan.start = Date{2026, 2, 26};
        folder.bilan.end = Date{2026, 4, 10};
        folder.sessions = {session({2026, 2, 26}, "preliminaire", 600)};
        CHECK(floor_in_force(fr, folder.bilan));
        CHECK(rule_problems(fr, folder, before_any).size() == 1);
        folder.bilan.start.reset();
        CHECK(floor_in_force(fr, folder.bilan));
    }

    TEST_CASE("references to missing experiences and two retained pistes") {
        const Framework fr = store::load_builtin_framework("fr");
        Folder folder;
        Skill skill;
        skill.experience = "deadbeef";
        skill.experience_pos = {"skills/x.toml", 4, 14};
        folder.skills.push_back(skill);
        Piste a, b;
        a.decision = b.decision = "retained";
        folder.pistes = {a, b};
        const auto problems = rule_problems(fr, folder, before_any);
        REQUIRE(problems.size() == 3);
        CHECK(cli::problem_line(problems[0]).starts_with("skills/x.toml:4:14: "));
    }

    TEST_CASE("the skills that name an experience as their source") {
        std::vector<Skill> skills(4);
        skills[0].experience = "deadbeef";
        skills[1].experience = "deadbeef";
        skills[2].experience = "dead"; // a prefix is not a reference to it
        skills[3].source = "deadbeef"; // free text neither
        CHECK(skills_citing(skills, "deadbeef") == 2);
        CHECK(skills_citing(skills, "cafe0001") == 0);
        CHECK(skills_citing({}, "deadbeef") == 0);
    }

    TEST_CASE("the Belgian minimum of appointments") {
        const Framework be = store::load_builtin_framework("be");
        Folder folder;
        folder.sessions = {session({2026, 3, 2}, "preliminaire", 180, "test")};
        const HourReport r = hour_report(be, folder);
        CHECK(r.floor_counted_minutes == 0); // tests do not count toward the Belgian floor
        CHECK(has_warning(r, "rendez-vous d'accompagnement : 0 pour 6"));
    }

    TEST_CASE("ateliers count toward the French floor, a test taken alone does not") {
        const Framework fr = store::load_builtin_framework("fr");
        const Framework be = store::load_builtin_framework("be");
        Folder folder;
        folder.sessions = {
            session({2026, 3, 9}, "investigation", 120, "atelier"),
            session({2026, 3, 10}, "investigation", 60,
                    std::string(resolve_term(session_kinds(), "test autonome", "type de séance")))};
        CHECK(folder.sessions[1].kind == "travail-personnel");
        const HourReport r = hour_report(fr, folder);
        CHECK(r.accompaniment_minutes == 120);
        CHECK(r.floor_counted_minutes == 120);
        CHECK(r.personal_minutes == 60);
        CHECK(has_warning(r, "en entretiens, tests et ateliers pour 13h"));
        // be's floor counts interviews: a workshop is time of the bilan, not an interview.
        const HourReport b = hour_report(be, folder);
        CHECK(b.accompaniment_minutes == 120);
        CHECK(b.floor_counted_minutes == 0);
        CHECK(b.counted_minutes == 180);
    }

    TEST_CASE("proof of service: past sessions held with the counsellor need evidence") {
        std::vector<Session> sessions{session({2026, 3, 2}, "preliminaire", 180),
                                      session({2026, 3, 9}, "investigation", 60, "enquete"),
                                      session({2026, 3, 10}, "investigation", 60, "atelier"),
                                      session({2026, 3, 11}, "investigation", 60)};
        sessions[2].mode = "distance";
        EvidenceGaps gaps = evidence_gaps(sessions, Date{2026, 3, 10});
        REQUIRE(gaps.unproved.size() == 2);      // the enquête is no session with the counsellor,
        CHECK(gaps.unproved[0] == &sessions[0]); // the 11th is still to come
        CHECK(gaps.unproved[1] == &sessions[2]);
        CHECK(gaps.remote_on_paper.empty());

        sessions[2].evidence = {{"emargement", "feuille.pdf"}};
        gaps = evidence_gaps(sessions, Date{2026, 3, 10});
        CHECK(gaps.unproved.size() == 1);
        REQUIRE(gaps.remote_on_paper.size() == 1); // a paper sheet proves presence in a room
        sessions[2].evidence.push_back({"journal-visio", ""});
        CHECK(evidence_gaps(sessions, Date{2026, 3, 10}).remote_on_paper.empty());

        sessions[2].from = TimeOfDay{9, 0}; // the times are part of the proof too
        sessions[2].to = TimeOfDay{10, 0};
        const auto warnings = texts(evidence_problems(sessions, Date{2026, 3, 10}));
        REQUIRE(warnings.size() == 2);
        CHECK(warnings[0] == "séance du 2026-03-02 (" + sessions[0].id +
                                 ") sans preuve de présence : bilan session attest " +
                                 sessions[0].id + " --evidence emargement");
        CHECK(warnings[1] == "séance du 2026-03-02 (" + sessions[0].id +
                                 ") sans horaires : la feuille d'émargement les laisse en blanc ; "
                                 "bilan session horaires " +
                                 sessions[0].id + " --from HH:MM --to HH:MM");
    }

    TEST_CASE("a folder's planned and cancelled sessions are set apart; planned hours shown") {
        const Framework fr = store::load_builtin_framework("fr");
        Folder folder;
        folder.sessions = {session({2026, 3, 2}, "preliminaire", 180),
                           session({2026, 3, 9}, "investigation", 60),
                           session({2026, 3, 16}, "investigation", 90),
                           session({2026, 3, 23}, "investigation", 120)};
        folder.sessions[1].state = "annulee";
        folder.sessions[2].state = "prevue";
        folder.sessions[3].state = "prevue";
        set_apart_unheld(folder);
        REQUIRE(folder.sessions.size() == 1);
        REQUIRE(folder.unheld_sessions.size() == 3);
        CHECK(folder.unheld_sessions[0].minutes == 60); // date order kept
        const HourReport r = hour_report(fr, folder);
        CHECK(r.counted_minutes == 180);
        const auto investigation =
            std::find_if(r.phases.begin(), r.phases.end(),
                         [](const PhaseProgress& p) { return p.phase->key == "investigation"; });
        REQUIRE(investigation != r.phases.end());
        CHECK(investigation->done_minutes == 0);
        CHECK(investigation->planned_minutes == 210); // not the cancelled hour
        // Seen on the 20th, the session of the 16th is past and still planned.
        const auto past = planned_past_problems(folder.unheld_sessions, {2026, 3, 20});
        REQUIRE(past.size() == 1);
        CHECK(past[0].code == "session.planned-past");
        CHECK(past[0].record == folder.unheld_sessions[1].id);
        CHECK(planned_past_problems(folder.unheld_sessions, {2026, 3, 16}).empty()); // its day
    }

    TEST_CASE("proof of service: a past session with the counsellor needs its times") {
        std::vector<Session> sessions{session({2026, 3, 2}, "preliminaire", 180),
                                      session({2026, 3, 9}, "investigation", 60, "enquete"),
                                      session({2026, 3, 9}, "investigation", 90, "test"),
                                      session({2026, 3, 11}, "investigation", 60)};
        sessions[0].from = TimeOfDay{9, 0};
        sessions[0].to = TimeOfDay{12, 0};
        const EvidenceGaps gaps = evidence_gaps(sessions, Date{2026, 3, 10});
        REQUIRE(gaps.untimed.size() == 1); // not the enquête, not the one to come
        CHECK(gaps.untimed[0] == &sessions[2]);
        const auto problems = evidence_problems(sessions, Date{2026, 3, 10});
        REQUIRE(std::count_if(problems.begin(), problems.end(), [](const Problem& p) {
                    return p.code == "attendance.no-times";
                }) == 1);
        const Problem& untimed = problems.back();
        CHECK(untimed.code == "attendance.no-times");
        CHECK(untimed.severity == Severity::warning);
        CHECK(untimed.record == sessions[2].id);
        REQUIRE(untimed.remedy);
        CHECK(untimed.remedy->operation == "session.horaires");
    }

    TEST_CASE("proof of service: many unproved sessions make one line, a warning in check") {
        const Framework fr = store::load_builtin_framework("fr");
        Folder folder;
        for (int day = 2; day <= 13; ++day)
            folder.sessions.push_back(session({2026, 3, day}, "investigation", 30 + day));
        const auto warnings = texts(evidence_problems(folder.sessions, Date{2026, 3, 31}));
        REQUIRE(warnings.size() == 2); // no evidence, no times: one line each
        CHECK(warnings[1].starts_with("12 séances avec le conseiller sans horaires ("));
        CHECK(warnings[1].ends_with("pour chacune, bilan session horaires ID --from HH:MM --to "
                                    "HH:MM"));
        CHECK(
            warnings[0].starts_with("12 séances passées sans preuve de présence (s32investigation "
                                    "du 2026-03-02, s33investigation du 2026-03-03, "
                                    "s34investigation du 2026-03-04…) : pour chacune, bilan "
                                    "session attest ID --evidence emargement|"));
        const auto gaps = evidence_problems(folder.sessions, Date{2026, 3, 31});
        REQUIRE(gaps.size() == 2);
        CHECK(gaps[0].code == "attendance.no-evidence-many");
        // The folder is still valid: the gaps are not among its problems.
        const auto problems = rule_problems(fr, folder, Date{2026, 3, 31});
        CHECK(std::none_of(problems.begin(), problems.end(), [](const Problem& p) {
            return cli::problem_text(p).find("sans preuve") != std::string::npos;
        }));
    }
}

TEST_SUITE("core.rules retention") {
    TEST_CASE("the 3-year rule of R6313-7 is data with its source, counted from the end") {
        Framework fr;
        fr.name = "fr";
        Framework be;
        be.name = "be";
        REQUIRE(retention_rule(fr));
        CHECK(retention_rule(fr)->years == 3);
        CHECK(std::string(retention_rule(fr)->source).find("2023-1350") != std::string::npos);
        CHECK_FALSE(retention_rule(be));
        BilanRecord b;
        CHECK_FALSE(retention_limit(fr, b)); // no end yet
        b.end = Date{2026, 6, 30};
        CHECK(retention_limit(fr, b) == Date{2029, 6, 30});
        b.end = Date{2028, 2, 29};
        CHECK(retention_limit(fr, b) == Date{2031, 2, 28});
        b.end = Date{2026, 6, 30};
        b.retention_agreed = Date{2026, 6, 30};
        b.retention_scope = "documents";
        b.retention_until = Date{2029, 6, 30};
        CHECK(retention_problems(fr, b).empty());
        b.retention_until = Date{2029, 7, 1};
        REQUIRE(retention_problems(fr, b).size() == 1);
        CHECK(cli::problem_text(retention_problems(fr, b)[0]).find("R6313-7") != std::string::npos);
        CHECK(retention_problems(be, b).empty());
    }

    TEST_CASE("an abandonment ends the bilan for destruction, without an end or before it") {
        Framework fr;
        fr.name = "fr";
        BilanRecord b;
        CHECK_FALSE(destruction_end(b));
        b.abandoned = Date{2026, 5, 15};
        CHECK(destruction_end(b) == Date{2026, 5, 15});
        CHECK(retention_limit(fr, b) == Date{2029, 5, 15});
        b.end = Date{2026, 6, 30};
        CHECK(destruction_end(b) == Date{2026, 5, 15});
        b.abandoned = Date{2026, 7, 10}; // an abandonment recorded after the end changes nothing
        CHECK(destruction_end(b) == Date{2026, 6, 30});
    }

    TEST_CASE("an agreement keeps the documents until its end, and only then") {
        BilanRecord b;
        CHECK_FALSE(documents_kept_on(b, Date{2026, 7, 1}));
        b.retention_agreed = Date{2026, 6, 30};
        b.retention_scope = "documents";
        b.retention_until = Date{2027, 6, 30};
        CHECK(documents_kept_on(b, Date{2027, 6, 30}));
        CHECK_FALSE(documents_kept_on(b, Date{2027, 7, 1}));
        CHECK_FALSE(synthesis_kept_on(b, Date{2026, 7, 1})); // the documents' basis is not its
    }

    TEST_CASE("the synthesis is kept only on a basis of its own, until its end and the law's") {
        Framework fr;
        fr.name = "fr";
        BilanRecord b;
        b.end = Date{2026, 6, 30};
        CHECK_FALSE(synthesis_kept_on(b, Date{2026, 7, 1}));
        b.synthesis_agreed = Date{2026, 6, 30};
        b.synthesis_motif = "cep";
        b.synthesis_until = Date{2027, 6, 30};
        CHECK(synthesis_kept_on(b, Date{2027, 6, 30}));
        CHECK_FALSE(synthesis_kept_on(b, Date{2027, 7, 1}));
        CHECK(kept_until(b.synthesis_until, retention_limit(fr, b)) == Date{2027, 6, 30});
        CHECK(kept_until(std::nullopt, retention_limit(fr, b)) == Date{2029, 6, 30});
        b.synthesis_until = Date{2029, 7, 1};
        REQUIRE(retention_problems(fr, b).size() == 1);
        CHECK(retention_problems(fr, b)[0].value("scope") == "synthese");
    }

    TEST_CASE("the personal fields of bilan.toml are content, the rest administrative") {
        BilanRecord b;
        b.beneficiary = "Claire Martin";
        b.counsellor = "Hélène Rocher";
        b.end = Date{2026, 6, 30};
        b.demand = "d";
        b.situation = "s";
        CHECK(personal_field_count(b) == 2);
        const BilanRecord kept = without_personal_fields(b);
        CHECK(personal_field_count(kept) == 0);
        CHECK(kept.beneficiary == "Claire Martin");
        CHECK(kept.counsellor == "Hélène Rocher");
        CHECK(kept.end == b.end);
    }
}
