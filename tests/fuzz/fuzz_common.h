// The fuzz targets' entry logic and invariants, shared by the libFuzzer
// drivers (tests/fuzz/fuzz_<name>.cc) and the regression replay in the normal
// build (tests/unit/fuzz_regressions_test.cc), so that a committed crash input
// is checked against exactly what the fuzzer checked.
//
// Each entry returns the violated invariants, one sentence each; empty means
// the input passed. A crash or sanitizer report is not caught here: it kills
// the process, which is what libFuzzer (and the unit test) should see.
#ifndef CALLCHECK_TESTS_FUZZ_FUZZ_COMMON_H_
#define CALLCHECK_TESTS_FUZZ_FUZZ_COMMON_H_

#include "document/rapidjson_adapter.h"

#include <algorithm>      // std::count, std::any_of
#include <cstddef>        // std::size_t
#include <cstdint>        // std::uint8_t, std::uint32_t
#include <cstdio>         // std::fprintf
#include <cstdlib>        // std::abort
#include <exception>      // std::exception
#include <memory>         // std::unique_ptr
#include <sstream>        // std::ostringstream
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <tuple>          // std::tie
#include <unordered_set>  // std::unordered_set
#include <utility>        // std::pair
#include <vector>         // std::vector

#include "callcheck/check.h"
#include "callcheck/render.h"
#include "callcheck/rules.h"
#include "config/config.h"
#include "document/document.h"
#include "document/utf8.h"
#include "extract/extract.h"
#include "permissions/token.h"
#include "render/escape.h"
#include "schema/compiled.h"
#include "schema_oracle.h"
#include "server/server.h"

// The harness's own byte-by-byte checks are not code under test: with
// coverage instrumentation they cost a third of fuzz_render's time and hand
// libFuzzer features that mean nothing about callcheck.
#if defined(__clang__)
#define CALLCHECK_FUZZ_NOT_COVERED __attribute__((no_sanitize("coverage")))
#else
#define CALLCHECK_FUZZ_NOT_COVERED
#endif

