// `--format junit`: the Apache Ant JUnit XML that CI servers import, valid
// against its schema (JUnit.xsd: <testsuites> takes no attributes; every
// <testsuite> needs package, id, timestamp, hostname, time, <properties>,
// <system-out> and <system-err>). One <testsuite> per input; each finding at
// or above --fail-on is a failing <testcase>; a file with no such finding gets
// one passing testcase named after the file, as Spectral does; an input that
// could not be read is an <error> testcase. Findings below --fail-on are
// listed in <system-out> so they are not lost; findings past the per-file
// cap are one more testcase (failing if the worst of them is at or above
// --fail-on) and a property.
//
// The schema requires a timestamp, and the same input must give the same
// bytes (issue 18): it is SOURCE_DATE_EPOCH (reproducible-builds.org) when
// that holds a number of seconds, else the epoch itself, never the clock.
#include <fmt/format.h>

#include <cstdlib>  // std::getenv
#include <cstdint>  // std::int64_t
#include <ctime>    // gmtime_r, std::strftime
#include <limits>   // std::numeric_limits
#include <ostream>  // std::ostream

#include "render/escape.h"
#include "render/renderers.h"

namespace callcheck::detail {
namespace {

auto location(const Report &r, const Diagnostic &d) -> std::string {
  return fmt::format("{}:{}:{}", r.source, d.span.begin.line, d.span.begin.column);
}

auto testcase_name(const Diagnostic &d) -> std::string {
  std::string name = d.code + " " + d.name;
  if (!d.pointer.empty()) name += " (" + d.pointer + ")";
  return name;
}

// An xs:token must not be empty for <testsuite name>; a path never is, but
// the schema is strict, so say what it is.
auto suite_name(const Report &r) -> std::string { return r.source.empty() ? "<unnamed>" : r.source; }

// Ant's schema wants a UTC timestamp without zone.
constexpr std::int64_t kYear9999 = 253402300799;  // 9999-12-31T23:59:59Z

auto timestamp() -> std::string {
  std::time_t when = 0;
  if (const char *epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    // Parsed in 64 bits: WebAssembly's time_t is 32 bits wide.
    std::int64_t parsed = 0;
    bool ok = true;
    for (const char *p = epoch; *p != '\0' && ok; ++p) {
      // Up to year 9999: the format below has four digits for it.
      ok = *p >= '0' && *p <= '9' && parsed <= kYear9999 / 10;
      if (ok) parsed = parsed * 10 + (*p - '0');
    }
    if (ok && parsed <= kYear9999 && parsed <= std::numeric_limits<std::time_t>::max()) {
      when = static_cast<std::time_t>(parsed);
    }
  }
  std::tm tm{};
  gmtime_r(&when, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm);
  return buffer;
}

class JunitRenderer final : public Renderer {
 public:
  explicit JunitRenderer(RenderOptions options) : options_(std::move(options)), timestamp_(timestamp()) {}

  void begin(std::ostream &out) override {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
    begun_ = true;
  }

