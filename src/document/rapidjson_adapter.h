// Every translation unit that touches RapidJSON includes this header before
// any RapidJSON header. It owns RapidJSON's quirks (PERFORMANCE.md 5.4,
// RELIABILITY.md 2.6), pinned by tests/unit/adapter_test.cc:
//  - RapidJSON must fail loudly, not silently, when an assertion trips in a
//    release build; valijson's own replacement builds a std::string from
//    __FILE__ on every check (8.5x parse cost), so we throw through a cold
//    out-of-line function instead.
//  - std::string members (RAPIDJSON_HAS_STDSTRING) are on everywhere, so all
//    translation units see one layout of rapidjson::GenericValue.
//  - how Document::parse drives the Reader: kStrictParseFlags, InsituBuffer
//    and the event positions below.
// valijson is not included here: schema/valijson_adapter.h adds it, in
// schema/ only.
#ifndef CALLCHECK_DOCUMENT_RAPIDJSON_ADAPTER_H_
#define CALLCHECK_DOCUMENT_RAPIDJSON_ADAPTER_H_

#ifdef RAPIDJSON_ASSERT
#error "document/rapidjson_adapter.h must be included before any RapidJSON header"
#endif

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t
#include <cstring>      // std::memcpy, std::memset
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {
[[noreturn]] [[gnu::cold]] void rapidjson_assertion_failed(const char *expression);
}  // namespace callcheck::detail

#define RAPIDJSON_ASSERT(x) ((x) ? static_cast<void>(0) : ::callcheck::detail::rapidjson_assertion_failed(#x))
#define RAPIDJSON_HAS_STDSTRING 1

#include <rapidjson/document.h>  // IWYU pragma: export
#include <rapidjson/error/en.h>  // IWYU pragma: export
#include <rapidjson/reader.h>    // IWYU pragma: export

namespace callcheck::detail {

// The Reader of Document::parse (issue 14 item 3):
//  - iterative, so nesting costs heap (bounded by Limits::max_depth), never
//    stack;
//  - validating: RapidJSON checks the bytes of every string with the strict
//    RFC 3629 automaton (no overlong forms, no surrogates, nothing above
//    U+10FFFF; adapter_test compares it with validate_utf8), and any byte of
//    0x80 or above outside a string is a syntax error, so a parse that
//    succeeds and stops at the end of the text (parsed_to_end) has read
//    valid UTF-8 only. A parse that does not is explained by validate_utf8
//    first, which keeps every encoding diagnostic what the separate pass
//    gave;
//  - in situ: strings are decoded inside an InsituBuffer and the DOM points
//    at them, so no string is copied, to the reader's stack or to the DOM.
//    They are "const" strings to RapidJSON, which CopyFrom and the copying
//    constructor share rather than copy (1.1.0 has no copyConstStrings
//    yet): a value kept after its Document is copied with copy_owned.
//    RELIABILITY.md R3 ruled in-situ parsing out because it rewrites the
//    caller's text; the buffer is our own copy.
// Events, with these flags (the iterative reader; the recursive one differs):
//  - StartObject/StartArray and EndObject/EndArray come while the stream is
//    at the bracket (before the reader takes it);
//  - Key/String come with the stream past the closing quote, and the decoded
//    bytes start in the buffer one past the opening quote (quote_of);
//  - every other scalar comes with the stream just past its last byte.
inline constexpr unsigned kStrictParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseInsituFlag;

// RapidJSON's InsituStringStream, except that the reader moves this object
// itself rather than a copy of it it keeps while it reads a token
// (StreamTraits::copyOptimization): the handler asks the position at every
// event, and a copy's position reaches the stream only after the event.
struct InsituStream {
  using Ch = char;
  explicit InsituStream(char *src) : src_(src), dst_(nullptr), head_(src) {}
  [[nodiscard]] auto Peek() const -> Ch { return *src_; }
  auto Take() -> Ch { return *src_++; }
  [[nodiscard]] auto Tell() const -> std::size_t { return static_cast<std::size_t>(src_ - head_); }
  void Put(Ch c) { *dst_++ = c; }
  auto PutBegin() -> Ch * { return dst_ = src_; }
  auto PutEnd(Ch *begin) -> std::size_t { return static_cast<std::size_t>(dst_ - begin); }
  void Flush() {}
  auto Push(std::size_t count) -> Ch * {
    Ch *begin = dst_;
    dst_ += count;
    return begin;
  }
  void Pop(std::size_t count) { dst_ -= count; }
  Ch *src_;
  Ch *dst_;
  Ch *head_;
  // Line starts, for Document::parse's LineIndex (LineIndex::adopt): every
  // newline of a text the reader takes is whitespace (a string holds none
  // unescaped), which SkipWhitespace passes, so it notes the offset after
  // each (plus `base`, where the stream starts in the text) when `newlines`
  // is set. `non_ascii`: a string had a byte >= 0x80 (insitu_validate.h).
  std::vector<std::uint32_t> *newlines = nullptr;
  std::uint32_t base = 0;
  bool non_ascii = false;
};

// The text to parse, copied where the reader may rewrite it; one per parse
// arena, reused. Two quirks of the in-situ reading shape it:
//  - it reads until a NUL byte: the copy ends in one. A NUL inside the text
//    ends the parse there, successfully when a value could end there
//    (`{}` NUL `garbage`): only parsed_to_end() says the text was read;
//  - it has no end of its own: after a lead byte, UTF8::Validate takes up to
//    three more bytes before it looks at them, so a text ending in a lead
//    byte is read past its NUL. kPadding NULs follow the text (enough for
//    that and for SkipWhitespace's eight-byte reads).
class InsituBuffer {
 public:
  static constexpr std::size_t kPadding = 8;

