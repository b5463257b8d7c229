// An e-mail draft (RFC 5322, MIME) as bilan writes it for `bilan message`: UTF-8 text in
// quoted-printable, an optional attachment in base64, `X-Unsent: 1` so that a mail program opens
// it as a draft. Every header is built here from values: a name or a subject is RFC 2047
// encoded and can never start a header of its own. Nothing comes from the clock.
#pragma once

#include "bilan/values.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace bilan::mail {

// A header value as RFC 2047 encoded words ("=?UTF-8?B?…?="), each at most 75 characters and
// cut between UTF-8 characters, separated by a folding CRLF and space; control characters
// (line breaks included) become spaces first. Printable ASCII without "=?" stays as it is.
std::string header_text(std::string_view text);
// A mailbox: `name <address>` with the name encoded (header_text), or the address alone.
// `address` must have been checked (parse_email).
std::string mailbox(std::string_view name, std::string_view address);
// The body as quoted-printable (RFC 2045): CRLF line ends, lines of at most 76 characters.
std::string quoted_printable(std::string_view text);
// Base64 (RFC 2045) in lines of 76 characters, each ended by CRLF.
std::string base64(std::string_view bytes);
// "Fri, 27 Mar 2026 09:00:00 +0100" (RFC 5322 3.3): a local time and its offset from UTC.
std::string date_header(const Date& date, const TimeOfDay& time, int utc_offset_minutes);

struct Attachment {
    std::string file_name;    // ASCII: "seance.ics"
    std::string content_type; // "text/calendar; charset=UTF-8; method=REQUEST"
    std::string content;
};

struct Draft {
    std::string date;                    // date_header()
    std::string message_id;              // without its angle brackets: "convocation-x@bilan"
    std::string from_name, from_address; // the sender, or empty (the mail program's own)
    std::string to_name, to_address;
    std::string subject;
    std::string body; // plain text, UTF-8, LF line ends
    std::optional<Attachment> attachment;
};

// The whole message, CRLF line ends.
std::string draft_text(const Draft& draft);

} // namespace bilan::mail
