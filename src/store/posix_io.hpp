// The store's narrow window on the file system: every write is atomic and private (0600/0700
// whatever the umask), every failure an EnvironmentError that names the file.
#pragma once

#include <cstdint>
#include <dirent.h>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan::store {

namespace fs = std::filesystem;

// The whole file, or nullopt when it does not exist.
std::optional<std::string> read_file_if_exists(const fs::path& path);
std::string read_file(const fs::path& path);

// Closes the files one thread has read, a run of consecutive descriptors at a time, with one
// close_range: a system call costs 2 µs on a VM, and closing was a third of the calls of a
// load. Each descriptor handed in is open and this object's alone; a run grows only by the
// next number (which a lone reader gets back, the lowest free one), so a run holds nothing
// else. Where two threads interleave, runs break and it closes file by file, as before.
class BatchedClose {
public:
    // `longest_run`: how many descriptors it holds at most (1: it closes each at once).
    explicit BatchedClose(int longest_run = 64) : longest_run_(longest_run < 1 ? 1 : longest_run) {}
    ~BatchedClose() { flush(); }
    BatchedClose(const BatchedClose&) = delete;
    BatchedClose& operator=(const BatchedClose&) = delete;
    void close_later(int fd) noexcept;
    void flush() noexcept;
    bool holds_any() const noexcept { return first_ >= 0; }

    // 64, or less under a low limit of open files (ulimit -n): two threads' batches then hold
    // at most an eighth of it, and the other descriptors (folders, the standard streams) fit.
    static int run_for_limit(std::uint64_t open_files_limit) noexcept;
    static int run_for_this_process() noexcept; // from getrlimit

private:
    int longest_run_;
    int first_ = -1;
    int last_ = -1;
};

// A *.toml file of a folder, as its listing gives it.
struct ListedFile {
    std::string name;
    bool regular; // the listing says so (d_type); false when it does not know
};

// One folder, opened once: listed, then its files read by name relative to it (one name to look
// up instead of the whole path: a sixth of the system time of a large collection). Messages
// and errors are read_file(dir / name)'s. A folder that does not exist lists no file.
class FolderReader {
public:
    explicit FolderReader(fs::path dir); // throws when the folder is there but cannot be read
    ~FolderReader();
    FolderReader(const FolderReader&) = delete;
    FolderReader& operator=(const FolderReader&) = delete;
    // Its *.toml files (not hidden), sorted by name. The folder is listed once: call it once.
    std::vector<ListedFile> list_toml();
    // `listed_regular`: list_toml said so, which saves a system call.
    // `closer`: where the file goes once read (none: closed at once).
    std::string read(const std::string& name, bool listed_regular = false,
                     BatchedClose* closer = nullptr) const;

private:
    fs::path dir_;
    DIR* handle_; // null: no such folder
};

// Creates `dir` (0700) if missing, fsyncing its parent so the new entry survives a crash;
// an existing folder (not a link) is made 0700 again.
void make_private_directory(const fs::path& dir);
void fsync_directory(const fs::path& dir);

// A new file, never replacing one (rename with RENAME_NOREPLACE): used for new records, so that a
// record's name cannot be taken twice even by a process that bypassed the lock.
void create_file_atomically(const fs::path& path, std::string_view content);

// Removes the file and fsyncs its folder.
void remove_file_durably(const fs::path& path);

// The *.toml files of a folder (not hidden), sorted by name; empty when there is no folder.
std::vector<ListedFile> list_toml_entries(const fs::path& dir);
std::vector<std::string> list_toml_files(const fs::path& dir); // their names

// Removes the temp files (".NAME.tmp-PID", regular files whose process is gone) that a killed
// writer left in `folder` and its subfolders, never following a link; returns how many.
int sweep_abandoned_temp_files(const fs::path& folder);

} // namespace bilan::store
