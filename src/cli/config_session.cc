#include "cli/config_session.h"
#include "cli/config_session_loaded.h"

#include <algorithm>     // std::find, std::stable_sort
#include <filesystem>    // std::filesystem
#include <system_error>  // std::error_code
#include <tuple>         // std::tie

#include <fmt/format.h>

#include "cli/exit_code.h"
#include "cli/file_id.h"
#include "cli/safe_write.h"
#include "cli/trust_root.h"
#include "config/baseline.h"
#include "config/config.h"
#include "config/glob.h"
#include "catalog/cc401_invalid_config.h"
#include "catalog/diagnostic.h"

namespace callcheck::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxConfigBytes = 1U << 20U;
constexpr std::size_t kMaxBaselineBytes = std::size_t{64} << 20U;
auto folder_of(const fs::path &file) -> fs::path {
  fs::path dir = file.parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

auto unreadable(const std::string &what, const std::string &display, const std::string &error) -> Diagnostic {
  return detail::make_diagnostic(catalog::kInvalidConfig,
                                 fmt::format("cannot read the {} `{}`: {}", what, display, error), "",
                                 Span{Position{1, 1}, Position{1, 1}});
}

}  // namespace

ConfigSession::ConfigSession(const CheckArgs &args, const Options &base) : args_(args), base_(base) {
  if (!args_.write_baseline.empty()) {
    writer_ = std::make_unique<detail::BaselineWriter>();
    write_path_ = args_.write_baseline;
  }
}

ConfigSession::~ConfigSession() = default;

// The command line replaces what a configuration says (config.h).
static void apply_command_line(const CheckArgs &args, const Options &base, Options &o) {
  if (!args.api.empty()) o.api = base.api;
  if (base.granted_scopes) o.granted_scopes = base.granted_scopes;
  if (!args.select.empty()) o.select = args.select;
  if (!args.ignore.empty()) o.ignore = args.ignore;
  if (args.preview) o.preview = true;
  if (base.join_url) o.join_url = base.join_url;
}

auto ConfigSession::load_config(const std::string &absolute, const fs::path &boundary, bool discovered) -> int {
  if (const auto it = config_index_.find(absolute); it != config_index_.end()) return it->second;
  auto c = std::make_unique<LoadedConfig>();
  c->path = absolute;
  c->display = display_path(absolute);
  c->dir = folder_of(fs::path(absolute));
  if (discovered && !resolves_inside(absolute, boundary)) {
    // A repository's .callcheck.json linked to ~/.netrc: never read.
    c->load.errors.push_back(
        unreadable("configuration file", c->display, "it is a symlink that leaves the repository"));
  } else {
    // The limit is fixed: --max-bytes is about payloads.
    ReadResult r = read_file(absolute, kMaxConfigBytes, "");
    if (r.ok) {
      c->load = detail::parse_config(r.bytes);
    } else {
      c->load.errors.push_back(unreadable("configuration file", c->display, r.error));
    }
  }
  c->root = config_root(*c, boundary);
  if (c->load.errors.empty() && c->load.config.baseline) {
    ConfigPathCheck path = check_config_path(*c->load.config.baseline, c->dir, c->root);
    if (path.error) {
      c->load.errors.push_back(std::move(*path.error));
    } else {
      c->baseline = path.resolved.string();
    }
  }
  // `app` names files the audit reads and quotes: held to the same boundary.
  for (const detail::ConfigPath &named : c->load.config.app) {
    if (!c->load.errors.empty()) break;
    ConfigPathCheck path = check_config_path(named, c->dir, c->root);
    if (path.error) {
      c->load.errors.push_back(std::move(*path.error));
    } else {
      c->app.push_back(path.resolved.string());
    }
  }
  if (c->load.errors.empty()) {
    load_user_schemas(c->load.config, c->dir, c->root, user_schemas_, c->load.errors, c->policies);
  }
  c->top = base_;
  detail::Config top_level = c->load.config;
  top_level.overrides.clear();
  detail::apply_config(top_level, "", c->top);
  apply_command_line(args_, base_, c->top);
  c->uses.resize(c->load.config.suppressions.size());
  const int index = static_cast<int>(configs_.size());
  configs_.push_back(std::move(c));
  config_index_[absolute] = index;
  return index;
}

