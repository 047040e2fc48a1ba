// A fixed set of names looked up by length first: the lookups the hot path
// makes for every member or @odata.type of a payload (call members, Graph
// type names) mostly meet names of other lengths, so one rarely compares
// bytes. A sorted vector's binary search, or a linear find, spent most of
// its time in string comparisons (issue 14).
#ifndef CALLCHECK_GRAPH_NAME_SET_H_
#define CALLCHECK_GRAPH_NAME_SET_H_

#include <algorithm>    // std::min
#include <array>        // std::array
#include <cstddef>      // std::size_t
#include <cstring>      // std::memcmp
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::graph {

class NameSet {
 public:
  template <class Names>
  explicit NameSet(const Names &names) {
    for (const std::string_view name : names) by_length_[bucket(name.size())].push_back(name);
  }

  [[nodiscard]] auto contains(std::string_view name) const -> bool {
    for (const std::string_view m : by_length_[bucket(name.size())]) {
      if (m.size() == name.size() &&
          (m.empty() || (m[0] == name[0] && std::memcmp(m.data(), name.data(), m.size()) == 0))) {
        return true;
      }
    }
    return false;
  }

 private:
  static constexpr std::size_t kLongest = 64;  // longer names share the last bucket
  static auto bucket(std::size_t size) -> std::size_t { return std::min(size, kLongest); }
  std::array<std::vector<std::string_view>, kLongest + 1> by_length_;
};

}  // namespace callcheck::graph

#endif  // CALLCHECK_GRAPH_NAME_SET_H_
