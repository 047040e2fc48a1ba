// Where the CLI writes (issue 14): a growable byte buffer that ends in
// write(2) on a descriptor, instead of std::ostream. No stream is built on
// the way (std::cout's static initialiser and its locale were a quarter of
// a one-file run), and a failed write is kept, with its errno, for
// finish_output() (cli/safe_write.h) to turn into exit 2.
#ifndef CALLCHECK_CLI_OUT_H_
#define CALLCHECK_CLI_OUT_H_

#include <cstddef>      // std::size_t
#include <iosfwd>       // std::ostringstream
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace callcheck::cli {

class Out {
 public:
  enum class Mode : unsigned char {
    Buffered,  // written when the buffer is large, and by flush()
    Unit,      // written after every append, as std::cerr (unitbuf) was
    Collect,   // never written: the bytes are taken with str() (a FILE output)
  };
  explicit Out(int fd, Mode mode = Mode::Buffered) : fd_(fd), mode_(mode) {}
  Out(const Out &) = delete;
  auto operator=(const Out &) -> Out & = delete;
  // What is still buffered goes out, as std::cout's buffer did at exit
  // (a failure then is not seen: finish_output() is the check).
  ~Out() { flush(); }

  auto operator<<(std::string_view bytes) -> Out & {
    write(bytes);
    return *this;
  }
  auto operator<<(char c) -> Out & {
    write(std::string_view(&c, 1));
    return *this;
  }
  void write(std::string_view bytes) {
    if (failed_) return;  // as a stream in a failed state: nothing more goes out
    buffer_ += bytes;
    if (mode_ == Mode::Unit || (mode_ == Mode::Buffered && buffer_.size() >= kFlushAt)) flush();
  }
  // What a renderer appends to; written by the next write() or flush().
  [[nodiscard]] auto buffer() -> std::string & { return buffer_; }
  // Writes what is buffered (EINTR and short writes retried); false once a
  // write has failed.
  auto flush() -> bool;
  [[nodiscard]] auto failed() const -> bool { return failed_; }
  [[nodiscard]] auto error() const -> int { return error_; }  // errno of the failed write, else 0
  [[nodiscard]] auto str() const -> const std::string & { return buffer_; }
  [[nodiscard]] auto fd() const -> int { return fd_; }

 private:
  static constexpr std::size_t kFlushAt = std::size_t{64} << 10U;
  std::string buffer_;
  int fd_;
  Mode mode_;
  bool failed_ = false;
  int error_ = 0;
};

// What a std::ostream-based writer (the library's renderers but text) put
// into `from`, moved to `to`; `from` is left empty for the next call.
void drain(std::ostringstream &from, Out &to);

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_OUT_H_