// The closest folder at or above the config's own holding a configuration
// with "root": true, up to `boundary`; else `boundary`.
auto ConfigSession::config_root(const LoadedConfig &c, const fs::path &boundary) -> fs::path {
  if (c.load.errors.empty() && c.load.config.root) return c.dir;
  if (!lexically_inside(c.dir, boundary)) return c.dir;  // --config FILE outside: only its own folder
  for (fs::path dir = c.dir; dir != boundary;) {
    const fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) break;
    dir = parent;
    if (declares_root(dir / kConfigName, boundary)) return dir;
  }
  return boundary;
}

// Whether the configuration at `file` says "root": true. Only a look: it is
// not applied to anything, so its own errors are not reported.
auto ConfigSession::declares_root(const fs::path &file, const fs::path &boundary) -> bool {
  const std::string key = file.string();
  if (const auto it = root_cache_.find(key); it != root_cache_.end()) return it->second;
  bool root = false;
  std::error_code ec;
  if (fs::is_regular_file(file, ec) && resolves_inside(file, boundary)) {
    ReadResult r = read_file(key, kMaxConfigBytes, "");
    if (r.ok) {
      const detail::ConfigLoad load = detail::parse_config(r.bytes);
      root = load.errors.empty() && load.config.root;
    }
  }
  root_cache_[key] = root;
  return root;
}

auto ConfigSession::config_for(const fs::path &start_dir, const fs::path &boundary) -> int {
  if (start_dir.native() == last_dir_ && boundary.native() == last_dir_boundary_) return last_dir_config_;
  const int found = config_for_uncached(start_dir, boundary);
  last_dir_ = start_dir.native();
  last_dir_boundary_ = boundary.native();
  last_dir_config_ = found;
  return found;
}

