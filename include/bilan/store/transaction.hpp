// Every write to a folder: a Transaction holds its lock, and each change is written to a temp
// file, fsynced, renamed over, and the folder fsynced. `purge`'s dry run, DestructionCheck.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_STORE
#error "the core may not include the store"
#endif

#include "bilan/store/store.hpp"

#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan::store {

class FolderLock;
class FolderGate;

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

    // Typed writes, through the kind's descriptor (src/store/kinds/): the store alone names
    // the keys, and raises the folder's format to what the record needs first, in the same
    // transaction (put back if it fails), so that an older bilan never meets what it cannot
    // read. A write that brings content (R6313-7) into a folder whose purge is unfinished is
    // refused (RefusedError): the purge's resume is planned again over what it finds.
    // `add` returns the new record's id.
    template <typename Record> std::string add(const Record& record);
    // Writes what differs between `before` (as loaded) and `after`, and nothing else. The
    // entries of a record's [[sub-tables]] (a session's evidence, a piste's surveys, a
    // consent's history) may only be added: the new ones are appended. A file of one record
    // (project.toml, edof.toml…) is created when an edit gives it a value; practice.toml is
    // that of the practice folder (a Transaction on the Store of that folder).
    template <typename Record> void update(const Record& before, const Record& after);
    // A record's file (project.toml for the project).
    template <typename Record> void remove(const Record& record);

    // `purge`: the synthesis kept (synthese.md: the one there, as the person left it, or else
    // `markdown`) and the destruction record (destruction.toml), each written whole, atomically.
    void keep_synthesis(std::string_view markdown);
    // `set handover`: the synthesis as handed over (synthese-remise.md), written whole,
    // atomically, mode 0600, or removed when nullopt. When the transaction then fails (an
    // exception leaves it), the copy is put back as it was: written before bilan.toml's hash,
    // and undone with it.
    void write_handover_copy(const std::optional<std::string>& markdown);
    // preuves/NAME, a piece of evidence a record points at (a reply by e-mail), written whole,
    // 0600 in a 0700 folder; removed again when the transaction then fails. The same bytes
    // under the same name are one file: nothing is written twice.
    void keep_proof(const std::string& name, std::string_view bytes);
    // `purge`: the copy handed over removed for good (never put back), once kept as synthese.md.
    void remove_handover_copy();
    // `purge`: a file at the top of the folder (`relative`, e.g. synthese.md) removed for good;
    // a link is removed, never followed. Nothing when it is gone already.
    void remove_file(const std::string& relative);
    // destruction.toml, its header citing `rule` (R6313-7; the GDPR for a Belgian bilan).
    void write(const Destruction& destruction, std::string_view rule = "R6313-7");
    // Raises bilan.toml's `format` for good: for a write that is never undone and is no
    // record's (a purge).
    void raise_format(int needed);
    // A consent's file is named after its recipient (consent.id): written whole, new or not,
    // the folder's format raised first to what it needs (a ref: format 5).
    void create(const Consent& consent) {
        in_format(format_needed(consent),
                  [&] { write_record(collection_of<Consent>(), consent.id, fields_of(consent)); });
    }

    // The same writes by collection and keys, for the store's own use and its tests: they
    // raise no format and check no purge.
    // A new record file; returns its id: 8 random hex digits, so that two clones adding the
    // same record keep two files ($BILAN_ID_SEED: reproducible, for tests; transaction.cpp).
    std::string add_record(Collection collection, const Fields& fields);
    void remove_record(Collection collection, const std::string& id);
    // Changes keys of an existing record in place, keeping everything else as the user wrote it.
    void update_record(Collection collection, const std::string& id, const Fields& edits);
    // Root-key `edits` and the entries of `tables` beyond those the file's `name` holds, in one
    // write: appended as [[name]] tables; when there are such entries and `name` is a
    // `name = [...]` value (an older form, e.g. a consent's history as lines of text), it is
    // removed and all of `tables` appended instead. Re-read before it is written.
    void update_record_tables(Collection collection, const std::string& id, const Fields& edits,
                              const std::string& name, const std::vector<Fields>& tables);
    void update_bilan(const Fields& edits);
    // Writes a whole new file (e.g. a consent named after its recipient), or replaces it.
    void write_record(Collection collection, const std::string& id, const Fields& fields);

private:
    // Raises bilan.toml's `format` to `needed` when the folder is of an earlier one (spliced:
    // the rest of the file stays as written), then runs `write`; when the transaction fails
    // (an exception leaves it), bilan.toml is put back as it was. Raised first, so that a
    // crash between the two leaves a folder marked newer than it needs, never an older one
    // holding what its format lacks.
    void in_format(int needed, const std::function<void()>& write);
    // A record's new text, composed and checked, not yet written.
    struct PreparedEdit {
        std::filesystem::path path;
        std::string text;
        bool changed = false;
    };
    PreparedEdit prepare_record_edit(Collection collection, const std::string& id,
                                     const Fields& edits) const;
    PreparedEdit prepare_record_tables(Collection collection, const std::string& id,
                                       const Fields& edits, const std::string& name,
                                       const std::vector<Fields>& tables) const;

    void refuse_content_while_purging() const;
    const Store& store_;
    std::unique_ptr<FolderLock> lock_;
    std::unique_ptr<FolderGate> gate_;
    std::optional<std::string> bilan_before_format_; // bilan.toml before in_format raised it
    // synthese-remise.md before write_handover_copy (the inner nullopt: there was none).
    std::optional<std::optional<std::string>> copy_before_;
    void put_back_handover_copy() const;
    std::vector<std::filesystem::path> proofs_written_; // by keep_proof, undone on failure
    int uncaught_at_start_ = std::uncaught_exceptions();
    // A record's file `relative` with `edits` spliced in, checked, not yet written; created
    // when `create_if_missing`, RefusedError when it is gone otherwise.
    PreparedEdit prepare_edit(const std::string& relative, const Fields& edits,
                              bool create_if_missing) const;
    void edit_file(const std::string& relative, const Fields& edits, bool create_if_missing);
    // The file `name` of one record (project.toml…) with `edits` spliced in, the folder's
    // format raised to `format` first; created with the comment `header` when it is absent
    // and an edit gives a value (never when `header` is empty: bilan.toml, practice.toml).
    void update_file(std::string_view name, std::string_view header, const Fields& edits,
                     int format);
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
    // The copy handed over (synthese-remise.md), removed by the first pass once kept as
    // synthese.md, with its hash in bilan.toml.
    void remove_handover_copy();
    void remove_file(const std::string& relative) { removed(relative); }
    // purge's own files: destruction.toml, bilan.toml's format, and synthese.md when the
    // synthesis is to be kept now (`keep_synthesis`, the first pass).
    void own_files(bool keeps_synthesis);
    const std::vector<Problem>& notes() const { return notes_; }

private:
    void removed(const std::string& relative);
    void rewritten(const std::string& relative);
    void require_writable_folder(const std::string& relative) const;
    const Store& store_;
    std::vector<Problem> notes_;
};
// For the tests of `purge` only: with $BILAN_PURGE_STOP_AFTER=N, the process kills itself
// (SIGKILL) after the N-th file destroyed, so that a test can prove a rerun finishes the job.
void destruction_step_done();
// Writes `content` to `path` atomically with mode 0600 (temp file, fsync, rename, fsync dir).
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

} // namespace bilan::store
