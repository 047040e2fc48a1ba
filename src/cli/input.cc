#include "cli/input.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>     // std::sort, std::find
#include <cctype>        // std::tolower
#include <cerrno>        // errno
#include <cstdint>       // std::uint32_t
#include <cstring>       // std::strerror
#include <filesystem>    // std::filesystem
#include <iterator>      // std::make_move_iterator
#include <memory>        // std::shared_ptr
#include <set>           // std::set
#include <system_error>  // std::error_code
#include <utility>       // std::pair

#include <fmt/format.h>

#include "cli/ignore.h"
#include "cli/trust_root.h"
#include "config/glob.h"

namespace callcheck::cli {
namespace fs = std::filesystem;
auto display_path(const std::string &path) -> std::string {
  if (path == "-") return "<stdin>";
  if (plain_absolute(path)) {
    // Normal already; the working directory once (callcheck keeps it).
    static const std::string working = [] {
      std::error_code ec;
      const fs::path cwd = fs::current_path(ec);
      return ec ? std::string() : cwd.native();
    }();
    const std::string prefix = working == "/" ? working : working + "/";
    const bool inside = !working.empty() && path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0;
    if (inside || path != working) return inside ? path.substr(prefix.size()) : path;
  }
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

// An ignore file of the repository, read like the repository's other
// files (cli/ignore.h); nullptr when there is none or it is not used.
auto load_ignore(const fs::path &file, const fs::path &dir, const std::string &root, const ExpandOptions &options)
    -> std::shared_ptr<const IgnoreFile> {
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(file, ec);
  if (ec || !fs::exists(link)) return nullptr;
  auto note = [&](const std::string &why) {
    if (options.notes != nullptr) {
      options.notes->push_back(fmt::format("callcheck: {}: not used: {}", printable(display_path(file.string())), why));
    }
    return nullptr;
  };
  if (!resolves_inside(file, root)) return note("it is a symlink that leaves the repository");
  ReadResult r = read_file(file.string(), kMaxIgnoreBytes, "");
  if (!r.ok) return note(r.error);
  return std::make_shared<const IgnoreFile>(parse_ignore(r.bytes, dir.generic_string()));
}

// The ignore files that apply to folder `dir` (absolute) before its own
// .gitignore: the repository's info/exclude, then each .gitignore from the
// boundary down to `dir`'s parent.
auto chain_above(const fs::path &dir, const std::string &root, const ExpandOptions &options) -> IgnoreChain {
  IgnoreChain chain;
  const fs::path top(root);
  std::error_code ec;
  if (fs::is_directory(fs::symlink_status(top / ".git", ec))) {
    if (auto f = load_ignore(top / ".git" / "info" / "exclude", top, root, options)) chain.push_back(std::move(f));
  }
  std::vector<fs::path> folders;
  for (fs::path d = dir; d != top && lexically_inside(d, top);) {
    const fs::path parent = d.parent_path();
    if (parent == d) break;
    folders.push_back(parent);
    d = parent;
  }
  for (auto f = folders.rbegin(); f != folders.rend(); ++f) {
    if (auto file = load_ignore(*f / ".gitignore", *f, root, options)) chain.push_back(std::move(file));
  }
  return chain;
}

// Relative to the working directory, '/' separators: what --exclude matches.
auto relative_to_working(const fs::path &absolute) -> std::string {
  static const fs::path working = absolute_lexical(".");
  const fs::path rel = absolute.lexically_relative(working);
  return rel.empty() ? absolute.generic_string() : rel.generic_string();
}

// An open directory listing (opendir/readdir): names and the types the
// listing gives, without a std::filesystem::path built per entry.
class Listing {
 public:
  explicit Listing(const std::string &dir) : dir_(::opendir(dir.c_str())), error_(dir_ == nullptr ? errno : 0) {}
  ~Listing() {
    if (dir_ != nullptr) ::closedir(dir_);
  }
  Listing(const Listing &) = delete;
  auto operator=(const Listing &) -> Listing & = delete;

  // 0 while listed; the errno of a failed opendir() or readdir().
  [[nodiscard]] auto error() const -> int { return error_; }
  // The next entry other than "." and ".."; nullptr at the end or on error.
  auto next() -> const struct dirent * {
    if (dir_ == nullptr) return nullptr;
    while (true) {
      errno = 0;
      const struct dirent *e = ::readdir(dir_);
      if (e == nullptr) {
        error_ = errno;
        return nullptr;
      }
      const char *n = e->d_name;
      if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0'))) continue;
      return e;
    }
  }
  // The entry's own type (a symlink is a symlink), as
  // directory_entry::symlink_status() gives it: from the listing, else lstat.
  [[nodiscard]] auto type(const struct dirent &e) const -> fs::file_type {
    switch (e.d_type) {
      case DT_DIR: return fs::file_type::directory;
      case DT_REG: return fs::file_type::regular;
      case DT_LNK: return fs::file_type::symlink;
      case DT_FIFO: return fs::file_type::fifo;
      case DT_SOCK: return fs::file_type::socket;
      case DT_CHR: return fs::file_type::character;
      case DT_BLK: return fs::file_type::block;
      default: break;
    }
    struct stat st {};
    if (::fstatat(::dirfd(dir_), e.d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) return fs::file_type::none;
    if (S_ISDIR(st.st_mode)) return fs::file_type::directory;
    if (S_ISREG(st.st_mode)) return fs::file_type::regular;
    if (S_ISLNK(st.st_mode)) return fs::file_type::symlink;
    return fs::file_type::unknown;  // FIFOs, sockets, devices: never opened
  }

 private:
  DIR *dir_;
  int error_;
};

// What fs::path's operator/ makes of a directory and an entry's name, as a
// string: no second separator after one already there.
auto join(const std::string &dir, std::string_view name) -> std::string {
  std::string out;
  const bool slash = !dir.empty() && dir.back() != '/';
  out.reserve(dir.size() + (slash ? 1 : 0) + name.size());
  out.append(dir);
  if (slash) out.push_back('/');
  out.append(name);
  return out;
}

// One directory argument, walked without recursion (no stack depth limit
// to hit), every directory once (by device and inode, so neither a symlink
// nor a bind mount can loop).
class Walk {
 public:
  Walk(const ExpandOptions &options, fs::path named) : options_(options), named_(std::move(named)) {}

  auto run(const std::string &arg) -> std::vector<Input> {
    std::vector<Pending> pending{Pending{arg, named_, {}, nullptr}};
    remember(arg);
    while (!pending.empty()) {
      Pending dir = std::move(pending.back());
      pending.pop_back();
      const std::string root = trust_boundary(dir.absolute, named_).string();
      if (!place_ || place_->root != root) {
        place_ = std::make_shared<const InputPlace>(InputPlace{root, named_.string()});
      }
      std::shared_ptr<const IgnoreChain> chain;
      if (options_.use_ignore) {
        // A nested repository starts afresh, as git does not carry rules into it.
        IgnoreChain own = dir.chain && dir.root == root ? *dir.chain : chain_above(dir.absolute, root, options_);
        if (auto f = load_ignore(dir.absolute / ".gitignore", dir.absolute, root, options_))
          own.push_back(std::move(f));
        chain = dir.chain && dir.root == root && own.size() == dir.chain->size()
                    ? dir.chain
                    : std::make_shared<const IgnoreChain>(std::move(own));
      }
      dir_display_ = display_path(dir.path);
      Listing listing(dir.path);
      while (const struct dirent *e = listing.next()) {
        entry(e->d_name, listing.type(*e), dir, root, chain, pending);
      }
      if (listing.error() != 0) {
        add_error(dir.path, fmt::format("cannot list directory: {}",
                                        std::error_code(listing.error(), std::generic_category()).message()));
      }
    }
    // Sorted by path through an index, then put in that order in place:
    // no second list and no Input moved more than once or twice.
    std::vector<std::uint32_t> order(found_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return found_[a].path < found_[b].path; });
    for (std::size_t i = 0; i < order.size(); ++i) {
      // Cycle by cycle: slot i receives found_[order[i]], and so on round the cycle.
      if (order[i] == i) continue;
      Input held = std::move(found_[i]);
      std::size_t at = i;
      while (order[at] != i) {
        const std::size_t from = order[at];
        found_[at] = std::move(found_[from]);
        order[at] = static_cast<std::uint32_t>(at);
        at = from;
      }
      found_[at] = std::move(held);
      order[at] = static_cast<std::uint32_t>(at);
    }
    return std::move(found_);
  }

  [[nodiscard]] auto skipped() const -> std::size_t { return skipped_; }

 private:
  struct Pending {
    std::string path;                          // as it will be shown (from the argument)
    fs::path absolute;                         // absolute_lexical
    std::string root;                          // the boundary `chain` was built under
    std::shared_ptr<const IgnoreChain> chain;  // what applies to its entries
  };

  auto matches(const fs::path &p) const -> bool {
    const std::string ext = lower_extension(p);
    return std::find(options_.extensions.begin(), options_.extensions.end(), ext) != options_.extensions.end();
  }
  // matches() for a name from a listing, without building a path: the
  // extension as fs::path::extension() finds it (none for ".json" itself).
  auto name_matches(std::string_view name) const -> bool {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || name == "..") return false;
    for (const std::string &ext : options_.extensions) {
      if (ext.size() != name.size() - dot) continue;
      bool same = true;
      for (std::size_t k = 0; same && k < ext.size(); ++k) {
        const auto c = static_cast<unsigned char>(name[dot + k]);
        same = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) ==
               static_cast<unsigned char>(ext[k]);
      }
      if (same) return true;
    }
    return false;
  }

