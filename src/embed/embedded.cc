#include "embed/embedded.h"

#include <algorithm>  // std::lower_bound

namespace callcheck::detail {

auto embedded_file(std::string_view path) -> std::string_view {
  const auto files = embedded_files();
  const auto *it = std::lower_bound(files.begin(), files.end(), path,
                                    [](const EmbeddedFile &f, std::string_view p) { return f.path < p; });
  if (it != files.end() && it->path == path) return it->text;
  return {};
}

}  // namespace callcheck::detail
