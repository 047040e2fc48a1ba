// The schemas and data tables of schemas/, compiled into the binary.
#ifndef CALLCHECK_EMBED_EMBEDDED_H_
#define CALLCHECK_EMBED_EMBEDDED_H_

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

namespace callcheck::detail {

struct EmbeddedFile {
  std::string_view path;  // relative to schemas/, '/' separators
  std::string_view text;
};

struct EmbeddedFiles {
  const EmbeddedFile *first = nullptr;
  std::size_t count = 0;
  [[nodiscard]] auto begin() const -> const EmbeddedFile * { return first; }
  [[nodiscard]] auto end() const -> const EmbeddedFile * { return first + count; }
};

// Sorted by path.
[[nodiscard]] auto embedded_files() -> EmbeddedFiles;
// 16 hex digits of the SHA-256 of every graph/ file's path and bytes, in
// path order (embed.cmake): two builds with the same digest validate alike.
[[nodiscard]] auto embedded_graph_digest() -> std::string_view;
// The text of schemas/<path>, or "" when there is no such file.
[[nodiscard]] auto embedded_file(std::string_view path) -> std::string_view;

}  // namespace callcheck::detail

#endif  // CALLCHECK_EMBED_EMBEDDED_H_
