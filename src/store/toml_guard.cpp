#include "toml_guard.hpp"

#include "bilan/errors.hpp"

#include <vector>

namespace bilan::store {
namespace {

// A lexer that knows just enough TOML to count levels: strings and comments (whose dots do not
// count), table headers, dotted keys, inline tables and arrays. On malformed text it stays
// within bounds and leaves the error to toml++.
class DepthScanner {
public:
    DepthScanner(std::string_view text, const std::string& shown) : text_(text), shown_(shown) {}
    void run();

private:
    struct Open {
        char kind; // '{' or '['
        int depth; // depth of the container itself
    };
    std::string_view text_;
    const std::string& shown_;
    std::size_t i_ = 0;
    std::vector<Open> open_;
    int table_depth_ = 0; // levels of the last [table] or [[array]] header
    int value_depth_ = 0; // level of the value being read
    bool expect_key_ = true;

    bool at(char c, std::size_t ahead = 0) const {
        return i_ + ahead < text_.size() && text_[i_ + ahead] == c;
    }
    void skip_string();
    int scan_key(); // from the key's first character to '=', ']' or the end of the line
    void key_context();
    void value_context(char c);
    void open(char kind, int depth, std::size_t where);
    void outside_string(std::size_t where) const;
    void bare_value();
    void after_backslash(std::size_t backslash);
    [[noreturn]] void fail(std::size_t where, const std::string& why) const;
    [[noreturn]] void fail(std::size_t where) const;
};

// A byte of a key or a value outside any string: toml++ asks whether a non-ASCII one is
// whitespace. Such a character is not valid TOML there anyway.
void DepthScanner::outside_string(std::size_t where) const {
    if (static_cast<unsigned char>(text_[where]) >= 0x80)
        fail(where, "caractère non ASCII hors d'une chaîne entre guillemets");
}

// A value without quotes (a number, a date, true...): toml++ reads ahead to the next character
// that may end a value, asking of each whether it is whitespace, quotes included ("09:30"À"
// is one run of it). Leaves i_ on what ends the run, always past its first byte.
void DepthScanner::bare_value() {
    const auto ends_value = [](char c) {
        return c == ' ' || c == '\t' || (c >= '\n' && c <= '\r') || c == ']' || c == '}' ||
               c == ',' || c == '#';
    };
    do {
        outside_string(i_);
        ++i_;
    } while (i_ < text_.size() && !ends_value(text_[i_]));
}

// In a multi-line basic string, after the backslash at `backslash`: toml++ asks whether the
// next character is whitespace and, if so, skips spaces and line breaks and asks again of the
// first character that follows (a line-ending backslash). Leaves i_ after what it skipped.
void DepthScanner::after_backslash(std::size_t backslash) {
    std::size_t k = backslash + 1;
    while (k < text_.size() &&
           (text_[k] == ' ' || text_[k] == '\t' || text_[k] == '\n' || text_[k] == '\r'))
        ++k;
    if (k < text_.size() && static_cast<unsigned char>(text_[k]) >= 0x80)
        fail(k, "« \\ » en fin de ligne suivi d'un caractère non ASCII, que toml++ 3.3 ne lit "
                "pas sûrement : commencez la ligne suivante par un caractère ASCII");
    i_ = k == backslash + 1 ? backslash + 2 : k; // an escape, or the text after the line break
}

void DepthScanner::run() {
    if (text_.starts_with("\xef\xbb\xbf")) i_ = 3; // a byte-order mark, which toml++ skips
    while (i_ < text_.size()) {
        const char c = text_[i_];
        if (c == '\n') {
            if (open_.empty()) expect_key_ = true;
            ++i_;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++i_;
        } else if (c == '#') {
            while (i_ < text_.size() && text_[i_] != '\n')
                ++i_;
        } else if (expect_key_) {
            expect_key_ = false;
            key_context();
        } else {
            value_context(c);
        }
    }
}

void DepthScanner::key_context() {
    const std::size_t start = i_;
    if (open_.empty() && at('[')) { // [table] or [[array of tables]]
        const bool array = at('[', 1);
        i_ += array ? 2 : 1;
        // toml++ 3.3 asserts (and, built with NDEBUG, assumes) that a header's name starts
        // with a key character or a quote: "[", "[=]", "[ #", "[.a]" break that promise.
        std::size_t name = i_;
        while (name < text_.size() && (text_[name] == ' ' || text_[name] == '\t'))
            ++name;
        const char first = name < text_.size() ? text_[name] : '\n';
        const bool key_start = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                               (first >= '0' && first <= '9') || first == '_' || first == '-' ||
                               first == '"' || first == '\'' || first == ']';
        if (!key_start) fail(name, "en-tête de table sans nom");
        table_depth_ = scan_key() + (array ? 1 : 0);
        if (table_depth_ > max_toml_depth) fail(start);
        return;
    }
    if (at('}')) return value_context('}'); // an empty inline table
    const int base = open_.empty() ? table_depth_ : open_.back().depth;
    value_depth_ = base + scan_key();
    if (value_depth_ > max_toml_depth) fail(start);
}

void DepthScanner::value_context(char c) {
    const std::size_t start = i_;
    switch (c) {
    case '"':
    case '\'':
        return skip_string();
    case '{':
        ++i_;
        open('{', value_depth_, start);
        expect_key_ = true;
        return;
    case '[':
        ++i_;
        open('[', value_depth_, start);
        value_depth_ = open_.back().depth + 1;
        return;
    case '}':
        // toml++ 3.3 asserts (with NDEBUG: assumes) that an array never meets a '}' where a
        // value or ']' is due: "[ }" and "[1, }" break that promise. Not valid TOML anyway.
        if (!open_.empty() && open_.back().kind == '[')
            fail(start, "« } » dans un tableau, où une valeur ou « ] » est attendue");
        [[fallthrough]];
    case ']':
        ++i_;
        if (!open_.empty()) open_.pop_back();
        if (!open_.empty() && open_.back().kind == '[') value_depth_ = open_.back().depth + 1;
        return;
    case ',':
        ++i_;
        if (!open_.empty() && open_.back().kind == '{') expect_key_ = true;
        if (!open_.empty() && open_.back().kind == '[') value_depth_ = open_.back().depth + 1;
        return;
    default:
        bare_value();
    }
}

void DepthScanner::open(char kind, int depth, std::size_t where) {
    if (depth > max_toml_depth || open_.size() >= static_cast<std::size_t>(max_toml_depth))
        fail(where);
    open_.push_back({kind, depth});
}

int DepthScanner::scan_key() {
    int parts = 1;
    while (i_ < text_.size()) {
        const char c = text_[i_];
        if (c == '=' || c == ']' || c == '\n' || c == '#') break;
        if (c == '"' || c == '\'') {
            skip_string();
            continue;
        }
        if (c == '.') ++parts;
        outside_string(i_);
        ++i_;
    }
    if (at('=')) ++i_;
    return parts;
}

void DepthScanner::skip_string() {
    const char quote = text_[i_];
    const bool multiline = at(quote, 1) && at(quote, 2);
    i_ += multiline ? 3 : 1;
    while (i_ < text_.size()) {
        const char c = text_[i_];
        if (c == '\\' && quote == '"' && multiline) {
            after_backslash(i_);
        } else if (c == '\\' && quote == '"') {
            i_ += 2;
        } else if (c == quote && (!multiline || (at(quote, 1) && at(quote, 2)))) {
            i_ += multiline ? 3 : 1;
            while (multiline && at(quote)) // """a"""" ends with a quote inside the string
                ++i_;
            return;
        } else if (c == '\n' && !multiline) {
            return; // unterminated: toml++ says so
        } else {
            ++i_;
        }
    }
}

void DepthScanner::fail(std::size_t where) const {
    fail(where, "plus de " + std::to_string(max_toml_depth) + " niveaux d'imbrication");
}

void DepthScanner::fail(std::size_t where, const std::string& why) const {
    int line = 1, column = 1;
    for (std::size_t k = 0; k < where && k < text_.size(); ++k) {
        const auto byte = static_cast<unsigned char>(text_[k]);
        if (byte == '\n')
            ++line, column = 1;
        else if ((byte & 0xc0) != 0x80) // columns count code points, as toml++ does
            ++column;
    }
    throw DataError({shown_, line, column}, "TOML invalide : " + why);
}

} // namespace

void check_toml_text(std::string_view text, const std::string& display_path) {
    DepthScanner(text, display_path).run();
}

} // namespace bilan::store
