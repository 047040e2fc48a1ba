#include "document/rapidjson_adapter.h"

#include "extract/common.h"

#include <algorithm>  // std::all_of, std::find
#include <array>      // std::array
#include <cctype>     // std::isdigit, std::tolower

#include <fmt/format.h>

#include "document/document.h"
#include "request/request_line.h"
#include "schema/validate.h"

namespace callcheck::detail::extraction {

auto split_lines(std::string_view text) -> std::vector<Line> {
  std::vector<Line> lines;
  std::uint32_t number = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!(last && line.empty() && start == text.size() && start != 0)) lines.push_back(Line{line, number});
    if (last) break;
    start = end + 1;
    ++number;
  }
  return lines;
}

auto trim(std::string_view s) -> std::string_view {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

auto blank(std::string_view s) -> bool { return trim(s).empty(); }

auto starts_with(std::string_view s, std::string_view prefix) -> bool { return s.substr(0, prefix.size()) == prefix; }

auto lower(std::string_view s) -> std::string {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

auto parse_request_line(std::string_view line, bool method_optional) -> std::optional<ParsedRequest> {
  static constexpr std::array<std::string_view, 9> kMethods{"GET",  "POST",    "PUT",   "PATCH",  "DELETE",
                                                            "HEAD", "OPTIONS", "TRACE", "CONNECT"};
  auto is_method = [](std::string_view word) {
    return std::find(kMethods.begin(), kMethods.end(), word) != kMethods.end();
  };
  const std::string_view t = trim_request_line(line);
  const std::string_view first = t.substr(0, t.find_first_of(" \t"));
  if (is_method(first)) {
    const auto request = split_request_line(t);
    if (!request) return std::nullopt;
    return ParsedRequest{std::string(request->method), std::string(request->target), std::string(request->text)};
  }
  if (!method_optional || first.empty() || first.find('/') == std::string_view::npos) return std::nullopt;
  return ParsedRequest{"GET", std::string(first), std::string(t)};
}

auto is_status_line(std::string_view line) -> bool {
  const std::string_view t = trim(line);
  if (!starts_with(t, "HTTP/")) return false;
  const std::size_t space = t.find(' ');
  if (space == std::string_view::npos || space + 4 > t.size()) return false;
  return std::isdigit(static_cast<unsigned char>(t[space + 1])) != 0 &&
         std::isdigit(static_cast<unsigned char>(t[space + 2])) != 0 &&
         std::isdigit(static_cast<unsigned char>(t[space + 3])) != 0;
}

void classify_notification(ExtractedBody &body, const Annotation &annotation, ApiVersion api) {
  const Document doc = Document::parse(body.text, Limits{});
  bool notification = annotation.odata_type.find("commsnotification") != std::string::npos;
  if (!notification && doc.has_dom() && doc.root().IsObject()) {
    const auto it = doc.root().FindMember("value");
    if (it != doc.root().MemberEnd() && it->value.IsArray() && !it->value.Empty()) {
      notification = std::all_of(it->value.Begin(), it->value.End(),
                                 [](const Value &v) { return v.IsObject() && v.HasMember("changeType"); });
    }
  }
  if (!notification) return;
  body.kind = BodyKind::Notification;
  body.note = "notification body (commsNotifications) that the service posts to the bot, not a create-call request";
  if (!doc.has_dom()) return;
  const std::vector<Finding> findings = validate_schema(doc, api, "commsNotifications");
  if (!findings.empty()) {
    body.note += fmt::format("; the commsNotifications schema reports {} problem{}, first: {}{}", findings.size(),
                             findings.size() == 1 ? "" : "s", findings.front().message,
                             findings.front().pointer.empty() ? "" : " at " + findings.front().pointer);
  }
}

}  // namespace callcheck::detail::extraction
