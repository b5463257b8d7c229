// Looking at the lines of a table a view prints: shared by the tests of views.cpp and
// substance_views.cpp.
#pragma once

#include "bilan/views.hpp"

#include <string>
#include <string_view>
#include <vector>

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    return lines;
}

// The display column where `part` starts on `line` (npos when absent).
inline std::size_t column_of(const std::string& line, std::string_view part) {
    const std::size_t at = line.find(part);
    return at == std::string::npos ? at
                                   : bilan::display_width(std::string_view(line).substr(0, at));
}

inline bool no_line_ends_with_a_space(const std::string& text) {
    for (const std::string& line : lines_of(text))
        if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) return false;
    return true;
}

// A document as a reader sees it: French typography's no-break spaces (U+00A0, U+202F) read
// as plain spaces; typography has its own tests (test_typography.cpp).
inline std::string plain_spaces(std::string text) {
    for (const std::string_view nb : {std::string_view("\u00A0"), std::string_view("\u202F")})
        for (std::size_t at = text.find(nb); at != std::string::npos; at = text.find(nb, at))
            text.replace(at, nb.size(), " ");
    return text;
}
