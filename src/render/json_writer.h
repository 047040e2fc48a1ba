// What the JSON-based renderers (json, sarif) share: one writer type and the
// summary object, so the two documents never disagree on the totals.
#ifndef CALLCHECK_RENDER_JSON_WRITER_H_
#define CALLCHECK_RENDER_JSON_WRITER_H_

#include "document/rapidjson_adapter.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <cstddef>      // std::size_t
#include <ostream>      // std::ostream
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/render.h"
#include "render/escape.h"

namespace callcheck::detail {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

// A RapidJSON output stream that hands the std::ostream whole blocks.
// OStreamWrapper calls std::ostream::put per character (a sentry each
// time): 72 % of rendering a report. `drain()` passes on what is buffered;
// Flush() (the writer calls it after the top-level value) also flushes.
class JsonStream {
 public:
  using Ch = char;
  explicit JsonStream(std::ostream &out) : out_(out) {}
  JsonStream(const JsonStream &) = delete;
  auto operator=(const JsonStream &) -> JsonStream & = delete;
  JsonStream(JsonStream &&) = delete;
  auto operator=(JsonStream &&) -> JsonStream & = delete;
  ~JsonStream() { drain(); }

  void Put(char c) {  // NOLINT(readability-identifier-naming): RapidJSON's stream concept
    if (size_ == sizeof buffer_) drain();
    buffer_[size_++] = c;
  }
  void Flush() {  // NOLINT(readability-identifier-naming)
    drain();
    out_.flush();
  }
  // Text already in the document's form (render/json.cc json_file_chunk()).
  void write(std::string_view text) {
    drain();
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  void drain() {
    if (size_ == 0) return;
    out_.write(buffer_, static_cast<std::streamsize>(size_));
    size_ = 0;
  }

 private:
  std::ostream &out_;
  std::size_t size_ = 0;
  char buffer_[4096];
};
using BufferedJsonWriter = rapidjson::PrettyWriter<JsonStream>;

// The helpers take either writer (JsonWriter, BufferedJsonWriter).

// Strings the writer's own escaping is not enough for (escape.h: ill-formed
// UTF-8, DEL, C1 and bidi controls, "##[") are written as a literal we build.
template <typename Writer>
inline void string(Writer &w, std::string_view s) {
  if (json_plain(s)) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return;
  }
  const std::string literal = json_string_literal(s);
  w.RawValue(literal.data(), literal.size(), rapidjson::kStringType);
}
template <typename Writer>
inline void key(Writer &w, std::string_view s) {
  w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// "scenario", "required_scopes" (canonical names), "scope_reasons" and
// "alternatives": the same members in `check --format json` and `scopes --format json`.
template <typename Writer>
inline void write_scenario_and_scopes(Writer &w, const Report &r) {
  key(w, "scenario");
  w.StartObject();
  key(w, "kind");
  string(w, to_string(r.scenario.kind));
  key(w, "media");
  string(w, to_string(r.scenario.media));
  key(w, "evidence");
  string(w, r.scenario.evidence);
  key(w, "media_evidence");
  string(w, r.scenario.media_evidence);
  key(w, "summary");
  string(w, r.scenario.summary);
  w.EndObject();
  key(w, "required_scopes");
  w.StartArray();
  for (const Scope &s : r.required_scopes) string(w, s.name);
  w.EndArray();
  key(w, "scope_reasons");
  w.StartArray();
  for (const Scope &s : r.required_scopes) {
    w.StartObject();
    key(w, "name");
    string(w, s.name);
    key(w, "reason");
    string(w, s.reason);
    w.EndObject();
  }
  w.EndArray();
  key(w, "alternatives");
  w.StartArray();
  for (const ScopeAlternative &alt : r.alternatives) {
    w.StartObject();
    key(w, "scopes");
    w.StartArray();
    for (const Scope &s : alt.scopes) string(w, s.name);
    w.EndArray();
    key(w, "note");
    string(w, alt.note);
    w.EndObject();
  }
  w.EndArray();
}

// A diagnostic's fix as replacements (line:column ranges of the reported
// file, end exclusive), as report.schema.json describes.
template <typename Writer>
inline void write_fix(Writer &w, const Fix &fix) {
  w.StartObject();
  key(w, "safety");
  string(w, to_string(fix.safety));
  key(w, "description");
  string(w, fix.description);
  key(w, "edits");
  w.StartArray();
  for (const Edit &e : fix.edits) {
    w.StartObject();
    key(w, "line");
    w.Uint(e.span.begin.line);
    key(w, "column");
    w.Uint(e.span.begin.column);
    key(w, "endLine");
    w.Uint(e.span.end.line);
    key(w, "endColumn");
    w.Uint(e.span.end.column);
    key(w, "replacement");
    string(w, e.replacement);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

template <typename Writer>
inline void write_summary(Writer &w, const Summary &s) {
  w.StartObject();
  key(w, "files");
  w.Uint64(s.files);
  key(w, "errors");
  w.Uint64(s.errors);
  key(w, "warnings");
  w.Uint64(s.warnings);
  key(w, "infos");
  w.Uint64(s.infos);
  key(w, "input_errors");
  w.Uint64(s.input_errors);
  key(w, "files_with_findings");
  w.Uint64(s.files_with_findings);
  key(w, "omitted");
  w.Uint64(s.omitted);
  if (s.fixing) {
    key(w, "fixed");
    w.Uint64(s.fixed);
  }
  w.EndObject();
}

// The `audit` object of `callcheck audit --format json` (and SARIF's run
// properties): report.schema.json's "audit" definition.
template <typename Writer>
inline void write_position(Writer &w, Position p) {
  key(w, "line");
  w.Uint(p.line);
  key(w, "column");
  w.Uint(p.column);
}

template <typename Writer>
inline void write_names(Writer &w, std::string_view name, const std::vector<std::string> &names) {
  key(w, name);
  w.StartArray();
  for (const std::string &n : names) string(w, n);
  w.EndArray();
}

template <typename Writer>
inline void write_audit(Writer &w, const AuditSummary &a) {
  w.StartObject();
  write_names(w, "required", a.required);
  write_names(w, "declared", a.declared);
  write_names(w, "missing", a.missing);
  write_names(w, "excess", a.excess);
  write_names(w, "not_evaluated", a.not_evaluated);
  key(w, "needs");
  w.StartArray();
  for (const AuditNeed &n : a.needs) {
    w.StartObject();
    key(w, "name");
    string(w, n.name);
    key(w, "rsc");
    w.Bool(n.rsc);
    key(w, "needed_by");
    w.StartArray();
    for (const AuditPayload &p : n.needed_by) {
      w.StartObject();
      key(w, "path");
      string(w, p.source);
      if (!p.origin.empty()) {
        key(w, "origin");
        string(w, p.origin);
      }
      write_position(w, p.position);
      key(w, "reason");
      string(w, p.reason);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  key(w, "declarations");
  w.StartArray();
  for (const AuditDeclaration &d : a.declarations) {
    w.StartObject();
    key(w, "path");
    string(w, d.source);
    key(w, "format");
    string(w, d.format);
    key(w, "method");
    string(w, d.method);
    key(w, "note");
    string(w, d.note);
    key(w, "entries");
    w.Uint64(d.entries);
    w.EndObject();
  }
  w.EndArray();
  key(w, "entries");
  w.StartArray();
  for (const AuditEntry &e : a.entries) {
    w.StartObject();
    key(w, "path");
    string(w, e.source);
    write_position(w, e.position);
    key(w, "id");
    string(w, e.id);
    key(w, "name");
    string(w, e.name);
    key(w, "written");
    string(w, e.written);
    key(w, "type");
    string(w, e.type);
    key(w, "method");
    string(w, e.method);
    key(w, "application");
    string(w, e.application);
    key(w, "counted");
    w.Bool(e.counted);
    w.EndObject();
  }
  w.EndArray();
  key(w, "payloads");
  w.Uint64(a.payloads);
  key(w, "unaudited");
  w.Uint64(a.unaudited);
  key(w, "permission_table");
  string(w, a.table_version);
  w.EndObject();
}

}  // namespace callcheck::detail

#endif  // CALLCHECK_RENDER_JSON_WRITER_H_
