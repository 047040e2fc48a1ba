#include "document/document.h"

#include <rapidjson/memorystream.h>

#include <algorithm>  // std::upper_bound
#include <cmath>      // std::isfinite
#include <cstring>    // std::memchr
#include <memory>     // std::unique_ptr
#include <unordered_map>  // std::unordered_multimap

#include <fmt/format.h>

#include "document/pointer.h"
#include "document/utf8.h"
#include "catalog/cc001_invalid_json.h"
#include "catalog/cc002_duplicate_key.h"
#include "catalog/cc003_invalid_encoding.h"
#include "catalog/cc004_limit_exceeded.h"
#include "catalog/cc005_nul_character.h"
#include "catalog/cc006_byte_order_mark.h"
#include "catalog/cc007_number_out_of_range.h"
#include "catalog/cc008_number_precision_loss.h"

namespace callcheck::detail {

void rapidjson_assertion_failed(const char *expression) {
  // A RapidJSON invariant broke: a bug, not bad input. Throwing keeps the
  // process alive; check() turns it into an internal-error diagnostic.
  throw std::logic_error(std::string("RapidJSON assertion failed: ") + expression);
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  const char *base = text.data();
  const char *p = base;
  const char *end = base + text.size();
  while (p < end) {
    const void *nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char *>(nl) + 1;
    starts_.push_back(static_cast<std::uint32_t>(p - base));
  }
  // Columns count code points. Counting them from the line start on every
  // call made position() O(line length): a minified payload with 10,000
  // findings on one 20 KB line took 11 s. A per-block prefix count of
  // continuation bytes bounds each call to one block.
  const std::size_t blocks = text.size() / kBlock + 1;
  std::uint32_t seen = 0;
  bool any = false;
  for (std::size_t b = 0; b < blocks; ++b) {
    if (any) continuations_.push_back(seen);
    const std::size_t stop = std::min(text.size(), (b + 1) * kBlock);
    std::uint32_t here = 0;
    std::size_t i = b * kBlock;
    for (; i + 8 <= stop; i += 8) {  // a continuation byte is 10xxxxxx
      std::uint64_t w = 0;
      std::memcpy(&w, text.data() + i, sizeof w);
      here += static_cast<std::uint32_t>(__builtin_popcountll(w & ~(w << 1U) & 0x8080808080808080ULL));
    }
    for (; i < stop; ++i) here += (static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U ? 1U : 0U;
    if (here > 0 && !any) {
      continuations_.assign(b + 1, 0);  // the blocks so far had none
      any = true;
    }
    seen += here;
  }
}

auto LineIndex::position(std::uint32_t offset) const -> Position {
  if (offset > text_.size()) offset = static_cast<std::uint32_t>(text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin());  // 1-based
  const std::uint32_t start = starts_[line - 1];
  if (continuations_.empty()) return Position{line, offset - start + 1};  // ASCII
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
  if (line == 0 || line > starts_.size()) return {};
  const std::uint32_t start = starts_[line - 1];
  std::uint32_t end = line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(text_.size());
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

namespace {

constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag;
// Only non-ASCII input pays for RapidJSON's per-code-point check; our own
// pre-pass has validated the raw bytes already (PERFORMANCE.md 7.5).
constexpr unsigned kParseFlagsValidating = kParseFlags | rapidjson::kParseValidateEncodingFlag;

auto is_separator(char c) -> bool {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':';
}

constexpr std::uint64_t kMaxSafeInteger = 9007199254740992ULL;  // 2^53

// The strict SAX front end: records a SourceNode per value, enforces the
// limits, finds duplicate keys and checks unescaped strings, then forwards
// every event to the DOM builder.
class StrictHandler {
 public:
  StrictHandler(rapidjson::Document &dom, std::string_view text, std::uint32_t base,
                rapidjson::MemoryStream &stream, const Limits &limits, const LineIndex &lines,
                std::vector<SourceNode> &nodes, std::vector<ParseFinding> &findings)
      : dom_(dom), text_(text), base_(base), stream_(stream), limits_(limits), lines_(lines), nodes_(nodes),
        findings_(findings), prev_end_(base) {}

  // Completes the CC002 messages of objects a syntax error or a limit left
  // open (closed objects are completed in close()).
  void finish() {
    while (!frames_.empty()) {
      const Frame &frame = frames_.back();
      if (frame.object) complete_duplicates(frame);
      frames_.pop_back();
    }
  }

  bool Null() { return scalar() && dom_.Null(); }
  bool Bool(bool b) { return scalar() && dom_.Bool(b); }
  bool Int(int i) { return scalar() && dom_.Int(i); }
  bool Uint(unsigned u) { return scalar() && dom_.Uint(u); }
  bool Int64(std::int64_t i) {
    if (!scalar()) return false;
    const std::uint64_t magnitude = i < 0 ? 0ULL - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
    if (magnitude > kMaxSafeInteger) precision_warning();
    return dom_.Int64(i);
  }
  bool Uint64(std::uint64_t u) {
    if (!scalar()) return false;
    if (u > kMaxSafeInteger) precision_warning();
    return dom_.Uint64(u);
  }
  bool Double(double d) {
    if (!scalar()) return false;
    const SourceNode &n = nodes_.back();
    if (!std::isfinite(d)) {
      add(catalog::kNumberOutOfRange, "number is out of range: it does not fit in a 64-bit floating point value", n.begin, n.end);
    } else if (looks_like_big_integer(n)) {
      precision_warning();
    }
    return dom_.Double(d);
  }
  bool RawNumber(const char *, rapidjson::SizeType, bool) { return false; }
  bool String(const char *str, rapidjson::SizeType length, bool copy) {
    if (!scalar()) return false;
    const SourceNode &n = nodes_.back();
    if (length > limits_.max_string_bytes) {
      return limit(fmt::format("string is {} bytes long; the limit is {} bytes", length,
                               limits_.max_string_bytes),
                   n.begin, n.end);
    }
    check_unescaped(str, length, n.begin, n.end, "string");
    return dom_.String(str, length, copy);
  }
  bool Key(const char *str, rapidjson::SizeType length, bool copy) {
    const std::uint32_t begin = skip(prev_end_);
    const std::uint32_t end = tell();
    prev_end_ = end;
    Frame &frame = frames_.back();
    if (length > limits_.max_key_bytes) {
      return limit(fmt::format("member name is {} bytes long; the limit is {} bytes", length,
                               limits_.max_key_bytes),
                   begin, end);
    }
    if (++frame.count > limits_.max_members) {
      return limit(fmt::format("object has more than {} members", limits_.max_members), begin, end);
    }
    check_unescaped(str, length, begin, end, "member name");
    check_duplicate(frame, std::string_view(str, length), begin, end);
    pending_key_begin_ = begin;
    pending_key_end_ = end;
    return dom_.Key(str, length, copy);
  }
  bool StartObject() { return open(true) && dom_.StartObject(); }
  bool EndObject(rapidjson::SizeType count) { close(); return dom_.EndObject(count); }
  bool StartArray() { return open(false) && dom_.StartArray(); }
  bool EndArray(rapidjson::SizeType count) { close(); return dom_.EndArray(count); }

  // Pointer of the innermost open container, with the member or element
  // being parsed when the error happened.
  [[nodiscard]] auto current_pointer() const -> std::string {
    std::string pointer;
    for (const Frame &f : frames_) {
      if (&f == &frames_.back() && f.count == 0) break;
      if (f.object) {
        append_token(pointer, std::string_view(keys_).substr(f.last_key, f.last_key_size));
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
    std::size_t keys_text_begin = 0;  // offset into keys_
    std::size_t last_key = 0;    // offset into keys_
    std::size_t last_key_size = 0;
    // Key hash -> index into key_refs_, built once an object outgrows a
    // linear scan: without it 200k distinct keys under a raised
    // --max-members took O(n^2) comparisons (over 20 s; RELIABILITY.md R4).
    // Only the first occurrence of a name is entered, so a name repeated
    // 1,000 times is one entry, not a chain walked on every repeat.
    std::unique_ptr<std::unordered_multimap<std::uint64_t, std::size_t>> index;
  };
  static constexpr std::size_t kLinearKeys = 32;
  static constexpr std::size_t kNoFinding = static_cast<std::size_t>(-1);
  // One distinct member name of an open object.
  struct KeyRef {
    std::size_t offset;
    std::size_t size;
    std::uint64_t hash;
    std::uint32_t begin;                // its first occurrence
    std::uint32_t count = 1;            // occurrences so far
    std::size_t finding = kNoFinding;   // its CC002 in findings_, once repeated
  };

  [[nodiscard]] auto tell() const -> std::uint32_t {
    return base_ + static_cast<std::uint32_t>(stream_.Tell());
  }
  [[nodiscard]] auto skip(std::uint32_t from) const -> std::uint32_t {
    while (from < text_.size() && is_separator(text_[from])) ++from;
    return from;
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

  auto scalar() -> bool {
    const std::uint32_t begin = skip(prev_end_);
    if (!begin_value(begin)) return false;
    const std::uint32_t end = tell();
    nodes_.back().end = end;
    prev_end_ = end;
    return true;
  }

  auto open(bool object) -> bool {
    const std::uint32_t begin = skip(prev_end_);
    if (frames_.size() >= limits_.max_depth) {
      return limit(fmt::format("nesting is deeper than {} levels", limits_.max_depth), begin, begin + 1);
    }
    if (!begin_value(begin)) return false;
    prev_end_ = begin + 1;
    Frame frame;
    frame.node = static_cast<std::uint32_t>(nodes_.size() - 1);
    frame.object = object;
    frame.keys_begin = key_refs_.size();
    frame.keys_text_begin = keys_.size();
    frames_.push_back(std::move(frame));
    return true;
  }

  void close() {
    const std::uint32_t at = skip(prev_end_);
    const Frame frame = std::move(frames_.back());
    frames_.pop_back();
    SourceNode &node = nodes_[frame.node];
    node.end = at + 1;
    node.subtree = static_cast<std::uint32_t>(nodes_.size() - frame.node);
    prev_end_ = at + 1;
    if (frame.object) {
      complete_duplicates(frame);
      // The keys of a closed object are never compared again.
      key_refs_.resize(frame.keys_begin);
      keys_.resize(frame.keys_text_begin);
    }
  }

  // A name seen more than twice says how often, in the one finding it has.
  void complete_duplicates(const Frame &frame) {
    for (std::size_t i = frame.keys_begin; i < key_refs_.size(); ++i) {
      const KeyRef &ref = key_refs_[i];
      if (ref.count <= 2 || ref.finding == kNoFinding) continue;
      ParseFinding &f = findings_[ref.finding];
      f.message = duplicate_message(std::string_view(keys_).substr(ref.offset, ref.size), ref.begin, ref.count);
      f.help = fmt::format("keep one of the {} members", ref.count);
    }
  }

  [[nodiscard]] auto duplicate_message(std::string_view key, std::uint32_t first_begin, std::uint32_t count) const
      -> std::string {
    const Position first = lines_.position(first_begin);
    const std::string times = count > 2 ? fmt::format(" ({} times in this object)", count) : std::string();
    return fmt::format("duplicate member name \"{}\"{}; first defined at line {}, column {}: parsers "
                       "disagree on which value wins",
                       printable(key), times, first.line, first.column);
  }

  // One CC002 per repeated name per object, at its second occurrence; later
  // repeats only count (complete_duplicates() words the message). A payload
  // of objects with 1,000 identical keys used to give 999 findings per
  // object, each positioned by a scan from byte 0 and found by walking every
  // earlier equal key: 50 s of CPU for 1 MB.
  void check_duplicate(Frame &frame, std::string_view key, std::uint32_t begin, std::uint32_t end) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : key) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    auto same = [&](std::size_t i) {
      const KeyRef &ref = key_refs_[i];
      return ref.hash == hash && ref.size == key.size() && std::string_view(keys_).substr(ref.offset, ref.size) == key;
    };
    std::size_t found = key_refs_.size();
    if (frame.index) {
      const auto range = frame.index->equal_range(hash);
      for (auto it = range.first; it != range.second; ++it) {
        if (same(it->second)) {
          found = it->second;
          break;
        }
      }
    } else {
      for (std::size_t i = frame.keys_begin; i < key_refs_.size(); ++i) {
        if (same(i)) {
          found = i;
          break;
        }
      }
    }
    if (found < key_refs_.size()) {
      KeyRef &ref = key_refs_[found];
      ++ref.count;
      frame.last_key = ref.offset;
      frame.last_key_size = ref.size;
      if (ref.finding != kNoFinding) return;
      std::string pointer = current_pointer_without_last();
      append_token(pointer, key);
      ref.finding = findings_.size();
      add(catalog::kDuplicateKey, duplicate_message(key, ref.begin, 2), begin, end, pointer, "remove one of the two members");
      return;
    }
    frame.last_key = keys_.size();
    frame.last_key_size = key.size();
    key_refs_.push_back(KeyRef{keys_.size(), key.size(), hash, begin});
    keys_.append(key.data(), key.size());
    const std::size_t count = key_refs_.size() - frame.keys_begin;
    if (!frame.index && count > kLinearKeys) {
      frame.index = std::make_unique<std::unordered_multimap<std::uint64_t, std::size_t>>();
      frame.index->reserve(count * 2);
      for (std::size_t i = frame.keys_begin; i < key_refs_.size(); ++i) frame.index->emplace(key_refs_[i].hash, i);
    } else if (frame.index) {
      frame.index->emplace(hash, key_refs_.size() - 1);
    }
  }

  [[nodiscard]] auto current_pointer_without_last() const -> std::string {
    std::string pointer;
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
      const Frame &f = frames_[i];
      if (f.object) {
        append_token(pointer, std::string_view(keys_).substr(f.last_key, f.last_key_size));
      } else {
        append_index(pointer, f.count - 1);
      }
    }
    return pointer;
  }

  void check_unescaped(const char *str, std::size_t length, std::uint32_t begin, std::uint32_t end,
                       const char *what) {
    const std::string_view value(str, length);
    if (value.find('\0') != std::string_view::npos) {
      add(catalog::kNulCharacter,
          fmt::format("{} contains \\u0000: it truncates the value for any C-string consumer", what),
          begin, end, current_pointer());
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

  void add(const RuleMeta &rule, std::string message, std::uint32_t begin, std::uint32_t end,
           std::string pointer = {}, std::string help = {}) {
    if (pointer.empty() && &rule != &catalog::kLimitExceeded) pointer = current_pointer();
    findings_.push_back(ParseFinding{&rule, std::move(message), begin, end, std::move(pointer), std::move(help)});
  }

  // A member name as a JSON string body would spell it: C0 controls, DEL and
  // C1 controls (U+0080-U+009F, e.g. U+009B, a one-character CSI) become
  // \u escapes, so the message itself carries no terminal control.
  static auto printable(std::string_view key) -> std::string {
    std::string out;
    out.reserve(key.size());
    for (std::size_t i = 0; i < key.size(); ++i) {
      const auto u = static_cast<unsigned char>(key[i]);
      const auto next = i + 1 < key.size() ? static_cast<unsigned char>(key[i + 1]) : 0U;
      if (u < 0x20U || u == 0x7FU) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(u));
      } else if (u == 0xC2U && next >= 0x80U && next <= 0x9FU) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(next));
        ++i;
      } else {
        out.push_back(key[i]);
      }
    }
    return out;
  }

 public:
  bool stopped_by_limit_ = false;

 private:
  rapidjson::Document &dom_;
  std::string_view text_;
  std::uint32_t base_;
  rapidjson::MemoryStream &stream_;
  const Limits &limits_;
  const LineIndex &lines_;
  std::vector<SourceNode> &nodes_;
  std::vector<ParseFinding> &findings_;
  std::uint32_t prev_end_;
  std::uint32_t pending_key_begin_ = SourceNode::kNone;
  std::uint32_t pending_key_end_ = SourceNode::kNone;
  std::vector<Frame> frames_;
  std::vector<KeyRef> key_refs_;
  std::string keys_;
};

auto syntax_message(rapidjson::ParseErrorCode code) -> std::string_view {
  switch (code) {
    case rapidjson::kParseErrorNone: return "no error";
    case rapidjson::kParseErrorDocumentEmpty: return "the document is empty";
    case rapidjson::kParseErrorDocumentRootNotSingular: return "unexpected content after the JSON value";
    case rapidjson::kParseErrorValueInvalid: return "expected a JSON value";
    case rapidjson::kParseErrorObjectMissName: return "expected a member name in double quotes";
    case rapidjson::kParseErrorObjectMissColon: return "expected ':' after the member name";
    case rapidjson::kParseErrorObjectMissCommaOrCurlyBracket: return "expected ',' or '}' after the member value";
    case rapidjson::kParseErrorArrayMissCommaOrSquareBracket: return "expected ',' or ']' after the array element";
    case rapidjson::kParseErrorStringUnicodeEscapeInvalidHex: return "invalid \\u escape: expected four hex digits";
    case rapidjson::kParseErrorStringUnicodeSurrogateInvalid: return "invalid UTF-16 surrogate pair in \\u escape";
    case rapidjson::kParseErrorStringEscapeInvalid: return "invalid escape sequence or unescaped control character in string";
    case rapidjson::kParseErrorStringMissQuotationMark: return "unterminated string: missing closing quotation mark";
    case rapidjson::kParseErrorStringInvalidEncoding: return "invalid UTF-8 in string";
    case rapidjson::kParseErrorNumberTooBig: return "number is out of range: it does not fit in a 64-bit floating point value";
    case rapidjson::kParseErrorNumberMissFraction: return "invalid number: expected digits after '.'";
    case rapidjson::kParseErrorNumberMissExponent: return "invalid number: expected digits in the exponent";
    case rapidjson::kParseErrorTermination: return "parsing stopped";
    case rapidjson::kParseErrorUnspecificSyntaxError: return "syntax error";
  }
  return "syntax error";
}

auto describe_char(char c) -> std::string {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x21U && u < 0x7FU) return fmt::format("'{}'", c);
  if (c == ' ') return "a space";
  if (c == '\t') return "a tab";
  if (c == '\n' || c == '\r') return "the end of the line";
  return fmt::format("byte 0x{:02X}", static_cast<unsigned>(u));
}

// Turns RapidJSON's error code and byte offset into a precise message.
// Trailing commas get their own wording and point at the comma: 41 of the 84
// request bodies in the Graph docs have one.
auto syntax_finding(std::string_view text, std::uint32_t base, const rapidjson::ParseResult &result,
                    std::string pointer) -> ParseFinding {
  auto offset = static_cast<std::uint32_t>(base + result.Offset());
  if (offset > text.size()) offset = static_cast<std::uint32_t>(text.size());
  const rapidjson::ParseErrorCode code = result.Code();
  ParseFinding f;
  f.rule = &catalog::kInvalidJson;
  f.pointer = std::move(pointer);
  f.begin = offset;
  f.end = offset < text.size() ? offset + 1 : offset;
  if (code == rapidjson::kParseErrorNumberTooBig) {
    f.rule = &catalog::kNumberOutOfRange;
    f.message = std::string(syntax_message(code));
    return f;
  }
  const char here = offset < text.size() ? text[offset] : '\0';
  if ((here == '}' || here == ']') &&
      (code == rapidjson::kParseErrorObjectMissName || code == rapidjson::kParseErrorValueInvalid)) {
    std::uint32_t back = offset;
    while (back > base && (text[back - 1] == ' ' || text[back - 1] == '\t' || text[back - 1] == '\n' ||
                           text[back - 1] == '\r')) {
      --back;
    }
    if (back > base && text[back - 1] == ',') {
      f.begin = back - 1;
      f.end = back;
      f.message = fmt::format("trailing comma before '{}': JSON does not allow a comma after the last {}",
                              here, here == '}' ? "member" : "element");
      f.help = "delete this comma";
      return f;
    }
  }
  if (offset >= text.size() && code != rapidjson::kParseErrorDocumentEmpty) {
    f.message = fmt::format("{}, but the input ended", syntax_message(code));
    return f;
  }
  if (code == rapidjson::kParseErrorDocumentEmpty || code == rapidjson::kParseErrorStringMissQuotationMark) {
    f.message = std::string(syntax_message(code));
  } else {
    f.message = fmt::format("{}; found {}", syntax_message(code), describe_char(here));
  }
  if (code == rapidjson::kParseErrorValueInvalid && (here == '\'' )) {
    f.help = "JSON strings use double quotes";
  }
  return f;
}

struct Bom {
  std::string_view name;
  std::size_t size;
};

// UTF-16/32 input shows itself by NUL bytes in the first four bytes
// (RFC 4627 section 3), with or without a byte order mark.
auto wide_encoding(std::string_view t) -> std::string_view {
  auto at = [&](std::size_t i) { return i < t.size() ? static_cast<unsigned char>(t[i]) : 0x100U; };
  if (at(0) == 0x00U && at(1) == 0x00U && at(2) == 0xFEU && at(3) == 0xFFU) return "UTF-32BE";
  if (at(0) == 0xFFU && at(1) == 0xFEU && at(2) == 0x00U && at(3) == 0x00U) return "UTF-32LE";
  if (at(0) == 0xFEU && at(1) == 0xFFU) return "UTF-16BE";
  if (at(0) == 0xFFU && at(1) == 0xFEU) return "UTF-16LE";
  if (t.size() >= 4 && at(0) == 0x00U && at(1) == 0x00U && at(2) == 0x00U && at(3) != 0x00U) return "UTF-32BE";
  if (t.size() >= 4 && at(0) != 0x00U && at(1) == 0x00U && at(2) == 0x00U && at(3) == 0x00U) return "UTF-32LE";
  if (t.size() >= 2 && at(0) == 0x00U && at(1) != 0x00U) return "UTF-16BE";
  if (t.size() >= 2 && at(0) != 0x00U && at(1) == 0x00U) return "UTF-16LE";
  return {};
}

}  // namespace

