#include "cli/input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>   // std::sort, std::find
#include <cctype>      // std::tolower
#include <cerrno>      // errno
#include <cstring>     // std::strerror
#include <filesystem>  // std::filesystem
#include <set>         // std::set
#include <system_error>  // std::error_code
#include <utility>     // std::pair

#include <fmt/format.h>

#include "cli/trust_root.h"

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

auto limit_note(std::string_view flag) -> std::string {
  return flag.empty() ? std::string() : fmt::format(" ({})", flag);
}

auto read_fd(int fd, std::size_t cap, std::size_t expected, std::string_view flag) -> ReadResult {
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
  r = read_fd(fd, cap, size, limit_flag);
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

namespace {

auto lower_extension(const fs::path &p) -> std::string {
  std::string ext = p.extension().string();
  for (char &c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

auto join_extensions(const std::vector<std::string> &extensions) -> std::string {
  std::string out;
  for (std::size_t i = 0; i < extensions.size(); ++i) {
    if (i > 0) out += i + 1 == extensions.size() ? " or " : ", ";
    out += extensions[i];
  }
  return out;
}

// One directory argument, walked without recursion (no stack depth limit
// to hit), every directory once (by device and inode, so neither a symlink
// nor a bind mount can loop).
class Walk {
 public:
  Walk(const ExpandOptions &options, fs::path named) : options_(options), named_(std::move(named)) {}

  auto run(const std::string &arg) -> std::vector<Input> {
    std::vector<std::string> pending{arg};
    remember(arg);
    while (!pending.empty()) {
      const std::string dir = std::move(pending.back());
      pending.pop_back();
      const std::string root = trust_boundary(absolute_lexical(dir), named_).string();
      std::error_code ec;
      fs::directory_iterator it(dir, ec);
      if (ec) {
        add_error(dir, root, fmt::format("cannot list directory: {}", ec.message()));
        continue;
      }
      for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
          add_error(dir, root, fmt::format("cannot list directory: {}", ec.message()));
          break;
        }
        entry(*it, root, pending);
      }
    }
    std::sort(found_.begin(), found_.end(), [](const Input &a, const Input &b) { return a.path < b.path; });
    return std::move(found_);
  }

 private:
  auto matches(const fs::path &p) const -> bool {
    const std::string ext = lower_extension(p);
    return std::find(options_.extensions.begin(), options_.extensions.end(), ext) != options_.extensions.end();
  }

  // False when this directory was seen before.
  auto remember(const std::string &dir) -> bool {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return true;  // listing it reports the error
    return visited_.emplace(st.st_dev, st.st_ino).second;
  }

  void entry(const fs::directory_entry &e, const std::string &root, std::vector<std::string> &pending) {
    const fs::path &path = e.path();
    const std::string name = path.filename().string();
    std::error_code ec;
    const fs::file_status link = e.symlink_status(ec);  // from the listing: no system call per file
    if (ec) return;
    if (fs::is_directory(link)) {
      if (name == ".git" || name == "node_modules") return;
      if (remember(path.string())) pending.push_back(path.generic_string());
      return;
    }
    if (fs::is_regular_file(link)) {
      if (matches(path)) add_file(path.generic_string(), root);
      return;
    }
    if (!fs::is_symlink(link)) return;  // FIFOs, sockets, devices: never opened
    const fs::file_status target = fs::status(path, ec);
    if (ec || !fs::exists(target)) {
      if (matches(path)) add_error(path.generic_string(), root, "broken symbolic link or symlink loop");
      return;
    }
    const bool directory = fs::is_directory(target);
    if (directory && (name == ".git" || name == "node_modules")) return;
    if (!directory && !matches(path)) return;
    if (!options_.follow_symlinks) {
      if (!resolves_inside(path, root)) {
        add_error(path.generic_string(), root, kSymlinkLeaves);
        return;
      }
      if (directory) return;  // its files are checked where they really are
    }
    if (directory) {
      if (remember(path.string())) pending.push_back(path.generic_string());
      return;
    }
    if (fs::is_regular_file(target)) add_file(path.generic_string(), root);
  }

  void add_file(const std::string &path, const std::string &root) {
    found_.push_back(Input{path, display_path(path), false, {}, root, named_.string()});
  }
  void add_error(const std::string &path, const std::string &root, std::string error) {
    found_.push_back(Input{path, display_path(path), false, std::move(error), root, named_.string()});
  }

  const ExpandOptions &options_;
  fs::path named_;
  std::vector<Input> found_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

auto expand_inputs(const std::vector<std::string> &args, const ExpandOptions &options) -> std::vector<Input> {
  std::vector<Input> out;
  const fs::path working = absolute_lexical(".");
  for (const std::string &arg : args) {
    if (arg == "-") {
      out.push_back(Input{"-", "<stdin>", true, {}, trust_boundary(working, working).string(), working.string()});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    const bool directory = !ec && fs::is_directory(st);
    const fs::path named = directory ? absolute_lexical(arg) : absolute_lexical(arg).parent_path();
    const std::string root = trust_boundary(named, named).string();
    Input in{arg, display_path(arg), false, {}, root, named.string()};
    if (ec || !fs::exists(st)) {
      const fs::file_status lst = fs::symlink_status(arg, ec);
      in.error = fs::is_symlink(lst) ? "broken symbolic link or symlink loop" : "no such file or directory";
      out.push_back(std::move(in));
      continue;
    }
    if (!options.follow_symlinks && !resolves_inside(arg, root)) {
      in.error = kSymlinkLeaves;
      out.push_back(std::move(in));
      continue;
    }
    if (!directory) {
      out.push_back(std::move(in));
      continue;
    }
    std::vector<Input> found = Walk(options, named).run(arg);
    if (found.empty()) {
      in.error = fmt::format("a directory with no {} file in it (extensions in any case; name other files "
                             "explicitly)",
                             join_extensions(options.extensions));
      out.push_back(std::move(in));
      continue;
    }
    for (Input &f : found) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace callcheck::cli
