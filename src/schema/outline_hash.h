// The slot hash of the schema outlines' property tables (compiled.h).
// tools/schemac fills the tables with it at build time and
// SchemaOutline::has_property probes them with it at run time, so it is
// written once, here; standard library only, for the host tool.
#ifndef CALLCHECK_SCHEMA_OUTLINE_HASH_H_
#define CALLCHECK_SCHEMA_OUTLINE_HASH_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <string_view>  // std::string_view

namespace callcheck::detail {

// The length and three bytes: Graph member names differ there (the
// request decision asks about every top-level member of every body, and
// this is its cost, not a byte loop; collisions are probed past).
constexpr auto outline_hash(std::string_view name) -> std::uint32_t {
  if (name.empty()) return 0;
  auto at = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(name[i])); };
  return static_cast<std::uint32_t>(name.size()) * 31U + at(0) * 7U + at(name.size() - 1) * 3U + at(name.size() / 2);
}

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_OUTLINE_HASH_H_
