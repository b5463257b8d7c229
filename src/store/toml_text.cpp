#include "toml_text.hpp"

#include "bilan/errors.hpp"
#include "bilan/values.hpp"
#include "toml_errors.hpp"
#include "toml_guard.hpp"

#include <cstdio>
#include <sstream>

namespace bilan::store {
namespace {

// A TOML 1.0 basic string's escapes: the quote, the backslash, C0 controls and DEL (which
// TOML, unlike JSON, requires escaped), upper-case hex as written files have always had; a
// multi-line string keeps its newlines. Not json_escape (src/core/json.cpp), which differs.
void append_escaped(std::string& out, std::string_view text, bool multiline) {
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += multiline ? "\n" : "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
                out += buffer;
            } else {
                out += ch;
            }
        }
    }
}

std::string string_literal(std::string_view text) {
    const bool multiline = text.find('\n') != std::string_view::npos;
    std::string out = multiline ? "\"\"\"\n" : "\"";
    append_escaped(out, text, multiline);
    out += multiline ? "\"\"\"" : "\"";
    return out;
}

std::string two(int n) {
    return (n < 10 ? "0" : "") + std::to_string(n);
}

bool is_bare_key(std::string_view key) {
    if (key.empty()) return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
    return true;
}

// Byte offset of a toml++ source position (1-based line, 1-based column in code points).
std::size_t offset_of(std::string_view text, toml::source_position pos) {
    std::size_t offset = 0;
    for (toml::source_index line = 1; line < pos.line; ++line) {
        const auto newline = text.find('\n', offset);
        if (newline == std::string_view::npos) return text.size();
        offset = newline + 1;
    }
    for (toml::source_index column = 1; column < pos.column && offset < text.size(); ++column) {
        ++offset;
        while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xc0) == 0x80)
            ++offset;
    }
    return offset;
}

std::size_t start_of_next_line(std::string_view text, std::size_t offset) {
    const auto newline = text.find('\n', offset);
    return newline == std::string_view::npos ? text.size() : newline + 1;
}

std::size_t start_of_line(std::string_view text, std::size_t offset) {
    const auto newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    return newline == std::string_view::npos ? 0 : newline + 1;
}

bool before(const toml::source_position& a, const toml::source_position& b) {
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// A root entry written "key = value" (as opposed to a [table] or [[array]] section).
bool is_key_value(const toml::key& key, const toml::node& value) {
    return before(key.source().begin, value.source().begin);
}

// Where a new root key goes: after the last "key = value" of the root table, before any
// [section], so that it stays a root key.
std::size_t insertion_point(std::string_view text, const toml::table& table) {
    std::optional<std::size_t> after_last_pair;
    std::optional<std::size_t> first_section;
    for (auto&& [key, value] : table) {
        if (is_key_value(key, value)) {
            const std::size_t end = start_of_next_line(text, offset_of(text, value.source().end));
            after_last_pair = std::max(after_last_pair.value_or(0), end);
        } else {
            const std::size_t begin = start_of_line(text, offset_of(text, value.source().begin));
            first_section = std::min(first_section.value_or(text.size()), begin);
        }
    }
    if (after_last_pair && (!first_section || *after_last_pair <= *first_section))
        return *after_last_pair;
    return first_section.value_or(text.size());
}

} // namespace

std::string toml_key(std::string_view key) {
    if (is_bare_key(key)) return std::string(key);
    std::string out = "\"";
    append_escaped(out, key, false);
    return out + "\"";
}

std::string toml_literal(const Value& value) {
    struct Visitor {
        std::string operator()(const std::string& s) const { return string_literal(s); }
        std::string operator()(std::int64_t n) const { return std::to_string(n); }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const Date& d) const { return d.iso(); }
        std::string operator()(const TimeOfDay& t) const {
            return two(t.hour) + ":" + two(t.minute) + ":00";
        }
        std::string operator()(const std::vector<std::string>& items) const {
            if (items.empty()) return "[]";
            if (items.size() == 1) return "[" + string_literal(items.front()) + "]";
            std::string out = "[\n";
            for (const auto& item : items)
                out += "    " + string_literal(item) + ",\n";
            return out + "]";
        }
    };
    return std::visit(Visitor{}, value);
}

