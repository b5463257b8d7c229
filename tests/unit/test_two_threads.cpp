// The loader's two threads and its populated heap: every file read once, and the same result,
// problems and first error as one thread reading file after file, whoever read what.
#include "bilan/errors.hpp"
#include "bilan/store.hpp"
#include "french_framework.hpp"
#include "open_files_limit.hpp"
#include "store/prefault.hpp"
#include "store/toml_text.hpp"
#include "store/two_threads.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sys/mman.h>
#include <sys/resource.h>
#include <tuple>
#include <unistd.h>

using namespace bilan;
namespace fs = std::filesystem;

namespace {

// How many times each task ran, and by which worker.
struct Tally {
    explicit Tally(std::size_t count)
        : runs(std::make_unique<std::atomic<int>[]>(count)),
          by(std::make_unique<std::atomic<int>[]>(count)) {}
    std::unique_ptr<std::atomic<int>[]> runs;
    std::unique_ptr<std::atomic<int>[]> by;
};

// A folder of `count` sessions, some of them broken, removed when done.
class SessionFolder {
public:
    SessionFolder(int count, std::initializer_list<int> broken)
        : dir_(fs::temp_directory_path() /
               ("bilan-two-threads-" + std::to_string(::getpid()) + "-" + std::to_string(count))) {
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "sessions");
        for (int i = 0; i < count; ++i) {
            Session s;
            s.date = Date{2026, 1 + i % 12, 1 + i % 28}, s.phase = "investigation";
            s.minutes = 60;
            std::string text = store::emit_fields(store::fields_of(s));
            for (const int b : broken)
                if (b == i) text = "minutes = [\n"; // invalid TOML, line 1
            std::ofstream(dir_ / "sessions" / name(i)) << text;
        }
    }
    ~SessionFolder() { fs::remove_all(dir_); }
    SessionFolder(const SessionFolder&) = delete;
    SessionFolder& operator=(const SessionFolder&) = delete;

    static std::string name(int i) {
        std::string digits = std::to_string(i);
        return std::string(4 - digits.size(), '0') + digits + ".toml";
    }
    const fs::path& dir() const { return dir_; }

private:
    fs::path dir_;
};

std::ptrdiff_t count_open_files() {
    return std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator{});
}

} // namespace

