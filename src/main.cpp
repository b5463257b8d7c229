// Prepares the process, runs the command line, and maps every error to its exit status: the
// one place that does so (see include/bilan/errors.hpp).
#include "bilan/errors.hpp"
#include "cli/app.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fcntl.h>
#include <unistd.h>

namespace {

// Before anything opens a file: a standard stream left closed (`>&-`) would otherwise be the
// number the next open gets, and the lock or a record would receive what is meant for the
// terminal. A closed stream becomes /dev/null opened the wrong way round, so that writing to
// it (or reading from it) fails as writing to a closed stream does: an id that cannot be
// printed is rolled back. SIGPIPE and SIGXFSZ are ignored: a closed pipe (EPIPE) and a file
// size limit (EFBIG) are then write failures like a full disk, which remove what they began
// and release the lock, instead of killing the process in the middle of a write.
void prepare_process() {
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        const int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
        if (opened != fd) std::_Exit(3); // cannot happen: fd is the lowest free number
    }
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
}

int fail(bilan::ExitCode code, std::string_view message) {
    const std::string line = bilan::single_line(message);
    std::fprintf(stderr, "bilan: %s\n", line.c_str());
    return static_cast<int>(code);
}

} // namespace

int main(int argc, char** argv) {
    prepare_process();
    try {
        return bilan::cli::run_command_line(argc, argv);
    } catch (...) {
        const bilan::Failure failure = bilan::failure_of(std::current_exception());
        return fail(failure.code, failure.message);
    }
}
