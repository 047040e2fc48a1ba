// Deciding the request from the body's shape alone (no request line,
// configuration or flag named one): create unless a member only another
// request takes says otherwise; a body plainly no calls-API body is CC252.
#include "document/rapidjson_adapter.h"

#include "request/request.h"

#include <algorithm>    // std::includes, std::sort, std::unique
#include <array>        // std::array
#include <functional>   // std::less
#include <map>          // std::map
#include <set>          // std::set
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <fmt/format.h>

#include "catalog/cc251_request_undecided.h"
#include "catalog/cc252_not_a_calls_request.h"
#include "graph/names.h"
#include "schema/compiled.h"

namespace callcheck::detail {
namespace {

// From the schema outlines compiled at build time (schema/compiled.h):
// parsing the fifty request schemas here was a third of a one-file run.
auto read_parameters(const RequestDef &request, ApiVersion api) -> std::optional<std::set<std::string>> {
  const SchemaOutline *outline = compiled_outline(schema_path(request, api));
  if (outline == nullptr) return std::set<std::string>{};
  if (outline->body_unknown) return std::nullopt;
  std::set<std::string> out;
  for (std::size_t i = 0; i < outline->property_count; ++i) {
    if (outline->property(i) != "@odata.type") out.insert(std::string(outline->property(i)));
  }
  return out;
}

// Member names of the body schema of `request` (without @odata.type); nullopt
// when the schema accepts any body. Read from the embedded schemas once per
// process: the shape decision asks on every check.
auto parameters(const RequestDef &request, ApiVersion api) -> const std::optional<std::set<std::string>> & {
  static const auto table = [] {
    std::map<std::pair<bool, const RequestDef *>, std::optional<std::set<std::string>>> out;
    for (const ApiVersion profile : {ApiVersion::V1, ApiVersion::Beta}) {
      for (const RequestDef &r : all_requests()) out[{profile == ApiVersion::Beta, &r}] = read_parameters(r, profile);
    }
    return out;
  }();
  return table.at({api == ApiVersion::Beta, &request});
}

auto read_required(const RequestDef &request, ApiVersion api) -> std::set<std::string> {
  std::set<std::string> out;
  const SchemaOutline *outline = compiled_outline(schema_path(request, api));
  if (outline == nullptr) return out;
  for (std::size_t i = 0; i < outline->required_count; ++i) out.insert(std::string(outline->required_name(i)));
  return out;
}

auto required_of(const RequestDef &request, ApiVersion api) -> const std::set<std::string> & {
  static const auto table = [] {
    std::map<std::pair<bool, const RequestDef *>, std::set<std::string>> out;
    for (const ApiVersion profile : {ApiVersion::V1, ApiVersion::Beta}) {
      for (const RequestDef &r : all_requests()) out[{profile == ApiVersion::Beta, &r}] = read_required(r, profile);
    }
    return out;
  }();
  return table.at({api == ApiVersion::Beta, &request});
}

auto names(const std::vector<const RequestDef *> &requests) -> std::string {
  std::string out;
  for (const RequestDef *r : requests) {
    if (!out.empty()) out += ", ";
    out += fmt::format("`{}`", r->name);
  }
  return out;
}

// Member names are views of the body (sorted, unique): the shape decision
// of an unusual body copies none of them (issue 14).
using Names = std::vector<std::string_view>;

auto quoted(const Names &members) -> std::string {
  std::string out;
  for (const std::string_view m : members) {
    if (!out.empty()) out += ", ";
    out += fmt::format("`{}`", m);
  }
  return out;
}

// Member names of a call in either profile (a beta-only call member is
// still a call member), sorted and unique, built once per process: views
// into the compiled outlines (static data).
auto call_members() -> const std::vector<std::string_view> & {
  static const std::vector<std::string_view> out = [] {
    // Create's outline only, not parameters()'s table of every request: a
    // body of call members is decided without the others (most of a one-file
    // run's 230 k instructions in this file, issue 14).
    std::vector<std::string_view> names;
    for (const ApiVersion profile : {ApiVersion::V1, ApiVersion::Beta}) {
      const SchemaOutline *outline = compiled_outline(schema_path(create_request(), profile));
      if (outline == nullptr || outline->body_unknown) continue;
      for (std::size_t i = 0; i < outline->property_count; ++i) {
        if (outline->property(i) != "@odata.type") names.push_back(outline->property(i));
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
  }();
  return out;
}

// call_members() without building it: a one-file run asks about a few
// members only. Each create outline's names are in a table tools/schemac
// filled (building one here was 3 % of a one-file run, issue 14; the two
// binary searches before it were ~2 k instructions of every check).
auto is_call_member(std::string_view name) -> bool {
  if (name == "@odata.type" || name.empty()) return false;
  // Beta first: it declares nearly every v1.0 member too, so a call member
  // is found at the first probe.
  static const std::array<const SchemaOutline *, 2> outlines = {
      compiled_outline(schema_path(create_request(), ApiVersion::Beta)),
      compiled_outline(schema_path(create_request(), ApiVersion::V1))};
  for (const SchemaOutline *outline : outlines) {
    if (outline != nullptr && !outline->body_unknown && outline->has_property(name)) return true;
  }
  return false;
}

// "Plainly not a calls-API body" asks about every request of either
// profile: a beta-only member checked as v1.0 is CC209's finding, not a
// stranger. Built once per process.
auto known_members() -> const std::set<std::string, std::less<>> & {
  static const std::set<std::string, std::less<>> out = [] {
    std::set<std::string, std::less<>> known;
    for (const std::string_view m : call_members()) known.emplace(m);
    for (const ApiVersion profile : {ApiVersion::V1, ApiVersion::Beta}) {
      for (const RequestDef &r : all_requests()) {
        if (!available(r, profile)) continue;
        const auto &params = parameters(r, profile);
        if (params) known.insert(params->begin(), params->end());
      }
    }
    return known;
  }();
  return out;
}

using Actions = std::vector<std::pair<const RequestDef *, std::set<std::string>>>;

// The requests other than create that a body of `api` may be, with their
// parameters. Built once per process.
auto action_parameters(ApiVersion api) -> const Actions & {
  static const auto table = [] {
    std::array<Actions, 2> out;
    for (const ApiVersion profile : {ApiVersion::V1, ApiVersion::Beta}) {
      for (const RequestDef &r : all_requests()) {
        if (&r == &create_request() || !available(r, profile) || !r.body) continue;
        const auto &params = parameters(r, profile);
        if (!params) continue;  // a body no page documents never wins by shape
        out[profile == ApiVersion::Beta ? 1 : 0].emplace_back(&r, *params);
      }
    }
    return out;
  }();
  return table[api == ApiVersion::Beta ? 1 : 0];
}

}  // namespace

// The body's shape (GRAPH.md: a create body is a `call`): create unless a
// member only another request takes says otherwise.
auto decide_by_shape(const Document &doc, ApiVersion api) -> Decision {
  Decision d;
  d.decided_by = DecidedBy::Shape;
  d.request = &create_request();
  if (!doc.has_dom() || !doc.root().IsObject()) return d;
  const Value &root = doc.root();
  // Only call members (the usual create body): every member is matched and
  // none distinguishes another request, so the answer is create, without
  // building the sets below (a dozen allocations per member per check).
  bool only_call_members = true;
  for (const auto &m : root.GetObject()) {
    const std::string_view name(m.name.GetString(), m.name.GetStringLength());
    if (name != "@odata.type" && !is_call_member(name)) {
      only_call_members = false;
      break;
    }
  }
  if (only_call_members) return d;
  Names members;
  bool graph_type = false;
  for (const auto &m : root.GetObject()) {
    const std::string_view name(m.name.GetString(), m.name.GetStringLength());
    if (name == "@odata.type") {
      if (m.value.IsString()) {
        graph_type = !graph::type_name(std::string_view(m.value.GetString(), m.value.GetStringLength())).empty();
      }
      continue;
    }
    members.push_back(name);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  const std::set<std::string, std::less<>> &known = known_members();
  const auto &actions = action_parameters(api);
  Names matched;
  for (const std::string_view m : members) {
    if (known.count(m) != 0) matched.push_back(m);
  }
  // A wrapper ({"call": {...}}, CC229's finding) is a create body one level
  // down, not a stranger.
  bool wraps_known = false;
  for (const auto &m : root.GetObject()) {
    if (!m.value.IsObject() || wraps_known) continue;
    for (const auto &inner : m.value.GetObject()) {
      const std::string_view name(inner.name.GetString(), inner.name.GetStringLength());
      if (name == "@odata.type" || known.count(name) != 0) {
        wraps_known = true;
        break;
      }
    }
  }
  if (!members.empty() && matched.empty() && !graph_type && !wraps_known) {
    d.request = nullptr;
    d.stop = true;
    d.findings.push_back(Finding{
        catalog::kNotACallsRequest,
        fmt::format("not a calls-API request body: none of its members ({}) is a member of any calls-API request",
                    quoted(members)),
        "",
        "if callcheck should not read this file, set `files`/`exclude`; otherwise name the request with a request "
        "line, `\"request\"` in .callcheck.json or `--request`",
        false});
    return d;
  }
  Names distinguishing;
  for (const std::string_view m : matched) {
    if (!is_call_member(m)) distinguishing.push_back(m);
  }
  auto covering = [&](const Names &need) {
    std::vector<const RequestDef *> out;
    for (const auto &[r, params] : actions) {
      if (std::includes(params.begin(), params.end(), need.begin(), need.end())) out.push_back(r);
    }
    return out;
  };
  auto complete = [&](const RequestDef &r) {
    const std::set<std::string> &req = required_of(r, api);
    return std::includes(members.begin(), members.end(), req.begin(), req.end());
  };
  if (distinguishing.empty()) return d;  // only call members: a create body (the default)
  std::vector<const RequestDef *> candidates = covering(matched);
  if (candidates.empty()) candidates = covering(distinguishing);
  if (candidates.empty()) {
    // No request takes every member: a member that only one request takes
    // names it (`transferTarget` with a stray `clientContext` is a transfer
    // body, and the stray member is CC250's finding).
    std::set<const RequestDef *> owners_of_unique;
    for (const std::string_view m : distinguishing) {
      const std::vector<const RequestDef *> owners = covering({m});
      if (owners.size() == 1) owners_of_unique.insert(owners.front());
    }
    if (owners_of_unique.size() == 1) candidates.push_back(*owners_of_unique.begin());
  }
  if (candidates.size() > 1) {
    // Prefer the requests whose required parameters are all there.
    std::vector<const RequestDef *> whole;
    for (const RequestDef *r : candidates) {
      if (complete(*r)) whole.push_back(r);
    }
    if (!whole.empty()) candidates = whole;
  }
  if (candidates.size() == 1) {
    d.request = candidates.front();
    return d;
  }
  d.request = nullptr;
  d.stop = true;
  const std::string evidence = quoted(distinguishing);
  d.findings.push_back(Finding{
      catalog::kRequestUndecided,
      candidates.empty()
          ? fmt::format("no calls-API request takes all of {}: which request this body is for is not known, so it "
                        "is not checked",
                        quoted(matched))
          : fmt::format("the body's members ({}) fit {}: which request it is for is not known, so it is not checked",
                        evidence, names(candidates)),
      "",
      "name the request: a request line (`POST …/communications/calls/{id}/answer`), `\"request\"` in "
      ".callcheck.json or `--request NAME`",
      false});
  return d;
}

}  // namespace callcheck::detail
