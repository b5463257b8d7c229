#include "bilan/markdown.hpp"

#include "bilan/values.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace bilan::md {
namespace {

bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_alnum(char c) {
    return is_ascii_digit(c) || is_ascii_letter(c);
}

// Inline syntax anywhere in a line, in CommonMark or pandoc: escapes, code, emphasis, links and
// notes, raw HTML, headings' closing #s, table cells, strikeout, sub/superscript, TeX math,
// citations and example lists, attributes.
// A table rather than a search of the list: every character of a synthesis passes here.
constexpr std::array<bool, 256> special_anywhere_table = [] {
    std::array<bool, 256> table{};
    for (const char c : std::string_view("\\`*_[]<#|~^$@{}"))
        table[static_cast<unsigned char>(c)] = true;
    return table;
}();
bool special_anywhere(char c) {
    return special_anywhere_table[static_cast<unsigned char>(c)];
}

// What opens a block at the start of a line: lists (- +), setext underlines and tables (= -),
// quotes (>), pandoc's definitions and fenced divs (:), and its "(a)" list markers.
bool special_at_start(char c) {
    static constexpr std::string_view chars = "-+=>:(";
    return chars.find(c) != std::string_view::npos;
}

bool roman(std::string_view letters) {
    static constexpr std::string_view lower = "ivxlcdm", upper = "IVXLCDM";
    return letters.find_first_not_of(lower) == std::string_view::npos ||
           letters.find_first_not_of(upper) == std::string_view::npos;
}

// The position of the '.' or ')' that would end an ordered-list marker at the start of the line
// ("12." in CommonMark; "b)", "iv." in pandoc's fancy lists), or npos.
std::size_t list_marker_end(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && is_ascii_digit(s[i]))
        ++i;
    if (i == 0) {
        while (i < s.size() && is_ascii_letter(s[i]))
            ++i;
        if (i == 0 || (i > 1 && !roman(s.substr(0, i)))) return std::string_view::npos;
        if (i + 1 < s.size() && s[i + 1] != ' ') return std::string_view::npos;
    }
    return i < s.size() && (s[i] == '.' || s[i] == ')') ? i : std::string_view::npos;
}

std::string escape_line(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    const std::size_t marker = list_marker_end(s);
    std::size_t copied = 0; // s[copied, i) is still to be copied: runs are copied at once
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool entity =
            c == '&' && i + 1 < s.size() && (is_ascii_alnum(s[i + 1]) || s[i + 1] == '#');
        if (special_anywhere(c) || entity || i == marker || (i == 0 && special_at_start(c))) {
            out.append(s, copied, i - copied);
            out += '\\';
            copied = i;
        }
    }
    out.append(s, copied);
    return out;
}

bool blank(char c) {
    return c == ' ' || c == '\t';
}

// The text's lines, trimmed, without empty lines; control characters become spaces.
std::vector<std::string> clean_lines(std::string_view raw) {
    std::vector<std::string> lines;
    std::string current;
    auto flush = [&] {
        std::size_t b = 0, e = current.size();
        while (b < e && blank(current[b]))
            ++b;
        while (e > b && blank(current[e - 1]))
            --e;
        if (e > b) lines.push_back(current.substr(b, e - b));
        current.clear();
    };
    for (const char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n' || c == '\r')
            flush();
        else
            current += (u < 0x20 || u == 0x7f) ? ' ' : c;
    }
    flush();
    return lines;
}

// One line of a text as the person typed it: its indentation in columns (a tab is four) and
// what follows, without the spaces at its end; control characters become spaces.
struct TypedLine {
    std::size_t indent = 0;
    std::string content; // empty: a blank line
};

std::vector<TypedLine> typed_lines(std::string_view raw) {
    std::vector<TypedLine> lines;
    std::string current;
    auto flush = [&] {
        TypedLine l;
        std::size_t b = 0;
        for (; b < current.size() && blank(current[b]); ++b)
            l.indent += current[b] == '\t' ? 4u : 1u;
        std::size_t e = current.size();
        while (e > b && blank(current[e - 1]))
            --e;
        if (e > b) {
            l.content = current.substr(b, e - b);
            std::replace(l.content.begin(), l.content.end(), '\t', ' ');
        } else {
            l.indent = 0;
        }
        lines.push_back(std::move(l));
        current.clear();
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ++i; // CRLF: one break
            flush();
        } else {
            current += (u < 0x20 && c != '\t') || u == 0x7f ? ' ' : c;
        }
    }
    flush();
    return lines;
}

// One line with nothing to clean: no control character (line breaks and tabs included), no
// blank at either end. Most notes and labels are: they skip the splitting into lines.
bool plain_line(std::string_view raw) {
    if (raw.empty() || blank(raw.front()) || blank(raw.back())) return false;
    return std::none_of(raw.begin(), raw.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f;
    });
}

// C1 controls and bidi overrides (values.hpp), which a hand edit may leave: they become spaces,
// as C0 controls do below.
bool wide_control(std::string_view raw) {
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (control_at(raw, i) > 1) return true;
    return false;
}

} // namespace

std::string text(std::string_view raw, std::string_view indent) {
    if (wide_control(raw)) return text(controls_as_spaces(raw), indent);
    if (plain_line(raw)) return escape_line(raw);
    const std::vector<TypedLine> lines = typed_lines(raw);
    // The indentation the lines share is the text's margin, not part of what was typed.
    std::size_t margin = std::string::npos;
    for (const TypedLine& l : lines)
        if (!l.content.empty()) margin = std::min(margin, l.indent);
    std::string out;
    bool paragraph_break = false;
    for (const TypedLine& l : lines) {
        if (l.content.empty()) {
            paragraph_break = !out.empty();
            continue;
        }
        if (!out.empty()) out += (paragraph_break ? "\n\n" : "\\\n") + std::string(indent);
        paragraph_break = false;
        // Leading spaces would be dropped (or open a code block): no-break spaces keep the
        // indentation visible and are text to every engine. The line is escaped as if it began
        // the line, which it does for a person reading the source.
        for (std::size_t i = margin; i < l.indent; ++i)
            out += "\xc2\xa0"; // U+00A0 in UTF-8
        out += escape_line(l.content);
    }
    return out;
}

