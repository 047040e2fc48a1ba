#include "fix/edits.h"
#include "document/rapidjson_adapter.h"

#include "config/config.h"

#include <algorithm>  // std::sort, std::any_of, std::remove_if
#include <tuple>      // std::tie

#include <fmt/format.h>

#include "callcheck/join.h"
#include "callcheck/rules.h"
#include "catalog/policy.h"
#include "config/glob.h"
#include "document/document.h"
#include "document/pointer.h"
#include "permissions/permissions.h"
#include "schema/validate.h"
#include "util/suggest.h"
#include "catalog/cc401_invalid_config.h"
#include "catalog/cc402_unused_suppression.h"
#include "catalog/diagnostic.h"

namespace callcheck::detail {
namespace {

auto sv(const Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

auto member(const Value &object, std::string_view name) -> const Value * {
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    if (sv(it->name) == name) return &it->value;
  }
  return nullptr;
}

auto strings(const Value &array) -> std::vector<std::string> {
  std::vector<std::string> out;
  if (array.IsString()) out.emplace_back(sv(array));
  if (!array.IsArray()) return out;
  for (const Value &v : array.GetArray()) out.emplace_back(sv(v));
  return out;
}

auto invalid(std::string message, std::string pointer, Span span, std::string help = {}) -> Diagnostic {
  return make_diagnostic(catalog::kInvalidConfig, std::move(message), std::move(pointer), span, std::move(help));
}

auto name_like(std::string_view text) -> bool {
  if (text.empty() || text.size() > 64 || text.substr(0, 3) == "eyJ") return false;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("_.-:/@$#*").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

auto replace_all(std::string &text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

class Loader {
 public:
  explicit Loader(const Document &doc, ConfigLoad &out) : doc_(doc), out_(out) {}

  void levels(const Value &object, const std::string &pointer, std::map<std::string, RuleLevel> &into) {
    for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
      const std::string_view key = sv(it->name);
      const std::string at = join_pointer(pointer, key);
      const RuleLevel level = *parse_rule_level(sv(it->value));
      if (const auto problem = check_rule_key(key, level)) {
        // Quote the key only when it reads like a name (shown()).
        error(name_like(key) ? problem->message : std::string("this member is not a rule code or name"), at, true,
              name_like(key) ? problem->help : std::string());
        continue;
      }
      into[std::string(find_rule(key)->code)] = level;
    }
  }

  auto selectors(const Value &array, const std::string &pointer, bool for_ignore) -> std::vector<std::string> {
    std::vector<std::string> out;
    for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
      const std::string_view item = sv(array[i]);
      if (const auto problem = check_selector(item, for_ignore)) {
        error(name_like(item) ? problem->message : std::string("this entry is not a rule code, name or code prefix"),
              pointer + "/" + std::to_string(i), false, name_like(item) ? problem->help : std::string());
      }
      out.emplace_back(item);
    }
    return out;
  }

  void suppression(const Value &entry, const std::string &pointer) {
    Suppression s;
    s.files = strings(*member(entry, "files"));
    globs(*member(entry, "files"), pointer + "/files");
    s.pointer = std::string(sv(*member(entry, "pointer")));
    s.reason = std::string(sv(*member(entry, "reason")));
    s.span = doc_.span(pointer);
    const std::string_view rule = sv(*member(entry, "rule"));
    if (const RuleMeta *meta = find_rule(rule); meta != nullptr && always_reported(meta->code)) {
      error(fmt::format("{} {} is always reported (input validity) and cannot be suppressed", meta->code, meta->name),
            pointer + "/rule", false, "fix the input instead");
    } else if (meta != nullptr) {
      s.code = std::string(meta->code);
    } else {
      error(fmt::format("{} is not a rule code or name", shown(rule, "`rule`")), pointer + "/rule", false,
            name_like(rule) ? check_rule_key(rule, RuleLevel::Error)->help : std::string());
    }
    std::string_view bare = s.pointer;
    if (bare.size() >= 2 && bare.substr(bare.size() - 2) == "/*") bare.remove_suffix(2);
    if (!split_pointer(bare)) {
      error(fmt::format("{} is not a JSON Pointer", shown(s.pointer, "`pointer`")), pointer + "/pointer", false,
            "write \"\" for the whole payload or start with `/`, e.g. \"/targets/0/identity\"");
    }
    if (s.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      error("a suppression needs a reason", pointer + "/reason", false, "say why this finding is acceptable");
    }
    out_.config.suppressions.push_back(std::move(s));
  }

  // A link that cannot be read is a configuration error, not one CC240 per file.
  auto join_url(const Value &value, const std::string &pointer) -> std::optional<std::string> {
    const JoinUrlResult link = parse_join_url(sv(value));
    if (!link) {
      error(std::string(to_string(link.error())), pointer, false, std::string(join_url_help(link.error())));
      return std::nullopt;
    }
    return std::string(sv(value));
  }

  // Globs longer than kMaxGlobBytes are refused (config.h).
  void globs(const Value &files, const std::string &pointer) {
    auto check = [&](const Value &v, const std::string &at) {
      if (v.GetStringLength() <= kMaxGlobBytes) return;
      error(fmt::format("a glob of {} bytes; globs are limited to {} bytes", v.GetStringLength(), kMaxGlobBytes), at,
            false, "use `**` instead of spelling out long paths");
    };
    if (files.IsString()) check(files, pointer);
    if (!files.IsArray()) return;
    for (rapidjson::SizeType i = 0; i < files.Size(); ++i) check(files[i], pointer + "/" + std::to_string(i));
  }

  void error(std::string message, const std::string &pointer, bool at_key, std::string help) {
    out_.errors.push_back(invalid(std::move(message), pointer, doc_.span(pointer, at_key), std::move(help)));
  }

 private:
  const Document &doc_;
  ConfigLoad &out_;
};

auto by_position(const Diagnostic &a, const Diagnostic &b) -> bool {
  return std::tie(a.span.begin.line, a.span.begin.column, a.code, a.message) <
         std::tie(b.span.begin.line, b.span.begin.column, b.code, b.message);
}

}  // namespace

auto parse_config(std::string_view text) -> ConfigLoad {
  ConfigLoad out;
  const Document doc = Document::parse(text, Limits{});
  // Every parse finding (syntax, encoding, duplicate keys, ...) makes the
  // configuration ambiguous, so each one is an error here.
  for (const ParseFinding &f : doc.findings()) {
    out.errors.push_back(
        invalid(fmt::format("{} ({})", f.message, f.rule->code), f.pointer, doc.span_of_bytes(f.begin, f.end), f.help));
  }
  if (!doc.has_dom()) return out;
  for (const Finding &f : validate_against(doc, "callcheck/config.schema.json")) {
    out.errors.push_back(config_schema_error(doc, f));
  }
  if (!out.errors.empty()) {
    std::sort(out.errors.begin(), out.errors.end(), by_position);
    return out;
  }

  // The schema holds, so every member has the shape read below.
  const Value &root = doc.root();
  Config &config = out.config;
  Loader load(doc, out);
  if (const Value *v = member(root, "root")) config.root = v->GetBool();
  if (const Value *v = member(root, "api")) config.api = parse_api_version(sv(*v));
  if (const Value *v = member(root, "scopes")) {
    const GrantedLint lint = lint_granted(strings(*v));
    for (std::size_t i = 0; i < lint.findings.size(); ++i) {
      const Finding &f = lint.findings[i];
      const std::string at = "/scopes/" + std::to_string(lint.index[i]);
      Diagnostic d = make_diagnostic(*f.rule, f.message, at, doc.span(at), f.help);
      // CC303: the canonical name is what the service knows; written in place.
      const Value &entry = (*v)[static_cast<rapidjson::SizeType>(lint.index[i])];
      if (const auto canonical =
              f.rule->fix != FixSafety::None && entry.IsString() ? canonical_scope(sv(entry)) : std::nullopt) {
        if (auto fix = make_fix(f.rule->fix, fmt::format("write `{}`", *canonical),
                                {replace_value(doc, at, json_quote(*canonical))})) {
          for (Edit &e : fix->edits) {
            e.span = doc.span_of_bytes(static_cast<std::uint32_t>(e.begin), static_cast<std::uint32_t>(e.end));
          }
          d.fix = std::move(fix);
        }
      }
      out.scope_notices.push_back(std::move(d));
    }
    config.scopes = lint.canonical;
  }
  if (const Value *v = member(root, "rules")) load.levels(*v, "/rules", config.rules);
  if (const Value *v = member(root, "select")) config.select = load.selectors(*v, "/select", false);
  if (const Value *v = member(root, "ignore")) config.ignore = load.selectors(*v, "/ignore", true);
  if (const Value *v = member(root, "preview")) config.preview = v->GetBool();
  if (const Value *v = member(root, "overrides")) {
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      const Value &entry = (*v)[i];
      const std::string at = "/overrides/" + std::to_string(i);
      ConfigOverride o;
      o.files = strings(*member(entry, "files"));
      load.globs(*member(entry, "files"), at + "/files");
      if (const Value *api = member(entry, "api")) o.api = parse_api_version(sv(*api));
      if (const Value *rules = member(entry, "rules")) load.levels(*rules, at + "/rules", o.rules);
      if (const Value *link = member(entry, "joinUrl")) o.join_url = load.join_url(*link, at + "/joinUrl");
      if (const Value *r = member(entry, "request")) o.request = std::string(sv(*r));
      config.overrides.push_back(std::move(o));
    }
  }
  if (const Value *v = member(root, "suppressions")) {
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) load.suppression((*v)[i], "/suppressions/" + std::to_string(i));
  }
  if (const Value *v = member(root, "exclude")) {
    config.exclude = strings(*v);
    load.globs(*v, "/exclude");
  }
  if (const Value *v = member(root, "joinUrl")) config.join_url = load.join_url(*v, "/joinUrl");
  if (const Value *v = member(root, "request")) config.request = std::string(sv(*v));
  if (const Value *v = member(root, "baseline")) {
    config.baseline = ConfigPath{std::string(sv(*v)), "baseline", "/baseline", doc.span("/baseline")};
  }
  if (const Value *v = member(root, "schemas")) {
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      const std::string at = "/schemas/" + std::to_string(i);
      const Value &entry = (*v)[i];
      ConfigSchema s;
      s.files = strings(*member(entry, "files"));
      load.globs(*member(entry, "files"), at + "/files");
      s.schema =
          ConfigPath{std::string(sv(*member(entry, "schema"))), "schema", at + "/schema", doc.span(at + "/schema")};
      config.schemas.push_back(std::move(s));
    }
  }
  if (const Value *v = member(root, "app"); v != nullptr && v->IsArray()) {
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      const std::string at = "/app/" + std::to_string(i);
      config.app.push_back(ConfigPath{std::string(sv((*v)[i])), "app", at, doc.span(at)});
    }
  }
  std::sort(out.errors.begin(), out.errors.end(), by_position);
  return out;
}

