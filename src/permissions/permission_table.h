// The permission table as compiled C++ data: tools/permc turns
// schemas/callcheck/permissions.json (the source of truth, validated against
// permissions.schema.json at build time) into permission_table.cc in the build
// folder. Constant-initialised: nothing is parsed or allocated at start-up,
// which used to be a fifth of a one-file run (issue 14).
#ifndef CALLCHECK_PERMISSIONS_PERMISSION_TABLE_H_
#define CALLCHECK_PERMISSIONS_PERMISSION_TABLE_H_

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <string_view>  // std::string_view

namespace callcheck::detail::permission_table {

template <typename T>
struct Slice {
  const T *data = nullptr;
  std::size_t size = 0;
  [[nodiscard]] constexpr auto begin() const -> const T * { return data; }
  [[nodiscard]] constexpr auto end() const -> const T * { return data + size; }
  [[nodiscard]] constexpr auto empty() const -> bool { return size == 0; }
};

// An entry's `when`: Always when it has none.
enum class Op : std::uint8_t { Always, Present, Equals, In };

struct Entry {
  std::string_view scope;
  std::string_view reason;
  Op op = Op::Always;
  bool present = true;             // Present: whether the pointer must resolve
  std::string_view pointer;        // Present, Equals, In
  Slice<std::string_view> values;  // Equals: one value; In: the set
};

struct Alternative {
  std::string_view note;
  Slice<std::string_view> apis;  // empty: every API version
  Slice<Entry> scopes;
};

struct Rule {
  std::string_view name;  // scenario kind (to_string(CallKind)) or request name
  std::string_view note;
  Slice<Entry> required;
  Slice<Alternative> alternatives;
};

struct Key {
  std::string_view folded;     // fold_scope_name() of a scope or alias spelling
  std::string_view canonical;  // the canonical name it means
};

// Entries and alternatives in file order; rules and keys sorted by name and
// folded key (byte order, as std::string's operator<). Where an alias folds
// like a scope, the scope wins (the first spelling the file gives).
struct Table {
  Slice<Rule> scenarios;
  Slice<Rule> requests;
  Slice<Key> keys;
};

extern const Table kTable;

}  // namespace callcheck::detail::permission_table

#endif  // CALLCHECK_PERMISSIONS_PERMISSION_TABLE_H_
