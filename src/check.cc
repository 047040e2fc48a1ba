// The pipeline (STYLE.md 5): bytes -> Document + SourceMap -> schema findings
// -> scenario -> rules -> required scopes -> Report. Nothing else.
#include <callcheck/check.h>
#include <callcheck/join.h>

#include <algorithm>  // std::stable_sort
#include <cstdint>    // std::uint32_t
#include <deque>      // std::deque
#include <optional>   // std::optional
#include <set>        // std::set
#include <vector>     // std::vector

#include <fmt/format.h>

#include "catalog/policy.h"
#include "document/document.h"
#include "permissions/permissions.h"
#include "request/pipeline.h"
#include "request/request.h"
#include "rules/rule.h"
#include "scenario/classify.h"
#include "schema/navigator.h"
#include "schema/user_schema.h"
#include "schema/validate.h"
#include "catalog/cc109_validator_internal_error.h"
#include "catalog/diagnostic.h"

namespace callcheck {
namespace {

class Assembler {
 public:
  Assembler(const detail::Document &doc, const Source &source, const Options &options, Report &report)
      : doc_(doc), source_(source), policy_(options), report_(report) {}

  [[nodiscard]] auto policy() const -> const detail::Policy & { return policy_; }

  // Findings another stage still reads (the schema's, which the rules see)
  // are copied; all others are moved into their diagnostic.
  void add(const detail::Finding &f) {
    if (!policy_.enabled(*f.rule)) return;
    add(detail::Finding(f));
  }
  void add(detail::Finding &&f) {
    std::optional<Severity> severity = policy_.severity(*f.rule);
    if (!severity) return;
    const Span span = doc_.span(f.pointer, f.at_key);
    push(*severity, *f.rule, std::move(f.message), std::move(f.pointer), std::move(f.help), f.message_id,
         std::move(f.fix), span);
  }
  void add(const detail::ParseFinding &f) {
    std::optional<Severity> severity = policy_.severity(*f.rule);
    if (!severity) return;
    push(*severity, *f.rule, f.message, f.pointer, f.help, {}, f.fix, doc_.span_of_bytes(f.begin, f.end));
  }

 private:
  void push(Severity severity, const RuleMeta &rule, std::string message, std::string pointer, std::string help,
            std::string_view message_id, std::optional<Fix> fix, Span span) {
    auto shift = [&](Position p) {
      if (p.line == 0) return p;
      return Position{p.line + source_.line_offset, p.column + source_.column_offset};
    };
    // Room for a few at the first: an invalid body usually has several, and
    // each growth moves every Diagnostic so far.
    if (report_.diagnostics.capacity() == 0) report_.diagnostics.reserve(8);
    Diagnostic &d = report_.diagnostics.emplace_back(detail::make_diagnostic(
        rule, std::move(message), std::move(pointer), Span{shift(span.begin), shift(span.end)}, std::move(help)));
    d.severity = severity;
    d.message_id = std::string(message_id);
    // The catalogue says whether a rule fixes and how safely (one source of
    // truth for --fix, --unsafe-fixes and the docs' "Fix safety").
    if (fix && rule.fix != FixSafety::None) {
      d.fix = std::move(fix);
      d.fix->safety = rule.fix;
      for (Edit &e : d.fix->edits) {
        const Span s = doc_.span_of_bytes(static_cast<std::uint32_t>(e.begin), static_cast<std::uint32_t>(e.end));
        e.span = Span{shift(s.begin), shift(s.end)};
      }
    }
  }

