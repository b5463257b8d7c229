// The typed writes of a Transaction, and the shared read lock of read commands: what lets the
// operations and commands above the store write records without naming a TOML key.
#include "bilan/store.hpp"
#include "lock.hpp"
#include "posix_io.hpp"
#include "store/kinds/kind.hpp"
#include "toml_text.hpp"

#include <algorithm>

namespace bilan::store {

Fields changed_fields(const Fields& before, const Fields& after) {
    Fields edits;
    for (const Field& field : after) {
        const auto same = std::find_if(before.begin(), before.end(), [&](const Field& old) {
            return old.key == field.key && old.value == field.value;
        });
        if (same == before.end()) edits.push_back(field);
    }
    for (const Field& old : before) {
        const bool kept = std::any_of(after.begin(), after.end(),
                                      [&](const Field& field) { return field.key == old.key; });
        if (!kept) edits.push_back({old.key, std::nullopt});
    }
    return edits;
}

// Content written into a half-purged folder would be destroyed by the resume uncounted, or
// kept uncovered when an agreement came since: the purge is finished first.
void Transaction::refuse_content_while_purging() const {
    Diagnostics lenient(true); // a destruction.toml at fault is check's to report
    const std::optional<Destruction> destruction = store_.load_destruction(lenient);
    if (destruction && !destruction->done)
        throw RefusedError(Problem{.code = "purge.unfinished",
                                   .values = {{"file", store_.display("destruction.toml")}},
                                   .remedy = Remedy{"purge", {}}});
}

namespace {

// Whether writing `after` (over `before`, nullptr for a new record) brings content: always for
// a content kind, as its descriptor says for the others.
template <typename Kind, typename Record>
bool brings_content(const Kind& kind, RecordClass record_class, const Record* before,
                    const Record& after) {
    if (kind.brings_content) return kind.brings_content(before, after);
    return record_class == RecordClass::content;
}

} // namespace

template <typename Record> std::string Transaction::add(const Record& record) {
    const RecordKind<Record>& kind = record_kind<Record>();
    if (brings_content(kind, kind.record_class, static_cast<const Record*>(nullptr), record))
        refuse_content_while_purging();
    std::string id;
    in_format(format_needed(record),
              [&] { id = add_record(collection_of<Record>(), fields_of(record)); });
    return id;
}

template <typename Record> void Transaction::update(const Record& before, const Record& after) {
    if constexpr (KeptInFolder<Record>) {
        const RecordKind<Record>& kind = record_kind<Record>();
        const SubTables<Record>& tables = kind.sub_tables;
        if (!tables.name.empty() && !tables.only_added(before, after))
            throw RefusedError(std::string(tables.refusal));
        if (brings_content(kind, kind.record_class, &before, after)) refuse_content_while_purging();
        const Collection collection = collection_of<Record>();
        const Fields edits = changed_fields(fields_of(before), fields_of(after));
        // Composed and checked first: a file that cannot take the change raises no format.
        const PreparedEdit edit =
            tables.name.empty() ? prepare_record_edit(collection, before.id, edits)
                                : prepare_record_tables(collection, before.id, edits,
                                                        std::string(tables.name), tables.of(after));
        if (!edit.changed) return;
        in_format(format_needed(after), [&] { write_file_atomically(edit.path, edit.text); });
    } else {
        const FileKind<Record>& kind = file_kind<Record>();
        if (kind.brings_content && kind.brings_content(&before, after))
            refuse_content_while_purging();
        update_file(kind.file, kind.header, changed_fields(fields_of(before), fields_of(after)),
                    format_needed(after));
    }
}

template <typename Record> void Transaction::remove(const Record& record) {
    if constexpr (KeptInFolder<Record>) {
        remove_record(collection_of<Record>(), record.id);
    } else {
        const auto path = store_.root() / std::string(file_kind<Record>().file);
        if (read_file_if_exists(path)) remove_file_durably(path);
    }
}

#define BILAN_RECORD_WRITES(Record)                                                                \
    template std::string Transaction::add(const Record&);                                          \
    template void Transaction::update(const Record&, const Record&);                               \
    template void Transaction::remove(const Record&);
BILAN_RECORD_KINDS(BILAN_RECORD_WRITES)
#undef BILAN_RECORD_WRITES
#define BILAN_FILE_WRITES(Record)                                                                  \
    template void Transaction::update(const Record&, const Record&);                               \
    template void Transaction::remove(const Record&);
BILAN_FILE_KINDS(BILAN_FILE_WRITES)
#undef BILAN_FILE_WRITES

ConsistentRead::ConsistentRead(const Store& store)
    : gate_(std::make_unique<FolderGate>(store.root(), FolderGate::Mode::shared)) {}

ConsistentRead::~ConsistentRead() = default;

} // namespace bilan::store
