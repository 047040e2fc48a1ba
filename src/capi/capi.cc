// The C ABI (include/callcheck/callcheck_c.h). Nothing but plain C crosses it:
// every entry point catches everything, and strings are malloc'd copies the
// caller frees with callcheck_free().
#include "document/rapidjson_adapter.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdlib>  // std::malloc, std::free
#include <cstring>  // std::memcpy
#include <new>      // std::bad_alloc
#include <sstream>  // std::ostringstream

#include <fmt/format.h>

#include "callcheck/callcheck.h"
#include "callcheck/callcheck_c.h"
#include "capi/options.h"
#include "catalog/policy.h"
#include "config/config.h"
#include "permissions/permissions.h"
#include "catalog/diagnostic.h"
#include "render/rules_document.h"

namespace {

using callcheck::Report;

auto copy_out(const std::string &text) noexcept -> char * {
  auto *p = static_cast<char *>(std::malloc(text.size() + 1));
  if (p == nullptr) return nullptr;
  std::memcpy(p, text.data(), text.size());
  p[text.size()] = '\0';
  return p;
}

auto error_document(std::string_view message) -> std::string {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("error");
  w.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

auto fail(char **report_json, std::string_view message) noexcept -> int {
  try {
    *report_json = copy_out(error_document(message));
  } catch (...) {
    *report_json = nullptr;
  }
  return CALLCHECK_FAILURE;
}

// As the CLI does with --scopes (src/cli/run_check.cc): the spelling of the
// granted names (CC303/CC304) is reported once, in an entry of its own named
// "--scopes", and check() receives the canonical list.
auto lint_scopes(callcheck::Options &options) -> Report {
  Report flag;
  flag.source = "--scopes";
  if (!options.granted_scopes) return flag;
  const callcheck::detail::GrantedLint lint = callcheck::detail::lint_granted(*options.granted_scopes);
  for (std::size_t i = 0; i < lint.findings.size(); ++i) {
    const callcheck::detail::Finding &f = lint.findings[i];
    auto d = callcheck::detail::make_diagnostic(callcheck::detail::Policy(options), *f.rule, f.message,
                                                "/" + std::to_string(lint.index[i]), callcheck::Span{{1, 1}, {1, 1}},
                                                f.help);
    if (d) flag.diagnostics.push_back(std::move(*d));
  }
  options.granted_scopes = lint.canonical;
  return flag;
}

auto check_body(std::string_view body, std::string_view source, std::string_view options_json, char **report_json)
    -> int {
  callcheck::detail::AbiOptions parsed = callcheck::detail::parse_abi_options(options_json);
  if (!parsed.error.empty()) return fail(report_json, parsed.error);
  const Report flag = lint_scopes(parsed.options);
  const Report report = callcheck::check(body, callcheck::Source{source, 0, 0, parsed.request_line}, parsed.options);

  bool hit = false;
  for (const Report *r : {&flag, &report}) {
    if (const auto worst = r->worst(); worst && *worst <= parsed.fail_on) hit = true;
  }
  std::string document;
  if (flag.diagnostics.empty()) {
    document = callcheck::to_json(report);
  } else {
    // The CLI's summary counts the flag's findings but not the flag as a file.
    std::ostringstream out;
    const auto renderer = callcheck::make_renderer(callcheck::Format::Json, callcheck::RenderOptions{});
    callcheck::Summary summary;
    summary.add(flag);
    summary.files = 0;
    summary.files_with_findings = 0;
    summary.add(report);
    renderer->begin(out);
    renderer->file(out, flag, "");
    renderer->file(out, report, "");
    renderer->end(out, summary);
    document = out.str();
  }
  *report_json = copy_out(document);
  if (*report_json == nullptr) return CALLCHECK_FAILURE;
  return hit ? CALLCHECK_FINDINGS : CALLCHECK_CLEAN;
}

}  // namespace

extern "C" {

int callcheck_check(const char *body, size_t length, const char *source_name, const char *options_json,
                    char **report_json) {
  if (report_json == nullptr) return CALLCHECK_FAILURE;
  *report_json = nullptr;
  if (body == nullptr && length != 0) return fail(report_json, "body is NULL but length is not 0");
  try {
    const std::string_view text = body == nullptr ? std::string_view() : std::string_view(body, length);
    const std::string_view source =
        source_name == nullptr || *source_name == '\0' ? std::string_view("<body>") : std::string_view(source_name);
    const std::string_view options = options_json == nullptr ? std::string_view() : std::string_view(options_json);
    return check_body(text, source, options, report_json);
  } catch (const std::bad_alloc &) {
    return fail(report_json, "out of memory");
  } catch (const std::exception &e) {
    return fail(report_json, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(report_json, "internal error");
  }
}

char *callcheck_rules_json(void) {
  try {
    return copy_out(callcheck::detail::rules_document(true));
  } catch (...) {
    return nullptr;
  }
}

const char *callcheck_version(void) { return CALLCHECK_VERSION; }

void callcheck_free(char *text) { std::free(text); }

}  // extern "C"
