// Request bodies in Markdown: fenced code blocks (in list items and
// blockquotes too), with the request line above them or the docs' annotation.
#include "document/rapidjson_adapter.h"

#include "extract/common.h"

#include <fmt/format.h>

#include "document/document.h"
#include "request/request.h"

namespace callcheck::detail::extraction {
namespace {

// Joins lines [first, last) into a body, dropping each line's container prefix.
auto join_lines(const std::vector<std::string> &lines, std::size_t first, std::size_t last) -> std::string {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    out += lines[i];
    if (i + 1 < last) out.push_back('\n');
  }
  return out;
}

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
      annotation_.reset();                                   // an annotation describes the block right after it
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

}  // namespace
}  // namespace callcheck::detail::extraction

namespace callcheck::detail {

auto extract_markdown(std::string_view text, ApiVersion api) -> std::vector<ExtractedBody> {
  return extraction::MarkdownExtractor(api).run(text);
}

}  // namespace callcheck::detail
