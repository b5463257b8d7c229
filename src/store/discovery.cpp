// Finding the bilans of a practice: the folders `due` and `report` read.
#include "bilan/errors.hpp"
#include "bilan/store.hpp"

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>
#include <system_error>

namespace bilan::store {
namespace fs = std::filesystem;

namespace {

bool holds_bilan_file(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(dir / "bilan.toml", ec));
}

// The bilans among the subfolders of `dir`, and theirs while `depth` (the levels left) lasts,
// in path order (links and hidden entries left out); at `depth` 0, one level past the search,
// only to name the bilans there (never read).
void search(const fs::path& dir, int depth, FoundBilans& found) {
    std::error_code ec;
    std::vector<fs::path> folders;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with('.')) continue; // .git, .stversions, a hidden trash
        std::error_code type_ec;
        if (it->symlink_status(type_ec).type() == fs::file_type::directory)
            folders.push_back(it->path());
    }
    if (ec) {
        if (depth > 0)
            found.unreadable.emplace_back(
                dir,
                system_error("lecture impossible du dossier", dir.string(), ec.value()).what());
        return;
    }
    std::sort(folders.begin(), folders.end());
    for (const fs::path& folder : folders) {
        if (holds_bilan_file(folder))
            (depth > 0 ? found.bilans : found.too_deep).push_back(folder);
        else if (depth > 0)
            search(folder, depth - 1, found);
    }
}

} // namespace

FoundBilans find_bilans(const fs::path& dir) {
    std::error_code ec;
    const fs::file_status status = fs::status(dir, ec); // a link given by name is followed
    if (!fs::exists(status)) throw RefusedError("le dossier " + dir.string() + " n'existe pas");
    if (!fs::is_directory(status)) throw RefusedError(dir.string() + " n'est pas un dossier");
    FoundBilans found;
    if (holds_bilan_file(dir))
        found.bilans.push_back(dir);
    else
        search(dir, bilan_search_depth, found);
    return found;
}

std::optional<FolderIdentity> folder_identity(const fs::path& dir) {
    struct stat info {};
    if (::stat(dir.c_str(), &info) != 0) return std::nullopt;
    return FolderIdentity{static_cast<std::uint64_t>(info.st_dev),
                          static_cast<std::uint64_t>(info.st_ino)};
}

} // namespace bilan::store
