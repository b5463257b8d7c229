// The depth guard run before toml++ (src/store/toml_guard.cpp): found by the hostile-file
// tests, where toml++ overflowed its stack on a 100 000-part dotted key.
#include "bilan/errors.hpp"
#include "store/toml_errors.hpp"
#include "store/toml_guard.hpp"
#include "store/toml_text.hpp"

#include <doctest/doctest.h>

using namespace bilan;
using namespace bilan::store;

namespace {
std::string repeat(std::string_view part, int times) {
    std::string out;
    for (int i = 0; i < times; ++i)
        out += part;
    return out;
}
std::string guard_error(std::string_view text) {
    try {
        check_toml_text(text, "f.toml");
    } catch (const DataError& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST_SUITE("store.guard") {
    TEST_CASE("ordinary files pass") {
        CHECK(guard_error("date = 2026-03-03\nnote = \"a.b.c\" # x.y.z\n") == "");
        CHECK(guard_error("title = \"p\"\n[[surveys]]\ndate = 2026-03-03\n") == "");
        CHECK(guard_error("a = [1.5, 2.5, 3.5, 4.5]\nb = { c.d = 1, e = [ {f = 2} ] }\n") == "");
        CHECK(guard_error("n = \"\"\"\n[x.y.z]\n\"\"\"\nm = '''a.b'''\n") == "");
        CHECK(guard_error("\"a.b.c\".d = 1\n") == "");
    }

    TEST_CASE("up to the limit, a dotted key passes, one level more is refused") {
        const std::string at_limit = "a" + repeat(".a", max_toml_depth - 1) + " = 1\n";
        CHECK(guard_error(at_limit) == "");
        CHECK(guard_error("b = 1\na" + repeat(".a", max_toml_depth) + " = 1\n") ==
              "f.toml:2:1: TOML invalide : plus de 128 niveaux d'imbrication");
    }

    TEST_CASE("headers, inline tables and arrays count toward the same depth") {
        CHECK(guard_error("[a" + repeat(".a", 200) + "]\n") != "");
        CHECK(guard_error("x = " + repeat("{a.b.c.d = ", 40) + "1" + repeat("}", 40)) != "");
        CHECK(guard_error("x = " + repeat("[", 200) + repeat("]", 200)) != "");
        CHECK(guard_error("[t" + repeat(".t", 100) + "]\n" + "k" + repeat(".k", 30) + " = 1") !=
              "");
    }

    TEST_CASE("the column counts code points") {
        CHECK(guard_error("a = 1\n\"éé\" = " + repeat("[", 200)).starts_with("f.toml:2:136:"));
    }

    TEST_CASE("parse_toml refuses a 100000-part key instead of overflowing the stack") {
        const std::string text = "x" + repeat(".a", 100000) + " = 1\n";
        CHECK_THROWS_AS(parse_toml(text, "f.toml"), DataError);
    }

    // Found by fuzz_folder: toml++ 3.3.0 asks whether a non-ASCII character is whitespace in
    // these places, and for most (é, ô...) reaches __builtin_unreachable() in answering.
    TEST_CASE("what toml++ cannot classify is refused before it sees it") {
        const auto text_error = [](std::string_view text) {
            try {
                check_toml_text(text, "f.toml");
            } catch (const DataError& e) {
                return std::string(e.what());
            }
            return std::string();
        };
        CHECK(text_error("text =\xc3\xb4le\n") ==
              "f.toml:1:7: TOML invalide : caractère non ASCII hors d'une chaîne entre guillemets");
        CHECK(text_error("a = 1\n\xc3\xa9t\xc3\xa9 = 2\n").starts_with("f.toml:2:1: "));
        CHECK(text_error("[\xc3\xa9]\n").starts_with("f.toml:1:2: "));
        // A header whose name starts with neither a key character nor a quote: toml++ 3.3
        // asserts it cannot happen (and with NDEBUG assumes it). Found by the asan build of
        // test_hostile's 5 MB line of "[".
        CHECK(text_error("[\n") == "f.toml:1:2: TOML invalide : en-tête de table sans nom");
        CHECK(text_error("[[ #\n").starts_with("f.toml:1:4: "));
        CHECK(text_error("[=]\n").starts_with("f.toml:1:2: "));
        CHECK(text_error("[.a]\n").starts_with("f.toml:1:2: "));
        CHECK(text_error("[ a.b ]\n[\"q\"]\n[[t]]\n[]\n").empty()); // left to toml++
        // An array meeting '}' where a value is due: toml++ 3.3 asserts it cannot happen.
        // Found by fuzz_folder once the fuzz preset kept assertions live.
        CHECK(text_error("sections = [\n }  \"projet\"]\n") ==
              "f.toml:2:2: TOML invalide : « } » dans un tableau, où une valeur ou « ] » est "
              "attendue");
        CHECK(text_error("a = [1, }]\n").starts_with("f.toml:1:9: "));
        CHECK(text_error("a = [{}, { b = [ {} ] }]\n").empty());
        CHECK(text_error("x = [\"a\", \xc3\xa9]\n").starts_with("f.toml:1:11: "));
        CHECK(text_error("note = \"\"\"\\\n  \xc3\xa9t\xc3\xa9\"\"\"\n")
                  .starts_with("f.toml:2:3: TOML invalide : « \\ » en fin de ligne"));
        CHECK(text_error("note = \"\"\"a\\\xc3\xa9\"\"\"\n").starts_with("f.toml:1:13: "));
        // toml++ reads ahead of a value without quotes up to what may end it, quotes included.
        CHECK(text_error("why = 09:30:00\"\xc3\x80 confirmer\"\n").starts_with("f.toml:1:16: "));
        CHECK(text_error("a = 1\"\xc3\xa9\"\n").starts_with("f.toml:1:7: "));
        CHECK(
            text_error(
                "a = [1, \"\xc3\xa9\"]\nt = 09:30:00 # \xc3\xa9\nx = { a = 1, b = \"\xc3\xa9\" }\n"
                "d = 2026-03-02T09:30:00\"\n") == "");
        // Strings, comments, quoted keys and a byte-order mark hold any text.
        CHECK(text_error("\xef\xbb\xbfnote = \"\xc3\xa9t\xc3\xa9\" # \xc3\xa0 bient\xc3\xb4t\n"
                         "\"cl\xc3\xa9\".b = '\xc3\xa9'\nm = \"\"\"\n\xc3\xa9\\n\"\"\"\n"
                         "l = \'\'\'\\\n\xc3\xa9\'\'\'\n") == "");
        CHECK_THROWS_AS(parse_toml("note = \"\"\"\\\n \xc3\xa9t\xc3\xa9\"\"\"\n", "f.toml"),
                        DataError);
        CHECK_THROWS_AS(parse_toml("text =\xc3\xb4le\n", "f.toml"), DataError);
        // A line-ending backslash before ASCII text is still read as TOML says.
        const toml::table table = parse_toml(
            "n = \"\"\"\xc3\xa9t\xc3\xa9 \\\n   \t  \n  b \xc3\xa0\\t\\\\\"\"\"\n", "f.toml");
        CHECK(table["n"].value_or(std::string()) == "\xc3\xa9t\xc3\xa9 b \xc3\xa0\t\\");
    }

    TEST_CASE("malformed text stays within bounds") {
        for (std::string_view text : {"\"", "'''", "a.", "[", "[[", "}", "]]]]", "x = {", "\"\\",
                                      "a = \"\"\"\\", "a = [,,,{,", "#", "= = ="})
            try {
                check_toml_text(text, "f.toml");
            } catch (const DataError&) { // the header without a name, the '}' in an array
            }
        for (std::string_view text :
             {"a = \"\"\"\\", "a = \"\"\"\\ \n", "\xef\xbb\xbf", "\xef\xbb\xbf#"})
            CHECK_NOTHROW(check_toml_text(text, "f.toml"));
    }
}

TEST_CASE("toml++'s errors reach a hand editor in French, unknown wordings as they are") {
    CHECK(french_toml_description("Error while parsing time: expected ':', saw '\\n'") ==
          "heure : « : » attendu, trouvé la fin de la ligne");
    CHECK(french_toml_description("Error while parsing root table: expected keys, tables, "
                                  "whitespace or comments, saw '<'") ==
          "fichier : une clé, une [section] ou un commentaire attendu, trouvé « < »");
    CHECK(french_toml_description("Error while parsing date: expected day between 1 and 28 "
                                  "(inclusive) for month 2, saw 30") ==
          "date : jour entre 1 et 28 attendu, trouvé 30");
    for (const char* unknown :
         {"Error while parsing time: something new",
          "Error while parsing a scope yet unseen: encountered end-of-file", "no scope at all"})
        CHECK(french_toml_description(unknown) == unknown);
}

TEST_CASE("a parse error names the usual slip of a hand edit at its value") {
    const auto error_of = [](std::string_view text) {
        try {
            parse_toml(text, "f.toml");
        } catch (const DataError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error_of("a = 1\nfrom = 9:30\n") ==
          "f.toml:2:8: TOML invalide : heure sans guillemets ; écrivez from = \"09:30\" ou "
          "09:30:00");
    CHECK(error_of("to=14h00 # fin\n") ==
          "f.toml:1:4: TOML invalide : heure sans guillemets ; écrivez to = \"14:00\" ou 14:00:00");
    CHECK(error_of("phase = bilan final\n") ==
          "f.toml:1:9: TOML invalide : texte sans guillemets ; écrivez phase = \"bilan final\"");
    CHECK(error_of("a = 1\n=======\nb = 2\n>>>>>>> x\n")
              .starts_with("f.toml:2:1: TOML invalide : conflit git non résolu (« ======= »)"));
    CHECK(error_of("note = \"\"\"\n=======\n\"\"\"\n").empty()); // a marker inside a text is text
}
