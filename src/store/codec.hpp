// What the store's generic code sees of every kind of record: the descriptors of
// src/store/kinds/ with their types erased, so that its loops (load, sort, check, ids) name no
// kind.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE
#error "the store's internals are its own: the layers above use bilan/store.hpp"
#endif

#include "bilan/store.hpp"
#include "record_reader.hpp"
#include "store/kinds/kind.hpp"

#include <span>
#include <string>

namespace bilan::store {

Framework read_framework(RecordReader& r, Diagnostics& diagnostics);
Destruction read_destruction(RecordReader& r);
// A record of any kind (Session, … Consent, and the one-file ones: BilanRecord, Project…) from
// its table; sessions need their `framework`.
template <typename Record>
Record read_record(RecordReader& r, const Framework* framework = nullptr);

// A kind kept one file per record, whatever its type.
struct RecordKindInfo {
    Collection collection;
    bool named_by_recipient = false; // consents: named after their recipient, not a random id
    // Reads one record's table (the file `id`.toml) into its list of `into`, unless the reader
    // found a problem (reported to its Diagnostics).
    void (*read_into)(RecordReader& reader, const Framework* framework, std::string id,
                      Folder& into) = nullptr;
    void (*sort)(Folder& folder) = nullptr; // each list in its order, which ends with the id
    // The line of record `id` in its list (`folder` holds it), as RecordKind::listed; nullptr
    // for a kind without one.
    std::string (*line)(const Folder& folder, const Framework& framework,
                        const std::string& id) = nullptr;
};
std::span<const RecordKindInfo> record_kinds();
const RecordKindInfo& kind_info(Collection collection);

// A record kept in a file of its own, whatever its type.
struct FileKindInfo {
    std::string_view file; // "project.toml"
    Scope scope = Scope::bilan;
    // Reads it into its member of `into` (nullptr for those outside Folder: bilan.toml, read
    // first as the folder's own, and practice.toml).
    void (*load_into)(const Store& store, Folder& into, Diagnostics& diagnostics) = nullptr;
};
std::span<const FileKindInfo> file_kinds();

} // namespace bilan::store
