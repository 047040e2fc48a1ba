// Everything callcheck writes (issue 18): files through safe_write_file(),
// standard output checked by finish_output(). A write that fails is exit 2
// with one line on stderr, never a green CI step over a truncated artifact.
#ifndef CALLCHECK_CLI_SAFE_WRITE_H_
#define CALLCHECK_CLI_SAFE_WRITE_H_

#include <string>       // std::string
#include <string_view>  // std::string_view

#include "cli/out.h"

namespace callcheck::cli {

// Replaces `target` with `bytes`, atomically and without following links:
//  - a symlink (or anything but a regular file) at `target` is refused: a
//    planted link must never redirect the write;
//  - the bytes go to a new temporary in the target's folder, created with
//    O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC under a random name (never a fixed
//    `FILE.tmp` that someone could have planted), written whole, fsync()ed,
//    given the mode of the file it replaces (else 0666 & ~umask);
//  - then renamed over `target`, and the folder fsync()ed so the rename
//    survives a crash. On any failure the temporary is removed and `target`
//    is untouched.
// Returns "" on success, else a one-line reason (errno's text).
[[nodiscard]] auto safe_write_file(const std::string &target, std::string_view bytes) -> std::string;

// Called once a command has written everything: flushes `out`, and turns a
// failed write (a full disk, /dev/full, a closed file) into one line on
// `err` and exit code 2; otherwise returns `code`.
[[nodiscard]] auto finish_output(Out &out, Out &err, int code) -> int;

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_SAFE_WRITE_H_
