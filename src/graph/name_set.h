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
#include <cstdint>      // std::uint16_t
#include <cstring>      // std::memcmp
#include <string_view>  // std::string_view

namespace callcheck::graph {

// Built by the compiler from a static array of N names (a counting sort on the
// length in a constexpr constructor): nothing is built at run time, where
// filling a vector at the first lookup was part of every cold start
// (issue 14).
template <std::size_t N>
class NameSet {
  static_assert(N < 0xFFFF, "indexes are 16 bits");

 public:
  constexpr explicit NameSet(const std::string_view (&names)[N]) : names_(names) {
    std::array<std::uint16_t, kLongest + 2> count{};
    for (const std::string_view name : names) ++count[bucket(name.size()) + 1];
    for (std::size_t b = 1; b < count.size(); ++b) count[b] = static_cast<std::uint16_t>(count[b] + count[b - 1]);
    start_ = count;
    for (std::size_t i = 0; i < N; ++i) {
      const std::size_t at = count[bucket(names[i].size())]++;
      order_[at] = static_cast<std::uint16_t>(i);
      first_[at] = names[i].empty() ? '\0' : names[i][0];
    }
  }

  [[nodiscard]] auto contains(std::string_view name) const -> bool {
    const std::size_t b = bucket(name.size());
    const char first = name.empty() ? '\0' : name[0];
    for (std::size_t i = start_[b]; i < start_[b + 1]; ++i) {
      if (first_[i] != first) continue;
      const std::string_view m = names_[order_[i]];
      if (m.size() == name.size() && std::memcmp(m.data(), name.data(), m.size()) == 0) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kLongest = 64;  // longer names share the last bucket
  static constexpr auto bucket(std::size_t size) -> std::size_t { return std::min(size, kLongest); }
  // Indexes into the caller's array, which outlives the set: a copy of the
  // views would be relocated at every start of the static-pie binary.
  const std::string_view *names_;
  std::array<std::uint16_t, N> order_{};             // by bucket
  std::array<char, N> first_{};                      // the first byte of order_[i]'s name, '\0' for ""
  std::array<std::uint16_t, kLongest + 2> start_{};  // bucket b is order_[start_[b], start_[b + 1])
};

}  // namespace callcheck::graph

#endif  // CALLCHECK_GRAPH_NAME_SET_H_
