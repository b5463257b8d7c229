#include "bilan/typography.hpp"

#include <doctest/doctest.h>

using namespace bilan;

namespace {
// Shows the no-break spaces: "_" for U+00A0, "~" for U+202F.
std::string shown(std::string text) {
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"\u00A0", "_"},
                                   std::pair<std::string, std::string>{"\u202F", "~"}})
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
            text.replace(at, from.size(), to);
    return text;
}
} // namespace

TEST_SUITE("typography") {
    TEST_CASE("hours are written with no-break spaces, minutes on two digits") {
        CHECK(shown(typo::hours(24 * 60)) == "24_h");
        CHECK(shown(typo::hours(16 * 60 + 30)) == "16_h_30");
        CHECK(shown(typo::hours(65)) == "1_h_05");
        CHECK(shown(typo::hours(45)) == "45_min");
        CHECK(shown(typo::hours(0)) == "0_h");
        CHECK(shown(typo::hours(-90)) == "-1_h_30");
        CHECK(shown(typo::time_of_day(9, 5)) == "9_h_05");
    }

    TEST_CASE("elision before a name: a vowel, y or h; never before anything else") {
        CHECK(typo::elided("de", "Amélie Roux") == "d'");
        CHECK(typo::elided("que", "Yves") == "qu'");
        CHECK(typo::elided("de", "Émile") == "d'");
        CHECK(typo::elided("de", "Œdipe") == "d'");
        CHECK(typo::elided("de", "île") == "d'");
        CHECK(typo::elided("de", "Hélène") == "d'"); // bilan's choice: always before h
        CHECK(typo::elided("la", "Hugo") == "l'");
        CHECK(typo::elided("de", "Claire Martin") == "de ");
        CHECK(typo::elided("que", "Ça") == "que ");
        CHECK(typo::elided("de", "« Ève »") == "de "); // a quote first: as typed
        CHECK(typo::elided("de", "") == "de ");
        CHECK(typo::elided("de", "1er") == "de ");
    }

    TEST_CASE("an aside never makes two parentheses in a row") {
        CHECK(typo::with_aside("Suivi", "hors bilan") == "Suivi (hors bilan)");
        CHECK(typo::with_aside("Suivi (phase 4)", "hors bilan") == "Suivi (phase 4, hors bilan)");
    }

    TEST_CASE("a no-break space before high punctuation and inside guillemets") {
        CHECK(shown(typo::document("**Motif :** oui ; non ! vraiment ?\n")) ==
              "**Motif_:** oui_; non_! vraiment_?\n");
        CHECK(shown(typo::document("le « titre » cité")) == "le «_titre_» cité");
        CHECK(shown(typo::document("Bravo \\! fin")) == "Bravo_\\! fin"); // escaped by md::line
        CHECK(shown(typo::document("Rencontre :\\\nsuite")) ==
              "Rencontre_:\\\nsuite"); // hard break
    }

    TEST_CASE("a domain heading is capitalised when it is a plain word") {
        CHECK(typo::heading_case("numérique") == "Numérique");
        CHECK(typo::heading_case("économie sociale") == "Économie sociale");
        CHECK(typo::heading_case("it's ok") == "It's ok");
        CHECK(typo::heading_case("http://x") == "http://x");
        CHECK(typo::heading_case("iPhone") == "iPhone");
        CHECK(typo::heading_case("") == "");
    }

    TEST_CASE("no space is added, and Markdown and URLs are left alone") {
        for (const char* unchanged : {"http://x.fr", "à 09:30", "|:---|---:|", "title: 'x'",
                                      "Motif: collé", "a :b", "\n: définition", "«x»"})
            CHECK(typo::document(unchanged) == unchanged);
        CHECK(typo::document("") == "");
    }
}
