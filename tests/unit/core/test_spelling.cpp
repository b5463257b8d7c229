#include "bilan/spelling.hpp"

#include <doctest/doctest.h>
#include <vector>

using namespace bilan;

TEST_SUITE("spelling") {
    const std::vector<std::string> phases{"preliminaire", "investigation", "conclusion", "suivi"};

    TEST_CASE("edit distance counts insertions, deletions and substitutions") {
        CHECK(edit_distance("", "") == 0);
        CHECK(edit_distance("abc", "") == 3);
        CHECK(edit_distance("", "abc") == 3);
        CHECK(edit_distance("investigaton", "investigation") == 1);
        CHECK(edit_distance("sesion", "session") == 1);
        CHECK(edit_distance("kitten", "sitting") == 3);
        CHECK(edit_distance("entretein", "entretien") == 1); // two neighbours swapped
        CHECK(edit_distance("cfp", "cpf") == 1);
        CHECK(edit_distance("lsit", "list") == 1);
        CHECK(edit_distance("ca", "abc") == 3);
    }

    TEST_CASE("a slip of one or two edits is suggested, folded") {
        CHECK(closest_spelling("investigaton", phases) == "investigation");
        CHECK(closest_spelling("Investigaton", phases) == "investigation");
        CHECK(closest_spelling("préliminiare", phases) == "preliminaire");
        CHECK(closest_spelling("suivie", phases) == "suivi");
        const std::vector<std::string> fundings{"cpf", "employeur", "france-travail"};
        CHECK(closest_spelling("cfp", fundings) == "cpf");
        CHECK(closest_spelling("invest", phases) == "investigation"); // the only completion
    }

    TEST_CASE("nothing is suggested for the value itself, a far word or a short one") {
        CHECK_FALSE(closest_spelling("suivi", phases));
        CHECK_FALSE(closest_spelling("bogus", phases));
        CHECK_FALSE(closest_spelling("", phases));
        CHECK_FALSE(closest_spelling("su", phases)); // too short to complete
        const std::vector<std::string> frameworks{"fr", "be"};
        CHECK_FALSE(closest_spelling("de", frameworks)); // one edit of two letters: a guess
        const std::vector<std::string> two{"abc-one", "abc-two"};
        CHECK_FALSE(closest_spelling("abc", two)); // completes both
    }

    TEST_CASE("the message's end lists the values, after the suggestion if any") {
        CHECK(expected_one_of("investigaton", phases) ==
              " : vouliez-vous dire « investigation » ? (attendu preliminaire, investigation, "
              "conclusion, suivi)");
        CHECK(expected_one_of("bogus", phases) ==
              " : attendu preliminaire, investigation, conclusion, suivi");
    }
}
