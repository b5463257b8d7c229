// The end of a bilan (src/ops/retention.cpp), on a real folder: an agreement to keep the
// documents ends after it starts and within R6313-7's three years; a purge is refused before
// the end and after today, writes nothing with dry_run, destroys the content and keeps the
// synthesis and the administrative data, counts what it destroyed, and honours an agreement.
#include "bilan/errors.hpp"
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/retention.hpp"
#include "bilan/ops/substance.hpp"
#include "support/temp_bilan.hpp"

#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::contains;
using bilan::test::refusal;
using bilan::test::sentence;
using bilan::test::TempBilan;

namespace {

Date parse(std::string_view text) {
    return parse_date(text, Date{2026, 3, 2});
}

// A bilan ended on 30 June 2026, with content of every category a purge counts.
ops::NewBilan seeded_request() {
    ops::NewBilan request = bilan::test::claire_martin();
    request.bilan.demand = "DEMANDE-SECRETE";
    return request;
}

void seed(const TempBilan& bilan) {
    ops::set_bilan_field(bilan.store(), "end", "2026-06-30", parse);
    Session s;
    s.date = Date{2026, 3, 4};
    s.phase = "preliminaire";
    s.minutes = 120;
    s.note = "NOTE-SECRETE";
    ops::add_session(bilan.store(), s, bilan::test::ignore_id);
    Skill skill;
    skill.text = "COMPETENCE-SECRETE";
    skill.type = "savoir";
    ops::add_skill(bilan.store(), skill, std::nullopt, bilan::test::ignore_id);
    ops::ProjectEdit project;
    project.title = "PROJET-SECRET";
    ops::set_project(bilan.store(), project);
}

ops::PurgeOptions on(const Date& date, bool dry_run = false) {
    return {date, Date{2026, 7, 15}, dry_run};
}

int destroyed(const Destruction& d, const std::string& category) {
    for (const auto& [key, n] : d.destroyed)
        if (key == category) return n;
    return -1;
}

bool holds(const std::vector<std::pair<std::string, std::string>>& files, std::string_view part) {
    for (const auto& [name, text] : files)
        if (name != "bilan/synthese.md" && text.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_SUITE("ops.retention") {
    TEST_CASE("grant_retention: until the law's limit by default, three years after the end") {
        const TempBilan bilan;
        ops::set_bilan_field(bilan.store(), "end", "2026-06-30", parse);
        CHECK(
            ops::grant_retention(bilan.store(), {2026, 6, 30}, "documents", std::nullopt).empty());
        const ops::RetentionState state = ops::retention_state(bilan.store());
        CHECK(state.bilan.retention_agreed == Date{2026, 6, 30});
        CHECK(state.bilan.retention_scope == "documents");
        CHECK(state.bilan.retention_until == Date{2029, 6, 30});
        CHECK(state.limit == Date{2029, 6, 30});
        CHECK_FALSE(state.destruction);
    }

    TEST_CASE("grant_retention: refused past the limit, before the agreement, for another scope") {
        const TempBilan bilan;
        ops::set_bilan_field(bilan.store(), "end", "2026-06-30", parse);
        const auto before = bilan.snapshot();
        CHECK(contains(
            refusal([&] {
                ops::grant_retention(bilan.store(), {2026, 6, 30}, "documents", Date{2029, 7, 1});
            }),
            "accord de conservation jusqu'au 2029-07-01 : au-delà du 2029-06-30, "
            "3 ans après la fin"));
        CHECK(
            refusal([&] {
                ops::grant_retention(bilan.store(), {2026, 6, 30}, "documents", Date{2026, 6, 29});
            }) == "--until 2026-06-29 précède l'accord (2026-06-30) : rien n'a été enregistré");
        CHECK_THROWS_AS(ops::grant_retention(bilan.store(), {2026, 6, 30}, "tout", std::nullopt),
                        UsageError);
        CHECK(bilan.snapshot() == before);
    }

    TEST_CASE("grant_retention before the end is set: recorded, with a note, no limit yet") {
        const TempBilan bilan;
        const ops::Notes notes =
            ops::grant_retention(bilan.store(), {2026, 6, 30}, "documents", Date{2031, 1, 1});
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]).starts_with("la fin du bilan n'est pas renseignée"));
        CHECK_FALSE(ops::retention_state(bilan.store()).limit);
        CHECK(bilan.read("bilan.toml").find("format = 3") != std::string::npos);
    }

