// The CPF file's rules over a loaded folder: which sessions start the clocks, the deadlines in
// the practice's calendar, what check reports at each boundary, and that `be` has none of it.
#include "bilan/edof_rules.hpp"
#include "cli/problems.hpp"
#include "support/french_framework.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

Session session(Date date, std::string phase = "investigation") {
    Session s;
    s.id = date.iso();
    s.date = date;
    s.phase = std::move(phase);
    s.minutes = 120;
    return s;
}

Folder cpf_folder(std::vector<Session> sessions) {
    Folder folder;
    folder.bilan.beneficiary = "Test";
    folder.bilan.funding = "cpf";
    folder.sessions = std::move(sessions);
    return folder;
}

std::optional<Date> due(const Folder& folder, std::string_view what) {
    if (auto d = edof_due(fr(), folder, what)) return d->date;
    return std::nullopt;
}

} // namespace

TEST_SUITE("edof") {
    TEST_CASE("the rules are data, each citing its source and still to verify") {
        REQUIRE(edof_deadline_rules().size() == 2);
        for (const EdofDeadlineRule& rule : edof_deadline_rules()) {
            CHECK(rule.business_days == 3);
            CHECK(rule.to_verify);
            CHECK(edof_rule_citation(rule).find("à vérifier") != std::string::npos);
        }
        CHECK(edof_rule("edof-entree").clock == EdofClock::first_counted_session);
        CHECK(edof_rule("edof-sortie").clock == EdofClock::last_counted_session);
    }

    TEST_CASE("the entry counts from the first counted session, never the préalable") {
        Folder folder = cpf_folder(
            {session({2026, 5, 6}, "prealable"), session({2026, 5, 13}), session({2026, 5, 22})});
        CHECK(due(folder, "edof-entree") == Date{2026, 5, 19}); // Ascension on the 14th
        CHECK_FALSE(due(folder, "edof-sortie"));                // the bilan goes on
        folder.bilan.end = Date{2026, 5, 22};
        CHECK(due(folder, "edof-sortie") == Date{2026, 5, 28}); // Whit Monday on the 25th
        folder.sessions.push_back(session({2026, 6, 1}, "suivi"));
        CHECK(due(folder, "edof-sortie") == Date{2026, 5, 28}); // the follow-up is outside
    }

    TEST_CASE("the practice's calendar moves the deadline") {
        Folder folder = cpf_folder({session({2026, 4, 1})});
        CHECK(due(folder, "edof-entree") == Date{2026, 4, 7});
        folder.holidays = HolidayCalendar::alsace_moselle;
        CHECK(due(folder, "edof-entree") == Date{2026, 4, 8}); // Good Friday
    }

    TEST_CASE("check: on the third business day on time, on the fourth late: a warning") {
        Folder folder = cpf_folder({session({2026, 5, 22})});
        folder.edof.entry_declared = Date{2026, 5, 28};
        CHECK(edof_problems(fr(), folder).empty());
        CHECK(edof_late_warnings(fr(), folder).empty());
        folder.edof.entry_declared = Date{2026, 5, 29};
        CHECK(edof_problems(fr(), folder).empty()); // history: never a problem
        const auto warnings = edof_late_warnings(fr(), folder);
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].severity == Severity::warning);
        CHECK(cli::problem_text(warnings[0]).find("en retard") != std::string::npos);
        CHECK(cli::problem_text(warnings[0]).find("à vérifier") != std::string::npos);
    }

    TEST_CASE("check: a declaration not made past its deadline is the problem") {
        Folder folder = cpf_folder({session({2026, 5, 22})});
        CHECK(edof_undeclared_problems(fr(), folder, Date{2026, 5, 28}).empty()); // due 05-28
        const auto problems = edof_undeclared_problems(fr(), folder, Date{2026, 5, 29});
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].code == "edof.undeclared");
        CHECK(problems[0].value("rule") == "edof-entree");
        folder.edof.entry_declared = Date{2026, 6, 1};
        CHECK(edof_undeclared_problems(fr(), folder, Date{2026, 6, 2}).empty());
    }

    TEST_CASE("check: a partial service fait needs its reason and duration") {
        Folder folder = cpf_folder({session({2026, 5, 13})});
        folder.edof.service_fait = "partiel";
        CHECK(edof_problems(fr(), folder).size() == 2);
        folder.edof.reason = "abandon";
        folder.edof.minutes_not_done = 60;
        CHECK(edof_problems(fr(), folder).empty());
    }

    TEST_CASE("the next deadline: the entry, then the exit once the bilan has ended") {
        Folder folder = cpf_folder({session({2026, 5, 13})});
        REQUIRE(next_edof_deadline(fr(), folder));
        CHECK(next_edof_deadline(fr(), folder)->rule->what == "edof-entree");
        folder.edof.entry_declared = Date{2026, 5, 14};
        CHECK_FALSE(next_edof_deadline(fr(), folder));
        folder.bilan.end = Date{2026, 5, 13};
        REQUIRE(next_edof_deadline(fr(), folder));
        CHECK(next_edof_deadline(fr(), folder)->rule->what == "edof-sortie");
        folder.edof.exit_declared = Date{2026, 5, 15};
        CHECK_FALSE(next_edof_deadline(fr(), folder));
    }

    TEST_CASE("an abandonment starts the exit's clock, not the last session (issue 25)") {
        // Sessions on Mon 4 and Wed 13 May 2026; abandoned on Fri 29 May: three business days
        // after it is Wed 3 June; the last session would give Tue 19 May (Ascension on the 14th).
        Folder folder = cpf_folder({session({2026, 5, 4}), session({2026, 5, 13})});
        folder.bilan.abandoned = Date{2026, 5, 29};
        const auto exit = edof_due(fr(), folder, "edof-sortie");
        REQUIRE(exit);
        CHECK(exit->date == Date{2026, 6, 3});
        CHECK(exit->clock_start == Date{2026, 5, 29});
        CHECK(exit->from_abandonment);
        CHECK(edof_rule_citation(*exit->rule, exit->clock_start, true)
                  .starts_with("3 jours ouvrés après l'abandon, le 2026-05-29"));
        // An exit declared before the abandonment says so in its own words.
        folder.edof.entry_declared = Date{2026, 5, 5};
        folder.edof.exit_declared = Date{2026, 5, 20};
        bool said = false;
        for (const Problem& p : edof_problems(fr(), folder))
            said = said || p.code == "edof.exit-before-abandonment";
        CHECK(said);
        // Abandoned after its end, the bilan had ended: the last session's clock stands.
        folder.bilan.end = Date{2026, 5, 13};
        CHECK(edof_due(fr(), folder, "edof-sortie")->date == Date{2026, 5, 19}); // Ascension 14
    }

    TEST_CASE("no French rule outside a CPF bilan, nor in the be framework") {
        Folder folder = cpf_folder({session({2026, 5, 13})});
        folder.bilan.funding = "mon-compte-formation"; // an alias still is the CPF
        CHECK(edof_applies(fr(), folder.bilan));
        folder.bilan.funding = "personnel";
        CHECK_FALSE(edof_applies(fr(), folder.bilan));
        CHECK_FALSE(next_edof_deadline(fr(), folder));
        folder.edof.entry_declared = Date{2026, 9, 1};
        CHECK(edof_problems(fr(), folder).empty());
        CHECK(edof_warnings(fr(), folder).size() == 1);
        const Framework be = store::load_builtin_framework("be");
        folder.bilan.funding = "cpf";
        CHECK_FALSE(edof_applies(be, folder.bilan));
        CHECK(edof_problems(be, folder).empty());
        CHECK_FALSE(edof_due(be, folder, "edof-entree"));
    }
}
