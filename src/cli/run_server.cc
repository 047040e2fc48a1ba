// `callcheck server`: the language server (src/server/server.h) on stdin and
// stdout, with the CLI's configuration discovery for every document.
#include <iostream>  // std::cin, std::cout

#include "cli/commands.h"
#include "cli/config_session.h"
#include "cli/input.h"
#include "server/server.h"

namespace callcheck::cli {

auto run_server(const CheckArgs &base_args, std::ostream &err) -> int {
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
  std::ios::sync_with_stdio(false);
  return server::serve(std::cin, std::cout, server, max_message);
}

}  // namespace callcheck::cli
