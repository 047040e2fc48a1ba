// Reading inputs safely (RELIABILITY.md R1): regular files only, opened
// non-blocking, size checked before reading, read with a cap.
#ifndef CALLCHECK_CLI_INPUT_H_
#define CALLCHECK_CLI_INPUT_H_

#include <cstddef>  // std::size_t
#include <cstdio>   // std::FILE
#include <string>   // std::string
#include <vector>   // std::vector

namespace callcheck::cli {

struct ReadResult {
  bool ok = false;
  std::string bytes;
  std::string error;  // one line, e.g. "not a regular file (FIFO)"; never the content
};

// Reads at most `cap` bytes; a larger file is an error naming the limit.
[[nodiscard]] auto read_file(const std::string &path, std::size_t cap) -> ReadResult;
[[nodiscard]] auto read_stdin(std::size_t cap) -> ReadResult;

struct Input {
  std::string path;     // as opened
  std::string display;  // relative, '/' separators
  bool is_stdin = false;
  std::string error;    // expansion error (missing path, ...); empty when fine
};

// Expands files and directories (recursively: *.json and the other extensions
// in `extensions`), in a deterministic order: arguments in the given order,
// directory contents sorted. "-" is stdin.
[[nodiscard]] auto expand_inputs(const std::vector<std::string> &args, const std::vector<std::string> &extensions)
    -> std::vector<Input>;

// The path shown to users: relative to the working directory when inside it.
[[nodiscard]] auto display_path(const std::string &path) -> std::string;

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_INPUT_H_
