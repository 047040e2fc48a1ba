// The CLI's worker pool: work on every input on up to `jobs` threads,
// consume(result) on the calling thread strictly in input order, so the
// output is the same whatever the thread count (issue 18: deterministic).
// Workers run at most kWindow inputs ahead of the consumer: results wait in a
// ring of kWindow slots (slot i % kWindow is free again once input
// i - kWindow has been consumed), so memory does not grow with the input count.
// The consumer is woken for kBatch results at a time, not for each.
//
// Inputs come from `next`, called by the workers one at a time under a lock:
// what must happen in order (reading the next NDJSON line, the next path of a
// walk) happens there, and everything else (checking, rendering) in parallel,
// off the consuming thread.
#ifndef CALLCHECK_CLI_WORKER_POOL_H_
#define CALLCHECK_CLI_WORKER_POOL_H_

#include <algorithm>           // std::min, std::max
#include <condition_variable>  // std::condition_variable
#include <cstddef>             // std::size_t
#include <mutex>               // std::mutex
#include <optional>            // std::optional
#include <system_error>        // std::system_error
#include <thread>              // std::thread
#include <utility>             // std::move
#include <vector>              // std::vector

namespace callcheck::cli {

// Results held rendered, allocated by workers and freed by the consumer: at
// 256 their memory spread over the workers' malloc arenas grew peak RSS with
// the input count (-j2, 6,000 files: +1.2 MiB over 600); 64 keeps 32 a
// worker ahead of a consumer woken every kBatch.
inline constexpr std::size_t kWindow = 64;
inline constexpr std::size_t kBatch = 16;  // results the consumer is woken for (at most kWindow)

// `Next` is bool(Item &): false once there is no further input; it is never
// called again after that, nor by two threads at once. `Work` is
// Result(Item &&), called on any thread (it must not touch what `consume`
// touches); `Consume` is void(Result &&), called on this thread in the order
// `next` gave the items. With one job, or where no thread can be started (the
// WebAssembly build), this thread does everything itself.
template <typename Item, typename Result, typename Next, typename Work, typename Consume>
void run_stream(unsigned jobs, Next next, Work work, Consume consume) {
  // A slot is written by the worker that took its item, outside the lock,
  // and read by the consumer once `done` (under the lock) says so: results
  // are built where they are read, and the lock is held only to hand over.
  // The consumer sleeps until kBatch results in a row are ready (or the
  // input is exhausted) and takes them all at once: one wake-up and two
  // lock rounds per batch, not per input, on the thread that bounds -jN.
  std::vector<std::optional<Result>> results(kWindow);
  std::vector<char> done(kWindow, 0);
  std::mutex mutex;
  std::condition_variable ready;
  std::condition_variable room;
  std::size_t taken = 0;         // items `next` gave
  std::size_t completed = 0;     // results put in their slots
  bool exhausted = false;        // `next` said there are no more
  std::size_t next_consume = 0;  // the next result the consumer takes
  bool consumer_waits = false;   // a notify only when someone waits for it
  unsigned workers_wait = 0;
  // Under the lock: what the consumer waits for.
  auto batch_ready = [&] {
    return done[next_consume % kWindow] != 0 && (completed - next_consume >= kBatch || exhausted);
  };
  auto finished = [&] { return exhausted && next_consume >= taken; };
  auto worker = [&] {
    while (true) {
      Item item;
      std::size_t i = 0;
      {
        std::unique_lock<std::mutex> lock(mutex);
        if (!exhausted && taken >= next_consume + kWindow) {
          ++workers_wait;
          room.wait(lock, [&] { return exhausted || taken < next_consume + kWindow; });
          --workers_wait;
        }
        if (exhausted) return;
        if (!next(item)) {
          exhausted = true;
          lock.unlock();
          room.notify_all();
          ready.notify_all();
          return;
        }
        i = taken++;
      }
      results[i % kWindow].emplace(work(std::move(item)));
      bool wake = false;
      {
        const std::lock_guard<std::mutex> lock(mutex);
        done[i % kWindow] = 1;
        ++completed;
        wake = consumer_waits && batch_ready();
      }
      if (wake) ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  if (jobs > 1) {
    try {
      for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    } catch (const std::system_error &) {
      // No threads on this platform: the workers that started carry on;
      // with none, this thread does every job itself.
    }
  }
  if (threads.empty()) {
    Item item;
    while (next(item)) {
      consume(work(std::move(item)));
      item = Item();
    }
    return;
  }
  for (std::size_t i = 0;;) {
    std::size_t n = 0;  // results ready in a row from i
    {
      std::unique_lock<std::mutex> lock(mutex);
      if (!batch_ready() && !finished()) {
        consumer_waits = true;
        ready.wait(lock, [&] { return batch_ready() || finished(); });
        consumer_waits = false;
      }
      if (finished()) break;  // every item was consumed
      while (n < kWindow && done[(i + n) % kWindow] != 0) ++n;
    }
    // No worker touches these slots until next_consume passes them.
    for (std::size_t k = 0; k < n; ++k) {
      std::optional<Result> &slot = results[(i + k) % kWindow];
      consume(std::move(*slot));
      slot.reset();
    }
    bool wake = false;
    {
      const std::lock_guard<std::mutex> lock(mutex);
      for (std::size_t k = 0; k < n; ++k) done[(i + k) % kWindow] = 0;
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
