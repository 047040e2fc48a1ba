#include "server/features.h"

#include <algorithm>  // std::max

#include <fmt/format.h>

#include "server/lsp_text.h"

namespace callcheck::server {

auto code_actions(const Value *id, const std::string &uri, const Server::Open &doc, const Options &options,
                  std::size_t want_begin, std::size_t want_end) -> std::string {
  const Lines lines(doc.text);
  const detail::FixInput kind = kind_of(uri);
  const detail::FixResult all = detail::fix_text(doc.text, kind, doc.path.empty() ? uri : doc.path, options, false);
  return result_message(id, [&](Writer &w) {
    w.StartArray();
    for (const Report &r : doc.reports) {
      for (const Diagnostic &d : r.diagnostics) {
        if (!d.fix) continue;
        const std::size_t begin = lines.offset_of(d.span.begin);
        const std::size_t end = std::max(begin + 1, lines.offset_of(d.span.end));
        if (end < want_begin || begin > std::max(want_begin, want_end)) continue;
        const auto mapped = detail::map_fix(*d.fix, doc.text, kind);
        if (!mapped) continue;
        w.StartObject();
        key(w, "title");
        str(w, fmt::format("{}: {}{}", d.code, mapped->description,
                           mapped->safety == FixSafety::Unsafe ? " (unsafe)" : ""));
        key(w, "kind");
        str(w, "quickfix");
        key(w, "isPreferred");
        w.Bool(mapped->safety == FixSafety::Safe);
        key(w, "diagnostics");
        w.StartArray();
        w.StartObject();
        key(w, "range");
        write_range(w, lines, begin, lines.offset_of(d.span.end));
        key(w, "code");
        str(w, d.code);
        key(w, "source");
        str(w, "callcheck");
        key(w, "message");
        str(w, d.message);
        w.EndObject();
        w.EndArray();
        key(w, "edit");
        write_workspace_edit(w, uri, [&] {
          for (const Edit &e : mapped->edits) write_text_edit(w, lines, e.begin, e.end, e.replacement);
        });
        w.EndObject();
      }
    }
    if (all.fixed > 0 && all.parses) {
      w.StartObject();
      key(w, "title");
      str(w, fmt::format("callcheck: fix all safe ({})", all.fixed));
      key(w, "kind");
      str(w, "source.fixAll.callcheck");
      key(w, "edit");
      write_workspace_edit(w, uri, [&] { write_text_edit(w, lines, 0, doc.text.size(), all.text); });
      w.EndObject();
    }
    w.EndArray();
  });
}

}  // namespace callcheck::server
