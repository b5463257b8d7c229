// Shares a list of tasks between the calling thread and one helper thread, taking them one at a
// time: a helper that starts late (waking an idle core costs 1 to 3 ms on the 2-core VM of
// tests/bench, more than the whole load of a typical folder) takes fewer, never delays the rest.
#pragma once

#include <cstddef>
#include <functional>

namespace bilan::store {

// Runs task `index` as worker 0 (the caller) or 1 (the helper). Returns false when the tasks
// after `index` are no longer wanted (an error that ends the whole job). Must not throw.
using Task = std::function<bool(std::size_t index, int worker)>;

// Below this many tasks (files of about 15 µs each) a helper saves no time: starting it, and
// the second core's system time, cost as much (a typical folder, 217 files: 5.2 ms either
// way, 2.2 ms of system time alone against 3.8 with a helper; 431 files: 7.1 against 7.6).
constexpr std::size_t helper_from = 256;

// Runs tasks 0 to count - 1, each exactly once, up to the first that returns false: every task
// before that one runs, even when a later one stopped first. Returns once both workers are done
// with them. Uses no helper for a few tasks, on one core, or when no thread is to be had.
void run_on_two_threads(std::size_t count, const Task& task);

// Starts a thread that does nothing, for a caller about to run_on_two_threads (as soon as it
// knows it will have helper_from tasks): by then the second core is awake and a thread's stack
// is cached, so the helper starts at once and runs at full speed. On the VM of tests/bench that
// takes `status` of 1,000 sessions from 20 to 16 ms, and a typical `render` from 7.7 to 7.2.
void wake_second_core();

} // namespace bilan::store
