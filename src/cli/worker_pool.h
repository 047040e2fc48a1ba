// The CLI's worker pool: job(i) for every input i on up to `jobs` threads,
// consume(i, result) on the calling thread strictly in input order, so the
// output is the same whatever the thread count (issue 18: deterministic).
// Workers run at most kWindow inputs ahead of the consumer: results wait in a
// ring of kWindow slots (slot i % kWindow is free again once input
// i - kWindow has been consumed), so memory does not grow with the input count.
#ifndef CALLCHECK_CLI_WORKER_POOL_H_
#define CALLCHECK_CLI_WORKER_POOL_H_

#include <algorithm>           // std::min, std::max
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

inline constexpr std::size_t kWindow = 256;

// `Job` is Result(std::size_t), called on any thread (it must not touch what
// `consume` touches); `Consume` is void(std::size_t, Result), called on this
// thread for i = 0, 1, ..., n - 1. With one job, or where no thread can be
// started (the WebAssembly build), this thread does every job itself.
template <typename Result, typename Job, typename Consume>
void run_in_order(std::size_t n, unsigned jobs, Job job, Consume consume) {
  std::vector<std::optional<Result>> results(std::min(n, kWindow));
  std::mutex mutex;
  std::condition_variable ready;
  std::condition_variable room;
  std::size_t next_consume = 0;
  std::atomic<std::size_t> next_job{0};
  auto worker = [&] {
    while (true) {
      const std::size_t i = next_job.fetch_add(1);
      if (i >= n) return;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return i < next_consume + kWindow; });
      }
      Result r = job(i);
      {
        const std::lock_guard<std::mutex> lock(mutex);
        results[i % kWindow] = std::move(r);
      }
      ready.notify_one();
    }
  };
  const auto threads_wanted = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, n)));
  std::vector<std::thread> threads;
  if (threads_wanted > 1) {
    try {
      for (unsigned t = 0; t < threads_wanted; ++t) threads.emplace_back(worker);
    } catch (const std::system_error &) {
      // No threads on this platform: the workers that started carry on;
      // with none, this thread does every job itself.
    }
  }
  const bool parallel = !threads.empty();
  for (std::size_t i = 0; i < n; ++i) {
    if (!parallel) {
      consume(i, job(i));
      continue;
    }
    Result r;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return results[i % kWindow].has_value(); });
      r = std::move(*results[i % kWindow]);
      results[i % kWindow].reset();
      next_consume = i + 1;
      room.notify_all();
    }
    consume(i, std::move(r));
  }
  for (std::thread &t : threads) t.join();
}

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_WORKER_POOL_H_
