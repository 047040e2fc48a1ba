#include "cli/input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>   // std::sort
#include <cerrno>      // errno
#include <cstring>     // std::strerror
#include <filesystem>  // std::filesystem
#include <system_error>

#include <fmt/format.h>

namespace callcheck::cli {
namespace fs = std::filesystem;
namespace {

auto kind_of(mode_t mode) -> const char * {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

auto read_fd(int fd, std::size_t cap, std::size_t expected) -> ReadResult {
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
  }
  if (used > cap) {
    r.error = fmt::format("larger than the limit of {} bytes (--max-bytes)", cap);
    return r;
  }
  r.bytes.resize(used);
  r.ok = true;
  return r;
}

}  // namespace

auto read_file(const std::string &path, std::size_t cap) -> ReadResult {
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
    r.error = fmt::format("file is {} bytes, larger than the limit of {} bytes (--max-bytes)", size, cap);
    ::close(fd);
    return r;
  }
  r = read_fd(fd, cap, size);
  ::close(fd);
  if (r.ok && r.bytes.size() != size && size != 0) {
    // It changed while we read it: what we have may be half of two versions.
    r.ok = false;
    r.error = fmt::format("file changed size while being read ({} bytes, then {})", size, r.bytes.size());
  }
  return r;
}

auto read_stdin(std::size_t cap) -> ReadResult { return read_fd(STDIN_FILENO, cap, 4096); }

auto display_path(const std::string &path) -> std::string {
  if (path == "-") return "<stdin>";
  fs::path p(path);
  std::error_code ec;
  if (p.is_absolute()) {
    const fs::path cwd = fs::current_path(ec);
    if (!ec) {
      const fs::path rel = p.lexically_relative(cwd);
      if (!rel.empty() && rel.native().rfind("..", 0) != 0) p = rel;
    }
  }
  std::string out = p.lexically_normal().generic_string();
  if (out.size() > 2 && out.compare(0, 2, "./") == 0) out.erase(0, 2);
  return out.empty() ? path : out;
}

auto expand_inputs(const std::vector<std::string> &args, const std::vector<std::string> &extensions)
    -> std::vector<Input> {
  std::vector<Input> out;
  for (const std::string &arg : args) {
    if (arg == "-") {
      out.push_back(Input{"-", "<stdin>", true, {}});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      const fs::file_status lst = fs::symlink_status(arg, ec);
      out.push_back(Input{arg, display_path(arg), false,
                          fs::is_symlink(lst) ? "broken symbolic link or symlink loop" : "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back(Input{arg, display_path(arg), false, {}});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.push_back(Input{arg, display_path(arg), false, fmt::format("cannot list directory: {}", ec.message())});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path &p = it->path();
      const std::string name = p.filename().string();
      if (it->is_directory(ec) && (name == ".git" || name == "node_modules")) {
        it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      const std::string ext = p.extension().string();
      if (std::find(extensions.begin(), extensions.end(), ext) == extensions.end()) continue;
      found.push_back(p.generic_string());
    }
    std::sort(found.begin(), found.end());
    for (const std::string &f : found) out.push_back(Input{f, display_path(f), false, {}});
  }
  return out;
}

}  // namespace callcheck::cli
