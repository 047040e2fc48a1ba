#include "config/glob.h"

#include <cstddef>  // std::size_t

namespace callcheck::detail {
namespace {

// Memoised on (pattern index, path index) so that patterns such as
// "**/**/**/*" stay polynomial: every state is visited at most once.
class Matcher {
 public:
  Matcher(std::string_view pattern, std::string_view path)
      : p_(pattern), s_(path), memo_((p_.size() + 1) * (s_.size() + 1), kUnknown) {}

  auto run() -> bool { return match(0, 0); }

 private:
  static constexpr char kUnknown = 0;
  static constexpr char kYes = 1;
  static constexpr char kNo = 2;

  auto match(std::size_t pi, std::size_t si) -> bool {
    char &slot = memo_[pi * (s_.size() + 1) + si];
    if (slot != kUnknown) return slot == kYes;
    const bool result = compute(pi, si);
    slot = result ? kYes : kNo;
    return result;
  }

  auto compute(std::size_t pi, std::size_t si) -> bool {
    if (pi == p_.size()) return si == s_.size();
    const char c = p_[pi];
    if (c == '*' && pi + 1 < p_.size() && p_[pi + 1] == '*') {
      const std::size_t after = pi + 2;
      const bool segment = (pi == 0 || p_[pi - 1] == '/') && after < p_.size() && p_[after] == '/';
      // "**/" may match zero folders: skip it whole.
      if (segment && match(after + 1, si)) return true;
      for (std::size_t k = si; k <= s_.size(); ++k) {
        if (match(after, k)) return true;
      }
      return false;
    }
    if (c == '*') {
      for (std::size_t k = si; k <= s_.size(); ++k) {
        if (match(pi + 1, k)) return true;
        if (k < s_.size() && s_[k] == '/') break;
      }
      return false;
    }
    if (si == s_.size()) return false;
    if (c == '?') return s_[si] != '/' && match(pi + 1, si + 1);
    return c == s_[si] && match(pi + 1, si + 1);
  }

  std::string_view p_;
  std::string_view s_;
  std::string memo_;
};

}  // namespace

auto glob_match(std::string_view pattern, std::string_view path) -> bool {
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return Matcher(pattern, path).run();
}

auto glob_match_any(const std::vector<std::string> &patterns, std::string_view path) -> bool {
  for (const std::string &p : patterns) {
    if (glob_match(p, path)) return true;
  }
  return false;
}

}  // namespace callcheck::detail
