// The limit of open files (ulimit -n) lowered for a scope, and restored however it ends: a
// failed check must not starve the tests that run after it in the same process.
#pragma once

#include <sys/resource.h>

class OpenFilesLimit {
public:
    explicit OpenFilesLimit(rlim_t soft) {
        ok_ = ::getrlimit(RLIMIT_NOFILE, &before_) == 0;
        rlimit low = before_;
        low.rlim_cur = soft;
        ok_ = ok_ && ::setrlimit(RLIMIT_NOFILE, &low) == 0;
    }
    ~OpenFilesLimit() {
        if (ok_) ::setrlimit(RLIMIT_NOFILE, &before_);
    }
    OpenFilesLimit(const OpenFilesLimit&) = delete;
    OpenFilesLimit& operator=(const OpenFilesLimit&) = delete;
    bool lowered() const { return ok_; }

private:
    rlimit before_{};
    bool ok_ = false;
};
