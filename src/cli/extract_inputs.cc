#include "cli/extract_inputs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>   // errno
#include <cctype>   // std::tolower
#include <cstdio>   // std::FILE, fdopen, getc_unlocked
#include <cstring>  // std::strerror

#include <fmt/format.h>

#include "extract/extract.h"

namespace callcheck::cli {
namespace {

auto extension(std::string_view path) -> std::string {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot));
  for (char &c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

void emit_line(std::string_view line, std::uint32_t number, const std::string &display, const Options &options,
               const ReportSink &sink) {
  if (auto body = detail::ndjson_body(line, number)) sink(detail::check_body(*body, display, options));
}

}  // namespace

auto input_kind(std::string_view path) -> InputKind {
  const std::string ext = extension(path);
  if (ext == ".md" || ext == ".markdown") return InputKind::Markdown;
  if (ext == ".http" || ext == ".rest") return InputKind::Http;
  if (ext == ".ndjson" || ext == ".jsonl") return InputKind::Ndjson;
  return InputKind::Json;
}

auto directory_extensions() -> std::vector<std::string> { return {".json"}; }

auto check_extracted(InputKind kind, std::string_view text, const std::string &display, const Options &options)
    -> std::vector<Report> {
  const bool markdown = kind == InputKind::Markdown;
  const std::vector<detail::ExtractedBody> bodies =
      markdown ? detail::extract_markdown(text, options.api) : detail::extract_http(text, options.api);
  std::vector<Report> reports;
  bool any_request = false;
  for (const detail::ExtractedBody &body : bodies) {
    any_request = any_request || body.kind == detail::BodyKind::Request;
    reports.push_back(detail::check_body(body, display, options));
  }
  if (!any_request) {
    if (auto r = detail::no_request_report(display, markdown ? "Markdown file" : "HTTP request file", options)) {
      reports.push_back(std::move(*r));
    } else if (reports.empty()) {
      Report empty;  // still one entry, so the file counts as checked
      empty.source = display;
      reports.push_back(std::move(empty));
    }
  }
  return reports;
}

auto stream_ndjson_file(const std::string &path, const std::string &display, const Options &options,
                        std::size_t line_cap, const ReportSink &sink) -> std::string {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return std::strerror(errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return "not a regular file: only regular files are checked";
  }
  // Regular files never block; clear O_NONBLOCK so stdio reads normally.
  (void)::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::FILE *file = ::fdopen(fd, "rb");
  if (file == nullptr) {
    ::close(fd);
    return std::strerror(errno);
  }
  std::string line;
  std::uint32_t number = 1;
  int c = 0;
  while ((c = getc_unlocked(file)) != EOF) {
    if (c == '\n') {
      emit_line(line, number++, display, options, sink);
      line.clear();
      continue;
    }
    // Past the cap keep one extra byte, so check() reports CC004 without
    // this line ever holding more than line_cap + 1 bytes.
    if (line.size() <= line_cap) line.push_back(static_cast<char>(c));
  }
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return "read failed";
  emit_line(line, number, display, options, sink);
  return "";
}

void check_ndjson_text(std::string_view text, const std::string &display, const Options &options,
                       const ReportSink &sink) {
  std::uint32_t number = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    emit_line(text.substr(start, end - start), number++, display, options, sink);
    start = end + 1;
  }
}

}  // namespace callcheck::cli
