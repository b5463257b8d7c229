// BatchedClose: files a loader read are closed a run at a time, and never one it was not given,
// even when two threads' descriptors interleave.
#include "store/posix_io.hpp"

#include <cerrno>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

using bilan::store::BatchedClose;

namespace {

bool is_open(int fd) {
    return ::fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

std::vector<int> open_null(int count) {
    std::vector<int> fds;
    for (int i = 0; i < count; ++i) {
        fds.push_back(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        REQUIRE(fds.back() >= 0);
    }
    return fds;
}

} // namespace

TEST_SUITE("batched close") {
    TEST_CASE("a file handed in stays open until the batch is flushed, then all are closed") {
        const std::vector<int> fds = open_null(5);
        {
            BatchedClose closer;
            for (const int fd : fds)
                closer.close_later(fd);
            for (const int fd : fds)
                CHECK(is_open(fd));
            closer.flush();
            for (const int fd : fds)
                CHECK_FALSE(is_open(fd));
        }
        const std::vector<int> more = open_null(3);
        {
            BatchedClose closer;
            for (const int fd : more)
                closer.close_later(fd);
        } // the destructor flushes
        for (const int fd : more)
            CHECK_FALSE(is_open(fd));
    }

    // What two loading threads do: consecutive numbers, one of them handed to the other batch.
    // A batch that closed from its lowest to its highest descriptor would close it.
    TEST_CASE("a batch never closes a descriptor another one holds") {
        const std::vector<int> fds = open_null(5);
        BatchedClose first, second;
        first.close_later(fds[0]);
        first.close_later(fds[1]);
        second.close_later(fds[2]);
        first.close_later(fds[3]);
        first.close_later(fds[4]);
        first.flush();
        CHECK(is_open(fds[2]));
        for (const int fd : {fds[0], fds[1], fds[3], fds[4]})
            CHECK_FALSE(is_open(fd));
        second.flush();
        CHECK_FALSE(is_open(fds[2]));
    }

    TEST_CASE("a long run is closed as it goes: a batch holds at most 64 files") {
        const std::vector<int> fds = open_null(150);
        BatchedClose closer;
        for (const int fd : fds)
            closer.close_later(fd);
        int still_open = 0;
        for (const int fd : fds)
            still_open += is_open(fd) ? 1 : 0;
        CHECK(still_open > 0);
        CHECK(still_open <= 64);
        closer.flush();
        for (const int fd : fds)
            CHECK_FALSE(is_open(fd));
    }
}
