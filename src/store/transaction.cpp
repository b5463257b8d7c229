#include "bilan/store.hpp"
#include "lock.hpp"
#include "posix_io.hpp"
#include "toml_text.hpp"

#include <cerrno>
#include <cinttypes>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bilan::store {
namespace {

std::string hex8(std::uint64_t hash) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%08" PRIx64, (hash ^ (hash >> 32)) & 0xffffffffu);
    return buffer;
}

// A new record's id. Random (getrandom(2)), so that the same session logged on two clones
// gets two names and `git pull` keeps both files. With $BILAN_ID_SEED (tests and the shipped
// example only, never on two clones), a function of the seed, the content and `attempt`, so
// that the same commands give the same bytes.
std::string new_id(std::string_view content, std::uint64_t attempt) {
    if (const char* seed = std::getenv("BILAN_ID_SEED"); seed && *seed)
        return hex8(fnv1a(content, fnv1a(std::string(seed) + '\n' + std::to_string(attempt))));
    std::uint32_t random = 0;
    std::size_t filled = 0;
    while (filled < sizeof random) {
        const ssize_t n =
            ::getrandom(reinterpret_cast<char*>(&random) + filled, sizeof random - filled, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw system_error("tirage d'un identifiant impossible :", "getrandom", errno);
        filled += static_cast<std::size_t>(n);
    }
    char buffer[9];
    std::snprintf(buffer, sizeof buffer, "%08" PRIx32, random);
    return buffer;
}

} // namespace

// A record is replaced only when it is a plain file we may write: a link would be replaced by
// a file (its target keeping the old text), and a read-only file was made so on purpose.
void require_replaceable(const std::filesystem::path& path, const std::string& shown) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return; // a new file, or the write will say why
    if (S_ISLNK(info.st_mode))
        throw RefusedError(shown + " est un lien symbolique : bilan ne le remplace pas "
                                   "(modifiez le fichier qu'il désigne, ou remplacez le lien par "
                                   "ce fichier)");
    if (S_ISREG(info.st_mode) && (info.st_mode & S_IWUSR) == 0)
        throw RefusedError(shown + " est en lecture seule : rien n'a été modifié (chmod u+w " +
                           "pour l'autoriser)");
}

namespace {

// Re-reads what we are about to write: it must parse, and every edited key must hold exactly
// the value we meant, or nothing is written.
void verify_edits(std::string_view text, const Fields& edits, const std::string& shown) {
    const toml::table table = parse_toml(text, shown);
    for (const Field& field : edits) {
        const toml::node* node = table.get(field.key);
        const bool as_meant = field.value ? (node && value_of(*node) == field.value) : !node;
        if (!as_meant)
            throw DataError({shown, 0, 0}, "modification de « " + field.key +
                                               "» impossible sans toucher au reste du fichier");
    }
}

// Creates `dir` if needed and runs `write` in it; when `write` fails, a folder created for it is
// removed again, so that a failed first record leaves the bilan as it was.
template <typename Write> auto in_private_directory(const std::filesystem::path& dir, Write write) {
    std::error_code ec;
    const bool new_dir = !std::filesystem::exists(dir, ec);
    try {
        make_private_directory(dir);
        return write();
    } catch (...) {
        if (new_dir) ::rmdir(dir.c_str()); // only ever removes an empty folder
        throw;
    }
}

// The folder of `collection`'s records, never through a link: a record is not written nor
// removed in a folder outside the bilan.
std::filesystem::path record_folder(const Store& store, Collection collection) {
    std::filesystem::path dir = store.root() / std::string(collection.folder);
    refuse_linked_folder(dir);
    return dir;
}

} // namespace

Transaction::Transaction(const Store& store)
    : store_(store), lock_(std::make_unique<FolderLock>(store.root())),
      gate_(std::make_unique<FolderGate>(store.root(), FolderGate::Mode::exclusive)) {
    store.require_writable_format();      // under the lock: nothing writes a newer folder meanwhile
    make_private_directory(store.root()); // a clone under umask 022 left it 0755
}

Transaction::~Transaction() {
    // A transaction that raised the folder's format and then failed (a write refused, an id
    // that could not be printed and was removed again) leaves bilan.toml as it was: nothing of
    // it remains. Still under the lock: the members that hold it go after this body.
    if (std::uncaught_exceptions() <= uncaught_at_start_) return;
    put_back_handover_copy();
    for (const auto& proof : proofs_written_)
        ::unlink(proof.c_str()); // a proof of nothing: the record that named it was not written
    if (!bilan_before_format_) return;
    try {
        write_file_atomically(store_.root() / "bilan.toml", *bilan_before_format_);
        store_.require_writable_format(); // reads the format again
    } catch (...) {                       // the failure under way says what went wrong
    }
}

std::string Transaction::add_record(Collection collection, const Fields& fields) {
    const auto dir = record_folder(store_, collection);
    return in_private_directory(dir, [&] {
        const std::string content = emit_fields(fields);
        for (std::uint64_t attempt = 0;; ++attempt) {
            const std::string id = new_id(content, attempt);
            const auto path = dir / (id + ".toml");
            struct stat taken {};
            if (::lstat(path.c_str(), &taken) == 0) continue; // two records never share a name
            create_file_atomically(path, content);
            return id;
        }
    });
}

