#include "prefault.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux 5.14
#endif

namespace bilan::store {

namespace {

// Large blocks come from the arena rather than mmap, and freed memory stays in the arena: what
// was populated is reused, and so are the large lists of a big folder. (Idempotent: cheaper to
// repeat than to guard.)
void keep_memory_in_arenas() noexcept {
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
}

} // namespace

void prefault_heap(std::size_t bytes) noexcept {
    keep_memory_in_arenas();
    // In blocks below the mmap threshold (which malloc caps at 32 MiB), so that they come from
    // the arena; all are held until populated, then given back together. At most 512 MiB.
    constexpr std::size_t block_size = 16 * 1024 * 1024;
    std::array<void*, 32> blocks{};
    std::size_t taken = 0;
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    for (std::size_t left = bytes; left > 0 && taken < blocks.size();) {
        const std::size_t size = std::min(left, block_size);
        void* block = std::malloc(size);
        if (!block) break;
        blocks.at(taken++) = block;
        left -= size;
        const auto begin = (reinterpret_cast<std::uintptr_t>(block) + page - 1) / page * page;
        const auto end = (reinterpret_cast<std::uintptr_t>(block) + size) / page * page;
        if (end > begin) // or not populated, where the kernel cannot
            ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
    }
    for (std::size_t i = 0; i < taken; ++i)
        std::free(blocks.at(i));
}

} // namespace bilan::store