auto shown(std::string_view text, std::string_view placeholder) -> std::string {
  return name_like(text) ? fmt::format("`{}`", text) : std::string(placeholder);
}

auto config_schema_error(const Document &doc, const Finding &finding) -> Diagnostic {
  std::string message = finding.message;
  std::string help = finding.help;
  // The validator quotes the value it judges (schema/validate.cc
  // scalar_text: the string, or its first 57 bytes and "...") and, for
  // unknown members, the member name.
  if (const Value *v = doc.find(finding.pointer); v != nullptr && v->IsString() && !name_like(sv(*v))) {
    const std::string_view value = sv(*v);
    replace_all(message, fmt::format("\"{}\"", value), "a string");
    if (value.size() > 60) replace_all(message, fmt::format("\"{}...\"", value.substr(0, 57)), "a string");
    if (value.size() >= 8) replace_all(help, value, "…");
  }
  if (finding.at_key) {
    const std::string key = last_token(finding.pointer);
    if (!name_like(key)) {
      replace_all(message, fmt::format("`{}`", key), "a member");
      if (key.size() >= 8) replace_all(help, key, "…");
    }
  }
  return invalid(std::move(message), finding.pointer, doc.span(finding.pointer, finding.at_key), std::move(help));
}

void apply_config(const Config &config, std::string_view relative_path, Options &options) {
  if (config.api) options.api = *config.api;
  if (config.request) options.configured_request = *config.request;
  if (config.scopes) options.granted_scopes = config.scopes;
  for (const auto &[code, level] : config.rules) options.rule_levels[code] = level;
  if (config.select) options.select = *config.select;
  if (config.ignore) options.ignore = *config.ignore;
  if (config.preview) options.preview = *config.preview;
  if (config.join_url) options.join_url = config.join_url;
  for (const ConfigOverride &o : config.overrides) {
    if (!glob_match_any(o.files, relative_path)) continue;
    if (o.api) options.api = *o.api;
    if (o.request) options.configured_request = *o.request;
    if (o.join_url) options.join_url = o.join_url;
    for (const auto &[code, level] : o.rules) options.rule_levels[code] = level;
  }
  for (const ConfigSchema &s : config.schemas) {
    if (s.compiled && glob_match_any(s.files, relative_path)) options.policies.push_back(s.compiled);
  }
}

