#include "posix_io.hpp"

#include "bilan/errors.hpp"
#include "bilan/store.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace bilan::store {
namespace {

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

std::string temp_name_for(const fs::path& path) {
    return (path.parent_path() /
            ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid())))
        .string();
}

void write_all(int fd, std::string_view content, const std::string& shown) {
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw system_error("écriture impossible de", shown, errno);
        content.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Writes a private temp file beside `path`, fully on disk before anything points to it.
std::string write_temp(const fs::path& path, std::string_view content) {
    const std::string temp = temp_name_for(path);
    ::unlink(temp.c_str()); // our own pid's leftover, if any
    FileDescriptor fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (fd.get() < 0) throw system_error("création impossible de", temp, errno);
    try {
        if (::fchmod(fd.get(), 0600) != 0) throw system_error("chmod impossible de", temp, errno);
        write_all(fd.get(), content, path.string());
        if (::fsync(fd.get()) != 0) throw system_error("fsync impossible de", path.string(), errno);
        if (::close(fd.release()) != 0)
            throw system_error("écriture impossible de", path.string(), errno);
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    return temp;
}

fs::path parent_or_dot(const fs::path& path) {
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

} // namespace

UnreadableFile::UnreadableFile(const std::string& action, const std::string& file, int err)
    : EnvironmentError(system_error(action, file, err)), path(file),
      cause(std::string(what()).substr(action.size() + file.size() + 4)) {} // "ACTION FILE : "

namespace {

DataError too_large(const SourcePos& where, std::size_t size) {
    const std::size_t mib = 1024 * 1024;
    return DataError(where, "fichier de " + std::to_string((size + mib - 1) / mib) +
                                " Mio, refusé sans être lu (" +
                                std::to_string(max_file_size / mib) +
                                " Mio au plus pour un fichier de bilan)");
}

// Reads `name` relative to the folder `dir_fd` (AT_FDCWD: `name` is the whole path); `path`
// names the file in messages, built only when one is needed. `listed_regular`: the folder's
// listing said it is a regular file (d_type), which spares asking its size (fstat) while it
// fits in the first read: one system call fewer per record.
template <typename Path>
std::optional<std::string> read_at(int dir_fd, const char* name, const Path& path,
                                   bool listed_regular) {
    // O_NONBLOCK: a FIFO named like a record must not hang the open; it is refused below, as is
    // a device (a link to /dev/zero would be read forever). O_NOFOLLOW: what was listed as a
    // regular file is not followed if it became a link since.
    const int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (listed_regular ? O_NOFOLLOW : 0);
    FileDescriptor fd(::openat(dir_fd, name, flags));
    const auto fail = [&](int err) { return UnreadableFile("lecture impossible de", path(), err); };
    if (fd.get() < 0) {
        const int err = errno;
        struct stat entry {};
        // Gone (a writer removed it since it was listed): as if it had never been listed. Still
        // there after ENOENT or ELOOP: a link to nothing, which stays until someone removes it.
        if (err == ENOENT && ::fstatat(dir_fd, name, &entry, AT_SYMLINK_NOFOLLOW) != 0)
            return std::nullopt;
        if (err == ENOENT || (err == ELOOP && !listed_regular))
            throw DataError({path(), 0, 0}, "lien symbolique vers rien");
        throw fail(err);
    }
    std::size_t size = 0;
    const auto check_regular = [&] {
        struct stat info {};
        if (::fstat(fd.get(), &info) != 0) throw fail(errno);
        if (S_ISDIR(info.st_mode)) throw DataError({path(), 0, 0}, "est un dossier");
        if (!S_ISREG(info.st_mode))
            throw DataError({path(), 0, 0}, "n'est pas un fichier ordinaire");
        size = static_cast<std::size_t>(info.st_size);
        if (size > max_file_size) throw too_large({path(), 0, 0}, size);
    };
    if (!listed_regular) check_regular();
    const auto read_some = [&](char* into, std::size_t room) {
        for (;;) {
            const ssize_t n = ::read(fd.get(), into, room);
            if (n >= 0) return static_cast<std::size_t>(n);
            if (errno != EINTR) throw fail(errno);
        }
    };
    std::string content;
    std::size_t filled = 0;
    if (listed_regular) {
        // Unasked, the size is taken to be under 4 KiB, as a record's is: read on the stack,
        // and only what came is copied. A read that fills it makes the file asked what it is.
        std::array<char, 4096> first; // not initialised: read() fills what is used
        const std::size_t n = read_some(first.data(), first.size());
        if (n < first.size()) return std::string(first.data(), n);
        check_regular();
        content.assign(first.data(), n);
        filled = n;
    }
    // One byte more than the file's size: once its size is in, a read that does not fill the
    // buffer has met the end of this regular file, which saves the usual last read (returning
    // 0).
    content.resize(filled == 0 ? size + 1 : std::max(size + 1, filled + 4096));
    for (;;) {
        if (filled == content.size()) content.resize(content.size() * 2 + 4096);
        const std::size_t n = read_some(content.data() + filled, content.size() - filled);
        filled += n;
        if (filled > max_file_size) throw too_large({path(), 0, 0}, filled); // it grew
        if (n == 0 || (filled >= size && filled < content.size())) break;
    }
    content.resize(filled);
    return content;
}

} // namespace

std::optional<std::string> read_file_if_exists(const fs::path& path) {
    const auto shown = [&] { return path.string(); };
    return read_at(AT_FDCWD, path.c_str(), shown, false);
}

std::string read_file(const fs::path& path) {
    auto content = read_file_if_exists(path);
    if (!content) throw system_error("lecture impossible de", path.string(), ENOENT);
    return std::move(*content);
}

namespace {

DataError linked_folder(const fs::path& dir) {
    return DataError({dir.lexically_normal().string(), 0, 0},
                     "est un lien symbolique : bilan ne lit, n'écrit ni ne supprime rien à "
                     "travers un lien (il mènerait hors du bilan) ; mettez-y un vrai dossier");
}

bool is_link(const fs::path& path) {
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode);
}

// The folder opened for listing, or null when there is none. O_NOFOLLOW: a record folder that
// is a link is refused in the same system call that opens it, never entered.
DIR* open_folder(const fs::path& dir, FolderLink link) {
    const int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK |
                      (link == FolderLink::refused ? O_NOFOLLOW : 0);
    FileDescriptor fd(::open(dir.c_str(), flags));
    if (fd.get() >= 0) {
        if (DIR* handle = ::fdopendir(fd.get())) {
            fd.release(); // the handle owns it now
            return handle;
        }
        throw UnreadableFile("lecture impossible du dossier", dir.string(), errno);
    }
    const int err = errno;
    if (link == FolderLink::refused && (err == ELOOP || err == ENOTDIR || err == ENOENT) &&
        is_link(dir))
        throw linked_folder(dir);
    if (err == ENOENT) return nullptr;
    if (err == ENOTDIR) throw DataError({dir.string(), 0, 0}, "n'est pas un dossier");
    throw UnreadableFile("lecture impossible du dossier", dir.string(), err);
}

} // namespace

void refuse_linked_folder(const fs::path& dir) {
    if (is_link(dir)) throw linked_folder(dir);
}

FolderReader::FolderReader(fs::path dir, FolderLink link)
    : dir_(std::move(dir)), handle_(open_folder(dir_, link)) {}

FolderReader::~FolderReader() {
    if (handle_) ::closedir(handle_);
}

std::vector<ListedFile> FolderReader::list() {
    std::vector<ListedFile> files;
    if (!handle_) return files;
    while (const dirent* entry = ::readdir(handle_)) {
        const std::string_view name = entry->d_name;
        if (name == "." || name == "..") continue;
        bool directory = entry->d_type == DT_DIR;
        if (entry->d_type == DT_UNKNOWN) { // some file systems do not say
            struct stat info {};
            directory =
                ::fstatat(::dirfd(handle_), entry->d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 &&
                S_ISDIR(info.st_mode);
        }
        files.push_back({std::string(name), entry->d_type == DT_REG, directory});
    }
    std::sort(files.begin(), files.end(),
              [](const ListedFile& a, const ListedFile& b) { return a.name < b.name; });
    return files;
}

// ".NAME.tmp-PID" (temp_name_for), as the folder's .gitignore matches it: ".*.tmp-*".
bool is_temp_file_name(std::string_view name) {
    return name.size() > 1 && name.front() == '.' &&
           name.find(".tmp-", 1) != std::string_view::npos;
}

std::optional<std::string> FolderReader::read_if_exists(const std::string& name,
                                                        bool listed_regular) const {
    const auto path = [&] { return (dir_ / name).string(); };
    // Without the folder (it listed nothing), a read fails as it would by its whole path.
    return handle_ ? read_at(::dirfd(handle_), name.c_str(), path, listed_regular)
                   : read_at(AT_FDCWD, path().c_str(), path, listed_regular);
}

void fsync_directory(const fs::path& dir) {
    FileDescriptor fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0)
        throw system_error("fsync impossible du dossier", dir.string(), errno);
}

void make_private_directory(const fs::path& dir) {
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno != EEXIST)
            throw system_error("création impossible du dossier", dir.string(), errno);
        // A folder a clone made under umask 022 (0755) is made private again by the first
        // write; a link is left as it is (chmod would change what it points to), and so is
        // another user's folder (only its owner may change its mode).
        struct stat info {};
        if (::lstat(dir.c_str(), &info) == 0 && S_ISDIR(info.st_mode) &&
            info.st_uid == ::geteuid() && (info.st_mode & 07777) != 0700 &&
            ::chmod(dir.c_str(), 0700) != 0)
            throw system_error("chmod impossible du dossier", dir.string(), errno);
        return;
    }
    if (::chmod(dir.c_str(), 0700) != 0)
        throw system_error("chmod impossible du dossier", dir.string(), errno);
    fsync_directory(parent_or_dot(dir));
}

