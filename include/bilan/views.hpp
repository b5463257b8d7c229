// What read commands print: terminal text for people, JSON (schema 1) for scripts. Pure
// functions of loaded data, so they are tested without a folder.
#pragma once

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/rules.hpp"

#include <string>
#include <vector>

namespace bilan {

// ANSI styling decided once per stream (terminal, NO_COLOR, --color).
struct Style {
    bool on = false;
    std::string bold(std::string_view text) const;
    std::string dim(std::string_view text) const;
    std::string good(std::string_view text) const;
    std::string warn(std::string_view text) const;
};

// Width of UTF-8 text in terminal cells (one per code point: our text has no wide glyphs).
std::size_t display_width(std::string_view text);
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// "0 enquête", "1 enquête", "2 enquêtes": in French, zero and one take the singular.
std::string counted(int count, std::string_view singular, std::string_view plural);

// Rows of cells laid out as columns for a terminal: each column as wide as its widest cell,
// two spaces between columns, a column empty on every row left out, and no line ending with
// a space. `align` holds 'l' (default) or 'r' per column.
std::string aligned_rows(const std::vector<std::vector<std::string>>& rows,
                         std::string_view align = {});

// One line per session (its evidence of attendance last), phases shown by their label in
// `framework`. Without a framework the
// phase keys are shown (kept for callers that have none, such as the fuzz target).
std::string sessions_table(const std::vector<Session>& sessions, const Framework& framework);
std::string sessions_table(const std::vector<Session>& sessions);
std::string sessions_json(const std::vector<Session>& sessions);

// The follow-up interview's due date: the bilan's end plus the framework's delay.
std::optional<Date> followup_due(const Framework& framework, const BilanRecord& bilan);
// Where that delay comes from, as messages cite it. For `fr` a practice (R6313-4 provides only
// that a follow-up may be planned: no article sets its date); for `be` the scheme's limit.
std::string_view followup_source(const Framework& framework);
// What an evaluation's deadline cites: `french` (Qualiopi) for a French bilan, never for a
// Belgian one.
std::string_view evaluation_source(const Framework& framework, std::string_view french);

// `today` decides which sessions are past, and so which lack evidence of attendance; `say`
// turns the warnings into their sentences (the JSON gives their codes too, in
// "warning_codes").
std::string status_text(const Framework& framework, const Folder& folder, const Date& today,
                        const Style& style, const SayProblem& say);
std::string status_json(const Framework& framework, const Folder& folder, const Date& today,
                        const SayProblem& say);

// `check --json`: each problem's file, line, column, its sentence (`say`) and its code.
std::string problems_json(const std::vector<Problem>& problems, const SayProblem& say);

} // namespace bilan
