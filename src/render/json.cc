// The `--format json` document; its contract is schemas/callcheck/report.schema.json.
#include "document/rapidjson_adapter.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "callcheck/rules.h"
#include "render/json_writer.h"
#include "render/renderers.h"
#include "rules/urls.h"

namespace callcheck::detail {
namespace {

// The members of one file's object in "files" (report.schema.json).
template <typename Writer>
void write_file_object(Writer &w, const Report &r) {
  w.StartObject();
  key(w, "path");
  string(w, r.source);
  if (!r.origin.empty()) {
    key(w, "origin");
    string(w, r.origin);
  }
  key(w, "input_error");
  w.Bool(r.input_error);
  key(w, "omitted");
  w.Uint64(r.omitted);
  key(w, "diagnostics");
  w.StartArray();
  for (const Diagnostic &d : r.diagnostics) {
    w.StartObject();
    key(w, "code");
    string(w, d.code);
    key(w, "name");
    string(w, d.name);
    key(w, "severity");
    string(w, to_string(d.severity));
    key(w, "message");
    string(w, d.message);
    key(w, "pointer");
    string(w, d.pointer);
    key(w, "line");
    w.Uint(d.span.begin.line);
    key(w, "column");
    w.Uint(d.span.begin.column);
    key(w, "endLine");
    w.Uint(d.span.end.line);
    key(w, "endColumn");
    w.Uint(d.span.end.column);
    if (!d.help.empty()) {
      key(w, "help");
      string(w, d.help);
    }
    if (const std::string_view url = rule_url_view(d.code); !url.empty()) {
      key(w, "url");
      string(w, url);
    }
    if (d.fix) {
      key(w, "fix");
      write_fix(w, *d.fix);
    }
    w.EndObject();
  }
  w.EndArray();
  // Which calls-API request the body was checked as (issue 12); a null
  // name when it could not be decided (CC251/CC252).
  key(w, "request");
  w.StartObject();
  key(w, "name");
  if (r.request.name.empty()) {
    w.Null();
  } else {
    string(w, r.request.name);
  }
  key(w, "decided_by");
  if (r.request.decided_by.empty()) {
    w.Null();
  } else {
    string(w, r.request.decided_by);
  }
  w.EndObject();
  write_scenario_and_scopes(w, r);
  w.EndObject();
}

// The writer of the document, which can also start a value written elsewhere.
class Writer final : public BufferedJsonWriter {
 public:
  using BufferedJsonWriter::BufferedJsonWriter;
  void value_prefix() { PrettyPrefix(rapidjson::kObjectType); }
};

class JsonRenderer final : public Renderer {
 public:
  void begin(std::ostream &out) override {
    stream_ = std::make_unique<JsonStream>(out);
    writer_ = std::make_unique<Writer>(*stream_);
    writer_->SetIndent(' ', 2);
    writer_->StartObject();
    key(*writer_, "version");
    writer_->Int(1);
    key(*writer_, "files");
    writer_->StartArray();
    stream_->drain();
  }

  void file(std::ostream &out, const Report &r, std::string_view text) override {
    (void)text;
    if (!writer_) begin(out);
    write_file_object(*writer_, r);
    // Each file's object reaches `out` before file() returns, as when the
    // writer wrote to it directly.
    stream_->drain();
  }

  // A file's object that json_file_chunk() wrote, placed where file() would
  // have written it: the separator and indentation first, as the writer puts them.
  void place(std::ostream &out, std::string_view chunk) {
    if (!writer_) begin(out);
    writer_->value_prefix();
    stream_->write(chunk);
  }

  void audit(std::ostream &out, const AuditSummary &a) override {
    if (!writer_) begin(out);
    Writer &w = *writer_;
    w.EndArray();  // files
    files_open_ = false;
    key(w, "audit");
    write_audit(w, a);
    stream_->drain();
  }

  void end(std::ostream &out, const Summary &s) override {
    if (!writer_) begin(out);
    Writer &w = *writer_;
    if (files_open_) w.EndArray();
    key(w, "summary");
    write_summary(w, s);
    w.EndObject();
    stream_->Flush();
    out << '\n';
  }

 private:
  std::unique_ptr<JsonStream> stream_;
  std::unique_ptr<Writer> writer_;
  bool files_open_ = true;
};

}  // namespace

auto json_file_chunk(const Report &report) -> std::string {
  // Written at the depth it has in the document (inside "files"), so only
  // the separator before it differs: the first element's is dropped here.
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  key(w, "files");
  w.StartArray();
  const std::size_t mark = buffer.GetSize();
  write_file_object(w, report);
  constexpr std::string_view kFirst = "\n    ";
  std::string_view chunk(buffer.GetString() + mark, buffer.GetSize() - mark);
  if (chunk.substr(0, kFirst.size()) == kFirst) chunk.remove_prefix(kFirst.size());
  return std::string(chunk);
}

void json_place_chunk(Renderer &renderer, std::ostream &out, std::string_view chunk) {
  static_cast<JsonRenderer &>(renderer).place(out, chunk);
}

auto make_json_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer> {
  (void)options;
  return std::make_unique<JsonRenderer>();
}

}  // namespace callcheck::detail
