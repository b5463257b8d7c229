// Letters compared as a person reads them, however they were typed: the Unicode folding of
// names (ICU's normalisation and case folding, src/core/letters.cpp, the only ICU user).
#pragma once

#include <string>
#include <string_view>

namespace bilan {

// `text` (UTF-8) with its compatibility forms spelled out (NFKC: "Ⅻ" -> "xii", full-width
// letters, ligatures), its case folded in every script ("ΑΘΗΝΑ" -> "αθηνα", "Straße" ->
// "strasse"), and the accents of its letters dropped ("Łódź" -> "łodz", "Ёлка" -> "елка");
// letters without an accent to drop ("ł", "ø") stay. Bytes that are not UTF-8 are dropped
// first, as a file name drops them.
std::string fold_letters(std::string_view text);

} // namespace bilan