auto Document::parse(std::string_view text, const Limits &limits) -> Document {
  Document doc;
  doc.text_ = text;
  doc.lines_ = LineIndex(text);
  auto &findings = doc.findings_;

  if (text.size() > limits.max_bytes) {
    findings.push_back(ParseFinding{
        &catalog::kLimitExceeded, fmt::format("input is {} bytes; the limit is {} bytes", text.size(), limits.max_bytes),
        static_cast<std::uint32_t>(limits.max_bytes), static_cast<std::uint32_t>(limits.max_bytes), "", ""});
    return doc;
  }
  if (const auto wide = wide_encoding(text); !wide.empty()) {
    findings.push_back(ParseFinding{
        &catalog::kInvalidEncoding, fmt::format("input looks like {}; callcheck reads UTF-8 only (RFC 8259 section 8.1)", wide), 0,
        static_cast<std::uint32_t>(std::min<std::size_t>(text.size(), 2)), "",
        "convert the file to UTF-8, e.g. iconv -f UTF-16 -t UTF-8"});
    return doc;
  }
  std::uint32_t base = 0;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    findings.push_back(ParseFinding{&catalog::kByteOrderMark, "UTF-8 byte order mark at the start of the input (RFC 8259 section 8.1)",
                                    0, 3, "", "save the file as UTF-8 without BOM"});
    base = 3;
  }
  const Utf8Result utf8 = validate_utf8(text.substr(base), true);
  if (utf8.error != Utf8Error::None) {
    const auto at = static_cast<std::uint32_t>(base + utf8.offset);
    if (utf8.error == Utf8Error::Nul) {
      findings.push_back(ParseFinding{&catalog::kNulCharacter, "NUL byte in the input: JSON text never contains one", at, at + 1, "",
                                      ""});
    } else {
      findings.push_back(ParseFinding{
          &catalog::kInvalidEncoding,
          fmt::format("{} (byte 0x{:02X})", describe(utf8.error),
                      static_cast<unsigned>(static_cast<unsigned char>(text[at]))),
          at, at + 1, "", ""});
    }
    return doc;
  }

  rapidjson::MemoryStream stream(text.data() + base, text.size() - base);
  doc.nodes_.reserve(64);
  StrictHandler handler(doc.dom_, text, base, stream, limits, doc.lines_, doc.nodes_, findings);
  rapidjson::ParseResult result;
  std::string error_pointer;
  auto generator = [&](rapidjson::Document &) {
    rapidjson::Reader reader;
    result = utf8.ascii ? reader.Parse<kParseFlags>(stream, handler)
                        : reader.Parse<kParseFlagsValidating>(stream, handler);
    if (result.IsError()) error_pointer = handler.current_pointer();
    return !result.IsError();
  };
  doc.dom_.Populate(generator);
  handler.finish();
  if (result.IsError()) {
    doc.nodes_.clear();
    if (!handler.stopped_by_limit_) {
      findings.push_back(syntax_finding(text, base, result, std::move(error_pointer)));
    }
    return doc;
  }
  doc.has_dom_ = true;
  return doc;
}

