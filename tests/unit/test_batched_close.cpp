// BatchedClose: files a loader read are closed a run at a time, and never one it was not given,
// even when two threads' descriptors interleave.
#include "open_files_limit.hpp"
#include "store/posix_io.hpp"

#include <cerrno>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using bilan::store::BatchedClose;
namespace fs = std::filesystem;

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
            // The last run is held: all five, unless a descriptor inherited from the shell
            // lies between their numbers.
            std::size_t run = fds.size() - 1;
            while (run > 0 && fds[run - 1] + 1 == fds[run])
                --run;
            for (std::size_t i = run; i < fds.size(); ++i)
                CHECK(is_open(fds[i]));
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

    TEST_CASE("a long run is closed as it goes: a batch holds at most its longest run") {
        for (const int longest : {64, 4, 1}) {
            const std::vector<int> fds = open_null(150);
            BatchedClose closer(longest);
            for (const int fd : fds)
                closer.close_later(fd);
            int still_open = 0;
            for (const int fd : fds)
                still_open += is_open(fd) ? 1 : 0;
            CHECK(still_open < longest);
            closer.flush();
            for (const int fd : fds)
                CHECK_FALSE(is_open(fd));
        }
    }

    // Two threads' batches take at most an eighth of the limit, the folders and streams the rest.
    TEST_CASE("the longest run under a limit of open files") {
        CHECK(BatchedClose::run_for_limit(1024) == 64);
        CHECK(BatchedClose::run_for_limit(1'048'576) == 64);
        CHECK(BatchedClose::run_for_limit(256) == 16);
        CHECK(BatchedClose::run_for_limit(64) == 4);
        CHECK(BatchedClose::run_for_limit(20) == 1);
        CHECK(BatchedClose::run_for_limit(0) == 1);
        const OpenFilesLimit limit(64);
        REQUIRE(limit.lowered());
        CHECK(BatchedClose::run_for_this_process() == 4);
    }

    // The sanitizers' runtime needs descriptors of its own (UBSan opens a pipe to check memory
    // before it reads a vptr): a limit this tight starves it, so the test runs without them.
    TEST_CASE("a batch that fills the limit of open files is closed to open the next file") {
#if defined(__SANITIZE_ADDRESS__)
        MESSAGE("not under the sanitizers");
#else
        const fs::path dir =
            fs::temp_directory_path() / ("bilan-batched-close-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        for (int i = 0; i < 20; ++i)
            std::ofstream(dir / (std::to_string(i) + ".toml")) << "n = " << i << "\n";
        const bilan::store::FolderReader reader(dir);
        const int lowest = open_null(1).front();
        ::close(lowest);
        for (int fd = lowest; fd < lowest + 4; ++fd) {
            if (is_open(fd)) { // inherited: the next files' numbers are not a run
                MESSAGE("descriptor ", fd, " is taken: not checked");
                fs::remove_all(dir);
                return;
            }
        }
        int read = 0;
        {
            const OpenFilesLimit limit(static_cast<rlim_t>(lowest + 4)); // four files at once
            REQUIRE(limit.lowered());
            BatchedClose closer(64);
            for (int i = 0; i < 20; ++i) {
                try {
                    read += reader.read(std::to_string(i) + ".toml", true, &closer).empty() ? 0 : 1;
                } catch (const std::exception& e) {
                    MESSAGE(e.what());
                }
            }
        }
        fs::remove_all(dir);
        CHECK(read == 20);
#endif
    }
}