  void file(std::ostream &out, const Report &r, std::string_view text) override {
    (void)text;
    if (!begun_) begin(out);
    std::string cases;
    std::string below;  // findings that do not fail the run: CDATA sections, one per line
    std::size_t tests = 0, failures = 0, errors = 0;
    const std::string classname = xml_escape(suite_name(r), true);
    for (const Diagnostic &d : r.diagnostics) {
      const bool error = r.input_error && d.severity == Severity::Error;
      if (!error && options_.fail_on < d.severity) {
        below +=
            xml_cdata(fmt::format("{}: {} {} {}: {}", location(r, d), to_string(d.severity), d.code, d.name, d.message),
                      true) +
            "\n";
        continue;
      }
      ++tests;
      (error ? errors : failures) += 1;
      // Line breaks inside the parts are data (references); between them, ours.
      std::string body = xml_cdata(location(r, d) + ": " + d.message, true);
      if (!d.help.empty()) body += "\n" + xml_cdata("help: " + d.help, true);
      if (!d.pointer.empty()) body += "\n" + xml_cdata("at: " + d.pointer, true);
      cases += fmt::format(
          "    <testcase name=\"{}\" classname=\"{}\" time=\"0\">\n"
          "      <{} message=\"{}\" type=\"{}\">{}</{}>\n"
          "    </testcase>\n",
          xml_escape(testcase_name(d), true), classname, error ? "error" : "failure", xml_escape(d.message, true),
          xml_escape(d.code, true), body, error ? "error" : "failure");
    }
    if (r.omitted > 0) {
      const std::string what = fmt::format("{} more {} omitted", r.omitted, r.omitted == 1 ? "finding" : "findings");
      if (r.omitted_worst && !(options_.fail_on < *r.omitted_worst)) {
        ++tests;
        ++failures;
        cases += fmt::format(
            "    <testcase name=\"{}\" classname=\"{}\" time=\"0\">\n"
            "      <failure message=\"{}\" type=\"omitted\">{}</failure>\n"
            "    </testcase>\n",
            what, classname, what, xml_cdata(what));
      } else {
        below += xml_cdata(what) + "\n";
      }
    }
    if (tests == 0) {
      ++tests;
      cases += fmt::format("    <testcase name=\"{}\" classname=\"{}\" time=\"0\"/>\n", classname, classname);
    }
    out << fmt::format(
        "  <testsuite name=\"{}\" package=\"callcheck\" id=\"{}\" timestamp=\"{}\" hostname=\"localhost\" "
        "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" time=\"0\">\n",
        classname, id_++, timestamp_, tests, failures, errors);
    out << "    <properties>\n";
    property(out, "callcheck.version", options_.tool_version);
    if (!r.origin.empty()) property(out, "origin", r.origin);
    if (r.omitted > 0) property(out, "omitted", std::to_string(r.omitted));
    if (!r.input_error) {
      property(out, "scenario", std::string(to_string(r.scenario.kind)));
      property(out, "media", std::string(to_string(r.scenario.media)));
      std::string scopes;
      for (const Scope &s : r.required_scopes) {
        scopes += scopes.empty() ? "" : ",";
        scopes += s.name;
      }
      property(out, "required_scopes", scopes);
    }
    out << "    </properties>\n" << cases;
    out << "    <system-out>" << below << "</system-out>\n";
    out << "    <system-err></system-err>\n  </testsuite>\n";
  }

  // `callcheck audit`: one suite with the summary; the findings are
  // testcases of the files they are in.
  void audit(std::ostream &out, const AuditSummary &a) override {
    if (!begun_) begin(out);
    auto list = [](const std::vector<std::string> &names) {
      std::string joined;
      for (const std::string &n : names) joined += (joined.empty() ? "" : ",") + n;
      return joined;
    };
    out << fmt::format(
        "  <testsuite name=\"callcheck audit\" package=\"callcheck\" id=\"{}\" timestamp=\"{}\" "
        "hostname=\"localhost\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\">\n",
        id_++, timestamp_);
    out << "    <properties>\n";
    property(out, "callcheck.version", options_.tool_version);
    property(out, "required", list(a.required));
    property(out, "declared", list(a.declared));
    property(out, "missing", list(a.missing));
    property(out, "excess", list(a.excess));
    property(out, "not_evaluated", list(a.not_evaluated));
    property(out, "payloads", std::to_string(a.payloads));
    out << "    </properties>\n";
    out << "    <testcase name=\"permission audit\" classname=\"callcheck audit\" time=\"0\"/>\n";
    out << "    <system-out>"
        << xml_cdata(fmt::format("required: {}\ndeclared: {}\nmissing: {}\nexcess: {}\n", list(a.required),
                                 list(a.declared), list(a.missing), list(a.excess)))
        << "</system-out>\n";
    out << "    <system-err></system-err>\n  </testsuite>\n";
  }

  void end(std::ostream &out, const Summary &summary) override {
    (void)summary;
    if (!begun_) begin(out);
    out << "</testsuites>\n";
  }

 private:
  static void property(std::ostream &out, std::string_view name, const std::string &value) {
    out << fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", name, xml_escape(value, true));
  }

  RenderOptions options_;
  std::string timestamp_;
  bool begun_ = false;
  std::size_t id_ = 0;
};

}  // namespace

auto make_junit_renderer(const RenderOptions &options) -> std::unique_ptr<Renderer> {
  return std::make_unique<JunitRenderer>(options);
}

}  // namespace callcheck::detail
