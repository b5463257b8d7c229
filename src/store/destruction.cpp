// What `purge` checks before its first deletion (store::DestructionCheck): that every file it
// will remove or rewrite can be, and which ones keep their content alive outside the folder.
#include "bilan/store.hpp"
#include "bilan/values.hpp"
#include "codec.hpp"
#include "posix_io.hpp"

#include <algorithm>
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

// ASCII lower case, and "synthèse" spelt without its accent, for the names compared below.
std::string folded_name(const std::string& name) {
    std::string folded;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name.compare(i, 2, "\xc3\xa8") == 0) { // è
            folded += 'e';
            ++i;
        } else {
            folded += name[i];
        }
    }
    return ascii_lower(folded);
}

bool has_document_extension(const std::string& folded) {
    for (const char* ext : {".md", ".html", ".htm", ".pdf"})
        if (folded.ends_with(ext)) return true;
    return false;
}

// Whether `text` opens as a document bilan writes: its Markdown front matter (a title, then
// the beneficiary and `lang`, closed by ---), its HTML head, or a PDF WeasyPrint made of it.
bool rendered_by_bilan(const std::string& text) {
    if (text.starts_with("---\ntitle: ")) {
        const std::size_t end = text.find("\n---\n", 4);
        const std::string_view front = std::string_view(text).substr(0, end);
        return end != std::string::npos && front.find("\nbeneficiary: ") != std::string::npos &&
               front.find("\nlang: ") != std::string::npos;
    }
    if (text.starts_with("<!DOCTYPE html>\n<html lang=\"")) {
        const std::size_t head = text.find("</head>");
        return head != std::string::npos && text.find("<meta charset=\"utf-8\">\n<title>") < head &&
               text.find("ilan de comp") != std::string::npos; // « Bilan de compétences »
    }
    return text.starts_with("%PDF-") && text.find("WeasyPrint") != std::string::npos;
}

bool own_top_entry(const std::string& name, const BilanRecord& bilan) {
    if (name == "bilan.toml" || name == "practice.toml" || name == "destruction.toml" ||
        name == bilan.framework || name == proof_folder)
        return true;
    const auto singles = single_record_files();
    if (std::find(singles.begin(), singles.end(), name) != singles.end()) return true;
    const auto kinds = record_kinds();
    return std::any_of(kinds.begin(), kinds.end(),
                       [&](const RecordKindInfo& kind) { return kind.collection.folder == name; });
}

LeftEntry classify(const Store& store, const std::string& name) {
    LeftEntry entry{.name = name};
    const auto info = lstat_of(store.root() / name);
    entry.link = info && S_ISLNK(info->st_mode);
    entry.directory = info && S_ISDIR(info->st_mode);
    if (name == "synthese.md" || name == handover_copy_file) {
        entry.kind = LeftEntry::Kind::synthesis;
        return entry;
    }
    if (!info || !S_ISREG(info->st_mode)) return entry; // a link, a folder: not ours to judge
    const std::string folded = folded_name(name);
    if (!has_document_extension(folded)) return entry;
    if (folded.starts_with("synthese")) {
        entry.kind = LeftEntry::Kind::rendered;
        return entry;
    }
    if (const auto text = read_file_if_exists(store.root() / name);
        text && rendered_by_bilan(*text))
        entry.kind = LeftEntry::Kind::rendered;
    return entry;
}

} // namespace

std::vector<LeftEntry> left_entries(const Store& store, const BilanRecord& bilan) {
    std::vector<LeftEntry> left;
    for (const ListedFile& file : FolderReader(store.root(), FolderLink::followed).list()) {
        if (file.name.front() == '.' || own_top_entry(file.name, bilan)) continue;
        left.push_back(classify(store, file.name));
    }
    return left;
}

std::optional<std::string> top_entry_name(const Store& store, const std::string& given) {
    fs::path path = fs::path(given).lexically_normal();
    if (!path.has_filename()) path = path.parent_path(); // "scans/"
    const fs::path parent = path.parent_path();
    std::error_code ec, ec2;
    if (!parent.empty() && parent != "." &&
        fs::weakly_canonical(parent, ec) != fs::weakly_canonical(store.root(), ec2))
        return std::nullopt;
    if (path.filename().empty() || path.filename() == "." || path.filename() == "..")
        return std::nullopt;
    return path.filename().string();
}

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
