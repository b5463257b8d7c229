// The end of a bilan (src/ops/retention.cpp), on a real folder: an agreement to keep the
// documents ends after it starts and within R6313-7's three years; a purge is refused before
// the end and after today, writes nothing with dry_run, destroys the content and the synthesis
// but what a basis keeps, keeps the administrative data, counts what it destroyed.
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

ops::RetentionGrant basis(const std::string& scope, const Date& date,
                          const std::optional<Date>& until, const std::string& motif = "accord") {
    ops::RetentionGrant grant;
    grant.scope = scope;
    grant.date = date;
    grant.until = until;
    grant.motif = motif;
    return grant;
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
        CHECK(ops::grant_retention(bilan.store(), basis("documents", {2026, 6, 30}, std::nullopt))
                  .empty());
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
        CHECK(contains(refusal([&] {
                           ops::grant_retention(
                               bilan.store(), basis("documents", {2026, 6, 30}, Date{2029, 7, 1}));
                       }),
                       "accord de conservation jusqu'au 2029-07-01 : au-delà du 2029-06-30, "
                       "3 ans après la fin"));
        CHECK(refusal([&] {
                  ops::grant_retention(bilan.store(),
                                       basis("documents", {2026, 6, 30}, Date{2026, 6, 29}));
              }) == "--until 2026-06-29 précède l'accord (2026-06-30) : rien n'a été enregistré");
        CHECK_THROWS_AS(
            ops::grant_retention(bilan.store(), basis("tout", {2026, 6, 30}, std::nullopt)),
            UsageError);
        CHECK(bilan.snapshot() == before);
    }

    TEST_CASE("grant_retention before the end is set: recorded, with a note, no limit yet") {
        const TempBilan bilan;
        const ops::Notes notes = ops::grant_retention(
            bilan.store(), basis("documents", {2026, 6, 30}, Date{2031, 1, 1}));
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]).starts_with("la fin du bilan n'est pas renseignée"));
        CHECK_FALSE(ops::retention_state(bilan.store()).limit);
        CHECK(bilan.read("bilan.toml").find("format = 3") != std::string::npos);
    }

    TEST_CASE("grant_retention: a basis for the synthesis, cep for it only, after the end a "
              "warning") {
        const TempBilan bilan;
        ops::set_bilan_field(bilan.store(), "end", "2026-06-30", parse);
        CHECK_THROWS_AS(ops::grant_retention(
                            bilan.store(), basis("documents", {2026, 6, 30}, std::nullopt, "cep")),
                        UsageError);
        const ops::Notes notes = ops::grant_retention(
            bilan.store(), basis("synthese", {2026, 7, 2}, std::nullopt, "cep"));
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].code == "retention.agreed-after-end");
        const BilanRecord b = ops::retention_state(bilan.store()).bilan;
        CHECK(b.synthesis_agreed == Date{2026, 7, 2});
        CHECK(b.synthesis_motif == "cep");
        CHECK(b.synthesis_until == Date{2029, 6, 30});
        CHECK_FALSE(b.retention_agreed);
        CHECK(bilan.read("bilan.toml").find("format = 5") != std::string::npos);
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

    TEST_CASE("purge: the content and the synthesis go, the sessions stay, a rerun does "
              "nothing") {
        const TempBilan bilan(seeded_request());
        seed(bilan);
        REQUIRE(holds(bilan.snapshot(), "SECRET"));
        const ops::PurgeReport report = ops::purge(bilan.store(), on({2026, 7, 15}));
        CHECK(report.record.done);
        CHECK_FALSE(report.resumed);
        CHECK_FALSE(report.record.synthesis_kept_until);
        CHECK(report.record.synthesis_destroyed == Date{2026, 7, 15});
        CHECK_FALSE(holds(bilan.snapshot(), "SECRET"));
        CHECK_FALSE(bilan.exists("synthese.md"));
        CHECK(ops::list_sessions(bilan.store(), "").sessions.size() == 1);
        CHECK(ops::list_skills(bilan.store()).empty());
        CHECK(ops::retention_state(bilan.store()).destruction->done);
        CHECK(contains(refusal([&] { ops::render_for(bilan.store(), std::nullopt); }),
                       "synthèse détruite le 2026-07-15"));

        const ops::PurgeReport again = ops::purge(bilan.store(), on({2026, 7, 15}));
        CHECK(again.nothing_to_do);
        CHECK(destroyed(again.record, "skills") == 1);
    }

    TEST_CASE("purge: a basis keeps the synthesis until its end, then a purge destroys it") {
        const TempBilan bilan(seeded_request());
        seed(bilan);
        ops::grant_retention(bilan.store(), basis("synthese", {2026, 6, 30}, Date{2026, 7, 31}));
        const ops::PurgeReport report = ops::purge(bilan.store(), on({2026, 7, 15}));
        CHECK(report.record.synthesis_kept_until == Date{2026, 7, 31});
        CHECK(report.record.synthesis_basis == "accord");
        CHECK(bilan.read("synthese.md").find("DEMANDE-SECRETE") != std::string::npos);
        CHECK(ops::render_for(bilan.store(), std::nullopt) == bilan.read("synthese.md"));
        ops::PurgeOptions later{{2026, 8, 1}, {2026, 8, 1}, false};
        const ops::PurgeReport after = ops::purge(bilan.store(), later);
        CHECK_FALSE(after.nothing_to_do);
        CHECK(after.record.synthesis_destroyed == Date{2026, 8, 1});
        CHECK(destroyed(after.record, "synthesis_files") == 1);
        CHECK_FALSE(bilan.exists("synthese.md"));
    }

    TEST_CASE("purge: an agreement keeps the working documents, and says until when") {
        const TempBilan bilan(seeded_request());
        seed(bilan);
        ops::grant_retention(bilan.store(), basis("documents", {2026, 6, 30}, Date{2027, 6, 30}));
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
