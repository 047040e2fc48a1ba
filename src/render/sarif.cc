// `--format sarif`: SARIF 2.1.0 for code-scanning uploads. One run; the rule
// metadata comes from the catalogue so a viewer can show the explanation
// without running callcheck. Inputs that could not be read are results (so
// they show up next to findings) and tool execution notifications (so a
// viewer knows the run was incomplete).
#include "document/rapidjson_adapter.h"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <optional>  // std::optional
#include <string>    // std::to_string
#include <vector>    // std::vector

#include "callcheck/rules.h"
#include "render/escape.h"
#include "render/json_writer.h"
#include "render/renderers.h"

namespace callcheck::detail {
namespace {

using Writer = JsonWriter;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://callcheck.dev";
constexpr std::string_view kSrcRoot = "%SRCROOT%";

// SARIF has no "info"; "note" is its lowest level that still shows.
constexpr auto level(Severity s) -> std::string_view {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

void text_object(Writer &w, std::string_view name, std::string_view text) {
  key(w, name);
  w.StartObject();
  key(w, "text");
  string(w, text);
  w.EndObject();
}

// The paragraph under "## What it does", or the summary if there is none.
auto full_description(const RuleMeta &meta) -> std::string_view {
  constexpr std::string_view kHeading = "## What it does\n";
  std::string_view e = meta.explanation;
  if (e.substr(0, kHeading.size()) != kHeading) return meta.summary;
  e.remove_prefix(kHeading.size());
  const std::size_t end = e.find("\n\n");
  const std::string_view paragraph = e.substr(0, end);
  return paragraph.empty() ? meta.summary : paragraph;
}

auto rule_index(std::string_view code) -> std::optional<std::size_t> {
  const std::vector<RuleMeta> &catalog = rule_catalog();
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    if (catalog[i].code == code) return i;
  }
  return std::nullopt;
}

// Absolute paths cannot be relative to %SRCROOT%: they become file: URIs.
void artifact_location(Writer &w, std::string_view path) {
  key(w, "artifactLocation");
  w.StartObject();
  key(w, "uri");
  if (!path.empty() && path.front() == '/') {
    string(w, "file://" + uri_encode(path));
  } else {
    string(w, uri_encode(path));
    key(w, "uriBaseId");
    string(w, kSrcRoot);
  }
  w.EndObject();
}

// Region members that are 0 (unknown) are left out; with no start line
// there is no region at all.
void physical_location(Writer &w, const Report &r, const Diagnostic &d) {
  key(w, "physicalLocation");
  w.StartObject();
  artifact_location(w, r.source);
  const Span &s = d.span;
  if (s.begin.line != 0) {
    key(w, "region");
    w.StartObject();
    key(w, "startLine");
    w.Uint(s.begin.line);
    if (s.begin.column != 0) {
      key(w, "startColumn");
      w.Uint(s.begin.column);
    }
    if (s.end.line != 0 && !(s.end < s.begin)) {
      key(w, "endLine");
      w.Uint(s.end.line);
      if (s.end.column != 0) {
        key(w, "endColumn");
        w.Uint(s.end.column);
      }
    }
    w.EndObject();
  }
  w.EndObject();
}

// SARIF 2.1.0 3.55: one fix, its replacements in the reported file. Regions
// are line:column like the result's; insertedContent is the new text.
void fixes(Writer &w, const Report &r, const Fix &fix) {
  key(w, "fixes");
  w.StartArray();
  w.StartObject();
  text_object(w, "description", fix.description);
  key(w, "artifactChanges");
  w.StartArray();
  w.StartObject();
  artifact_location(w, r.source);
  key(w, "replacements");
  w.StartArray();
  for (const Edit &e : fix.edits) {
    w.StartObject();
    key(w, "deletedRegion");
    w.StartObject();
    key(w, "startLine");
    w.Uint(e.span.begin.line);
    key(w, "startColumn");
    w.Uint(e.span.begin.column);
    key(w, "endLine");
    w.Uint(e.span.end.line);
    key(w, "endColumn");
    w.Uint(e.span.end.column);
    w.EndObject();
    if (!e.replacement.empty()) {
      key(w, "insertedContent");
      w.StartObject();
      key(w, "text");
      string(w, e.replacement);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  w.EndArray();
}

auto message_text(const Diagnostic &d) -> std::string {
  return d.help.empty() ? d.message : d.message + "\nhelp: " + d.help;
}

class SarifRenderer final : public Renderer {
 public:
  explicit SarifRenderer(RenderOptions options) : options_(std::move(options)) {}

  void begin(std::ostream &out) override {
    stream_ = std::make_unique<rapidjson::OStreamWrapper>(out);
    writer_ = std::make_unique<Writer>(*stream_);
    writer_->SetIndent(' ', 2);
    Writer &w = *writer_;
    w.StartObject();
    key(w, "$schema");
    string(w, kSchema);
    key(w, "version");
    string(w, "2.1.0");
    key(w, "runs");
    w.StartArray();
    w.StartObject();
    tool(w);
    key(w, "originalUriBaseIds");
    w.StartObject();
    key(w, kSrcRoot);
    w.StartObject();
    text_object(w, "description", "The directory callcheck ran in; result paths are relative to it.");
    w.EndObject();
    w.EndObject();
    key(w, "columnKind");
    string(w, "unicodeCodePoints");
    key(w, "results");
    w.StartArray();
  }

  void file(std::ostream &out, const Report &r, std::string_view text) override {
    (void)text;
    if (!writer_) begin(out);
    Writer &w = *writer_;
    for (const Diagnostic &d : r.diagnostics) {
      w.StartObject();
      key(w, "ruleId");
      string(w, d.code);
      if (const auto index = rule_index(d.code)) {
        key(w, "ruleIndex");
        w.Uint64(*index);
      }
      key(w, "level");
      string(w, level(d.severity));
      text_object(w, "message", message_text(d));
      key(w, "locations");
      w.StartArray();
      w.StartObject();
      physical_location(w, r, d);
      w.EndObject();
      w.EndArray();
      key(w, "properties");
      w.StartObject();
      key(w, "pointer");
      string(w, d.pointer);
      key(w, "name");
      string(w, d.name);
      if (!r.origin.empty()) {
        key(w, "origin");
        string(w, r.origin);
      }
      w.EndObject();
      if (d.fix) fixes(w, r, *d.fix);
      w.EndObject();
      if (r.input_error && d.severity == Severity::Error) failures_.push_back({r.source, d});
    }
    if (r.omitted > 0) omitted_.push_back({r.source, r.omitted});
  }

  // The audit summary goes into the run's property bag (SARIF 2.1.0 3.8).
  void audit(std::ostream &out, const AuditSummary &a) override {
    (void)out;
    audit_ = a;
  }

  void end(std::ostream &out, const Summary &s) override {
    if (!writer_) begin(out);
    Writer &w = *writer_;
    w.EndArray();  // results
    key(w, "invocations");
    w.StartArray();
    w.StartObject();
    key(w, "executionSuccessful");
    w.Bool(s.input_errors == 0);
    key(w, "toolExecutionNotifications");
    w.StartArray();
    for (const auto &[source, d] : failures_) {
      w.StartObject();
      key(w, "level");
      string(w, "error");
      text_object(w, "message", d.message);
      key(w, "locations");
      w.StartArray();
      w.StartObject();
      Report where;
      where.source = source;
      physical_location(w, where, d);
      w.EndObject();
      w.EndArray();
      key(w, "associatedRule");
      w.StartObject();
      key(w, "id");
      string(w, d.code);
      if (const auto index = rule_index(d.code)) {
        key(w, "index");
        w.Uint64(*index);
      }
      w.EndObject();
      w.EndObject();
    }
    // Findings past the per-file cap: one note per file, so a viewer that
    // shows fewer results than the summary counts says why.
    for (const auto &[source, count] : omitted_) {
      w.StartObject();
      key(w, "level");
      string(w, "note");
      text_object(w, "message",
                  std::to_string(count) + (count == 1 ? " more finding omitted" : " more findings omitted"));
      key(w, "locations");
      w.StartArray();
      w.StartObject();
      key(w, "physicalLocation");
      w.StartObject();
      artifact_location(w, source);
      w.EndObject();
      w.EndObject();
      w.EndArray();
      key(w, "properties");
      w.StartObject();
      key(w, "omitted");
      w.Uint64(count);
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndArray();  // invocations
    key(w, "properties");
    w.StartObject();
    key(w, "summary");
    write_summary(w, s);
    if (audit_) {
      key(w, "audit");
      write_audit(w, *audit_);
    }
    w.EndObject();
    w.EndObject();  // run
    w.EndArray();   // runs
    w.EndObject();
    stream_->Flush();
    out << '\n';
  }

 private:
  void tool(Writer &w) const {
    key(w, "tool");
    w.StartObject();
    key(w, "driver");
    w.StartObject();
    key(w, "name");
    string(w, "callcheck");
    if (!options_.tool_version.empty()) {
      key(w, "version");
      string(w, options_.tool_version);
    }
    key(w, "informationUri");
    string(w, kInformationUri);
    key(w, "rules");
    w.StartArray();
    for (const RuleMeta &meta : rule_catalog()) {
      w.StartObject();
      key(w, "id");
      string(w, meta.code);
      key(w, "name");
      string(w, meta.name);
      text_object(w, "shortDescription", meta.summary);
      text_object(w, "fullDescription", full_description(meta));
      key(w, "helpUri");
      string(w, rule_url(meta.code));
      key(w, "help");
      w.StartObject();
      key(w, "text");
      string(w, meta.explanation);
      key(w, "markdown");
      string(w, meta.explanation);
      w.EndObject();
      key(w, "defaultConfiguration");
      w.StartObject();
      key(w, "level");
      string(w, level(meta.severity));
      if (meta.status == Status::Removed) {
        key(w, "enabled");
        w.Bool(false);
      }
      w.EndObject();
      key(w, "properties");
      w.StartObject();
      key(w, "status");
      string(w, to_string(meta.status));
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
  }

  RenderOptions options_;
  std::unique_ptr<rapidjson::OStreamWrapper> stream_;
  std::unique_ptr<Writer> writer_;
  std::vector<std::pair<std::string, Diagnostic>> failures_;
  std::optional<AuditSummary> audit_;
  std::vector<std::pair<std::string, std::size_t>> omitted_;
};

}  // namespace

auto make_sarif_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer> {
  return std::make_unique<SarifRenderer>(options);
}

}  // namespace callcheck::detail
