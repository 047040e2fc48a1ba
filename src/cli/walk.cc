// The walk of one directory argument (cli/walk.h).
#include "cli/walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>     // std::sort, std::find
#include <cctype>        // std::tolower
#include <cerrno>        // errno
#include <cstdint>       // std::uint8_t, std::uint32_t
#include <deque>         // std::deque
#include <memory>        // std::shared_ptr, std::unique_ptr
#include <set>           // std::set
#include <system_error>  // std::error_code
#include <utility>       // std::pair

#include <fmt/format.h>

#include "cli/ignore.h"
#include "cli/trust_root.h"
#include "config/glob.h"

namespace callcheck::cli {
namespace fs = std::filesystem;

// Relative to the working directory, '/' separators: what --exclude matches.
auto relative_to_working(const fs::path &absolute) -> std::string {
  static const fs::path working = absolute_lexical(".");
  const fs::path rel = absolute.lexically_relative(working);
  return rel.empty() ? absolute.generic_string() : rel.generic_string();
}

namespace {

auto lower_extension(const fs::path &p) -> std::string {
  std::string ext = p.extension().string();
  for (char &c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
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

}  // namespace

// One directory argument, walked depth first in byte order of the paths
// (the order the inputs are reported in), without recursion (no stack depth
// limit to hit), every directory once (by device and inode, so neither a
// symlink nor a bind mount can loop): inputs are handed on as they are met,
// never all held. A folder's entries are sorted by their key, the name, and
// for a folder the name and '/' (what its files' paths go on with), so the
// walk meets paths in the order a sort of them all would give. A folder is
// listed ("probed") at its name's place, so that "cannot list directory"
// lands where its path sorts, and is remembered then: a folder reached by
// two paths (--follow-symlinks) is walked under the one that sorts first.
class DirectoryWalk::Impl {
 public:
  Impl(const std::string &arg, fs::path named, const ExpandOptions &options)
      : options_(options), named_(std::move(named)) {
    remember(arg);
    stack_.push_back(list(Pending{arg, named_, {}, nullptr}));
  }

  auto next(Input &in) -> bool {
    while (ready_.empty()) {
      if (stack_.empty()) return false;
      step();
    }
    in = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }

  [[nodiscard]] auto count() const -> WalkCount { return WalkCount{emitted_, skipped_}; }

 private:
  struct Frame;
  // One entry of the folder on top of the stack: an input met (at most two,
  // with a folder that cannot be listed), a folder listed or entered.
  void step() {
    {
      Frame &top = stack_.back();
      if (top.next == top.items.size()) {
        stack_.pop_back();
        return;
      }
      Item &item = top.items[top.next++];
      const std::string_view name(top.names.data() + item.at, item.kind == Kind::Descend ? item.size - 1 : item.size);
      switch (item.kind) {
        case Kind::File: {
          std::string path = join(top.dir.path, name);
          std::string display = top.child_display(path, name);
          emit(top, std::move(path), std::move(display));
          break;
        }
        case Kind::LinkedFile: {
          std::string path = join(top.dir.path, name);
          std::string display = display_path(path);
          emit(top, std::move(path), std::move(display));
          break;
        }
        case Kind::Error: {
          std::string path = join(top.dir.path, name);
          std::string display = display_path(path);
          emit(top, std::move(path), std::move(display), std::move(top.errors[item.index]));
          break;
        }
        case Kind::Probe: {
          Pending &sub = top.subs[item.index].dir;
          if (remember(sub.path)) top.subs[item.index].frame = std::make_unique<Frame>(list(std::move(sub)));
          break;
        }
        case Kind::Descend: {
          std::unique_ptr<Frame> frame = std::move(top.subs[item.index].frame);
          if (frame) stack_.push_back(std::move(*frame));  // `top` is not used after this
          break;
        }
      }
    }
  }

  struct Pending {
    std::string path;                          // as it will be shown (from the argument)
    fs::path absolute;                         // absolute_lexical
    std::string root;                          // the boundary `chain` was built under
    std::shared_ptr<const IgnoreChain> chain;  // what applies to its entries
  };
  enum class Kind : std::uint8_t { File, LinkedFile, Error, Probe, Descend };
  // 16 bytes, its name in Frame::names: a folder of many files is held
  // whole while it is sorted.
  struct Item {
    std::uint32_t at;     // the key in Frame::names: the name; for Descend the name and '/'
    std::uint32_t size;   // of the key
    std::uint32_t index;  // into errors (Error) or subs (Probe, Descend)
    Kind kind;
    // The key's first eight bytes, big-endian, zero-padded: most comparisons
    // of the sort end there (a name has no NUL, so the padding sorts a
    // prefix first, as the full comparison does). Comparing the names
    // themselves was 1.3 k instructions per entry of a 6,000-file folder,
    // all of it before the first file is checked.
    std::uint64_t head;
  };
  struct Sub {
    Pending dir;
    std::unique_ptr<Frame> frame;  // listed at its Probe, walked at its Descend (null: seen before)
  };
  // A listed folder: its entries to walk, sorted by key.
  struct Frame {
    Pending dir;
    std::string root;
    std::shared_ptr<const InputPlace> place;
    std::shared_ptr<const IgnoreChain> chain;
    std::string display;  // display_path() of the folder
    std::vector<Item> items;
    std::string names;  // the items' keys, one after the other
    std::vector<std::string> errors;
    std::vector<Sub> subs;
    std::size_t next = 0;

    // display_path(path) for an entry `name` of this folder: its display
    // joined with the name, which is already normal (no '/', not "." or
    // ".."), unless that display is "." or ends in '/'.
    [[nodiscard]] auto child_display(const std::string &path, std::string_view name) const -> std::string {
      if (display.empty() || display == "." || display.back() == '/') return display_path(path);
      std::string out;
      out.reserve(display.size() + 1 + name.size());
      out.append(display).append(1, '/').append(name);
      return out;
    }
  };

  auto list(Pending dir) -> Frame {
    Frame f;
    f.root = trust_boundary(dir.absolute, named_).string();
    if (!place_ || place_->root != f.root) {
      place_ = std::make_shared<const InputPlace>(InputPlace{f.root, named_.string()});
    }
    f.place = place_;
    if (options_.use_ignore) {
      // A nested repository starts afresh, as git does not carry rules into it.
      IgnoreChain own = dir.chain && dir.root == f.root ? *dir.chain : chain_above(dir.absolute, f.root, options_);
      if (auto file = load_ignore(dir.absolute / ".gitignore", dir.absolute, f.root, options_))
        own.push_back(std::move(file));
      f.chain = dir.chain && dir.root == f.root && own.size() == dir.chain->size()
                    ? dir.chain
                    : std::make_shared<const IgnoreChain>(std::move(own));
    }
    f.display = display_path(dir.path);
    f.dir = std::move(dir);
    Listing listing(f.dir.path);
    while (const struct dirent *e = listing.next()) entry(e->d_name, listing.type(*e), f);
    if (listing.error() != 0) {
      // Its path is a prefix of its entries' paths: it comes before them.
      emit(f, f.dir.path, display_path(f.dir.path),
           fmt::format("cannot list directory: {}",
                       std::error_code(listing.error(), std::generic_category()).message()));
    }
    const std::string &names = f.names;
    std::sort(f.items.begin(), f.items.end(), [&names](const Item &a, const Item &b) {
      if (a.head != b.head) return a.head < b.head;
      return std::string_view(names.data() + a.at, a.size) < std::string_view(names.data() + b.at, b.size);
    });
    return f;
  }

  void emit(const Frame &f, std::string path, std::string display, std::string error = {}) {
    ++emitted_;
    ready_.push_back(Input{std::move(path), std::move(display), false, false, std::move(error), f.place});
  }

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

  static void add(Frame &f, std::string_view name, Kind kind, std::uint32_t index = 0, bool slash = false) {
    const auto at = static_cast<std::uint32_t>(f.names.size());
    f.names.append(name);
    if (slash) f.names.push_back('/');
    const std::size_t size = f.names.size() - at;
    std::uint64_t head = 0;
    for (std::size_t k = 0; k < 8; ++k) {
      head = (head << 8U) | (k < size ? static_cast<unsigned char>(f.names[at + k]) : 0U);
    }
    f.items.push_back(Item{at, static_cast<std::uint32_t>(size), index, kind, head});
  }
  void add_error(Frame &f, std::string_view name, std::string error) {
    add(f, name, Kind::Error, static_cast<std::uint32_t>(f.errors.size()));
    f.errors.push_back(std::move(error));
  }
  void add_folder(Frame &f, std::string_view name, std::string path) {
    const auto index = static_cast<std::uint32_t>(f.subs.size());
    f.subs.push_back(Sub{Pending{std::move(path), f.dir.absolute / name, f.root, f.chain}, nullptr});
    add(f, name, Kind::Probe, index);
    add(f, name, Kind::Descend, index, true);
  }

  void entry(std::string_view name, fs::file_type type, Frame &f) {
    const fs::path &dir_absolute = f.dir.absolute;
    if (type == fs::file_type::none) return;  // gone, or not to be looked at
    if (type == fs::file_type::directory) {
      if (name == ".git" || name == "node_modules") return;
      if (skip(name, dir_absolute, true, f.chain)) return;
      add_folder(f, name, join(f.dir.path, name));
      return;
    }
    if (type == fs::file_type::regular) {
      if (name_matches(name) && !skip(name, dir_absolute, false, f.chain)) add(f, name, Kind::File);
      return;
    }
    if (type != fs::file_type::symlink) return;  // FIFOs, sockets, devices: never opened
    const fs::path path(join(f.dir.path, name));
    std::error_code ec;
    const fs::file_status target = fs::status(path, ec);
    if (ec || !fs::exists(target)) {
      // git sees a symlink as a file, whatever it points to.
      if (matches(path) && !skip(name, dir_absolute, false, f.chain)) {
        add_error(f, name, "broken symbolic link or symlink loop");
      }
      return;
    }
    const bool directory = fs::is_directory(target);
    if (directory && (name == ".git" || name == "node_modules")) return;
    if (!directory && !matches(path)) return;
    if (skip(name, dir_absolute, false, f.chain)) return;
    if (!options_.follow_symlinks) {
      if (!resolves_inside(path, f.root)) {
        add_error(f, name, kSymlinkLeaves);
        return;
      }
      if (directory) return;  // its files are checked where they really are
    }
    if (directory) {
      add_folder(f, name, path.generic_string());
      return;
    }
    if (fs::is_regular_file(target)) add(f, name, Kind::LinkedFile);
  }

  const ExpandOptions &options_;
  fs::path named_;
  std::vector<Frame> stack_;
  std::deque<Input> ready_;                  // met, not yet taken by next()
  std::shared_ptr<const InputPlace> place_;  // the boundary of the folder last listed
  std::set<std::pair<dev_t, ino_t>> visited_;
  std::size_t skipped_ = 0;
  std::size_t emitted_ = 0;
};

DirectoryWalk::DirectoryWalk(const std::string &arg, const fs::path &named, const ExpandOptions &options)
    : impl_(std::make_unique<Impl>(arg, named, options)) {}
DirectoryWalk::~DirectoryWalk() = default;
auto DirectoryWalk::next(Input &in) -> bool { return impl_->next(in); }
auto DirectoryWalk::count() const -> WalkCount { return impl_->count(); }

}  // namespace callcheck::cli
