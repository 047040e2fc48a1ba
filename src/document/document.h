// A parsed payload: the DOM, where every value came from, and the findings of
// the strict parse (syntax, encoding, limits, duplicate keys, numbers).
#ifndef CALLCHECK_DOCUMENT_DOCUMENT_H_
#define CALLCHECK_DOCUMENT_DOCUMENT_H_

#include "document/rapidjson_adapter.h"

#include <cstdint>        // std::uint32_t
#include <limits>         // std::numeric_limits
#include <memory>         // std::unique_ptr
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include "callcheck/options.h"
#include "callcheck/diagnostic.h"
#include "callcheck/rules.h"
#include "document/line_index.h"

namespace callcheck::detail {

using Value = rapidjson::Value;
// The DOM keeps its values, and builds them on a stack, in pools of the
// parse arena (document.cc): a clean payload allocates nothing to parse.
using Dom =
    rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>, rapidjson::MemoryPoolAllocator<>>;

// Memory a Document parses into, reused: each thread keeps the arena of the
// last Document it destroyed and the next parse on that thread takes it
// (document.cc). Per thread, so check() stays safe to call concurrently.
struct ParseArena;
struct ParseArenaRecycler {
  void operator()(ParseArena *arena) const noexcept;
};

// Byte offsets into the text, one record per JSON value in document
// (pre-)order. Pointers are resolved lazily by walking the DOM, so a clean
// payload never builds a pointer string.
struct SourceNode {
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t begin = 0;          // first byte of the value
  std::uint32_t end = 0;            // one past the last byte
  std::uint32_t key_begin = kNone;  // opening quote of the member name, if any
  std::uint32_t key_end = kNone;
  std::uint32_t subtree = 1;  // number of nodes in this subtree (incl. itself)
};

// A finding of the parse layer, in byte offsets; converted to a Diagnostic by
// the pipeline.
struct ParseFinding {
  const RuleMeta *rule = nullptr;  // a catalogue entry (src/catalog/)
  std::string message;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string pointer;
  std::string help;
  std::optional<Fix> fix{};  // byte offsets into the text
};

class Document {
 public:
  // Never throws for bad input: every problem becomes a finding.
  [[nodiscard]] static auto parse(std::string_view text, const Limits &limits) -> Document;

  Document(Document &&) noexcept = default;
  auto operator=(Document &&) noexcept -> Document & = default;
  Document(const Document &) = delete;
  auto operator=(const Document &) -> Document & = delete;
  ~Document();

  // True when a DOM exists: the text is syntactically valid JSON within the
  // limits (policy findings such as duplicate keys may still exist).
  [[nodiscard]] auto has_dom() const -> bool { return has_dom_; }
  [[nodiscard]] auto root() const -> const Value & { return dom_; }
  [[nodiscard]] auto findings() const -> const std::vector<ParseFinding> & { return findings_; }
  [[nodiscard]] auto text() const -> std::string_view { return text_; }
  [[nodiscard]] auto lines() const -> const LineIndex & { return lines_; }

  // The value at `pointer`, or nullptr. With duplicate keys, the first wins
  // (as in valijson); duplicates are already reported as CC002.
  [[nodiscard]] auto find(std::string_view pointer) const -> const Value *;
  // Source node of the value at `pointer`; nullptr if absent. Big containers
  // get a child index on their first lookup (children_), so a report with a
  // finding per member or element costs O(depth) per finding, not O(width).
  // Not safe to call concurrently on one Document (check() never does).
  [[nodiscard]] auto node(std::string_view pointer) const -> const SourceNode *;
  // Span of the value at `pointer`, or of its member name when `key` is set
  // and the value is an object member. Falls back to the nearest existing
  // ancestor, then to the whole document.
  [[nodiscard]] auto span(std::string_view pointer, bool key = false) const -> Span;
  [[nodiscard]] auto span_of_bytes(std::uint32_t begin, std::uint32_t end) const -> Span;
  // Pre-order index of `value` inside the DOM (it must belong to this document).
  [[nodiscard]] auto nodes() const -> const std::vector<SourceNode> & { return nodes_; }

 private:
  Document(std::unique_ptr<ParseArena, ParseArenaRecycler> arena, std::string_view text);

  // First: destroyed last, after the DOM whose pools it holds.
  std::unique_ptr<ParseArena, ParseArenaRecycler> arena_;
  std::string_view text_;
  LineIndex lines_;
  Dom dom_;
  std::vector<SourceNode> nodes_;
  std::vector<ParseFinding> findings_;
  bool has_dom_ = false;

  // Node index of every child of one container, in order, and for objects
  // the first child of each name. Built lazily for containers wider than
  // kIndexedWidth: 10,000 findings in one array, each located by walking its
  // earlier siblings, took seconds.
  struct Children {
    std::vector<std::uint32_t> nodes;
    std::unordered_map<std::string_view, std::uint32_t> names;
  };
  static constexpr std::size_t kIndexedWidth = 16;
  [[nodiscard]] auto children(std::size_t container, const Value &value) const -> const Children &;
  mutable std::unordered_map<std::size_t, Children> children_;
};

}  // namespace callcheck::detail

#endif  // CALLCHECK_DOCUMENT_DOCUMENT_H_
