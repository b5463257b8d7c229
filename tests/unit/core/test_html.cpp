// html::page: bilan's Markdown as a page to print. What a person typed stays text, whatever
// it holds; the forms' boxes and signature cells are the style sheet's; the same Markdown gives
// the same bytes.
#include "bilan/html.hpp"
#include "bilan/markdown.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace bilan;

namespace {

bool has(const std::string& page, std::string_view part) {
    return page.find(part) != std::string::npos;
}

std::size_t count(const std::string& page, std::string_view part) {
    std::size_t n = 0;
    for (std::size_t at = page.find(part); at != std::string::npos; at = page.find(part, at + 1))
        ++n;
    return n;
}

const std::string front = "---\ntitle: 'Feuille d''émargement'\nauthor:\n- 'Hélène Rocher'\n"
                          "- 'Cabinet \\<Horizons>'\nsubject: 'Claire \\*Martin\\*'\nlang: fr\n"
                          "---\n\n";

} // namespace

TEST_SUITE("html") {
    TEST_CASE("the metadata block gives the title, the authors and the language") {
        const std::string page = html::page(front + "Texte.\n", {});
        CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">",
                         0) == 0);
        CHECK(has(page, "<title>Feuille d'émargement</title>"));
        CHECK(has(page,
                  "<meta name=\"author\" content=\"Hélène Rocher, Cabinet &lt;Horizons&gt;\">"));
        CHECK(has(page, "<meta name=\"description\" content=\"Claire *Martin*\">"));
        CHECK_FALSE(has(page, "<header>")); // a form opens with its own heading
        CHECK(has(page, "<p>Texte.</p>"));
        CHECK(page.ends_with("</body>\n</html>\n"));
    }

    TEST_CASE("the synthesis' heading comes from its metadata") {
        const std::string page = html::page(front + "## Circonstances\n", {.title_block = true});
        CHECK(has(page, "<header>\n<h1>Feuille d'émargement</h1>\n"
                        "<p class=\"author\">Hélène Rocher<br>\nCabinet &lt;Horizons&gt;</p>\n"
                        "</header>\n<h2>Circonstances</h2>\n"));
    }

    TEST_CASE("a typed text is text: no element, no entity, no script") {
        const std::string typed = "<script>alert(\"x\")</script> & *gras* \\ | # [l](u)";
        const std::string page = html::page("- " + md::text(typed, "  ") + "\n", {});
        CHECK(has(page, "<li>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *gras* "
                        "\\ | # [l](u)</li>"));
        CHECK_FALSE(has(page, "<script"));
        CHECK_FALSE(has(page, "<em>"));
    }

    TEST_CASE("hard line breaks, paragraphs of an item, spans that nest") {
        const std::string page =
            html::page("**Intitulé**\\\nBilan\n\n- un\\\n  deux\n\n  trois\n- quatre\n\n"
                       "**a *b** c*\n\n**ouvert\n",
                       {});
        CHECK(has(page, "<p><strong>Intitulé</strong><br>\nBilan</p>"));
        CHECK(has(page, "<ul>\n<li><p>un<br>\ndeux</p><p>trois</p></li>\n<li>quatre</li>\n</ul>"));
        CHECK(has(page, "<p><strong>a <em>b</em></strong><em> c</em></p>"));
        CHECK(has(page, "<p><strong>ouvert</strong></p>"));
    }

    TEST_CASE("the certificate's natures are boxes the style sheet draws") {
        const std::string page =
            html::page("- [ ] action de formation\n- [x] bilan de compétences\n", {});
        CHECK(has(page, "<ul class=\"tasks\">\n<li><span class=\"box\"></span>action de "
                        "formation</li>\n<li><span class=\"box checked\"></span>bilan de "
                        "compétences</li>\n</ul>"));
        CHECK(has(page, ".box.checked { background:"));
        CHECK_FALSE(has(page, "☒"));
    }

    TEST_CASE("a table: header repeated on each page, signature cells, right-aligned amounts") {
        const std::string page = html::page("| Date | Montant | Signature bénéficiaire |\n"
                                            "|:---|---:|:---|\n"
                                            "| lundi | 1 800 € |  |\n"
                                            "| a \\| b |  |  |\n",
                                            {.landscape = true});
        CHECK(has(page, "<table>\n<thead>\n<tr><th>Date</th><th class=\"right\">Montant</th>"
                        "<th class=\"signature\">Signature bénéficiaire</th></tr>\n</thead>\n"));
        CHECK(has(page, "<tr><td>lundi</td><td class=\"right\">1 800 €</td>"
                        "<td class=\"signature\"></td></tr>\n"));
        CHECK(has(page, "<tr><td>a | b</td>"));
        CHECK(has(page, "thead { display: table-header-group; }"));
        CHECK(has(page, "td.signature { height: 15mm; }"));
        CHECK(has(page, "@page { size: A4 landscape; }"));
        CHECK_FALSE(has(html::page("x\n", {}), "landscape"));
    }

    TEST_CASE("room to sign under the convention's signature lines") {
        const std::string page =
            html::page("**Pour l'employeur**\\\nPaul Durand\\\nSignature :\n", {});
        CHECK(has(page, "<p class=\"signature\"><strong>Pour l'employeur</strong>"));
        CHECK(has(page, "p.signature::after { content: \"\"; display: block; height: 30mm; }"));
        // As the documents write it: a no-break space before the colon (found on the page).
        CHECK(has(html::page("Paul Durand\\\nSignature\u00a0:\n", {}), "<p class=\"signature\">"));
        CHECK_FALSE(has(html::page("Signature électronique :\n", {}), "class=\"signature\""));
    }

    TEST_CASE("a form's note, \"(1) …\", is set small below a rule") {
        const std::string page = html::page(
            "pour une durée de **20 h** (1).\n\n(1) Pour les formations à distance.\n", {});
        CHECK(has(page, "<p>pour une durée de <strong>20 h</strong> (1).</p>"));
        CHECK(has(page, "<p class=\"note\">(1) Pour les formations à distance.</p>"));
        CHECK(has(page, "p.note { font-size: 8.5pt;"));
        CHECK_FALSE(has(html::page("(10 h) au total\n", {}), "class=\"note\""));
        CHECK_FALSE(has(html::page("(a) une liste\n", {}), "class=\"note\""));
    }

    TEST_CASE("quotes, rules, headings; page numbers in French") {
        const std::string page = html::page("> **Confidentiel.** Texte\n\n* * *\n\n### Titre\n\n"
                                            "\\# pas un titre\n",
                                            {});
        CHECK(has(page, "<blockquote>\n<p><strong>Confidentiel.</strong> Texte</p>\n"
                        "</blockquote>\n<hr>\n<h3>Titre</h3>\n<p># pas un titre</p>\n"));
        CHECK(has(page, "content: \"page \" counter(page) \" sur \" counter(pages)"));
        CHECK(count(page, "<style>") == 1);
        CHECK_FALSE(has(page, "http"));
        CHECK(html::page("> a\n", {}) == html::page("> a\n", {}));
    }
}
