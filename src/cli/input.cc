#include "cli/input.h"

#include <sys/stat.h>

#include <filesystem>    // std::filesystem
#include <memory>        // std::shared_ptr
#include <system_error>  // std::error_code

#include <fmt/format.h>

#include "cli/trust_root.h"
#include "cli/walk.h"
#include "config/glob.h"

namespace callcheck::cli {
namespace fs = std::filesystem;
auto display_path(const std::string &path) -> std::string {
  if (path == "-") return "<stdin>";
  // Relative and normal already: lexically_normal() would give it back.
  if (plain_relative(path)) return path;
  if (plain_absolute(path)) {
    // Normal already; the working directory once (callcheck keeps it).
    const std::string &working = working_directory();
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

auto join_extensions(const std::vector<std::string> &extensions) -> std::string {
  std::string out;
  for (std::size_t i = 0; i < extensions.size(); ++i) {
    if (i > 0) out += i + 1 == extensions.size() ? " or " : ", ";
    out += extensions[i];
  }
  return out;
}

}  // namespace

InputStream::InputStream(const std::vector<std::string> &args, const ExpandOptions &options)
    : args_(args), options_(options) {}
InputStream::~InputStream() = default;

auto InputStream::next(Input &in) -> bool {
  while (true) {
    if (walk_) {
      if (walk_->next(in)) return true;
      const WalkCount walk = walk_->count();
      walk_.reset();
      if (walk.inputs > 0) continue;
      const std::string skipped = walk.skipped == 0
                                      ? std::string()
                                      : fmt::format(
                                            "; {} skipped as hidden, ignored by .gitignore or excluded (--no-ignore "
                                            "walks hidden and ignored ones)",
                                            walk.skipped);
      walked_.error = fmt::format(
          "a directory with no {} file in it (extensions in any case; name other files "
          "explicitly{})",
          join_extensions(options_.extensions), skipped);
      in = std::move(walked_);
      return true;
    }
    if (arg_ == args_.size()) return false;
    if (start(args_[arg_++], in)) return true;
  }
}

// True when `arg` is itself the next input (in `in`); else it is walked or
// was set aside.
auto InputStream::start(const std::string &arg, Input &in) -> bool {
  if (arg == "-") {
    const fs::path working = absolute_lexical(".");
    in = Input{
        "-",
        "<stdin>",
        true,
        false,
        {},
        std::make_shared<const InputPlace>(InputPlace{trust_boundary(working, working).string(), working.string()})};
    return true;
  }
  // A file named by a normal path, the run of a pre-commit hook: its folder
  // as a string (the fs::path below was most of a one-file run, issue 14).
  struct stat named_st {};
  const std::string &working = working_directory();
  if ((plain_relative(arg) || plain_absolute(arg)) && !working.empty() && ::stat(arg.c_str(), &named_st) == 0 &&
      !S_ISDIR(named_st.st_mode)) {
    std::string folder = arg.front() == '/' ? arg : (working == "/" ? working : working + "/") + arg;
    const std::size_t slash = folder.rfind('/');
    folder.resize(slash == 0 ? 1 : slash);
    return start_file(arg, std::move(folder), in);
  }
  std::error_code ec;
  const fs::file_status st = fs::status(arg, ec);
  const bool directory = !ec && fs::is_directory(st);
  const fs::path named = directory ? absolute_lexical(arg) : absolute_lexical(arg).parent_path();
  if (!ec && fs::exists(st) && !directory) return start_file(arg, named.native(), in);
  const std::string root = trust_boundary(named, named).string();
  in = Input{arg,   display_path(arg),
             false, !directory,
             {},    std::make_shared<const InputPlace>(InputPlace{root, named.string()})};
  if (excluded(arg, in)) return false;
  if (ec || !fs::exists(st)) {
    const fs::file_status lst = fs::symlink_status(arg, ec);
    in.error = fs::is_symlink(lst) ? "broken symbolic link or symlink loop" : "no such file or directory";
    return true;
  }
  if (!options_.follow_symlinks && !resolves_inside(arg, root)) {
    in.error = kSymlinkLeaves;
    return true;
  }
  walked_ = std::move(in);
  walk_ = std::make_unique<DirectoryWalk>(arg, named, options_);
  return false;
}

// Named, yet excluded: pre-commit names every file it passes (issue 17).
auto InputStream::excluded(const std::string &arg, const Input &in) const -> bool {
  if (options_.exclude.empty() || !detail::excluded_by(options_.exclude, relative_to_working(absolute_lexical(arg)))) {
    return false;
  }
  if (options_.notes != nullptr) {
    options_.notes->push_back(fmt::format("callcheck: {}: not checked: it matches --exclude", printable(in.display)));
  }
  if (options_.excluded_named != nullptr) ++*options_.excluded_named;
  return true;
}

// start() for an argument that exists and is no directory, in folder
// `folder` (absolute_lexical).
auto InputStream::start_file(const std::string &arg, std::string folder, Input &in) -> bool {
  std::string root = trust_boundary_of(folder, folder);
  in = Input{arg,   display_path(arg),
             false, true,
             {},    std::make_shared<const InputPlace>(InputPlace{std::move(root), std::move(folder)})};
  if (excluded(arg, in)) return false;
  if (!options_.follow_symlinks && !resolves_inside(arg, in.root())) in.error = kSymlinkLeaves;
  return true;
}

auto expand_inputs(const std::vector<std::string> &args, const ExpandOptions &options) -> std::vector<Input> {
  std::vector<Input> out;
  InputStream stream(args, options);
  for (Input in; stream.next(in);) out.push_back(std::move(in));
  return out;
}

}  // namespace callcheck::cli