auto ConfigSession::config_for_uncached(const fs::path &start_dir, const fs::path &boundary) -> int {
  std::vector<std::string> visited;
  fs::path dir(start_dir);
  int found = -1;
  // Never above the boundary: a .callcheck.json in /tmp or $HOME is not the repository's.
  while (lexically_inside(dir, boundary)) {
    const std::string key = dir.string() + '\n' + boundary.string();
    if (const auto it = dir_cache_.find(key); it != dir_cache_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    std::error_code ec;
    const fs::path candidate = dir / kConfigName;
    if (fs::exists(fs::symlink_status(candidate, ec))) {
      found = load_config(candidate.string(), boundary, true);
      break;
    }
    const fs::path parent = dir.parent_path();
    if (dir == boundary || parent == dir || parent.empty()) break;
    dir = parent;
  }
  for (const std::string &v : visited) dir_cache_[v] = found;
  return found;
}

auto ConfigSession::load_baseline(const std::string &absolute, const Options &filter_options) -> int {
  if (const auto it = baseline_index_.find(absolute); it != baseline_index_.end()) return it->second;
  auto b = std::make_unique<LoadedBaseline>();
  b->display = display_path(absolute);
  b->dir = folder_of(fs::path(absolute));
  b->filter_options = filter_options;
  ReadResult r = read_file(absolute, kMaxBaselineBytes, "");
  if (r.ok) {
    detail::BaselineLoad load = detail::parse_baseline(r.bytes);
    b->errors = std::move(load.errors);
    if (b->errors.empty()) b->filter = std::make_unique<detail::BaselineFilter>(std::move(load.entries));
  } else {
    b->errors.push_back(unreadable("baseline file", b->display, r.error));
  }
  const int index = static_cast<int>(baselines_.size());
  baselines_.push_back(std::move(b));
  baseline_index_[absolute] = index;
  return index;
}

auto ConfigSession::explicit_config() -> int {
  if (args_.no_config || args_.config_file.empty()) return -1;
  // Named on the command line: trusted to be read, but the paths it names
  // still stay inside its own repository (or its folder, outside one).
  const fs::path file = absolute_normal(args_.config_file);
  return load_config(file.string(), trust_boundary(folder_of(file), folder_of(file)), false);
}

auto ConfigSession::input_config(const Input &in, std::uint32_t &boundary) -> int {
  const bool walked = !in.is_stdin && !in.root().empty();
  if (walked && args_.no_config) {
    // Neither a path nor a lookup per file: the inputs of a walk share their place.
    if (in.place != last_place_) {
      last_place_ = in.place;
      last_place_boundary_ = intern_boundary(in.root());
    }
    boundary = last_place_boundary_;
    return -1;
  }
  fs::path path;
  const int config = input_config(in, path);
  boundary = intern_boundary(path.string());
  return config;
}

auto ConfigSession::input_config(const Input &in, fs::path &boundary) -> int {
  const bool walked = !in.is_stdin && !in.root().empty();  // the walk found the boundary
  boundary = walked ? fs::path(in.root()) : fs::path();
  if (walked && args_.no_config) return -1;
  const fs::path file = absolute_normal(in.is_stdin ? in.display : in.path);
  // stdin is discovered from --stdin-filename, named from the working directory.
  const fs::path named = in.named().empty() ? absolute_normal(".") : fs::path(in.named());
  if (!walked) boundary = trust_boundary(folder_of(file), named);
  if (args_.no_config) return -1;
  const int given = explicit_config();
  return given >= 0 ? given : config_for(folder_of(file), boundary);
}

auto ConfigSession::prepare(const std::vector<Input> &inputs) -> bool {
  inputs_.clear();
  inputs_.reserve(inputs.size());
  relatives_.clear();
  for (const Input &in : inputs) {
    Relative rel;
    PerInput p = resolve_input(in, rel);
    if (p.config >= 0 || p.baseline >= 0 || writer_) {
      p.relative = static_cast<std::uint32_t>(relatives_.size());
      relatives_.push_back(std::move(rel));
    }
    inputs_.push_back(std::move(p));
  }
  return valid();
}

auto ConfigSession::resolve(const Input &in, Resolved &out) -> bool {
  Relative rel;
  out = carried(resolve_input(in, rel));
  out.relative = std::move(rel);
  return valid();
}

auto ConfigSession::resolved(std::size_t input) const -> Resolved {
  const PerInput &p = inputs_.at(input);
  Resolved out = carried(p);
  if (p.relative != kNoRelative) out.relative = relatives_[p.relative];
  return out;
}

auto ConfigSession::carried(const PerInput &p) const -> Resolved {
  Resolved out;
  out.options = p.options;
  out.config = p.config >= 0 ? configs_[static_cast<std::size_t>(p.config)].get() : nullptr;
  out.baseline = p.baseline >= 0 ? baselines_[static_cast<std::size_t>(p.baseline)].get() : nullptr;
  out.passes_through = p.config < 0 && p.baseline < 0 && !writer_;
  return out;
}

auto ConfigSession::valid() const -> bool {
  for (const auto &c : configs_) {
    if (!c->load.errors.empty() || !c->policies.reports.empty()) return false;
  }
  for (const auto &b : baselines_) {
    if (!b->errors.empty()) return false;
  }
  return true;
}

auto ConfigSession::resolve_input(const Input &in, Relative &rel) -> PerInput {
  const bool needs_file = !args_.no_config || !args_.baseline.empty() || writer_;  // configurations and baselines
  PerInput p;
  const fs::path file = needs_file ? absolute_normal(in.is_stdin ? in.display : in.path) : fs::path();
  p.config = input_config(in, p.boundary);
  std::string baseline_path;
  if (p.config >= 0) {
    const auto config = static_cast<std::size_t>(p.config);
    const LoadedConfig &c = *configs_[config];
    rel.config = relative_to(file, c.dir);
    baseline_path = c.baseline;
    if (config_options_.size() <= config) config_options_.resize(config + 1);
    // Only `overrides` and `schemas` depend on the file's path (config.h apply_config).
    const bool same_for_all = c.load.config.overrides.empty() && c.load.config.schemas.empty();
    if (same_for_all && config_options_[config]) {
      p.options = config_options_[config];  // the same for every file it applies to
    } else {
      Options options = base_;
      detail::apply_config(c.load.config, rel.config, options);
      apply_command_line(args_, base_, options);
      p.options = intern(options);
      if (same_for_all) config_options_[config] = p.options;
    }
  } else if (unconfigured_) {
    p.options = unconfigured_;
  } else {
    Options options = base_;
    apply_command_line(args_, base_, options);
    p.options = intern(options);
    unconfigured_ = p.options;
  }
  if (!args_.baseline.empty()) baseline_path = absolute_normal(args_.baseline).string();
  // A baseline is never applied while a new one is written: it would
  // leave out exactly the findings it hides.
  if (!baseline_path.empty() && !writer_) {
    const Options &filter =
        p.config >= 0 && args_.baseline.empty() ? configs_[static_cast<std::size_t>(p.config)]->top : base_;
    p.baseline = load_baseline(baseline_path, filter);
    rel.baseline = relative_to(file, baselines_[static_cast<std::size_t>(p.baseline)]->dir);
  }
  if (writer_) rel.write = relative_to(file, folder_of(absolute_normal(write_path_)));
  return p;
}

void ConfigSession::show(const std::vector<Input> &inputs, Out &err) const {
  for (std::size_t i = 0; i < inputs.size() && i < inputs_.size(); ++i) {
    const PerInput &p = inputs_[i];
    std::string what;
    if (args_.no_config) {
      what = "none (--no-config)";
    } else if (!args_.config_file.empty()) {
      what = "--config " + display_path(args_.config_file);
    } else if (p.config >= 0) {
      what = configs_[static_cast<std::size_t>(p.config)]->display;
    } else {
      what = "none";
    }
    err << fmt::format("callcheck: configuration for {}: {} (trust boundary: {})\n", printable(inputs[i].display),
                       printable(what), printable(display_path(boundaries_[p.boundary])));
  }
}

void ConfigSession::emit(OutputSink &renderer, Out &out, Summary &summary, const Report &report,
                         std::string_view text) {
  summary.add_findings(report);  // findings, not a checked file
  renderer.file(out, report, text);
}

auto ConfigSession::fail(OutputSink &renderer, Out &out, Summary &summary) -> int {
  for (const auto &c : configs_) {
    for (const Report &r : c->policies.reports) emit(renderer, out, summary, r, "");
    if (c->load.errors.empty()) continue;
    Report r;
    r.source = c->display;
    r.diagnostics = c->load.errors;
    emit(renderer, out, summary, r, "");  // no code frame: it may not be a configuration at all
  }
  for (const auto &b : baselines_) {
    if (b->errors.empty()) continue;
    Report r;
    r.source = b->display;
    r.diagnostics = b->errors;
    emit(renderer, out, summary, r, "");
  }
  renderer.end(out, summary);
  out.flush();
  return kFailure;
}

auto ConfigSession::options(std::size_t input) const -> const Options & { return *inputs_.at(input).options; }

void ConfigSession::post_process(const Resolved &input, Report &report) {
  if (input.passes_through) return;  // nothing applies to it
  const Relative &rel = input.relative;
  if (input.config != nullptr) {
    detail::apply_suppressions(report, rel.config, input.config->load.config.suppressions, *input.options,
                               input.config->uses);
  }
  if (writer_) {
    writer_->add(report, rel.write);
  } else if (input.baseline != nullptr) {
    input.baseline->filter->apply(report, rel.baseline, *input.options);
  }
}

auto ConfigSession::config_files() const -> std::vector<std::pair<std::string, std::string>> {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto &c : configs_) out.emplace_back(c->path, c->display);
  return out;
}

