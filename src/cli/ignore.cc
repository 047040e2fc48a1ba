#include "cli/ignore.h"

#include <utility>  // std::move

namespace callcheck::cli {

auto parse_ignore(std::string_view text, std::string dir) -> IgnoreFile {
  IgnoreFile file;
  file.dir = std::move(dir);
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.empty() || line.front() == '#' || line.size() > kMaxIgnoreLine) continue;
    // Trailing spaces go unless escaped ("a\ " keeps one).
    while (!line.empty() && line.back() == ' ') {
      std::size_t backslashes = 0;
      for (std::size_t i = line.size() - 1; i > 0 && line[i - 1] == '\\'; --i) ++backslashes;
      if (backslashes % 2 == 1) break;
      line.remove_suffix(1);
    }
    IgnorePattern p{detail::Glob(""), false, false, false};
    if (!line.empty() && line.front() == '!') {
      p.negated = true;
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      p.dir_only = true;
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    const std::size_t slash = line.find('/');
    p.anchored = slash != std::string_view::npos;
    if (slash == 0) line.remove_prefix(1);
    if (line.empty()) continue;
    p.glob = detail::Glob(line, detail::GlobSyntax::Git);
    file.patterns.push_back(std::move(p));
  }
  return file;
}

auto ignored(const IgnoreChain &chain, std::string_view path, bool is_dir) -> bool {
  const std::size_t cut = path.rfind('/');
  const std::string_view name = cut == std::string_view::npos ? path : path.substr(cut + 1);
  for (auto file = chain.rbegin(); file != chain.rend(); ++file) {
    const std::string &dir = (*file)->dir;
    // Chains only hold files at or above the path's folder.
    if (path.size() <= dir.size() || path.compare(0, dir.size(), dir) != 0 || path[dir.size()] != '/') continue;
    const std::string_view below = path.substr(dir.size() + 1);
    const auto &patterns = (*file)->patterns;
    for (auto p = patterns.rbegin(); p != patterns.rend(); ++p) {
      if (p->dir_only && !is_dir) continue;
      if (p->glob.match(p->anchored ? below : name)) return !p->negated;
    }
  }
  return false;
}

}  // namespace callcheck::cli