TEST_SUITE("two threads") {
    TEST_CASE("every task runs once, on worker 0 or 1, and a few stay on the calling thread") {
        for (const std::size_t count : {0u, 1u, 31u, 32u, 33u, 1000u}) {
            Tally tally(count);
            store::run_on_two_threads(count, [&](std::size_t i, int worker) {
                tally.runs[i].fetch_add(1);
                tally.by[i].store(worker);
                return true;
            });
            for (std::size_t i = 0; i < count; ++i) {
                CHECK(tally.runs[i].load() == 1);
                CHECK((tally.by[i].load() == 0 || tally.by[i].load() == 1));
                if (count < store::helper_from) CHECK(tally.by[i].load() == 0);
            }
        }
    }

    TEST_CASE("a task that stops the job: every task before it still runs, once") {
        for (std::size_t round = 0; round < 50; ++round) {
            constexpr std::size_t count = 400;
            const std::size_t stop = round % 2 == 0 ? 0 : 37 + 7 * round;
            Tally tally(count);
            store::run_on_two_threads(count, [&](std::size_t i, int) {
                tally.runs[i].fetch_add(1);
                return i != stop;
            });
            for (std::size_t i = 0; i < count; ++i) {
                CHECK(tally.runs[i].load() <= 1);
                if (i <= stop) CHECK(tally.runs[i].load() == 1);
            }
        }
    }

    // 2,000 files and neighbouring broken ones, so that both threads meet some, in any order.
    TEST_CASE("the first broken file in name order is the one reported, every time") {
        const SessionFolder folder(2000, {1203, 1500, 1201, 1200, 1999});
        const store::Store store(folder.dir());
        for (int round = 0; round < 20; ++round) {
            store::Diagnostics strict;
            try {
                store.load_sessions(fr(), strict);
                FAIL("a broken file was not reported");
            } catch (const DataError& e) {
                REQUIRE(e.where.file == (folder.dir() / "sessions" / SessionFolder::name(1200)));
                CHECK(e.where.line == 1);
            }
        }
    }

    // Each thread closes its files in batches (BatchedClose): none may be left open, whichever
    // thread read what, nor after an error.
    TEST_CASE("loading leaves no file open") {
        const SessionFolder folder(2000, {1500});
        const std::ptrdiff_t before = count_open_files();
        for (int round = 0; round < 5; ++round) {
            store::Diagnostics collect(true);
            CHECK(store::Store(folder.dir()).load_sessions(fr(), collect).size() == 1999);
            CHECK(count_open_files() == before);
            store::Diagnostics strict;
            CHECK_THROWS_AS(store::Store(folder.dir()).load_sessions(fr(), strict), DataError);
            CHECK(count_open_files() == before);
        }
    }

    // Under a low limit of open files (ulimit -n), each thread's batch of files to close is
    // shortened: one thread's must not take the descriptor the other needs (the helper starts
    // late, when the caller may have filled a batch). Not under the sanitizers, whose runtime
    // needs descriptors of its own (test_batched_close.cpp).
    TEST_CASE("loading on two threads under a low limit of open files") {
#if defined(__SANITIZE_ADDRESS__)
        MESSAGE("not under the sanitizers");
#else
        const SessionFolder folder(600, {});
        const OpenFilesLimit limit(static_cast<rlim_t>(count_open_files() + 24));
        REQUIRE(limit.lowered());
        for (int round = 0; round < 20; ++round) {
            store::Diagnostics strict;
            std::size_t loaded = 0;
            CHECK_NOTHROW(loaded = store::Store(folder.dir()).load_sessions(fr(), strict).size());
            CHECK(loaded == 600);
        }
#endif
    }

    TEST_CASE("collecting: every broken file, in name order, and the others loaded") {
        const SessionFolder folder(2000, {1203, 1500, 1201, 1200, 1999, 7});
        const std::array<int, 6> expected{7, 1200, 1201, 1203, 1500, 1999};
        for (int round = 0; round < 10; ++round) {
            store::Diagnostics collect(true);
            const auto sessions = store::Store(folder.dir()).load_sessions(fr(), collect);
            CHECK(sessions.size() == 1994);
            // In date order, then start, then id, whichever thread read what.
            CHECK(
                std::is_sorted(sessions.begin(), sessions.end(), [](const auto& a, const auto& b) {
                    return std::tie(a.date, a.from, a.id) < std::tie(b.date, b.from, b.id);
                }));
            REQUIRE(collect.problems().size() == expected.size());
            for (std::size_t k = 0; k < expected.size(); ++k)
                CHECK(collect.problems()[k].where->file ==
                      folder.dir() / "sessions" / SessionFolder::name(expected[k]));
        }
    }
}

#if !defined(__SANITIZE_ADDRESS__)
namespace {
bool kernel_populates() {
    void* page = ::mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) return false;
    const bool populated = ::madvise(page, 4096, 23 /* MADV_POPULATE_WRITE */) == 0;
    ::munmap(page, 4096);
    return populated;
}
} // namespace
#endif

TEST_SUITE("prefault") {
    // The claim of prefault.hpp: memory populated at once is then touched without a page fault
    // each. Under ASan, whose allocator keeps freed memory aside rather than reusing it, only
    // that prefault_heap is sound.
    TEST_CASE("a populated heap takes new allocations without a fault a page") {
        const auto minor_faults = [] {
            rusage usage{};
            ::getrusage(RUSAGE_THREAD, &usage);
            return usage.ru_minflt;
        };
        constexpr std::size_t size = 8 * 1024 * 1024;
        store::prefault_heap(4 * size);
        const long before = minor_faults();
        std::vector<char> touched(size, 'x'); // 2,048 pages
        const long faults = minor_faults() - before;
        CHECK(touched.back() == 'x');
#if defined(__SANITIZE_ADDRESS__)
        MESSAGE("ASan: faults not checked (", faults, ")");
#else
        if (kernel_populates())
            CHECK(faults < 256);
        else
            MESSAGE("no MADV_POPULATE_WRITE (Linux < 5.14): not checked, ", faults, " faults");
#endif
    }
}
