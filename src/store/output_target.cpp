// Where `render -o` may write: anywhere but over a file of the bilan itself. The target is
// compared by identity (device and inode of its real folder, and its name), not as a string,
// so that `./x/../bilan.toml`, a link to a record or a `-C` elsewhere are caught too.
#include "bilan/errors.hpp"
#include "bilan/store.hpp"

#include <array>
#include <climits>
#include <cstdlib>
#include <string>
#include <sys/stat.h>

namespace bilan::store {
namespace {

namespace fs = std::filesystem;

struct Identity {
    dev_t dev;
    ino_t ino;
    bool operator==(const Identity&) const = default;
};

std::optional<Identity> identity_of(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return Identity{info.st_dev, info.st_ino};
}

// The real path of `path` when it exists, else `path` itself.
fs::path real_path(const fs::path& path) {
    char resolved[PATH_MAX];
    return ::realpath(path.c_str(), resolved) ? fs::path(resolved) : path;
}

// The files of the folder's top level that make the bilan (and the record folders' names,
// which a file must never take).
constexpr std::array<std::string_view, 7> top_level_files{
    "bilan.toml", "project.toml", "edof.toml",       "framework.toml",
    ".gitignore", ".lock",        "destruction.toml"};

} // namespace

void refuse_bilan_file_target(const Store& store, const fs::path& target) {
    const auto root = identity_of(store.root());
    if (!root) return; // no folder: nothing of it to overwrite
    // What a write would replace: the file a link names, else the name in its folder.
    fs::path written = target;
    if (identity_of(target)) written = real_path(target);
    const fs::path name = written.filename();
    if (name.empty() || name == "." || name == "..") return; // a folder: the write refuses it
    // The deepest folder of the path that exists, in its real place, and the name that comes
    // after it: `sessions/x.md` is caught even before the first session made `sessions/`.
    fs::path existing = fs::absolute(written.has_parent_path() ? written.parent_path() : ".");
    fs::path next = name;
    while (!identity_of(existing) && existing.has_relative_path()) {
        next = existing.filename();
        existing = existing.parent_path();
    }
    const fs::path parent = real_path(existing);

    std::vector<std::string> record_folder_names;
    std::vector<Identity> record_folders;
    for (const Collection& collection : record_collections()) {
        record_folder_names.emplace_back(collection.folder);
        if (auto id = identity_of(store.root() / record_folder_names.back()))
            record_folders.push_back(*id);
    }

    const auto refuse = [&] {
        throw RefusedError("-o " + target.string() +
                           " : c'est un fichier du bilan, il ne sera pas remplacé par le "
                           "document (choisissez un autre nom) ; rien n'a été écrit");
    };
    if (identity_of(parent) == root) {
        for (std::string_view file : top_level_files)
            if (next == file) refuse();
        for (std::string_view file : single_record_files())
            if (next == file) refuse();
        for (const std::string& folder : record_folder_names)
            if (next == folder) refuse();
    }
    // Anything inside a record folder, however deep.
    for (fs::path dir = parent;; dir = dir.parent_path()) {
        const auto id = identity_of(dir);
        for (const Identity& folder : record_folders)
            if (id == folder) refuse();
        if (!dir.has_relative_path() || dir == dir.parent_path()) break;
    }
}

} // namespace bilan::store
