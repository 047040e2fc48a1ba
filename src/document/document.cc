// Document::parse (the checks before the parse, then the strict SAX parse
// into a DOM) and the source map lookups (pointer -> node -> span).
#include "document/document.h"

#include <algorithm>    // std::min
#include <cstddef>      // std::max_align_t
#include <stdexcept>    // std::logic_error
#include <type_traits>  // std::remove_reference_t

#include <fmt/format.h>

#include "document/insitu_validate.h"
#include "document/pointer.h"
#include "document/strict_handler.h"
#include "document/syntax_error.h"
#include "document/utf8.h"
#include "catalog/cc003_invalid_encoding.h"
#include "catalog/cc004_limit_exceeded.h"
#include "catalog/cc005_nul_character.h"
#include "catalog/cc006_byte_order_mark.h"

namespace callcheck::detail {
namespace {

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

// Pool sizes that hold the DOM of a typical body (1-3 KB of JSON) without
// asking malloc; bigger inputs add 64 KB chunks, freed when the arena is
// recycled.
constexpr std::size_t kValueBytes = 32 * 1024;
constexpr std::size_t kStackBytes = 16 * 1024;
constexpr std::size_t kStackCapacity = 4 * 1024;
constexpr std::size_t kChunkBytes = 64 * 1024;  // RapidJSON's own default chunk
// Vectors that grew past this (a 1 MB input) are released rather than kept,
// so a thread's resident memory stays flat whatever it parsed last.
constexpr std::size_t kKeptBytes = 256 * 1024;

// Chunks beyond the pools' buffers; stateless, shared by every thread.
rapidjson::CrtAllocator chunk_allocator;

}  // namespace

struct ParseArena {
  ParseArena()
      : values(value_buffer, sizeof value_buffer, kChunkBytes, &chunk_allocator),
        dom_stack(dom_stack_buffer, sizeof dom_stack_buffer, kChunkBytes, &chunk_allocator),
        reader_stack(reader_stack_buffer, sizeof reader_stack_buffer, kChunkBytes, &chunk_allocator) {}
  ParseArena(const ParseArena &) = delete;
  auto operator=(const ParseArena &) -> ParseArena & = delete;
  ParseArena(ParseArena &&) = delete;
  auto operator=(ParseArena &&) -> ParseArena & = delete;
  ~ParseArena() = default;

  // Ready for the next Document: pools emptied, vectors kept unless huge.
  void reset() {
    scanned = 0;
    values.Clear();
    dom_stack.Clear();
    reader_stack.Clear();
    auto keep = [](auto &v) {
      if (v.capacity() * sizeof(v[0]) > kKeptBytes) {
        std::remove_reference_t<decltype(v)>().swap(v);
      } else {
        v.clear();
      }
    };
    keep(starts);
    keep(newlines);
    keep(continuations);
    keep(nodes);
    keep(scratch.frames);
    keep(scratch.key_refs);
    if (text.storage().capacity() > kKeptBytes) std::vector<char>().swap(text.storage());
  }