  auto load(std::string_view text) -> char * {
    if (bytes_.size() < text.size() + kPadding) bytes_.resize(text.size() + kPadding);
    if (!text.empty()) std::memcpy(bytes_.data(), text.data(), text.size());
    std::memset(bytes_.data() + text.size(), 0, kPadding);
    size_ = text.size();
    return bytes_.data();
  }
  // Offset, in the loaded text, of the opening quote of a string the reader
  // decoded in place (`decoded` is what it passed to Key or String).
  [[nodiscard]] auto quote_of(const char *decoded) const -> std::size_t {
    return static_cast<std::size_t>(decoded - bytes_.data()) - 1;
  }
  [[nodiscard]] auto parsed_to_end(const InsituStream &stream) const -> bool {
    return stream.src_ == bytes_.data() + size_;
  }
  std::vector<char> &storage() { return bytes_; }

 private:
  std::vector<char> bytes_;
  std::size_t size_ = 0;
};

// `from` copied into `to` with every string in `allocator`. Recursive, as
// CopyFrom is: a Document's depth is within its Limits::max_depth.
inline void copy_owned(const rapidjson::Value &from, rapidjson::Value &to,
                       rapidjson::MemoryPoolAllocator<> &allocator) {
  if (from.IsString()) {
    to.SetString(from.GetString(), from.GetStringLength(), allocator);
  } else if (from.IsObject()) {
    to.SetObject();
    for (auto it = from.MemberBegin(); it != from.MemberEnd(); ++it) {
      rapidjson::Value name(it->name.GetString(), it->name.GetStringLength(), allocator);
      rapidjson::Value value;
      copy_owned(it->value, value, allocator);
      to.AddMember(name, value, allocator);
    }
  } else if (from.IsArray()) {
    to.SetArray();
    to.Reserve(from.Size(), allocator);
    for (const rapidjson::Value &element : from.GetArray()) {
      rapidjson::Value value;
      copy_owned(element, value, allocator);
      to.PushBack(value, allocator);
    }
  } else {
    to.CopyFrom(from, allocator);  // a number, true, false or null: no string
  }
}

}  // namespace callcheck::detail

RAPIDJSON_NAMESPACE_BEGIN
// The whitespace before every token, for the reader of Document::parse:
// RapidJSON's own loop takes one byte per iteration, and request bodies are
// indented. Eight bytes are read at a time (InsituBuffer pads the text so
// that a read at its end stays inside), the spaces at their front skipped at
// once; a NUL stops it like any other non-whitespace byte.
template <>
inline void SkipWhitespace(callcheck::detail::InsituStream &is) {
  char *p = is.src_;
  if (static_cast<unsigned char>(*p) > ' ') return;  // most tokens follow another directly
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr std::uint64_t kSpaces = 0x2020202020202020ULL;
  for (;;) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, sizeof word);
    const std::uint64_t other = word ^ kSpaces;  // zero bytes: spaces
    if (other == 0) {
      p += 8;
      continue;
    }
    p += static_cast<unsigned>(__builtin_ctzll(other)) / 8U;  // the first byte is the lowest
    if (*p == '\n') {
      ++p;
      if (is.newlines != nullptr) is.newlines->push_back(is.base + static_cast<std::uint32_t>(p - is.head_));
      continue;
    }
    if (*p != '\r' && *p != '\t') break;
    ++p;
  }
#else
  for (;; ++p) {
    if (*p == '\n' && is.newlines != nullptr) {
      is.newlines->push_back(is.base + static_cast<std::uint32_t>(p + 1 - is.head_));
    } else if (*p != ' ' && *p != '\r' && *p != '\t' && *p != '\n') {
      break;
    }
  }
#endif
  is.src_ = p;
}
RAPIDJSON_NAMESPACE_END

#endif  // CALLCHECK_DOCUMENT_RAPIDJSON_ADAPTER_H_
