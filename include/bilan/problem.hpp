// A problem or a notice as data: what a rule found, said in no language yet. A stable code
// ("attendance.no-evidence"), how grave it is, where (a file, a line, a record), the values its
// sentence needs, the rule's legal source and, when one operation fixes it, that operation and
// its arguments. The command line turns it into today's French line (src/cli/problems.cpp,
// the only table of sentences); a web page or an e-mail can say it its own way, and offer the
// remedy as a button rather than as a command line.
#pragma once

#include "bilan/errors.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan {

enum class Severity {
    error,   // the folder is at fault: `check` exits 1
    warning, // worth a look, the folder stays valid ("attention : …")
    notice,  // information about what was done or not done
};

// A named value of a problem: {"session", "3f9a0b12"}, {"date", "2026-03-02"}. Dates are ISO,
// durations whole minutes, amounts cents: the renderer formats them.
struct NamedValue {
    std::string name;
    std::string text;
};
using Values = std::vector<NamedValue>;

// An argument of a remedy: nullopt when the user has to give it (a date, a text).
struct Argument {
    std::string name;
    std::optional<std::string> value;
};

// The operation that fixes a problem, by name ("session.attest"), with its arguments in the
// order they are best said.
struct Remedy {
    std::string operation{};
    std::vector<Argument> arguments{};
};

struct Problem {
    // Each member has its initializer, so that a problem names only what it has
    // ({.code = …, .values = …}).
    std::string code{};
    Severity severity = Severity::error;
    std::optional<SourcePos> where{}; // the file at fault, when there is one
    std::string record{};             // the id of the record at fault, when there is one
    Values values{};
    std::string source{}; // the rule's legal source ("R6313-7"), when it has one
    std::optional<Remedy> remedy{};
    std::vector<Problem> causes{}; // what it comes from: practice.toml that could not be read…

    // The value named `name`; empty when there is none.
    const std::string& value(std::string_view name) const;
};

// A file that does not read as bilan reads it (syntax, an unknown key, a bad value): its
// reader's sentence as the value "detail", since the readers of the store say it there.
inline constexpr std::string_view file_invalid = "file.invalid";
Problem file_problem(std::optional<SourcePos> where, std::string detail);

// Where the layers below the command line send a notice met on the way, when it happens (a
// lock taken over, temp files swept, a folder of a newer format): the command line sets it and
// says each at once on stderr; unset, a notice is dropped. A plain function: a notice may come
// while the program ends.
using NoticeSink = void (*)(const Problem& notice);
void set_notice_sink(NoticeSink sink);
void notify(const Problem& notice);

// What turns a problem into a sentence: given to the views that show problems among other
// lines (`status`), so that they need no table of sentences of their own.
using SayProblem = std::function<std::string(const Problem&)>;
// What turns a remedy into words (a command line, a button's label).
using SayRemedy = std::function<std::string(const Remedy&)>;

} // namespace bilan
