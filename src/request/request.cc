#include "document/rapidjson_adapter.h"

#include "request/request.h"

#include <algorithm>  // std::find_if, std::includes, std::sort
#include <cctype>     // std::tolower
#include <map>        // std::map
#include <set>        // std::set

#include <fmt/format.h>

#include "catalog/cc251_request_undecided.h"
#include "catalog/cc253_endpoint_mismatch.h"
#include "graph/names.h"
#include "request/request_line.h"
#include "schema/registry.h"

namespace callcheck::detail {
namespace {

auto lower(std::string_view s) -> std::string {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

auto iequals(std::string_view a, std::string_view b) -> bool { return lower(a) == lower(b); }

auto trim(std::string_view s) -> std::string_view { return trim_request_line(s); }

// Pages as of the docs corpus (shared/corpus/graph-docs-actions/manifest.tsv).
const std::vector<RequestDef> kRequests = {
    {"create", "", Binding::Calls, true, true, "application-post-calls"},
    {"addLargeGalleryView", "addLargeGalleryView", Binding::Call, true, true, "call-addlargegalleryview"},
    {"answer", "answer", Binding::Call, true, true, "call-answer"},
    {"cancelMediaProcessing", "cancelMediaProcessing", Binding::Call, true, true, "call-cancelmediaprocessing"},
    {"changeScreenSharingRole", "changeScreenSharingRole", Binding::Call, true, true, "call-changescreensharingrole"},
    {"joinContentSharingAudioGroup", "joinContentSharingAudioGroup", Binding::Call, false, true, ""},
    {"keepAlive", "keepAlive", Binding::Call, true, false, "call-keepalive"},
    {"leaveContentSharingAudioGroup", "leaveContentSharingAudioGroup", Binding::Call, false, true, ""},
    {"logTeleconferenceDeviceQuality", "logTeleconferenceDeviceQuality", Binding::Calls, true, true,
     "call-logteleconferencedevicequality"},
    {"lowerHand", "lowerHand", Binding::Call, false, true, ""},
    {"mute", "mute", Binding::Call, true, true, "call-mute"},
    {"participant-admitAllFromLobby", "admitAllFromLobby", Binding::Participants, false, true, ""},
    {"participant-admitFromLobby", "admitFromLobby", Binding::Participant, false, true, ""},
    {"participant-configureMixer", "configureMixer", Binding::Participants, false, true, "participant-configuremixer"},
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
  // URL segments are matched without case (unlike `@odata.type`, graph/names.h).
  if (s.rfind(graph::kNamespace, 0) == 0) s = s.substr(graph::kNamespace.size());
  // The 2018-2019 beta pages post recordResponse to `/record`.
  if (binding == Binding::Call && s == "record") s = "recordresponse";
  for (const RequestDef &r : kRequests) {
    if (r.binding == binding && !r.segment.empty() && lower(r.segment) == s) return &r;
  }
  return nullptr;
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
  const std::optional<RequestLine> line = split_request_line(request_line);
  if (!line || !iequals(line->method, "POST")) return std::nullopt;
  std::string_view url = line->target.substr(0, line->target.find_first_of("?#"));
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

auto decide(const Document &doc, const Options &options, std::string_view request_line) -> Decision {
  Decision d;
  std::optional<Endpoint> endpoint;
  if (!request_line.empty()) endpoint = parse_endpoint(request_line);
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
      d.findings.push_back(
          Finding{catalog::kRequestUndecided,
                  fmt::format("`{}` is no calls-API request callcheck knows (action `{}`), so the body is not checked",
                              trim(request_line), endpoint->action_segment),
                  "", "`callcheck schemas` lists the requests", false});
      return d;
    }
    const std::string_view checked = to_string(options.api);
    if (!endpoint->version.empty() && endpoint->version != checked) {
      d.findings.push_back(
          Finding{catalog::kEndpointMismatch,
                  fmt::format("the request line targets `/{}/` but the body is checked against the {} schemas",
                              endpoint->version, checked),
                  "", fmt::format("check it with `--api {}` (or fix the URL)", endpoint->version), false});
    }
    if (endpoint->host == "microsoftgraph.chinacloudapi.cn") {
      d.findings.push_back(
          Finding{catalog::kEndpointMismatch,
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
        fmt::format("`{}` exists only in the beta API; checked against v1.0, nothing is checked", d.request->name), "",
        "check it with `--api beta`", false});
  }
  return d;
}

}  // namespace callcheck::detail
