#pragma once

#include "bilan/layers.hpp"
#if BILAN_LAYER != BILAN_LAYER_STORE && BILAN_LAYER != BILAN_LAYER_OUTSIDE
#error "the store's internals are its own: the layers above use bilan/store.hpp"
#endif

#include <filesystem>

namespace bilan::store {

// The folder's write lock: an flock(2) on DIR/.lock, which the kernel releases when its holder
// dies, so a killed run never blocks the next one. The file holds the holder's pid; finding a
// pid in a file nobody holds means its writer was killed: we say so and sweep its temp files.
// The file is removed on release (and the inode checked on acquire, so that a waiter never
// ends up holding a lock on a file that was removed under it).
class FolderLock {
public:
    // Waits up to $BILAN_LOCK_WAIT seconds (default 5), then throws EnvironmentError (exit 3).
    explicit FolderLock(const std::filesystem::path& folder);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    std::filesystem::path path_;
    int fd_ = -1;
};

// Readers and writers of one folder, by flock(2) on the folder itself: readers share it, a
// writer holds it alone while its transaction runs. A read then sees the folder before or
// after a write that touches several files (`piste decide --replace`, `consent revoke`), never
// between; and it creates nothing, so a read command writes nothing. Waits up to
// $BILAN_LOCK_WAIT seconds like FolderLock. A folder that cannot be opened is not held: the
// read or write that follows says why.
class FolderGate {
public:
    enum class Mode { shared, exclusive };
    FolderGate(const std::filesystem::path& folder, Mode mode);
    ~FolderGate();
    FolderGate(const FolderGate&) = delete;
    FolderGate& operator=(const FolderGate&) = delete;

private:
    int fd_ = -1;
};

} // namespace bilan::store
