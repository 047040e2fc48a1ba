#include "json.h"

#include "extract/extract.h"

#include <algorithm>  // std::all_of
#include <array>      // std::array
#include <cctype>     // std::tolower

#include <fmt/format.h>

#include "callcheck/rules.h"
#include "catalog/policy.h"
#include "document/document.h"
#include "request/request.h"
#include "schema/validate.h"
#include "catalog/cc502_non_request_block.h"
#include "catalog/cc503_no_request_found.h"
#include "catalog/diagnostic.h"

namespace callcheck::detail {
namespace {

struct Line {
  std::string_view text;  // without "\n" and a trailing "\r"
  std::uint32_t number = 0;
};

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

auto starts_with(std::string_view s, std::string_view prefix) -> bool {
  return s.substr(0, prefix.size()) == prefix;
}

auto lower(std::string_view s) -> std::string {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "METHOD URL [HTTP/x.y]" (method optional in REST Client files: GET).
struct RequestLine {
  std::string method;
  std::string url;
  std::string text;  // as written, trimmed
};

auto parse_request_line(std::string_view line, bool method_optional) -> std::optional<RequestLine> {
  static constexpr std::array<std::string_view, 9> kMethods{"GET",    "POST", "PUT",   "PATCH",  "DELETE",
                                                            "HEAD",   "OPTIONS", "TRACE", "CONNECT"};
  const std::string_view t = trim(line);
  const std::size_t space = t.find_first_of(" \t");
  const std::string_view first = t.substr(0, space);
  RequestLine r;
  r.text = std::string(t);
  if (std::find(kMethods.begin(), kMethods.end(), first) != kMethods.end()) {
    if (space == std::string_view::npos) return std::nullopt;
    const std::string_view rest = trim(t.substr(space));
    r.method = std::string(first);
    r.url = std::string(rest.substr(0, rest.find_first_of(" \t")));
  } else {
    if (!method_optional || first.empty() || first.find("/") == std::string_view::npos) return std::nullopt;
    r.method = "GET";
    r.url = std::string(first);
  }
  if (r.url.empty()) return std::nullopt;
  return r;
}

// "HTTP/1.1 201 Created", "HTTP/2 200".
auto is_status_line(std::string_view line) -> bool {
  const std::string_view t = trim(line);
  if (!starts_with(t, "HTTP/")) return false;
  const std::size_t space = t.find(' ');
  if (space == std::string_view::npos || space + 4 > t.size()) return false;
  return std::isdigit(static_cast<unsigned char>(t[space + 1])) != 0 &&
         std::isdigit(static_cast<unsigned char>(t[space + 2])) != 0 &&
         std::isdigit(static_cast<unsigned char>(t[space + 3])) != 0;
}

// Joins lines [first, last) into a body, dropping each line's container prefix.
auto join_lines(const std::vector<std::string> &lines, std::size_t first, std::size_t last) -> std::string {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    out += lines[i];
    if (i + 1 < last) out.push_back('\n');
  }
  return out;
}

// The docs annotation `<!-- { "blockType": "request", "@odata.type": ... } -->`.
struct Annotation {
  std::string block_type;  // lower case
  std::string odata_type;  // lower case
};

auto parse_annotation(std::string_view inner) -> std::optional<Annotation> {
  const std::string_view t = trim(inner);
  if (t.empty() || t.front() != '{') return std::nullopt;
  // Through the strict parser: an annotation is untrusted text, and
  // RapidJSON's recursive Parse() overflows the stack on deep nesting.
  const Document parsed = Document::parse(t, Limits{});
  if (!parsed.has_dom() || !parsed.root().IsObject()) return std::nullopt;
  const Value &doc = parsed.root();
  Annotation a;
  if (const auto it = doc.FindMember("blockType"); it != doc.MemberEnd() && it->value.IsString()) {
    a.block_type = lower(std::string_view(it->value.GetString(), it->value.GetStringLength()));
  }
  if (const auto it = doc.FindMember("@odata.type"); it != doc.MemberEnd() && it->value.IsString()) {
    a.odata_type = lower(std::string_view(it->value.GetString(), it->value.GetStringLength()));
  }
  return a;
}

// A request candidate may really be the notification the service posts to
// the bot's callback (docs show it as `POST https://bot.contoso.com/api/calls`).
// The annotation says so, or the shape does: {"value": [{"changeType": ...}]}.
void classify_notification(ExtractedBody &body, const Annotation &annotation, ApiVersion api) {
  const Document doc = Document::parse(body.text, Limits{});
  bool notification = annotation.odata_type.find("commsnotification") != std::string::npos;
  if (!notification && doc.has_dom() && doc.root().IsObject()) {
    const auto it = doc.root().FindMember("value");
    if (it != doc.root().MemberEnd() && it->value.IsArray() && !it->value.Empty()) {
      notification = std::all_of(it->value.Begin(), it->value.End(), [](const Value &v) {
        return v.IsObject() && v.HasMember("changeType");
      });
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

// ---- Markdown --------------------------------------------------------------

enum class Pending : std::uint8_t { None, CallsRequest, OtherRequest, Response };

// Leading spaces and blockquote markers: the part of a line that belongs to
// the container (list item, blockquote), not to the block.
auto container_prefix(std::string_view line) -> std::size_t {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '>')) ++i;
  return i;
}

struct Fence {
  char ch = '`';
  std::size_t length = 0;
  std::string prefix;  // the opening line's container prefix
  std::string info;    // first word of the info string, lower case
  std::string first_line;
  std::uint32_t line = 0;
};

auto open_fence(std::string_view line) -> std::optional<Fence> {
  const std::size_t p = container_prefix(line);
  const std::string_view rest = line.substr(p);
  if (rest.size() < 3 || (rest[0] != '`' && rest[0] != '~')) return std::nullopt;
  Fence f;
  f.ch = rest[0];
  while (f.length < rest.size() && rest[f.length] == f.ch) ++f.length;
  if (f.length < 3) return std::nullopt;
  const std::string_view info = trim(rest.substr(f.length));
  if (f.ch == '`' && info.find('`') != std::string_view::npos) return std::nullopt;  // inline code
  f.prefix = std::string(line.substr(0, p));
  f.info = lower(info.substr(0, info.find_first_of(" \t{")));
  f.first_line = std::string(trim(rest));
  return f;
}

auto closes(const Fence &f, std::string_view line) -> bool {
  const std::string_view rest = line.substr(container_prefix(line));
  std::size_t n = 0;
  while (n < rest.size() && rest[n] == f.ch) ++n;
  return n >= f.length && blank(rest.substr(n));
}

// A content line without the container prefix of its fence.
auto strip_prefix(std::string_view line, const std::string &prefix) -> std::string {
  if (starts_with(line, prefix)) return std::string(line.substr(prefix.size()));
  std::size_t i = 0;
  while (i < line.size() && i < prefix.size() && (line[i] == ' ' || line[i] == '>')) ++i;
  return std::string(line.substr(i));
}

class MarkdownExtractor {
 public:
  explicit MarkdownExtractor(ApiVersion api) : api_(api) {}

  auto run(std::string_view text) -> std::vector<ExtractedBody> {
    const std::vector<Line> lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string_view line = lines[i].text;
      const std::string_view content = trim(line.substr(container_prefix(line)));
      if (auto fence = open_fence(line)) {
        std::vector<std::string> body;
        std::size_t j = i + 1;
        for (; j < lines.size() && !closes(*fence, lines[j].text); ++j) {
          body.push_back(strip_prefix(lines[j].text, fence->prefix));
        }
        fence->line = lines[i].number;
        block(*fence, body);
        annotation_.reset();
        i = j;  // past the closing fence (or the end of the text)
        continue;
      }
      if (starts_with(content, "<!--")) {
        std::string inner(content.substr(4));
        std::size_t j = i;
        while (inner.find("-->") == std::string::npos && j + 1 < lines.size()) {
          ++j;
          inner += "\n";
          inner += std::string(lines[j].text);
        }
        inner = inner.substr(0, inner.find("-->"));
        if (auto a = parse_annotation(inner)) annotation_ = a;
        i = j;
        continue;
      }
      if (content.empty()) continue;
      annotation_.reset();  // an annotation describes the block right after it
      if (content.front() == '#') pending_ = Pending::None;  // a new section
    }
    return std::move(bodies_);
  }

 private:
  void block(const Fence &fence, const std::vector<std::string> &lines) {
    const Pending pending = pending_;
    const std::string pending_line = pending_line_;
    pending_ = Pending::None;
    pending_line_.clear();
    const std::string type = annotation_ ? annotation_->block_type : "";
    if (type == "ignored" || type == "ignore") return;

    std::size_t first = 0;
    while (first < lines.size() && blank(lines[first])) ++first;
    if (fence.info == "http" || fence.info == "https") {
      if (first == lines.size()) return;
      // Headers run to the first blank line; the body follows it.
      std::size_t b = first + 1;
      while (b < lines.size() && !blank(lines[b])) ++b;
      while (b < lines.size() && blank(lines[b])) ++b;
      std::size_t end = lines.size();
      while (end > b && blank(lines[end - 1])) --end;
      const bool has_body = b < end;
      if (is_status_line(lines[first]) || type == "response") {
        if (has_body) {
          emit(BodyKind::Response, fence, lines, b, end, "", std::string(trim(lines[first])),
               fmt::format("response body (`{}`), not a request", trim(lines[first])));
        } else {
          pending_ = Pending::Response;
        }
        return;
      }
      const auto request = parse_request_line(lines[first], false);
      if (!request) return;
      const bool calls = request->method == "POST" && is_calls_api_url(request->url);
      if (!has_body) {
        pending_ = calls ? Pending::CallsRequest : Pending::OtherRequest;
        pending_line_ = request->text;
        return;
      }
      if (calls) emit(BodyKind::Request, fence, lines, b, end, request->text, request->text, "");
      return;
    }
    const bool json_like = fence.info == "json" || fence.info == "jsonc" || fence.info == "json5" ||
                           (fence.info.empty() && pending != Pending::None);
    if (!json_like || first == lines.size()) return;
    std::size_t end = lines.size();
    while (end > first && blank(lines[end - 1])) --end;
    if (type == "response" || pending == Pending::Response) {
      emit(BodyKind::Response, fence, lines, first, end, "", fence.first_line, "response body, not a request");
      return;
    }
    if (pending == Pending::CallsRequest || (pending == Pending::None && type == "request")) {
      emit(BodyKind::Request, fence, lines, first, end, pending_line, fence.first_line, "");
    }
  }

  void emit(BodyKind kind, const Fence &fence, const std::vector<std::string> &lines, std::size_t first,
            std::size_t end, std::string request_line, std::string origin, std::string note) {
    ExtractedBody body;
    body.kind = kind;
    body.text = join_lines(lines, first, end);
    body.line = fence.line + 1 + static_cast<std::uint32_t>(first);
    body.column = static_cast<std::uint32_t>(fence.prefix.size()) + 1;
    body.request_line = std::move(request_line);
    body.origin = std::move(origin);
    body.note = std::move(note);
    if (kind == BodyKind::Request) classify_notification(body, annotation_.value_or(Annotation{}), api_);
    bodies_.push_back(std::move(body));
  }

  ApiVersion api_;
  std::optional<Annotation> annotation_;
  Pending pending_ = Pending::None;
  std::string pending_line_;
  std::vector<ExtractedBody> bodies_;
};

// ---- diagnostics for skipped blocks ----------------------------------------

// One diagnostic of a code this module owns, honouring --select/--ignore and
// per-rule levels as the pipeline does.
void add_diagnostic(Report &report, const RuleMeta &rule, std::string message, Position at,
                    const Options &options) {
  if (auto d = make_diagnostic(Policy(options), rule, std::move(message), "", Span{at, at})) {
    report.diagnostics.push_back(std::move(*d));
  }
}

}  // namespace

auto is_calls_url(std::string_view url) -> bool {
  url = url.substr(0, url.find_first_of("?#"));
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return url == "calls" || (url.size() >= 6 && url.substr(url.size() - 6) == "/calls");
}

auto extract_markdown(std::string_view text, ApiVersion api) -> std::vector<ExtractedBody> {
  return MarkdownExtractor(api).run(text);
}

auto extract_http(std::string_view text, ApiVersion api) -> std::vector<ExtractedBody> {
  std::vector<ExtractedBody> bodies;
  const std::vector<Line> lines = split_lines(text);
  std::size_t i = 0;
  while (i < lines.size()) {
    // One request: up to the next "###" line.
    std::size_t end = i;
    while (end < lines.size() && !starts_with(lines[end].text, "###")) ++end;
    std::size_t k = i;
    auto skippable = [](std::string_view l) {
      const std::string_view t = trim(l);
      return t.empty() || t.front() == '#' || starts_with(t, "//") || t.front() == '@';
    };
    while (k < end && skippable(lines[k].text)) ++k;
    if (k < end) {
      const Line &request_at = lines[k];
      const auto request = parse_request_line(request_at.text, true);
      ++k;
      // Query continuation lines ("    ?a=b", "    &c=d"), then headers.
      while (k < end && (starts_with(trim(lines[k].text), "?") || starts_with(trim(lines[k].text), "&"))) ++k;
      while (k < end && !blank(lines[k].text)) ++k;
      while (k < end && blank(lines[k].text)) ++k;
      std::size_t last = end;
      while (last > k && (blank(lines[last - 1].text))) --last;
      if (request) {
        ExtractedBody body;
        body.request_line = request->text;
        body.origin = request->text;
        std::string joined;
        for (std::size_t b = k; b < last; ++b) {
          joined += lines[b].text;
          if (b + 1 < last) joined.push_back('\n');
        }
        body.text = std::move(joined);
        body.line = k < last ? lines[k].number : request_at.number;
        if (!(request->method == "POST" && is_calls_api_url(request->url))) {
          body.kind = BodyKind::OtherRequest;
          body.line = request_at.number;
          body.text.clear();
          body.note = fmt::format("`{} {}` is not a calls-API request (POST …/calls or …/calls/{{id}}/<action>)",
                                  request->method, request->url);
        } else if (starts_with(trim(body.text), "<")) {
          body.kind = BodyKind::OtherRequest;
          body.note = "the body is read from a file (`< path`); check that file directly";
          body.text.clear();
        } else {
          classify_notification(body, Annotation{}, api);
        }
        bodies.push_back(std::move(body));
      }
    }
    i = end + 1;  // past the "###" separator
  }
  return bodies;
}

auto ndjson_body(std::string_view line, std::uint32_t line_number) -> std::optional<ExtractedBody> {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (blank(line)) return std::nullopt;
  ExtractedBody body;
  body.text = std::string(line);
  body.line = line_number;
  return body;
}

auto check_body(const ExtractedBody &body, std::string_view source_name, const Options &options) -> Report {
  if (body.kind == BodyKind::Request) {
    Options shifted = options;
    shifted.line_offset = options.line_offset + body.line - 1;
    shifted.column_offset = options.column_offset + body.column - 1;
    if (!body.request_line.empty()) shifted.request_line = body.request_line;
    Report report = check(body.text, source_name, shifted);
    report.origin = body.origin;
    return report;
  }
  Report report;
  report.source = std::string(source_name);
  report.origin = body.origin;
  add_diagnostic(report, catalog::kNonRequestBlock, body.note + "; skipped", Position{body.line, body.column}, options);
  return report;
}

auto no_request_report(std::string_view source_name, std::string_view what, const Options &options)
    -> std::optional<Report> {
  Report report;
  report.source = std::string(source_name);
  add_diagnostic(report, catalog::kNoRequestFound, fmt::format("no create-call request body (POST …/calls) found in this {}", what),
                 Position{1, 1}, options);
  if (report.diagnostics.empty()) return std::nullopt;
  return report;
}

}  // namespace callcheck::detail
