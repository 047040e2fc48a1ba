#include "cli/extract_inputs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>  // std::min, std::max
#include <cerrno>     // errno
#include <cctype>     // std::tolower
#include <cstring>    // std::strerror

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
  // Most inputs of a walk end in ".json": known without a string built.
  if (path.size() > 5) {
    const std::string_view tail = path.substr(path.size() - 5);
    if (tail == ".json" || tail == ".JSON") return InputKind::Json;
  }
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

NdjsonLines::~NdjsonLines() {
  if (fd_ >= 0) ::close(fd_);
}

auto NdjsonLines::open(const std::string &path) -> std::string {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd_ < 0) return std::strerror(errno);
  struct stat st {};
  if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return "not a regular file: only regular files are checked";
  // Regular files never block; the flag only kept open() from waiting on a FIFO.
  (void)::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
  constexpr std::size_t kBlock = 1U << 16U;
  buffer_.resize(kBlock);
  return "";
}

// Reads the next block (every byte before it was used); false at the end of
// the file or on an error.
auto NdjsonLines::fill() -> bool {
  if (eof_ || fd_ < 0) return false;
  begin_ = end_ = 0;
  while (true) {
    const ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error_ = "read failed";
      eof_ = true;
      return false;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    end_ += static_cast<std::size_t>(n);
    return true;
  }
}

auto NdjsonLines::next(std::string &line, std::uint32_t &number) -> bool {
  if (done_) return false;
  line.clear();
  bool cut = false;  // past the cap: the rest of the line is skipped
  while (true) {
    const char *data = buffer_.data() + begin_;
    const auto *nl = static_cast<const char *>(std::memchr(data, '\n', end_ - begin_));
    const std::size_t avail = nl == nullptr ? end_ - begin_ : static_cast<std::size_t>(nl - data);
    if (!cut) {
      std::size_t take = std::min(avail, cap_ - line.size());  // line.size() <= cap_ until cut
      if (take < avail) ++take;                                // one byte past the cap: CC004
      line.append(data, take);
      cut = line.size() > cap_;
    }
    if (nl != nullptr) {
      begin_ += avail + 1;
      number = ++number_;
      return true;
    }
    begin_ = end_;
    if (!fill()) break;
  }
  done_ = true;
  if (!error_.empty()) return false;
  number = ++number_;  // what follows the last newline
  return true;
}

auto check_ndjson_line(std::string_view line, std::uint32_t number, const std::string &display, const Options &options)
    -> std::optional<Report> {
  auto body = detail::ndjson_body(line, number);
  if (!body) return std::nullopt;
  return detail::check_body(*body, display, options);
}

auto stream_ndjson_file(const std::string &path, const std::string &display, const Options &options,
                        std::size_t line_cap, const ReportSink &sink) -> std::string {
  NdjsonLines lines(line_cap);
  if (std::string error = lines.open(path); !error.empty()) return error;
  std::string line;
  std::uint32_t number = 0;
  while (lines.next(line, number)) emit_line(line, number, display, options, sink);
  return lines.error();
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
