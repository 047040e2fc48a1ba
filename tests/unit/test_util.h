// Small helpers shared by the unit tests.
#ifndef CALLCHECK_TESTS_UNIT_TEST_UTIL_H_
#define CALLCHECK_TESTS_UNIT_TEST_UTIL_H_

#include <time.h>  // clock_gettime, CLOCK_THREAD_CPUTIME_ID

#include <filesystem>  // std::filesystem
#include <fstream>     // std::ifstream
#include <sstream>     // std::ostringstream
#include <string>      // std::string

namespace callcheck::test {

inline auto read_text(const std::filesystem::path &path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The calling thread's CPU time in seconds. Tests that guard against a
// quadratic cost time with this, not the clock: on a shared machine (load 9
// to 12 on 2 cores) wall time failed them while the code was linear.
inline auto thread_cpu_seconds() -> double {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace callcheck::test

#endif  // CALLCHECK_TESTS_UNIT_TEST_UTIL_H_
