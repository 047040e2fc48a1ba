#include "document/line_index.h"

#include <algorithm>  // std::upper_bound, std::min
#include <cstring>    // std::memchr, std::memcpy

namespace callcheck::detail {

LineIndex::LineIndex(std::string_view text, std::vector<std::uint32_t> starts, std::vector<std::uint32_t> continuations)
    : text_(text), starts_(std::move(starts)), continuations_(std::move(continuations)) {
  starts_.clear();
  continuations_.clear();
  starts_.push_back(0);
}

void LineIndex::adopt(std::vector<std::uint32_t> &starts, bool ascii) {
  starts_.swap(starts);
  all_starts_ = true;
  if (ascii) {
    continuations_.clear();
    blocks_ = static_cast<std::uint32_t>(text_.size() / kBlock) + 1;
  }
}

void LineIndex::extend_through(std::uint32_t offset) const {
  const auto last = static_cast<std::uint32_t>(text_.size() / kBlock);
  const std::uint32_t want = std::min(offset / kBlock, last);
  while (blocks_ <= want) index_block();
}

void LineIndex::index_block() const {
  const std::uint32_t b = blocks_++;
  const char *base = text_.data();
  const std::size_t from = static_cast<std::size_t>(b) * kBlock;
  const std::size_t stop = std::min(text_.size(), from + kBlock);
  // memchr per line, not a newline mask in the word loop below: that cost
  // more instructions on indented request bodies (a line every ~30 bytes).
  const char *p = base + from;
  const char *end = base + stop;
  // Room for a line every ~24 bytes of the rest of a short text, once: the
  // vector doubled its way there, three to four reallocations per file.
  if (b == 0 && !all_starts_) starts_.reserve(std::min<std::size_t>(text_.size(), 64 * 1024) / 24 + 2);
  while (p < end && !all_starts_) {
    const void *nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char *>(nl) + 1;
    starts_.push_back(static_cast<std::uint32_t>(p - base));
  }
  // Columns count code points. Counting them from the line start on every
  // call made position() O(line length): a minified payload with 10,000
  // findings on one 20 KB line took 11 s. A per-block prefix count of
  // continuation bytes bounds each call to one block.
  if (!continuations_.empty()) continuations_.push_back(seen_);
  std::uint32_t here = 0;
  std::size_t i = from;
  for (; i + 8 <= stop; i += 8) {  // a continuation byte is 10xxxxxx
    std::uint64_t w = 0;
    std::memcpy(&w, base + i, sizeof w);
    // At most bit 7 of each byte survives the mask; shifting those to bit 0
    // and multiplying sums the eight bytes into the top one. Without
    // -mpopcnt (x86-64 baseline, WebAssembly) __builtin_popcountll was a
    // library call per word.
    const std::uint64_t marks = (w & ~(w << 1U) & 0x8080808080808080ULL) >> 7U;
    here += static_cast<std::uint32_t>((marks * 0x0101010101010101ULL) >> 56U);
  }
  for (; i < stop; ++i) here += (static_cast<unsigned char>(base[i]) & 0xC0U) == 0x80U ? 1U : 0U;
  if (here > 0 && continuations_.empty()) continuations_.assign(b + 1, 0);  // the blocks so far had none
  seen_ += here;
}

auto LineIndex::position(std::uint32_t offset) const -> Position {
  if (offset > text_.size()) offset = static_cast<std::uint32_t>(text_.size());
  extend_through(offset);
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin());  // 1-based
  const std::uint32_t start = starts_[line - 1];
  if (continuations_.empty()) return Position{line, offset - start + 1};  // ASCII so far
  // Continuation bytes in [0, at): the block's prefix plus a scan of at most one block.
  auto before = [&](std::uint32_t at) {
    std::uint32_t n = continuations_[at / kBlock];
    for (std::uint32_t i = at / kBlock * kBlock; i < at; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0U) == 0x80U) ++n;
    }
    return n;
  };
  return Position{line, offset - start - (before(offset) - before(start)) + 1};
}

auto LineIndex::line_text(std::uint32_t line) const -> std::string_view {
  if (line == 0) return {};
  // The next line's start, or the end of the text.
  const auto last = static_cast<std::uint32_t>(text_.size() / kBlock);
  while (starts_.size() <= line && blocks_ <= last) index_block();
  if (line > starts_.size()) return {};
  const std::uint32_t start = starts_[line - 1];
  std::uint32_t end = line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

}  // namespace callcheck::detail
