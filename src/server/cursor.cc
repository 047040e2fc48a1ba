#include "server/features.h"

#include <algorithm>  // std::min

#include "document/pointer.h"
#include "extract/extract.h"
#include "server/lsp_text.h"

namespace callcheck::server {

auto body_at(const Server::Open &doc, detail::FixInput kind, std::size_t line, std::size_t utf16, ApiVersion api)
    -> std::optional<BodyAt> {
  const Lines lines(doc.text);
  if (kind == detail::FixInput::Json) return BodyAt{doc.text, lines.offset(line, utf16)};
  const std::vector<detail::ExtractedBody> bodies = kind == detail::FixInput::Markdown
                                                        ? detail::extract_markdown(doc.text, api)
                                                        : detail::extract_http(doc.text, api);
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
    if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || std::isalnum(static_cast<unsigned char>(b)) != 0 ||
        b == '-' || b == '.' || b == '+') {
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
    while (!closed.empty() &&
           (closed.back() == ' ' || closed.back() == '\n' || closed.back() == '\t' || closed.back() == '\r'))
      closed.pop_back();
    if (!closed.empty() && closed.back() == ',') closed.pop_back();
  }
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) closed += it->object ? '}' : ']';
  c.closed = std::move(closed);
  return c;
}

}  // namespace callcheck::server
