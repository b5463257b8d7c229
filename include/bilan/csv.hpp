// One cell of a CSV file bilan writes (`report --csv`): what a spreadsheet opens.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace bilan {

// `text` as one CSV cell, safe to open in a spreadsheet:
// - a cell that is a plain decimal number ("12", "-3", "4.25") is written as it is, so that
//   figures stay numbers;
// - any other cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return, which a
//   spreadsheet would take for a formula, gets a leading `'` (the usual defence);
// - then, per RFC 4180, a cell holding `,`, `"`, CR or LF is quoted, its quotes doubled.
std::string csv_cell(std::string_view text);

// Cells joined by commas, ended by CRLF (RFC 4180).
std::string csv_row(std::initializer_list<std::string_view> cells);

} // namespace bilan