  // False when this directory was seen before.
  auto remember(const std::string &dir) -> bool {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return true;  // listing it reports the error
    return visited_.emplace(st.st_dev, st.st_ino).second;
  }

  // Hidden names, what the ignore files ignore, what --exclude matches.
  // `absolute` is built only when a rule needs it (most walks have none).
  auto skip(std::string_view name, const fs::path &dir_absolute, bool is_dir,
            const std::shared_ptr<const IgnoreChain> &chain) -> bool {
    bool skip = false;
    if (options_.use_ignore) {
      skip = name.front() == '.' ||
             (chain && !chain->empty() && ignored(*chain, (dir_absolute / name).generic_string(), is_dir));
    }
    if (!skip && !options_.exclude.empty()) {
      skip = detail::excluded_by(options_.exclude, relative_to_working(dir_absolute / name));
    }
    if (skip && (is_dir || name_matches(name))) ++skipped_;
    return skip;
  }

  void entry(std::string_view name, fs::file_type type, const Pending &dir, const std::string &root,
             const std::shared_ptr<const IgnoreChain> &chain, std::vector<Pending> &pending) {
    const fs::path &dir_absolute = dir.absolute;
    if (type == fs::file_type::none) return;  // gone, or not to be looked at
    if (type == fs::file_type::directory) {
      if (name == ".git" || name == "node_modules") return;
      if (skip(name, dir_absolute, true, chain)) return;
      std::string path = join(dir.path, name);
      if (remember(path)) pending.push_back(Pending{std::move(path), dir_absolute / name, root, chain});
      return;
    }
    if (type == fs::file_type::regular) {
      if (name_matches(name) && !skip(name, dir_absolute, false, chain)) add_file(join(dir.path, name), name);
      return;
    }
    if (type != fs::file_type::symlink) return;  // FIFOs, sockets, devices: never opened
    const fs::path path(join(dir.path, name));
    std::error_code ec;
    const fs::file_status target = fs::status(path, ec);
    if (ec || !fs::exists(target)) {
      // git sees a symlink as a file, whatever it points to.
      if (matches(path) && !skip(name, dir_absolute, false, chain)) {
        add_error(path.generic_string(), "broken symbolic link or symlink loop");
      }
      return;
    }
    const bool directory = fs::is_directory(target);
    if (directory && (name == ".git" || name == "node_modules")) return;
    if (!directory && !matches(path)) return;
    if (skip(name, dir_absolute, false, chain)) return;
    if (!options_.follow_symlinks) {
      if (!resolves_inside(path, root)) {
        add_error(path.generic_string(), kSymlinkLeaves);
        return;
      }
      if (directory) return;  // its files are checked where they really are
    }
    if (directory) {
      if (remember(path.string())) pending.push_back(Pending{path.generic_string(), dir_absolute / name, root, chain});
      return;
    }
    if (fs::is_regular_file(target)) add_file(path.generic_string(), {});
  }

