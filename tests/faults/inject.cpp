// A fault-injection shim for the end-to-end tests, loaded with LD_PRELOAD: it makes chosen
// system calls of the bilan binary fail, so that tests can prove that a failing disk never
// costs a record (exit 3, one line, the old files intact, no temp file left).
//
// Environment (read at every call, so one process sees one setting):
//   BILAN_FAULT        comma-separated operations to fail: open, write, fsync, rename,
//                      renameat2, mkdir, unlink; fsyncdir (fsync of a folder only: the sync
//                      after a rename, that file fsyncs leave alone); or shortwrite (write returns
//                      at most 3 bytes per call, without failing: exercises the callers' write
//                      loops)
//   BILAN_FAULT_PATH   only calls whose path contains this text (fd calls: the path behind the
//                      fd); empty: every path. Writes to fds 0-2 are never failed, so the
//                      program can still report the failure.
//   BILAN_FAULT_AFTER  let this many matching calls succeed first (default 0)
//   BILAN_FAULT_TIMES  fail this many calls, then succeed again (default: every call)
//   BILAN_FAULT_ERRNO  ENOSPC, EIO, EACCES, EROFS, EDQUOT, EINTR, EINVAL, ENOSYS, EPERM or a
//                      number (default: ENOSPC for write, EIO otherwise)
//   BILAN_FAULT_LOG    a file to which one line per injected fault is appended
//   BILAN_FAULT_DELAY_MS  sleep this long in every write, fsync, rename and mkdir (failing or
//                      not): widens the windows in which test_crash.sh kills a writer
//
// Under AddressSanitizer the ASan runtime must come first: LD_PRELOAD="libasan.so.N:THIS".
// ASan's interceptors then call into this shim, which calls the C library.
#undef _FORTIFY_SOURCE
#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

namespace {

std::atomic<long> matching_calls{0};

bool wanted(const char* op) {
    const char* list = std::getenv("BILAN_FAULT");
    if (!list) return false;
    const std::size_t length = std::strlen(op);
    for (const char* p = list; (p = std::strstr(p, op)) != nullptr; p += length) {
        const bool starts = p == list || p[-1] == ',';
        const bool ends = p[length] == '\0' || p[length] == ',';
        if (starts && ends) return true;
    }
    return false;
}

long env_number(const char* name, long fallback) {
    const char* text = std::getenv(name);
    if (!text || !*text) return fallback;
    return std::strtol(text, nullptr, 10);
}

int chosen_errno(int fallback) {
    const char* text = std::getenv("BILAN_FAULT_ERRNO");
    if (!text || !*text) return fallback;
    static const struct {
        const char* name;
        int value;
    } names[] = {{"ENOSPC", ENOSPC}, {"EIO", EIO},       {"EACCES", EACCES}, {"EROFS", EROFS},
                 {"EDQUOT", EDQUOT}, {"EINTR", EINTR},   {"EINVAL", EINVAL}, {"ENOSYS", ENOSYS},
                 {"EPERM", EPERM},   {"EEXIST", EEXIST}, {"EMFILE", EMFILE}};
    for (const auto& entry : names)
        if (std::strcmp(entry.name, text) == 0) return entry.value;
    const long number = std::strtol(text, nullptr, 10);
    return number > 0 ? static_cast<int>(number) : fallback;
}

bool path_matches(const char* path) {
    const char* pattern = std::getenv("BILAN_FAULT_PATH");
    if (!pattern || !*pattern) return true;
    return path && std::strstr(path, pattern) != nullptr;
}

std::string path_of_fd(int fd) {
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[4096];
    const ssize_t n = ::readlink(link, target, sizeof target - 1);
    return n > 0 ? std::string(target, static_cast<std::size_t>(n)) : std::string();
}

void delay() {
    const long ms = env_number("BILAN_FAULT_DELAY_MS", 0);
    if (ms <= 0) return;
    const timespec pause{ms / 1000, (ms % 1000) * 1000000};
    ::nanosleep(&pause, nullptr);
}

void log_fault(const char* op, const char* path) {
    const char* log = std::getenv("BILAN_FAULT_LOG");
    if (!log || !*log) return;
    if (FILE* file = std::fopen(log, "a")) {
        std::fprintf(file, "%s %s\n", op, path ? path : "?");
        std::fclose(file);
    }
}

// Set while the shim itself does I/O (the log), which must pass through untouched.
thread_local bool in_shim = false;

// Decides whether this call fails; counts only calls that match the operation and path.
bool inject(const char* op, const char* path) {
    if (in_shim) return false;
    if (std::strcmp(op, "open") != 0 && std::strcmp(op, "unlink") != 0) delay();
    if (!wanted(op) || !path_matches(path)) return false;
    const long index = matching_calls.fetch_add(1);
    const long after = env_number("BILAN_FAULT_AFTER", 0);
    const long times = env_number("BILAN_FAULT_TIMES", -1);
    if (index < after || (times >= 0 && index >= after + times)) return false;
    in_shim = true;
    log_fault(op, path);
    in_shim = false;
    return true;
}

bool inject_fd(const char* op, int fd) {
    if (fd <= 2 || in_shim) return false;
    if (!wanted(op)) {
        delay();
        return false;
    }
    const std::string path = path_of_fd(fd);
    return inject(op, path.c_str());
}

template <typename Function> Function next(const char* name) {
    return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

int fail(int err) {
    errno = err;
    return -1;
}

mode_t mode_argument(int flags, va_list args) {
    return (flags & (O_CREAT | O_TMPFILE)) ? static_cast<mode_t>(va_arg(args, unsigned)) : 0;
}

bool is_directory(int fd) {
    struct stat info {};
    return ::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode);
}

} // namespace

