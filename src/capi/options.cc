#include "document/rapidjson_adapter.h"

#include "capi/options.h"

#include <limits>  // std::numeric_limits

#include <fmt/format.h>

#include "callcheck/rules.h"
#include "catalog/policy.h"
#include "document/document.h"
#include "util/suggest.h"

namespace callcheck::detail {
namespace {

auto sv(const Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

class Parser {
 public:
  explicit Parser(AbiOptions &out) : out_(out) {}

  auto fail(std::string message) -> bool {
    if (out_.error.empty()) out_.error = "options: " + std::move(message);
    return false;
  }

  auto strings(const Value &v, std::string_view name, std::vector<std::string> &into) -> bool {
    if (!v.IsArray()) return fail(fmt::format("`{}` must be an array of strings", name));
    for (const Value &item : v.GetArray()) {
      if (!item.IsString()) return fail(fmt::format("`{}` must be an array of strings", name));
      into.emplace_back(sv(item));
    }
    return true;
  }

  auto selectors(const Value &v, std::string_view name, bool for_ignore, std::vector<std::string> &into) -> bool {
    if (!strings(v, name, into)) return false;
    for (const std::string &item : into) {
      if (const auto problem = check_selector(item, for_ignore)) {
        return fail(fmt::format("`{}`: {}; {}", name, problem->message, problem->help));
      }
    }
    return true;
  }

  auto rules(const Value &v) -> bool {
    if (!v.IsObject()) return fail("`rules` must be an object of rule -> \"off\", \"info\", \"warning\" or \"error\"");
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      const std::string_view key = sv(it->name);
      const auto level = it->value.IsString() ? parse_rule_level(sv(it->value)) : std::nullopt;
      if (!level) return fail(fmt::format("`rules.{}` must be \"off\", \"info\", \"warning\" or \"error\"", key));
      if (const auto problem = check_rule_key(key, *level)) {
        return fail(fmt::format("`rules`: {}; {}", problem->message, problem->help));
      }
      out_.options.rule_levels[std::string(find_rule(key)->code)] = *level;
    }
    return true;
  }

  template <typename T>
  auto positive(const Value &v, std::string_view name, T &into) -> bool {
    if (!v.IsUint64() || v.GetUint64() == 0 || v.GetUint64() > std::numeric_limits<T>::max()) {
      return fail(fmt::format("`limits.{}` must be a positive integer", name));
    }
    into = static_cast<T>(v.GetUint64());
    return true;
  }

  auto limits(const Value &v) -> bool {
    if (!v.IsObject()) return fail("`limits` must be an object");
    Limits &l = out_.options.limits;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      const std::string_view key = sv(it->name);
      const Value &value = it->value;
      bool ok = false;
      if (key == "max_bytes")
        ok = positive(value, key, l.max_bytes);
      else if (key == "max_depth")
        ok = positive(value, key, l.max_depth);
      else if (key == "max_string")
        ok = positive(value, key, l.max_string_bytes);
      else if (key == "max_key")
        ok = positive(value, key, l.max_key_bytes);
      else if (key == "max_members")
        ok = positive(value, key, l.max_members);
      else if (key == "max_elements")
        ok = positive(value, key, l.max_elements);
      else {
        return unknown(key, {"max_bytes", "max_depth", "max_string", "max_key", "max_members", "max_elements"},
                       "limits.");
      }
      if (!ok) return false;
    }
    return true;
  }

  auto unknown(std::string_view key, const std::vector<std::string_view> &known, std::string_view prefix = "") -> bool {
    const std::string near = closest(key, known);
    return fail(fmt::format("unknown member `{}{}`{}", prefix, key,
                            near.empty() ? std::string() : fmt::format("; did you mean `{}{}`?", prefix, near)));
  }

  auto member(std::string_view key, const Value &value) -> bool {
    Options &o = out_.options;
    if (key == "api") {
      const auto api = value.IsString() ? parse_api_version(sv(value)) : std::nullopt;
      if (!api) return fail("`api` must be \"v1.0\" or \"beta\"");
      o.api = *api;
      return true;
    }
    if (key == "scopes") {
      if (value.IsNull()) return true;
      std::vector<std::string> given;
      if (!strings(value, key, given)) return false;
      std::vector<std::string> granted;
      for (std::string &s : given) {
        if (!s.empty()) granted.push_back(std::move(s));  // as --scopes A,,B
      }
      o.granted_scopes = std::move(granted);
      return true;
    }
    if (key == "select") return selectors(value, key, false, o.select);
    if (key == "ignore") return selectors(value, key, true, o.ignore);
    if (key == "rules") return rules(value);
    if (key == "preview") {
      if (!value.IsBool()) return fail("`preview` must be true or false");
      o.preview = value.GetBool();
      return true;
    }
    if (key == "request") {
      if (!value.IsString()) return fail("`request` must be a string (the request line)");
      out_.request_line = std::string(sv(value));
      return true;
    }
    if (key == "fail_on") {
      const auto level = value.IsString() ? parse_severity(sv(value)) : std::nullopt;
      if (!level) return fail("`fail_on` must be \"error\", \"warning\" or \"info\"");
      out_.fail_on = *level;
      return true;
    }
    if (key == "limits") return limits(value);
    return unknown(key, {"api", "scopes", "select", "ignore", "rules", "preview", "request", "fail_on", "limits"});
  }

 private:
  AbiOptions &out_;
};

}  // namespace

auto parse_abi_options(std::string_view json) -> AbiOptions {
  AbiOptions out;
  Parser parser(out);
  if (json.find_first_not_of(" \t\r\n") == std::string_view::npos) return out;
  // The payload parser, with its default limits: the options are text from
  // the caller like the body, and get the same iterative, bounded parse
  // (no recursion, no unbounded nesting; duplicate members are an error).
  const Document doc = Document::parse(json, Limits{});
  if (!doc.findings().empty()) {
    const ParseFinding &f = doc.findings().front();
    (void)parser.fail(fmt::format("not valid JSON at offset {}: {}", f.begin, f.message));
    return out;
  }
  if (!doc.has_dom()) {
    (void)parser.fail("not valid JSON");
    return out;
  }
  const Value &root = doc.root();
  if (!root.IsObject()) {
    (void)parser.fail("must be a JSON object");
    return out;
  }
  for (auto it = root.MemberBegin(); it != root.MemberEnd(); ++it) {
    if (!parser.member(sv(it->name), it->value)) break;
  }
  return out;
}

}  // namespace callcheck::detail
