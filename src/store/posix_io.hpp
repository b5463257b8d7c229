// The store's narrow window on the file system: every write is atomic and private (0600/0700
// whatever the umask), every failure an EnvironmentError that names the file.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE
#error "the store's internals are its own: the layers above use bilan/store.hpp"
#endif

#include "bilan/errors.hpp"

#include <dirent.h>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan::store {

namespace fs = std::filesystem;

// The largest file bilan reads: a record a person writes is a few KiB. A larger file is
// refused before it is read (DataError), not read whole into memory.
constexpr std::size_t max_file_size = 1024 * 1024;

// A file or folder that is there but cannot be read (permission, I/O): exit 3 like any
// EnvironmentError, and `check` lists it as one problem with `cause` and goes on.
struct UnreadableFile : EnvironmentError {
    UnreadableFile(const std::string& action, const std::string& file, int err);
    std::string path;
    std::string cause; // "permission refusée"
};

// The whole file, or nullopt when it does not exist.
std::optional<std::string> read_file_if_exists(const fs::path& path);
std::string read_file(const fs::path& path);

// An entry of a folder, as its listing gives it.
struct ListedFile {
    std::string name;
    bool regular;   // the listing says so (d_type); false when it does not know
    bool directory; // the listing says so (d_type), or a stat when it does not know
};

// The name of a temp file a writer makes beside the file it replaces (".NAME.tmp-PID").
bool is_temp_file_name(std::string_view name);

// Whether a folder that is a symbolic link is entered. The bilan's own folder, as the user names
// it, is; a record folder inside it never is: a link (made by hand, or committed to git) would
// read another beneficiary's records into this bilan, and let purge destroy files outside it.
enum class FolderLink { followed, refused };

// DataError (DIR: est un lien symbolique…) when `dir` is a symbolic link: a record folder is
// never read, written or emptied through one. Nothing when it is anything else, or absent.
void refuse_linked_folder(const fs::path& dir);

// One folder, opened once: listed, then its files read by name relative to it (one name to look
// up instead of the whole path: a sixth of the system time of a large collection). Messages
// and errors are read_file(dir / name)'s. A folder that does not exist lists no file.
class FolderReader {
public:
    // Throws UnreadableFile when the folder is there but cannot be read, DataError when it is
    // not a folder, or a symbolic link that `link` refuses.
    explicit FolderReader(fs::path dir, FolderLink link = FolderLink::refused);
    ~FolderReader();
    FolderReader(const FolderReader&) = delete;
    FolderReader& operator=(const FolderReader&) = delete;
    // Its entries (but "." and ".."), sorted by name. The folder is listed once: call it once.
    std::vector<ListedFile> list();
    // Nullopt when the file is gone since it was listed (removed by a writer meanwhile). A
    // link to nothing is a DataError: it is there, and will not go away. `listed_regular`: the
    // listing said so, which saves a system call.
    std::optional<std::string> read_if_exists(const std::string& name, bool listed_regular) const;

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

// RefusedError when `path` is a link or a read-only file: bilan replaces neither (transaction.cpp).
void require_replaceable(const fs::path& path, const std::string& shown);

// Writes a document where the user asked (write_document, once the target is allowed).
void write_output_file(const fs::path& path, std::string_view content);

// Removes the file and fsyncs its folder.
void remove_file_durably(const fs::path& path);

// Removes the temp files (".NAME.tmp-PID", regular files whose process is gone) that a killed
// writer left in `folder` and its subfolders, never following a link; returns how many.
int sweep_abandoned_temp_files(const fs::path& folder);

} // namespace bilan::store
