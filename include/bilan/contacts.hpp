// Contact details: a beneficiary's or a practice's e-mail address and telephone number, checked
// and normalised as typed (`set email`, `set telephone`, `practice set email|telephone`).
// Personal data: no document prints them but the e-mail drafts that need them (`message`).
#pragma once

#include <string>
#include <string_view>

namespace bilan {

// An address with exactly one `@`, a local part and a dotted domain (no empty label, no label
// starting or ending with a dash), printable ASCII without spaces nor the characters that end
// an address in a header (`<>()[],;:"\`); returned as typed. UsageError naming it otherwise.
std::string parse_email(std::string_view text);

// Whose numbers a national form (starting with 0) is: France (+33) or Belgium (+32).
enum class PhoneCountry { france, belgium };

// A French or Belgian number as people type it (06 12 34 56 78, 0612345678, 06.12.34.56.78,
// +33612345678, 0033 6 12 34 56 78, +33 (0)6…), normalised to its international form grouped
// as the country reads it: "+33 6 12 34 56 78", "+32 470 12 34 56", "+32 2 123 45 67",
// "+32 71 12 34 56". A national number is `national`'s. UsageError naming it otherwise.
std::string parse_phone(std::string_view text, PhoneCountry national = PhoneCountry::france);

// A session's video link: http:// or https:// then a host, printable ASCII without spaces,
// quotes or angle brackets (it goes into a calendar and an e-mail as it is); returned as typed.
// UsageError naming it otherwise.
std::string parse_link(std::string_view text);

} // namespace bilan
