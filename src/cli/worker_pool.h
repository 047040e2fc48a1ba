// The CLI's worker pool: work on every input on up to `jobs` threads,
// consume(result) on the calling thread strictly in input order, so the
// output is the same whatever the thread count (issue 18: deterministic).
// The calling thread is one of the `jobs`: it starts jobs - 1 workers and,
// between consuming results, takes inputs and works on them itself. With a
// thread that only consumed and freed what the workers made, -j2 ran three
// threads on two cores and that thread slept on the workers' malloc arena
// locks: 6,000 files took 1,650 context switches and -j2 was 1.06x -j1
// (bench/compare.sh on a quiet machine); now 10 and 1.5x.
// Workers run at most kWindow inputs ahead of the consumer: results wait in a
// ring of kWindow slots (slot i % kWindow is free again once input
// i - kWindow has been consumed), so memory does not grow with the input count.
//
// Inputs come from `next`, called by one thread at a time under a lock:
// what must happen in order (reading the next NDJSON line, the next path of a
// walk) happens there, and everything else (checking, rendering) in parallel.
#ifndef CALLCHECK_CLI_WORKER_POOL_H_
#define CALLCHECK_CLI_WORKER_POOL_H_

#include <algorithm>           // std::min, std::max
#include <array>               // std::array
#include <atomic>              // std::atomic
#include <condition_variable>  // std::condition_variable
#include <cstddef>             // std::size_t
#include <mutex>               // std::mutex
#include <optional>            // std::optional
#include <system_error>        // std::system_error
#include <thread>              // std::thread
#include <utility>             // std::move
#include <vector>              // std::vector