  alignas(std::max_align_t) char value_buffer[kValueBytes];
  alignas(std::max_align_t) char dom_stack_buffer[kStackBytes];
  alignas(std::max_align_t) char reader_stack_buffer[kStackBytes];
  rapidjson::MemoryPoolAllocator<> values;
  rapidjson::MemoryPoolAllocator<> dom_stack;
  rapidjson::MemoryPoolAllocator<> reader_stack;
  std::vector<std::uint32_t> starts;
  std::vector<std::uint32_t> newlines;  // line starts the reader saw (InsituStream)
  std::vector<std::uint32_t> continuations;
  std::vector<SourceNode> nodes;
  StrictHandler::Scratch scratch;
  InsituBuffer text;
  // Siblings Document::node() has walked past in wide containers.
  std::size_t scanned = 0;
};

namespace {

// One spare arena per thread. The pointer is trivially destructible, so a
// Document destroyed after this thread's thread_local destructors ran (a
// static one, at exit) still finds it; `Reaper` frees the spare at thread
// exit and from then on arenas are deleted, not kept.
thread_local ParseArena *spare_arena = nullptr;
thread_local bool arenas_reaped = false;
struct Reaper {
  bool armed = false;
  Reaper() = default;
  Reaper(const Reaper &) = delete;
  auto operator=(const Reaper &) -> Reaper & = delete;
  Reaper(Reaper &&) = delete;
  auto operator=(Reaper &&) -> Reaper & = delete;
  ~Reaper() {
    delete spare_arena;
    spare_arena = nullptr;
    arenas_reaped = true;
  }
};
thread_local Reaper reaper;

auto take_arena() -> std::unique_ptr<ParseArena, ParseArenaRecycler> {
  ParseArena *arena = spare_arena;
  spare_arena = nullptr;
  if (arena == nullptr) arena = new ParseArena();
  return std::unique_ptr<ParseArena, ParseArenaRecycler>(arena);
}

}  // namespace

void ParseArenaRecycler::operator()(ParseArena *arena) const noexcept {
  if (arena == nullptr) return;
  if (arenas_reaped || spare_arena != nullptr) {
    delete arena;
    return;
  }
  reaper.armed = true;  // constructs this thread's Reaper, which frees the spare at thread exit
  arena->reset();
  spare_arena = arena;
}

Document::Document(std::unique_ptr<ParseArena, ParseArenaRecycler> arena, std::string_view text)
    : arena_(std::move(arena)), text_(text), lines_(text, std::move(arena_->starts), std::move(arena_->continuations)),
      dom_(&arena_->values, kStackCapacity, &arena_->dom_stack), nodes_(std::move(arena_->nodes)) {}

Document::~Document() {
  if (!arena_) return;  // moved from
  lines_.release(arena_->starts, arena_->continuations);
  arena_->nodes = std::move(nodes_);
}

auto Document::parse(std::string_view text, const Limits &limits) -> Document {
  Document doc(take_arena(), text);
  auto &findings = doc.findings_;

  if (text.size() > limits.max_bytes) {
    findings.push_back(ParseFinding{
        &catalog::kLimitExceeded,
        fmt::format("input is {} bytes; the limit is {} bytes", text.size(), limits.max_bytes),
        static_cast<std::uint32_t>(limits.max_bytes), static_cast<std::uint32_t>(limits.max_bytes), "", ""});
    return doc;
  }
  if (const auto wide = wide_encoding(text); !wide.empty()) {
    findings.push_back(
        ParseFinding{&catalog::kInvalidEncoding,
                     fmt::format("input looks like {}; callcheck reads UTF-8 only (RFC 8259 section 8.1)", wide), 0,
                     static_cast<std::uint32_t>(std::min<std::size_t>(text.size(), 2)), "",
                     "convert the file to UTF-8, e.g. iconv -f UTF-16 -t UTF-8"});
    return doc;
  }
  std::uint32_t base = 0;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    findings.push_back(ParseFinding{&catalog::kByteOrderMark,
                                    "UTF-8 byte order mark at the start of the input (RFC 8259 section 8.1)", 0, 3, "",
                                    "save the file as UTF-8 without BOM",
                                    Fix{FixSafety::Safe, "remove the byte order mark", {Edit{0, 3, "", {}}}}});
    base = 3;
  }
  // No separate UTF-8 pass: the validating reader rejects what it would
  // reject, and only a parse that did not read to the end asks it where
  // (rapidjson_adapter.h, kStrictParseFlags).
  const std::size_t before_parse = findings.size();
  InsituBuffer &buffer = doc.arena_->text;
  InsituStream stream(buffer.load(text.substr(base)));
  std::vector<std::uint32_t> &newlines = doc.arena_->newlines;
  newlines.clear();
  newlines.push_back(0);
  stream.newlines = &newlines;
  stream.base = base;
  doc.nodes_.reserve(64);
  StrictHandler handler(doc.dom_, text, base, buffer, stream, limits, doc.lines_, doc.nodes_, findings,
                        doc.arena_->scratch);
  rapidjson::ParseResult result;
  std::string error_pointer;
  auto generator = [&](Dom &) {
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>> reader(
        &doc.arena_->reader_stack, kStackCapacity);
    result = reader.Parse<kStrictParseFlags>(stream, handler);
    if (result.IsError()) error_pointer = handler.current_pointer();
    return !result.IsError();
  };
  doc.dom_.Populate(generator);
  handler.finish();
  if (result.IsError() || !buffer.parsed_to_end(stream)) {
    const Utf8Result utf8 = validate_utf8(text.substr(base), true);
    if (utf8.error != Utf8Error::None) {
      // What the text holds comes first, as when the bytes were checked
      // before the parse: whatever the parse found before the bad byte goes.
      doc.nodes_.clear();
      findings.resize(before_parse);
      const auto at = static_cast<std::uint32_t>(base + utf8.offset);
      if (utf8.error == Utf8Error::Nul) {
        findings.push_back(ParseFinding{&catalog::kNulCharacter, "NUL byte in the input: JSON text never contains one",
                                        at, at + 1, "", ""});
      } else {
        findings.push_back(ParseFinding{&catalog::kInvalidEncoding,
                                        fmt::format("{} (byte 0x{:02X})", describe(utf8.error),
                                                    static_cast<unsigned>(static_cast<unsigned char>(text[at]))),
                                        at, at + 1, "", ""});
      }
      return doc;
    }
    // The reader stops early without an error only at a NUL byte.
    if (!result.IsError()) throw std::logic_error("the parse stopped before the end of valid UTF-8 text");
  }
  if (result.IsError()) {
    doc.nodes_.clear();
    if (!handler.stopped_by_limit_) {
      findings.push_back(syntax_finding(text, base, result, std::move(error_pointer)));
    }
    return doc;
  }
  doc.has_dom_ = true;
  // The reader took the whole text: it saw every newline, and whether any
  // byte is not ASCII (a BOM is not), so the evidence spans and findings of
  // a clean body read no text again to be located.
  doc.lines_.adopt(newlines, !stream.non_ascii && base == 0);
  return doc;
}

