// The folder on disk, read: a bilan's folder and its records, the bilans of a folder, a read
// that holds the folder still. Written through a Transaction (transaction.hpp).
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_STORE
#error "the core may not include the store"
#endif

#include "bilan/store/types.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace bilan::store {

// How much of a folder a command reads. `due`, `report` and `agenda` across a practice need the
// administrative records and the action plan (its due dates are deadlines), not what the
// beneficiary said: with `figures` the other content records (skills, experiences, traits,
// tests, pistes, nine files in ten of a folder) are listed and counted, never parsed.
enum class Reading { whole, figures };

class Store {
public:
    // `root` is shown in messages as the user gave it.
    explicit Store(std::filesystem::path root);
    // For the commands that read many folders: a newer format is theirs to say, per folder,
    // rather than one note at exit for the whole process.
    Store& without_format_note() {
        format_note_ = false;
        return *this;
    }
    const std::filesystem::path& root() const { return root_; }
    std::string display(const std::string& relative) const; // root/relative, for messages

    bool holds_bilan() const;
    void require_bilan() const; // RefusedError when the folder holds no bilan
    // The folder's format (`format` in bilan.toml; 1 when absent or unreadable).
    int format() const;
    // RefusedError when the folder is of a newer format than this version writes.
    void require_writable_format() const;

    // Reading never writes anything.
    BilanRecord load_bilan(Diagnostics& diagnostics) const;
    // The bilan's framework; reports a funding it does not name.
    Framework load_framework(const BilanRecord& bilan, Diagnostics& diagnostics) const;
    std::vector<Session> load_sessions(const Framework& framework, Diagnostics& diag) const;
    // The records of one kind kept one file per record, in its order (a kind read with the
    // framework, such as sessions, needs `framework`); or the one record of a file of its own
    // (load<Project>, load<Convention>…: empty, `exists` false, when the file is absent).
    template <typename Record>
    LoadedAs<Record> load(Diagnostics& diagnostics, const Framework* framework = nullptr) const;
    // destruction.toml, once a purge began (nullopt before).
    std::optional<Destruction> load_destruction(Diagnostics& diagnostics) const;
    // synthese.md as `purge` kept it (DataError when destruction.toml exists without it).
    std::string kept_synthesis() const;
    // synthese-remise.md, the synthesis as `set handover` kept it (its hash is in bilan.toml).
    HandoverCopy handover_copy() const;
    // True when `name`, at the top of the folder, is there (a file, a link even to nowhere).
    bool holds_entry(const std::string& name) const;
    // True when the folder lies inside a git work tree (a `.git` at or above it): the history
    // may still hold what `purge` destroys.
    bool inside_git_work_tree() const;
    // Every file, for `check`, `status` and `render`; with Reading::figures, what deadlines
    // and figures need.
    Folder load_all(const Framework& framework, BilanRecord bilan, Diagnostics& diag,
                    Reading reading = Reading::whole) const;
    // Files in the folder that no loader reads (a stray "sesions/" or "notes.toml").
    std::vector<Problem> unknown_entries(const BilanRecord& bilan) const;

    // The full id of a record from an id or a unique prefix of one; RefusedError otherwise.
    std::string resolve_id(Collection collection, std::string_view id_or_prefix) const;
    // Record `id`'s line in its list, as `rm` echoes it: its id alone for a kind without a
    // list view, or when its file does not read (files at fault elsewhere are skipped).
    std::string record_line(Collection collection, const std::string& id) const;
    // The ids of the record files of `collection`, in name order, without reading them (for a
    // shell's completion); none when the folder has none or cannot be listed.
    std::vector<std::string> record_ids(Collection collection) const;

private:
    // The record files of `collections`, each list in its order (the framework is needed for
    // sessions only), read file after file in name order.
    Folder load_records(std::span<const Collection> collections, const Framework* framework,
                        Diagnostics& diagnostics, Reading reading = Reading::whole) const;
    Framework find_framework(const BilanRecord& bilan, Diagnostics& diagnostics) const;

