// The identifiers of a training provider: the SIRET of its establishment (SIRENE register) and
// its numéro de déclaration d'activité (NDA, given on declaring the activity; it lapses under
// L6351-6). Typed as people write them, with spaces.
#pragma once

#include <string>
#include <string_view>

namespace bilan {

// The 14 digits of a SIRET whose check digit is right (Luhn over all 14 digits; La Poste's
// establishments, SIREN 356000000, pass when their digits add up to a multiple of 5). Spaces
// and dots between digit groups are dropped. UsageError naming the expected form otherwise.
std::string parse_siret(std::string_view text);

// The 11 digits of an NDA (spaces dropped). UsageError naming the expected form otherwise.
std::string parse_nda(std::string_view text);

// Whether 14 digits pass the SIRET check (no spaces).
bool siret_check_passes(std::string_view digits);
// A Belgian enterprise number (BCE/KBO) as written ("0123.456.749", spaces or dots or none),
// as the register writes it: 0123.456.749. UsageError unless 10 digits, the first 0 or 1,
// whose last two are 97 minus the first eight modulo 97.
std::string parse_bce(std::string_view text);
bool bce_check_passes(std::string_view digits);

} // namespace bilan
