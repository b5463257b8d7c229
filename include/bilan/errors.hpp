// The one place that knows the exit statuses (man bilan, EXIT STATUS) and the error type that
// carries them from wherever a problem is found to main().
#pragma once

#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bilan {

struct Problem; // problem.hpp

enum class ExitCode : int {
    ok = 0,
    refused = 1,     // refused, or invalid data in a file
    usage = 2,       // unknown command or option, a value that does not parse
    environment = 3, // I/O, permission, folder locked by another run
    bug = 70,        // an exception no one expected: a defect of bilan (sysexits' EX_SOFTWARE)
};

// A position in a file of the folder, 1-based; line 0 means "the file as a whole".
struct SourcePos {
    std::string file;
    int line = 0;
    int column = 0;
};

// "FILE:LINE:COLUMN: message", or "FILE: message" when no line is known.
std::string format_located(const SourcePos& pos, const std::string& message);

// A diagnostic is one line, whatever the text it quotes: newlines, tabs and other control
// characters a person typed are shown as escapes (\n, \t, \x1b).
std::string single_line(std::string_view message);

class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    // An error said as a problem (problem.hpp), whose words are the command line's: it says
    // it (cli/app.cpp) before main() does; what() is only its code.
    Error(ExitCode code, Problem problem);
    ExitCode code() const noexcept { return code_; }
    const Problem* problem() const noexcept { return problem_.get(); }

private:
    ExitCode code_;
    std::shared_ptr<const Problem> problem_;
};

// A value typed by the user that does not parse: exit 2.
struct UsageError : Error {
    explicit UsageError(const std::string& message) : Error(ExitCode::usage, message) {}
};

// A refusal (unknown id, a bilan already there, no consent): exit 1.
struct RefusedError : Error {
    explicit RefusedError(const std::string& message) : Error(ExitCode::refused, message) {}
    explicit RefusedError(Problem problem);
};

// A file of the folder that is not valid: exit 1, message prefixed with FILE:LINE:COLUMN.
struct DataError : Error {
    DataError(const SourcePos& pos, const std::string& message)
        : Error(ExitCode::refused, format_located(pos, message)), where(pos), detail(message) {}
    SourcePos where;
    std::string detail; // the message without its location
};

// The machine failed us (I/O, permission, lock held): exit 3.
struct EnvironmentError : Error {
    explicit EnvironmentError(const std::string& message) : Error(ExitCode::environment, message) {}
};

// Builds an EnvironmentError from errno: "what: path: strerror".
EnvironmentError system_error(const std::string& what, const std::string& path, int err);

// What main() says of an exception that reached it, and its exit status. bilan's own errors
// carry theirs; what the system throws (no memory, a failed system call) is the environment;
// anything else is a defect of bilan, said as such and asking to be reported, so that a
// script and a counsellor never take a bug for a full disk.
struct Failure {
    ExitCode code;
    std::string message;
};
Failure failure_of(std::exception_ptr thrown);

} // namespace bilan
