// typeset_pdf: WeasyPrint as a child process. Its standard input, output and error are pipes
// served by one poll loop, so that neither side waits on a full pipe of the other.
#include "bilan/errors.hpp"
#include "bilan/store/output.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace bilan::store {
namespace {

constexpr std::string_view program = "weasyprint";

struct Pipe {
    int read = -1, write = -1;
    Pipe() {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0)
            throw EnvironmentError(std::string("pipe : ") + std::strerror(errno));
        read = fds[0];
        write = fds[1];
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    ~Pipe() {
        close_end(read);
        close_end(write);
    }
    static void close_end(int& fd) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

// Ours, with SOURCE_DATE_EPOCH at 0: the fonts WeasyPrint embeds (subset by fontTools) carry
// a modification time, the clock's unless that variable says otherwise, and the same folder
// must give the same bytes.
std::vector<std::string> child_environment() {
    std::vector<std::string> environment;
    for (char** variable = environ; *variable != nullptr; ++variable)
        if (!std::string_view(*variable).starts_with("SOURCE_DATE_EPOCH="))
            environment.emplace_back(*variable);
    environment.emplace_back("SOURCE_DATE_EPOCH=0");
    return environment;
}

// The child's file descriptors 0, 1 and 2 are the pipes' ends; everything else of ours closes
// at exec (O_CLOEXEC).
pid_t spawn(Pipe& in, Pipe& out, Pipe& err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write, 2);
    static char name[] = "weasyprint", from_stdin[] = "-", to_stdout[] = "-";
    std::array<char*, 4> argv{name, from_stdin, to_stdout, nullptr};
    std::vector<std::string> environment = child_environment();
    std::vector<char*> envp;
    for (std::string& variable : environment)
        envp.push_back(variable.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    const int failed = posix_spawnp(&pid, std::string(program).c_str(), &actions, nullptr,
                                    argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (failed == ENOENT)
        throw EnvironmentError("weasyprint est introuvable, il fait les PDF : installez weasyprint "
                               "(apt install weasyprint) ou demandez --format html");
    if (failed != 0)
        throw EnvironmentError("weasyprint ne démarre pas : " + std::string(std::strerror(failed)));
    Pipe::close_end(in.read);
    Pipe::close_end(out.write);
    Pipe::close_end(err.write);
    return pid;
}

// Appends what is there to read; false at the end of the stream.
bool drain(int fd, std::string& into) {
    char buffer[65536];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) into.append(buffer, static_cast<std::size_t>(n));
    return n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN));
}

// Feeds `input` to the child and collects its output and its error until both end.
void exchange(Pipe& in, Pipe& out, Pipe& err, std::string_view input, std::string& output,
              std::string& errors) {
    fcntl(in.write, F_SETFL, fcntl(in.write, F_GETFL) | O_NONBLOCK);
    std::size_t written = 0;
    if (input.empty()) Pipe::close_end(in.write);
    while (out.read >= 0 || err.read >= 0) {
        std::array<pollfd, 3> fds{pollfd{in.write, POLLOUT, 0}, pollfd{out.read, POLLIN, 0},
                                  pollfd{err.read, POLLIN, 0}};
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            throw EnvironmentError(std::string("poll : ") + std::strerror(errno));
        }
        if (in.write >= 0 && fds[0].revents != 0) {
            const ssize_t n = ::write(in.write, input.data() + written, input.size() - written);
            if (n > 0) written += static_cast<std::size_t>(n);
            // A child that stops reading (EPIPE: it failed) says why on its error.
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size())
                Pipe::close_end(in.write);
        }
        if (out.read >= 0 && fds[1].revents != 0 && !drain(out.read, output))
            Pipe::close_end(out.read);
        if (err.read >= 0 && fds[2].revents != 0 && !drain(err.read, errors))
            Pipe::close_end(err.read);
    }
}

// The last line the child wrote on its error (main() says it on one line, as every message).
std::string last_line(std::string_view errors) {
    while (!errors.empty() && (errors.back() == '\n' || errors.back() == ' '))
        errors.remove_suffix(1);
    const std::size_t start = errors.rfind('\n');
    return std::string(errors.substr(start == std::string_view::npos ? 0 : start + 1));
}

} // namespace

std::string typeset_pdf(std::string_view html) {
    Pipe in, out, err;
    const pid_t pid = spawn(in, out, err);
    std::string pdf, errors;
    try {
        exchange(in, out, err, html, pdf, errors);
    } catch (...) {
        ::kill(pid, SIGKILL); // no child left behind
        ::waitpid(pid, nullptr, 0);
        throw;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && pdf.rfind("%PDF-", 0) == 0) return pdf;
    const std::string said = last_line(errors);
    throw EnvironmentError("weasyprint a échoué" +
                           (said.empty()
                                ? std::string(" (statut ") +
                                      std::to_string(WIFEXITED(status) ? WEXITSTATUS(status)
                                                                       : 128 + WTERMSIG(status)) +
                                      ")"
                                : " : " + said));
}

} // namespace bilan::store
