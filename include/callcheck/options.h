// How check() runs: configuration only, comparable with ==. Nothing here
// depends on which input is checked.
#ifndef CALLCHECK_OPTIONS_H_
#define CALLCHECK_OPTIONS_H_

#include <cstddef>   // std::size_t
#include <cstdint>   // std::uint32_t
#include <map>       // std::map
#include <memory>    // std::shared_ptr
#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include "callcheck/vocabulary.h"

namespace callcheck {

class PolicySchema;  // a compiled team policy (callcheck/policy.h)

// Hard limits, enforced while parsing (never after building a DOM). Library
// callers may lower them; raising them beyond the defaults is allowed but
// removes the guarantees documented in the README.
struct Limits {
  std::size_t max_bytes = 1U << 20U;    // bytes per payload
  std::uint32_t max_depth = 64;         // nesting of objects/arrays
  std::size_t max_string_bytes = 8192;  // one string value, after unescaping
  std::size_t max_key_bytes = 256;      // one object key, after unescaping
  std::size_t max_members = 1000;       // members of one object
  std::size_t max_elements = 10000;     // elements of one array
  // Findings kept per payload, after sorting; the rest are counted in
  // Report::omitted. Bounds the output (and its rendering) whatever the input.
  std::size_t max_findings = 1000;

  friend auto operator==(const Limits &a, const Limits &b) -> bool;
  friend auto operator!=(const Limits &a, const Limits &b) -> bool { return !(a == b); }
};

struct Options {
  ApiVersion api = ApiVersion::V1;
  Limits limits;
  // Application permissions the caller holds. nullopt: do not compare.
  std::optional<std::vector<std::string>> granted_scopes;
  // Rule code -> level; overrides the catalogue's default severity.
  std::map<std::string, RuleLevel> rule_levels;
  // Codes, names or code prefixes ("CC2"). Empty `select` means every
  // stable rule. Input-validity codes (CC001-CC007, CC010) are reported
  // whatever these say.
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  // Also run the rules whose status is `preview` (opt-in, as ruff's --preview).
  bool preview = false;
  // The calls-API request the body is for ("create", "answer", "playPrompt",
  // "participant-invite", ...; `callcheck schemas` lists them), as `--request`
  // gives it. "" lets the request line, the configuration or the body's shape
  // decide. `configured_request` is the configuration's `"request"` (top level
  // or a matching `overrides` entry), which ranks above `request`.
  std::string request;
  std::string configured_request;
  // The Teams join link the body is meant to join (callcheck/join.h): the
  // CC24x rules compare the body's meeting with it. nullopt: do not compare.
  std::optional<std::string> join_url;
  // The `tid` claim of the caller's access token, i.e. the tenant the request
  // is authorized in: compared with the body's tenants, never printed.
  std::optional<std::string> token_tenant;
  // Team policies (callcheck/policy.h) checked on top of the built-in
  // checks, each reporting CC110. Compared by identity: the same compiled
  // policy is the same configuration.
  std::vector<std::shared_ptr<const PolicySchema>> policies;

  // Every configuration member (src/options.cc): two equal Options check
  // every input alike, which is what the CLI's per-configuration cache relies on.
  friend auto operator==(const Options &a, const Options &b) -> bool;
  friend auto operator!=(const Options &a, const Options &b) -> bool { return !(a == b); }
};

}  // namespace callcheck

#endif  // CALLCHECK_OPTIONS_H_