void require_storable(const Fields& fields) {
    for (const Field& field : fields)
        if (const Date* d = field.value ? std::get_if<Date>(&*field.value) : nullptr;
            d && !valid_date(d->year, d->month, d->day))
            throw RefusedError("« " + field.key + " » : le " + d->iso() +
                               " est hors des années 1900 à 2199 ; rien n'a été écrit");
}

namespace {

std::string field_literal(const Field& field) {
    require_storable({field});
    return toml_literal(*field.value);
}

} // namespace

std::string emit_fields(const Fields& fields) {
    std::string out;
    for (const Field& field : fields)
        if (field.value) out += toml_key(field.key) + " = " + field_literal(field) + "\n";
    return out;
}

toml::table parse_toml(std::string_view text, const std::string& display_path) {
    check_toml_text(text, display_path); // before toml++ can overflow the stack, or worse
    try {
        return toml::parse(text); // no path: toml++ would copy it into every node
    } catch (const toml::parse_error& e) {
        throw toml_syntax_error(text, e, display_path);
    }
}

std::optional<Value> value_of(const toml::node& node) {
    if (auto s = node.as_string()) return Value{s->get()};
    if (auto i = node.as_integer()) return Value{i->get()};
    if (auto b = node.as_boolean()) return Value{b->get()};
    if (auto d = node.as_date()) return Value{Date{d->get().year, d->get().month, d->get().day}};
    if (auto t = node.as_time()) {
        if (t->get().second != 0 || t->get().nanosecond != 0) return std::nullopt;
        return Value{TimeOfDay{t->get().hour, t->get().minute}};
    }
    if (auto a = node.as_array()) {
        std::vector<std::string> items;
        for (const toml::node& item : *a) {
            auto s = item.as_string();
            if (!s) return std::nullopt;
            items.push_back(s->get());
        }
        return Value{std::move(items)};
    }
    return std::nullopt;
}

std::string in_line_endings_of(std::string_view text, std::string added) {
    const std::size_t newline = text.find('\n');
    if (newline == std::string_view::npos || newline == 0 || text[newline - 1] != '\r')
        return added;
    std::string out;
    out.reserve(added.size() + added.size() / 16);
    for (const char c : added) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

bool is_root_key_value(const toml::table& table, std::string_view key) {
    for (auto&& [k, value] : table)
        if (k.str() == key) return is_key_value(k, value);
    return false;
}

std::string splice_root_key(std::string_view text, const Field& field,
                            const std::string& display_path) {
    const toml::table table = parse_toml(text, display_path);
    std::string out(text);
    const toml::node* existing = nullptr;
    const toml::key* existing_key = nullptr;
    for (auto&& [key, value] : table)
        if (key.str() == field.key) existing = &value, existing_key = &key;

    if (existing && !is_key_value(*existing_key, *existing))
        throw DataError({display_path, static_cast<int>(existing->source().begin.line),
                         static_cast<int>(existing->source().begin.column)},
                        "« " + field.key + " » est une section ; attendu une valeur simple");
    if (existing && field.value) { // replace the value's own characters, nothing around them
        const std::size_t begin = offset_of(text, existing->source().begin);
        const std::size_t end = offset_of(text, existing->source().end);
        out.replace(begin, end - begin, in_line_endings_of(text, field_literal(field)));
    } else if (existing) { // remove the whole "key = value" line(s)
        const std::size_t begin =
            start_of_line(text, offset_of(text, existing_key->source().begin));
        const std::size_t end = start_of_next_line(text, offset_of(text, existing->source().end));
        out.erase(begin, end - begin);
    } else if (field.value) {
        std::size_t at = insertion_point(text, table);
        std::string line = toml_key(field.key) + " = " + field_literal(field) + "\n";
        if (at > 0 && out[at - 1] != '\n') line.insert(0, "\n");
        out.insert(at, in_line_endings_of(text, std::move(line)));
    }
    return out;
}

std::uint64_t fnv1a(std::string_view data, std::uint64_t hash) {
    for (const char c : data) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

} // namespace bilan::store