auto Document::find(std::string_view pointer) const -> const Value * {
  if (!has_dom_) return nullptr;
  if (!pointer.empty() && pointer.front() != '/') return nullptr;
  // Rules and the scenario call this a thousand times per payload: walk the
  // raw tokens in place and unescape only tokens that hold '~' (rare), rather
  // than building a vector of strings (split_pointer) per call.
  const Value *current = &dom_;
  std::string unescaped;
  for (std::size_t start = 1; start <= pointer.size();) {
    std::size_t stop = pointer.find('/', start);
    if (stop == std::string_view::npos) stop = pointer.size();
    std::string_view token = pointer.substr(start, stop - start);
    if (token.find('~') != std::string_view::npos) {
      const auto tokens = split_pointer(pointer.substr(start - 1, stop - start + 1));  // "/token"
      if (!tokens || tokens->size() != 1) return nullptr;
      unescaped = std::move(tokens->front());
      token = unescaped;
    }
    start = stop + 1;
    if (current->IsObject()) {
      const Value *next = nullptr;
      for (auto it = current->MemberBegin(); it != current->MemberEnd(); ++it) {
        if (std::string_view(it->name.GetString(), it->name.GetStringLength()) == token) {
          next = &it->value;
          break;
        }
      }
      if (next == nullptr) return nullptr;
      current = next;
    } else if (current->IsArray()) {
      const auto index = parse_index(token);
      if (!index || *index >= current->Size()) return nullptr;
      current = &(*current)[static_cast<rapidjson::SizeType>(*index)];
    } else {
      return nullptr;
    }
  }
  return current;
}

