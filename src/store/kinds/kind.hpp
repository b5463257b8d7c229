// What the store knows of each kind of record, described once per kind in its own file of
// src/store/kinds/: its file or folder, its keys both ways, its order, the format it needs,
// what of it is content, its [[sub-tables]]. The store's generic code (loading, ids, typed
// writes, check, purge) reads these descriptors and names no kind.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE
#error "the store's internals are its own: the layers above use bilan/store.hpp"
#endif

#include "bilan/store.hpp"
#include "store/record_reader.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilan::store {

// ---- helpers of the readers and writers ------------------------------------------------------

inline std::optional<Value> text_or_none(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<Value>(text);
}
inline std::optional<Value> date_or_none(const std::optional<Date>& date) {
    return date ? std::optional<Value>(*date) : std::nullopt;
}
inline std::optional<Value> list_or_none(const std::vector<std::string>& items) {
    return items.empty() ? std::nullopt : std::optional<Value>(items);
}
inline std::optional<Value> int_or_none(const std::optional<int>& n) {
    return n ? std::optional<Value>(std::int64_t{*n}) : std::nullopt;
}
inline std::optional<Value> true_or_none(bool flag) {
    return flag ? std::optional<Value>(true) : std::nullopt;
}
// Reports `to` before `from` at `to_key`.
void check_order(RecordReader& r, const std::optional<Date>& from, const std::optional<Date>& to,
                 std::string_view to_key);
// A SIRET or an NDA as the file writes it (spaces between groups allowed), checked by `parse`;
// a wrong one is reported at its value and kept as written.
std::string provider_id(RecordReader& r, std::string_view key,
                        std::string (*parse)(std::string_view));

// ---- the descriptors -------------------------------------------------------------------------

// Entries a record holds as [[name]] tables after its keys (a session's evidence), which an
// update may only add to: the tables already in the file stay as the person wrote them.
template <typename Record> struct SubTables {
    std::string_view name{};                            // "evidence"; empty: the kind has none
    std::vector<Fields> (*of)(const Record&) = nullptr; // each entry's keys, oldest first
    // True when `after` keeps every entry of `before`, in order{}; otherwise the update is
    // refused with `refusal` (a bug: the ops only add).
    bool (*only_added)(const Record& before, const Record& after) = nullptr;
    std::string_view refusal{};
};

// True when `after` holds `before`'s entries first, unchanged.
template <typename Item>
bool starts_with(const std::vector<Item>& after, const std::vector<Item>& before) {
    return after.size() >= before.size() && std::equal(before.begin(), before.end(), after.begin());
}

// A kind kept one file per record in a folder of its own (sessions/ID.toml).
template <typename Record> struct RecordKind {
    std::string_view folder{};  // "sessions"
    std::string_view noun{};    // "séance", for messages
    std::string_view removed{}; // "Séance supprimée", said by `rm`
    // content (the substance, destroyed by `purge` unless the beneficiary agreed in writing
    // to keep it, R6313-7) or administrative (proof of service, kept).
    RecordClass record_class{};
    std::vector<Record> Folder::*list = nullptr;
    Record (*read)(RecordReader& reader, const Framework* framework) = nullptr; // sessions need it
    Fields (*fields)(const Record& record) = nullptr; // its keys, in the order bilan writes them
    bool (*before)(const Record& a, const Record& b) = nullptr; // its order (record_order.hpp)
    // Its list's lines (a view of the core), of which `rm` echoes the removed record's; nullptr:
    // `rm` names it by its id.
    std::string (*listed)(const std::vector<Record>& records, const Framework& framework) = nullptr;
    bool named_by_recipient = false; // consents: named after their recipient, not a random id
    // The folder format a record needs (nullptr: the first); every write raises the folder's
    // to it first, in the same transaction.
    int (*format)(const Record& record) = nullptr;
    SubTables<Record> sub_tables{};
    // For an administrative kind holding some content (a session's note): whether a write of
    // `after` (over `before`; nullptr for a new record) brings content. A content kind always
    // does. Content is refused while a purge is unfinished.
    bool (*brings_content)(const Record* before, const Record& after) = nullptr;
};

// Where a one-file record lives: a bilan's folder, or a practice folder (practice.toml).
enum class Scope { bilan, practice };

// A record kept in one file of its own (project.toml, convention.toml…).
template <typename Record> struct FileKind {
    std::string_view file{}; // "project.toml"
    Scope scope = Scope::bilan;
    // The comment a new file starts with: an update creates the file when an edit gives a
    // value. Empty: the file is made whole elsewhere (create_bilan, create_practice), and an
    // update never creates it.
    std::string_view header{};
    Record (*read)(RecordReader& reader) = nullptr;
    Fields (*fields)(const Record& record) = nullptr;
    Record Folder::*member = nullptr; // where load_all puts it (nullptr: not in Folder)
    int (*format)(const Record& record) = nullptr; // as RecordKind::format
    bool (*brings_content)(const Record* before, const Record& after) = nullptr;
};

template <typename Record> const RecordKind<Record>& record_kind();
template <typename Record> const FileKind<Record>& file_kind();
#define BILAN_DECLARE_RECORD_KIND(Record) template <> const RecordKind<Record>& record_kind();
#define BILAN_DECLARE_FILE_KIND(Record) template <> const FileKind<Record>& file_kind();
BILAN_RECORD_KINDS(BILAN_DECLARE_RECORD_KIND)
BILAN_FILE_KINDS(BILAN_DECLARE_FILE_KIND)
#undef BILAN_DECLARE_RECORD_KIND
#undef BILAN_DECLARE_FILE_KIND

} // namespace bilan::store