auto rule_enabled(const Options &options, std::string_view code) -> bool { return Policy(options).enabled(code); }

auto pointer_covered(std::string_view suppression_pointer, std::string_view pointer) -> bool {
  if (suppression_pointer.size() >= 2 && suppression_pointer.substr(suppression_pointer.size() - 1) == "*" &&
      suppression_pointer[suppression_pointer.size() - 2] == '/') {
    const std::string_view prefix = suppression_pointer.substr(0, suppression_pointer.size() - 1);  // keeps '/'
    return pointer.size() > prefix.size() && pointer.substr(0, prefix.size()) == prefix;
  }
  return suppression_pointer == pointer;
}

void apply_suppressions(Report &report, std::string_view relative_path, const std::vector<Suppression> &suppressions,
                        const Options &options, std::vector<SuppressionUse> &uses) {
  if (report.input_error) return;
  uses.resize(suppressions.size());
  std::vector<std::size_t> active;
  for (std::size_t i = 0; i < suppressions.size(); ++i) {
    const Suppression &s = suppressions[i];
    if (s.code.empty() || !Policy::hideable(s.code) || !glob_match_any(s.files, relative_path)) continue;
    if (!rule_enabled(options, s.code)) continue;
    uses[i].applicable = true;
    active.push_back(i);
  }
  if (active.empty()) return;
  auto &list = report.diagnostics;
  list.erase(std::remove_if(list.begin(), list.end(),
                            [&](const Diagnostic &d) {
                              for (const std::size_t i : active) {
                                const Suppression &s = suppressions[i];
                                if (d.code == s.code && pointer_covered(s.pointer, d.pointer)) {
                                  ++uses[i].hidden;
                                  return true;
                                }
                              }
                              return false;
                            }),
             list.end());
}

auto unused_suppressions(const std::vector<Suppression> &suppressions, const std::vector<SuppressionUse> &uses,
                         const Options &options) -> std::vector<Diagnostic> {
  std::vector<Diagnostic> out;
  for (std::size_t i = 0; i < suppressions.size() && i < uses.size(); ++i) {
    if (!uses[i].applicable || uses[i].hidden > 0) continue;
    const Suppression &s = suppressions[i];
    auto d = make_diagnostic(Policy(options), catalog::kUnusedSuppression,
                             fmt::format("the suppression of {} at `{}` hid nothing in the files it matched", s.code,
                                         s.pointer.empty() ? std::string("(whole payload)") : s.pointer),
                             "/suppressions/" + std::to_string(i), s.span, "remove this entry");
    if (d) out.push_back(std::move(*d));
  }
  std::sort(out.begin(), out.end(), by_position);
  return out;
}

}  // namespace callcheck::detail
