// The table of every kind: the descriptors of src/store/kinds/ gathered, their types erased for
// the store's loops, and what the rest of bilan uses of each kind compiled here once.
#include "codec.hpp"

#include "posix_io.hpp"
#include "toml_text.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace bilan::store {

void check_order(RecordReader& r, const std::optional<Date>& from, const std::optional<Date>& to,
                 std::string_view to_key) {
    if (from && to && *to < *from)
        r.fail(r.pos(to_key),
               "la date de fin (" + to->iso() + ") précède celle de début (" + from->iso() + ")");
}

std::string provider_id(RecordReader& r, std::string_view key,
                        std::string (*parse)(std::string_view)) {
    const std::string raw = r.text(key);
    if (raw.empty()) return {};
    try {
        return parse(raw);
    } catch (const UsageError& e) {
        r.fail(r.pos(key), e.what());
        return raw; // as written: `practice set` replaces or removes it like any other value
    }
}

namespace {

template <typename Record> RecordKindInfo erased_record_kind() {
    const RecordKind<Record>& kind = record_kind<Record>();
    RecordKindInfo info;
    info.collection = {kind.folder, kind.noun, kind.removed, kind.record_class};
    info.named_by_recipient = kind.named_by_recipient;
    info.read_into = [](RecordReader& reader, const Framework* framework, std::string id,
                        Folder& into) {
        Record record = record_kind<Record>().read(reader, framework);
        if (!reader.finish()) return;
        record.id = std::move(id);
        (into.*record_kind<Record>().list).push_back(std::move(record));
    };
    // Every order ends with the id, unique in its folder: no two records tie, so the result
    // does not depend on the order the files were read in.
    info.sort = [](Folder& folder) {
        auto& list = folder.*record_kind<Record>().list;
        std::sort(list.begin(), list.end(), record_kind<Record>().before);
    };
    if (kind.listed)
        info.line = [](const Folder& folder, const Framework& framework, const std::string& id) {
            for (const Record& record : folder.*record_kind<Record>().list)
                if (record.id == id) return record_kind<Record>().listed({record}, framework);
            return id + "\n";
        };
    return info;
}

template <typename Record> FileKindInfo erased_file_kind() {
    const FileKind<Record>& kind = file_kind<Record>();
    FileKindInfo info{kind.file, kind.scope, nullptr};
    if (kind.member)
        info.load_into = [](const Store& store, Folder& into, Diagnostics& diagnostics) {
            into.*file_kind<Record>().member = store.load<Record>(diagnostics);
        };
    return info;
}

// A file of one record at the bilan's top level, read when it exists (the record left empty
// otherwise); a fault is reported, and the record left as read so far.
template <typename Record>
Record load_file(const Store& store, std::string_view name, Diagnostics& diagnostics) {
    const std::string shown = store.display(std::string(name));
    Record record;
    try {
        const auto text = read_file_if_exists(store.root() / name);
        if (!text) return record;
        const toml::table table = parse_toml(*text, shown);
        RecordReader reader(table, {shown, 0, 0}, diagnostics);
        record = file_kind<Record>().read(reader);
        reader.finish();
    } catch (const DataError& e) {
        diagnostics.report(e.where, e.detail);
    }
    record.origin = {shown, 0, 0};
    return record;
}

} // namespace

std::span<const RecordKindInfo> record_kinds() {
    // Built on first use, so that no static initialiser elsewhere can run before it.
#define BILAN_ERASED(Record) erased_record_kind<Record>(),
    static const std::array erased{BILAN_RECORD_KINDS(BILAN_ERASED)};
#undef BILAN_ERASED
    return erased;
}

std::span<const FileKindInfo> file_kinds() {
#define BILAN_ERASED(Record) erased_file_kind<Record>(),
    static const std::array erased{BILAN_FILE_KINDS(BILAN_ERASED)};
#undef BILAN_ERASED
    return erased;
}

std::vector<Collection> record_collections() {
    std::vector<Collection> all;
    for (const RecordKindInfo& kind : record_kinds())
        all.push_back(kind.collection);
    return all;
}

const RecordKindInfo& kind_info(Collection collection) {
    for (const RecordKindInfo& kind : record_kinds())
        if (kind.collection == collection) return kind;
    throw std::logic_error("type d'enregistrement inconnu : " + std::string(collection.folder));
}

std::span<const std::string_view> single_record_files() {
    static const std::vector<std::string_view> files = [] {
        std::vector<std::string_view> names;
        for (const FileKindInfo& kind : file_kinds())
            if (kind.load_into) names.push_back(kind.file);
        return names;
    }();
    return files;
}

template <typename Record> Record read_record(RecordReader& reader, const Framework* framework) {
    if constexpr (KeptInFolder<Record>)
        return record_kind<Record>().read(reader, framework);
    else
        return file_kind<Record>().read(reader);
}

template <typename Record> Fields fields_of(const Record& record) {
    if constexpr (KeptInFolder<Record>)
        return record_kind<Record>().fields(record);
    else
        return file_kind<Record>().fields(record);
}

template <typename Record> int format_needed(const Record& record) {
    int (*format)(const Record&) = nullptr;
    if constexpr (KeptInFolder<Record>)
        format = record_kind<Record>().format;
    else
        format = file_kind<Record>().format;
    return format ? format(record) : first_format;
}

template <typename Record> Collection collection_of() {
    const RecordKind<Record>& kind = record_kind<Record>();
    return {kind.folder, kind.noun, kind.removed, kind.record_class};
}

template <typename Record> std::vector<Record>& records_of(Folder& folder) {
    return folder.*record_kind<Record>().list;
}

template <typename Record>
LoadedAs<Record> Store::load(Diagnostics& diagnostics, const Framework* framework) const {
    if constexpr (std::is_same_v<Record, BilanRecord>) {
        return load_bilan(diagnostics); // the folder's own: it must be there
    } else if constexpr (KeptInFolder<Record>) {
        const Collection collection = collection_of<Record>();
        Folder folder = load_records({&collection, 1}, framework, diagnostics);
        return std::move(records_of<Record>(folder));
    } else {
        adapt_to_format(diagnostics);
        return load_file<Record>(*this, file_kind<Record>().file, diagnostics);
    }
}

// What the other files use of each kind, compiled here where the descriptors are.
#define BILAN_RECORD_KIND(Record)                                                                  \
    template Fields fields_of(const Record&);                                                      \
    template int format_needed(const Record&);                                                     \
    template Record read_record(RecordReader&, const Framework*);                                  \
    template Collection collection_of<Record>();                                                   \
    template std::vector<Record>& records_of<Record>(Folder&);                                     \
    template LoadedAs<Record> Store::load<Record>(Diagnostics&, const Framework*) const;
BILAN_RECORD_KINDS(BILAN_RECORD_KIND)
#undef BILAN_RECORD_KIND
#define BILAN_FILE_KIND(Record)                                                                    \
    template Fields fields_of(const Record&);                                                      \
    template int format_needed(const Record&);                                                     \
    template Record read_record(RecordReader&, const Framework*);                                  \
    template LoadedAs<Record> Store::load<Record>(Diagnostics&, const Framework*) const;
BILAN_FILE_KINDS(BILAN_FILE_KIND)
#undef BILAN_FILE_KIND

} // namespace bilan::store
