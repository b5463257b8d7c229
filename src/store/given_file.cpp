// Files the user names on the command line to be read (not written: output_target.cpp).
#include "bilan/errors.hpp"
#include "bilan/store/output.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bilan::store {

std::string read_given_file(const std::filesystem::path& file, std::size_t limit) {
    const std::string shown = file.string();
    // O_NONBLOCK: a FIFO named by mistake does not hang the open; fstat then refuses it.
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) throw RefusedError(shown + " : fichier introuvable");
        throw EnvironmentError(shown + " : " + std::strerror(errno));
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) throw EnvironmentError(shown + " : " + std::strerror(errno));
    if (!S_ISREG(info.st_mode)) throw RefusedError(shown + " : n'est pas un fichier ordinaire");
    if (static_cast<std::size_t>(info.st_size) > limit)
        throw RefusedError(shown + " : plus de " + std::to_string(limit / 1024) +
                           " Kio, ce n'est pas un message de réponse");
    std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw EnvironmentError(shown + " : " + std::strerror(errno));
        if (n == 0) break; // shortened meanwhile
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

} // namespace bilan::store
