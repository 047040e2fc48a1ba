// The document store: what the editor has open, kept in sync (full and
// incremental changes), checked on every change, published as diagnostics.
#include "server/features.h"

#include <algorithm>  // std::max

#include "server/lsp_text.h"

namespace callcheck::server {

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

void apply_changes(Server::Open &doc, const Value *changes) {
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
}

}  // namespace callcheck::server
