// The operations: what each command does to a folder, between the command line (which parses
// options into values and prints) and the store (which reads and writes files). A domain rule
// lives here, once, whichever command needs it; every read that decides a write happens in a
// Transaction, under the lock, by construction (read through Transaction::store()); and a read
// command's several files are read under the folder's shared lock (ConsistentRead), so that it
// never sees a write half done. Nothing here knows CLI11 or TOML.
#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER < BILAN_LAYER_OPS
#error "the core and the store may not include the operations"
#endif

#include "bilan/framework.hpp"
#include "bilan/model.hpp"
#include "bilan/problem.hpp"
#include "bilan/store.hpp"

#include <functional>
#include <string>
#include <vector>

namespace bilan::ops {

// What an operation tells the user besides its result, as data (bilan/problem.hpp): the command
// line says each on stderr ("attention : la séance dépasse le plafond…"); it never changes the
// outcome.
using Notes = std::vector<Problem>;

// A bilan as a read command sees it: its framework and everything in the folder, read at once
// under the folder's shared lock. Strict: the first bad file stops it (DataError, exit 1).
struct Loaded {
    Framework framework;
    Folder folder;
};
Loaded load_folder(const store::Store& store);

// Run with a new record's id before its transaction ends (the command prints it): when it
// throws (stdout closed or full), the record is removed again and the error goes on, so that
// an id nobody saw leaves nothing written.
using OnAdded = std::function<void(const std::string& id)>;

// Adds `record` in `transaction` and hands its id to `on_added` while the lock is held.
template <typename Record>
std::string add_told(store::Transaction& transaction, Record record, const OnAdded& on_added) {
    record.id = transaction.add(record);
    try {
        on_added(record.id);
    } catch (...) {
        transaction.remove(record);
        throw;
    }
    return record.id;
}

// The same inside a write, under the transaction's lock.
Loaded load_folder(const store::Transaction& transaction);
// The same for a caller that already holds the folder's lock (a ConsistentRead that reads
// more files beside, as `due` reads destruction.toml); Reading::figures for deadlines and
// figures across a practice.
Loaded load_everything(const store::Store& store, store::Reading reading = store::Reading::whole);

// Runs `read(store)` under the folder's shared lock: for a read command that needs only part
// of the folder (`skill list` reads no session).
template <typename Read> auto read_still(const store::Store& store, Read read) {
    const store::ConsistentRead still(store);
    return read(store);
}

// The operations every kind of record has, whatever its type: a kind without rules of its own
// (a new one included) needs no operation of its own for them.

// `GROUP add`: one Transaction that adds `record` and hands its id to `on_added`.
template <typename Record>
std::string add(const store::Store& store, const Record& record, const OnAdded& on_added) {
    store.require_bilan();
    store::Transaction transaction(store);
    return add_told(transaction, record, on_added);
}

// Runs `read(store, diagnostics)` under the folder's shared lock, strictly (the first bad file
// stops it: DataError, exit 1).
template <typename Read> auto read_strictly(const store::Store& store, Read read) {
    store.require_bilan();
    return read_still(store, [&](const store::Store& still) {
        store::Diagnostics strict;
        return read(still, strict);
    });
}

// `GROUP list`: the records of one kind, in their order.
template <typename Record> std::vector<Record> list(const store::Store& store) {
    return read_strictly(store, [](const store::Store& still, store::Diagnostics& strict) {
        return still.load<Record>(strict);
    });
}

} // namespace bilan::ops
