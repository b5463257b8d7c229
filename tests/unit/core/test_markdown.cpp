#include "bilan/markdown.hpp"

#include <doctest/doctest.h>

using namespace bilan;

TEST_SUITE("markdown") {
    TEST_CASE("inline syntax is escaped everywhere in a line") {
        CHECK(md::text("*gras* _it_ `code`") == "\\*gras\\* \\_it\\_ \\`code\\`");
        CHECK(md::text("[lien](http://x) ![img](y)") == "\\[lien\\](http://x) !\\[img\\](y)");
        CHECK(md::text("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>");
        CHECK(md::text("a | b") == "a \\| b");
        CHECK(md::text("C:\\dossier") == "C:\\\\dossier");
        CHECK(md::text("fin ## ") == "fin \\#\\#");
        CHECK(md::text("~~barré~~ x^2^ $x$ @dupont {#id}") ==
              "\\~\\~barré\\~\\~ x\\^2\\^ \\$x\\$ \\@dupont \\{\\#id\\}");
    }

    TEST_CASE("entities are escaped but a lone ampersand is left alone") {
        CHECK(md::text("Lemoine & Associés") == "Lemoine & Associés");
        CHECK(md::text("&amp; &#35; &copy;") == "\\&amp; \\&\\#35; \\&copy;");
    }

    TEST_CASE("what opens a block at the start of a line is neutralised") {
        CHECK(md::text("# Titre") == "\\# Titre");
        CHECK(md::text("- tiret") == "\\- tiret");
        CHECK(md::text("+ plus") == "\\+ plus");
        CHECK(md::text("> citation") == "\\> citation");
        CHECK(md::text("---") == "\\---");
        CHECK(md::text("===") == "\\===");
        CHECK(md::text(": définition") == "\\: définition");
        CHECK(md::text("(a) lettre") == "\\(a) lettre");
        CHECK(md::text("1. liste") == "1\\. liste");
        CHECK(md::text("2026) année") == "2026\\) année");
        CHECK(md::text("b. lettre") == "b\\. lettre");
        CHECK(md::text("iv) romain") == "iv\\) romain");
        CHECK(md::text("A.  Dupont") == "A\\.  Dupont");
    }

    TEST_CASE("ordinary sentences are left readable") {
        CHECK(md::text("Mme. Dupont, 3.5 ans - très bien (oui) : 10 % > 5") ==
              "Mme. Dupont, 3.5 ans - très bien (oui) : 10 % > 5");
        CHECK(md::text("Plan d'action à 2 ans.") == "Plan d'action à 2 ans.");
        CHECK(md::text("abc.") == "abc.");
    }

    TEST_CASE("lines stay in their block, joined by hard line breaks") {
        CHECK(md::text("un\ndeux", "  ") == "un\\\n  deux");
        CHECK(md::text("un\r\ndeux\rtrois", "  ") == "un\\\n  deux\\\n  trois");
        CHECK(md::text("    code indenté") == "code indenté");
        CHECK(md::text("fin\\\nsuite") == "fin\\\\\\\nsuite");
        CHECK(md::text(" \n \t ") == "");
    }

    TEST_CASE("a blank line is a paragraph break inside the same block") {
        CHECK(md::text("un\n\ndeux", "  ") == "un\n\n  deux");
        CHECK(md::text("un\r\n\r\n \t\n\ndeux") == "un\n\ndeux"); // one break, however many
        CHECK(md::text("\n\nun\n\n") == "un");                    // none at the ends
        // Each paragraph starts a line: what would open a block there is still neutralised.
        CHECK(md::text("un\n\n# titre\n\n- tiret\n\n1. liste", "  ") ==
              "un\n\n  \\# titre\n\n  \\- tiret\n\n  1\\. liste");
    }

    TEST_CASE("indentation beyond the text's margin stays, as no-break spaces") {
        auto nbsp = [](std::size_t n) {
            std::string out;
            while (n--)
                out += "\xc2\xa0"; // U+00A0
            return out;
        };
        CHECK(md::text("Points :\n  - un\n\t- deux", "  ") ==
              "Points :\\\n  " + nbsp(2) + "\\- un\\\n  " + nbsp(4) + "\\- deux");
        CHECK(md::text("  a\n    b") == "a\\\n" + nbsp(2) + "b");
        CHECK(md::text("  a  \n  b") == "a\\\nb");
        CHECK(md::text("un\n        code indenté") == "un\\\n" + nbsp(8) + "code indenté");
        CHECK(md::text("un\n\n   > citation") == "un\n\n" + nbsp(3) + "\\> citation");
    }

    TEST_CASE("control characters never reach the document") {
        CHECK(md::text(std::string("a\x01"
                                   "b\tc\x7f",
                                   6)) == "a b c");
        CHECK(md::line(std::string("a\0b", 3)) == "a b");
    }

    TEST_CASE("line joins every line with spaces") {
        CHECK(md::line("Formatrice\n# d'adultes") == "Formatrice \\# d'adultes");
        CHECK(md::line("- un\n- deux") == "\\- un - deux");
    }

    TEST_CASE("yaml values are single-quoted and escaped for pandoc") {
        CHECK(md::yaml_value("Claire Martin") == "'Claire Martin'");
        CHECK(md::yaml_value("Jeanne d'Arc") == "'Jeanne d''Arc'");
        CHECK(md::yaml_value("x\n---\ntitle: y") == "'x --- title: y'");
        CHECK(md::yaml_value("- *liste*") == "'\\- \\*liste\\*'");
        CHECK(md::yaml_value("\"a\" \\ b") == "'\"a\" \\\\ b'");
    }

    TEST_CASE("capitalized handles French accents") {
        CHECK(md::capitalized("économie") == "Économie");
        CHECK(md::capitalized("technique") == "Technique");
        CHECK(md::capitalized("Déjà") == "Déjà");
        CHECK(md::capitalized("") == "");
    }

    TEST_CASE("blank text") {
        CHECK(md::blank(""));
        CHECK(md::blank(" \n\t"));
        CHECK_FALSE(md::blank(" a "));
    }

    TEST_CASE("the writer separates blocks with one blank line") {
        md::Writer w;
        w.raw("---\nlang: fr\n---\n");
        w.heading(2, "Titre");
        w.paragraph("Texte.");
        w.list({"un", "deux\\\n  suite"});
        w.list({});
        w.table({"A", "B"}, "lr", {{"x", "1"}});
        CHECK(w.str() == "---\nlang: fr\n---\n\n## Titre\n\nTexte.\n\n- un\n- deux\\\n  suite\n\n"
                         "| A | B |\n|:---|---:|\n| x | 1 |\n");
    }

    TEST_CASE("the author is the counsellor and the provider, the beneficiary the subject") {
        BilanRecord b;
        b.beneficiary = "Claire Martin";
        b.counsellor = "Hélène Rocher";
        b.organisation = "Cabinet";
        md::Writer w;
        md::front_matter(w, md::Letterhead::of(b, "Synthèse"));
        CHECK(w.str() == "---\ntitle: 'Synthèse'\nauthor:\n- 'Hélène Rocher'\n- 'Cabinet'\n"
                         "subject: 'Claire Martin'\nbeneficiary: 'Claire Martin'\n"
                         "provider: 'Cabinet'\ncounsellor: 'Hélène Rocher'\nlang: fr\n---\n");
        b.counsellor.clear();
        b.organisation.clear();
        md::Writer alone;
        md::front_matter(alone, md::Letterhead::of(b, "Synthèse"));
        CHECK(alone.str() == "---\ntitle: 'Synthèse'\nsubject: 'Claire Martin'\n"
                             "beneficiary: 'Claire Martin'\nlang: fr\n---\n");
    }

    TEST_CASE("every document is headed and closed alike, what a person typed escaped") {
        BilanRecord b;
        b.beneficiary = "Claire *Martin*";
        b.organisation = "Cabinet";
        b.end = Date{2026, 5, 4};
        md::Letterhead head = md::Letterhead::of(b, "Feuille d'émargement");
        md::Writer w;
        md::front_matter(w, head);
        md::closing(w, "Feuille établie", head);
        CHECK(w.str() == "---\ntitle: 'Feuille d''émargement'\nauthor: 'Cabinet'\n"
                         "subject: 'Claire \\*Martin\\*'\n"
                         "beneficiary: 'Claire \\*Martin\\*'\nprovider: 'Cabinet'\n"
                         "date: '4 mai 2026'\nlang: fr\n---\n\n* * *\n\n*Feuille établie par "
                         "Cabinet pour Claire \\*Martin\\*, remis le 4 mai 2026.*\n");
    }

    TEST_CASE("what a printed document leaves to fill in by hand, and its bold spans") {
        CHECK(md::line_or_fill("") == "……………………");
        CHECK(md::line_or_fill(" \n\t") == "……………………");
        CHECK(md::line_or_fill("Cabinet *Horizons*\nParis") == "Cabinet \\*Horizons\\* Paris");
        CHECK(md::bold(md::line_or_fill("")) == "**……………………**");
        CHECK(md::bold("Bilan") == "**Bilan**");
    }
}
