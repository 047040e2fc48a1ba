// The strict SAX front end of Document::parse (RapidJSON's Reader drives it):
// records a SourceNode per value, enforces the Limits while parsing, finds
// duplicate keys and checks unescaped strings and numbers, then forwards every
// event to the DOM builder. Included by document.cc only.
#ifndef CALLCHECK_DOCUMENT_STRICT_HANDLER_H_
#define CALLCHECK_DOCUMENT_STRICT_HANDLER_H_

#include "document/rapidjson_adapter.h"

#include <cmath>          // std::isfinite
#include <cstring>        // std::memcmp
#include <memory>         // std::unique_ptr
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_multimap
#include <vector>         // std::vector

#include <fmt/format.h>

#include "callcheck/options.h"
#include "document/document.h"
#include "document/line_index.h"
#include "document/pointer.h"
#include "document/utf8.h"
#include "catalog/cc002_duplicate_key.h"
#include "catalog/cc003_invalid_encoding.h"
#include "catalog/cc004_limit_exceeded.h"
#include "catalog/cc005_nul_character.h"
#include "catalog/cc007_number_out_of_range.h"
#include "catalog/cc008_number_precision_loss.h"

namespace callcheck::detail {

constexpr std::uint64_t kMaxSafeInteger = 9007199254740992ULL;  // 2^53

// Positions come from where the reader is at each event (rapidjson_adapter.h,
// kStrictParseFlags), never from scanning the text again.
class StrictHandler {
 public:
  // The handler's own stacks, kept by the parse arena across payloads.
  struct Scratch;
  StrictHandler(Dom &dom, std::string_view text, std::uint32_t base, const InsituBuffer &buffer, InsituStream &stream,
                const Limits &limits, const LineIndex &lines, std::vector<SourceNode> &nodes,
                std::vector<ParseFinding> &findings, Scratch &scratch);

  // Completes the CC002 messages of objects a syntax error or a limit left
  // open (closed objects are completed in close()).
  void finish() {
    while (!frames_.empty()) {
      const Frame &frame = frames_.back();
      if (frame.object) complete_duplicates(frame);
      frames_.pop_back();
    }
  }

  bool Null() { return literal(4) && dom_.Null(); }
  bool Bool(bool b) { return literal(b ? 4 : 5) && dom_.Bool(b); }
  bool Int(int i) { return number() && dom_.Int(i); }
  bool Uint(unsigned u) { return number() && dom_.Uint(u); }
  bool Int64(std::int64_t i) {
    if (!number()) return false;
    const std::uint64_t magnitude = i < 0 ? 0ULL - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
    if (magnitude > kMaxSafeInteger) precision_warning();
    return dom_.Int64(i);
  }
  bool Uint64(std::uint64_t u) {
    if (!number()) return false;
    if (u > kMaxSafeInteger) precision_warning();
    return dom_.Uint64(u);
  }
  bool Double(double d) {
    if (!number()) return false;
    const SourceNode &n = nodes_.back();
    if (!std::isfinite(d)) {
      add(catalog::kNumberOutOfRange, "number is out of range: it does not fit in a 64-bit floating point value",
          n.begin, n.end);
    } else if (looks_like_big_integer(n)) {
      precision_warning();
    }
    return dom_.Double(d);
  }
  bool RawNumber(const char *, rapidjson::SizeType, bool) { return false; }
  bool String(const char *str, rapidjson::SizeType length, bool copy) {
    const std::uint32_t begin = quote_of(str);
    const std::uint32_t end = tell();
    if (!scalar(begin, end)) return false;
    if (length > limits_.max_string_bytes) {
      return limit(fmt::format("string is {} bytes long; the limit is {} bytes", length, limits_.max_string_bytes),
                   begin, end);
    }
    if (escaped(length, begin, end)) check_unescaped(str, length, begin, end, "string");
    return dom_.String(str, length, copy);
  }
  bool Key(const char *str, rapidjson::SizeType length, bool copy) {
    const std::uint32_t begin = quote_of(str);
    const std::uint32_t end = tell();
    Frame &frame = frames_.back();
    if (length > limits_.max_key_bytes) {
      return limit(fmt::format("member name is {} bytes long; the limit is {} bytes", length, limits_.max_key_bytes),
                   begin, end);
    }
    if (++frame.count > limits_.max_members) {
      return limit(fmt::format("object has more than {} members", limits_.max_members), begin, end);
    }
    if (escaped(length, begin, end)) check_unescaped(str, length, begin, end, "member name");
    check_duplicate(frame, std::string_view(str, length), begin, end);
    pending_key_begin_ = begin;
    pending_key_end_ = end;
    return dom_.Key(str, length, copy);
  }
  // The reader calls these at the bracket (before it takes it).
  bool StartObject() { return open(true) && dom_.StartObject(); }
  bool EndObject(rapidjson::SizeType count) {
    close();
    return dom_.EndObject(count);
  }
  bool StartArray() { return open(false) && dom_.StartArray(); }
  bool EndArray(rapidjson::SizeType count) {
    close();
    return dom_.EndArray(count);
  }