auto ConfigSession::finish(OutputSink &renderer, Out &out, Summary &summary, Severity fail_on) -> bool {
  bool hit = false;
  // Code frames are for payloads only (issue 18): positions and messages suffice here.
  auto show = [&](const std::string &source, std::vector<Diagnostic> diagnostics) {
    if (diagnostics.empty()) return;
    Report r;
    r.source = source;
    r.diagnostics = std::move(diagnostics);
    if (const auto worst = r.worst(); worst && *worst <= fail_on) hit = true;
    emit(renderer, out, summary, r, "");
  };
  for (const auto &c : configs_) {
    std::vector<Diagnostic> diagnostics;
    for (const Diagnostic &n : c->load.scope_notices) {
      const RuleMeta *rule = find_rule(n.code);  // a catalogue code: config.cc made it from the entry
      if (rule == nullptr) continue;
      if (auto d = detail::make_diagnostic(detail::Policy(c->top), *rule, n.message, n.pointer, n.span, n.help)) {
        d->fix = n.fix;
        diagnostics.push_back(std::move(*d));
      }
    }
    for (Diagnostic &d : detail::unused_suppressions(c->load.config.suppressions, c->uses, c->top)) {
      diagnostics.push_back(std::move(d));
    }
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
      return std::tie(a.span.begin.line, a.span.begin.column) < std::tie(b.span.begin.line, b.span.begin.column);
    });
    show(c->display, std::move(diagnostics));
  }
  for (const auto &b : baselines_) {
    if (b->filter) show(b->display, b->filter->stale(b->filter_options));
  }
  return hit;
}

auto ConfigSession::app_files() const -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto &c : configs_) {
    for (const std::string &path : c->app) {
      if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
    }
  }
  return out;
}
}  // namespace callcheck::cli
