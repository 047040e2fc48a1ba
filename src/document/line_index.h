// Byte offset -> 1-based line:column, columns in code points. Standard
// library only: renderers (render/text.cc) frame source lines with it without
// seeing the parser or any third-party header.
#ifndef CALLCHECK_DOCUMENT_LINE_INDEX_H_
#define CALLCHECK_DOCUMENT_LINE_INDEX_H_

#include <cstdint>      // std::uint32_t
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <vector>       // std::vector

#include "callcheck/diagnostic.h"

namespace callcheck::detail {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : LineIndex(text, {}, {}) {}
  // Reuses the storage of `starts` and `continuations` (their contents are
  // replaced): a parse arena hands the vectors of its last Document back.
  LineIndex(std::string_view text, std::vector<std::uint32_t> starts, std::vector<std::uint32_t> continuations);
  // Gives the storage back (this index is empty afterwards).
  void release(std::vector<std::uint32_t> &starts, std::vector<std::uint32_t> &continuations) {
    starts = std::move(starts_);
    continuations = std::move(continuations_);
    starts.clear();
    continuations.clear();
  }
  [[nodiscard]] auto position(std::uint32_t offset) const -> Position;
  [[nodiscard]] auto line_text(std::uint32_t line) const -> std::string_view;
  [[nodiscard]] auto line_count() const -> std::uint32_t { return static_cast<std::uint32_t>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
  // UTF-8 continuation bytes before each kBlock-byte block; empty for ASCII
  // text. Keeps position() from scanning a whole (possibly 1 MiB) line.
  static constexpr std::uint32_t kBlock = 256;
  std::vector<std::uint32_t> continuations_;
};

}  // namespace callcheck::detail

#endif  // CALLCHECK_DOCUMENT_LINE_INDEX_H_
