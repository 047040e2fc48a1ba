#include "json.h"

#include "server/server.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>  // std::min
#include <cctype>     // std::isalnum
#include <istream>    // std::istream
#include <optional>   // std::optional
#include <ostream>    // std::ostream

#include <fmt/format.h>

#include "callcheck/rules.h"
#include "document/document.h"
#include "document/pointer.h"
#include "extract/extract.h"
#include "fix/fix_file.h"
#include "schema/navigator.h"

namespace callcheck::server {
namespace {

using rapidjson::Value;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// JSON-RPC 2.0 and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;

auto sv(const Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

auto member(const Value *object, const char *name) -> const Value * {
  if (object == nullptr || !object->IsObject()) return nullptr;
  const auto it = object->FindMember(name);
  return it == object->MemberEnd() ? nullptr : &it->value;
}

auto string_at(const Value *object, const char *name) -> std::optional<std::string_view> {
  const Value *v = member(object, name);
  if (v == nullptr || !v->IsString()) return std::nullopt;
  return sv(*v);
}

auto uint_at(const Value *object, const char *name) -> std::optional<std::size_t> {
  const Value *v = member(object, name);
  if (v == nullptr || !v->IsUint64()) return std::nullopt;
  return static_cast<std::size_t>(v->GetUint64());
}

void key(Writer &w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
void str(Writer &w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

// An id is echoed as it came (number or string); null when there is none.
void write_id(Writer &w, const Value *id) {
  if (id == nullptr) {
    w.Null();
  } else if (id->IsString()) {
    str(w, sv(*id));
  } else if (id->IsInt64()) {
    w.Int64(id->GetInt64());
  } else if (id->IsUint64()) {
    w.Uint64(id->GetUint64());
  } else {
    w.Null();
  }
}

// A JSON-RPC response: `member` is "result" or "error", written by `body`.
template <typename Body>
auto response(const Value *id, std::string_view member, Body body) -> std::string {
  rapidjson::StringBuffer b;
  Writer w(b);
  w.StartObject();
  key(w, "jsonrpc");
  str(w, "2.0");
  key(w, "id");
  write_id(w, id);
  key(w, member);
  body(w);
  w.EndObject();
  return b.GetString();
}

auto error_message(const Value *id, int code, std::string_view message) -> std::string {
  return response(id, "error", [&](Writer &w) {
    w.StartObject();
    key(w, "code");
    w.Int(code);
    key(w, "message");
    str(w, message);
    w.EndObject();
  });
}

template <typename Body>
auto result_message(const Value *id, Body body) -> std::string {
  return response(id, "result", body);
}

// ---- positions: byte offsets <-> LSP (line, UTF-16 unit) and ours (line, code point)

auto line_starts(std::string_view text) -> std::vector<std::size_t> {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for a bad byte).
auto sequence_length(unsigned char lead) -> std::size_t {
  if (lead >= 0xF0U && lead < 0xF8U) return 4;
  if (lead >= 0xE0U) return lead < 0xF0U ? 3 : 1;
  if (lead >= 0xC0U) return 2;
  return 1;
}

struct Lines {
  std::string_view text;
  std::vector<std::size_t> starts;
  explicit Lines(std::string_view t) : text(t), starts(line_starts(t)) {}

  [[nodiscard]] auto line_end(std::size_t line) const -> std::size_t {
    std::size_t end = line + 1 < starts.size() ? starts[line + 1] - 1 : text.size();
    if (end > starts[line] && text[end - 1] == '\r') --end;
    return end;
  }
  // LSP position -> byte offset, clamped to the line (as the spec asks).
  [[nodiscard]] auto offset(std::size_t line, std::size_t utf16) const -> std::size_t {
    if (line >= starts.size()) return text.size();
    std::size_t at = starts[line];
    const std::size_t end = line_end(line);
    std::size_t units = 0;
    while (at < end && units < utf16) {
      const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(text[at])), end - at);
      units += n == 4 ? 2 : 1;
      at += n;
    }
    return at;
  }
  // Byte offset -> LSP (line, UTF-16 unit).
  [[nodiscard]] auto position(std::size_t offset) const -> std::pair<std::size_t, std::size_t> {
    offset = std::min(offset, text.size());
    const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - starts.begin()) - 1;
    std::size_t units = 0;
    for (std::size_t at = starts[line]; at < offset;) {
      const std::size_t n = sequence_length(static_cast<unsigned char>(text[at]));
      units += n == 4 ? 2 : 1;
      at += n;
    }
    return {line, units};
  }
  // callcheck's 1-based line:column (code points) -> byte offset.
  [[nodiscard]] auto offset_of(Position p) const -> std::size_t {
    if (p.line == 0 || p.line > starts.size()) return p.line == 0 ? 0 : text.size();
    std::size_t at = starts[p.line - 1];
    for (std::uint32_t c = 1; c < p.column && at < text.size() && text[at] != '\n'; ++c) {
      at += std::min(sequence_length(static_cast<unsigned char>(text[at])), text.size() - at);
    }
    return at;
  }
};

void write_position(Writer &w, std::pair<std::size_t, std::size_t> p) {
  w.StartObject();
  key(w, "line");
  w.Uint64(p.first);
  key(w, "character");
  w.Uint64(p.second);
  w.EndObject();
}

void write_range(Writer &w, const Lines &lines, std::size_t begin, std::size_t end) {
  w.StartObject();
  key(w, "start");
  write_position(w, lines.position(begin));
  key(w, "end");
  write_position(w, lines.position(std::max(begin, end)));
  w.EndObject();
}

auto kind_of(std::string_view uri) -> detail::FixInput {
  std::string lower(uri.substr(uri.find_last_of('/') == std::string_view::npos ? 0 : uri.find_last_of('/')));
  for (char &c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  auto ends = [&](std::string_view s) { return lower.size() >= s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0; };
  if (ends(".md") || ends(".markdown")) return detail::FixInput::Markdown;
  if (ends(".http") || ends(".rest")) return detail::FixInput::Http;
  return detail::FixInput::Json;
}

auto lsp_severity(Severity s) -> int {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 1;
}

// ---- where the cursor is inside a body (JSON, or a Markdown/.http block)

struct BodyAt {
  std::string text;        // the body
  std::size_t offset = 0;  // the cursor, as a byte offset into `text`
};

auto body_at(const Server::Open &doc, detail::FixInput kind, std::size_t line, std::size_t utf16, ApiVersion api)
    -> std::optional<BodyAt> {
  const Lines lines(doc.text);
  if (kind == detail::FixInput::Json) return BodyAt{doc.text, lines.offset(line, utf16)};
  const std::vector<detail::ExtractedBody> bodies =
      kind == detail::FixInput::Markdown ? detail::extract_markdown(doc.text, api) : detail::extract_http(doc.text, api);
  for (const detail::ExtractedBody &b : bodies) {
    if (b.kind != detail::BodyKind::Request) continue;
    const Lines body_lines(b.text);
    const std::size_t first = b.line - 1;
    if (line < first || line >= first + body_lines.starts.size()) continue;
    // The body's lines are the file's from column b.column on.
    const std::size_t file_offset = lines.offset(line, utf16);
    const std::size_t prefix_end = lines.offset_of(Position{static_cast<std::uint32_t>(line + 1), b.column});
    const std::size_t in_line = file_offset > prefix_end ? file_offset - prefix_end : 0;
    const std::size_t body_line_start = body_lines.starts[line - first];
    return BodyAt{b.text, std::min(body_line_start + in_line, body_lines.line_end(line - first))};
  }
  return std::nullopt;
}

// The deepest member whose name or value holds `offset`: its pointer.
auto pointer_at(const detail::Document &doc, std::size_t offset, bool &on_key, std::size_t &width)
    -> std::optional<std::string> {
  if (!doc.has_dom()) return std::nullopt;
  const auto &nodes = doc.nodes();
  std::optional<std::string> found;
  // Iterative walk: nodes are in pre-order, the DOM tells member names.
  struct Frame {
    const Value *value;
    std::size_t node;
    std::string pointer;
  };
  std::vector<Frame> stack{{&doc.root(), 0, ""}};
  while (!stack.empty()) {
    Frame f = std::move(stack.back());
    stack.pop_back();
    const detail::SourceNode &n = nodes[f.node];
    const bool in_value = offset >= n.begin && offset < n.end;
    const bool in_key = n.key_begin != detail::SourceNode::kNone && offset >= n.key_begin && offset < n.key_end;
    if (!in_value && !in_key) continue;
    found = f.pointer;
    on_key = in_key;
    width = n.end - (n.key_begin != detail::SourceNode::kNone ? n.key_begin : n.begin);
    if (in_key) break;
    std::size_t child = f.node + 1;
    if (f.value->IsObject()) {
      for (auto it = f.value->MemberBegin(); it != f.value->MemberEnd(); ++it) {
        stack.push_back({&it->value, child, detail::join_pointer(f.pointer, sv(it->name))});
        child += nodes[child].subtree;
      }
    } else if (f.value->IsArray()) {
      for (rapidjson::SizeType i = 0; i < f.value->Size(); ++i) {
        std::string p = f.pointer;
        detail::append_index(p, i);
        stack.push_back({&(*f.value)[i], child, std::move(p)});
        child += nodes[child].subtree;
      }
    }
  }
  return found;
}

auto description_of(const detail::SchemaNode &node) -> std::string_view {
  for (detail::SchemaNode n : {node, detail::Navigator::deref(node)}) {
    if (n.schema == nullptr || !n.schema->IsObject()) continue;
    const auto it = n.schema->FindMember("description");
    if (it != n.schema->MemberEnd() && it->value.IsString()) return sv(it->value);
  }
  return {};
}

// The schema declared for member `pointer` (with its annotations).
auto declared_schema(const detail::Document &doc, const detail::Navigator &nav, const std::string &pointer)
    -> detail::SchemaNode {
  if (pointer.empty()) return nav.root();
  const std::string parent(detail::parent_pointer(pointer));
  const Value *owner = doc.find(parent);
  if (owner == nullptr) return {};
  const detail::SchemaNode owner_node = nav.at(doc, parent);
  if (owner->IsArray()) return nav.element(owner_node, *owner);
  if (!owner->IsObject()) return {};
  return nav.member(owner_node, *owner, detail::last_token(pointer));
}

// ---- completion on a body that is being typed (it may not parse)

struct CursorContext {
  std::vector<std::string> path;  // member names / indexes of the enclosing container
  bool object = false;            // the container is an object
  bool key = false;               // a member name is expected (or being typed)
  bool in_string = false;         // the cursor is inside quotes
  std::string member;             // value position: the member whose value it is
  std::string closed;             // the text before the cursor, completed into JSON
};

// Scans `text` up to `offset` like a JSON tokenizer, then closes what is open,
// so the schema navigator can be asked about the enclosing object (an
// `@odata.type` written before the cursor still picks the derived type).
auto cursor_context(std::string_view text, std::size_t offset) -> CursorContext {
  struct Frame {
    bool object;
    std::string key;
    std::size_t index = 0;
    bool expect_key = true;
  };
  std::vector<Frame> stack;
  CursorContext c;
  std::size_t token_start = std::string::npos;  // start of the string holding the cursor
  std::string last_string;
  bool string_is_key = false;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    const char ch = text[i];
    if (ch == '"') {
      const std::size_t start = i;
      std::string s;
      ++i;
      while (i < offset && text[i] != '"') {
        if (text[i] == '\\' && i + 1 < offset) ++i;
        s += text[i];
        ++i;
      }
      const bool is_key = !stack.empty() && stack.back().object && stack.back().expect_key;
      if (i >= offset) {  // the cursor is inside this string
        token_start = start;
        c.in_string = true;
        string_is_key = is_key;
        break;
      }
      last_string = s;
      if (is_key) stack.back().key = s;
      continue;
    }
    if (ch == '{' || ch == '[') {
      stack.push_back(Frame{ch == '{', "", 0, ch == '{'});
    } else if (ch == '}' || ch == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (ch == ':') {
      if (!stack.empty()) stack.back().expect_key = false;
    } else if (ch == ',') {
      if (!stack.empty()) {
        stack.back().expect_key = stack.back().object;
        ++stack.back().index;
      }
    }
    if (stack.size() > 256) break;  // deeper than any limit: no completion
  }
  if (stack.empty()) return c;
  for (std::size_t k = 0; k + 1 < stack.size(); ++k) {
    c.path.push_back(stack[k].object ? stack[k].key : std::to_string(stack[k].index));
  }
  const Frame &top = stack.back();
  c.object = top.object;
  c.key = top.object && (c.in_string ? string_is_key : top.expect_key);
  if (top.object && !c.key) c.member = top.key;
  // Close it: drop the token being typed and anything after the last
  // complete value, then the open brackets.
  std::string closed(text.substr(0, token_start != std::string::npos ? token_start : offset));
  while (!closed.empty()) {
    const char b = closed.back();
    if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || std::isalnum(static_cast<unsigned char>(b)) != 0 || b == '-' ||
        b == '.' || b == '+') {
      closed.pop_back();
    } else {
      break;
    }
  }
  if (!closed.empty() && closed.back() == ',') closed.pop_back();
  if (!closed.empty() && closed.back() == ':') {
    // `"key":` with no value yet: drop the dangling key too.
    closed.pop_back();
    while (!closed.empty() && closed.back() != '"') closed.pop_back();
    if (!closed.empty()) closed.pop_back();
    while (!closed.empty() && closed.back() != '"') closed.pop_back();
    if (!closed.empty()) closed.pop_back();
    while (!closed.empty() && (closed.back() == ' ' || closed.back() == '\n' || closed.back() == '\t' || closed.back() == '\r')) closed.pop_back();
    if (!closed.empty() && closed.back() == ',') closed.pop_back();
  }
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) closed += it->object ? '}' : ']';
  c.closed = std::move(closed);
  return c;
}

}  // namespace

