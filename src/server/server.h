// `callcheck server`: the Language Server Protocol over stdio (JSON-RPC 2.0
// with Content-Length framing). The same findings as `callcheck check`, in
// the editor: diagnostics for JSON, Markdown and .http documents, code
// actions from the fixes (and "fix all safe"), hover with a rule's docs or a
// member's schema description, completion of member names and enum values.
//
// Server::handle() is pure message-in, messages-out (the protocol tests and
// the fuzz target drive it); serve() adds the framing. Configuration comes
// from a resolver the CLI provides (cli/run_server.cc), so discovery is the
// CLI's, per file. Positions are UTF-16 code units, LSP's default.
#ifndef CALLCHECK_SERVER_SERVER_H_
#define CALLCHECK_SERVER_SERVER_H_

#include <cstddef>      // std::size_t
#include <functional>   // std::function
#include <iosfwd>       // std::istream, std::ostream
#include <map>          // std::map
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/check.h"
#include "callcheck/report.h"

namespace callcheck::server {

// What applies to one file: its Options and what the CLI does to a report
// after check() (suppressions). `post` may be empty.
struct Resolved {
  Options options;
  std::function<void(Report &)> post;
};
using Resolver = std::function<Resolved(const std::string &path)>;

class Server {
 public:
  explicit Server(Resolver resolver);
  // One message body (JSON text) in; the message bodies to send, in order.
  // Never throws: a malformed message gets a JSON-RPC error (when it has an
  // id, or cannot be read at all) and is otherwise ignored.
  [[nodiscard]] auto handle(std::string_view body) -> std::vector<std::string>;
  [[nodiscard]] auto exited() const -> bool { return exited_; }
  // 0 after shutdown + exit, 1 after an exit without shutdown (LSP spec).
  [[nodiscard]] auto exit_code() const -> int { return shutdown_ ? 0 : 1; }

  struct Open {
    std::string path;  // file system path from the file: URI ("" for other schemes)
    std::string text;
    long long version = 0;
    std::vector<Report> reports;  // findings of `text`, kept for code actions and hover
  };

 private:
  auto dispatch(const void *message, std::vector<std::string> &out) -> void;
  Resolver resolver_;
  std::map<std::string, Open> documents_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

// Reads framed messages from `in` until `exit` or end of input, writing the
// framed replies to `out`. A message longer than `max_message` bytes is read
// past and answered with an error, never held. Returns the exit code.
[[nodiscard]] auto serve(std::istream &in, std::ostream &out, Server &server, std::size_t max_message) -> int;

// The file system path of a file: URI ("" for anything else).
[[nodiscard]] auto uri_to_path(std::string_view uri) -> std::string;

}  // namespace callcheck::server

#endif  // CALLCHECK_SERVER_SERVER_H_