namespace callcheck::cli {

namespace pool_detail {
// The pool's lock, taken after spinning a while: it is held for a few hundred
// nanoseconds, and a thread that sleeps on it (a futex wait) is woken tens of
// microseconds later on a virtual machine (-j2, 6,000 files: 715 -> 410
// context switches).
inline auto lock(std::mutex &m) -> std::unique_lock<std::mutex> {
  for (int k = 0; k < 100; ++k) {
    if (m.try_lock()) return std::unique_lock<std::mutex>(m, std::adopt_lock);
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
  }
  return std::unique_lock<std::mutex>(m);
}
}  // namespace pool_detail

// Results held rendered: at 256 their memory spread over the threads' malloc
// arenas grew peak RSS with the input count (-j2, 6,000 files: +1.2 MiB over
// 600); 64 lets a worker run well ahead of a consumer busy with an input.
inline constexpr std::size_t kWindow = 64;
inline constexpr std::size_t kTake = 4;  // items a thread takes at a time

// `Next` is bool(Item &): false once there is no further input; it is never
// called again after that, nor by two threads at once. `Work` is
// Result(Item &&), called on any thread, this one included (it must not touch
// what `consume` touches); `Consume` is void(Result &&), called on this thread
// in the order `next` gave the items. With one job, or where no thread can be
// started (the WebAssembly build), this thread does everything itself.
template <typename Item, typename Result, typename Next, typename Work, typename Consume>
void run_stream(unsigned jobs, Next next, Work work, Consume consume) {
  if (jobs <= 1) {
    Item item;
    while (next(item)) {
      consume(work(std::move(item)));
      item = Item();
    }
    return;
  }
  // A slot is written by the thread that took its item, outside the lock,
  // and read by the consumer once `maker` says who made it.
  // A consumed result goes back to the worker that made it, which frees it
  // the next time it takes an item: freed here, its memory went to another
  // thread's malloc arena, under that arena's lock, while the worker was
  // allocating from it (-j2: 95 % of the context switches were this thread
  // asleep on that lock).
  std::vector<std::optional<Result>> results(kWindow);
  // 0: not done; else 1 + the index of the thread that made it (0: this
  // thread). Set without the lock: the consumer is woken only when it waits.
  std::array<std::atomic<unsigned>, kWindow> maker{};
  std::vector<std::vector<std::optional<Result>>> returned(jobs);
  std::mutex mutex;
  std::condition_variable ready;            // the consumer: the next result is done, or all are
  std::condition_variable room;             // the workers: the window moved, or the input is exhausted
  std::size_t taken = 0;                    // items `next` gave
  bool exhausted = false;                   // `next` said there are no more
  std::size_t next_consume = 0;             // the next result the consumer takes
  std::atomic<bool> consumer_waits{false};  // a notify only when it waits
  unsigned workers_wait = 0;
  // Under the lock: take up to kTake next items into `items`, the first's
  // index into `first`; 0 when there is none (`exhausted` says whether there
  // will be). A few at a time: one lock round for several, and the walk
  // steps in a row on one thread.
  auto take = [&](std::array<Item, kTake> &items, std::size_t &first) -> std::size_t {
    std::size_t got = 0;
    first = taken;
    while (got < kTake && !exhausted && taken < next_consume + kWindow) {
      if (!next(items[got])) {
        exhausted = true;
        room.notify_all();
        break;
      }
      ++taken;
      ++got;
    }
    return got;
  };
  auto put = [&](unsigned self, std::size_t i, Item &&item) {
    results[i % kWindow].emplace(work(std::move(item)));
    item = Item();
    // Sequentially consistent with the consumer's consumer_waits-then-maker:
    // either it sees this result, or this sees it waiting (and, taking the
    // lock, that it waits already before the notify).
    maker[i % kWindow].store(1 + self);
    if (consumer_waits.load()) {
      { const std::unique_lock<std::mutex> lock = pool_detail::lock(mutex); }
      ready.notify_one();
    }
  };
  auto worker = [&](unsigned self) {
    std::array<Item, kTake> items;
    std::size_t first = 0;
    std::size_t got = 0;
    std::vector<std::optional<Result>> garbage;
    while (true) {
      {
        std::unique_lock<std::mutex> lock = pool_detail::lock(mutex);
        garbage.swap(returned[self]);
        while ((got = take(items, first)) == 0) {
          if (exhausted) return;
          ++workers_wait;
          room.wait(lock);
          --workers_wait;
        }
      }
      garbage.clear();
      for (std::size_t k = 0; k < got; ++k) put(self, first + k, std::move(items[k]));
    }
  };
  std::vector<std::thread> threads;
  try {
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker, t);
  } catch (const std::system_error &) {
    // No threads on this platform: the workers that started carry on, and
    // this thread works too, as it always does.
  }
  std::array<Item, kTake> items;
  for (std::size_t i = 0;;) {
    std::size_t n = 0;  // results ready in a row from i
    std::size_t first = 0;
    std::size_t got = 0;
    {
      std::unique_lock<std::mutex> lock = pool_detail::lock(mutex);
      while (true) {
        while (n < kWindow && maker[(i + n) % kWindow].load(std::memory_order_acquire) != 0) ++n;
        // Consuming first keeps the window open for the workers.
        if (n > 0 || (got = take(items, first)) > 0) break;
        if (exhausted && next_consume >= taken) break;  // `take` may just have found the end
        consumer_waits.store(true);
        if (maker[i % kWindow].load() == 0) ready.wait(lock);
        consumer_waits.store(false);
      }
      if (n == 0 && got == 0) break;  // every item was consumed
    }
    if (got > 0) {
      for (std::size_t k = 0; k < got; ++k) put(0, first + k, std::move(items[k]));
      continue;
    }
    // No other thread touches these slots until next_consume passes them.
    for (std::size_t k = 0; k < n; ++k) consume(std::move(*results[(i + k) % kWindow]));
    bool wake = false;
    {
      const std::unique_lock<std::mutex> lock = pool_detail::lock(mutex);
      for (std::size_t k = 0; k < n; ++k) {
        const std::size_t at = (i + k) % kWindow;
        const unsigned by = maker[at].load(std::memory_order_relaxed);
        if (by > 1) returned[by - 1].push_back(std::move(results[at]));
        results[at].reset();
        maker[at].store(0, std::memory_order_relaxed);
      }
      i += n;
      next_consume = i;
      wake = workers_wait > 0;
    }
    if (wake) room.notify_all();
  }
  for (std::thread &t : threads) t.join();
}

// run_stream over the indices 0 .. n - 1: `job` is Result(std::size_t),
// `consume` void(std::size_t, Result).
template <typename Result, typename Job, typename Consume>
void run_in_order(std::size_t n, unsigned jobs, Job job, Consume consume) {
  std::size_t given = 0;
  std::size_t consumed = 0;
  const auto threads = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, n)));
  run_stream<std::size_t, Result>(
      threads,
      [&](std::size_t &i) {
        if (given == n) return false;
        i = given++;
        return true;
      },
      [&](std::size_t &&i) { return job(i); }, [&](Result &&r) { consume(consumed++, std::move(r)); });
}

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_WORKER_POOL_H_
