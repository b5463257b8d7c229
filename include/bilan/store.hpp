// The folder on disk: the only layer that knows file names, TOML and POSIX I/O.
//
// Layout (see man/bilan.1, FILES):
//   bilan.toml            the bilan's record (beneficiary, dates, funding, demand…)
//   framework.toml        a provider's own framework, when `framework` names it
//   project.toml          the professional project
//   edof.toml             the CPF file as declared on the platform (EDOF)
//   convention.toml       the tripartite convention (R6313-8), when there is one
//   financing.toml        the price and each payer's part
//   sessions/ID.toml      one file per record, so that two git clones' additions merge
//   skills/ID.toml  experiences/ID.toml  traits/ID.toml  tests/ID.toml
//   pistes/ID.toml  actions/ID.toml  consents/ID.toml  evaluations/ID.toml
//   synthese.md           the synthesis as handed over, kept by `purge` (format 3)
//   destruction.toml      what `purge` destroyed and when: categories and counts (format 3)
//   .lock                 present only while a writer runs
//   .gitignore            keeps .lock and temp files out of git
#pragma once

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/practice.hpp"
#include "bilan/rules.hpp"

#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace bilan::store {

// A kind of record kept one file per record in a folder of its own (sessions/ID.toml): its
// folder and its noun. Each kind is described once, in src/store/codec.cpp (its keys, its
// order, its member of Folder), and named in code by its type: collection_of<Session>().
// What `purge` does with a record (practice.md §8): content (the substance) is destroyed at
// the end of the bilan unless the beneficiary agreed in writing to keep it; administrative
// data (sessions, consents, evaluations…) is kept as proof of service.
enum class RecordClass { content, administrative };

struct Collection {
    std::string_view folder;  // "sessions"
    std::string_view noun;    // "séance", for messages
    std::string_view removed; // "Séance supprimée", said by `rm`
    RecordClass record_class = RecordClass::administrative;
    bool operator==(const Collection& other) const { return folder == other.folder; }
};

// Defined in codec.cpp for each kind of record (Session, Skill, … Consent).
template <typename Record> Collection collection_of();
template <typename Record> std::vector<Record>& records_of(Folder& folder);
// Every kind, in the order a folder is loaded and checked.
std::vector<Collection> record_collections();

// How a loader reacts to a bad file: commands stop at the first problem (exit 1), `check`
// collects them all and skips the bad records.
class Diagnostics {
public:
    explicit Diagnostics(bool collect = false) : collect_(collect) {}
    void report(const SourcePos& where, const std::string& message);
    void report(const Problem& problem);
    const std::vector<Problem>& problems() const { return problems_; }
    bool collecting() const { return collect_; }
    // In a folder of a newer format, keys this version does not know are its keys, not typos.
    void ignore_unknown_keys() { ignore_unknown_keys_ = true; }
    bool ignores_unknown_keys() const { return ignore_unknown_keys_; }

private:
    bool collect_;
    bool ignore_unknown_keys_ = false;
    std::vector<Problem> problems_;
};

// The format of a bilan folder this version reads and writes: `format` in bilan.toml, 1 when
// absent. A newer folder is read for what this version knows, and never written. A new folder
// is of the first format, and stays so until a write needs more: format 2 brings a session's
// [[evidence]] tables and the session kind `atelier`, which a bilan of format 1 cannot read,
// and edof.toml (edof_format), which it would call an unknown file; the write that brings them
// raises `format` in the same transaction. A folder that never uses them stays format 1, byte
// for byte, and open to older versions. Format 3 brings the keys of bilan.toml on the end of a
// bilan (handover, handover_mode, abandoned, abandon_reason). The evaluations/ folder needs
// none: a version that does not know it leaves it alone (check reports no unknown folder
// there) and reads everything else. A retention agreement's keys and a purged folder
// (destruction.toml, synthese.md) are format 3 too: an older version must not take a purged
// folder for a full one and write to it.
constexpr int first_format = 1;
constexpr int current_format = 3;
constexpr int edof_format = 2; // the first format with edof.toml
constexpr int purge_format = 3;

