// `callcheck server`: the language server (src/server/server.h) on stdin and
// stdout, with the CLI's configuration discovery for every document.
#include <unistd.h>

#include <cerrno>     // errno, EINTR
#include <istream>    // std::istream
#include <ostream>    // std::ostream
#include <streambuf>  // std::streambuf

#include "cli/commands.h"
#include "cli/config_session.h"
#include "cli/input.h"
#include "server/server.h"

namespace callcheck::cli {
namespace {

// Standard input or output as a stream buffer on its descriptor, built only
// here: std::cin and std::cout would put <iostream>'s static initialiser
// into every run of the CLI (issue 14). The transport flushes after each
// message, so nothing waits in the output buffer.
class FdBuf final : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) {}

 protected:
  auto underflow() -> int_type override {
    ssize_t n = 0;
    do {
      n = ::read(fd_, buffer_, sizeof buffer_);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(buffer_[0]);
  }
  auto overflow(int_type c) -> int_type override {
    if (sync() != 0) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    buffer_[0] = traits_type::to_char_type(c);
    setp(buffer_, buffer_ + sizeof buffer_);
    pbump(1);
    return c;
  }
  auto sync() -> int override {
    const char *at = pbase();
    while (at < pptr()) {
      const ssize_t n = ::write(fd_, at, static_cast<std::size_t>(pptr() - at));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return -1;
      at += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return 0;
  }

 private:
  int fd_;
  char buffer_[1U << 16U];
};

}  // namespace

auto run_server(const CheckArgs &base_args, Out &err) -> int {
  bool ok = true;
  const Options base = build_options(base_args, err, ok);
  if (!ok) return 2;
  // Each analysis discovers the configuration afresh, as `callcheck check
  // FILE` would: .callcheck.json may change while the editor is open.
  server::Resolver resolver = [base_args, base](const std::string &path) {
    CheckArgs args = base_args;
    args.paths = {path};
    std::vector<std::string> notes;  // a file is named: no walk, no notes but --exclude's, which the server has not
    const std::vector<Input> inputs = expand_inputs(args.paths, expand_options(args, {}, notes));
    server::Resolved r;
    r.options = base;
    if (inputs.size() != 1 || !inputs.front().error.empty()) return r;
    auto session = std::make_shared<ConfigSession>(args, base);
    if (!session->prepare(inputs)) return r;  // an invalid configuration: `check` reports it (CC401)
    r.options = session->options(0);
    r.post = [session](Report &report) { session->post_process(0, report); };
    return r;
  };
  server::Server server(resolver);
  // Messages carry a document (capped by --max-bytes) JSON-escaped: up to
  // six bytes per byte, plus the envelope.
  const std::size_t max_message = base.limits.max_bytes * 6 + 65536;
  FdBuf in_buf(STDIN_FILENO);
  FdBuf out_buf(STDOUT_FILENO);
  std::istream in(&in_buf);
  std::ostream out(&out_buf);
  return server::serve(in, out, server, max_message);
}

}  // namespace callcheck::cli
