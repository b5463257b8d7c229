#include "bilan/mail.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace bilan::mail {
namespace {

constexpr std::string_view base64_digits =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string without_controls(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        out += u < 0x20 || u == 0x7f ? ' ' : c;
    }
    return out;
}

bool plain_ascii(std::string_view text) {
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x7f) return false;
    return text.find("=?") == std::string_view::npos;
}

// The length of the UTF-8 character that starts with `lead`.
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::string base64_raw(std::string_view bytes) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const auto byte = [&](std::size_t at) -> unsigned {
            return at < bytes.size() ? static_cast<unsigned char>(bytes[at]) : 0u;
        };
        const unsigned n = (byte(i) << 16u) | (byte(i + 1) << 8u) | byte(i + 2);
        out += base64_digits[(n >> 18) & 63];
        out += base64_digits[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? base64_digits[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? base64_digits[n & 63] : '=';
    }
    return out;
}

std::string header(std::string_view name, std::string_view value) {
    return std::string(name) + ": " + std::string(value) + "\r\n";
}

std::string text_part_headers() {
    return "Content-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n";
}

} // namespace

std::string header_text(std::string_view raw) {
    const std::string text = without_controls(raw);
    if (plain_ascii(text)) return text;
    // An encoded word holds at most 75 characters: "=?UTF-8?B?" and "?=" leave 63 for base64,
    // 45 bytes of text; cut before a UTF-8 character that would not fit whole.
    constexpr std::size_t max_bytes = 45;
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = at;
        while (end < text.size()) {
            const std::size_t next = end + sequence_length(static_cast<unsigned char>(text[end]));
            if (next - at > max_bytes) break;
            end = next;
        }
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64_raw(text.substr(at, end - at)) + "?=";
        at = end;
    }
    return out;
}

std::string mailbox(std::string_view name, std::string_view address) {
    const std::string cleaned = without_controls(name);
    if (cleaned.find_first_not_of(' ') == std::string::npos) return std::string(address);
    // Quoted or encoded: a comma or a colon in a name never splits the address list.
    std::string shown = header_text(cleaned);
    if (shown == cleaned) {
        std::string quoted = "\"";
        for (const char c : cleaned) {
            if (c == '"' || c == '\\') quoted += '\\';
            quoted += c;
        }
        shown = quoted + "\"";
    }
    return shown + " <" + std::string(address) + ">";
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::size_t line_start = 0;
    while (line_start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', line_start), text.size());
        std::string_view line = text.substr(line_start, end - line_start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::string encoded;
        std::size_t width = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto u = static_cast<unsigned char>(line[i]);
            const bool last = i + 1 == line.size();
            std::string piece;
            if ((u >= 33 && u <= 126 && u != '=') || (u == ' ' && !last)) {
                piece = std::string(1, static_cast<char>(u));
            } else {
                char hex[4];
                std::snprintf(hex, sizeof hex, "=%02X", u);
                piece = hex;
            }
            // Keep an encoded character whole, and a UTF-8 character on one line.
            std::size_t whole = piece.size();
            if (u >= 0xC0) whole *= sequence_length(u);
            if (width + whole > 75) {
                encoded += "=\r\n";
                width = 0;
            }
            encoded += piece;
            width += piece.size();
        }
        out += encoded;
        if (end == text.size()) break;
        out += "\r\n";
        line_start = end + 1;
    }
    return out.empty() || out.ends_with("\r\n") ? out : out + "\r\n";
}

std::string base64(std::string_view bytes) {
    const std::string raw = base64_raw(bytes);
    std::string out;
    for (std::size_t at = 0; at < raw.size(); at += 76)
        out += raw.substr(at, 76) + "\r\n";
    return out;
}

std::string date_header(const Date& date, const TimeOfDay& time, int utc_offset_minutes) {
    static constexpr std::array<const char*, 7> days{"Mon", "Tue", "Wed", "Thu",
                                                     "Fri", "Sat", "Sun"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int monday_based = ((date.days_since_epoch() % 7) + 7 + 3) % 7; // 1970-01-01: Thursday
    const int offset = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %d %s %04d %02d:%02d:00 %c%02d%02d",
                  days.at(static_cast<std::size_t>(monday_based)), date.day,
                  months.at(static_cast<std::size_t>(date.month - 1)), date.year, time.hour,
                  time.minute, utc_offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
    return buffer;
}

std::string draft_text(const Draft& d) {
    std::string out = header("Date", d.date);
    if (!d.from_address.empty()) out += header("From", mailbox(d.from_name, d.from_address));
    out += header("To", mailbox(d.to_name, d.to_address));
    out += header("Subject", header_text(d.subject));
    out += header("Message-ID", "<" + d.message_id + ">");
    out += header("MIME-Version", "1.0");
    out += header("X-Unsent", "1");
    const std::string body = quoted_printable(d.body);
    if (!d.attachment) return out + text_part_headers() + "\r\n" + body;
    // The boundary cannot occur in quoted-printable nor base64 text: "=_" is neither. Letters,
    // digits and dashes of the message's id, at most 70 characters in all.
    std::string safe_boundary = "=_bilan_";
    for (const char c : d.message_id)
        if (safe_boundary.size() < 70 && (std::isalnum(static_cast<unsigned char>(c)) || c == '-'))
            safe_boundary += c;
    out += "Content-Type: multipart/mixed; boundary=\"" + safe_boundary + "\"\r\n\r\n";
    out += "--" + safe_boundary + "\r\n" + text_part_headers() + "\r\n" + body;
    const Attachment& a = *d.attachment;
    out += "--" + safe_boundary + "\r\n";
    out += "Content-Type: " + a.content_type + "; name=\"" + a.file_name + "\"\r\n";
    out += "Content-Disposition: attachment; filename=\"" + a.file_name + "\"\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n" + base64(a.content);
    return out + "--" + safe_boundary + "--\r\n";
}

} // namespace bilan::mail
