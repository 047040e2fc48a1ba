// The transport: LSP's base protocol over a stream (Content-Length framed
// JSON-RPC messages), and file: URIs.
#include "server/jsonrpc.h"
#include "server/server.h"

#include <istream>  // std::istream
#include <ostream>  // std::ostream

#include <fmt/format.h>

namespace callcheck::server {

auto serve(std::istream &in, std::ostream &out, Server &server, std::size_t max_message) -> int {
  auto send = [&](const std::string &body) {
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
  };
  std::string line;
  while (!server.exited()) {
    // Headers: up to an empty line. Unknown headers are ignored.
    std::optional<std::size_t> length;
    bool bad_header = false;
    bool any = false;
    std::size_t header_bytes = 0;
    while (true) {
      if (!std::getline(in, line)) return server.exited() ? server.exit_code() : 1;
      header_bytes += line.size() + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) {
        if (any) break;
        continue;  // stray blank lines between messages
      }
      any = true;
      if (header_bytes > 4096) bad_header = true;
      constexpr std::string_view kLength = "content-length:";
      std::string lower = line.substr(0, kLength.size());
      for (char &ch : lower) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      if (lower == kLength) {
        std::string_view value(line);
        value.remove_prefix(kLength.size());
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        std::size_t n = 0;
        bool digits = !value.empty() && value.size() <= 18;
        for (const char ch : value) {
          if (ch < '0' || ch > '9') {
            digits = false;
            break;
          }
          n = n * 10 + static_cast<std::size_t>(ch - '0');
        }
        if (digits) {
          length = n;
        } else {
          bad_header = true;
        }
      }
    }
    if (bad_header || !length) {
      // Without a length the next message cannot be found: say so and read on
      // from the next header block.
      send(error_message(nullptr, kParseError, "a message needs a valid Content-Length header"));
      continue;
    }
    if (*length > max_message) {
      in.ignore(static_cast<std::streamsize>(*length));
      send(error_message(nullptr, kInvalidRequest,
                         fmt::format("message of {} bytes is over the limit of {}", *length, max_message)));
      continue;
    }
    std::string body(*length, '\0');
    in.read(body.data(), static_cast<std::streamsize>(*length));
    if (static_cast<std::size_t>(in.gcount()) != *length) return 1;  // the client went away mid-message
    for (const std::string &reply : server.handle(body)) send(reply);
  }
  return server.exit_code();
}

auto uri_to_path(std::string_view uri) -> std::string {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return {};
  std::string_view rest = uri.substr(kScheme.size());
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return {};
  rest = rest.substr(slash);  // drop an authority ("localhost")
  std::string out;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex(rest[i + 1]) >= 0 && hex(rest[i + 2]) >= 0) {
      const char c = static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2]));
      if (c == '\0') return {};  // a NUL would cut the path short
      out += c;
      i += 2;
    } else {
      out += rest[i];
    }
  }
  return out;
}

}  // namespace callcheck::server
