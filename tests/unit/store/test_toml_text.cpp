// Splicing a value into a file a person edited: only the value's characters change.
#include "store/toml_text.hpp"

#include <doctest/doctest.h>

using namespace bilan;
using namespace bilan::store;

namespace {
std::string splice(std::string_view text, std::string key, std::optional<Value> value) {
    return splice_root_key(text, Field{std::move(key), std::move(value)}, "f.toml");
}
} // namespace

TEST_SUITE("store.toml_text") {
    TEST_CASE("replacing a value keeps comments, spacing and other keys") {
        const std::string text =
            "# en-tête\nbeneficiary = \"Ana\"   # le nom\n\nstart =   2026-03-02\n";
        CHECK(splice(text, "start", Date{2026, 4, 1}) ==
              "# en-tête\nbeneficiary = \"Ana\"   # le nom\n\nstart =   2026-04-01\n");
        CHECK(splice(text, "beneficiary", std::string("Élise « É »")) ==
              "# en-tête\nbeneficiary = \"Élise « É »\"   # le nom\n\nstart =   2026-03-02\n");
    }

    TEST_CASE("columns count code points, not bytes") {
        const std::string text = "a = \"été\" # é\nb = 1\n";
        CHECK(splice(text, "a", std::string("x")) == "a = \"x\" # é\nb = 1\n");
    }

    TEST_CASE("a new key goes after the last root key, before any section") {
        const std::string text = "a = 1 # un\n\n# les enquêtes\n[[surveys]]\nwith = \"x\"\n";
        CHECK(splice(text, "b", std::int64_t{2}) ==
              "a = 1 # un\nb = 2\n\n# les enquêtes\n[[surveys]]\nwith = \"x\"\n");
    }

    TEST_CASE("a new key in a file without a final newline") {
        CHECK(splice("a = 1", "b", true) == "a = 1\nb = true\n");
        CHECK(splice("", "b", true) == "b = true\n");
    }

    TEST_CASE("removing a key removes its line and nothing else") {
        const std::string text = "a = 1\nnote = \"\"\"\nl1\nl2\"\"\" # x\nb = 2\n";
        CHECK(splice(text, "note", std::nullopt) == "a = 1\nb = 2\n");
        CHECK(splice(text, "absent", std::nullopt) == text);
    }

    TEST_CASE("multi-line values are replaced whole") {
        const std::string text = "strength = [\n  \"a\",\n  \"b\",\n] # fin\nz = 0\n";
        CHECK(splice(text, "strength", std::vector<std::string>{"c"}) ==
              "strength = [\"c\"] # fin\nz = 0\n");
    }

    TEST_CASE("a section cannot be replaced by a value") {
        CHECK_THROWS_AS(splice("[x]\na = 1\n", "x", std::int64_t{1}), DataError);
    }

    TEST_CASE("a file that does not parse is reported with its position") {
        CHECK_THROWS_WITH(splice("a = \n", "a", std::int64_t{1}), doctest::Contains("f.toml:1:5"));
    }
}

TEST_SUITE("store.literals") {
    TEST_CASE("strings round-trip whatever they hold") {
        for (const std::string& text : std::vector<std::string>{
                 "plain", "quote \" and \\ backslash", "é 🎉 «»", "two\nlines", "tab\there",
                 "ends with quote\"", "\"\"\" triple", "cr\r\nlf", std::string("nul\x01", 5)}) {
            const std::string toml = "k = " + toml_literal(text) + "\n";
            const auto table = parse_toml(toml, "t.toml");
            REQUIRE(table["k"].as_string());
            CHECK(table["k"].as_string()->get() == text);
        }
    }

    TEST_CASE("other values") {
        CHECK(toml_literal(Date{2026, 3, 2}) == "2026-03-02");
        CHECK(toml_literal(TimeOfDay{9, 5}) == "09:05:00");
        CHECK(toml_literal(std::int64_t{150}) == "150");
        CHECK(toml_literal(std::vector<std::string>{"a", "b"}) == "[\n    \"a\",\n    \"b\",\n]");
        CHECK(toml_key("for") == "for");
        CHECK(toml_key("clé") == "\"clé\"");
    }

    TEST_CASE("a date no reader would accept is refused before it is written") {
        const Field late{"retention_until", Date{2202, 12, 31}};
        CHECK_THROWS_WITH_AS(emit_fields({late}), doctest::Contains("2202-12-31"), RefusedError);
        CHECK_THROWS_AS(splice_root_key("a = 1\n", late, "bilan.toml"), RefusedError);
        CHECK_THROWS_AS(splice_root_key("retention_until = 2199-12-31\n", late, "bilan.toml"),
                        RefusedError);
        CHECK(emit_fields({{"end", Date{2199, 12, 31}}}) == "end = 2199-12-31\n");
    }

    TEST_CASE("ids are stable across machines") {
        CHECK(fnv1a("") == 14695981039346656037ull);
        CHECK(fnv1a("a") == 0xaf63dc4c8601ec8cull);
    }

    TEST_CASE("a file written with CRLF keeps CRLF on the lines bilan adds") {
        const std::string text = "# Windows\r\nbeneficiary = \"Ana\"\r\n";
        CHECK(splice(text, "situation", std::string("S2")) ==
              "# Windows\r\nbeneficiary = \"Ana\"\r\nsituation = \"S2\"\r\n");
        const std::string multi = splice(text, "situation", std::string("a\nb"));
        CHECK(multi.find("a\r\nb") != std::string::npos);
        const toml::table table = parse_toml(multi, "f.toml");
        CHECK(table["situation"].value<std::string>() == "a\nb"); // the value is unchanged
        CHECK(in_line_endings_of("a = 1\n", "b = 2\n") == "b = 2\n");
    }
}
