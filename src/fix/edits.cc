#include "fix/edits.h"

#include <algorithm>  // std::sort

#include <fmt/format.h>

#include "document/pointer.h"
#include "util/suggest.h"

namespace callcheck::detail {

auto json_quote(std::string_view text) -> std::string {
  std::string out = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(u));
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

auto replace_value(const Document &doc, std::string_view pointer, std::string json) -> std::optional<Edit> {
  const SourceNode *n = doc.node(pointer);
  if (n == nullptr) return std::nullopt;
  return Edit{n->begin, n->end, std::move(json), {}};
}

auto rename_member(const Document &doc, std::string_view pointer, std::string_view name) -> std::optional<Edit> {
  const SourceNode *n = doc.node(pointer);
  if (n == nullptr || n->key_begin == SourceNode::kNone) return std::nullopt;
  return Edit{n->key_begin, n->key_end, json_quote(name), {}};
}

auto remove_entry(const Document &doc, std::string_view pointer) -> std::optional<Edit> {
  const SourceNode *n = doc.node(pointer);
  if (n == nullptr || pointer.empty()) return std::nullopt;
  const SourceNode *parent = doc.node(parent_pointer(pointer));
  if (parent == nullptr) return std::nullopt;
  const std::vector<SourceNode> &nodes = doc.nodes();
  const auto self = static_cast<std::size_t>(n - nodes.data());
  const auto container = static_cast<std::size_t>(parent - nodes.data());
  auto start = [](const SourceNode &s) { return s.key_begin != SourceNode::kNone ? s.key_begin : s.begin; };
  // The siblings just before and after, found by skipping subtrees.
  const SourceNode *previous = nullptr;
  const SourceNode *next = nullptr;
  for (std::size_t child = container + 1; child < container + parent->subtree; child += nodes[child].subtree) {
    if (child < self) previous = &nodes[child];
    if (child > self) {
      next = &nodes[child];
      break;
    }
  }
  // `, x` after a sibling (the comma and the space before the entry go), or
  // `x, ` before the next one: either way the rest of the layout stays.
  if (previous != nullptr) return Edit{previous->end, n->end, "", {}};
  if (next != nullptr) return Edit{start(*n), start(*next), "", {}};
  return Edit{start(*n), n->end, "", {}};
}

auto make_fix(FixSafety safety, std::string description, std::vector<std::optional<Edit>> edits) -> std::optional<Fix> {
  Fix fix{safety, std::move(description), {}};
  for (std::optional<Edit> &e : edits) {
    if (!e) return std::nullopt;
    fix.edits.push_back(std::move(*e));
  }
  std::sort(fix.edits.begin(), fix.edits.end(), [](const Edit &a, const Edit &b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < fix.edits.size(); ++i) {
    if (fix.edits[i].begin < fix.edits[i - 1].end) return std::nullopt;  // a fix never clashes with itself
  }
  return fix;
}

auto unique_closest(std::string_view word, const std::vector<std::string_view> &candidates) -> std::string {
  const Suggestion s = suggest(word, candidates, true);
  return s.unique ? std::string(s.name) : std::string();
}

auto apply_fixes(std::string_view text, std::vector<FixRef> fixes, std::vector<std::string> &applied) -> std::string {
  auto first = [](const FixRef &f) { return f.fix->edits.empty() ? std::size_t{0} : f.fix->edits.front().begin; };
  std::stable_sort(fixes.begin(), fixes.end(), [&](const FixRef &a, const FixRef &b) {
    if (first(a) != first(b)) return first(a) < first(b);
    return a.code < b.code;
  });
  std::vector<const Edit *> taken;
  for (const FixRef &f : fixes) {
    if (f.fix->edits.empty()) continue;
    bool clash = false;
    for (const Edit &e : f.fix->edits) {
      if (e.end > text.size() || e.begin > e.end) clash = true;
      for (const Edit *t : taken) {
        // Touching ranges clash too when either inserts, so two insertions at
        // one place never depend on their order.
        const bool overlap = e.begin < t->end && t->begin < e.end;
        const bool same_point = e.begin == t->begin || e.end == t->end ||
                                (e.begin == e.end && (e.begin == t->begin || e.begin == t->end)) ||
                                (t->begin == t->end && (t->begin == e.begin || t->begin == e.end));
        if (overlap || same_point) clash = true;
      }
    }
    if (clash) continue;
    for (const Edit &e : f.fix->edits) taken.push_back(&e);
    applied.emplace_back(f.code);
  }
  std::sort(taken.begin(), taken.end(), [](const Edit *a, const Edit *b) { return a->begin < b->begin; });
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const Edit *e : taken) {
    out.append(text.substr(at, e->begin - at));
    out.append(e->replacement);
    at = e->end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace callcheck::detail
