// ConfigSession::write_baseline (config_session.h), apart from the session's
// loading so config_session.cc stays under the size script.source_layout allows.
#include <fmt/format.h>

#include "cli/config_session.h"
#include "cli/exit_code.h"
#include "cli/safe_write.h"
#include "cli/trust_root.h"
#include "config/baseline.h"

namespace callcheck::cli {

auto ConfigSession::write_baseline(std::ostream &err) const -> int {
  if (!writer_) return kClean;
  const std::string error = safe_write_file(write_path_, writer_->to_json());
  if (!error.empty()) {
    err << fmt::format("callcheck: cannot write the baseline `{}`: {}\n", printable(display_path(write_path_)), error);
    return kFailure;
  }
  err << fmt::format("callcheck: wrote {} baseline entr{} to `{}`\n", writer_->size(),
                     writer_->size() == 1 ? "y" : "ies", printable(display_path(write_path_)));
  return kClean;
}

}  // namespace callcheck::cli