void Transaction::remove_record(Collection collection, const std::string& id) {
    const auto dir = record_folder(store_, collection);
    make_private_directory(dir); // it holds the record: this only makes it 0700 again
    remove_file_durably(dir / (id + ".toml"));
}

Transaction::PreparedEdit Transaction::prepare_edit(const std::string& relative,
                                                    const Fields& edits,
                                                    bool create_if_missing) const {
    const auto path = store_.root() / relative;
    const std::string shown = store_.display(relative);
    auto original = read_file_if_exists(path);
    if (!original && !create_if_missing) throw RefusedError(shown + " n'existe plus");
    require_replaceable(path, shown);
    std::string text = original.value_or("");
    for (const Field& field : edits)
        text = splice_root_key(text, field, shown);
    verify_edits(text, edits, shown);
    // Nothing changes: the file is left untouched.
    return {path, text, !original || text != *original};
}

void Transaction::edit_file(const std::string& relative, const Fields& edits,
                            bool create_if_missing) {
    const PreparedEdit edit = prepare_edit(relative, edits, create_if_missing);
    if (edit.changed) write_file_atomically(edit.path, edit.text);
}

Transaction::PreparedEdit Transaction::prepare_record_edit(Collection collection,
                                                           const std::string& id,
                                                           const Fields& edits) const {
    record_folder(store_, collection);
    return prepare_edit(std::string(collection.folder) + "/" + id + ".toml", edits, false);
}

void Transaction::update_record(Collection collection, const std::string& id, const Fields& edits) {
    const PreparedEdit edit = prepare_record_edit(collection, id, edits);
    if (edit.changed) write_file_atomically(edit.path, edit.text);
}

namespace {

// True when `node` is an array of as many tables as `tables`, those from `from` on with exactly
// their keys and values (the earlier ones were in the file already, as the person wrote them).
bool holds_tables(const toml::node* node, const std::vector<Fields>& tables, std::size_t from) {
    const toml::array* array = node ? node->as_array() : nullptr;
    if (!array || array->size() != tables.size()) return false;
    for (std::size_t i = from; i < tables.size(); ++i) {
        const toml::table* table = array->get(i)->as_table();
        if (!table) return false;
        std::size_t present = 0;
        for (const Field& field : tables[i]) {
            const toml::node* value = table->get(field.key);
            if (field.value ? !value || value_of(*value) != field.value : value != nullptr)
                return false;
            if (field.value) ++present;
        }
        if (table->size() != present) return false;
    }
    return true;
}

} // namespace

void Transaction::update_record_tables(Collection collection, const std::string& id,
                                       const Fields& edits, const std::string& name,
                                       const std::vector<Fields>& tables) {
    const PreparedEdit edit = prepare_record_tables(collection, id, edits, name, tables);
    if (edit.changed) write_file_atomically(edit.path, edit.text);
}

Transaction::PreparedEdit
Transaction::prepare_record_tables(Collection collection, const std::string& id,
                                   const Fields& edits, const std::string& name,
                                   const std::vector<Fields>& tables) const {
    record_folder(store_, collection);
    const std::string relative = std::string(collection.folder) + "/" + id + ".toml";
    const auto path = store_.root() / relative;
    const std::string shown = store_.display(relative);
    const auto original = read_file_if_exists(path);
    if (!original) throw RefusedError(shown + " n'existe plus");
    require_replaceable(path, shown);
    const auto before = parse_toml(*original, shown);

    std::string text = *original;
    for (const Field& field : edits)
        text = splice_root_key(text, field, shown);
    // The entries already in the file stay as they are; when there are new ones, an older
    // `name = [...]` value goes, and all of `tables` are written as tables instead.
    const toml::node* existing = before.get(name);
    std::size_t kept = existing && existing->as_array() ? existing->as_array()->size() : 0;
    if (kept >= tables.size())
        kept = tables.size();
    else if (is_root_key_value(before, name)) {
        text = splice_root_key(text, Field{name, std::nullopt}, shown);
        kept = 0;
    }
    std::string added;
    for (std::size_t i = kept; i < tables.size(); ++i)
        added += "\n[[" + toml_key(name) + "]]\n" + emit_fields(tables[i]);
    if (!added.empty() && !text.empty() && text.back() != '\n') text += '\n';
    text += in_line_endings_of(*original, std::move(added));

    verify_edits(text, edits, shown);
    if (!added.empty() && !holds_tables(parse_toml(text, shown).get(name), tables, kept))
        throw DataError({shown, 0, 0}, "modification de « " + name +
                                           " » impossible : elle y est écrite autrement");
    // Nothing changes: the file is left untouched.
    return {path, text, text != *original};
}

