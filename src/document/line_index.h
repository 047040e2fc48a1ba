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

// Built as far as it is asked, block by block: a clean payload whose report
// locates one property near the top reads only the text before it, and one
// with no finding reads none. The const queries extend it, so one LineIndex
// is never used by two threads at once (each belongs to one Document or one
// renderer call).
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
  // Takes every line start of the text at once, as the parse saw them
  // (`starts`: 0 and the offset after each newline, in order; swapped with
  // this index's own storage): no block needs memchr, and a text known to
  // be ASCII needs no block at all.
  void adopt(std::vector<std::uint32_t> &starts, bool ascii);
  [[nodiscard]] auto position(std::uint32_t offset) const -> Position;
  [[nodiscard]] auto line_text(std::uint32_t line) const -> std::string_view;
  [[nodiscard]] auto line_count() const -> std::uint32_t {
    extend_through(static_cast<std::uint32_t>(text_.size()));
    return static_cast<std::uint32_t>(starts_.size());
  }

 private:
  // Indexes every block up to the one holding `offset`.
  void extend_through(std::uint32_t offset) const;
  void index_block() const;

  std::string_view text_;
  // Starts of the lines that begin in the indexed blocks (and at their end).
  mutable std::vector<std::uint32_t> starts_;
  // UTF-8 continuation bytes before each kBlock-byte block; empty while the
  // indexed blocks hold none (ASCII). Keeps position() from scanning a whole
  // (possibly 1 MiB) line.
  static constexpr std::uint32_t kBlock = 256;
  mutable std::vector<std::uint32_t> continuations_;
  mutable std::uint32_t blocks_ = 0;  // blocks indexed so far; the last, text_.size() / kBlock, may be empty
  mutable std::uint32_t seen_ = 0;    // continuation bytes in them
  bool all_starts_ = false;           // starts_ holds every line (adopt)
};

}  // namespace callcheck::detail

#endif  // CALLCHECK_DOCUMENT_LINE_INDEX_H_
