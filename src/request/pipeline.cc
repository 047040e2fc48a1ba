#include "request/pipeline.h"

#include <algorithm>  // std::all_of, std::find
#include <array>      // std::array
#include <map>        // std::map
#include <memory>     // std::unique_ptr
#include <mutex>      // std::mutex
#include <string>     // std::string

#include <fmt/format.h>

namespace callcheck::detail {

auto bodyless_and_blank(std::string_view text, const Options &options, std::string_view request_line) -> bool {
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; })) {
    return false;
  }
  const RequestDef *request = nullptr;
  if (!request_line.empty()) {
    if (const auto endpoint = parse_endpoint(request_line)) request = endpoint->request;
  } else if (!options.configured_request.empty()) {
    request = find_request(options.configured_request);
  } else if (!options.request.empty()) {
    request = find_request(options.request);
  }
  return request != nullptr && !request->body;
}

auto request_navigator(ApiVersion api, const RequestDef &request) -> const Navigator & {
  // Built on first use per (profile, request) and kept: check() is called
  // from many threads, and a navigator is immutable once built.
  static std::mutex mutex;
  static std::map<std::pair<bool, std::string_view>, std::unique_ptr<Navigator>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  auto &slot = cache[{api == ApiVersion::Beta, request.name}];
  if (!slot) slot = std::make_unique<Navigator>(api, schema_root(request));
  return *slot;
}

auto request_scenario(const RequestDef &request) -> Scenario {
  Scenario s;
  s.summary = fmt::format("{} request", request.name);
  return s;
}

auto runs_on(const RuleMeta &rule, const RequestDef &request) -> bool {
  if (&request == &create_request()) return true;
  // CC217/CC218/CC222 read `mediaConfig`, which answer takes too.
  static constexpr std::array<std::string_view, 12> kAnyRequest{"CC201", "CC202", "CC203", "CC204", "CC205", "CC206",
                                                                "CC207", "CC208", "CC217", "CC218", "CC222", "CC501"};
  if (std::find(kAnyRequest.begin(), kAnyRequest.end(), rule.code) != kAnyRequest.end()) return true;
  // CC250-CC279: the request rules (src/rules/cc25x_*, cc26x_*, cc27x_*).
  return rule.code >= std::string_view("CC250") && rule.code < std::string_view("CC280");
}

}  // namespace callcheck::detail
