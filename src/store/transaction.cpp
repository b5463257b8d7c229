#include "bilan/store.hpp"
#include "lock.hpp"
#include "posix_io.hpp"
#include "toml_text.hpp"

#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace bilan::store {
namespace {

std::string hex8(std::uint64_t hash) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%08" PRIx64, (hash ^ (hash >> 32)) & 0xffffffffu);
    return buffer;
}

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

} // namespace

Transaction::Transaction(const Store& store)
    : store_(store), lock_(std::make_unique<FolderLock>(store.root())) {
    store.require_writable_format(); // under the lock: nothing writes a newer folder meanwhile
}

Transaction::~Transaction() = default;

std::string Transaction::add_record(Collection collection, const Fields& fields) {
    const auto dir = store_.root() / std::string(directory_of(collection));
    return in_private_directory(dir, [&] {
        const std::string content = emit_fields(fields);
        // The id is a hash of the content: the same command gives the same bytes everywhere,
        // and two clones adding different records pick different names, so git merges them.
        for (std::uint64_t salt = 0;; ++salt) {
            const std::string id = hex8(fnv1a(content, fnv1a(std::to_string(salt))));
            const auto path = dir / (id + ".toml");
            if (read_file_if_exists(path)) continue;
            create_file_atomically(path, content);
            return id;
        }
    });
}

void Transaction::remove_record(Collection collection, const std::string& id) {
    remove_file_durably(store_.root() / std::string(directory_of(collection)) / (id + ".toml"));
}

void Transaction::edit_file(const std::string& relative, const Fields& edits,
                            bool create_if_missing) {
    const auto path = store_.root() / relative;
    const std::string shown = store_.display(relative);
    auto original = read_file_if_exists(path);
    if (!original && !create_if_missing) throw RefusedError(shown + " n'existe plus");
    std::string text = original.value_or("");
    for (const Field& field : edits)
        text = splice_root_key(text, field, shown);
    verify_edits(text, edits, shown);
    if (original && text == *original) return; // nothing changes: leave the file untouched
    write_file_atomically(path, text);
}

void Transaction::update_record(Collection collection, const std::string& id, const Fields& edits) {
    edit_file(std::string(directory_of(collection)) + "/" + id + ".toml", edits, false);
}

void Transaction::append_table(Collection collection, const std::string& id,
                               const std::string& name, const Fields& fields) {
    const std::string relative = std::string(directory_of(collection)) + "/" + id + ".toml";
    const auto path = store_.root() / relative;
    const std::string shown = store_.display(relative);
    const auto original = read_file_if_exists(path);
    if (!original) throw RefusedError(shown + " n'existe plus");
    const auto before = parse_toml(*original, shown);
    const auto* existing = before.get(name);
    const std::size_t count = existing && existing->as_array() ? existing->as_array()->size() : 0;

    std::string text = *original;
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += in_line_endings_of(*original, "\n[[" + toml_key(name) + "]]\n" + emit_fields(fields));

    const auto after = parse_toml(text, shown);
    const auto* array = after.get(name) ? after.get(name)->as_array() : nullptr;
    if (!array || array->size() != count + 1)
        throw DataError({shown, 0, 0}, "ajout de [[" + name + "]] impossible : « " + name +
                                           " » y est écrit autrement");
    write_file_atomically(path, text);
}

void Transaction::update_bilan(const Fields& edits) {
    edit_file("bilan.toml", edits, false);
}

void Transaction::update_project(const Fields& edits) {
    const bool exists = read_file_if_exists(store_.root() / "project.toml").has_value();
    if (exists) return edit_file("project.toml", edits, false);
    const std::string header = "# Projet professionnel : « bilan project set » ou à la main.\n";
    Fields present;
    for (const Field& field : edits)
        if (field.value) present.push_back(field);
    if (present.empty()) return;
    const std::string text = header + emit_fields(present);
    verify_edits(text, present, store_.display("project.toml"));
    write_file_atomically(store_.root() / "project.toml", text);
}

void Transaction::write_record(Collection collection, const std::string& id, const Fields& fields) {
    const auto dir = store_.root() / std::string(directory_of(collection));
    in_private_directory(dir,
                         [&] { write_file_atomically(dir / (id + ".toml"), emit_fields(fields)); });
}

} // namespace bilan::store
