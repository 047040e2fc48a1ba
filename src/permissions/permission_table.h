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

// The table holds no pointers, only offsets and indices (tools/text_pool.h):
// nothing of it is relocated when a static-pie binary starts (issue 14).
extern const char kText[];

// A string of the table: `size` bytes at `at` in kText.
struct Text {
  std::uint32_t at = 0;
  std::uint32_t size = 0;
  // NOLINTNEXTLINE(google-explicit-constructor): read as the string it names
  operator std::string_view() const { return {kText + at, size}; }
};
inline auto operator==(Text a, Text b) -> bool { return std::string_view(a) == std::string_view(b); }
inline auto operator<(Text a, Text b) -> bool { return std::string_view(a) < std::string_view(b); }

// `size` elements from `first` of the one array of its type (pool() below).
template <typename T>
struct Slice {
  std::uint32_t first = 0;
  std::uint32_t size = 0;
  [[nodiscard]] auto begin() const -> const T * { return pool(static_cast<const T *>(nullptr)) + first; }
  [[nodiscard]] auto end() const -> const T * { return begin() + size; }
  [[nodiscard]] constexpr auto empty() const -> bool { return size == 0; }
};

// An entry's `when`: Always when it has none.
enum class Op : std::uint8_t { Always, Present, Equals, In };

struct Entry {
  Text scope;
  Text reason;
  Op op = Op::Always;
  bool present = true;  // Present: whether the pointer must resolve
  Text pointer;         // Present, Equals, In
  Slice<Text> values;   // Equals: one value; In: the set
};

struct Alternative {
  Text note;
  Slice<Text> apis;  // empty: every API version
  Slice<Entry> scopes;
};

struct Rule {
  Text name;  // scenario kind (to_string(CallKind)) or request name
  Text note;
  Slice<Entry> required;
  Slice<Alternative> alternatives;
};

struct Key {
  Text folded;     // fold_scope_name() of a scope or alias spelling
  Text canonical;  // the canonical name it means
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

// Every slice of a type indexes one array (permission_table.cc).
extern const Text kTexts[];
extern const Entry kEntries[];
extern const Alternative kAlternatives[];
extern const Rule kRules[];
extern const Key kKeys[];
inline auto pool(const Text * /*type*/) -> const Text * { return kTexts; }
inline auto pool(const Entry * /*type*/) -> const Entry * { return kEntries; }
inline auto pool(const Alternative * /*type*/) -> const Alternative * { return kAlternatives; }
inline auto pool(const Rule * /*type*/) -> const Rule * { return kRules; }
inline auto pool(const Key * /*type*/) -> const Key * { return kKeys; }

}  // namespace callcheck::detail::permission_table

#endif  // CALLCHECK_PERMISSIONS_PERMISSION_TABLE_H_