auto Document::children(std::size_t container, const Value &value) const -> const Children & {
  const auto found = children_.find(container);
  if (found != children_.end()) return found->second;
  Children &c = children_[container];
  std::size_t child = container + 1;
  if (value.IsObject()) {
    c.nodes.reserve(value.MemberCount());
    c.names.reserve(value.MemberCount());
    for (auto it = value.MemberBegin(); it != value.MemberEnd(); ++it) {
      c.names.emplace(std::string_view(it->name.GetString(), it->name.GetStringLength()),
                      static_cast<std::uint32_t>(c.nodes.size()));  // emplace keeps the first
      c.nodes.push_back(static_cast<std::uint32_t>(child));
      child += nodes_[child].subtree;
    }
  } else {
    c.nodes.reserve(value.Size());
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      c.nodes.push_back(static_cast<std::uint32_t>(child));
      child += nodes_[child].subtree;
    }
  }
  return c;
}

auto Document::node(std::string_view pointer) const -> const SourceNode * {
  if (!has_dom_ || nodes_.empty()) return nullptr;
  const auto tokens = split_pointer(pointer);
  if (!tokens) return nullptr;
  const Value *current = &dom_;
  std::size_t index = 0;
  for (const std::string &token : *tokens) {
    std::size_t child = index + 1;
    if (current->IsObject()) {
      const Value *next = nullptr;
      if (current->MemberCount() > kIndexedWidth) {
        const Children &c = children(index, *current);
        const auto it = c.names.find(token);
        if (it == c.names.end()) return nullptr;
        child = c.nodes[it->second];
        next = &(current->MemberBegin() + it->second)->value;
      } else {
        for (auto it = current->MemberBegin(); it != current->MemberEnd(); ++it) {
          if (std::string_view(it->name.GetString(), it->name.GetStringLength()) == token) {
            next = &it->value;
            break;
          }
          child += nodes_[child].subtree;
        }
      }
      if (next == nullptr) return nullptr;
      current = next;
    } else if (current->IsArray()) {
      const auto at = parse_index(token);
      if (!at || *at >= current->Size()) return nullptr;
      if (nodes_[index].subtree == current->Size() + 1U) {
        child += *at;  // every element is a leaf: a fixed offset
      } else if (current->Size() > kIndexedWidth) {
        child = children(index, *current).nodes[*at];
      } else {
        for (std::size_t i = 0; i < *at; ++i) child += nodes_[child].subtree;
      }
      current = &(*current)[static_cast<rapidjson::SizeType>(*at)];
    } else {
      return nullptr;
    }
    index = child;
  }
  return index < nodes_.size() ? &nodes_[index] : nullptr;
}

auto Document::span_of_bytes(std::uint32_t begin, std::uint32_t end) const -> Span {
  return Span{lines_.position(begin), lines_.position(end)};
}

auto Document::span(std::string_view pointer, bool key) const -> Span {
  std::string_view p = pointer;
  while (true) {
    if (const SourceNode *n = node(p)) {
      if (key && n->key_begin != SourceNode::kNone) return span_of_bytes(n->key_begin, n->key_end);
      // A member missing from the root is shown at its opening brace, not
      // by underlining the whole document.
      if (key && p.empty()) return span_of_bytes(n->begin, n->begin + 1);
      return span_of_bytes(n->begin, n->end);
    }
    if (p.empty()) break;
    p = parent_pointer(p);
    key = true;  // an absent member is best shown at its parent's name
  }
  return Span{Position{1, 1}, Position{1, 1}};
}

}  // namespace callcheck::detail
