// src/core/contacts.cpp: the e-mail addresses and telephone numbers `set` and `practice set`
// accept, and the form they are stored in.
#include "bilan/contacts.hpp"
#include "bilan/errors.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("contacts") {
    TEST_CASE("an address with one @ and a dotted domain is kept as typed") {
        CHECK(parse_email("anne.roux@exemple.fr") == "anne.roux@exemple.fr");
        CHECK(parse_email("Anne+bilan@mail.exemple-asso.org") ==
              "Anne+bilan@mail.exemple-asso.org");
    }

    TEST_CASE("anything a header could misread is refused") {
        for (const char* bad : {"",
                                "anne",
                                "anne@",
                                "@exemple.fr",
                                "anne@exemple",
                                "a@b@exemple.fr",
                                "anne roux@exemple.fr",
                                "anne@exemple..fr",
                                "anne@.exemple.fr",
                                "anne@exemple.fr.",
                                ".anne@exemple.fr",
                                "an..ne@exemple.fr",
                                "anne@-exemple.fr",
                                "anne@exemple-.fr",
                                "anne@exe_mple.fr",
                                "anne@exemple.fr\r\nBcc: x@y.fr",
                                "Anne <anne@exemple.fr>",
                                "anne,paul@exemple.fr",
                                "anne;@exemple.fr",
                                "\"anne\"@exemple.fr",
                                "anne:x@exemple.fr",
                                "anné@exemple.fr",
                                "anne@exemple.fr\t"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS(parse_email(bad), UsageError);
        }
    }

    TEST_CASE("French numbers, however typed, in their international form") {
        for (const char* typed :
             {"06 12 34 56 78", "0612345678", "+33612345678", "06.12.34.56.78", "06-12-34-56-78",
              "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+33 6 12 34 56 78"}) {
            CAPTURE(typed);
            CHECK(parse_phone(typed) == "+33 6 12 34 56 78");
        }
        CHECK(parse_phone("01 23 45 67 89") == "+33 1 23 45 67 89");
        CHECK(parse_phone("09 70 12 34 56") == "+33 9 70 12 34 56");
    }

    TEST_CASE("Belgian numbers: mobiles, one- and two-digit zones") {
        CHECK(parse_phone("+32 470 12 34 56") == "+32 470 12 34 56");
        CHECK(parse_phone("0470123456", PhoneCountry::belgium) == "+32 470 12 34 56");
        CHECK(parse_phone("02 123 45 67", PhoneCountry::belgium) == "+32 2 123 45 67");
        CHECK(parse_phone("+3242234567") == "+32 4 223 45 67");
        CHECK(parse_phone("071 12 34 56", PhoneCountry::belgium) == "+32 71 12 34 56");
        // A national number is the country's asked for; an international one says its own.
        CHECK(parse_phone("04 72 12 34 56") == "+33 4 72 12 34 56");
        CHECK(parse_phone("+33 4 72 12 34 56", PhoneCountry::belgium) == "+33 4 72 12 34 56");
    }

    TEST_CASE("a video link is http or https, a host, and nothing a calendar could misread") {
        CHECK(parse_link("https://visio.exemple.fr/salle-12?pwd=abc#x") ==
              "https://visio.exemple.fr/salle-12?pwd=abc#x");
        CHECK(parse_link("http://meet.exemple.fr") == "http://meet.exemple.fr");
        for (const char* bad :
             {"", "visio.exemple.fr", "ftp://x.fr", "https://", "https:///a", "https://x.fr/a b",
              "https://x.fr/\r\nBcc", "https://x.fr/\"a\"", "https://x.fr/<a>", "https://x.fr/é"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS(parse_link(bad), UsageError);
        }
    }

    TEST_CASE("other numbers and stray characters are refused") {
        for (const char* bad :
             {"", "12345", "06 12 34 56", "06 12 34 56 78 9", "+44 20 7946 0958", "6 12 34 56 78",
              "06 12 34 56 7a", "+33 0 6 12 34 56 78", "+32 12", "06 12 34 56 78\n",
              "+33+612345678", "(0)6 12 34 56 78", "06/12/34/56/78"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS(parse_phone(bad), UsageError);
        }
    }
}
