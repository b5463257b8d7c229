#include "lock.hpp"

#include "bilan/errors.hpp"
#include "bilan/store.hpp"
#include "posix_io.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <string_view>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace bilan::store {
namespace {

// Whole seconds from 0 to 3600; anything else is refused rather than read as the default, so
// that a script's typo (`1.5`, `-1`) does not silently change how long it waits.
std::chrono::milliseconds lock_wait() {
    const char* text = std::getenv("BILAN_LOCK_WAIT");
    if (!text || !*text) return std::chrono::seconds(5);
    const std::string_view digits = text;
    long seconds = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9' || seconds > 3600) {
            seconds = -1;
            break;
        }
        seconds = seconds * 10 + (c - '0');
    }
    if (seconds < 0 || seconds > 3600)
        throw UsageError("BILAN_LOCK_WAIT : « " + single_line(digits) +
                         " » n'est pas un nombre entier de secondes de 0 à 3600");
    return std::chrono::seconds(seconds);
}

} // namespace

void check_lock_wait() {
    lock_wait();
}

namespace {

bool same_file(int fd, const std::filesystem::path& path) {
    struct stat held {
    }, named{};
    return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
           held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

std::string read_all(int fd) {
    std::string content;
    char buffer[64];
    ssize_t n;
    // A pid is a few bytes: the rest of a file that is not a lock of ours is not read.
    while (content.size() < 4096 &&
           (n = ::pread(fd, buffer, sizeof buffer, static_cast<off_t>(content.size()))) > 0)
        content.append(buffer, static_cast<std::size_t>(n));
    return content;
}

void sweep_folder(const std::filesystem::path& folder) {
    const int removed = sweep_abandoned_temp_files(folder);
    if (removed > 0)
        notify({.code = "lock.temp-files-swept",
                .severity = Severity::notice,
                .values = {{"count", std::to_string(removed)}}});
}

// The pid a dead writer left, if the file holds just that: anything else (a file committed by
// mistake, escape sequences) is never echoed to the terminal.
std::string pid_in(const std::string& content) {
    const std::string line = content.substr(0, content.find('\n'));
    const bool digits = !line.empty() && line.size() <= 10 &&
                        line.find_first_not_of("0123456789") == std::string::npos;
    return digits ? line : std::string();
}

// Opens (or creates) the lock file itself, never what a link committed as `.lock` points to,
// and only a regular file of ours: a FIFO or device named `.lock` must not hang or be written.
int open_lock_file(const std::filesystem::path& path, const std::filesystem::path& folder) {
    const int fd =
        ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (fd < 0 && (errno == ELOOP || errno == EISDIR || errno == ENXIO))
        throw EnvironmentError(path.string() + " n'est pas un fichier ordinaire (lien, dossier…) : "
                                               "supprimez-le pour écrire dans le bilan");
    if (fd < 0) throw system_error("verrouillage impossible de", folder.string(), errno);
    struct stat info {};
    // More than one name: a hard link to some other file. (None is fine: the holder we waited
    // for has just removed it, which the inode check after flock sees.)
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_nlink > 1) {
        ::close(fd);
        throw EnvironmentError(path.string() + " n'est pas un fichier ordinaire (lien, dossier…) : "
                                               "supprimez-le pour écrire dans le bilan");
    }
    return fd;
}

} // namespace

FolderLock::FolderLock(const std::filesystem::path& folder) : path_(folder / ".lock") {
    const auto deadline = std::chrono::steady_clock::now() + lock_wait();
    for (;;) {
        fd_ = open_lock_file(path_, folder);
        if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
            if (same_file(fd_, path_)) break;
        } else if (errno != EWOULDBLOCK && errno != EINTR) {
            const int err = errno;
            ::close(fd_);
            throw system_error("verrouillage impossible de", folder.string(), err);
        }
        ::close(fd_);
        fd_ = -1;
        if (std::chrono::steady_clock::now() >= deadline)
            throw EnvironmentError("le dossier " + folder.string() +
                                   " est verrouillé par une autre commande bilan ; réessayez");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ::fchmod(fd_, 0600);
    const std::string previous = read_all(fd_);
    if (!previous.empty()) {
        const std::string pid = pid_in(previous);
        if (pid.empty())
            notify({.code = "lock.taken-over", .severity = Severity::notice});
        else
            notify({.code = "lock.taken-over-from",
                    .severity = Severity::notice,
                    .values = {{"pid", pid}}});
        sweep_folder(folder);
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
        const int err = errno;
        ::unlink(path_.c_str());
        ::close(fd_);
        throw system_error("verrouillage impossible de", folder.string(), err);
    }
}

FolderLock::~FolderLock() {
    // Unlink while still holding the lock: a waiter that opened this inode will see it is no
    // longer the named file and try again.
    ::unlink(path_.c_str());
    ::close(fd_);
}

FolderGate::FolderGate(const std::filesystem::path& folder, Mode mode) {
    fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) return;
    const int operation = (mode == Mode::shared ? LOCK_SH : LOCK_EX) | LOCK_NB;
    const auto deadline = std::chrono::steady_clock::now() + lock_wait();
    while (::flock(fd_, operation) != 0) {
        const int err = errno;
        if (err != EWOULDBLOCK && err != EINTR) {
            ::close(fd_);
            throw system_error("verrouillage impossible de", folder.string(), err);
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::close(fd_);
            throw EnvironmentError("le dossier " + folder.string() +
                                   " est verrouillé par une autre commande bilan, qui " +
                                   (mode == Mode::shared ? "l'écrit" : "le lit") + " ; réessayez");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

FolderGate::~FolderGate() {
    if (fd_ >= 0) ::close(fd_);
}

} // namespace bilan::store