    TEST_CASE("purge: refused before the end, before the end's date, after today") {
        const TempBilan bilan(seeded_request());
        CHECK(contains(refusal([&] {
                           ops::purge(bilan.store(), on({2026, 7, 15}));
                       }),
                       "le bilan n'est pas terminé (bilan set end DATE)"));
        seed(bilan);
        const auto before = bilan.snapshot();
        CHECK(refusal([&] {
                  ops::purge(bilan.store(), on({2026, 6, 29}));
              }) == "destruction datée du 2026-06-29, avant la fin du bilan (2026-06-30) "
                    ": rien n'est détruit");
        CHECK(contains(refusal([&] {
                           ops::purge(bilan.store(), on({2026, 7, 16}));
                       }),
                       "après aujourd'hui (2026-07-15)"));
        CHECK(bilan.snapshot() == before);
    }

    TEST_CASE("purge with dry_run: the plan, nothing written") {
        const TempBilan bilan(seeded_request());
        seed(bilan);
        const auto before = bilan.snapshot();
        const ops::PurgeReport report = ops::purge(bilan.store(), on({2026, 7, 15}, true));
        CHECK(bilan.snapshot() == before);
        CHECK(destroyed(report.record, "skills") == 1);
        CHECK(destroyed(report.record, "project") == 1);
        CHECK(destroyed(report.record, "session_notes") == 1);
        CHECK(destroyed(report.record, "bilan_fields") == 1);
        CHECK_FALSE(report.nothing_to_do);
    }

    TEST_CASE("purge: the content goes, the synthesis and the sessions stay, a rerun does "
              "nothing") {
        const TempBilan bilan(seeded_request());
        seed(bilan);
        REQUIRE(holds(bilan.snapshot(), "SECRET"));
        const ops::PurgeReport report = ops::purge(bilan.store(), on({2026, 7, 15}));
        CHECK(report.record.done);
        CHECK_FALSE(report.resumed);
        CHECK(report.record.synthesis_kept_until == Date{2029, 6, 30});
        CHECK_FALSE(holds(bilan.snapshot(), "SECRET"));
        CHECK(bilan.read("synthese.md").find("DEMANDE-SECRETE") != std::string::npos);
        CHECK(ops::list_sessions(bilan.store(), "").sessions.size() == 1);
        CHECK(ops::list_skills(bilan.store()).empty());
        CHECK(bilan.exists("destruction.toml"));
        CHECK(ops::retention_state(bilan.store()).destruction->done);
        CHECK(ops::render_for(bilan.store(), std::nullopt) == bilan.read("synthese.md"));

        const ops::PurgeReport again = ops::purge(bilan.store(), on({2026, 7, 15}));
        CHECK(again.nothing_to_do);
        CHECK(destroyed(again.record, "skills") == 1);
    }

    TEST_CASE("purge: an agreement keeps the working documents, and says until when") {
        const TempBilan bilan(seeded_request());
        seed(bilan);
        ops::grant_retention(bilan.store(), {2026, 6, 30}, "documents", Date{2027, 6, 30});
        const ops::PurgeReport report = ops::purge(bilan.store(), on({2026, 7, 15}));
        CHECK(report.record.documents_kept_until == Date{2027, 6, 30});
        CHECK(destroyed(report.record, "skills") == 0);
        CHECK(ops::list_skills(bilan.store()).size() == 1);
        bool said = false;
        for (const Problem& note : report.notes)
            said = said ||
                   sentence(note).starts_with("documents de travail conservés jusqu'au 2027-06-30");
        CHECK(said);
    }

    TEST_CASE("purge: an abandoned bilan without an end is purged from its abandonment") {
        const TempBilan bilan(seeded_request());
        ops::set_bilan_field(bilan.store(), "abandoned", "2026-05-10", parse);
        CHECK_THROWS_AS(ops::purge(bilan.store(), on({2026, 5, 9})), RefusedError);
        const ops::PurgeReport report = ops::purge(bilan.store(), on({2026, 5, 10}));
        CHECK(report.record.done);
        CHECK(destroyed(report.record, "bilan_fields") == 1);
    }

    TEST_CASE("a purge's content may not come back: adding a skill to a purged folder still "
              "works, counted by the next purge") {
        const TempBilan bilan(seeded_request());
        seed(bilan);
        ops::purge(bilan.store(), on({2026, 7, 15}));
        Skill skill;
        skill.text = "après";
        skill.type = "savoir";
        ops::add_skill(bilan.store(), skill, std::nullopt, bilan::test::ignore_id);
        const ops::PurgeReport again = ops::purge(bilan.store(), on({2026, 7, 15}));
        CHECK_FALSE(again.nothing_to_do);
        CHECK(destroyed(again.record, "skills") == 2);
        CHECK(ops::list_skills(bilan.store()).empty());
    }
}
