// src/core/csv.cpp: the one cell function every CSV bilan writes goes through.
#include "bilan/csv.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("csv") {
    TEST_CASE("a plain cell and a number are written as they are") {
        CHECK(csv_cell("bilans") == "bilans");
        CHECK(csv_cell("") == "");
        CHECK(csv_cell("1200") == "1200");
        CHECK(csv_cell("-3") == "-3");
        CHECK(csv_cell("4.25") == "4.25");
        CHECK(csv_cell("Chloé") == "Chloé");
    }

    TEST_CASE("RFC 4180: a comma, a quote or a line break quotes the cell, quotes doubled") {
        CHECK(csv_cell("a,b") == "\"a,b\"");
        CHECK(csv_cell("dit \"oui\"") == "\"dit \"\"oui\"\"\"");
        CHECK(csv_cell("x\r\nbilans,9999") == "\"x\r\nbilans,9999\"");
        CHECK(csv_cell("a\nb") == "\"a\nb\"");
    }

    TEST_CASE("what a spreadsheet would take for a formula gets a leading quote") {
        CHECK(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
        CHECK(csv_cell("+33 6") == "'+33 6");
        CHECK(csv_cell("-2+3") == "'-2+3");
        CHECK(csv_cell("-") == "'-");
        CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
        CHECK(csv_cell("\tx") == "'\tx");
        CHECK(csv_cell("\rx") == "\"'\rx\"");
        CHECK(csv_cell("-1.") == "'-1.");
        CHECK(csv_cell("a=b") == "a=b"); // only the first character makes a formula
    }

    TEST_CASE("a row: cells joined by commas, CRLF at the end, an empty cell kept") {
        CHECK(csv_row({"indicateur", "valeur"}) == "indicateur,valeur\r\n");
        CHECK(csv_row({"", "x,y", ""}) == ",\"x,y\",\r\n");
    }
}