  const detail::Document &doc_;
  const Source &source_;
  const detail::Policy policy_;
  Report &report_;
};

// The rules that run on `request`. Under a plain policy (no selector, no
// level) that list depends on the request and --preview only, so each
// thread keeps it per request instead of asking the policy about every rule
// of every payload; otherwise it is rebuilt, in a per-thread vector.
auto rules_for(const detail::Policy &policy, const Options &options, const detail::RequestDef &request)
    -> const std::vector<const detail::Rule *> & {
  auto fill = [&](std::vector<const detail::Rule *> &rules) {
    rules.clear();
    rules.reserve(detail::builtin_rules().size());
    // Every rule runs on create (runs_on's first test, asked once here).
    const bool create = &request == &detail::create_request();
    for (const detail::Rule *rule : detail::builtin_rules()) {
      // A deselected rule does not run at all (its cost, and any bug in it,
      // stay out of runs that did not ask for it).
      if (!policy.enabled(rule->meta())) continue;
      if (!create && !detail::runs_on(rule->meta(), request)) continue;
      rules.push_back(rule);
    }
  };
  if (!policy.plain()) {
    thread_local std::vector<const detail::Rule *> configured;
    fill(configured);
    return configured;
  }
  struct Kept {
    const detail::RequestDef *request;
    bool preview;
    std::vector<const detail::Rule *> rules;
  };
  thread_local std::deque<Kept> kept;  // a handful of requests; deque: a list handed out stays put
  for (const Kept &k : kept) {
    if (k.request == &request && k.preview == options.preview) return k.rules;
  }
  Kept &k = kept.emplace_back(Kept{&request, options.preview, {}});
  fill(k.rules);
  return k.rules;
}

// Sorted through an index: a Diagnostic is six strings and a fix, and
// sorting the vector itself moved each many times (issue 14). The index
// sort is stable, as the insertion sort std::sort uses on short lists is:
// of equal keys the first produced is kept.
void sort_and_dedupe(std::vector<Diagnostic> &diagnostics) {
  if (diagnostics.size() < 2) return;
  auto key = [](const Diagnostic &d) {
    return std::tie(d.span.begin.line, d.span.begin.column, d.code, d.pointer, d.message);
  };
  thread_local std::vector<std::uint32_t> order;
  order.resize(diagnostics.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return key(diagnostics[a]) < key(diagnostics[b]); });
  std::vector<Diagnostic> sorted;
  sorted.reserve(diagnostics.size());
  for (const std::uint32_t i : order) {
    if (!sorted.empty() && key(sorted.back()) == key(diagnostics[i])) continue;
    sorted.push_back(std::move(diagnostics[i]));
  }
  diagnostics = std::move(sorted);
}

// After sorting, so the findings kept are the first by position whatever
// order the stages produced them in.
void cap_findings(Report &report, std::size_t max_findings) {
  if (report.diagnostics.size() <= max_findings) return;
  for (auto it = report.diagnostics.begin() + static_cast<std::ptrdiff_t>(max_findings); it != report.diagnostics.end();
       ++it) {
    if (!report.omitted_worst || it->severity < *report.omitted_worst) report.omitted_worst = it->severity;
  }
  report.omitted = report.diagnostics.size() - max_findings;
  report.diagnostics.resize(max_findings);
}

auto check_unguarded(std::string_view text, const Source &source, const Options &options) -> Report {
  Report report;
  report.source = std::string(source.name);
  // A request that takes no body (keepAlive) may come without one.
  const detail::Document doc = detail::Document::parse(
      detail::bodyless_and_blank(text, options, source.request_line) ? std::string_view("{}") : text, options.limits);
  Assembler assemble(doc, source, options, report);
  for (const detail::ParseFinding &f : doc.findings()) assemble.add(f);
  detail::Decision decision = detail::decide(doc, options, source.request_line);
  for (detail::Finding &f : decision.findings) assemble.add(std::move(f));
  if (decision.request != nullptr) {
    report.request = RequestInfo{std::string(decision.request->name), std::string(to_string(decision.decided_by)), ""};
  } else {
    report.request = RequestInfo{"", std::string(to_string(decision.decided_by)), ""};
  }
  if (!doc.has_dom() || decision.stop) {
    sort_and_dedupe(report.diagnostics);
    return report;
  }
  const detail::RequestDef &request = *decision.request;
  const bool create = &request == &detail::create_request();

  const std::vector<detail::Finding> schema = detail::validate_schema(doc, options.api, detail::schema_root(request));
  for (const detail::Finding &f : schema) assemble.add(f);
  for (const detail::Finding &f : detail::validate_policies(doc, options)) assemble.add(f);  // team policies (CC110)

  std::vector<detail::Finding> scenario_findings;
  report.scenario = create ? detail::classify(doc, scenario_findings) : detail::request_scenario(request);
  // Where the scenario was decided, for reports about the payload as a whole
  // (the permission audit names each payload that needs a permission).
  auto located = [&](const std::string &pointer) {
    if (pointer.empty()) return Span{};
    Span s = doc.span(pointer, true);
    for (Position *p : {&s.begin, &s.end}) {
      if (p->line != 0) *p = Position{p->line + source.line_offset, p->column + source.column_offset};
    }
    return s;
  };
  report.scenario.evidence_span = located(report.scenario.evidence);
  report.scenario.media_evidence_span = located(report.scenario.media_evidence);
  for (detail::Finding &f : scenario_findings) assemble.add(std::move(f));

  const detail::Navigator &nav =
      create ? detail::Navigator::for_call(options.api) : detail::request_navigator(options.api, request);
  std::optional<JoinUrlResult> join_url;
  if (options.join_url) join_url = parse_join_url(*options.join_url);
  std::optional<std::string_view> token_tenant;
  if (options.token_tenant) token_tenant = *options.token_tenant;
  detail::RuleContext context{
      doc,         nav, report.scenario, options.api, source.request_line, schema, join_url ? &*join_url : nullptr,
      token_tenant};
  context.request = request.name;
  detail::DiagnosticSink sink;
  const std::vector<const detail::Rule *> &rules = rules_for(assemble.policy(), options, request);
  detail::run_rules(rules, context, sink);
  for (detail::Finding &f : sink.findings()) assemble.add(std::move(f));

  detail::ScopeRequirement requirement = create ? detail::required_scopes(report.scenario, doc, options.api)
                                                : detail::request_scopes(request.name, doc, options.api);
  if (options.granted_scopes) {
    std::vector<detail::Finding> scope_findings;
    detail::check_granted(*options.granted_scopes, report.scenario, requirement, scope_findings,
                          create ? std::string_view{} : request.name);
    for (detail::Finding &f : scope_findings) assemble.add(std::move(f));
    report.scopes_checked = true;
  }
  report.required_scopes = std::move(requirement.required);
  if (!create) report.request.permissions = std::string(requirement.note);
  report.alternatives = std::move(requirement.alternatives);
  sort_and_dedupe(report.diagnostics);
  return report;
}

}  // namespace

auto check(std::string_view text, std::string_view source_name, const Options &options) -> Report {
  return check(text, Source{source_name, 0, 0, {}}, options);
}

auto check(std::string_view text, const Source &source, const Options &options) -> Report {
  try {
    Report report = check_unguarded(text, source, options);
    cap_findings(report, options.limits.max_findings);
    return report;
  } catch (const std::exception &e) {
    // A bug (a RapidJSON assertion, an allocation failure): keep the caller
    // alive and say so, rather than unwinding into a bot's request path.
    Report report;
    report.source = std::string(source.name);
    report.diagnostics.push_back(detail::make_diagnostic(catalog::kValidatorInternalError,
                                                         std::string("internal error while checking: ") + e.what(), "",
                                                         Span{Position{1, 1}, Position{1, 1}}));
    return report;
  }
}

auto Report::count(Severity severity) const -> std::size_t {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [&](const Diagnostic &d) { return d.severity == severity; }));
}

auto Report::worst() const -> std::optional<Severity> {
  std::optional<Severity> worst = omitted_worst;
  for (const Diagnostic &d : diagnostics) {
    if (!worst || d.severity < *worst) worst = d.severity;
  }
  return worst;
}

}  // namespace callcheck
