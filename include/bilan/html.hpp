// Paper from bilan's documents: the Markdown they are written in (md::Writer's blocks, a
// pandoc metadata block first) as one self-contained HTML page with its print style sheet — A4,
// margins, "page 2 sur 3" — that a browser prints and WeasyPrint typesets to PDF. No script,
// no font, image or link to fetch; every text a person typed stays text (the Markdown escaped
// it, the page escapes it again for HTML). The same Markdown gives the same bytes.
#pragma once

#include <string>
#include <string_view>

namespace bilan::html {

struct Layout {
    // The attendance sheet: its seven columns and room to sign need the page's width.
    bool landscape = false;
    // The title, subtitle, author and date of the metadata block as the page's heading: the
    // synthesis has no other; the forms (sheet, certificate, convention) open with their own.
    bool title_block = false;
};

// The page. Understood: headings, paragraphs and hard line breaks, bold and italic spans,
// backslash escapes, bullet and task lists (`- [x]` as a box the style sheet draws, never a
// glyph a font may lack), pipe tables (a "Signature…" column gets cells to sign in), block
// quotes, thematic breaks; a paragraph that ends with "Signature :" gets room to sign.
std::string page(std::string_view markdown, const Layout& layout);

} // namespace bilan::html
