// The CLI's worker pool: work on every input on up to `jobs` threads,
// consume(result) on the calling thread strictly in input order, so the
// output is the same whatever the thread count (issue 18: deterministic).
// Workers run at most kWindow inputs ahead of the consumer: results wait in a
// ring of kWindow slots (slot i % kWindow is free again once input
// i - kWindow has been consumed), so memory does not grow with the input count.
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

inline constexpr std::size_t kWindow = 256;

// `Next` is bool(Item &): false once there is no further input; it is never
// called again after that, nor by two threads at once. `Work` is
// Result(Item &&), called on any thread (it must not touch what `consume`
// touches); `Consume` is void(Result &&), called on this thread in the order
// `next` gave the items. With one job, or where no thread can be started (the
// WebAssembly build), this thread does everything itself.
template <typename Item, typename Result, typename Next, typename Work, typename Consume>
void run_stream(unsigned jobs, Next next, Work work, Consume consume) {
  std::vector<std::optional<Result>> results(kWindow);
  std::mutex mutex;
  std::condition_variable ready;
  std::condition_variable room;
  std::size_t taken = 0;         // items `next` gave
  bool exhausted = false;        // `next` said there are no more
  std::size_t next_consume = 0;  // the next result the consumer takes
  auto worker = [&] {
    while (true) {
      Item item;
      std::size_t i = 0;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return exhausted || taken < next_consume + kWindow; });
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
      Result r = work(std::move(item));
      {
        const std::lock_guard<std::mutex> lock(mutex);
        results[i % kWindow] = std::move(r);
      }
      ready.notify_all();
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
  for (std::size_t i = 0;; ++i) {
    Result r;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return results[i % kWindow].has_value() || (exhausted && i >= taken); });
      if (!results[i % kWindow].has_value()) break;  // every item was consumed
      r = std::move(*results[i % kWindow]);
      results[i % kWindow].reset();
      next_consume = i + 1;
    }
    room.notify_all();
    consume(std::move(r));
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