namespace callcheck::fuzz {

using Violations = std::vector<std::string>;

// The first byte picks the variant; the rest is the input. Lowered limits
// let short inputs reach every limit path.
struct Selected {
  std::uint8_t selector = 0;
  std::string_view text;
};

inline auto select(std::string_view data) -> Selected {
  if (data.empty()) return {};
  return {static_cast<std::uint8_t>(data.front()), data.substr(1)};
}

inline auto lowered_limits() -> Limits {
  Limits limits;
  limits.max_bytes = 4096;
  limits.max_depth = 6;
  limits.max_string_bytes = 48;
  limits.max_key_bytes = 12;
  limits.max_members = 6;
  limits.max_elements = 8;
  limits.max_findings = 4;
  return limits;
}

CALLCHECK_FUZZ_NOT_COVERED inline auto line_count(std::string_view text) -> std::uint32_t {
  return static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

// Invariants every Report must keep, whatever produced it. `lines` is the line
// count of the text its positions refer to.
inline void check_report(const Report &report, std::uint32_t lines, std::string_view what, Violations &out) {
  const std::vector<RuleMeta> &catalog = rule_catalog();
  const Diagnostic *previous = nullptr;
  for (const Diagnostic &d : report.diagnostics) {
    const std::string where = std::string(what) + " " + d.code + " at " + std::to_string(d.span.begin.line) + ":" +
                              std::to_string(d.span.begin.column) + ": ";
    const bool known = std::any_of(catalog.begin(), catalog.end(),
                                   [&](const RuleMeta &m) { return m.code == d.code && m.name == d.name; });
    if (!known) out.push_back(where + "code/name not in rule_catalog()");
    if (d.message.rfind("internal error", 0) == 0) out.push_back(where + "internal error: " + d.message);
    for (const Position &p : {d.span.begin, d.span.end}) {
      if (p.line > lines + 1) out.push_back(where + "line beyond the text (" + std::to_string(lines) + " lines)");
      if (p.line != 0 && p.column == 0) out.push_back(where + "known line with column 0");
    }
    if (d.span.begin.line != 0 && d.span.end.line != 0 && d.span.end < d.span.begin) {
      out.push_back(where + "span ends before it begins");
    }
    if (previous != nullptr) {
      const auto key = [](const Diagnostic &x) {
        return std::tie(x.span.begin.line, x.span.begin.column, x.code, x.pointer, x.message);
      };
      if (key(*previous) > key(d)) out.push_back(where + "diagnostics not sorted");
      if (key(*previous) == key(d)) out.push_back(where + "duplicate diagnostic");
    }
    previous = &d;
  }
}

inline auto valid_json(std::string_view text) -> bool {
  rapidjson::Document parsed;
  parsed.Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  return !parsed.HasParseError();
}

inline auto fuzz_render_options(bool color) -> RenderOptions {
  RenderOptions options;
  options.color = color;
  options.tool_version = "0.0.0-fuzz";
  return options;
}

// SARIF's begin() writes the rule catalogue, the same ~100 KB for every
// input: writing and parsing it back per input was most of fuzz_check's time
// (61 exec/s; text alone ran at 1,100). The catalogue is checked once, as
// part of a complete document (sarif_prefix); inputs are then rendered into a
// long-lived SARIF document (SarifBatch), each input's results parsed on
// their own, and the document closed and checked every kBatch inputs.
struct SarifPrefix {
  std::string bytes;  // up to and including `"results": [`
  bool valid = false;
};
inline auto sarif_prefix() -> const SarifPrefix & {
  static const SarifPrefix prefix = [] {
    SarifPrefix p;
    const auto renderer = make_renderer(Format::Sarif, fuzz_render_options(false));
    std::ostringstream stream;
    renderer->begin(stream);
    p.bytes = stream.str();
    renderer->end(stream, Summary{});
    p.valid = valid_json(stream.str());
    return p;
  }();
  return prefix;
}
// What the prefix opens, without the catalogue: `"runs": [ { ..., "results": [`.
constexpr std::string_view kSarifStandIn = R"({"runs":[{"results":[)";

class SarifBatch {
 public:
  static constexpr std::size_t kBatch = 512;

  // Renders `report` as the next results of the open document and checks
  // them; returns what they added.
  auto add(const Report &report, std::string_view text, Violations &out) -> std::string {
    if (!renderer_ || inputs_ >= kBatch) restart(out);
    ++inputs_;
    summary_.add(report);
    stream_.str("");
    renderer_->file(stream_, report, text);
    const std::string added = stream_.str();
    // Results after the first start with ','; a leading 0 keeps the array valid.
    if (!valid_json((any_ ? "[0" : "[") + added + "]")) out.push_back("sarif results are not valid UTF-8 JSON");
    any_ = any_ || !added.empty();
    return added;
  }

 private:
  // Closes the document (run invocations and summary: for fuzz_check's fixed
  // source name they depend on the inputs only through counts) and opens the
  // next.
  void restart(Violations &out) {
    if (renderer_) {
      stream_.str("");
      renderer_->end(stream_, summary_);
      if (!valid_json(std::string(kSarifStandIn) + stream_.str()))
        out.push_back("sarif run end is not valid UTF-8 JSON");
    }
    renderer_ = make_renderer(Format::Sarif, fuzz_render_options(false));
    summary_ = Summary{};
    inputs_ = 0;
    any_ = false;
    stream_.str("");
    renderer_->begin(stream_);
    const SarifPrefix &prefix = sarif_prefix();
    if (!prefix.valid) out.push_back("sarif rule catalogue is not valid UTF-8 JSON");
    if (stream_.str() != prefix.bytes) out.push_back("sarif catalogue differs between documents");
  }

  std::ostringstream stream_;
  std::unique_ptr<Renderer> renderer_;
  Summary summary_;
  std::size_t inputs_ = 0;
  bool any_ = false;
};

// A renderer must cope with every report (code frames index into `text`),
// and the machine-readable formats must stay well-formed UTF-8 JSON whatever
// bytes the payload held.
inline void render(const Report &report, std::string_view text, Format format, bool color, Violations &out) {
  if (format == Format::Sarif) {
    static SarifBatch batch;
    (void)batch.add(report, text, out);
    return;
  }
  std::ostringstream stream;
  const auto renderer = make_renderer(format, fuzz_render_options(color));
  Summary summary;
  summary.add(report);
  renderer->begin(stream);
  renderer->file(stream, report, text);
  renderer->end(stream, summary);
  if ((format == Format::Json || format == Format::Gitlab) && !valid_json(stream.str())) {
    out.push_back(std::string(to_string(format)) + " output is not valid UTF-8 JSON");
  }
}

// Which format an input is rendered in: one per input (SARIF's begin() writes
// the whole rule catalogue, too slow to repeat five times per input); over a
// run every format is exercised.
inline auto format_of(std::uint8_t selector) -> Format {
  constexpr Format kFormats[] = {Format::Text,   Format::Json,   Format::Sarif,  Format::Junit,
                                 Format::Github, Format::Gitlab, Format::Concise};
  return kFormats[(selector >> 5U) % 7];
}

// fuzz_check: the public entry point under both API profiles, lowered limits,
// granted scopes and a request line.
inline auto run_check(std::string_view data) -> Violations {
  Violations out;
  const auto [selector, text] = select(data);
  Options options;
  options.api = (selector & 1U) != 0 ? ApiVersion::Beta : ApiVersion::V1;
  if ((selector & 2U) != 0) options.limits = lowered_limits();
  if ((selector & 4U) != 0)
    options.granted_scopes = std::vector<std::string>{"Calls.Initiate.All", "Calls.JoinGroupCall.All"};
  Source source{"fuzz.json", 0, 0, {}};
  if ((selector & 8U) != 0) source.request_line = "POST https://graph.microsoft.com/beta/app/calls";
  try {
    const Report report = check(text, source, options);
    check_report(report, line_count(text), "check", out);
    render(report, text, format_of(selector), (selector & 16U) != 0, out);
  } catch (const std::exception &e) {
    out.push_back(std::string("exception escaped: ") + e.what());
  } catch (...) {
    out.push_back("non-standard exception escaped");
  }
  return out;
}

// fuzz_parse: the strict parse layer's promises about an accepted document.
inline auto run_parse(std::string_view data) -> Violations {
  Violations out;
  const auto [selector, text] = select(data);
  const Limits limits = (selector & 1U) != 0 ? lowered_limits() : Limits{};
  try {
    const detail::Document doc = detail::Document::parse(text, limits);
    const auto has = [&](std::string_view code) {
      return std::any_of(doc.findings().begin(), doc.findings().end(),
                         [&](const detail::ParseFinding &f) { return f.rule->code == code; });
    };
    for (const detail::ParseFinding &f : doc.findings()) {
      if (f.begin > f.end || f.end > text.size())
        out.push_back("finding " + std::string(f.rule->code) + " outside the text");
    }
    for (const detail::SourceNode &n : doc.nodes()) {
      if (n.begin > n.end || n.end > text.size()) out.push_back("source node outside the text");
      if (n.key_begin != detail::SourceNode::kNone && (n.key_begin > n.key_end || n.key_end > n.begin)) {
        out.push_back("member name not before its value");
      }
    }
    if (!doc.has_dom()) return out;

    const bool nul_reported = has("CC005");
    const bool invalid_reported = has("CC003");
    const auto check_string = [&](const char *s, std::size_t size, const char *what) {
      const std::string_view bytes(s, size);
      // RapidJSON 1.1.0 stores an escaped lone low surrogate as invalid UTF-8
      // (Tencent/rapidjson#1738); the parse layer keeps the DOM and reports
      // CC003, like CC005 for an escaped NUL.
      if (!invalid_reported && detail::validate_utf8(bytes, false).error != detail::Utf8Error::None) {
        out.push_back(std::string(what) + " is not valid UTF-8 without a CC003 finding");
      }
      if (!nul_reported && bytes.find('\0') != std::string_view::npos) {
        out.push_back(std::string(what) + " contains NUL without a CC005 finding");
      }
    };
    // Iterative walk: if the depth limit were broken, recursion here could
    // overflow before the invariant is reported.
    std::size_t values = 0;
    std::vector<std::pair<const detail::Value *, std::uint32_t>> stack{{&doc.root(), 1}};
    while (!stack.empty()) {
      const auto [value, depth] = stack.back();
      stack.pop_back();
      ++values;
      if (value->IsString()) check_string(value->GetString(), value->GetStringLength(), "string");
      if (value->IsArray() || value->IsObject()) {
        if (depth > limits.max_depth) {
          out.push_back("accepted nesting depth " + std::to_string(depth) + " above the limit");
          break;
        }
      }
      if (value->IsArray()) {
        for (const detail::Value &element : value->GetArray()) stack.emplace_back(&element, depth + 1);
      } else if (value->IsObject()) {
        std::unordered_set<std::string_view> keys;
        for (const auto &member : value->GetObject()) {
          check_string(member.name.GetString(), member.name.GetStringLength(), "member name");
          const std::string_view key(member.name.GetString(), member.name.GetStringLength());
          if (!keys.insert(key).second && !has("CC002")) out.push_back("duplicate key without a CC002 finding");
          stack.emplace_back(&member.value, depth + 1);
        }
      }
    }
    if (values != doc.nodes().size()) {
      out.push_back("source map has " + std::to_string(doc.nodes().size()) + " nodes for " + std::to_string(values) +
                    " values");
    }
  } catch (const std::exception &e) {
    out.push_back(std::string("exception escaped: ") + e.what());
  }
  return out;
}

// Base64url-preserving rotation of letters and digits: the token keeps its
// shape, its text changes.
inline auto rotate(std::string_view text) -> std::string {
  std::string out(text);
  for (char &c : out) {
    if (c >= 'a' && c <= 'z')
      c = static_cast<char>('a' + (c - 'a' + 1) % 26);
    else if (c >= 'A' && c <= 'Z')
      c = static_cast<char>('A' + (c - 'A' + 1) % 26);
    else if (c >= '0' && c <= '9')
      c = static_cast<char>('0' + (c - '0' + 1) % 10);
  }
  return out;
}

// fuzz_token: the token's text never appears in an error. An 8-byte window of
// the input found in the error is a leak only if it follows the input: after
// rotating the input's letters and digits, the error holds the rotated
// window. (A window that merely coincides with the fixed message text, e.g.
// an input containing "dot-separated", does not follow it.)
inline auto run_token(std::string_view data) -> Violations {
  Violations out;
  constexpr std::size_t kWindow = 8;
  try {
    const detail::TokenRoles roles = detail::decode_token_roles(data);
    if (roles.ok != roles.error.empty()) out.push_back("ok and error disagree");
    if (roles.error.empty() || data.size() < kWindow) return out;
    const std::string rotated_input = rotate(data);
    const detail::TokenRoles rotated = detail::decode_token_roles(rotated_input);
    for (std::size_t i = 0; i + kWindow <= data.size(); ++i) {
      const std::string_view window = data.substr(i, kWindow);
      if (roles.error.find(window) == std::string::npos) continue;
      const std::string moved = rotate(window);
      if (moved == window || rotated.error.find(moved) != std::string::npos) {
        out.push_back("error contains input bytes at offset " + std::to_string(i));
        break;
      }
    }
  } catch (const std::exception &e) {
    out.push_back(std::string("exception escaped: ") + e.what());
  }
  return out;
}

// fuzz_config: .callcheck.json parsing, then using what it returned.
inline auto run_config(std::string_view data) -> Violations {
  Violations out;
  const auto [selector, text] = select(data);
  try {
    const detail::ConfigLoad load = detail::parse_config(text);
    const std::uint32_t lines = line_count(text);
    for (const Diagnostic &d : load.errors) {
      if (d.code != "CC401") out.push_back("config error with code " + d.code);
      if (d.span.begin.line > lines + 1) out.push_back("config error beyond the text");
    }
    if (!load.errors.empty()) return out;
    Options options;
    options.api = (selector & 1U) != 0 ? ApiVersion::Beta : ApiVersion::V1;
    for (const std::string_view path : {"a.json", "samples/valid/p2p.json", "x/y/z/calls.md"}) {
      Options applied = options;
      detail::apply_config(load.config, path, applied);
      for (const RuleMeta &meta : rule_catalog()) (void)detail::rule_enabled(applied, meta.code);
      Report report = check(R"({"callbackUri": "http://x", "targets": []})", path, applied);
      std::vector<detail::SuppressionUse> uses(load.config.suppressions.size());
      detail::apply_suppressions(report, path, load.config.suppressions, applied, uses);
      check_report(report, 1, "config-applied check", out);
      for (const Diagnostic &d : detail::unused_suppressions(load.config.suppressions, uses, options)) {
        if (d.span.begin.line > lines + 1) out.push_back("CC402 beyond the config text");
      }
    }
  } catch (const std::exception &e) {
    out.push_back(std::string("exception escaped: ") + e.what());
  }
  return out;
}

// fuzz_extract: Markdown, .http and NDJSON extraction, then checking what was
// found; positions must land inside the containing file.
inline auto run_extract(std::string_view data) -> Violations {
  Violations out;
  const auto [selector, text] = select(data);
  const ApiVersion api = (selector & 4U) != 0 ? ApiVersion::Beta : ApiVersion::V1;
  const std::uint32_t lines = line_count(text);
  try {
    std::vector<detail::ExtractedBody> bodies;
    switch (selector & 3U) {
      case 0: bodies = detail::extract_markdown(text, api); break;
      case 1: bodies = detail::extract_http(text, api); break;
      default: {
        std::uint32_t number = 1;
        std::size_t start = 0;
        while (start <= text.size()) {
          std::size_t end = text.find('\n', start);
          if (end == std::string_view::npos) end = text.size();
          if (auto body = detail::ndjson_body(text.substr(start, end - start), number)) bodies.push_back(*body);
          start = end + 1;
          ++number;
        }
        break;
      }
    }
    Options options;
    options.api = api;
    std::size_t checked = 0;
    for (const detail::ExtractedBody &body : bodies) {
      if (body.line == 0 || body.line > lines) out.push_back("body starts outside the file");
      if (body.column == 0) out.push_back("body column 0");
      // Checking is what fuzz_check covers; a few bodies per input keep this
      // target fast.
      if (checked++ >= 4) continue;
      const Report report = detail::check_body(body, "fuzz.md", options);
      check_report(report, lines, "extracted body", out);
      render(report, text, format_of(selector), false, out);
    }
    if (bodies.empty()) {
      if (auto report = detail::no_request_report("fuzz.md", "Markdown page", options)) {
        check_report(*report, lines, "no-request report", out);
      }
    }
    (void)detail::is_calls_url(text);
  } catch (const std::exception &e) {
    out.push_back(std::string("exception escaped: ") + e.what());
  }
  return out;
}

// What no output may contain, whatever the payload and the file name held
// (render/escape.h, issue 18 item 6): ill-formed UTF-8, a raw control (C0
// other than LF, and TAB where `tab` allows it), DEL, a C1, bidi or
// separator control, U+FEFF, the runner's legacy "##[" prefix, or a line
// that starts a workflow command (in the github format every line must be
// one, or the summary).
CALLCHECK_FUZZ_NOT_COVERED inline void check_printed(std::string_view out, Format format, bool tab,
                                                     Violations &violations) {
  const std::string name(to_string(format));
  if (!detail::is_well_formed_utf8(out)) violations.push_back(name + " output is not well-formed UTF-8");
  if (out.find("##[") != std::string_view::npos) violations.push_back(name + " output holds \"##[\"");
  std::size_t line_start = 0;
  for (std::size_t i = 0; i <= out.size(); ++i) {
    if (i == out.size() || out[i] == '\n') {
      std::string_view line = out.substr(line_start, i - line_start);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      const bool command = line.substr(0, 2) == "::";
      if (format == Format::Github) {
        if (!command && line.substr(0, 11) != "callcheck: " && i != out.size()) {
          violations.push_back("github line is neither a command nor the summary");
        }
      } else if (command) {
        violations.push_back(name + " line starts a workflow command");
      }
      line_start = i + 1;
      continue;
    }
    const auto u = static_cast<unsigned char>(out[i]);
    const auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0U;
    const auto third = i + 2 < out.size() ? static_cast<unsigned char>(out[i + 2]) : 0U;
    if ((u < 0x20U && !(tab && u == '\t')) || u == 0x7FU) {
      violations.push_back(name + " output holds control byte " + std::to_string(u));
    } else if (u == 0xC2U && next >= 0x80U && next <= 0x9FU) {
      violations.push_back(name + " output holds a C1 control");
    } else if ((u == 0xE2U && next == 0x80U &&
                (third == 0x8EU || third == 0x8FU || (third >= 0xA8U && third <= 0xAEU))) ||
               (u == 0xE2U && next == 0x81U && third >= 0xA6U && third <= 0xA9U) || (u == 0xD8U && next == 0x9CU) ||
               (u == 0xEFU && next == 0xBBU && third == 0xBFU)) {
      violations.push_back(name + " output holds a bidi/separator control or U+FEFF");
    }
  }
}

// fuzz_render: a hostile file name and payload through every renderer.
// Byte 1 is the name's length; the name follows, then the payload. A second
// report carries raw input bytes in every string field, as a library caller
// may fill one.
inline auto run_render(std::string_view data) -> Violations {
  Violations out;
  const auto [selector, rest] = select(data);
  const std::size_t name_size = rest.empty() ? 0 : static_cast<unsigned char>(rest.front());
  const std::string_view after = rest.empty() ? rest : rest.substr(1);
  const std::string_view name = after.substr(0, std::min(name_size, after.size()));
  const std::string_view payload = after.substr(name.size());
  try {
    Options options;
    if ((selector & 1U) != 0) options.limits = lowered_limits();
    std::vector<Report> reports;
    reports.push_back(check(payload, name, options));
    Report raw;
    raw.source = std::string(payload.substr(0, 64));
    raw.origin = std::string(name);
    raw.omitted = selector;
    raw.omitted_worst = static_cast<Severity>(selector % 3);
    Diagnostic d;
    d.code = "CC202";
    d.name = "callback-uri-not-https";
    d.message = std::string(name) + std::string(payload.substr(0, 128));
    d.help = std::string(payload.substr(0, 32));
    d.pointer = "/" + std::string(name);
    d.span = Span{Position{1, 1 + static_cast<std::uint32_t>(selector % 7)}, Position{1, 40}};
    raw.diagnostics.push_back(d);
    raw.scenario.evidence = std::string(name);
    reports.push_back(raw);
    constexpr Format kFormats[] = {Format::Text,   Format::Json,   Format::Sarif,  Format::Junit,
                                   Format::Github, Format::Gitlab, Format::Concise};
    for (const Format format : kFormats) {
      // SARIF writes its ~100 KB rule catalogue per document: one input in
      // 32 renders it (the selector's top bits), the others stay fast. Its
      // strings go through the same writer as the JSON format's.
      if (format == Format::Sarif && (selector >> 3U) != 0) continue;
      RenderOptions render_options;
      render_options.tool_version = "0.0.0-fuzz";
      render_options.fail_on = static_cast<Severity>((selector >> 2U) % 3);
      std::ostringstream stream;
      const auto renderer = make_renderer(format, render_options);
      Summary summary;
      renderer->begin(stream);
      for (const Report &r : reports) {
        summary.add(r);
        renderer->file(stream, r, payload);
      }
      renderer->end(stream, summary);
      const std::string rendered = stream.str();
      if (format == Format::Sarif) {
        // The fixed catalogue is checked once; the rest here.
        const SarifPrefix &prefix = sarif_prefix();
        static const Violations catalogue = [&] {
          Violations v;
          if (!prefix.valid) v.push_back("sarif rule catalogue is not valid UTF-8 JSON");
          check_printed(prefix.bytes, Format::Sarif, false, v);
          return v;
        }();
        out.insert(out.end(), catalogue.begin(), catalogue.end());
        if (rendered.compare(0, prefix.bytes.size(), prefix.bytes) != 0) {
          out.push_back("sarif output does not start with the fixed catalogue");
          continue;
        }
        if (!valid_json(std::string(kSarifStandIn) + rendered.substr(prefix.bytes.size()))) {
          out.push_back("sarif output is not valid UTF-8 JSON");
        }
        check_printed(std::string_view(rendered).substr(prefix.bytes.size()), format, false, out);
        continue;
      }
      check_printed(rendered, format, format == Format::Junit, out);
      if (format != Format::Json) continue;
      // JSON stays lossless: the path reads back as the name (ill-formed
      // UTF-8 as U+FFFD).
      rapidjson::Document parsed;
      parsed.Parse<rapidjson::kParseValidateEncodingFlag>(rendered.data(), rendered.size());
      if (parsed.HasParseError() || !parsed.IsObject() || !parsed.HasMember("files")) {
        out.push_back("json output does not parse");
        continue;
      }
      const rapidjson::Value &path = parsed["files"][0]["path"];
      if (std::string_view(path.GetString(), path.GetStringLength()) != detail::well_formed_utf8(name)) {
        out.push_back("json path does not read back as the file name");
      }
    }
  } catch (const std::exception &e) {
    out.push_back(std::string("exception escaped: ") + e.what());
  }
  return out;
}

// The language server's message loop (issue 16), framing included: the
// bytes are a client's stdin. Selector bit 0 wraps the rest in an initialize
// + didOpen prologue (so the fuzzer reaches the document methods), bit 1
// lowers the limits. Invariants: nothing escapes, every reply is framed with
// its exact length and is a JSON-RPC object.
inline auto run_server(std::string_view data) -> Violations {
  Violations out;
  const auto [selector, text] = select(data);
  std::string input;
  auto frame = [&](std::string_view body) {
    input += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    input += body;
  };
  if ((selector & 1U) != 0) {
    frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
    frame(
        R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///f.json","languageId":"json","version":1,"text":"{\"requestedModalities\": [\"Audio\",],\n \"x\": 1}"}}})");
  }
  input += text;
  try {
    Options options;
    if ((selector & 2U) != 0) options.limits = lowered_limits();
    server::Server srv([options](const std::string &) { return server::Resolved{options, {}}; });
    std::istringstream in(input);
    std::ostringstream replies;
    (void)server::serve(in, replies, srv, (selector & 2U) != 0 ? 8192 : 1U << 20U);
    const std::string all = replies.str();
    std::size_t at = 0;
    while (at < all.size()) {
      constexpr std::string_view kHeader = "Content-Length: ";
      if (all.compare(at, kHeader.size(), kHeader) != 0) {
        out.push_back("a reply does not start with Content-Length");
        break;
      }
      const std::size_t end = all.find("\r\n\r\n", at);
      if (end == std::string::npos) {
        out.push_back("a reply header is not terminated");
        break;
      }
      const std::size_t length = std::stoul(all.substr(at + kHeader.size(), end - at - kHeader.size()));
      const std::string body = all.substr(end + 4, length);
      if (body.size() != length) {
        out.push_back("a reply is shorter than its Content-Length");
        break;
      }
      rapidjson::Document reply;
      reply.Parse(body.c_str(), body.size());
      if (reply.HasParseError() || !reply.IsObject() || !reply.HasMember("jsonrpc")) {
        out.push_back("a reply is not a JSON-RPC object: " + body.substr(0, 200));
      }
      at = end + 4 + length;
    }
  } catch (const std::exception &e) {
    out.push_back(std::string("exception escaped: ") + e.what());
  }
  return out;
}

// fuzz_schema: the compiled schema checkers against valijson, their oracle
// (issue 14 item 2a). The selector picks the embedded schema the root and up
// to 16 nested objects are checked against; the root also meets both
// create-call schemas, which the seeds are mostly about.
inline auto run_schema(std::string_view data) -> Violations {
  Violations out;
  const auto selected = select(data);
  const Limits limits = (selected.selector & 1U) != 0 ? lowered_limits() : Limits{};
  try {
    const detail::Document doc = detail::Document::parse(selected.text, limits);
    if (!doc.has_dom()) return out;
    static const std::vector<std::string_view> paths = detail::compiled_paths();
    const std::string_view picked = paths[selected.selector % paths.size()];
    const auto compare = [&out](std::string_view path, const rapidjson::Value &value, const char *what) {
      const detail::OracleVerdict v = detail::oracle_verdict(path, value);
      if (v.compiled != v.valijson) {
        out.push_back(std::string("compiled checker of ") + std::string(path) + " says " +
                      (v.compiled ? "valid" : "invalid") + " for " + what + ", valijson disagrees");
      } else if (!v.valijson) {
        const detail::OracleTexts e = detail::oracle_errors(path, value);
        if (e.compiled != e.valijson) {
          out.push_back("compiled errors of " + std::string(path) + " for " + what + ":\n" + e.compiled +
                        "valijson's:\n" + e.valijson);
        }
      }
    };
    // The findings users see, for the create call and one request root of
    // each profile.
    for (const ApiVersion api : {ApiVersion::V1, ApiVersion::Beta}) {
      static const std::vector<std::string> v1_roots = detail::oracle_roots(ApiVersion::V1);
      static const std::vector<std::string> beta_roots = detail::oracle_roots(ApiVersion::Beta);
      const std::vector<std::string> &roots = api == ApiVersion::Beta ? beta_roots : v1_roots;
      for (const std::string_view root :
           {std::string_view("call"), std::string_view(roots[selected.selector % roots.size()])}) {
        const detail::OracleTexts f = detail::oracle_findings(doc, api, root);
        if (f.compiled != f.valijson) {
          out.push_back("compiled findings for " + std::string(root) + ":\n" + f.compiled + "valijson's:\n" +
                        f.valijson);
        }
      }
    }
    compare(picked, doc.root(), "the root");
    compare("graph/v1.0/call.schema.json", doc.root(), "the root");
    compare("graph/beta/call.schema.json", doc.root(), "the root");
    std::vector<const rapidjson::Value *> stack{&doc.root()};
    std::size_t nested = 0;
    while (!stack.empty() && nested < 16) {
      const rapidjson::Value *v = stack.back();
      stack.pop_back();
      if (v->IsObject()) {
        if (v != &doc.root()) {
          compare(picked, *v, "a nested object");
          ++nested;
        }
        for (auto m = v->MemberBegin(); m != v->MemberEnd(); ++m) stack.push_back(&m->value);
      } else if (v->IsArray()) {
        for (const rapidjson::Value &e : v->GetArray()) stack.push_back(&e);
      }
    }
  } catch (const std::exception &e) {
    out.push_back(std::string("exception escaped: ") + e.what());
  }
  return out;
}

struct Target {
  std::string_view name;  // tests/fuzz/fuzz_<name>.cc, tests/fuzz/regressions/<name>/
  Violations (*run)(std::string_view data);
};

inline constexpr Target kTargets[] = {
    {"check", run_check},     {"parse", run_parse},   {"token", run_token},   {"config", run_config},
    {"extract", run_extract}, {"render", run_render}, {"server", run_server}, {"schema", run_schema},
};

// libFuzzer's entry, for a target's run_*: any violated invariant aborts,
// which libFuzzer records as a crash with the input saved.
inline auto drive(Violations (*run)(std::string_view), const std::uint8_t *data, std::size_t size) -> int {
  const Violations violations = run(std::string_view(reinterpret_cast<const char *>(data), size));
  if (violations.empty()) return 0;
  for (const std::string &v : violations) std::fprintf(stderr, "invariant violated: %s\n", v.c_str());
  std::abort();
}

}  // namespace callcheck::fuzz

#endif  // CALLCHECK_TESTS_FUZZ_FUZZ_COMMON_H_
