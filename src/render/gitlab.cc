// `--format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality),
// the shape documented at https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format:
// one JSON array, one object per finding with `description`, `check_name`,
// `fingerprint`, `severity` (info, minor, major, critical, blocker) and
// `location.path` + `location.lines.begin`. tests/schemas/gitlab-codequality.schema.json
// holds that contract and the tests validate against it.
//
// GitLab compares a merge request's report with its target branch's by
// fingerprint, so the fingerprint must not move when unrelated lines do: it
// hashes the path, the rule, the JSON Pointer and the message (never the
// line), plus how many identical findings came before it in the same file.
#include <fmt/format.h>

#include <cstdint>  // std::uint64_t
#include <map>      // std::map
#include <ostream>  // std::ostream

#include "callcheck/rules.h"
#include "render/json_writer.h"
#include "render/renderers.h"

namespace callcheck::detail {
namespace {

constexpr auto severity(Severity s) -> std::string_view {
  switch (s) {
    case Severity::Error: return "critical";  // the docs or the service say the request fails
    case Severity::Warning: return "minor";
    case Severity::Info: return "info";
  }
  return "critical";
}

// FNV-1a over the parts, each ended by a NUL so ("ab","c") != ("a","bc").
// Two 64-bit lanes with different offsets make a 128-bit, MD5-sized
// identifier; collisions only merge two findings in GitLab's comparison.
auto fingerprint(std::initializer_list<std::string_view> parts) -> std::string {
  std::uint64_t a = 14695981039346656037ULL;
  std::uint64_t b = 0x6c62272e07bb0142ULL;
  constexpr std::uint64_t kPrime = 1099511628211ULL;
  for (const std::string_view part : parts) {
    for (const char c : part) {
      a = (a ^ static_cast<unsigned char>(c)) * kPrime;
      b = (b ^ static_cast<unsigned char>(c)) * kPrime;
      b ^= b >> 29U;
    }
    a *= kPrime;
    b = (b ^ 0xffU) * kPrime;
  }
  return fmt::format("{:016x}{:016x}", a, b);
}

// GitLab wants a path relative to the repository, without "./"; the
// fingerprint uses the same spelling so `./a.json` and `a.json` agree.
auto repository_path(std::string_view path) -> std::string {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return std::string(path);
}

class GitlabRenderer final : public Renderer {
 public:
  void begin(std::ostream &out) override {
    stream_ = std::make_unique<rapidjson::OStreamWrapper>(out);
    writer_ = std::make_unique<JsonWriter>(*stream_);
    writer_->SetIndent(' ', 2);
    writer_->StartArray();
  }

  void file(std::ostream &out, const Report &r, std::string_view text) override {
    (void)text;
    if (!writer_) begin(out);
    const std::string path = repository_path(r.source);
    std::map<std::string, std::size_t> seen;  // identical findings in this file
    for (const Diagnostic &d : r.diagnostics) {
      std::string description = d.message;
      if (!d.pointer.empty()) description += " (at " + d.pointer + ")";
      const std::string identity = d.code + '\0' + d.pointer + '\0' + d.message;
      const std::size_t nth = seen[identity]++;
      issue(path, d.code + " " + d.name, description, severity(d.severity),
            fingerprint({path, d.code, d.pointer, d.message, std::to_string(nth)}), d.span);
    }
    if (r.omitted > 0) {
      issue(path, "callcheck omitted-findings",
            fmt::format("{} more {} omitted", r.omitted, r.omitted == 1 ? "finding" : "findings"),
            severity(r.omitted_worst.value_or(Severity::Info)), fingerprint({path, "omitted-findings"}), Span{});
    }
  }

  void end(std::ostream &out, const Summary &summary) override {
    (void)summary;  // the report is the findings; GitLab counts them itself
    if (!writer_) begin(out);
    writer_->EndArray();
    stream_->Flush();
    out << "\n";
  }

 private:
  void issue(const std::string &path, const std::string &check, const std::string &description, std::string_view level,
             const std::string &print, const Span &span) {
    JsonWriter &w = *writer_;
    w.StartObject();
    key(w, "type");
    string(w, "issue");
    key(w, "check_name");
    string(w, check);
    key(w, "description");
    string(w, description);
    key(w, "categories");
    w.StartArray();
    string(w, "Bug Risk");
    w.EndArray();
    key(w, "severity");
    string(w, level);
    key(w, "fingerprint");
    string(w, print);
    key(w, "location");
    w.StartObject();
    key(w, "path");
    string(w, path);
    // GitLab needs a line; an unknown position (0) is the file's first.
    const std::uint32_t begin = span.begin.line == 0 ? 1 : span.begin.line;
    const std::uint32_t end = span.end.line < begin ? begin : span.end.line;
    key(w, "lines");
    w.StartObject();
    key(w, "begin");
    w.Uint(begin);
    key(w, "end");
    w.Uint(end);
    w.EndObject();
    w.EndObject();
    w.EndObject();
  }

  std::unique_ptr<rapidjson::OStreamWrapper> stream_;
  std::unique_ptr<JsonWriter> writer_;
};

}  // namespace

auto make_gitlab_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer> {
  (void)options;
  return std::make_unique<GitlabRenderer>();
}

}  // namespace callcheck::detail
