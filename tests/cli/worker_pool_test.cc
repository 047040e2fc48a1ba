// cli/worker_pool.h: results reach the consumer in input order, each once,
// whatever the thread count, the input count around the window (kWindow)
// and the batch the consumer is woken for (kBatch), and however unevenly
// long the items take.
#include "cli/worker_pool.h"

#include <gtest/gtest.h>

#include <algorithm>  // std::max
#include <atomic>     // std::atomic
#include <chrono>     // std::chrono
#include <cstddef>    // std::size_t
#include <string>     // std::string
#include <thread>     // std::this_thread
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
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, kBatch - 1, kBatch, kBatch + 1, kWindow - 1, kWindow,
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
  EXPECT_GT(most_ahead, kBatch);  // the workers did run ahead: the bound was what held them
}

}  // namespace
}  // namespace callcheck::cli
