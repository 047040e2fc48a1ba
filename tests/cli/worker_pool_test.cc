// cli/worker_pool.h: results reach the consumer in input order, each once,
// whatever the thread count, the input count around the window (kWindow)
// and the items a thread takes at a time (kTake), and however unevenly long
// the items take; each result is freed by the thread that made it.
#include "cli/worker_pool.h"

#include <gtest/gtest.h>

#include <algorithm>  // std::max
#include <atomic>     // std::atomic
#include <chrono>     // std::chrono
#include <cstddef>    // std::size_t
#include <mutex>      // std::mutex, std::lock_guard
#include <string>     // std::string
#include <thread>     // std::this_thread, std::thread::id
#include <utility>    // std::pair, std::swap
#include <vector>     // std::vector

namespace callcheck::cli {
namespace {

auto run(std::size_t n, unsigned jobs, bool uneven) -> std::vector<std::string> {
  std::vector<std::string> seen;
  std::size_t given = 0;
  run_stream<std::size_t, std::string>(
      jobs,
      [&](std::size_t &item) {
        if (given == n) return false;
        item = given++;
        return true;
      },
      [&](std::size_t &&item) {
        // Every 97th item is slow: later ones finish first and wait for it.
        if (uneven && item % 97 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
        return std::to_string(item);
      },
      [&](std::string &&r) { seen.push_back(std::move(r)); });
  return seen;
}

TEST(WorkerPool, ConsumesEveryResultOnceInInputOrder) {
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, kTake - 1, kTake, kTake + 1, kWindow - 1, kWindow,
                              kWindow + 1, 3 * kWindow + 5, std::size_t{5000}}) {
    for (const unsigned jobs : {1U, 2U, 4U}) {
      for (const bool uneven : {false, true}) {
        const std::vector<std::string> seen = run(n, jobs, uneven);
        ASSERT_EQ(seen.size(), n) << "n " << n << " jobs " << jobs;
        for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(seen[i], std::to_string(i)) << "n " << n << " jobs " << jobs;
      }
    }
  }
}

TEST(WorkerPool, NeverRunsMoreThanTheWindowAhead) {
  // A slow consumer: the workers fill the window and must wait for room.
  std::size_t given = 0;
  std::atomic<std::size_t> consumed{0};
  std::size_t most_ahead = 0;
  run_stream<std::size_t, std::size_t>(
      2,
      [&](std::size_t &item) {
        if (given == 2000) return false;
        most_ahead = std::max(most_ahead, given - consumed.load());
        item = given++;
        return true;
      },
      [&](std::size_t &&item) { return item; },
      [&](std::size_t &&r) {
        EXPECT_EQ(r, consumed.load());
        if (r % 50 == 0) std::this_thread::sleep_for(std::chrono::microseconds(500));
        consumed.fetch_add(1);
      });
  EXPECT_EQ(consumed.load(), 2000U);
  EXPECT_LT(most_ahead, kWindow);
  EXPECT_GT(most_ahead, kWindow / 2);  // the worker did run ahead: the bound was what held it
}

// A result that records the thread it was made on and the one it died on.
struct Traced {
  std::thread::id made = std::this_thread::get_id();
  std::vector<std::pair<std::thread::id, std::thread::id>> *log = nullptr;
  Traced() = default;
  explicit Traced(std::vector<std::pair<std::thread::id, std::thread::id>> *l) : log(l) {}
  Traced(Traced &&o) noexcept : made(o.made), log(o.log) { o.log = nullptr; }
  auto operator=(Traced &&o) noexcept -> Traced & {
    std::swap(made, o.made);
    std::swap(log, o.log);
    return *this;
  }
  Traced(const Traced &) = delete;
  auto operator=(const Traced &) -> Traced & = delete;
  ~Traced() {
    if (log != nullptr) {
      const std::lock_guard<std::mutex> lock(mutex());
      log->emplace_back(made, std::this_thread::get_id());
    }
  }
  static auto mutex() -> std::mutex & {
    static std::mutex m;
    return m;
  }
};

TEST(WorkerPool, ResultsAreFreedByTheThreadThatMadeThem) {
  // Freed on the consuming thread, a worker's memory went back to the
  // worker's malloc arena under that arena's lock: -j2 slept on it.
  std::vector<std::pair<std::thread::id, std::thread::id>> log;
  std::size_t given = 0;
  std::size_t consumed = 0;
  const std::thread::id self = std::this_thread::get_id();
  std::atomic<std::size_t> workers_made{0};
  run_stream<std::size_t, Traced>(
      3,
      [&](std::size_t &item) {
        if (given == 3000) return false;
        item = given++;
        return true;
      },
      [&](std::size_t &&) {
        // Trivial work is all done by this thread before a worker starts:
        // it waits (a bounded while) until a worker has made a result.
        if (std::this_thread::get_id() == self) {
          for (int k = 0; k < 5000 && workers_made.load() == 0; ++k) {
            std::this_thread::sleep_for(std::chrono::microseconds(100));
          }
        } else {
          workers_made.fetch_add(1);
        }
        return Traced(&log);
      },
      [&](Traced &&) { ++consumed; });
  EXPECT_EQ(consumed, 3000U);
  ASSERT_EQ(log.size(), 3000U);
  std::size_t by_workers = 0;
  std::size_t freed_elsewhere = 0;
  for (const auto &[made, freed] : log) {
    if (made != self) ++by_workers;
    // A worker's last few results outlive it; they are freed here at the end.
    if (made != freed && freed != self) ++freed_elsewhere;
  }
  EXPECT_GT(by_workers, 0U);
  EXPECT_EQ(freed_elsewhere, 0U);
  std::size_t freed_here_from_workers = 0;
  for (const auto &[made, freed] : log) freed_here_from_workers += made != self && freed == self ? 1 : 0;
  EXPECT_LE(freed_here_from_workers, 2 * kWindow);
}

}  // namespace
}  // namespace callcheck::cli