extern "C" {

int open(const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_argument(flags, args);
    va_end(args);
    if (inject("open", path)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(const char*, int, ...)>("open");
    return real(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_argument(flags, args);
    va_end(args);
    if (inject("open", path)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(const char*, int, ...)>("open64");
    return real(path, flags, mode);
}

int openat(int dirfd, const char* path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    const mode_t mode = mode_argument(flags, args);
    va_end(args);
    if (inject("open", path)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(int, const char*, int, ...)>("openat");
    return real(dirfd, path, flags, mode);
}

ssize_t write(int fd, const void* buffer, size_t count) {
    static const auto real = next<ssize_t (*)(int, const void*, size_t)>("write");
    if (fd > 2 && count > 3 && wanted("shortwrite")) return real(fd, buffer, 3);
    if (inject_fd("write", fd)) return fail(chosen_errno(ENOSPC));
    return real(fd, buffer, count);
}

ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset) {
    if (inject_fd("write", fd)) return fail(chosen_errno(ENOSPC));
    static const auto real = next<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
    return real(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t count, off64_t offset) {
    if (inject_fd("write", fd)) return fail(chosen_errno(ENOSPC));
    static const auto real = next<ssize_t (*)(int, const void*, size_t, off64_t)>("pwrite64");
    return real(fd, buffer, count, offset);
}

ssize_t writev(int fd, const struct iovec* vector, int count) {
    if (inject_fd("write", fd)) return fail(chosen_errno(ENOSPC));
    static const auto real = next<ssize_t (*)(int, const struct iovec*, int)>("writev");
    return real(fd, vector, count);
}

int fsync(int fd) {
    if (inject_fd("fsync", fd)) return fail(chosen_errno(EIO));
    if (is_directory(fd) && inject_fd("fsyncdir", fd)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(int)>("fsync");
    return real(fd);
}

int fdatasync(int fd) {
    if (inject_fd("fsync", fd)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(int)>("fdatasync");
    return real(fd);
}

int rename(const char* from, const char* to) {
    if (inject("rename", to)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(const char*, const char*)>("rename");
    return real(from, to);
}

int renameat(int from_dir, const char* from, int to_dir, const char* to) {
    if (inject("rename", to)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(int, const char*, int, const char*)>("renameat");
    return real(from_dir, from, to_dir, to);
}

int renameat2(int from_dir, const char* from, int to_dir, const char* to, unsigned flags) {
    if (inject("renameat2", to)) return fail(chosen_errno(EIO));
    static const auto real =
        next<int (*)(int, const char*, int, const char*, unsigned)>("renameat2");
    return real(from_dir, from, to_dir, to, flags);
}

int mkdir(const char* path, mode_t mode) {
    if (inject("mkdir", path)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(const char*, mode_t)>("mkdir");
    return real(path, mode);
}

int mkdirat(int dirfd, const char* path, mode_t mode) {
    if (inject("mkdir", path)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(int, const char*, mode_t)>("mkdirat");
    return real(dirfd, path, mode);
}

int unlink(const char* path) {
    if (inject("unlink", path)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(const char*)>("unlink");
    return real(path);
}

int unlinkat(int dirfd, const char* path, int flags) {
    if (inject("unlink", path)) return fail(chosen_errno(EIO));
    static const auto real = next<int (*)(int, const char*, int)>("unlinkat");
    return real(dirfd, path, flags);
}

} // extern "C"
