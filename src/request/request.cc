#include "json.h"

#include "request/request.h"

#include <algorithm>  // std::find_if, std::includes, std::sort
#include <cctype>     // std::tolower
#include <map>        // std::map
#include <set>        // std::set

#include <fmt/format.h>

#include "catalog/cc251_request_undecided.h"
#include "catalog/cc252_not_a_calls_request.h"
#include "catalog/cc253_endpoint_mismatch.h"
#include "schema/compiled.h"
#include "schema/registry.h"

namespace callcheck::detail {
namespace {

auto lower(std::string_view s) -> std::string {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

auto iequals(std::string_view a, std::string_view b) -> bool { return lower(a) == lower(b); }

auto trim(std::string_view s) -> std::string_view {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Pages as of the docs corpus (shared/corpus/graph-docs-actions/manifest.tsv).
const std::vector<RequestDef> kRequests = {
    {"create", "", Binding::Calls, true, true, "application-post-calls"},
    {"addLargeGalleryView", "addLargeGalleryView", Binding::Call, true, true, "call-addlargegalleryview"},
    {"answer", "answer", Binding::Call, true, true, "call-answer"},
    {"cancelMediaProcessing", "cancelMediaProcessing", Binding::Call, true, true, "call-cancelmediaprocessing"},
    {"changeScreenSharingRole", "changeScreenSharingRole", Binding::Call, true, true,
     "call-changescreensharingrole"},
    {"joinContentSharingAudioGroup", "joinContentSharingAudioGroup", Binding::Call, false, true, ""},
    {"keepAlive", "keepAlive", Binding::Call, true, false, "call-keepalive"},
    {"leaveContentSharingAudioGroup", "leaveContentSharingAudioGroup", Binding::Call, false, true, ""},
    {"logTeleconferenceDeviceQuality", "logTeleconferenceDeviceQuality", Binding::Calls, true, true,
     "call-logteleconferencedevicequality"},
    {"lowerHand", "lowerHand", Binding::Call, false, true, ""},
    {"mute", "mute", Binding::Call, true, true, "call-mute"},
    {"participant-admitAllFromLobby", "admitAllFromLobby", Binding::Participants, false, true, ""},
    {"participant-admitFromLobby", "admitFromLobby", Binding::Participant, false, true, ""},
    {"participant-configureMixer", "configureMixer", Binding::Participants, false, true,
     "participant-configuremixer"},
    {"participant-invite", "invite", Binding::Participants, true, true, "participant-invite"},
    {"participant-lowerAllHands", "lowerAllHands", Binding::Participants, false, true, ""},
    {"participant-lowerHand", "lowerHand", Binding::Participant, false, true, ""},
    {"participant-mute", "mute", Binding::Participant, true, true, "participant-mute"},
    {"participant-muteAll", "muteAll", Binding::Participants, false, true, "participant-muteall"},
    {"participant-removeFromLobby", "removeFromLobby", Binding::Participant, false, true, ""},
    {"participant-reportSyntheticMedia", "reportSyntheticMedia", Binding::Participant, false, true,
     "participant-reportsyntheticmedia"},
    {"participant-startHoldMusic", "startHoldMusic", Binding::Participant, true, true, "participant-startholdmusic"},
    {"participant-stopHoldMusic", "stopHoldMusic", Binding::Participant, true, true, "participant-stopholdmusic"},
    {"playPrompt", "playPrompt", Binding::Call, true, true, "call-playprompt"},
    {"raiseHand", "raiseHand", Binding::Call, false, true, ""},
    {"recordResponse", "recordResponse", Binding::Call, true, true, "call-record"},
    {"redirect", "redirect", Binding::Call, true, true, "call-redirect"},
    {"reject", "reject", Binding::Call, true, true, "call-reject"},
    {"sendDtmfTones", "sendDtmfTones", Binding::Call, true, true, "call-senddtmftones"},
    {"startRecording", "startRecording", Binding::Call, false, false, "call-startrecording"},
    {"startTranscription", "startTranscription", Binding::Call, false, true, "call-starttranscription"},
    {"stopRecording", "stopRecording", Binding::Call, false, false, "call-stoprecording"},
    {"stopTranscription", "stopTranscription", Binding::Call, false, true, "call-stoptranscription"},
    {"subscribeToTone", "subscribeToTone", Binding::Call, true, true, "call-subscribetotone"},
    {"transfer", "transfer", Binding::Call, true, true, "call-transfer"},
    {"unmute", "unmute", Binding::Call, true, true, "call-unmute"},
    {"updateRecordingStatus", "updateRecordingStatus", Binding::Call, true, true, "call-updaterecordingstatus"},
};

auto split_path(std::string_view path) -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) out.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

auto find_by_segment(std::string_view segment, Binding binding) -> const RequestDef * {
  std::string s = lower(segment);
  if (s.rfind("microsoft.graph.", 0) == 0) s = s.substr(16);
  // The 2018-2019 beta pages post recordResponse to `/record`.
  if (binding == Binding::Call && s == "record") s = "recordresponse";
  for (const RequestDef &r : kRequests) {
    if (r.binding == binding && !r.segment.empty() && lower(r.segment) == s) return &r;
  }
  return nullptr;
}

// From the schema outlines compiled at build time (schema/compiled.h):
// parsing the fifty request schemas here was a third of a one-file run.
auto read_parameters(const RequestDef &request, ApiVersion api) -> std::optional<std::set<std::string>> {
  const SchemaOutline *outline = compiled_outline(schema_path(request, api));
  if (outline == nullptr) return std::set<std::string>{};
  if (outline->body_unknown) return std::nullopt;
  std::set<std::string> out;
  for (std::size_t i = 0; i < outline->property_count; ++i) {
    if (outline->properties[i] != "@odata.type") out.insert(std::string(outline->properties[i]));
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
      for (const RequestDef &r : kRequests) out[{profile == ApiVersion::Beta, &r}] = read_parameters(r, profile);
    }
    return out;
  }();
  return table.at({api == ApiVersion::Beta, &request});
}

auto read_required(const RequestDef &request, ApiVersion api) -> std::set<std::string> {
  std::set<std::string> out;
  const SchemaOutline *outline = compiled_outline(schema_path(request, api));
  if (outline == nullptr) return out;
  for (std::size_t i = 0; i < outline->required_count; ++i) out.insert(std::string(outline->required[i]));
  return out;
}

auto required_of(const RequestDef &request, ApiVersion api) -> const std::set<std::string> & {
  static const auto table = [] {
    std::map<std::pair<bool, const RequestDef *>, std::set<std::string>> out;
    for (const ApiVersion profile : {ApiVersion::V1, ApiVersion::Beta}) {
      for (const RequestDef &r : kRequests) out[{profile == ApiVersion::Beta, &r}] = read_required(r, profile);
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

auto quoted(const std::set<std::string> &members) -> std::string {
  std::string out;
  for (const std::string &m : members) {
    if (!out.empty()) out += ", ";
    out += fmt::format("`{}`", m);
  }
  return out;
}

// The body's shape (GRAPH.md: a create body is a `call`): create unless a
// member only another request takes says otherwise.
auto decide_by_shape(const Document &doc, ApiVersion api) -> Decision {
  Decision d;
  d.decided_by = DecidedBy::Shape;
  d.request = &create_request();
  if (!doc.has_dom() || !doc.root().IsObject()) return d;
  const Value &root = doc.root();
  std::set<std::string> members;
  bool graph_type = false;
  for (const auto &m : root.GetObject()) {
    const std::string_view name(m.name.GetString(), m.name.GetStringLength());
    if (name == "@odata.type") {
      if (m.value.IsString()) {
        const std::string type = lower(std::string_view(m.value.GetString(), m.value.GetStringLength()));
        graph_type = type.rfind("#microsoft.graph.", 0) == 0 || type.rfind("microsoft.graph.", 0) == 0;
      }
      continue;
    }
    members.insert(std::string(name));
  }
  std::set<std::string> call_members;  // of either profile: a beta-only call member is still a call member
  for (const ApiVersion profile : {ApiVersion::V1, ApiVersion::Beta}) {
    const auto names = parameters(create_request(), profile).value_or(std::set<std::string>{});
    call_members.insert(names.begin(), names.end());
  }
  // "Plainly not a calls-API body" asks about every request of either
  // profile: a beta-only member checked as v1.0 is CC209's finding, not a stranger.
  std::set<std::string> known(call_members);
  for (const ApiVersion profile : {ApiVersion::V1, ApiVersion::Beta}) {
    for (const RequestDef &r : kRequests) {
      if (!available(r, profile)) continue;
      const auto &params = parameters(r, profile);
      if (params) known.insert(params->begin(), params->end());
    }
  }
  std::vector<std::pair<const RequestDef *, std::set<std::string>>> actions;
  for (const RequestDef &r : kRequests) {
    if (&r == &create_request() || !available(r, api) || !r.body) continue;
    const auto &params = parameters(r, api);
    if (!params) continue;  // a body no page documents never wins by shape
    known.insert(params->begin(), params->end());
    actions.emplace_back(&r, *params);
  }
  std::set<std::string> matched;
  for (const std::string &m : members) {
    if (known.count(m) != 0) matched.insert(m);
  }
  // A wrapper ({"call": {...}}, CC229's finding) is a create body one level
  // down, not a stranger.
  bool wraps_known = false;
  for (const auto &m : root.GetObject()) {
    if (!m.value.IsObject()) continue;
    for (const auto &inner : m.value.GetObject()) {
      const std::string name(inner.name.GetString(), inner.name.GetStringLength());
      wraps_known = wraps_known || known.count(name) != 0 || name == "@odata.type";
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
  std::set<std::string> distinguishing;
  for (const std::string &m : matched) {
    if (call_members.count(m) == 0) distinguishing.insert(m);
  }
  auto covering = [&](const std::set<std::string> &need) {
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
    for (const std::string &m : distinguishing) {
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

}  // namespace

auto all_requests() -> const std::vector<RequestDef> & { return kRequests; }

auto create_request() -> const RequestDef & { return kRequests.front(); }

auto find_request(std::string_view name) -> const RequestDef * {
  std::string n = lower(trim(name));
  for (std::string_view prefix : {"participants/", "participant/"}) {
    if (n.rfind(prefix, 0) == 0) n = "participant-" + n.substr(prefix.size());
  }
  if (n == "invite") n = "participant-invite";
  if (n == "record") n = "recordresponse";
  for (const RequestDef &r : kRequests) {
    if (lower(r.name) == n) return &r;
  }
  return nullptr;
}

auto schema_root(const RequestDef &request) -> std::string {
  if (&request == &create_request()) return "call";
  return "requests/" + std::string(request.name);
}

auto schema_path(const RequestDef &request, ApiVersion api) -> std::string {
  return SchemaRegistry::profile_dir(api) + schema_root(request) + ".schema.json";
}

auto available(const RequestDef &request, ApiVersion api) -> bool { return request.v1 || api == ApiVersion::Beta; }

auto parse_endpoint(std::string_view request_line) -> std::optional<Endpoint> {
  std::string_view t = trim(request_line);
  const std::size_t space = t.find_first_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  if (!iequals(t.substr(0, space), "POST")) return std::nullopt;
  std::string_view url = trim(t.substr(space));
  url = url.substr(0, url.find_first_of(" \t"));
  url = url.substr(0, url.find_first_of("?#"));
  Endpoint e;
  for (std::string_view scheme : {"https://", "http://"}) {
    if (lower(url.substr(0, scheme.size())) == scheme) {
      url.remove_prefix(scheme.size());
      const std::size_t slash = url.find('/');
      e.host = lower(url.substr(0, slash));
      url = slash == std::string_view::npos ? std::string_view{} : url.substr(slash);
      break;
    }
  }
  if (url.substr(0, 2) == "{{") {  // a REST Client variable standing for the base URL
    const std::size_t close = url.find("}}");
    url = close == std::string_view::npos ? std::string_view{} : url.substr(close + 2);
  }
  const std::vector<std::string_view> segments = split_path(url);
  std::size_t calls = segments.size();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (iequals(segments[i], "calls")) {
      calls = i;
      break;
    }
  }
  if (calls == segments.size()) return std::nullopt;
  if (!segments.empty() && (segments[0] == "v1.0" || segments[0] == "beta")) e.version = std::string(segments[0]);
  e.legacy_app_path = calls > 0 && iequals(segments[calls - 1], "app");
  const std::vector<std::string_view> rest(segments.begin() + static_cast<std::ptrdiff_t>(calls) + 1, segments.end());
  if (rest.empty()) {
    e.request = &create_request();
    return e;
  }
  e.action_segment = std::string(rest.back());
  if (rest.size() == 1) {
    e.request = find_by_segment(rest[0], Binding::Calls);
  } else if (rest.size() == 2) {
    e.request = find_by_segment(rest[1], Binding::Call);
  } else if (rest.size() == 3 && iequals(rest[1], "participants")) {
    e.request = find_by_segment(rest[2], Binding::Participants);
  } else if (rest.size() == 4 && iequals(rest[1], "participants")) {
    e.request = find_by_segment(rest[3], Binding::Participant);
  }
  return e;
}

auto is_calls_api_url(std::string_view url) -> bool { return parse_endpoint("POST " + std::string(url)).has_value(); }

auto to_string(DecidedBy by) -> std::string_view {
  switch (by) {
    case DecidedBy::RequestLine: return "request-line";
    case DecidedBy::Config: return "config";
    case DecidedBy::Flag: return "flag";
    case DecidedBy::Shape: return "shape";
  }
  return "shape";
}

auto decide(const Document &doc, const Options &options) -> Decision {
  Decision d;
  std::optional<Endpoint> endpoint;
  if (!options.request_line.empty()) endpoint = parse_endpoint(options.request_line);
  auto named = [&](std::string_view name, DecidedBy by, std::string_view where) -> bool {
    if (name.empty()) return false;
    d.decided_by = by;
    d.request = find_request(name);
    if (d.request == nullptr) {
      d.stop = true;
      d.findings.push_back(Finding{catalog::kRequestUndecided,
                                   fmt::format("{} names `{}`, which is no calls-API request callcheck knows, so "
                                               "the body is not checked",
                                               where, name),
                                   "", "`callcheck schemas` lists the requests", false});
    }
    return true;
  };
  if (endpoint) {
    d.decided_by = DecidedBy::RequestLine;
    d.request = endpoint->request;
    if (d.request == nullptr) {
      d.stop = true;
      d.findings.push_back(Finding{
          catalog::kRequestUndecided,
          fmt::format("`{}` is no calls-API request callcheck knows (action `{}`), so the body is not checked",
                      trim(options.request_line), endpoint->action_segment),
          "", "`callcheck schemas` lists the requests", false});
      return d;
    }
    const std::string_view checked = to_string(options.api);
    if (!endpoint->version.empty() && endpoint->version != checked) {
      d.findings.push_back(Finding{
          catalog::kEndpointMismatch,
          fmt::format("the request line targets `/{}/` but the body is checked against the {} schemas",
                      endpoint->version, checked),
          "", fmt::format("check it with `--api {}` (or fix the URL)", endpoint->version), false});
    }
    if (endpoint->host == "microsoftgraph.chinacloudapi.cn") {
      d.findings.push_back(Finding{
          catalog::kEndpointMismatch,
          "the request line targets Microsoft Graph operated by 21Vianet, where the calls API is not available",
          "", "the cloud communications API is available in the global and US Government clouds only", false});
    }
  } else if (!named(options.configured_request, DecidedBy::Config, "the configuration's `request`") &&
             !named(options.request, DecidedBy::Flag, "`--request`")) {
    return decide_by_shape(doc, options.api);
  }
  if (d.request != nullptr && !available(*d.request, options.api)) {
    d.stop = true;
    d.findings.push_back(Finding{
        catalog::kRequestUndecided,
        fmt::format("`{}` exists only in the beta API; checked against v1.0, nothing is checked", d.request->name),
        "", "check it with `--api beta`", false});
  }
  return d;
}

}  // namespace callcheck::detail
