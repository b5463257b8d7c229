// Each record's TOML keys, in the one order bilan writes them: the file format lives here.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE
#error "the store's internals are its own: the layers above use bilan/store.hpp"
#endif

#include "bilan/store.hpp"
#include "record_reader.hpp"

#include <span>
#include <string>

namespace bilan::store {

BilanRecord read_bilan(RecordReader& r);
Framework read_framework(RecordReader& r, Diagnostics& diagnostics);
Project read_project(RecordReader& r);
Practice read_practice(RecordReader& r);
EdofFile read_edof(RecordReader& r);
Destruction read_destruction(RecordReader& r);
// A record of one kind (Session, Skill, … Consent); sessions need their `framework`.
template <typename Record> Record read_record(RecordReader& r, const Framework* framework);

// What the store needs of a kind of record, whatever its type: each kind is described once in
// codec.cpp (its `kinds` table), and the store's loops (load, sort, check, ids) go over these.
struct RecordKindInfo {
    Collection collection;
    bool named_by_recipient = false; // consents: named after their recipient, not a random id
    // Reads one record's table (the file `id`.toml) into its list of `into`, unless the reader
    // found a problem (reported to its Diagnostics).
    void (*read_into)(RecordReader& reader, const Framework* framework, std::string id,
                      Folder& into) = nullptr;
    void (*sort)(Folder& folder) = nullptr; // each list in its order, which ends with the id
};
std::span<const RecordKindInfo> record_kinds();
const RecordKindInfo& kind_info(Collection collection);
Convention read_convention(RecordReader& r);
Financing read_financing(RecordReader& r);

} // namespace bilan::store