  void add_file(std::string path, std::string_view name) {
    std::string display = child_display(path, name);
    found_.push_back(Input{std::move(path), std::move(display), false, false, {}, place_});
  }
  // display_path(path) for an entry `name` of the directory being listed:
  // its display joined with the name, which is already normal (no '/', not
  // "." or ".."), unless that display is "." or ends in '/'.
  auto child_display(const std::string &path, std::string_view name) const -> std::string {
    if (name.empty() || dir_display_.empty() || dir_display_ == "." || dir_display_.back() == '/') {
      return display_path(path);
    }
    std::string out;
    out.reserve(dir_display_.size() + 1 + name.size());
    out.append(dir_display_).append(1, '/').append(name);
    return out;
  }
  void add_error(const std::string &path, std::string error) {
    found_.push_back(Input{path, display_path(path), false, false, std::move(error), place_});
  }

  const ExpandOptions &options_;
  fs::path named_;
  std::shared_ptr<const InputPlace> place_;  // the boundary of the directory being listed
  std::vector<Input> found_;
  std::set<std::pair<dev_t, ino_t>> visited_;
  std::string dir_display_;  // display_path() of the directory being listed
  std::size_t skipped_ = 0;
};

}  // namespace

auto expand_inputs(const std::vector<std::string> &args, const ExpandOptions &options) -> std::vector<Input> {
  std::vector<Input> out;
  const fs::path working = absolute_lexical(".");
  for (const std::string &arg : args) {
    if (arg == "-") {
      out.push_back(Input{
          "-",
          "<stdin>",
          true,
          false,
          {},
          std::make_shared<const InputPlace>(InputPlace{trust_boundary(working, working).string(), working.string()})});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    const bool directory = !ec && fs::is_directory(st);
    const fs::path named = directory ? absolute_lexical(arg) : absolute_lexical(arg).parent_path();
    const std::string root = trust_boundary(named, named).string();
    Input in{arg,   display_path(arg),
             false, !directory,
             {},    std::make_shared<const InputPlace>(InputPlace{root, named.string()})};
    if (!options.exclude.empty() && detail::excluded_by(options.exclude, relative_to_working(absolute_lexical(arg)))) {
      // Named, yet excluded: pre-commit names every file it passes (issue 17).
      if (options.notes != nullptr) {
        options.notes->push_back(
            fmt::format("callcheck: {}: not checked: it matches --exclude", printable(in.display)));
      }
      if (options.excluded_named != nullptr) ++*options.excluded_named;
      continue;
    }
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
    Walk walk(options, named);
    std::vector<Input> found = walk.run(arg);
    if (found.empty()) {
      const std::string skipped = walk.skipped() == 0
                                      ? std::string()
                                      : fmt::format(
                                            "; {} skipped as hidden, ignored by .gitignore or excluded (--no-ignore "
                                            "walks hidden and ignored ones)",
                                            walk.skipped());
      in.error = fmt::format(
          "a directory with no {} file in it (extensions in any case; name other files "
          "explicitly{})",
          join_extensions(options.extensions), skipped);
      out.push_back(std::move(in));
      continue;
    }
    if (out.empty()) {
      out = std::move(found);  // not a second list as long as the first while moving
    } else {
      out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
  }
  return out;
}

}  // namespace callcheck::cli
