// ConfigSession::write_baseline and ConfigSession::intern (config_session.h),
// apart from the session's loading so config_session.cc stays under the size
// script.source_layout allows.
#include <fmt/format.h>

#include "cli/config_session.h"
#include "cli/exit_code.h"
#include "cli/safe_write.h"
#include "cli/trust_root.h"
#include "config/baseline.h"

namespace callcheck::cli {

auto ConfigSession::write_baseline(Out &err) const -> int {
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

auto ConfigSession::intern(const Options &options) -> std::shared_ptr<const Options> {
  // Options::operator== compares every member: a field added to Options
  // cannot be left out of this identity (the hand-written key once was).
  for (const auto &known : option_sets_) {
    if (*known == options) return known;
  }
  option_sets_.push_back(std::make_shared<const Options>(options));
  return option_sets_.back();
}

}  // namespace callcheck::cli