  // Pointer of the innermost open container, with the member or element
  // being parsed when the error happened.
  [[nodiscard]] auto current_pointer() const -> std::string {
    std::string pointer;
    for (const Frame &f : frames_) {
      if (&f == &frames_.back() && f.count == 0) break;
      if (f.object) {
        append_token(pointer, f.last_key);
      } else {
        append_index(pointer, f.count - 1);
      }
    }
    return pointer;
  }

 private:
  struct Frame {
    std::uint32_t node = 0;
    bool object = false;
    std::size_t count = 0;       // members or elements so far
    std::size_t keys_begin = 0;  // index into key_refs_
    std::string_view last_key;   // decoded, in the in-situ buffer
    std::uint64_t names = 0;     // name_bit() of every name so far
    // Key hash -> index into key_refs_, built once an object outgrows a
    // linear scan: without it 200k distinct keys under a raised
    // --max-members took O(n^2) comparisons (over 20 s; RELIABILITY.md R4).
    // Only the first occurrence of a name is entered, so a name repeated
    // 1,000 times is one entry, not a chain walked on every repeat.
    std::unique_ptr<std::unordered_multimap<std::uint64_t, std::size_t>> index;
  };

  // One distinct member name of an open object. The name stays in the
  // in-situ buffer, where the reader decoded it: later strings are decoded
  // only within their own quotes, so it is never overwritten.
  struct KeyRef {
    const char *data;
    std::uint32_t size;
    std::uint32_t begin;                 // its first occurrence
    std::uint32_t count = 1;             // occurrences so far
    std::uint32_t finding = kNoFinding;  // its CC002 in findings_, once repeated
    [[nodiscard]] auto name() const -> std::string_view { return {data, size}; }
  };

 public:
  struct Scratch {
    std::vector<Frame> frames;
    std::vector<KeyRef> key_refs;
  };

 private:
  static constexpr std::size_t kLinearKeys = 32;
  static constexpr std::uint32_t kNoFinding = static_cast<std::uint32_t>(-1);

  [[nodiscard]] auto tell() const -> std::uint32_t { return base_ + static_cast<std::uint32_t>(stream_.Tell()); }
  [[nodiscard]] auto quote_of(const char *decoded) const -> std::uint32_t {
    return base_ + static_cast<std::uint32_t>(buffer_.quote_of(decoded));
  }
  // Every escape is longer than what it decodes to, so a string whose bytes
  // between the quotes are as many as its decoded bytes has none: it is the
  // validated input itself, with no NUL and no lone surrogate to look for.
  [[nodiscard]] static auto escaped(std::size_t length, std::uint32_t begin, std::uint32_t end) -> bool {
    return end - begin != length + 2;
  }

  // Starts a node for the next value; false when a limit stops the parse.
  auto begin_value(std::uint32_t begin) -> bool {
    if (!frames_.empty() && !frames_.back().object) {
      if (++frames_.back().count > limits_.max_elements) {
        return limit(fmt::format("array has more than {} elements", limits_.max_elements), begin, begin + 1);
      }
    }
    SourceNode node;
    node.begin = begin;
    node.key_begin = pending_key_begin_;
    node.key_end = pending_key_end_;
    pending_key_begin_ = pending_key_end_ = SourceNode::kNone;
    nodes_.push_back(node);
    return true;
  }

  auto scalar(std::uint32_t begin, std::uint32_t end) -> bool {
    if (!begin_value(begin)) return false;
    nodes_.back().end = end;
    return true;
  }
  // true, false, null: the reader has just taken the last letter.
  auto literal(std::uint32_t size) -> bool {
    const std::uint32_t end = tell();
    return scalar(end - size, end);
  }
  // A number ends where the reader is; it starts after the separator,
  // bracket or whitespace before its first character.
  auto number() -> bool {
    const std::uint32_t end = tell();
    std::uint32_t begin = end;
    auto in_number = [](char c) {
      return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    };
    while (begin > base_ && in_number(text_[begin - 1])) --begin;
    return scalar(begin, end);
  }

  auto open(bool object) -> bool {
    const std::uint32_t begin = tell();
    if (frames_.size() >= limits_.max_depth) {
      return limit(fmt::format("nesting is deeper than {} levels", limits_.max_depth), begin, begin + 1);
    }
    if (!begin_value(begin)) return false;
    Frame frame;
    frame.node = static_cast<std::uint32_t>(nodes_.size() - 1);
    frame.object = object;
    frame.keys_begin = key_refs_.size();
    frames_.push_back(std::move(frame));
    return true;
  }

