#include "bilan/mail_reply.hpp"

#include <algorithm>
#include <vector>

namespace bilan {
namespace {

// Longest header value kept, and how many Received headers: a message is evidence, not a
// place to store whatever a sender puts in it.
constexpr std::size_t longest_value = 998; // RFC 5322's line limit
constexpr std::size_t received_kept = 5;

// Header text as ASCII only: headers are ASCII (RFC 5322; an encoded word stays encoded), and
// a byte outside it cannot enter a record.
std::string ascii_only(std::string_view text) {
    std::string out;
    for (const char c : text.substr(0, std::min(text.size(), longest_value)))
        out += c >= 0x20 && c < 0x7f ? c : ' ';
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return "";
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; };
               return lower(x) == lower(y);
           });
}

struct Header {
    std::string name, value;
};

// The header block (up to the first empty line), its folded lines joined.
std::vector<Header> headers_of(std::string_view raw) {
    std::vector<Header> headers;
    std::size_t at = 0;
    while (at < raw.size()) {
        std::size_t end = raw.find('\n', at);
        if (end == std::string_view::npos) end = raw.size();
        std::string_view line = raw.substr(at, end - at);
        if (line.ends_with('\r')) line.remove_suffix(1);
        at = end + 1;
        if (line.empty()) break;
        if ((line.front() == ' ' || line.front() == '\t') && !headers.empty()) {
            headers.back().value += " " + std::string(line.substr(1));
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) return {}; // not a header block
        headers.push_back(
            {std::string(line.substr(0, colon)), std::string(line.substr(colon + 1))});
    }
    return headers;
}

// "d=exemple.fr; s=s1" from a DKIM-Signature's tags.
std::string dkim_summary(std::string_view value) {
    std::string out;
    std::size_t at = 0;
    while (at < value.size()) {
        std::size_t end = value.find(';', at);
        if (end == std::string_view::npos) end = value.size();
        std::string tag = ascii_only(value.substr(at, end - at));
        tag.erase(std::remove(tag.begin(), tag.end(), ' '), tag.end());
        if (tag.starts_with("d=") || tag.starts_with("s=")) out += (out.empty() ? "" : "; ") + tag;
        at = end + 1;
    }
    return out;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string quoted_printable_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '=') {
            out += text[i];
            continue;
        }
        if (text.substr(i + 1).starts_with("\r\n")) {
            i += 2; // a soft line break
        } else if (text.substr(i + 1).starts_with("\n")) {
            i += 1;
        } else if (i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
                   hex_digit(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
            i += 2;
        } else {
            out += '=';
        }
    }
    return out;
}

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

std::string base64_decoded(std::string_view text) {
    std::string out;
    int bits = 0, buffer = 0;
    for (const char c : text) {
        const int v = base64_value(c);
        if (v < 0) continue; // '=', line ends
        buffer = (buffer << 6) | v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

bool base64_line(std::string_view line) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line.size() >= 4 && std::all_of(line.begin(), line.end(),
                                           [](char c) { return base64_value(c) >= 0 || c == '='; });
}

// Every run of lines that reads as base64, decoded: the parts a mail program encoded so.
bool in_base64_runs(std::string_view raw, std::string_view code) {
    std::string run;
    std::size_t at = 0;
    while (at <= raw.size()) {
        std::size_t end = raw.find('\n', at);
        if (end == std::string_view::npos) end = raw.size();
        const std::string_view line = raw.substr(at, end - at);
        if (base64_line(line)) {
            run += line;
        } else if (!run.empty()) {
            if (base64_decoded(run).find(code) != std::string::npos) return true;
            run.clear();
        }
        at = end + 1;
    }
    return !run.empty() && base64_decoded(run).find(code) != std::string::npos;
}

} // namespace

std::optional<ReplyHeaders> reply_headers(std::string_view raw) {
    const std::vector<Header> headers = headers_of(raw);
    ReplyHeaders out;
    std::size_t received = 0;
    for (const Header& h : headers) {
        if (same_name(h.name, "From") && out.from.empty()) out.from = ascii_only(h.value);
        if (same_name(h.name, "Date") && out.date.empty()) out.date = ascii_only(h.value);
        if (same_name(h.name, "Message-ID") && out.message_id.empty())
            out.message_id = ascii_only(h.value);
        if (same_name(h.name, "DKIM-Signature") && out.dkim.empty())
            out.dkim = dkim_summary(h.value);
        if (same_name(h.name, "X-Unsent") && ascii_only(h.value) == "1") out.unsent = true;
        if (same_name(h.name, "Received") && received++ < received_kept)
            out.received += (out.received.empty() ? "" : "\n") + ascii_only(h.value);
    }
    if (out.from.empty() || out.date.empty()) return std::nullopt;
    return out;
}

bool quotes_code(std::string_view raw, std::string_view code) {
    if (code.empty()) return false;
    if (raw.find(code) != std::string_view::npos) return true;
    if (quoted_printable_decoded(raw).find(code) != std::string::npos) return true;
    return in_base64_runs(raw, code);
}

} // namespace bilan
