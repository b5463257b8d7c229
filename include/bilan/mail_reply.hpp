// A beneficiary's reply by e-mail, as her mail program sent it (RFC 5322, MIME): what bilan
// keeps of it as evidence of attendance. Pure: the caller reads the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bilan {

struct ReplyHeaders {
    std::string from, date, message_id;
    std::string dkim;     // the DKIM-Signature's signing domain and selector ("d=x.fr; s=s1")
    std::string received; // the Received headers, newest first, one per line
    bool unsent = false;  // X-Unsent: 1, a draft never sent (bilan's own, for one)
};

// The headers of `raw` (unfolded; names in any case). Nullopt when `raw` has no header block
// or no From and Date: not a message.
std::optional<ReplyHeaders> reply_headers(std::string_view raw);

// True when `code` appears in the message's text: as written, or once its quoted-printable or
// base64 parts are decoded (mail programs encode replies either way).
bool quotes_code(std::string_view raw, std::string_view code);

} // namespace bilan