  void close() {
    const std::uint32_t at = tell();
    Frame &frame = frames_.back();
    SourceNode &node = nodes_[frame.node];
    node.end = at + 1;
    node.subtree = static_cast<std::uint32_t>(nodes_.size() - frame.node);
    if (frame.object) {
      complete_duplicates(frame);
      // The keys of a closed object are never compared again.
      key_refs_.resize(frame.keys_begin);
    }
    frames_.pop_back();
  }

  // A name seen more than twice says how often, in the one finding it has.
  void complete_duplicates(const Frame &frame) {
    for (std::size_t i = frame.keys_begin; i < key_refs_.size(); ++i) {
      const KeyRef &ref = key_refs_[i];
      if (ref.count <= 2 || ref.finding == kNoFinding) continue;
      ParseFinding &f = findings_[ref.finding];
      f.message = duplicate_message(ref.name(), ref.begin, ref.count);
      f.help = fmt::format("keep one of the {} members", ref.count);
    }
  }

  [[nodiscard]] auto duplicate_message(std::string_view key, std::uint32_t first_begin, std::uint32_t count) const
      -> std::string {
    const Position first = lines_.position(first_begin);
    const std::string times = count > 2 ? fmt::format(" ({} times in this object)", count) : std::string();
    return fmt::format(
        "duplicate member name \"{}\"{}; first defined at line {}, column {}: parsers "
        "disagree on which value wins",
        printable_name(key), times, first.line, first.column);
  }

  // One of 64 bits by length, first and last byte: an object whose bits
  // do not hold a name's has no member of that name (most names of a body).
  static auto name_bit(std::string_view key) -> std::uint64_t {
    if (key.empty()) return 1;
    const auto first = static_cast<unsigned char>(key.front());
    const auto last = static_cast<unsigned char>(key.back());
    return std::uint64_t{1} << ((key.size() + first * 2U + last * 3U) & 63U);
  }

  static auto hash_of(std::string_view key) -> std::uint64_t {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : key) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return hash;
  }

  // One CC002 per repeated name per object, at its second occurrence; later
  // repeats only count (complete_duplicates() words the message). A payload
  // of objects with 1,000 identical keys used to give 999 findings per
  // object, each positioned by a scan from byte 0 and found by walking every
  // earlier equal key: 50 s of CPU for 1 MB. Objects of up to kLinearKeys
  // names (every request body) compare lengths, then bytes, and hash
  // nothing; a name whose name_bit() the object lacks compares nothing.
  // A name new to a small object (the usual one) is entered inline, unsearched.
  void check_duplicate(Frame &frame, std::string_view key, std::uint32_t begin, std::uint32_t end) {
    const std::uint64_t bit = name_bit(key);
    if (frame.index || (frame.names & bit) != 0 || key_refs_.size() - frame.keys_begin >= kLinearKeys) {
      return search_duplicate(frame, key, begin, end, bit);
    }
    frame.last_key = key;
    frame.names |= bit;
    key_refs_.push_back(KeyRef{key.data(), static_cast<std::uint32_t>(key.size()), begin});
  }
  [[gnu::noinline]] void search_duplicate(Frame &frame, std::string_view key, std::uint32_t begin, std::uint32_t end,
                                          std::uint64_t bit) {
    std::size_t found = key_refs_.size();
    if (frame.index) {
      const auto range = frame.index->equal_range(hash_of(key));
      for (auto it = range.first; it != range.second; ++it) {
        if (key_refs_[it->second].name() == key) {
          found = it->second;
          break;
        }
      }
    } else if ((frame.names & bit) != 0) {
      for (std::size_t i = frame.keys_begin; i < key_refs_.size(); ++i) {
        const KeyRef &ref = key_refs_[i];
        if (ref.size == key.size() && std::memcmp(ref.data, key.data(), key.size()) == 0) {
          found = i;
          break;
        }
      }
    }
    if (found < key_refs_.size()) {
      KeyRef &ref = key_refs_[found];
      ++ref.count;
      frame.last_key = ref.name();
      if (ref.finding != kNoFinding) return;
      std::string pointer = current_pointer_without_last();
      append_token(pointer, key);
      ref.finding = static_cast<std::uint32_t>(findings_.size());
      add(catalog::kDuplicateKey, duplicate_message(key, ref.begin, 2), begin, end, pointer,
          "remove one of the two members");
      return;
    }
    frame.last_key = key;
    frame.names |= bit;
    key_refs_.push_back(KeyRef{key.data(), static_cast<std::uint32_t>(key.size()), begin});
    const std::size_t count = key_refs_.size() - frame.keys_begin;
    if (!frame.index && count > kLinearKeys) {
      frame.index = std::make_unique<std::unordered_multimap<std::uint64_t, std::size_t>>();
      frame.index->reserve(count * 2);
      for (std::size_t i = frame.keys_begin; i < key_refs_.size(); ++i) {
        frame.index->emplace(hash_of(key_refs_[i].name()), i);
      }
    } else if (frame.index) {
      frame.index->emplace(hash_of(key), key_refs_.size() - 1);
    }
  }