// A value to write; the store turns it into TOML.
using Value =
    std::variant<std::string, std::int64_t, bool, Date, TimeOfDay, std::vector<std::string>>;
struct Field {
    std::string key;
    std::optional<Value> value; // nullopt: remove the key
};
using Fields = std::vector<Field>;

// Each record as the fields bilan writes, in their canonical order (codec.cpp defines it for
// every record: BilanRecord, Project, each kind above, a piste's Survey without which a piste
// is written, a consent's earlier ConsentPeriod, a session's Evidence). A session is written
// without its evidence: each piece is an [[evidence]] table of its own (kind, ref), oldest
// first (evidence_tables). A consent is written without its history:
// each earlier grant is a [[history]] table of its own (date, sections, then revoked = true
// and revoked_on, or replaced_on), oldest first.
template <typename Record> Fields fields_of(const Record& record);
std::vector<Fields> history_tables(const Consent& consent);
std::vector<Fields> evidence_tables(const Session& session);
// The folder format a session needs: 2 with evidence or of kind atelier, else 1.
int format_needed(const Session& session);
// The folder format bilan.toml needs: 3 with a handover, an abandonment or a retention
// agreement, else 1.
int format_needed(const BilanRecord& bilan);
// The categories a purge counts, in the order destruction.toml lists them: each content kind
// of record (its folder: "skills"), then "project", "session_notes", "bilan_fields".
std::vector<std::string> destruction_categories();

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
    // The records of one kind, in its order (a kind read with the framework, such as sessions,
    // needs `framework`).
    template <typename Record>
    std::vector<Record> load(Diagnostics& diagnostics, const Framework* framework = nullptr) const {
        const Collection collection = collection_of<Record>();
        Folder folder = load_records({&collection, 1}, framework, diagnostics);
        return std::move(records_of<Record>(folder));
    }
    Project load_project(Diagnostics& diagnostics) const;
    EdofFile load_edof(Diagnostics& diagnostics) const; // empty when edof.toml is absent
    // convention.toml and financing.toml: empty (exists false) when absent.
    Convention load_convention(Diagnostics& diagnostics) const;
    Financing load_financing(Diagnostics& diagnostics) const;
    // destruction.toml, once a purge began (nullopt before).
    std::optional<Destruction> load_destruction(Diagnostics& diagnostics) const;
    // synthese.md as `purge` kept it (DataError when destruction.toml exists without it).
    std::string kept_synthesis() const;
    // True when the folder lies inside a git work tree (a `.git` at or above it): the history
    // may still hold what `purge` destroys.
    bool inside_git_work_tree() const;
    // Every file, for `check`, `status` and `render`.
    Folder load_all(const Framework& framework, BilanRecord bilan, Diagnostics& diag) const;
    // Files in the folder that no loader reads (a stray "sesions/" or "notes.toml").
    std::vector<Problem> unknown_entries(const BilanRecord& bilan) const;

    // The full id of a record from an id or a unique prefix of one; RefusedError otherwise.
    std::string resolve_id(Collection collection, std::string_view id_or_prefix) const;
    // The ids of the record files of `collection`, in name order, without reading them (for a
    // shell's completion); none when the folder has none or cannot be listed.
    std::vector<std::string> record_ids(Collection collection) const;

private:
    // The record files of `collections`, each list in its order (the framework is needed for
    // sessions only), read file after file in name order.
    Folder load_records(std::span<const Collection> collections, const Framework* framework,
                        Diagnostics& diagnostics) const;
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

// The entries of the folder (itself included) that the group or others may read, as one
// problem (folder.open-to-others), for `check`; none when it is private.
std::vector<Problem> permission_problems(const Store& store);

