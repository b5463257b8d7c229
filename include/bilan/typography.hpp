// French typography for every document bilan writes (the synthesis, the attendance sheet, the
// certificate), in one place so that they all read alike. Terminal output keeps its own,
// plainer format. The rules only ever set spaces and the text bilan generates: the letters a
// person typed are never changed. Apostrophes: bilan's own text uses the straight one ('),
// everywhere, and a person's text keeps whichever they typed.
#pragma once

#include <string>
#include <string_view>

namespace bilan::typo {

// The no-break space (U+00A0), also before high punctuation and inside « », where French
// usage may prefer the narrow one (U+202F): groff, which turns the documents into PDF on a
// bare Debian (README), has no glyph for the narrow one and would drop it.
inline constexpr std::string_view nbsp = "\u00A0";

// A duration: "24 h", "16 h 30", "1 h 05", "45 min", "0 h", a no-break space before and
// after "h" so that a line never breaks inside it.
std::string hours(int minutes);
// A time of day: "9 h 30", "14 h 00".
std::string time_of_day(int hour, int minute);

// `label` with an aside in parentheses, never two in a row: ("Suivi", "hors bilan") gives
// "Suivi (hors bilan)", ("Suivi (phase 4)", "hors bilan") gives "Suivi (phase 4, hors bilan)".
std::string with_aside(std::string_view label, std::string_view aside);

// A heading bilan makes of a word a person typed (a skill's domain): its first letter upper-
// cased, like the built-in headings beside it ("Numérique" beside "Organisationnel"), when its
// first word is a plain lower-case word; otherwise as typed ("http://x", "iPhone", "RH").
std::string heading_case(std::string_view text);

// `word` ("de", "que", "le", "la", "je", "ne", "se") as it goes before `next`, a name a person
// typed: elided before a vowel, "y" or "h", the apostrophe joining them ("d'", "qu'"), else
// followed by a space ("de "). Before "h" bilan always elides ("d'Hélène", "d'Hugo"), the
// usage of names whatever their h, rather than guess which h is aspirated. Anything else
// first (a quote, a digit, a "<") leaves the word whole.
std::string elided(std::string_view word, std::string_view next);

// A finished Markdown document with French spacing: the space before « : », « ; », « ! »,
// « ? » (escaped or not) becomes a no-break space, and so do the spaces inside « »;
// none is added where there was none (a URL, a time 09:30, a Markdown table's :---).
std::string document(std::string_view markdown);

} // namespace bilan::typo