  [[nodiscard]] auto current_pointer_without_last() const -> std::string {
    std::string pointer;
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
      const Frame &f = frames_[i];
      if (f.object) {
        append_token(pointer, f.last_key);
      } else {
        append_index(pointer, f.count - 1);
      }
    }
    return pointer;
  }

  void check_unescaped(const char *str, std::size_t length, std::uint32_t begin, std::uint32_t end, const char *what) {
    const std::string_view value(str, length);
    if (value.find('\0') != std::string_view::npos) {
      add(catalog::kNulCharacter,
          fmt::format("{} contains \\u0000: it truncates the value for any C-string consumer", what), begin, end,
          current_pointer());
    }
    // An escaped lone low surrogate (\udc00) comes out of RapidJSON 1.1.0 as
    // ED B0 80, which is not UTF-8 (Tencent/rapidjson#1738).
    const Utf8Result utf8 = validate_utf8(value, false);
    if (utf8.error != Utf8Error::None) {
      add(catalog::kInvalidEncoding,
          fmt::format("{} contains an escaped lone UTF-16 surrogate (\\uDC00..\\uDFFF without a "
                      "preceding high surrogate)",
                      what),
          begin, end, current_pointer());
    }
  }

  // "12345678901234567890.0" style literals that lose integer precision.
  [[nodiscard]] auto looks_like_big_integer(const SourceNode &n) const -> bool {
    std::size_t digits = 0;
    for (std::uint32_t i = n.begin; i < n.end && i < text_.size(); ++i) {
      const char c = text_[i];
      if (c >= '0' && c <= '9') {
        if (digits > 0 || c != '0') ++digits;
      } else if (c == '.' || c == 'e' || c == 'E') {
        break;
      }
    }
    return digits > 17;
  }

  void precision_warning() {
    const SourceNode &n = nodes_.back();
    add(catalog::kNumberPrecisionLoss,
        "number cannot be represented exactly as a double (beyond 2^53 or more than 17 significant "
        "digits): .NET and JavaScript consumers will see a different value",
        n.begin, n.end, current_pointer(), "send large identifiers as strings");
  }

  auto limit(std::string message, std::uint32_t begin, std::uint32_t end) -> bool {
    add(catalog::kLimitExceeded, std::move(message), begin, end, current_pointer());
    stopped_by_limit_ = true;
    return false;
  }

  void add(const RuleMeta &rule, std::string message, std::uint32_t begin, std::uint32_t end, std::string pointer = {},
           std::string help = {}) {
    if (pointer.empty() && &rule != &catalog::kLimitExceeded) pointer = current_pointer();
    findings_.push_back(ParseFinding{&rule, std::move(message), begin, end, std::move(pointer), std::move(help)});
  }

 public:
  bool stopped_by_limit_ = false;

 private:
  Dom &dom_;
  std::string_view text_;
  std::uint32_t base_;
  const InsituBuffer &buffer_;
  InsituStream &stream_;
  const Limits &limits_;
  const LineIndex &lines_;
  std::vector<SourceNode> &nodes_;
  std::vector<ParseFinding> &findings_;
  std::uint32_t pending_key_begin_ = SourceNode::kNone;
  std::uint32_t pending_key_end_ = SourceNode::kNone;
  std::vector<Frame> &frames_;
  std::vector<KeyRef> &key_refs_;
};

inline StrictHandler::StrictHandler(Dom &dom, std::string_view text, std::uint32_t base, const InsituBuffer &buffer,
                                    InsituStream &stream, const Limits &limits, const LineIndex &lines,
                                    std::vector<SourceNode> &nodes, std::vector<ParseFinding> &findings,
                                    Scratch &scratch)
    : dom_(dom), text_(text), base_(base), buffer_(buffer), stream_(stream), limits_(limits), lines_(lines),
      nodes_(nodes), findings_(findings), frames_(scratch.frames), key_refs_(scratch.key_refs) {
  frames_.clear();
  key_refs_.clear();
}

}  // namespace callcheck::detail

#endif  // CALLCHECK_DOCUMENT_STRICT_HANDLER_H_
