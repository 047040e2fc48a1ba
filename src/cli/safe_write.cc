#include "cli/safe_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>   // errno
#include <csignal>  // std::signal, SIGXFSZ
#include <cstring>  // std::strerror
#include <random>   // std::random_device

#include <fmt/format.h>

#include "cli/exit_code.h"

namespace callcheck::cli {
namespace {

auto errno_text() -> std::string { return std::strerror(errno); }

// Closes a descriptor on every path out of safe_write_file().
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd &) = delete;
  auto operator=(const Fd &) -> Fd & = delete;
  [[nodiscard]] auto get() const -> int { return fd_; }
  auto release() -> int {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

auto current_umask() -> mode_t {
  // There is no getter; the CLI is single-threaded when it writes files.
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}

auto random_suffix() -> std::string {
  std::random_device device;
  const auto high = static_cast<unsigned long long>(device());
  const auto low = static_cast<unsigned long long>(device());
  return fmt::format("{:016x}", (high << 32U) ^ low);
}

}  // namespace

auto safe_write_file(const std::string &target, std::string_view bytes) -> std::string {
  // Past RLIMIT_FSIZE the kernel sends SIGXFSZ, whose default kills the
  // process mid-write; ignored, write() fails with EFBIG and is reported.
  std::signal(SIGXFSZ, SIG_IGN);
  const std::size_t slash = target.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : target.substr(0, slash);
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  if (base.empty() || base == "." || base == "..") return "not a file name";

  const Fd folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.get() < 0) return fmt::format("cannot open its folder: {}", errno_text());

  mode_t mode = 0666 & ~current_umask();
  struct stat st {};
  if (::fstatat(folder.get(), base.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
    if (S_ISLNK(st.st_mode)) return "it is a symbolic link; callcheck never writes through one";
    if (!S_ISREG(st.st_mode)) return "not a regular file";
    mode = st.st_mode & 07777;
  } else if (errno != ENOENT) {
    return errno_text();
  }

  std::string temporary;
  int raw = -1;
  for (int attempt = 0; attempt < 100 && raw < 0; ++attempt) {
    temporary = fmt::format(".{}.{}.tmp", base, random_suffix());
    raw = ::openat(folder.get(), temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (raw < 0 && errno != EEXIST) return fmt::format("cannot create a temporary file beside it: {}", errno_text());
  }
  if (raw < 0) return "cannot create a temporary file beside it: every name was taken";
  Fd file(raw);
  auto abandon = [&](const std::string &why) {
    const std::string message = fmt::format("{}: {}", why, errno_text());
    ::close(file.release());
    ::unlinkat(folder.get(), temporary.c_str(), 0);
    return message;
  };

  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(file.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return abandon("write failed");
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(file.get(), mode) != 0) return abandon("cannot set its mode");
  if (::fsync(file.get()) != 0) return abandon("fsync failed");
  if (::close(file.release()) != 0) {
    const std::string message = fmt::format("close failed: {}", errno_text());
    ::unlinkat(folder.get(), temporary.c_str(), 0);
    return message;
  }
  // Once more just before the rename: a link planted while we wrote.
  if (::fstatat(folder.get(), base.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
    ::unlinkat(folder.get(), temporary.c_str(), 0);
    return "it became a symbolic link or another non-regular file while being written";
  }
  if (::renameat(folder.get(), temporary.c_str(), folder.get(), base.c_str()) != 0) {
    const std::string message = fmt::format("rename failed: {}", errno_text());
    ::unlinkat(folder.get(), temporary.c_str(), 0);
    return message;
  }
  // Some file systems cannot sync a directory (EINVAL); the data is safe then.
  if (::fsync(folder.get()) != 0 && errno != EINVAL && errno != ENOTSUP) {
    return fmt::format("fsync of its folder failed: {}", errno_text());
  }
  return "";
}

auto finish_output(Out &out, Out &err, int code) -> int {
  if (out.flush()) return code;
  int error = out.error();
  if (error == 0) {
    // write() wrote nothing and set no errno; one more byte on the already
    // broken output asks the kernel why (ENOSPC, EIO, EBADF, ...).
    errno = 0;
    if (::write(out.fd(), "\n", 1) < 0) error = errno;
  }
  err << fmt::format("callcheck: cannot write the output{}\n",
                     error != 0 ? fmt::format(": {}", std::strerror(error)) : std::string());
  return kFailure;
}

}  // namespace callcheck::cli
