// Memory made ready in bulk. On the VM of tests/bench a page touched for the first time costs
// 9 to 14 µs (a fault that traps to the hypervisor), against 0.5 µs a page when the kernel is
// asked to populate a range at once (MADV_POPULATE_WRITE): at 100,000 sessions the faults were
// a quarter of `status`.
#pragma once

#include <cstddef>

namespace bilan::store {

// Grows the calling thread's malloc arena by about `bytes`, populated, for the allocations to
// come: taken, populated, and given back to malloc, which keeps it (neither trimmed nor
// unmapped). Does nothing where the kernel cannot populate (before Linux 5.14).
void prefault_heap(std::size_t bytes) noexcept; // noexcept: the loader's helper calls it

} // namespace bilan::store
