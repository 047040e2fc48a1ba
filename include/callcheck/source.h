// Where one input comes from: the provenance check() reports positions and
// decides the request with. Options is configuration (the same for every
// input of a run, comparable with ==); a Source is per input, cheap to make,
// and holds views only: what it points at must outlive the check() call.
//
//   callcheck::Source source;
//   source.name = "docs/page.md";
//   source.line_offset = 41;  // the body starts on line 42 of the page
//   source.request_line = "POST https://graph.microsoft.com/v1.0/communications/calls";
//   callcheck::Report report = callcheck::check(body, source, options);
#ifndef CALLCHECK_SOURCE_H_
#define CALLCHECK_SOURCE_H_

#include <cstdint>      // std::uint32_t
#include <string_view>  // std::string_view

namespace callcheck {

struct Source {
  // How reports name the input ("request.json", "-", "docs/page.md").
  std::string_view name;
  // Where the text starts inside a containing file (Markdown/.http
  // extraction): added to every reported line, and to the column on every line.
  std::uint32_t line_offset = 0;
  std::uint32_t column_offset = 0;
  // The request line, when known ("POST https://graph.microsoft.com/beta/app/calls").
  // It names the request the body is for (issue 12), before anything else.
  std::string_view request_line;
};

}  // namespace callcheck

#endif  // CALLCHECK_SOURCE_H_