namespace {

// Calls visit(token) with each unescaped token of `pointer`, in order; false
// when the pointer is malformed or visit returns false. Rules, the scenario
// and the report locate a value a thousand times per payload: the raw tokens
// are used in place and only a token holding '~' (rare) is unescaped, rather
// than building a vector of strings (split_pointer) per call.
template <typename Visit>
auto for_each_token(std::string_view pointer, Visit visit) -> bool {
  if (pointer.empty()) return true;
  if (pointer.front() != '/') return false;
  std::string unescaped;
  for (std::size_t start = 1; start <= pointer.size();) {
    std::size_t stop = pointer.find('/', start);
    if (stop == std::string_view::npos) stop = pointer.size();
    std::string_view token = pointer.substr(start, stop - start);
    if (token.find('~') != std::string_view::npos) {
      const auto tokens = split_pointer(pointer.substr(start - 1, stop - start + 1));  // "/token"
      if (!tokens || tokens->size() != 1) return false;
      unescaped = std::move(tokens->front());
      token = unescaped;
    }
    if (!visit(token)) return false;
    start = stop + 1;
  }
  return true;
}

auto name_of(const Value::ConstMemberIterator &it) -> std::string_view {
  return {it->name.GetString(), it->name.GetStringLength()};
}

}  // namespace

auto Document::find(std::string_view pointer) const -> const Value * {
  if (!has_dom_) return nullptr;
  const Value *current = &dom_;
  const bool found = for_each_token(pointer, [&](std::string_view token) {
    if (current->IsObject()) {
      for (auto it = current->MemberBegin(); it != current->MemberEnd(); ++it) {
        if (name_of(it) == token) {
          current = &it->value;
          return true;
        }
      }
      return false;
    }
    if (current->IsArray()) {
      const auto index = parse_index(token);
      if (!index || *index >= current->Size()) return false;
      current = &(*current)[static_cast<rapidjson::SizeType>(*index)];
      return true;
    }
    return false;
  });
  return found ? current : nullptr;
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
      c.names.emplace(name_of(it), static_cast<std::uint32_t>(c.nodes.size()));  // emplace keeps the first
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
  // A wide container gets its child index (an allocation per child) only
  // once the lookups have walked more siblings than the document has nodes:
  // a report that locates a few members of a wide object scans them, and
  // 10,000 findings in one array still cost O(n) in all.
  auto indexing = [&](std::size_t steps) {
    if (arena_->scanned >= nodes_.size()) return true;
    arena_->scanned += steps;
    return false;
  };
  const Value *current = &dom_;
  std::size_t index = 0;
  const bool found = for_each_token(pointer, [&](std::string_view token) {
    std::size_t child = index + 1;
    if (current->IsObject()) {
      const Value *next = nullptr;
      if (current->MemberCount() > kIndexedWidth && indexing(current->MemberCount())) {
        const Children &c = children(index, *current);
        const auto it = c.names.find(token);
        if (it == c.names.end()) return false;
        child = c.nodes[it->second];
        next = &(current->MemberBegin() + it->second)->value;
      } else {
        for (auto it = current->MemberBegin(); it != current->MemberEnd(); ++it) {
          if (name_of(it) == token) {
            next = &it->value;
            break;
          }
          child += nodes_[child].subtree;
        }
      }
      if (next == nullptr) return false;
      current = next;
    } else if (current->IsArray()) {
      const auto at = parse_index(token);
      if (!at || *at >= current->Size()) return false;
      if (nodes_[index].subtree == current->Size() + 1U) {
        child += *at;  // every element is a leaf: a fixed offset
      } else if (current->Size() > kIndexedWidth && indexing(*at)) {
        child = children(index, *current).nodes[*at];
      } else {
        for (std::size_t i = 0; i < *at; ++i) child += nodes_[child].subtree;
      }
      current = &(*current)[static_cast<rapidjson::SizeType>(*at)];
    } else {
      return false;
    }
    index = child;
    return true;
  });
  if (!found) return nullptr;
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
