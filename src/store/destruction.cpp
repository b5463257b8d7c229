// What `purge` checks before its first deletion (store::DestructionCheck): that every file it
// will remove or rewrite can be, and which ones keep their content alive outside the folder.
#include "bilan/store.hpp"
#include "posix_io.hpp"

#include <sys/stat.h>
#include <unistd.h>

namespace bilan::store {
namespace {

std::optional<struct stat> lstat_of(const fs::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return std::nullopt;
    return info;
}

// Those other names still hold the content once this one is destroyed or rewritten.
std::optional<Problem> hard_link_note(const struct stat& info, const std::string& shown) {
    if (!S_ISREG(info.st_mode) || info.st_nlink < 2) return std::nullopt;
    return Problem{.code = "purge.other-names",
                   .severity = Severity::notice,
                   .values = {{"file", shown}, {"others", std::to_string(info.st_nlink - 1)}}};
}

} // namespace

DestructionCheck::DestructionCheck(const Store& store, const BilanRecord& bilan) : store_(store) {
    std::string listed;
    for (const Problem& problem : store.unknown_entries(bilan))
        listed += (listed.empty() ? "" : ", ") +
                  (problem.where ? problem.where->file : problem.value("detail"));
    if (!listed.empty())
        throw RefusedError(Problem{.code = "purge.unclassified-files",
                                   .values = {{"files", listed}},
                                   .remedy = Remedy{"purge", {}}});
}

void DestructionCheck::require_writable_folder(const std::string& relative) const {
    const fs::path dir = (store_.root() / relative).parent_path();
    if (::access(dir.c_str(), W_OK) == 0) return;
    throw RefusedError(
        Problem{.code = "purge.folder-read-only", .values = {{"dir", dir.string()}}});
}

void DestructionCheck::removed(const std::string& relative) {
    const fs::path path = store_.root() / relative;
    const std::string shown = store_.display(relative);
    const auto info = lstat_of(path);
    if (!info) return; // gone already: nothing to remove
    // A folder of ours is made 0700 again before a removal (Transaction::remove_record).
    const auto dir = lstat_of(path.parent_path());
    if (!dir || dir->st_uid != ::geteuid()) require_writable_folder(relative);
    if (S_ISLNK(info->st_mode)) {
        std::error_code ec;
        const fs::path target = fs::read_symlink(path, ec);
        notes_.push_back({.code = "purge.link-kept",
                          .severity = Severity::notice,
                          .values = {{"file", shown}, {"points_to", ec ? "" : target.string()}}});
    } else if (auto note = hard_link_note(*info, shown)) {
        notes_.push_back(std::move(*note));
    }
}

void DestructionCheck::rewritten(const std::string& relative) {
    const fs::path path = store_.root() / relative;
    const std::string shown = store_.display(relative);
    require_replaceable(path, shown);
    require_writable_folder(relative); // the new text is renamed over the old one there
    // The old text stays under every other name of the file: a rename replaces this one only.
    if (const auto info = lstat_of(path))
        if (auto note = hard_link_note(*info, shown)) notes_.push_back(std::move(*note));
}

void DestructionCheck::remove_handover_copy() {
    removed(std::string(handover_copy_file));
}

void DestructionCheck::own_files(bool keeps_synthesis) {
    require_replaceable(store_.root() / "destruction.toml", store_.display("destruction.toml"));
    require_writable_folder("destruction.toml");
    if (store_.format() < purge_format) rewritten("bilan.toml");
    if (!keeps_synthesis) return;
    // synthese.md is kept as it is when it is a file; a link is not replaced (its target would
    // be the copy kept, outside the folder), a new one is written beside the others.
    const auto synthesis = lstat_of(store_.root() / "synthese.md");
    if (synthesis && !S_ISREG(synthesis->st_mode))
        require_replaceable(store_.root() / "synthese.md", store_.display("synthese.md"));
    if (synthesis && !S_ISREG(synthesis->st_mode) && !S_ISLNK(synthesis->st_mode))
        throw RefusedError(store_.display("synthese.md") +
                           " n'est pas un fichier : la synthèse remise ne peut y être gardée ; "
                           "rien n'a été détruit");
}

} // namespace bilan::store