auto uri_to_path(std::string_view uri) -> std::string {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return {};
  std::string_view rest = uri.substr(kScheme.size());
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return {};
  rest = rest.substr(slash);  // drop an authority ("localhost")
  std::string out;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex(rest[i + 1]) >= 0 && hex(rest[i + 2]) >= 0) {
      const char c = static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2]));
      if (c == '\0') return {};  // a NUL would cut the path short
      out += c;
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

Server::Server(Resolver resolver) : resolver_(std::move(resolver)) {}

namespace {

struct Context {
  std::map<std::string, Server::Open> &documents;
  const Resolver &resolver;
};

auto resolve(const Resolver &resolver, const std::string &path) -> Resolved {
  if (!resolver || path.empty()) return Resolved{};
  try {
    return resolver(path);
  } catch (const std::exception &) {
    return Resolved{};  // an unreadable configuration: the defaults
  }
}

void analyse(const std::string &uri, Server::Open &doc, const Resolver &resolver) {
  const Resolved r = resolve(resolver, doc.path);
  const std::string name = doc.path.empty() ? uri : doc.path;
  doc.reports = detail::check_input(doc.text, kind_of(uri), name, r.options);
  if (r.post) {
    for (Report &report : doc.reports) r.post(report);
  }
}

auto publish(const std::string &uri, const Server::Open &doc) -> std::string {
  const Lines lines(doc.text);
  rapidjson::StringBuffer b;
  Writer w(b);
  w.StartObject();
  key(w, "jsonrpc");
  str(w, "2.0");
  key(w, "method");
  str(w, "textDocument/publishDiagnostics");
  key(w, "params");
  w.StartObject();
  key(w, "uri");
  str(w, uri);
  key(w, "version");
  w.Int64(doc.version);
  key(w, "diagnostics");
  w.StartArray();
  for (const Report &r : doc.reports) {
    for (const Diagnostic &d : r.diagnostics) {
      w.StartObject();
      key(w, "range");
      const std::size_t begin = lines.offset_of(d.span.begin);
      const std::size_t end = d.span.end.line == 0 ? begin : lines.offset_of(d.span.end);
      write_range(w, lines, begin, end);
      key(w, "severity");
      w.Int(lsp_severity(d.severity));
      key(w, "code");
      str(w, d.code);
      key(w, "source");
      str(w, "callcheck");
      key(w, "message");
      str(w, d.help.empty() ? d.message : d.message + " (" + d.help + ")");
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  return b.GetString();
}

void write_text_edit(Writer &w, const Lines &lines, std::size_t begin, std::size_t end, std::string_view text) {
  w.StartObject();
  key(w, "range");
  write_range(w, lines, begin, end);
  key(w, "newText");
  str(w, text);
  w.EndObject();
}

// {"changes": {uri: [edits]}}
template <typename Edits>
void write_workspace_edit(Writer &w, const std::string &uri, Edits edits) {
  w.StartObject();
  key(w, "changes");
  w.StartObject();
  key(w, uri);
  w.StartArray();
  edits();
  w.EndArray();
  w.EndObject();
  w.EndObject();
}

auto hover_markdown(const Server::Open &doc, const std::string &uri, std::size_t line, std::size_t character,
                    const Options &options) -> std::string {
  const Lines lines(doc.text);
  const std::size_t at = lines.offset(line, character);
  // The narrowest finding under the cursor.
  const Diagnostic *finding = nullptr;
  std::size_t finding_width = 0;
  for (const Report &r : doc.reports) {
    for (const Diagnostic &d : r.diagnostics) {
      const std::size_t begin = lines.offset_of(d.span.begin);
      const std::size_t end = std::max(begin + 1, lines.offset_of(d.span.end));
      if (at < begin || at >= end || find_rule(d.code) == nullptr) continue;
      if (finding == nullptr || end - begin < finding_width) {
        finding = &d;
        finding_width = end - begin;
      }
    }
  }
  // The member under the cursor: its schema's description.
  std::string member_text;
  std::size_t member_width = 0;
  const ApiVersion api = options.api;
  if (const auto body = body_at(doc, kind_of(uri), line, character, api)) {
    const detail::Document parsed = detail::Document::parse(body->text, options.limits);
    bool on_key = false;
    const auto pointer = pointer_at(parsed, body->offset, on_key, member_width);
    if (pointer && !pointer->empty()) {
      const detail::Navigator &nav = detail::Navigator::for_call(api);
      const std::string_view description = description_of(declared_schema(parsed, nav, *pointer));
      const std::string_view type = detail::Navigator::type_name(nav.at(parsed, *pointer));
      if (!description.empty() || !type.empty()) {
        member_text = fmt::format("`{}`", detail::last_token(*pointer));
        if (!type.empty()) member_text += fmt::format(": {}", type);
        if (!description.empty()) member_text += fmt::format("\n\n{}", description);
      }
    }
  }
  // A finding about this very value (or narrower) gets the rule's docs; one
  // about the whole object around it only a line under the member's.
  if (finding != nullptr && (member_text.empty() || finding_width <= member_width)) {
    const RuleMeta *meta = find_rule(finding->code);
    return fmt::format("**{} {}** ({}): {}\n\n{}", meta->code, meta->name, to_string(finding->severity),
                       finding->message, meta->explanation);
  }
  if (finding != nullptr) {
    member_text += fmt::format("\n\n---\n**{} {}**: {}", finding->code, finding->name, finding->message);
  }
  return member_text;
}

}  // namespace

auto Server::handle(std::string_view body) -> std::vector<std::string> {
  std::vector<std::string> out;
  rapidjson::Document message;
  // Copy: the parser needs a terminated buffer and the message may not be one.
  // Iterative, so a client's [[[[... cannot exhaust the stack; serve() caps
  // the size, and nothing here walks the DOM recursively.
  const std::string copy(body);
  message.Parse<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(copy.c_str(), copy.size());
  if (message.HasParseError()) {
    out.push_back(error_message(nullptr, kParseError, "the message is not JSON"));
    return out;
  }
  try {
    dispatch(&message, out);
  } catch (const std::exception &e) {
    // A bug or an allocation failure: answer, keep serving.
    const Value *id = member(&message, "id");
    if (id != nullptr && member(&message, "method") != nullptr) {
      out.push_back(error_message(id, -32603, std::string("internal error: ") + e.what()));
    }
  }
  return out;
}

auto Server::dispatch(const void *raw, std::vector<std::string> &out) -> void {
  const Value &message = *static_cast<const rapidjson::Document *>(raw);
  if (!message.IsObject()) {
    out.push_back(error_message(nullptr, kInvalidRequest, "a message is a JSON object"));
    return;
  }
  const Value *id = member(&message, "id");
  if (id != nullptr && !id->IsString() && !id->IsInt64() && !id->IsUint64()) id = nullptr;
  const auto method = string_at(&message, "method");
  if (!method) {
    // A response to something we never sent, or junk.
    if (member(&message, "result") == nullptr && member(&message, "error") == nullptr) {
      out.push_back(error_message(id, kInvalidRequest, "a request needs a method"));
    }
    return;
  }
  const bool request = member(&message, "id") != nullptr;
  const Value *params = member(&message, "params");
  auto reply_error = [&](int code, std::string_view text) {
    if (request) out.push_back(error_message(id, code, text));
  };

  if (*method == "initialize") {
    initialized_ = true;
    out.push_back(result_message(id, [](Writer &w) {
      w.StartObject();
      key(w, "capabilities");
      w.StartObject();
      key(w, "positionEncoding");
      str(w, "utf-16");
      key(w, "textDocumentSync");
      w.StartObject();
      key(w, "openClose");
      w.Bool(true);
      key(w, "change");
      w.Int(2);  // incremental
      key(w, "save");
      w.Bool(true);
      w.EndObject();
      key(w, "codeActionProvider");
      w.StartObject();
      key(w, "codeActionKinds");
      w.StartArray();
      str(w, "quickfix");
      str(w, "source.fixAll.callcheck");
      w.EndArray();
      w.EndObject();
      key(w, "hoverProvider");
      w.Bool(true);
      key(w, "completionProvider");
      w.StartObject();
      key(w, "triggerCharacters");
      w.StartArray();
      str(w, "\"");
      w.EndArray();
      w.EndObject();
      w.EndObject();
      key(w, "serverInfo");
      w.StartObject();
      key(w, "name");
      str(w, "callcheck");
      w.EndObject();
      w.EndObject();
    }));
    return;
  }
  if (*method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_) {
    reply_error(kServerNotInitialized, "initialize first");
    return;
  }
  if (*method == "initialized" || *method == "$/cancelRequest" || *method == "$/setTrace" ||
      *method == "workspace/didChangeConfiguration") {
    return;
  }
  if (*method == "shutdown") {
    shutdown_ = true;
    out.push_back(result_message(id, [](Writer &w) { w.Null(); }));
    return;
  }
  if (shutdown_) {
    reply_error(kInvalidRequest, "the server is shutting down");
    return;
  }

  const Value *text_document = member(params, "textDocument");
  const auto uri_value = string_at(text_document, "uri");
  if (!uri_value) {
    if (method->substr(0, 13) == "textDocument/") {
      reply_error(kInvalidParams, "textDocument.uri is missing");
    } else {
      reply_error(kMethodNotFound, fmt::format("unsupported method {}", *method));
    }
    return;
  }
  const std::string uri(*uri_value);

  if (*method == "textDocument/didOpen") {
    const auto text = string_at(text_document, "text");
    if (!text) return;
    Open &doc = documents_[uri];
    doc.path = uri_to_path(uri);
    doc.text = std::string(*text);
    const Value *version = member(text_document, "version");
    doc.version = version != nullptr && version->IsInt64() ? version->GetInt64() : 0;
    analyse(uri, doc, resolver_);
    out.push_back(publish(uri, doc));
    return;
  }
  const auto found = documents_.find(uri);
  if (found == documents_.end()) {
    reply_error(kInvalidParams, "the document is not open");
    return;
  }
  Open &doc = found->second;

  if (*method == "textDocument/didChange") {
    const Value *changes = member(params, "contentChanges");
    if (changes == nullptr || !changes->IsArray()) return;
    for (const Value &change : changes->GetArray()) {
      const auto text = string_at(&change, "text");
      if (!text) continue;
      const Value *range = member(&change, "range");
      if (range == nullptr) {
        doc.text = std::string(*text);
        continue;
      }
      const Value *start = member(range, "start");
      const Value *end = member(range, "end");
      const auto sl = uint_at(start, "line");
      const auto sc = uint_at(start, "character");
      const auto el = uint_at(end, "line");
      const auto ec = uint_at(end, "character");
      if (!sl || !sc || !el || !ec) continue;
      const Lines lines(doc.text);
      const std::size_t b = lines.offset(*sl, *sc);
      const std::size_t e = std::max(b, lines.offset(*el, *ec));
      doc.text.replace(b, e - b, *text);
    }
    const Value *version = member(text_document, "version");
    if (version != nullptr && version->IsInt64()) doc.version = version->GetInt64();
    analyse(uri, doc, resolver_);
    out.push_back(publish(uri, doc));
    return;
  }
  if (*method == "textDocument/didSave") {
    if (const auto text = string_at(params, "text")) doc.text = std::string(*text);
    analyse(uri, doc, resolver_);  // the configuration may have changed on disk
    out.push_back(publish(uri, doc));
    return;
  }
  if (*method == "textDocument/didClose") {
    documents_.erase(found);
    // Clear what the editor shows for it.
    Open empty;
    out.push_back(publish(uri, empty));
    return;
  }
  if (*method == "textDocument/codeAction") {
    const Lines lines(doc.text);
    const Value *range = member(params, "range");
    const auto sl = uint_at(member(range, "start"), "line");
    const auto sc = uint_at(member(range, "start"), "character");
    const auto el = uint_at(member(range, "end"), "line");
    const auto ec = uint_at(member(range, "end"), "character");
    if (!sl || !sc || !el || !ec) {
      reply_error(kInvalidParams, "range is missing");
      return;
    }
    const std::size_t want_begin = lines.offset(*sl, *sc);
    const std::size_t want_end = lines.offset(*el, *ec);
    const detail::FixInput kind = kind_of(uri);
    const Resolved config = resolve(resolver_, doc.path);
    const detail::FixResult all = detail::fix_text(doc.text, kind, doc.path.empty() ? uri : doc.path, config.options,
                                                   false);
    out.push_back(result_message(id, [&](Writer &w) {
      w.StartArray();
      for (const Report &r : doc.reports) {
        for (const Diagnostic &d : r.diagnostics) {
          if (!d.fix) continue;
          const std::size_t begin = lines.offset_of(d.span.begin);
          const std::size_t end = std::max(begin + 1, lines.offset_of(d.span.end));
          if (end < want_begin || begin > std::max(want_begin, want_end)) continue;
          const auto mapped = detail::map_fix(*d.fix, doc.text, kind);
          if (!mapped) continue;
          w.StartObject();
          key(w, "title");
          str(w, fmt::format("{}: {}{}", d.code, mapped->description,
                             mapped->safety == FixSafety::Unsafe ? " (unsafe)" : ""));
          key(w, "kind");
          str(w, "quickfix");
          key(w, "isPreferred");
          w.Bool(mapped->safety == FixSafety::Safe);
          key(w, "diagnostics");
          w.StartArray();
          w.StartObject();
          key(w, "range");
          write_range(w, lines, begin, lines.offset_of(d.span.end));
          key(w, "code");
          str(w, d.code);
          key(w, "source");
          str(w, "callcheck");
          key(w, "message");
          str(w, d.message);
          w.EndObject();
          w.EndArray();
          key(w, "edit");
          write_workspace_edit(w, uri, [&] {
            for (const Edit &e : mapped->edits) write_text_edit(w, lines, e.begin, e.end, e.replacement);
          });
          w.EndObject();
        }
      }
      if (all.fixed > 0 && all.parses) {
        w.StartObject();
        key(w, "title");
        str(w, fmt::format("callcheck: fix all safe ({})", all.fixed));
        key(w, "kind");
        str(w, "source.fixAll.callcheck");
        key(w, "edit");
        write_workspace_edit(w, uri, [&] { write_text_edit(w, lines, 0, doc.text.size(), all.text); });
        w.EndObject();
      }
      w.EndArray();
    }));
    return;
  }
  const Value *position = member(params, "position");
  const auto line = uint_at(position, "line");
  const auto character = uint_at(position, "character");
  if (*method == "textDocument/hover" || *method == "textDocument/completion") {
    if (!line || !character) {
      reply_error(kInvalidParams, "position is missing");
      return;
    }
  }
  if (*method == "textDocument/hover") {
    const std::string text = hover_markdown(doc, uri, *line, *character, resolve(resolver_, doc.path).options);
    out.push_back(result_message(id, [&](Writer &w) {
      if (text.empty()) {
        w.Null();
        return;
      }
      w.StartObject();
      key(w, "contents");
      w.StartObject();
      key(w, "kind");
      str(w, "markdown");
      key(w, "value");
      str(w, text);
      w.EndObject();
      w.EndObject();
    }));
    return;
  }
  if (*method == "textDocument/completion") {
    const Resolved config = resolve(resolver_, doc.path);
    const auto body = body_at(doc, kind_of(uri), *line, *character, config.options.api);
    std::vector<std::pair<std::string, std::string>> items;  // label, detail
    bool values = false;
    CursorContext c;
    if (body && body->text.size() <= config.options.limits.max_bytes) {
      c = cursor_context(body->text, body->offset);
      const detail::Document closed = detail::Document::parse(c.closed, config.options.limits);
      if (closed.has_dom() && c.object) {
        const detail::Navigator &nav = detail::Navigator::for_call(config.options.api);
        std::string pointer;
        for (const std::string &t : c.path) pointer = detail::join_pointer(pointer, t);
        const Value *container = closed.find(pointer);
        const detail::SchemaNode schema = nav.at(closed, pointer);
        if (c.key && container != nullptr && container->IsObject()) {
          for (const std::string_view name : detail::Navigator::property_names(schema)) {
            if (container->HasMember(std::string(name).c_str())) continue;
            items.emplace_back(name, std::string(description_of(nav.member(schema, *container, name))));
          }
        } else if (!c.key && !c.member.empty() && container != nullptr && container->IsObject()) {
          values = true;
          const detail::SchemaNode m = nav.member(schema, *container, c.member);
          std::vector<std::string_view> allowed = detail::Navigator::enum_values(detail::Navigator::deref(m));
          if (c.member == "@odata.type") {
            // The slot's discriminator: the types this object may be.
            const std::string parent(detail::parent_pointer(pointer));
            const Value *owner = closed.find(parent);
            if (!pointer.empty() && owner != nullptr && owner->IsObject()) {
              const detail::SchemaNode slot = nav.member(nav.at(closed, parent), *owner, detail::last_token(pointer));
              for (const std::string_view v : detail::Navigator::discriminator_values(slot)) {
                if (!v.empty() && v.front() == '#') allowed.push_back(v);
              }
            }
          }
          for (const std::string_view v : allowed) items.emplace_back(v, "");
        }
      }
    }
    out.push_back(result_message(id, [&](Writer &w) {
      w.StartObject();
      key(w, "isIncomplete");
      w.Bool(false);
      key(w, "items");
      w.StartArray();
      for (const auto &[label, detail_text] : items) {
        w.StartObject();
        key(w, "label");
        str(w, label);
        key(w, "kind");
        w.Int(values ? 20 : 10);  // EnumMember / Property
        key(w, "insertText");
        str(w, c.in_string ? label : "\"" + label + "\"");
        if (!detail_text.empty()) {
          key(w, "documentation");
          str(w, detail_text);
        }
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }));
    return;
  }
  reply_error(kMethodNotFound, fmt::format("unsupported method {}", *method));
}

auto serve(std::istream &in, std::ostream &out, Server &server, std::size_t max_message) -> int {
  auto send = [&](const std::string &body) {
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
  };
  std::string line;
  while (!server.exited()) {
    // Headers: up to an empty line. Unknown headers are ignored.
    std::optional<std::size_t> length;
    bool bad_header = false;
    bool any = false;
    std::size_t header_bytes = 0;
    while (true) {
      if (!std::getline(in, line)) return server.exited() ? server.exit_code() : 1;
      header_bytes += line.size() + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) {
        if (any) break;
        continue;  // stray blank lines between messages
      }
      any = true;
      if (header_bytes > 4096) bad_header = true;
      constexpr std::string_view kLength = "content-length:";
      std::string lower = line.substr(0, kLength.size());
      for (char &ch : lower) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      if (lower == kLength) {
        std::string_view value(line);
        value.remove_prefix(kLength.size());
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        std::size_t n = 0;
        bool digits = !value.empty() && value.size() <= 18;
        for (const char ch : value) {
          if (ch < '0' || ch > '9') {
            digits = false;
            break;
          }
          n = n * 10 + static_cast<std::size_t>(ch - '0');
        }
        if (digits) {
          length = n;
        } else {
          bad_header = true;
        }
      }
    }
    if (bad_header || !length) {
      // Without a length the next message cannot be found: say so and read on
      // from the next header block.
      send(error_message(nullptr, kParseError, "a message needs a valid Content-Length header"));
      continue;
    }
    if (*length > max_message) {
      in.ignore(static_cast<std::streamsize>(*length));
      send(error_message(nullptr, kInvalidRequest,
                         fmt::format("message of {} bytes is over the limit of {}", *length, max_message)));
      continue;
    }
    std::string body(*length, '\0');
    in.read(body.data(), static_cast<std::streamsize>(*length));
    if (static_cast<std::size_t>(in.gcount()) != *length) return 1;  // the client went away mid-message
    for (const std::string &reply : server.handle(body)) send(reply);
  }
  return server.exit_code();
}

}  // namespace callcheck::server
