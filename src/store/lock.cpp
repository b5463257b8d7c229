#include "lock.hpp"

#include "bilan/errors.hpp"
#include "posix_io.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <fmt/core.h>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace bilan::store {
namespace {

std::chrono::milliseconds lock_wait() {
    const char* text = std::getenv("BILAN_LOCK_WAIT");
    if (!text || !*text) return std::chrono::seconds(5);
    char* end = nullptr;
    const long seconds = std::strtol(text, &end, 10);
    if (*end != '\0' || seconds < 0 || seconds > 3600) return std::chrono::seconds(5);
    return std::chrono::seconds(seconds);
}

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
    while ((n = ::pread(fd, buffer, sizeof buffer, static_cast<off_t>(content.size()))) > 0)
        content.append(buffer, static_cast<std::size_t>(n));
    return content;
}

void sweep_folder(const std::filesystem::path& folder) {
    int removed = sweep_temp_files(folder);
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.is_directory(ec) && entry.path().filename().string().front() != '.')
            removed += sweep_temp_files(entry.path());
    if (removed > 0)
        fmt::print(stderr, "bilan: {} fichier(s) temporaire(s) abandonné(s) supprimé(s)\n",
                   removed);
}

} // namespace

FolderLock::FolderLock(const std::filesystem::path& folder) : path_(folder / ".lock") {
    const auto deadline = std::chrono::steady_clock::now() + lock_wait();
    for (;;) {
        fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd_ < 0) throw system_error("verrouillage impossible de", folder.string(), errno);
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
        fmt::print(stderr, "bilan: verrou laissé par le processus {} (interrompu) : repris\n",
                   previous.substr(0, previous.find('\n')));
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

} // namespace bilan::store
