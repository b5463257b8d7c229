// Markdown for the synthesis: escaping what a person typed so that it can never change the
// document's structure, in CommonMark and in pandoc's Markdown (the two engines that read it),
// and a small writer that lays out blocks with the blank lines both engines need.
#pragma once

#include "bilan/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan::md {

// A text a person typed, as inline Markdown that reads back as exactly that text: every
// character with a meaning (emphasis, code, links, HTML, entities, pandoc's math, citations,
// notes, attributes…) is backslash-escaped, and what would open a block at the start of a
// line (heading, list, quote, table, setext underline, definition…) is neutralised. The text
// keeps its layout as far as Markdown allows: lines are joined by hard line breaks, blank lines
// between them make one paragraph break, each followed by `indent` so that the text stays in
// its paragraph or list item (give the list item's indentation, "  " for "- "); what a line is
// indented by beyond the text's common margin becomes no-break spaces. Spaces at the end of a
// line, blank lines at the start and end, and control characters (as spaces) are dropped.
std::string text(std::string_view raw, std::string_view indent = "");

// The same on one line (newlines become spaces): for headings, bold spans and table cells.
std::string line(std::string_view raw);

// A YAML scalar for pandoc's metadata block: single-quoted (no YAML escape can apply) and, as
// pandoc reads metadata strings as Markdown, escaped with line().
std::string yaml_value(std::string_view raw);

// True when a text holds nothing but spaces and newlines: shown as absent.
bool blank(std::string_view text);

// Upper-cases the first letter (ASCII or a French accented one): "économie" -> "Économie".
std::string capitalized(std::string_view text);

// What a person fills in by hand on a printed document when the folder does not say it.
inline constexpr std::string_view to_fill = "……………………";
// `markdown` (already Markdown: escape typed text with line() first) in a bold span.
std::string bold(std::string_view markdown);
// A typed text on one line (line()), or the dots to fill in by hand when it is blank.
std::string line_or_fill(std::string_view raw);

// Lays out Markdown blocks separated by one blank line. Everything given is already Markdown:
// callers escape the parts a person typed with text() or line().
class Writer {
public:
    void heading(int level, std::string_view markdown);
    void paragraph(std::string_view markdown);
    // A bullet list; continuation lines of an item must be indented by two spaces.
    void list(const std::vector<std::string>& items);
    // The same list item by item, for a long one: begin_list(), then item() for each.
    void begin_list();
    void item(std::string_view markdown);
    // A pipe table (pandoc, GFM); cells are one line each. `align` holds 'l' or 'r' per column.
    void table(const std::vector<std::string>& header, std::string_view align,
               const std::vector<std::vector<std::string>>& rows);
    // Lines written as given, e.g. the metadata block.
    void raw(std::string_view lines);
    const std::string& str() const { return out_; }

private:
    void start_block();
    std::string out_;
};

// What heads and closes every document of a bilan (the synthesis, the attendance sheet and the
// certificate): who it is for, who wrote it, and when it was handed over. One place, so
// that every document names them alike and escapes them alike.
struct Letterhead {
    std::string title;       // "Bilan de compétences : document de synthèse"
    std::string subtitle;    // empty: none
    std::string beneficiary; // the subject: the results are theirs, the words the counsellor's
    std::string author; // empty: the counsellor and the provider; the provider's documents name it
    std::string provider;     // empty when not recorded
    std::string counsellor;   // empty when not recorded
    std::optional<Date> date; // the day it was handed over; never the clock

    // The bilan's people and end date under `title`.
    static Letterhead of(const BilanRecord& bilan, std::string title);
};

// pandoc's metadata block: title, subtitle, author (the counsellor and the provider), subject
// and beneficiary (the beneficiary), provider, counsellor, date,
// lang (the absent ones left out).
void front_matter(Writer& w, const Letterhead& head);
// A rule, then "*<made> par Conseillère (Cabinet) pour Bénéficiaire, remis le 4 mai 2026.*";
// `made` is Markdown, e.g. "Document de synthèse établi".
void closing(Writer& w, std::string_view made, const Letterhead& head);

} // namespace bilan::md
