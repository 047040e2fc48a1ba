// Shared by the rule tests: file reading (binary-safe), directory listing and
// "which codes did check() report".
#ifndef CALLCHECK_TESTS_RULES_RULE_TEST_SUPPORT_H_
#define CALLCHECK_TESTS_RULES_RULE_TEST_SUPPORT_H_

#include <algorithm>    // std::sort
#include <filesystem>   // std::filesystem
#include <fstream>      // std::ifstream
#include <iterator>     // std::istreambuf_iterator
#include <set>          // std::set
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <callcheck/check.h>

namespace callcheck::test {

inline auto read_bytes(const std::filesystem::path &path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Regular files of `dir` ending in `suffix`, sorted by name.
inline auto files_in(const std::filesystem::path &dir, std::string_view suffix) -> std::vector<std::filesystem::path> {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline auto codes_of(const Report &report) -> std::set<std::string> {
  std::set<std::string> out;
  for (const Diagnostic &d : report.diagnostics) out.insert(d.code);
  return out;
}

inline auto codes(std::string_view text, const Options &options = {}) -> std::set<std::string> {
  return codes_of(check(text, "test.json", options));
}

}  // namespace callcheck::test

#endif  // CALLCHECK_TESTS_RULES_RULE_TEST_SUPPORT_H_