namespace {

// What `path` held before a change: to put back if the change cannot be made durable.
struct Previous {
    bool existed = false;
    std::optional<std::string> content; // nullopt when it could not be read: nothing to put back
};

Previous previous_of(const fs::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return {};
    try {
        return {true, S_ISREG(info.st_mode) ? read_file_if_exists(path) : std::nullopt};
    } catch (const Error&) {
        return {true, std::nullopt};
    }
}

// Syncs the folder that a rename (or an unlink) just changed. When that fails the change may
// not survive a crash, and the command says it failed: so it is undone first (the previous file
// put back, else the new one removed), and the folder holds what it held before, as promised.
void sync_or_undo(const fs::path& path, const Previous& previous) {
    try {
        fsync_directory(parent_or_dot(path));
    } catch (...) {
        if (!previous.existed) {
            ::unlink(path.c_str());
        } else if (previous.content) {
            try {
                const std::string temp = write_temp(path, *previous.content);
                if (::rename(temp.c_str(), path.c_str()) != 0) ::unlink(temp.c_str());
            } catch (const Error&) { // the failure under way says what went wrong
            }
        }
        throw;
    }
}

} // namespace

void write_file_atomically(const fs::path& path, std::string_view content) {
    const Previous previous = previous_of(path);
    const std::string temp = write_temp(path, content);
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        throw system_error("remplacement impossible de", path.string(), err);
    }
    sync_or_undo(path, previous);
}

