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
    [[noreturn]] void fail(std::size_t where) const;
};

void DepthScanner::run() {
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
    case ']':
    case '}':
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
        ++i_;
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
        if (c == '\\' && quote == '"') {
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
    int line = 1, column = 1;
    for (std::size_t k = 0; k < where && k < text_.size(); ++k) {
        const auto byte = static_cast<unsigned char>(text_[k]);
        if (byte == '\n')
            ++line, column = 1;
        else if ((byte & 0xc0) != 0x80) // columns count code points, as toml++ does
            ++column;
    }
    throw DataError({shown_, line, column}, "TOML invalide : plus de " +
                                                std::to_string(max_toml_depth) +
                                                " niveaux d'imbrication");
}

} // namespace

void check_toml_depth(std::string_view text, const std::string& display_path) {
    DepthScanner(text, display_path).run();
}

} // namespace bilan::store