// ---- the practice folder (practice.toml: the provider's identity) --------------------------

// Where a practice.toml was found: its folder, and the file as messages name it.
struct PracticeFolder {
    std::filesystem::path folder;
    std::string shown; // "../practice.toml": relative when the search started from a relative path
};

// The practice folder of the folder `from` (a bilan's, or any working folder): the folder
// $BILAN_PRACTICE names (RefusedError when it holds no practice.toml), else the nearest folder
// at or above `from` (made absolute) with an entry named practice.toml, like git finding its
// repository; nullopt when there is none. A practice.toml found that way but owned by another
// user (neither you nor root) is refused (RefusedError): in a shared folder such as /tmp,
// anybody could otherwise lend their identity to your certificates.
std::optional<PracticeFolder> locate_practice(const std::filesystem::path& from);

// Reads and checks practice.toml in `where` (a symbolic link is followed; a folder, a file
// too large, a bad SIRET or NDA, an unknown key are problems, at FILE:LINE:COLUMN); problems
// go to `diagnostics`, whose strict form throws. Nullopt when the file could not be read.
std::optional<Practice> load_practice(const PracticeFolder& where, Diagnostics& diagnostics);

// The practice folder the bilan of `store` belongs to: the folder $BILAN_PRACTICE names, else
// the nearest folder above the bilan's (itself included) that holds practice.toml, like git
// finding its repository; nullopt when there is none. Problems (no practice.toml where
// $BILAN_PRACTICE points, a bad file) go to `diagnostics`.
std::optional<Practice> find_practice(const Store& store, Diagnostics& diagnostics);

// The public holidays of that practice (practice.toml `holidays`): metropolitan France when
// there is none, or it cannot be read (`check` reports its problems).
HolidayCalendar practice_holidays(const Store& store);

// Creates DIR (0700) if needed and DIR/practice.toml (0600, atomically, never replacing one:
// RefusedError when DIR already holds one). A folder made for it is removed again on failure.
void create_practice(const std::filesystem::path& dir, const Practice& practice);

// The files of one record each at a bilan's top level besides bilan.toml (project.toml,
// convention.toml…): what `check` knows and `-o` never replaces.
std::span<const std::string_view> single_record_files();

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

// The keys whose value differs from `before` to `after` (two fields_of lists of one record),
// with nullopt for a key `after` no longer has: only those are spliced into the file, so that
// whatever else a person wrote there stays byte for byte.
Fields changed_fields(const Fields& before, const Fields& after);

class FolderLock;
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

// Every write happens inside a Transaction: it holds the folder's lock, and each change is
// written to a temp file, fsynced, renamed over, and the folder fsynced.
class Transaction {
public:
    explicit Transaction(const Store& store);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // The folder, to read what decides a write: read through the transaction, it is read under
    // the lock, so no other writer changes it between the read and the write.
    const Store& store() const { return store_; }

    // Typed writes: the store alone names the keys. `add` returns the new record's id.
    // A write that brings content (practice.md §8) into a folder whose purge is unfinished is
    // refused (RefusedError): the purge's resume is planned again over what it finds.
    template <typename Record> std::string add(const Record& record) {
        if (collection_of<Record>().record_class == RecordClass::content)
            refuse_content_while_purging();
        return add_record(collection_of<Record>(), fields_of(record));
    }
    // Writes what differs between `before` (as loaded) and `after`, and nothing else.
    template <typename Record> void update(const Record& before, const Record& after) {
        if (collection_of<Record>().record_class == RecordClass::content)
            refuse_content_while_purging();
        update_record(collection_of<Record>(), before.id,
                      changed_fields(fields_of(before), fields_of(after)));
    }
    // A session of a kind or with evidence that need a later format raises the folder's first.
    std::string add(const Session& session);
    // Evidence may only be added: the new pieces are appended as [[evidence]] tables.
    void update(const Session& before, const Session& after);
    void update(const Piste& before, const Piste& after); // surveys may only be added
    // A retention agreement raises the folder's format first.
    void update(const BilanRecord& before, const BilanRecord& after);
    void update(const Project& before, const Project& after);   // creates project.toml if needed
    void update(const EdofFile& before, const EdofFile& after); // creates edof.toml if needed
    // convention.toml and financing.toml, created when needed; the folder's format is raised
    // to the one they need first.
    void update(const Convention& before, const Convention& after);
    void update(const Financing& before, const Financing& after);
    // A consent's history may only grow: its new periods are appended as [[history]] tables.
    void update(const Consent& before, const Consent& after);
    // practice.toml of a practice folder (a Transaction on the Store of that folder).
    void update(const Practice& before, const Practice& after);
    template <typename Record> void remove(const Record& record) {
        remove_record(collection_of<Record>(), record.id);
    }
    void remove(const Project& project); // removes project.toml

