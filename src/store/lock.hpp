#pragma once

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

} // namespace bilan::store
