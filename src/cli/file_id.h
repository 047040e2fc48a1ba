// The identity of a file for "is this input one of callcheck's own files?"
// (ConfigSession::drop_own_and_excluded).
#ifndef CALLCHECK_CLI_FILE_ID_H_
#define CALLCHECK_CLI_FILE_ID_H_

#include <sys/stat.h>

#include <filesystem>  // std::filesystem::path
#include <string>      // std::string

namespace callcheck::cli {

// The same file: by device and inode when both exist (a symlink, a hard
// link, `./x` and `x`), else by absolute path.
struct FileId {
  explicit FileId(const std::filesystem::path &absolute) : path(absolute.string()) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
      exists = true;
      dev = st.st_dev;
      ino = st.st_ino;
    }
  }
  [[nodiscard]] auto same(const FileId &other) const -> bool {
    return exists && other.exists ? dev == other.dev && ino == other.ino : path == other.path;
  }
  std::string path;
  bool exists = false;
  dev_t dev = 0;
  ino_t ino = 0;
};

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_FILE_ID_H_
