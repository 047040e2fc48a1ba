// Runs a function on a pthread with a chosen stack size (RELIABILITY.md R10:
// the library must survive a 256 KiB worker thread). std::thread cannot set
// a stack size, hence pthread_attr_setstacksize.
#ifndef CALLCHECK_TESTS_UNIT_SMALL_STACK_H_
#define CALLCHECK_TESTS_UNIT_SMALL_STACK_H_

#include <pthread.h>

#include <cstddef>     // std::size_t
#include <exception>   // std::exception_ptr
#include <functional>  // std::function
#include <stdexcept>   // std::runtime_error
#include <vector>      // std::vector

namespace callcheck::test {

constexpr std::size_t kSmallStack = 256U * 1024U;

namespace detail {
struct StackJob {
  std::function<void()> fn;
  std::exception_ptr error;
};
inline auto stack_job_entry(void *arg) -> void * {
  auto *job = static_cast<StackJob *>(arg);
  try {
    job->fn();
  } catch (...) {
    job->error = std::current_exception();
  }
  return nullptr;
}
}  // namespace detail

// Runs every function on its own thread with `stack` bytes of stack, all at
// once, and waits for them. An exception in a job is rethrown here (gtest
// assertions inside a job are fine: they only record failures).
inline void run_on_small_stacks(std::vector<std::function<void()>> fns, std::size_t stack = kSmallStack) {
  std::vector<detail::StackJob> jobs(fns.size());
  std::vector<pthread_t> threads(fns.size());
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  if (pthread_attr_setstacksize(&attr, stack) != 0) throw std::runtime_error("pthread_attr_setstacksize failed");
  for (std::size_t i = 0; i < fns.size(); ++i) {
    jobs[i].fn = std::move(fns[i]);
    if (pthread_create(&threads[i], &attr, detail::stack_job_entry, &jobs[i]) != 0) {
      pthread_attr_destroy(&attr);
      throw std::runtime_error("pthread_create failed");
    }
  }
  pthread_attr_destroy(&attr);
  for (std::size_t i = 0; i < fns.size(); ++i) pthread_join(threads[i], nullptr);
  for (const auto &job : jobs) {
    if (job.error) std::rethrow_exception(job.error);
  }
}

inline void run_on_small_stack(std::function<void()> fn, std::size_t stack = kSmallStack) {
  std::vector<std::function<void()>> one;
  one.push_back(std::move(fn));
  run_on_small_stacks(std::move(one), stack);
}

}  // namespace callcheck::test

#endif  // CALLCHECK_TESTS_UNIT_SMALL_STACK_H_
