#include "bilan/html.hpp"

#include "bilan/markdown.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace bilan::html {
namespace {

using Lines = std::vector<std::string_view>;

// The print style of every document. Long words: a name of 80 letters breaks at the line's end
// (overflow-wrap: break-word, inherited) rather than run off the page; in the tables, whose
// cells bilan writes, a word is never cut ("anywhere" let the table squeeze a column below
// "présentiel" and printed "présentie / l").
constexpr std::string_view style_sheet = R"(@page { size: A4; margin: 16mm 15mm 18mm;
  @bottom-center { content: "page " counter(page) " sur " counter(pages); font-size: 8.5pt; } }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt;
  line-height: 1.35; color: #000; overflow-wrap: break-word; }
body { margin: 0; }
@media screen { body { max-width: 190mm; margin: 12mm auto; } }
header { margin-bottom: 8mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13.5pt; margin: 6mm 0 2mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
h4, h5, h6 { font-size: 10.5pt; margin: 4mm 0 1mm; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; hyphens: manual; }
p { margin: 0 0 2.5mm; orphans: 2; widows: 2; }
.subtitle { font-size: 12pt; margin: 0 0 2mm; }
.author, .date { margin: 0; }
blockquote { margin: 0 0 4mm; padding: 1mm 0 1mm 4mm; border-left: 1.5pt solid #555; }
hr { border: none; border-top: 0.6pt solid #000; margin: 5mm 0; }
ul { margin: 0 0 2.5mm; padding-left: 6mm; }
li { margin: 0 0 1mm; }
ul.tasks { list-style: none; padding-left: 0; }
.box { display: inline-block; width: 3.4mm; height: 3.4mm; border: 0.8pt solid #000;
  margin-right: 2mm; vertical-align: -0.5mm; box-sizing: border-box; }
.box.checked { background:
  linear-gradient(45deg, transparent 42%, #000 42%, #000 58%, transparent 58%),
  linear-gradient(-45deg, transparent 42%, #000 42%, #000 58%, transparent 58%); }
table { border-collapse: collapse; width: 100%; margin: 0 0 4mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 1.6mm; text-align: left;
  vertical-align: top; hyphens: manual; }
th { background: #e8e8e8; overflow-wrap: normal; }
th.right, td.right { text-align: right; }
th.signature, td.signature { width: 48mm; }
td.signature { height: 15mm; }
p.signature { break-inside: avoid; }
p.signature::after { content: ""; display: block; height: 30mm; }
p.note { font-size: 8.5pt; border-top: 0.6pt solid #000; padding-top: 1.5mm; margin-top: 6mm; }
)";

constexpr std::string_view landscape_page = "@page { size: A4 landscape; }\n";

std::string_view trimmed(std::string_view s) {
    const std::size_t first = s.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

Lines split_lines(std::string_view text) {
    Lines lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string joined(const Lines& lines) {
    std::string text;
    for (const std::string_view line : lines)
        text.append(text.empty() ? "" : "\n").append(line);
    return text;
}

void escape_into(std::string& out, char c) {
    switch (c) {
    case '&':
        out += "&amp;";
        break;
    case '<':
        out += "&lt;";
        break;
    case '>':
        out += "&gt;";
        break;
    case '"':
        out += "&quot;";
        break;
    default:
        out += c;
    }
}

bool ascii_punctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

// Emphasis spans as they open and close; one closed out of order first closes those opened
// after it and then opens them again, so that the elements always nest.
class Spans {
public:
    void toggle(std::string& out, std::string_view tag) {
        const auto open = std::find(stack_.begin(), stack_.end(), tag);
        if (open == stack_.end()) {
            out.append("<").append(tag).append(">");
            stack_.push_back(tag);
            return;
        }
        const std::vector<std::string_view> inner(open + 1, stack_.end());
        for (auto it = stack_.rbegin(); *it != tag; ++it)
            out.append("</").append(*it).append(">");
        out.append("</").append(tag).append(">");
        stack_.erase(open, stack_.end());
        for (const std::string_view reopened : inner)
            toggle(out, reopened);
    }
    void close_all(std::string& out) {
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
            out.append("</").append(*it).append(">");
        stack_.clear();
    }

private:
    std::vector<std::string_view> stack_;
};

// Inline Markdown as HTML: a backslash escape gives its character, a backslash at the end of a
// line a line break, ** and * their spans (none is left open).
std::string inline_html(std::string_view md) {
    std::string out;
    Spans spans;
    for (std::size_t i = 0; i < md.size(); ++i) {
        const char c = md[i];
        const char next = i + 1 < md.size() ? md[i + 1] : '\0';
        if (c == '\\' && next == '\n') {
            out += "<br>\n";
            ++i;
        } else if (c == '\\' && ascii_punctuation(next)) {
            escape_into(out, next);
            ++i;
        } else if (c == '*' && next == '*') {
            spans.toggle(out, "strong");
            ++i;
        } else if (c == '*') {
            spans.toggle(out, "em");
        } else {
            escape_into(out, c);
        }
    }
    spans.close_all(out);
    return out;
}

// The same as plain text (escaped for HTML): for the title and the metadata.
std::string inline_text(std::string_view md) {
    std::string out;
    for (std::size_t i = 0; i < md.size(); ++i) {
        const char c = md[i];
        const char next = i + 1 < md.size() ? md[i + 1] : '\0';
        if (c == '\\' && (next == '\n' || ascii_punctuation(next))) {
            escape_into(out, next == '\n' ? ' ' : next);
            ++i;
        } else if (c != '*') {
            escape_into(out, c);
        }
    }
    return out;
}

// The metadata block: `key: 'value'` or `key:` then `- 'value'` lines, values single-quoted.
using Metadata = std::map<std::string, std::vector<std::string>, std::less<>>;

std::string unquoted(std::string_view value) {
    value = trimmed(value);
    if (value.size() < 2 || value.front() != '\'' || value.back() != '\'')
        return std::string(value);
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
        out += value[i];
        if (value[i] == '\'' && value[i + 1] == '\'') ++i;
    }
    return out;
}

// Reads the block at the start of `lines` into `meta`; returns the first line after it (0
// when there is none).
std::size_t read_metadata(const Lines& lines, Metadata& meta) {
    if (lines.empty() || lines[0] != "---") return 0;
    std::string key;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        if (line == "---") return i + 1;
        if (line.starts_with("- ") && !key.empty()) {
            meta[key].push_back(unquoted(line.substr(2)));
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        key = std::string(line.substr(0, colon));
        const std::string_view value = trimmed(line.substr(colon + 1));
        if (!value.empty()) meta[key].push_back(unquoted(value));
    }
    meta.clear(); // never closed: not a metadata block
    return 0;
}

std::string first(const Metadata& meta, std::string_view key) {
    const auto found = meta.find(key);
    return found == meta.end() || found->second.empty() ? std::string() : found->second.front();
}

// Table cells: the row's pipes that no backslash escapes.
std::vector<std::string_view> cells(std::string_view row) {
    row = trimmed(row);
    if (row.starts_with("|")) row.remove_prefix(1);
    if (row.size() >= 2 && row.back() == '|' && row[row.size() - 2] != '\\') row.remove_suffix(1);
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '\\') {
            ++i;
        } else if (row[i] == '|') {
            out.push_back(trimmed(row.substr(start, i - start)));
            start = i + 1;
        }
    }
    out.push_back(trimmed(row.substr(start)));
    return out;
}

// "Signature :", with whichever space French typography put before the colon (a no-break one
// in the documents).
// A note of a form, "(1) Pour les formations à distance…": set small, below a rule.
bool note_call(std::string_view line) {
    return line.size() > 4 && line[0] == '(' && line[1] >= '1' && line[1] <= '9' &&
           line.substr(2, 2) == ") ";
}

bool signature_line(std::string_view line) {
    constexpr std::string_view word = "Signature";
    if (!line.starts_with(word) || !line.ends_with(":")) return false;
    const std::string_view space = line.substr(word.size(), line.size() - word.size() - 1);
    return space == " " || space == "\u00a0" || space == "\u202f";
}

class Page {
public:
    explicit Page(std::string& out) : out_(out) {}

    // The blocks of `lines` from `i` on.
    void blocks(const Lines& lines, std::size_t i) {
        while (i < lines.size()) {
            const std::string_view line = lines[i];
            if (md::blank(line)) {
                ++i;
            } else if (const std::size_t level = heading_level(line)) {
                out_ += "<h" + std::to_string(level) + ">" +
                        inline_html(trimmed(line.substr(level + 1))) + "</h" +
                        std::to_string(level) + ">\n";
                ++i;
            } else if (trimmed(line) == "* * *") {
                out_ += "<hr>\n";
                ++i;
            } else if (line.starts_with("|")) {
                i = table(lines, i);
            } else if (line.starts_with(">")) {
                i = quote(lines, i);
            } else if (line.starts_with("- ")) {
                i = list(lines, i);
            } else {
                i = paragraph(lines, i);
            }
        }
    }

private:
    static std::size_t heading_level(std::string_view line) {
        std::size_t level = 0;
        while (level < line.size() && line[level] == '#')
            ++level;
        return level >= 1 && level <= 6 && level < line.size() && line[level] == ' ' ? level : 0;
    }

    std::size_t paragraph(const Lines& lines, std::size_t i) {
        Lines text;
        while (i < lines.size() && !md::blank(lines[i]))
            text.push_back(lines[i++]);
        // Room to sign below the convention's "Signature :" lines and the certificate's
        // "Cachet et signature…" block.
        const bool to_sign = signature_line(trimmed(text.back())) ||
                             inline_text(text.front()).starts_with("Cachet et signature");
        out_ += to_sign                   ? "<p class=\"signature\">"
                : note_call(text.front()) ? "<p class=\"note\">"
                                          : "<p>";
        out_ += inline_html(joined(text)) + "</p>\n";
        return i;
    }

    std::size_t quote(const Lines& lines, std::size_t i) {
        Lines inner;
        for (; i < lines.size() && lines[i].starts_with(">"); ++i) {
            std::string_view line = lines[i].substr(1);
            if (line.starts_with(" ")) line.remove_prefix(1);
            inner.push_back(line);
        }
        out_ += "<blockquote>\n";
        blocks(inner, 0);
        out_ += "</blockquote>\n";
        return i;
    }

    // Items start with "- ", go on with lines indented by two spaces, and may hold paragraphs
    // (a blank line, then an indented one).
    std::size_t list(const Lines& lines, std::size_t i) {
        std::vector<std::vector<Lines>> items; // item -> paragraphs -> lines
        while (i < lines.size()) {
            const std::string_view line = lines[i];
            if (line.starts_with("- ")) {
                items.push_back({{line.substr(2)}});
            } else if (line.starts_with("  ") && !md::blank(line)) {
                items.back().back().push_back(line.substr(2));
            } else if (md::blank(line) && i + 1 < lines.size() && lines[i + 1].starts_with("  ") &&
                       !md::blank(lines[i + 1])) {
                items.back().emplace_back();
            } else if (!(md::blank(line) && i + 1 < lines.size() &&
                         lines[i + 1].starts_with("- "))) {
                break;
            }
            ++i;
        }
        const bool tasks = std::any_of(items.begin(), items.end(), [](const auto& item) {
            return task_box(item.front().front()) != nullptr;
        });
        out_ += tasks ? "<ul class=\"tasks\">\n" : "<ul>\n";
        for (std::vector<Lines>& item : items)
            list_item(item);
        out_ += "</ul>\n";
        return i;
    }

    // "[x] " and "[ ] " at the start of an item: a ticked or an empty box.
    static const char* task_box(std::string_view first_line) {
        if (first_line.starts_with("[x] ") || first_line.starts_with("[X] "))
            return "<span class=\"box checked\"></span>";
        if (first_line.starts_with("[ ] ")) return "<span class=\"box\"></span>";
        return nullptr;
    }

    void list_item(std::vector<Lines>& paragraphs) {
        std::string box;
        if (const char* drawn = task_box(paragraphs.front().front())) {
            box = drawn;
            paragraphs.front().front().remove_prefix(4);
        }
        out_ += "<li>" + box;
        if (paragraphs.size() == 1) {
            out_ += inline_html(joined(paragraphs.front()));
        } else {
            for (const Lines& paragraph : paragraphs)
                out_ += "<p>" + inline_html(joined(paragraph)) + "</p>";
        }
        out_ += "</li>\n";
    }

    std::size_t table(const Lines& lines, std::size_t i) {
        std::vector<std::vector<std::string_view>> rows;
        for (; i < lines.size() && lines[i].starts_with("|"); ++i)
            rows.push_back(cells(lines[i]));
        std::vector<std::string> classes(rows.front().size());
        for (std::size_t c = 0; c < classes.size(); ++c) {
            const bool right = rows.size() > 1 && c < rows[1].size() && rows[1][c].size() > 1 &&
                               rows[1][c].back() == ':' && rows[1][c].front() != ':';
            const bool to_sign = inline_text(rows.front()[c]).starts_with("Signature");
            classes[c] = right ? "right" : to_sign ? "signature" : "";
        }
        out_ += "<table>\n<thead>\n";
        row("th", rows.front(), classes);
        out_ += "</thead>\n<tbody>\n";
        for (std::size_t r = 2; r < rows.size(); ++r)
            row("td", rows[r], classes);
        out_ += "</tbody>\n</table>\n";
        return i;
    }

    void row(std::string_view tag, const std::vector<std::string_view>& cells_of_row,
             const std::vector<std::string>& classes) {
        out_ += "<tr>";
        for (std::size_t c = 0; c < classes.size(); ++c) {
            out_.append("<").append(tag);
            if (!classes[c].empty()) out_ += " class=\"" + classes[c] + "\"";
            out_ += ">";
            if (c < cells_of_row.size()) out_ += inline_html(cells_of_row[c]);
            out_.append("</").append(tag).append(">");
        }
        out_ += "</tr>\n";
    }

    std::string& out_;
};

std::string joined_text(const std::vector<std::string>& values, std::string_view separator) {
    std::string out;
    for (const std::string& value : values)
        out.append(out.empty() ? "" : separator).append(inline_text(value));
    return out;
}

void head(std::string& out, const Metadata& meta, const Layout& layout) {
    const std::string lang = first(meta, "lang");
    out += "<!DOCTYPE html>\n<html lang=\"" + (lang.empty() ? "fr" : inline_text(lang)) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<title>" + inline_text(first(meta, "title")) + "</title>\n";
    const auto authors = meta.find("author");
    if (authors != meta.end() && !authors->second.empty())
        out += "<meta name=\"author\" content=\"" + joined_text(authors->second, ", ") + "\">\n";
    if (const std::string subject = first(meta, "subject"); !subject.empty())
        out += "<meta name=\"description\" content=\"" + inline_text(subject) + "\">\n";
    out += "<style>\n";
    out += style_sheet;
    if (layout.landscape) out += landscape_page;
    out += "</style>\n</head>\n<body>\n";
}

void title_block(std::string& out, const Metadata& meta) {
    out += "<header>\n<h1>" + inline_html(first(meta, "title")) + "</h1>\n";
    if (const std::string subtitle = first(meta, "subtitle"); !subtitle.empty())
        out += "<p class=\"subtitle\">" + inline_html(subtitle) + "</p>\n";
    if (const auto authors = meta.find("author"); authors != meta.end()) {
        std::string names;
        for (const std::string& name : authors->second)
            names.append(names.empty() ? "" : "<br>\n").append(inline_html(name));
        out += "<p class=\"author\">" + names + "</p>\n";
    }
    if (const std::string date = first(meta, "date"); !date.empty())
        out += "<p class=\"date\">" + inline_html(date) + "</p>\n";
    out += "</header>\n";
}

} // namespace

std::string page(std::string_view markdown, const Layout& layout) {
    const Lines lines = split_lines(markdown);
    Metadata meta;
    const std::size_t body = read_metadata(lines, meta);
    std::string out;
    out.reserve(markdown.size() * 5 / 4 + style_sheet.size() + 512);
    head(out, meta, layout);
    if (layout.title_block && !first(meta, "title").empty()) title_block(out, meta);
    Page(out).blocks(lines, body);
    out += "</body>\n</html>\n";
    return out;
}

} // namespace bilan::html
