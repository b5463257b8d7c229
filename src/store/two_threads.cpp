#include "two_threads.hpp"

#include <atomic>
#include <limits>
#include <memory>
#include <system_error>
#include <thread>

namespace bilan::store {

namespace {

// Asked once: glibc reads /sys/devices/system/cpu/online on every call (three system calls).
bool has_second_core() {
    static const bool second = std::thread::hardware_concurrency() >= 2;
    return second;
}

enum HelperState : int { not_started, working, finished, abandoned };

// What the helper holds: it may start after the caller is done, and must then touch nothing else.
struct Shared {
    Shared(std::size_t task_count, const Task& tasks) : count(task_count), task(&tasks) {}
    const std::size_t count;
    const Task* const task;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> last{std::numeric_limits<std::size_t>::max()}; // last wanted
    std::atomic<int> helper{not_started};

    // Takes tasks in turn until none is left or wanted. A task up to `last` is never skipped:
    // whoever took it runs it, and every task below one that stopped was taken before it.
    void work(int worker) {
        for (;;) {
            const std::size_t index = next.fetch_add(1);
            if (index >= count || index > last.load()) return;
            if ((*task)(index, worker)) continue;
            std::size_t seen = last.load();
            while (index < seen && !last.compare_exchange_weak(seen, index)) {
            }
        }
    }
};

void help(const std::shared_ptr<Shared>& shared) noexcept {
    int expected = not_started;
    if (!shared->helper.compare_exchange_strong(expected, working)) return; // too late
    shared->work(1);
    shared->helper.store(finished);
    shared->helper.notify_one();
}

// Returns once the helper can no longer touch the tasks: it never began, or it is done.
void wait_for(Shared& shared) {
    int state = not_started;
    if (shared.helper.compare_exchange_strong(state, abandoned)) return;
    while (state != finished) {
        shared.helper.wait(state);
        state = shared.helper.load();
    }
}

} // namespace

void run_on_two_threads(std::size_t count, const Task& task) {
    const auto shared = std::make_shared<Shared>(count, task);
    bool helped = false;
    if (count >= helper_from && has_second_core()) {
        try {
            std::thread([shared] { help(shared); }).detach();
            helped = true;
        } catch (const std::system_error&) { // no thread to be had: this one does it all
        }
    }
    shared->work(0);
    if (helped) wait_for(*shared);
}

void wake_second_core() {
    if (!has_second_core()) return;
    try {
        std::thread([] {}).detach();
    } catch (const std::system_error&) { // then the helper starts cold, or not at all
    }
}

} // namespace bilan::store
