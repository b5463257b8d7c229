// Adding an evaluation (src/ops/evaluations.cpp), on a real folder: its answers are checked
// against the practice's question set, else the default one, and what does not fit is kept as
// given and said, never refused; so is a date before the start, or an evaluation à froid
// before the end (it is collected at the follow-up).
#include "bilan/errors.hpp"
#include "bilan/ops/bilan.hpp"
#include "bilan/ops/evaluations.hpp"
#include "support/temp_bilan.hpp"

#include <doctest/doctest.h>

using namespace bilan;
using bilan::test::sentence;
using bilan::test::sentence_line;
using bilan::test::TempBilan;

namespace {

Evaluation evaluation(const std::string& kind, const Date& date, std::vector<Answer> answers) {
    Evaluation e;
    e.kind = kind;
    e.date = date;
    e.satisfaction = 4;
    e.answers = std::move(answers);
    return e;
}

ops::Notes add(const TempBilan& bilan, const Evaluation& e, std::string* id = nullptr) {
    return ops::add_evaluation(bilan.store(), e, [&](const std::string& new_id) {
        if (id) *id = new_id;
    });
}

std::vector<Evaluation> listed(const TempBilan& bilan) {
    return ops::list<Evaluation>(bilan.store());
}

Date parse(std::string_view text) {
    return parse_date(text, Date{2026, 3, 2});
}

} // namespace

TEST_SUITE("ops.evaluations") {
    TEST_CASE("add_evaluation: answers of the default set fit, silently, the record is written") {
        const TempBilan bilan;
        std::string id;
        CHECK(add(bilan,
                  evaluation("chaud", {2026, 5, 4}, {{"attentes", "5"}, {"recommande", "oui"}}),
                  &id)
                  .empty());
        CHECK_FALSE(id.empty());
        const auto evaluations = listed(bilan);
        REQUIRE(evaluations.size() == 1);
        CHECK(evaluations[0].id == id);
        CHECK(evaluations[0].answers.size() == 2);
    }

    TEST_CASE("add_evaluation: an unknown question and a value out of its domain are kept, said") {
        const TempBilan bilan;
        const ops::Notes notes =
            add(bilan, evaluation("chaud", {2026, 5, 4}, {{"humeur", "bonne"}, {"attentes", "9"}}));
        REQUIRE(notes.size() == 2);
        CHECK(sentence(notes[0]).starts_with(
            "question inconnue « humeur » pour l'évaluation à chaud"));
        CHECK(sentence(notes[1]) ==
              "« attentes » (évaluation à chaud) attend un entier de 1 à 5, pas « 9 » : "
              "réponse gardée telle quelle");
        const auto evaluations = listed(bilan);
        REQUIRE(evaluations.size() == 1);
        CHECK(evaluations[0].answers ==
              std::vector<Answer>{{"humeur", "bonne"}, {"attentes", "9"}});
    }

    // The practice's refusal is the note's cause, said in words: not its code (a refusal's what()).
    TEST_CASE("add_evaluation: a BILAN_PRACTICE that names no folder costs its questions only") {
        const TempBilan bilan; // restores BILAN_PRACTICE when it goes
        const std::string missing = (bilan.temp().root() / "absent").string();
        ::setenv("BILAN_PRACTICE", missing.c_str(), 1);
        const ops::Notes notes = add(bilan, evaluation("chaud", {2026, 5, 4}, {{"attentes", "3"}}));
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]) == "BILAN_PRACTICE : le dossier " + missing +
                                        " n'existe pas (créez le cabinet avec « bilan practice "
                                        "init " +
                                        missing + " --name NOM ») : questions par défaut");
        CHECK(listed(bilan).size() == 1);
    }

    TEST_CASE("add_evaluation: the practice's own questions replace the default ones") {
        const TempBilan bilan;
        bilan.temp().write("practice.toml", "name = \"Cabinet\"\n[questions]\n"
                                            "chaud = [\"accueil=1-5\", \"remarque\"]\n");
        CHECK(add(bilan, evaluation("chaud", {2026, 5, 4}, {{"accueil", "3"}})).empty());
        const ops::Notes notes = add(bilan, evaluation("chaud", {2026, 5, 4}, {{"attentes", "3"}}));
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]).find("(attendu accueil, remarque)") != std::string::npos);
    }

    TEST_CASE("add_evaluation: a practice.toml that cannot be read costs its questions only") {
        const TempBilan bilan;
        bilan.temp().write("practice.toml", "name = [\n");
        const ops::Notes notes = add(bilan, evaluation("chaud", {2026, 5, 4}, {{"attentes", "3"}}));
        REQUIRE(notes.size() == 1);
        CHECK(sentence_line(notes[0]).find("practice.toml") != std::string::npos);
        CHECK(sentence(notes[0]).ends_with(" : questions par défaut"));
        CHECK(listed(bilan).size() == 1);
    }

    TEST_CASE("add_evaluation: dated before the start, or à froid before the end: said, kept") {
        const TempBilan bilan;
        ops::Notes notes = add(bilan, evaluation("chaud", {2026, 3, 1}, {}));
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]) ==
              "évaluation datée du 2026-03-01, avant le début du bilan (2026-03-02)");
        ops::set_bilan_field(bilan.store(), "end", "2026-05-04", parse);
        notes = add(bilan, evaluation("froid", {2026, 5, 3}, {}));
        REQUIRE(notes.size() == 1);
        CHECK(sentence(notes[0]) ==
              "évaluation à froid datée du 2026-05-03, avant la fin du bilan "
              "(2026-05-04) : elle se recueille au suivi, quelques mois après");
        CHECK(add(bilan, evaluation("froid", {2026, 11, 4}, {})).empty());
        CHECK(add(bilan, evaluation("chaud", {2026, 5, 3}, {})).empty()); // à chaud: any time
        CHECK(listed(bilan).size() == 4);
    }

    TEST_CASE("add_evaluation: refused outside a bilan, and an id nobody saw leaves nothing") {
        const bilan::test::TempFolder temp;
        CHECK_THROWS_AS(ops::add_evaluation(store::Store(temp.root()),
                                            evaluation("chaud", {2026, 5, 4}, {}),
                                            bilan::test::ignore_id),
                        RefusedError);
        const TempBilan bilan;
        CHECK_THROWS_AS(
            ops::add_evaluation(bilan.store(), evaluation("chaud", {2026, 5, 4}, {}),
                                [](const std::string&) { throw EnvironmentError("stdout fermé"); }),
            EnvironmentError);
        CHECK(listed(bilan).empty());
    }
}
