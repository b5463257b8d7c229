// Where a document (`-o FILE` of render, emargement, certificat, convention render) may be
// written: anywhere but over a file bilan keeps, of any bilan or practice. The target is judged
// by the folder it really lands in (links and `..` resolved), and what that folder is: a bilan
// (it holds bilan.toml), a record folder of one, or a practice (it holds practice.toml). So
// `../bob/bilan.toml`, `../practice.toml`, a link to a record or a `-C` elsewhere are caught.
#include "bilan/errors.hpp"
#include "bilan/store.hpp"
#include "posix_io.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdlib>
#include <string>
#include <sys/stat.h>

namespace bilan::store {
namespace {

namespace fs = std::filesystem;

// Whether `path` names something, a link taken to what it names.
bool exists_followed(const fs::path& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0;
}

// Whether `folder` has an entry `name` of any kind (a link to nothing included).
bool holds(const fs::path& folder, std::string_view name) {
    struct stat info {};
    return ::lstat((folder / name).c_str(), &info) == 0;
}

// The real path of `path` when it exists, else `path` itself.
fs::path real_path(const fs::path& path) {
    char resolved[PATH_MAX];
    return ::realpath(path.c_str(), resolved) ? fs::path(resolved) : path;
}

// The files of a bilan's top level that make it, besides the single-record files.
constexpr std::array<std::string_view, 9> bilan_files{
    "bilan.toml",       "project.toml",  "edof.toml", "framework.toml",  ".gitignore",
    "destruction.toml", "practice.toml", ".lock",     handover_copy_file};

// The files of a practice folder, and the folders of its registers (store/registers.cpp).
constexpr std::array<std::string_view, 2> register_folders{"reclamations", "ameliorations"};
constexpr std::array<std::string_view, 4> practice_files{"practice.toml", ".lock",
                                                         register_folders[0], register_folders[1]};

template <typename Names> bool among(const Names& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_record_folder_name(std::string_view name) {
    const auto collections = record_collections();
    return std::any_of(collections.begin(), collections.end(),
                       [&](const Collection& collection) { return collection.folder == name; });
}

// Whether the entry `name` of the real folder `folder` is one bilan keeps.
bool is_kept_entry(const fs::path& folder, std::string_view name) {
    if (holds(folder, "bilan.toml")) {
        if (among(bilan_files, name) || among(single_record_files(), name) ||
            is_record_folder_name(name))
            return true;
        // After a purge (destruction.toml), synthese.md is the synthesis kept as handed over.
        if (name == "synthese.md" && holds(folder, "destruction.toml")) return true;
    }
    return holds(folder, "practice.toml") && among(practice_files, name);
}

// Whether the real folder `folder` is a record folder of a bilan, or anywhere inside one.
bool inside_record_folder(fs::path folder) {
    for (; folder.has_relative_path(); folder = folder.parent_path())
        if ((is_record_folder_name(folder.filename().string()) &&
             holds(folder.parent_path(), "bilan.toml")) ||
            (among(register_folders, folder.filename().string()) &&
             holds(folder.parent_path(), "practice.toml")))
            return true;
    return false;
}

} // namespace

void refuse_kept_file_target(const fs::path& target) {
    // What a write would replace: the file a link names, else the name in its folder.
    const fs::path written = exists_followed(target) ? real_path(target) : target;
    const fs::path name = written.filename();
    if (name.empty() || name == "." || name == "..") return; // a folder: the write refuses it
    // The deepest folder of the path that exists, in its real place, and the name that comes
    // after it: `sessions/x.md` is caught even before the first session made `sessions/`.
    fs::path existing = fs::absolute(written.has_parent_path() ? written.parent_path() : ".");
    fs::path next = name;
    while (!exists_followed(existing) && existing.has_relative_path()) {
        next = existing.filename();
        existing = existing.parent_path();
    }
    const fs::path folder = real_path(existing);
    if (is_kept_entry(folder, next.string()) || inside_record_folder(folder))
        throw RefusedError("-o " + target.string() +
                           " : c'est un fichier du bilan ou du cabinet, que bilan garde ; il ne "
                           "sera pas remplacé par le document (choisissez un autre nom) ; rien "
                           "n'a été écrit");
}

void write_document(const fs::path& target, std::string_view content) {
    refuse_kept_file_target(target);
    write_output_file(target, content);
}

} // namespace bilan::store
