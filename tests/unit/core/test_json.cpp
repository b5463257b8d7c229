// src/core/json.cpp: the escaper every JSON output goes through.
#include "bilan/json.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("json") {
    TEST_CASE("UTF-8 passes through, quotes and controls are escaped") {
        CHECK(json_escape("Chloé \"jo\"\\") == "\"Chloé \\\"jo\\\"\\\\\"");
        CHECK(json_escape("a\nb\tc\x1b") == "\"a\\nb\\tc\\u001b\"");
        CHECK(json_escape("\xc2\x9b x \xe2\x80\xae") == "\"\\u009b x \\u202e\"");
        CHECK(json_escape("€ 𝄞") == "\"€ 𝄞\"");
    }

    TEST_CASE("a byte that is not UTF-8 is U+FFFD, one per byte, never raw") {
        CHECK(json_escape("lat\xe9") == "\"lat\\ufffd\""); // Latin-1 é
        CHECK(json_escape("\xe9t\xe9") == "\"\\ufffdt\\ufffd\"");
        CHECK(json_escape("\xc3") == "\"\\ufffd\"");            // cut short at the end
        CHECK(json_escape("\xc3(") == "\"\\ufffd(\"");          // lead without its follower
        CHECK(json_escape("\xc0\xaf") == "\"\\ufffd\\ufffd\""); // overlong '/'
        CHECK(json_escape("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\""); // a surrogate
        CHECK(json_escape("\xff\xfe") == "\"\\ufffd\\ufffd\"");
        CHECK(json_escape("\xe2\x80") == "\"\\ufffd\\ufffd\""); // a control cut short
    }

    TEST_CASE("the writer escapes keys and values alike") {
        JsonWriter json;
        json.begin_object().field("d\xe9", std::string_view("x\xe9")).end_object();
        CHECK(json.str() == "{\n  \"d\\ufffd\": \"x\\ufffd\"\n}\n");
    }
}