    // Unknown keys are ignored, with one note, in a folder of a newer format.
    void adapt_to_format(Diagnostics& diagnostics) const;

    std::filesystem::path root_;
    mutable std::optional<int> format_; // read once, and again under a Transaction's lock
    bool format_note_ = true;
};

// Creates a new bilan folder atomically: built in a temp folder beside it, then renamed.
// `framework_file` (a provider's framework) is copied byte for byte as framework.toml.
void create_bilan(const std::filesystem::path& dir, const Fields& bilan_fields,
                  const std::optional<std::filesystem::path>& framework_file);

// What lies at the top of a bilan folder besides its records and bilan's own files (hidden
// entries apart: git's and ours; an editor's copy is refused by DestructionCheck): the
// synthesis' files (synthese.md, synthese-remise.md), the documents bilan rendered there (a
// synthese*.md|html|pdf by its name; a .md, .html or .pdf by its header: bilan's front
// matter, its HTML head, WeasyPrint's PDF), and what bilan cannot classify — a link (never
// followed), a folder, any other file — which `purge` refuses to leave behind or to destroy
// unless told (`--aussi`, `--tout`). In name order.
struct LeftEntry {
    enum class Kind { synthesis, rendered, unclassified };
    std::string name;
    Kind kind = Kind::unclassified;
    bool link = false;
    bool directory = false;
};
std::vector<LeftEntry> left_entries(const Store& store, const BilanRecord& bilan);
// The name at the top of the folder that `given` (NAME, ./NAME, a path to it, "NAME/") means;
// nullopt when it lies elsewhere.
std::optional<std::string> top_entry_name(const Store& store, const std::string& given);

// The entries of the folder (itself included) that the group or others may read, as one
// problem (folder.open-to-others), for `check`; none when it is private.
std::vector<Problem> permission_problems(const Store& store);
// The bilans `dir` names, for the commands that read many (`due`, `report`): `dir` itself when
// it holds bilan.toml, else the bilans among its subfolders and theirs, `bilan_search_depth`
// levels down at most and never below a bilan, in path order. Hidden entries (.git) and
// symbolic links are not followed: a link in a synced folder could lead anywhere, or around
// in a loop. `dir` is shown as given. A folder that cannot be listed is in `unreadable`, with
// the reason; RefusedError when `dir` does not exist or is no folder. The bilans one level
// below the depth searched are in `too_deep`, never read: said, not silently skipped.
constexpr int bilan_search_depth = 3;
struct FoundBilans {
    std::vector<std::filesystem::path> bilans;
    std::vector<std::pair<std::filesystem::path, std::string>> unreadable;
    std::vector<std::filesystem::path> too_deep;
};
FoundBilans find_bilans(const std::filesystem::path& dir);

// A folder's device and inode (links followed): one bilan named twice — by a relative and an
// absolute path, or through a link — is one. nullopt when it cannot be looked at.
using FolderIdentity = std::pair<std::uint64_t, std::uint64_t>;
std::optional<FolderIdentity> folder_identity(const std::filesystem::path& dir);

// Throws UsageError unless $BILAN_LOCK_WAIT is unset, empty or a whole number of seconds from
// 0 to 3600: for a command reading many folders, said once before any is read.
void check_lock_wait();
// Loads and validates a framework file given on the command line (not yet in a folder).
Framework load_framework_file(const std::filesystem::path& file);
Framework load_builtin_framework(std::string_view name);
class FolderGate;

// Holds a folder still while a command reads several of its files: a writer waits until it is
// released, so the read sees the folder before or after a write, never between (flock on the
// folder, shared; nothing is created). Read commands hold one while they load; a Transaction
// needs none: it holds the folder alone.
class ConsistentRead {
public:
    explicit ConsistentRead(const Store& store);
    ~ConsistentRead();
    ConsistentRead(const ConsistentRead&) = delete;
    ConsistentRead& operator=(const ConsistentRead&) = delete;

private:
    std::unique_ptr<FolderGate> gate_;
};

} // namespace bilan::store
