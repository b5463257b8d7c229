// src/core/evaluations.cpp: the question sets and the answers' checks, and the date
// arithmetic of what falls due after the end (follow-up, evaluations), abandonment included.
#include "bilan/evaluations.hpp"
#include "bilan/views.hpp"
#include "cli/problems.hpp"
#include "support/french_framework.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {

Folder ended(const Date& end) {
    Folder f;
    f.bilan.beneficiary = "Claire Martin";
    f.bilan.start = Date{2026, 3, 2};
    f.bilan.end = end;
    return f;
}

bool says(const std::vector<Problem>& problems, std::string_view part) {
    for (const Problem& problem : problems)
        if (cli::problem_text(problem).find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_SUITE("core.evaluations") {
    TEST_CASE("follow-up and à froid: end + the framework's months, clamped to the month") {
        Folder f = ended(Date{2026, 8, 31});
        CHECK(followup_due(fr(), f.bilan) == Date{2027, 2, 28});
        CHECK(evaluation_froid_due(fr(), f.bilan) == Date{2027, 2, 28});
        f.bilan.end.reset();
        CHECK_FALSE(followup_due(fr(), f.bilan));
        CHECK_FALSE(evaluation_froid_due(fr(), f.bilan));
        Framework none = fr();
        none.followup_months.reset();
        f.bilan.end = Date{2026, 5, 4};
        CHECK_FALSE(followup_due(none, f.bilan));
        CHECK(evaluation_froid_due(none, f.bilan) == Date{2026, 11, 4}); // six months still
    }

    TEST_CASE("an abandonment stops the deadlines on or after its day") {
        BilanRecord b = ended(Date{2026, 5, 4}).bilan;
        b.abandoned = Date{2026, 11, 4};
        CHECK_FALSE(deadline_stands(b, Date{2026, 11, 4}));
        CHECK(deadline_stands(b, Date{2026, 11, 3}));
        CHECK_FALSE(followup_due(fr(), b));
        b.abandoned = Date{2026, 11, 5};
        CHECK(followup_due(fr(), b) == Date{2026, 11, 4});
    }

    TEST_CASE("the follow-up is due on its day, overdue the next, done once a session exists") {
        Folder f = ended(Date{2026, 5, 4});
        f.evaluations = {Evaluation{"e1", "chaud", Date{2026, 5, 4}, 5, {}, "", {}}};
        CHECK(after_end_warnings(fr(), f, Date{2026, 11, 3}).empty());
        CHECK(says(after_end_warnings(fr(), f, Date{2026, 11, 4}), "entretien de suivi à faire"));
        CHECK(says(after_end_warnings(fr(), f, Date{2026, 11, 5}), "entretien de suivi en retard"));
        Session s;
        s.id = "s1", s.date = Date{2026, 11, 20}, s.phase = "suivi", s.minutes = 60;
        f.sessions = {s};
        CHECK(followup_session(fr(), f.sessions) == &f.sessions.front());
        CHECK_FALSE(says(after_end_warnings(fr(), f, Date{2026, 11, 5}), "suivi"));
    }

    TEST_CASE("the synthesis is dated by its handover, else by the end") {
        BilanRecord b = ended(Date{2026, 5, 4}).bilan;
        CHECK(synthesis_date(b) == Date{2026, 5, 4});
        b.handover = Date{2026, 5, 20};
        CHECK(synthesis_date(b) == Date{2026, 5, 20});
        b.end.reset(), b.handover.reset();
        CHECK_FALSE(synthesis_date(b));
    }

    TEST_CASE("questions: the forms practice.toml writes") {
        CHECK(parse_question("attentes=1-5").domain == Question::Domain::scale);
        CHECK(parse_question("actions = entier").domain == Question::Domain::integer);
        CHECK(parse_question("remarque").domain == Question::Domain::text);
        const Question q = parse_question("Recommande=Oui|non");
        CHECK(q.key == "recommande");
        CHECK(q.choices == std::vector<std::string>{"oui", "non"});
        CHECK_THROWS_AS(parse_question("x=5-1"), UsageError);
        CHECK_THROWS_AS(parse_question("x=seul"), UsageError);
        CHECK_THROWS_AS(parse_question("=1-5"), UsageError);
        CHECK(default_questions("chaud").size() == 9);
        CHECK(default_questions("froid").size() == 5);
    }

    TEST_CASE("answers: in their domain put in canonical form, else a warning, kept") {
        const auto questions = default_questions("froid");
        Answer a = parse_answer("Situation = Nouvel emploi");
        CHECK(a.key == "situation");
        CHECK_FALSE(check_answer(questions, a, "froid"));
        CHECK(a.value == "nouvel-emploi");
        Answer n{"utilite", "9"};
        CHECK(check_answer(questions, n, "froid"));
        CHECK(n.value == "9");
        Answer unknown{"humeur", "bonne"};
        CHECK(check_answer(questions, unknown, "froid")->code == "evaluation.unknown-question");
        CHECK_THROWS_AS(parse_answer("attentes"), UsageError);
        CHECK_THROWS_AS(parse_answer("attentes="), UsageError);
    }
}