std::string line(std::string_view raw) {
    if (wide_control(raw)) return line(controls_as_spaces(raw));
    if (plain_line(raw)) return escape_line(raw);
    std::string joined;
    for (const std::string& l : clean_lines(raw))
        joined += (joined.empty() ? "" : " ") + l;
    return escape_line(joined);
}

std::string yaml_value(std::string_view raw) {
    std::string out = "'";
    for (const char c : line(raw))
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::string bold(std::string_view markdown) {
    return "**" + std::string(markdown) + "**";
}

std::string line_or_fill(std::string_view raw) {
    return blank(raw) ? std::string(to_fill) : line(raw);
}

std::string capitalized(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> accented{{
        {"é", "É"},
        {"è", "È"},
        {"ê", "Ê"},
        {"à", "À"},
        {"â", "Â"},
        {"î", "Î"},
        {"ô", "Ô"},
        {"û", "Û"},
        {"ç", "Ç"},
        {"œ", "Œ"},
    }};
    if (text.empty()) return {};
    if (text[0] >= 'a' && text[0] <= 'z')
        return static_cast<char>(text[0] - 'a' + 'A') + std::string(text.substr(1));
    for (const auto& [lower, upper] : accented)
        if (text.starts_with(lower))
            return std::string(upper) + std::string(text.substr(lower.size()));
    return std::string(text);
}

// ---- writer ------------------------------------------------------------------------------

void Writer::start_block() {
    if (!out_.empty()) out_ += '\n';
}

void Writer::heading(int level, std::string_view markdown) {
    start_block();
    out_ += std::string(static_cast<std::size_t>(level), '#') + " " + std::string(markdown) + "\n";
}

void Writer::paragraph(std::string_view markdown) {
    start_block();
    out_ += markdown;
    out_ += '\n';
}

void Writer::list(const std::vector<std::string>& items) {
    if (items.empty()) return;
    begin_list();
    for (const std::string& each : items)
        item(each);
}

void Writer::begin_list() {
    start_block();
}

void Writer::item(std::string_view markdown) {
    out_ += "- ";
    out_ += markdown;
    out_ += '\n';
}

void Writer::table(const std::vector<std::string>& header, std::string_view align,
                   const std::vector<std::vector<std::string>>& rows) {
    start_block();
    auto row = [&](const std::vector<std::string>& cells) {
        std::string l = "|";
        for (const std::string& cell : cells)
            l += " " + cell + " |";
        out_ += l + "\n";
    };
    row(header);
    std::string rule = "|";
    for (std::size_t i = 0; i < header.size(); ++i)
        rule += i < align.size() && align[i] == 'r' ? "---:|" : ":---|";
    out_ += rule + "\n";
    for (const auto& cells : rows)
        row(cells);
}

void Writer::raw(std::string_view lines) {
    start_block();
    out_ += lines;
}

Letterhead Letterhead::of(const BilanRecord& bilan, std::string title) {
    Letterhead head;
    head.title = std::move(title);
    head.beneficiary = bilan.beneficiary;
    head.provider = bilan.organisation;
    head.counsellor = bilan.counsellor;
    head.date = bilan.end;
    return head;
}

void front_matter(Writer& w, const Letterhead& head) {
    std::string y = "---\n";
    y += "title: " + yaml_value(head.title) + "\n";
    if (!head.subtitle.empty()) y += "subtitle: " + yaml_value(head.subtitle) + "\n";
    // Who wrote it: the counsellor and the provider (DOCX's and PDF's author), never the
    // beneficiary, who is what it is about (its subject).
    std::vector<std::string> authors;
    if (!blank(head.author)) {
        authors.push_back(head.author);
    } else {
        if (!blank(head.counsellor)) authors.push_back(head.counsellor);
        if (!blank(head.provider)) authors.push_back(head.provider);
    }
    if (authors.size() == 1) y += "author: " + yaml_value(authors.front()) + "\n";
    if (authors.size() > 1) {
        y += "author:\n";
        for (const std::string& author : authors)
            y += "- " + yaml_value(author) + "\n";
    }
    y += "subject: " + yaml_value(head.beneficiary) + "\n";
    y += "beneficiary: " + yaml_value(head.beneficiary) + "\n";
    if (!blank(head.provider)) y += "provider: " + yaml_value(head.provider) + "\n";
    if (!blank(head.counsellor)) y += "counsellor: " + yaml_value(head.counsellor) + "\n";
    if (head.date) y += "date: " + yaml_value(head.date->french()) + "\n";
    y += "lang: fr\n---\n";
    w.raw(y);
}

void closing(Writer& w, std::string_view made, const Letterhead& head) {
    std::string by;
    if (!blank(head.counsellor)) by = line(head.counsellor);
    if (!blank(head.provider))
        by = by.empty() ? line(head.provider) : by + " (" + line(head.provider) + ")";
    const std::string text = std::string(made) + (by.empty() ? "" : " par " + by) + " pour " +
                             line(head.beneficiary) +
                             (head.date ? ", remis le " + head.date->french() : "") + ".";
    w.raw("* * *\n");
    w.paragraph("*" + text + "*");
}

} // namespace bilan::md
