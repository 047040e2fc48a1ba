// The golden-file workflow shared by every golden test: compare with the
// checked-in file, print a readable diff, or rewrite it when
// CALLCHECK_UPDATE_GOLDEN=1 (then review the diff and commit).
#ifndef CALLCHECK_TESTS_GOLDEN_GOLDEN_UTIL_H_
#define CALLCHECK_TESTS_GOLDEN_GOLDEN_UTIL_H_

#include <gtest/gtest.h>

#include <cstdlib>     // std::getenv
#include <filesystem>  // std::filesystem
#include <fstream>     // std::ifstream, std::ofstream
#include <sstream>     // std::ostringstream, std::istringstream
#include <string>      // std::string

namespace callcheck::golden {

inline auto read(const std::filesystem::path &p) -> std::string {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A line-by-line diff that is readable in a failing test's output.
inline auto diff(const std::string &expected, const std::string &actual) -> std::string {
  std::istringstream a(expected), b(actual);
  std::string la, lb, out;
  for (int line = 1; a.good() || b.good(); ++line) {
    const bool ha = static_cast<bool>(std::getline(a, la));
    const bool hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) break;
    if (ha && hb && la == lb) continue;
    if (ha) out += "-" + std::to_string(line) + ": " + la + "\n";
    if (hb) out += "+" + std::to_string(line) + ": " + lb + "\n";
  }
  return out;
}

inline void compare(const std::filesystem::path &golden, const std::string &actual) {
  const char *update = std::getenv("CALLCHECK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << golden;
  }
  ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " is missing; run with CALLCHECK_UPDATE_GOLDEN=1";
  const std::string expected = read(golden);
  EXPECT_EQ(expected, actual) << "golden mismatch for " << golden << "\n" << diff(expected, actual);
}

}  // namespace callcheck::golden

#endif  // CALLCHECK_TESTS_GOLDEN_GOLDEN_UTIL_H_
