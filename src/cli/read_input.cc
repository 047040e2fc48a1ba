// read_file() and read_stdin() (cli/input.h): regular files only, opened
// non-blocking, size checked before reading, read with a cap (RELIABILITY.md R1).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>  // std::min, std::max
#include <cerrno>     // errno
#include <cstring>    // std::strerror

#include <fmt/format.h>

#include "cli/input.h"

namespace callcheck::cli {
namespace {

auto kind_of(mode_t mode) -> const char * {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

auto limit_note(std::string_view flag) -> std::string {
  return flag.empty() ? std::string() : fmt::format(" ({})", flag);
}

// `regular`: a short read that brought exactly the size fstat() gave is the
// end of the file (one read() per file, not a second one to see 0). A file
// that grew fills the buffer and is read on; one whose size says nothing
// (0 in /proc) is read to the end as before.
auto read_fd(int fd, std::size_t cap, std::size_t expected, std::string_view flag, bool regular = false) -> ReadResult {
  ReadResult r;
  r.bytes.resize(std::min(expected, cap) + 1);
  std::size_t used = 0;
  while (true) {
    if (used == r.bytes.size()) {
      if (used > cap) break;
      r.bytes.resize(std::min(cap + 1, std::max<std::size_t>(used * 2, 4096)));
    }
    const ssize_t n = ::read(fd, r.bytes.data() + used, r.bytes.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        r.error = "not ready for reading (non-blocking input)";
        return r;
      }
      r.error = fmt::format("read failed: {}", std::strerror(errno));
      return r;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
    if (regular && expected > 0 && used == expected && used < r.bytes.size()) break;
  }
  if (used > cap) {
    r.error = fmt::format("larger than the limit of {} bytes{}", cap, limit_note(flag));
    return r;
  }
  r.bytes.resize(used);
  r.ok = true;
  return r;
}

}  // namespace

auto read_file(const std::string &path, std::size_t cap, std::string_view limit_flag) -> ReadResult {
  ReadResult r;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    r.error = errno == ELOOP ? "too many levels of symbolic links (symlink loop?)" : std::strerror(errno);
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    r.error = std::strerror(errno);
    ::close(fd);
    return r;
  }
  if (!S_ISREG(st.st_mode)) {
    r.error = fmt::format("{}: only regular files are checked", kind_of(st.st_mode));
    ::close(fd);
    return r;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > cap) {
    r.error = fmt::format("file is {} bytes, larger than the limit of {} bytes{}", size, cap, limit_note(limit_flag));
    ::close(fd);
    return r;
  }
  r = read_fd(fd, cap, size, limit_flag, true);
  ::close(fd);
  if (r.ok && r.bytes.size() != size && size != 0) {
    // It changed while we read it: what we have may be half of two versions.
    r.ok = false;
    r.error = fmt::format("file changed size while being read ({} bytes, then {})", size, r.bytes.size());
  }
  return r;
}

auto read_stdin(std::size_t cap, std::string_view limit_flag) -> ReadResult {
  return read_fd(STDIN_FILENO, cap, 4096, limit_flag);
}

}  // namespace callcheck::cli
