// Small helpers shared by the unit tests.
#ifndef CALLCHECK_TESTS_UNIT_TEST_UTIL_H_
#define CALLCHECK_TESTS_UNIT_TEST_UTIL_H_

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

}  // namespace callcheck::test

#endif  // CALLCHECK_TESTS_UNIT_TEST_UTIL_H_
