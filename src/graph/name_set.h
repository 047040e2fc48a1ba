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
  // One allocation, filled by a counting sort on the length: built at the
  // first lookup of a run, so it is part of every cold start (issue 14).
  template <class Names>
  explicit NameSet(const Names &names) {
    std::array<std::size_t, kLongest + 2> count{};
    for (const std::string_view name : names) ++count[bucket(name.size()) + 1];
    for (std::size_t b = 1; b < count.size(); ++b) count[b] += count[b - 1];
    start_ = count;
    names_.resize(count.back());
    for (const std::string_view name : names) names_[count[bucket(name.size())]++] = name;
  }

  [[nodiscard]] auto contains(std::string_view name) const -> bool {
    const std::size_t b = bucket(name.size());
    for (std::size_t i = start_[b]; i < start_[b + 1]; ++i) {
      const std::string_view m = names_[i];
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
  std::vector<std::string_view> names_;          // by bucket
  std::array<std::size_t, kLongest + 2> start_;  // bucket b is names_[start_[b], start_[b + 1])
};

}  // namespace callcheck::graph

#endif  // CALLCHECK_GRAPH_NAME_SET_H_
