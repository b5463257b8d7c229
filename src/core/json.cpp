#include "bilan/json.hpp"

#include "bilan/values.hpp"

#include <cstdio>

namespace bilan {

namespace {

// A character past ASCII: a C1 control or a bidi override is valid JSON, but a terminal or an
// editor showing the document would obey it (\u009b, \u202e); a byte that begins no valid
// UTF-8 sequence (a folder named in Latin-1) would make the document invalid: it is U+FFFD,
// one per byte, so that the same bytes always give the same text. Returns the bytes used.
std::size_t append_non_ascii(std::string& out, std::string_view text, std::size_t i) {
    const auto decoded = decode_utf8(text.substr(i));
    if (!decoded) {
        out += "\\ufffd";
        return 1;
    }
    const std::size_t length = decoded->second;
    if (control_at(text, i) > 1)
        out += escape_controls(text.substr(i, length));
    else
        out.append(text, i, length);
    return length;
}

} // namespace

// Not shared with the TOML writer's escaper (src/store/toml_text.cpp), whose ASCII part looks
// alike: the two differ where it shows. JSON (RFC 8259 §7) must escape the quote, the backslash
// and U+0000 to U+001F, and may leave DEL; the output here also escapes C1 controls and bidi
// overrides and turns invalid UTF-8 into U+FFFD, because a JSON document is read by other programs
// and terminals whatever a folder holds. A TOML basic string (TOML 1.0) must escape DEL too, a
// multi-line one keeps its newlines, a file is re-parsed before it is written (invalid UTF-8
// never reaches one), and the files bilan has written carry upper-case hex (\u001B) where JSON has
// always printed lower case (\u001b): one escaper would change the bytes of one or the other.
std::string json_escape(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            i += append_non_ascii(out, text, i) - 1;
            continue;
        }
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

void JsonWriter::newline() {
    out_ += '\n';
    out_.append(has_items_.size() * 2, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_items_.empty()) return;
    if (has_items_.back()) out_ += ',';
    has_items_.back() = true;
    newline();
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    has_items_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    const bool had_items = has_items_.back();
    has_items_.pop_back();
    if (had_items) newline();
    out_ += '}';
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    has_items_.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    const bool had_items = has_items_.back();
    has_items_.pop_back();
    if (had_items) newline();
    out_ += ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    out_ += json_escape(name);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    out_ += json_escape(text);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
    before_value();
    out_ += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::number(std::string_view literal) {
    before_value();
    out_ += literal;
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& item : items)
        value(std::string_view(item));
    return end_array();
}

JsonWriter& JsonWriter::text_or_null(std::string_view name, std::string_view text) {
    key(name);
    return text.empty() ? null() : value(text);
}

} // namespace bilan