void Transaction::in_format(int needed, const std::function<void()>& write) {
    if (store_.format() < needed) {
        const std::optional<std::string> original =
            read_file_if_exists(store_.root() / "bilan.toml");
        update_bilan({{"format", std::int64_t{needed}}});
        if (!bilan_before_format_) bilan_before_format_ = original; // put back if all fails
        store_.require_writable_format();                           // reads the format again
    }
    write();
}

void Transaction::raise_format(int needed) {
    if (store_.format() >= needed) return;
    update_bilan({{"format", std::int64_t{needed}}});
    store_.require_writable_format(); // reads the format again
}

void Transaction::keep_synthesis(std::string_view markdown) {
    const auto path = store_.root() / "synthese.md";
    struct stat kept {};
    if (::lstat(path.c_str(), &kept) == 0 && S_ISREG(kept.st_mode)) return; // as handed over
    require_replaceable(path, store_.display("synthese.md"));
    write_file_atomically(path, markdown);
}

void Transaction::write_handover_copy(const std::optional<std::string>& markdown) {
    const std::string name(handover_copy_file);
    const auto path = store_.root() / name;
    require_replaceable(path, store_.display(name));
    const std::optional<std::string> before = read_file_if_exists(path);
    if (before == markdown) return;
    if (!copy_before_) copy_before_ = before;
    if (markdown)
        write_file_atomically(path, *markdown);
    else
        remove_file_durably(path);
}

void Transaction::keep_proof(const std::string& name, std::string_view bytes) {
    const std::filesystem::path dir = store_.root() / std::string(proof_folder);
    refuse_linked_folder(dir);
    in_private_directory(dir, [&] {
        const auto path = dir / name;
        require_replaceable(path, store_.display(std::string(proof_folder) + "/" + name));
        if (read_file_if_exists(path) == std::optional<std::string>(bytes)) return;
        write_file_atomically(path, bytes);
        proofs_written_.push_back(path);
    });
}

void Transaction::remove_handover_copy() {
    const std::string name(handover_copy_file);
    require_replaceable(store_.root() / name, store_.display(name));
    if (read_file_if_exists(store_.root() / name)) remove_file_durably(store_.root() / name);
}

void Transaction::remove_file(const std::string& relative) {
    const auto path = store_.root() / relative;
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return;                // gone already
    if (!S_ISDIR(info.st_mode)) return remove_file_durably(path); // a link itself, not its target
    // A folder named with --aussi: whole, its links removed, never followed (remove_all).
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec) throw EnvironmentError(store_.display(relative) + " : " + ec.message());
    fsync_directory(path.parent_path());
}

void Transaction::put_back_handover_copy() const {
    if (!copy_before_) return;
    const auto path = store_.root() / std::string(handover_copy_file);
    try {
        if (*copy_before_)
            write_file_atomically(path, **copy_before_);
        else if (read_file_if_exists(path))
            remove_file_durably(path);
    } catch (...) { // the failure under way says what went wrong
    }
}

void Transaction::write(const Destruction& destruction, std::string_view rule) {
    const auto path = store_.root() / "destruction.toml";
    require_replaceable(path, store_.display("destruction.toml"));
    const Fields fields = fields_of(destruction);
    const std::string text = "# Destruction des documents de travail (" + std::string(rule) +
                             ") : ce qui a été détruit et quand,\n# jamais leur contenu. Écrit "
                             "par bilan purge.\n" +
                             emit_fields(fields);
    verify_edits(text, fields, store_.display("destruction.toml"));
    write_file_atomically(path, text);
}

void destruction_step_done() {
    static long done = 0;
    const char* stop = std::getenv("BILAN_PURGE_STOP_AFTER");
    if (stop && *stop && ++done >= std::strtol(stop, nullptr, 10)) ::kill(::getpid(), SIGKILL);
}

void Transaction::update_bilan(const Fields& edits) {
    edit_file("bilan.toml", edits, false);
}

void Transaction::update_file(std::string_view name, std::string_view header, const Fields& edits,
                              int format) {
    const std::string relative(name);
    if (header.empty()) { // made whole elsewhere (create_bilan, create_practice): edited only
        require_storable(edits); // before the format is raised
        return in_format(format, [&] { edit_file(relative, edits, false); });
    }
    if (edits.empty()) return;
    const auto path = store_.root() / relative;
    if (read_file_if_exists(path))
        return in_format(format, [&] { edit_file(relative, edits, false); });
    Fields present;
    for (const Field& field : edits)
        if (field.value) present.push_back(field);
    if (present.empty()) return; // nothing to remove from a file that is not there
    const std::string text = std::string(header) + emit_fields(present);
    require_replaceable(path, store_.display(relative));
    verify_edits(text, present, store_.display(relative));
    in_format(format, [&] { write_file_atomically(path, text); });
}

void Transaction::write_record(Collection collection, const std::string& id, const Fields& fields) {
    const auto dir = record_folder(store_, collection);
    in_private_directory(dir, [&] {
        const std::string name = id + ".toml";
        require_replaceable(dir / name,
                            store_.display(std::string(collection.folder) + "/" + name));
        write_file_atomically(dir / name, emit_fields(fields));
    });
}

} // namespace bilan::store
