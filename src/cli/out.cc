#include "cli/out.h"

#include <unistd.h>

#include <cerrno>   // errno, EINTR
#include <sstream>  // std::ostringstream

namespace callcheck::cli {

auto Out::flush() -> bool {
  if (failed_ || mode_ == Mode::Collect) return !failed_;
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      failed_ = true;
      error_ = n < 0 ? errno : 0;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
  return !failed_;
}

void drain(std::ostringstream &from, Out &to) {
  // view() is C++20; str() copies, which only the formats other than text pay.
  to << from.str();
  from.str(std::string());
}

}  // namespace callcheck::cli
