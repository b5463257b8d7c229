#include "bilan/csv.hpp"

namespace bilan {
namespace {

bool is_plain_number(std::string_view text) {
    if (text.starts_with('-')) text.remove_prefix(1);
    const std::size_t point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction =
        point == std::string_view::npos ? std::string_view("0") : text.substr(point + 1);
    const auto digits = [](std::string_view part) {
        return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
    };
    return digits(whole) && digits(fraction);
}

bool looks_like_formula(std::string_view text) {
    return !text.empty() &&
           std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

} // namespace

std::string csv_cell(std::string_view text) {
    std::string cell;
    if (looks_like_formula(text) && !is_plain_number(text)) cell += '\'';
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (const char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string csv_row(std::initializer_list<std::string_view> cells) {
    std::string row;
    bool first = true;
    for (const std::string_view cell : cells) {
        if (!first) row += ',';
        first = false;
        row += csv_cell(cell);
    }
    return row + "\r\n";
}

} // namespace bilan