    // `purge`: the synthesis kept (synthese.md: the one there, as the person left it, or else
    // `markdown`) and the destruction record (destruction.toml), each written whole, atomically.
    void keep_synthesis(std::string_view markdown);
    void write(const Destruction& destruction);
    // Raises bilan.toml's `format` for good: for a write that is never undone (a purge).
    void raise_format(int needed);
    // A consent's file is named after its recipient (consent.id): written whole, new or not.
    void create(const Consent& consent) {
        write_record(collection_of<Consent>(), consent.id, fields_of(consent));
    }

    // The same writes by collection and keys, for the store's own use and its tests.
    // A new record file; returns its id: 8 random hex digits, so that two clones adding the
    // same record keep two files ($BILAN_ID_SEED: reproducible, for tests; transaction.cpp).
    std::string add_record(Collection collection, const Fields& fields);
    void remove_record(Collection collection, const std::string& id);
    // Changes keys of an existing record in place, keeping everything else as the user wrote it.
    void update_record(Collection collection, const std::string& id, const Fields& edits);
    // Appends a [[name]] table to a record (an enquête métier to a piste).
    void append_table(Collection collection, const std::string& id, const std::string& name,
                      const Fields& fields);
    // Root-key `edits` and the entries of `tables` beyond those the file's `name` holds, in one
    // write: appended as [[name]] tables; when there are such entries and `name` is a
    // `name = [...]` value (an older form, e.g. a consent's history as lines of text), it is
    // removed and all of `tables` appended instead. Re-read before it is written.
    void update_record_tables(Collection collection, const std::string& id, const Fields& edits,
                              const std::string& name, const std::vector<Fields>& tables);
    void update_bilan(const Fields& edits);
    void update_project(const Fields& edits); // creates project.toml when needed
    void update_edof(const Fields& edits);    // creates edof.toml when needed
    // Splices `edits` into the single-record file `relative` (convention.toml…), creating it
    // with the comment `header` when it is absent and an edit gives a value; a write raises the
    // folder's format to `format` first (in_format), so that an older bilan never meets it.
    void update_single_file(const std::string& relative, std::string_view header,
                            const Fields& edits, int format);
    // Writes a whole new file (e.g. a consent named after its recipient), or replaces it.
    void write_record(Collection collection, const std::string& id, const Fields& fields);

    // Raises bilan.toml's `format` to `needed` when the folder is of an earlier one (spliced:
    // the rest of the file stays as written), then runs `write`; when the transaction fails
    // (an exception leaves it), bilan.toml is put back as it was. Raised first, so that a
    // crash between the two leaves a folder marked newer than it needs, never an older one
    // holding what its format lacks.
    void in_format(int needed, const std::function<void()>& write);

private:
    // A record's new text, composed and checked, not yet written.
    struct PreparedEdit {
        std::filesystem::path path;
        std::string text;
        bool changed = false;
    };
    PreparedEdit prepare_record_tables(Collection collection, const std::string& id,
                                       const Fields& edits, const std::string& name,
                                       const std::vector<Fields>& tables) const;