void write_output_file(const fs::path& path, std::string_view content) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) { // nothing there yet (or a dangling link): create it
        write_file_atomically(path, content);
        return;
    }
    if (S_ISDIR(info.st_mode)) throw EnvironmentError(path.string() + " est un dossier");
    if (S_ISREG(info.st_mode)) { // a link keeps pointing at the file it names
        std::error_code ec;
        const fs::path target = fs::canonical(path, ec);
        write_file_atomically(ec ? path : target, content);
        return;
    }
    FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (fd.get() < 0) throw system_error("écriture impossible dans", path.string(), errno);
    write_all(fd.get(), content, path.string());
}

void create_file_atomically(const fs::path& path, std::string_view content) {
    const std::string temp = write_temp(path, content);
    int moved = ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
    int err = errno;
    if (moved != 0 && (err == EINVAL || err == ENOSYS)) {
        // A file system without RENAME_NOREPLACE: the folder lock keeps this check-then-rename
        // free of races between bilan processes.
        struct stat info {};
        if (::lstat(path.c_str(), &info) == 0)
            err = EEXIST;
        else
            moved = ::rename(temp.c_str(), path.c_str()), err = errno;
    }
    if (moved != 0) {
        ::unlink(temp.c_str());
        if (err == EEXIST) throw EnvironmentError(path.string() + " existe déjà");
        throw system_error("création impossible de", path.string(), err);
    }
    sync_or_undo(path, Previous{});
}

void remove_file_durably(const fs::path& path) {
    const Previous previous = previous_of(path);
    if (::unlink(path.c_str()) != 0)
        throw system_error("suppression impossible de", path.string(), errno);
    sync_or_undo(path, previous);
}

namespace {

// A temp file name whose process no longer exists: left by a killed writer. A live
// process's (a `render -o` writing into the folder without the lock) is left alone.
bool abandoned_temp_name(std::string_view name) {
    if (!is_temp_file_name(name)) return false;
    const std::string_view pid = name.substr(name.rfind(".tmp-") + 5);
    if (pid.empty() || pid.size() > 10 || pid.find_first_not_of("0123456789") != pid.npos)
        return false;
    const long number = std::strtol(std::string(pid).c_str(), nullptr, 10);
    return number > 0 && ::kill(static_cast<pid_t>(number), 0) != 0 && errno == ESRCH;
}

// Removes the abandoned temp files of the folder `dir_fd`, regular files only; returns how
// many, and adds its real subfolders (never a link) to `subfolders` when asked.
int sweep_opened_folder(int dir_fd, std::vector<std::string>* subfolders) {
    DIR* handle = ::fdopendir(dir_fd);
    if (!handle) {
        ::close(dir_fd);
        return 0;
    }
    int removed = 0;
    while (const dirent* entry = ::readdir(handle)) {
        const std::string_view name = entry->d_name;
        if (name == "." || name == "..") continue;
        struct stat info {};
        if (::fstatat(dir_fd, entry->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (S_ISDIR(info.st_mode)) {
            if (subfolders && name.front() != '.') subfolders->emplace_back(name);
        } else if (S_ISREG(info.st_mode) && abandoned_temp_name(name)) {
            removed += ::unlinkat(dir_fd, entry->d_name, 0) == 0 ? 1 : 0;
        }
    }
    ::closedir(handle);
    return removed;
}

} // namespace

int sweep_abandoned_temp_files(const fs::path& folder) {
    const int root = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root < 0) return 0;
    const FileDescriptor root_fd(root);
    std::vector<std::string> subfolders;
    int removed = sweep_opened_folder(::dup(root), &subfolders);
    for (const std::string& name : subfolders) {
        const int sub =
            ::openat(root, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub >= 0) removed += sweep_opened_folder(sub, nullptr);
    }
    return removed;
}

} // namespace bilan::store
