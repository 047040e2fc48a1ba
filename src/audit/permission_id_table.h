// The Graph permission name <-> GUID table as compiled C++ data:
// `tools/permc --ids` turns schemas/callcheck/graph-permissions.json
// (validated against graph-permissions.schema.json at build time) into
// permission_id_table.cc in the build folder, with every index the audit
// looks up already sorted. Building them at run time parsed 175 KB and filled
// six maps: 23 M instructions before the first `audit` or `--version` line
// (issue 14). tests/unit/audit_test.cc rebuilds the indexes from the embedded
// file and compares.
#ifndef CALLCHECK_AUDIT_PERMISSION_ID_TABLE_H_
#define CALLCHECK_AUDIT_PERMISSION_ID_TABLE_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t, std::uint8_t
#include <string_view>  // std::string_view

namespace callcheck::detail::permission_id_table {

// A few pointers only, in Table: its arrays are named by address.
template <typename T>
struct Slice {
  const T *data = nullptr;
  std::size_t size = 0;
  [[nodiscard]] constexpr auto begin() const -> const T * { return data; }
  [[nodiscard]] constexpr auto end() const -> const T * { return data + size; }
  [[nodiscard]] constexpr auto empty() const -> bool { return size == 0; }
};

// A string of the table: `size` bytes at `at` in Table::text. Offsets, not
// std::string_views: a static-pie binary relocates every pointer of its data
// at each start, and the 11,500 string_views this table had were half of a
// one-file run (issue 14); offsets into one literal need no relocation.
struct Text {
  std::uint32_t at = 0;
  std::uint32_t size = 0;
};

struct Row {
  Text name;
  Text application;  // "" when none
  Text delegated;
  Text personal;
  bool rsc = false;
  bool openid = false;
};

// Sorted by key (byte order); a key several rows share names the first.
struct Key {
  Text key;
  std::uint32_t row = 0;
};

// Sorted by id; one entry per (row, scheme) in row order.
struct Id {
  Text id;
  std::uint32_t row = 0;
  std::uint8_t scheme = 0;  // IdScheme: 0 application, 1 delegated, 2 personal
};

struct Table {
  const char *text;          // every string of the table, one after another
  std::string_view version;  // "repository@commit8 (date)"
  Slice<Row> rows;           // file order
  Slice<Key> by_name;
  Slice<Key> by_folded;  // fold_scope_name(name)
  Slice<Key> by_loose;   // loose_key(name)
  Slice<Id> by_id;
  Slice<Text> without_id;  // folded, sorted
  Slice<Text> segments;    // first segments of names and withoutId names, sorted
};

extern const Table kTable;

[[nodiscard]] inline auto text(Text t) -> std::string_view { return {kTable.text + t.at, t.size}; }

}  // namespace callcheck::detail::permission_id_table

#endif  // CALLCHECK_AUDIT_PERMISSION_ID_TABLE_H_
