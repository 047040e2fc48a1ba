#include "server/features.h"

#include <algorithm>  // std::max

#include <fmt/format.h>

#include "callcheck/rules.h"
#include "document/pointer.h"
#include "server/lsp_text.h"

namespace callcheck::server {

auto hover_markdown(const Server::Open &doc, const std::string &uri, std::size_t line, std::size_t character,
                    const Options &options) -> std::string {
  const Lines lines(doc.text);
  const std::size_t at = lines.offset(line, character);
  // The narrowest finding under the cursor.
  const Diagnostic *finding = nullptr;
  std::size_t finding_width = 0;
  for (const Report &r : doc.reports) {
    for (const Diagnostic &d : r.diagnostics) {
      const std::size_t begin = lines.offset_of(d.span.begin);
      const std::size_t end = std::max(begin + 1, lines.offset_of(d.span.end));
      if (at < begin || at >= end || find_rule(d.code) == nullptr) continue;
      if (finding == nullptr || end - begin < finding_width) {
        finding = &d;
        finding_width = end - begin;
      }
    }
  }
  // The member under the cursor: its schema's description.
  std::string member_text;
  std::size_t member_width = 0;
  const ApiVersion api = options.api;
  if (const auto body = body_at(doc, kind_of(uri), line, character, api)) {
    const detail::Document parsed = detail::Document::parse(body->text, options.limits);
    bool on_key = false;
    const auto pointer = pointer_at(parsed, body->offset, on_key, member_width);
    if (pointer && !pointer->empty()) {
      const detail::Navigator &nav = detail::Navigator::for_call(api);
      const std::string_view description = description_of(declared_schema(parsed, nav, *pointer));
      const std::string_view type = detail::Navigator::type_name(nav.at(parsed, *pointer));
      if (!description.empty() || !type.empty()) {
        member_text = fmt::format("`{}`", detail::last_token(*pointer));
        if (!type.empty()) member_text += fmt::format(": {}", type);
        if (!description.empty()) member_text += fmt::format("\n\n{}", description);
      }
    }
  }
  // A finding about this very value (or narrower) gets the rule's docs; one
  // about the whole object around it only a line under the member's.
  if (finding != nullptr && (member_text.empty() || finding_width <= member_width)) {
    const RuleMeta *meta = find_rule(finding->code);
    return fmt::format("**{} {}** ({}): {}\n\n{}", meta->code, meta->name, to_string(finding->severity),
                       finding->message, meta->explanation);
  }
  if (finding != nullptr) {
    member_text += fmt::format("\n\n---\n**{} {}**: {}", finding->code, finding->name, finding->message);
  }
  return member_text;
}

}  // namespace callcheck::server