    void refuse_content_while_purging() const;
    const Store& store_;
    std::unique_ptr<FolderLock> lock_;
    std::unique_ptr<FolderGate> gate_;
    std::optional<std::string> bilan_before_format_; // bilan.toml before in_format raised it
    int uncaught_at_start_ = std::uncaught_exceptions();
    void edit_file(const std::string& relative, const Fields& edits, bool create_if_missing);
    // A file of one record at the folder's top (project.toml, edof.toml): edited in place, or
    // created with `header` when an edit gives it a value.
    void update_single_file(const std::string& name, std::string_view header, const Fields& edits);
};

// `purge` looks before it leaps: the writes it will make are first made on this (the same
// calls as on its Transaction), which checks that each can be, so that it never stops
// half-way. RefusedError, naming the file, when one cannot: a file to rewrite that is a link or
// read-only, a folder neither yours nor writable. notes() names each file whose content would
// live on elsewhere: one with other hard links, a link (purge removes the link, not its target).
class DestructionCheck {
public:
    // Refuses at once, listing them, when the folder holds files that bilan cannot classify,
    // those `check` reports (a conflict copy, a backup, a misspelt folder): they may hold content.
    DestructionCheck(const Store& store, const BilanRecord& bilan);
    template <typename Record> void remove(const Record& record) {
        removed(std::string(collection_of<Record>().folder) + "/" + record.id + ".toml");
    }
    void remove(const Project&) { removed("project.toml"); }
    template <typename Record> void update(const Record& before, const Record&) {
        rewritten(std::string(collection_of<Record>().folder) + "/" + before.id + ".toml");
    }
    void update(const BilanRecord&, const BilanRecord&) { rewritten("bilan.toml"); }
    // purge's own files: destruction.toml, bilan.toml's format, and synthese.md when the
    // synthesis is to be kept now (`keep_synthesis`, the first pass).
    void own_files(bool keeps_synthesis);
    const std::vector<std::string>& notes() const { return notes_; }

private:
    void removed(const std::string& relative);
    void rewritten(const std::string& relative);
    void require_writable_folder(const std::string& relative) const;
    const Store& store_;
    std::vector<std::string> notes_;
};

// For the tests of `purge` only: with $BILAN_PURGE_STOP_AFTER=N, the process kills itself
// (SIGKILL) after the N-th file destroyed, so that a test can prove a rerun finishes the job.
void destruction_step_done();

// Writes `content` to `path` atomically with mode 0600 (temp file, fsync, rename, fsync dir).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Writes a document where the user asked (`-o FILE` of every command that takes it), after
// refuse_kept_file_target: a regular file (or a new one) atomically as above, through a symbolic
// link to its target; a device or a pipe (/dev/stdout, /dev/null, a FIFO) by writing into it,
// never by replacing it with a file.
void write_document(const std::filesystem::path& target, std::string_view content);

// RefusedError when `target` is a file bilan keeps, of any bilan or practice, judged by the
// folder it really lands in (a link, `..` or `-C` elsewhere make no difference): in a bilan's
// folder (it holds bilan.toml) bilan.toml, project.toml, edof.toml, convention.toml,
// financing.toml, framework.toml, destruction.toml, practice.toml, .gitignore, .lock, a record
// folder's name, and synthese.md once purged (destruction.toml); anything inside a record
// folder of a bilan; practice.toml and .lock in a practice folder. Other files are fine.
void refuse_kept_file_target(const std::filesystem::path& target);

// What `set` accepts and how each field is typed.
struct BilanField {
    std::string_view key;
    enum class Kind { text, date, funding, framework, handover_mode } kind;
    bool required;
};
std::span<const BilanField> bilan_fields();
const BilanField* find_bilan_field(std::string_view key);

} // namespace bilan::store
