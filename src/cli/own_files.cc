// ConfigSession::drop_own_and_excluded (config_session.h): the inputs
// callcheck must not check, its own files and what `exclude` matches.
#include <filesystem>  // std::filesystem
#include <optional>    // std::optional

#include <fmt/format.h>

#include "cli/config_session.h"
#include "cli/config_session_loaded.h"
#include "cli/file_id.h"
#include "cli/trust_root.h"
#include "config/config.h"
#include "config/glob.h"

namespace callcheck::cli {
namespace fs = std::filesystem;

auto ConfigSession::drop_own_and_excluded(std::vector<Input> &inputs, const std::vector<std::string> &written,
                                          std::vector<std::string> &notes) -> std::size_t {
  std::vector<int> config(inputs.size(), -1);
  for (std::size_t i = 0; i < inputs.size() && !args_.no_config; ++i) {
    fs::path boundary;
    if (!inputs[i].is_stdin) config[i] = input_config(inputs[i], boundary);
  }
  // Known once every configuration is loaded: an input's baseline may be
  // named by the configuration of another folder.
  std::vector<std::pair<FileId, std::string>> own;
  auto add = [&](const std::string &path, std::string why) {
    if (!path.empty()) own.emplace_back(FileId(absolute_normal(path)), std::move(why));
  };
  for (const auto &c : configs_) {
    add(c->path, "it is a callcheck configuration file");
    add(c->baseline, "it is the baseline file of " + c->display);
    for (const std::string &f : c->policies.files) add(f, "it is a team policy schema of " + c->display);
  }
  add(args_.baseline, "it is the --baseline file");
  add(args_.write_baseline, "it is the --write-baseline file");
  for (const std::string &w : written) add(w, "it is a report this run writes (-o or --format NAME:FILE)");
  std::size_t kept = 0;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Input &in = inputs[i];
    std::string why;
    const LoadedConfig *c = config[i] >= 0 ? configs_[static_cast<std::size_t>(config[i])].get() : nullptr;
    // With only the name to compare, no absolute path for a path that does not hold it.
    const bool name_only = own.empty() && c == nullptr && in.path.find(kConfigName) == std::string::npos;
    if (!in.is_stdin && !name_only) {
      const fs::path file = absolute_normal(in.path);
      if (file.filename() == kConfigName) why = "it is a callcheck configuration file";
      const std::optional<FileId> id = own.empty() ? std::nullopt : std::optional<FileId>(file);  // no stat for nothing
      for (std::size_t k = 0; why.empty() && id && k < own.size(); ++k) {
        if (own[k].first.same(*id)) why = own[k].second;
      }
      if (why.empty() && c != nullptr && detail::excluded_by(c->load.config.exclude, relative_to(file, c->dir))) {
        why = "it matches `exclude` in " + c->display;
      }
    }
    if (!why.empty() && in.explicit_path)
      notes.push_back(fmt::format("callcheck: {}: not checked: {}", printable(in.display), why));
    if (why.empty() && kept++ != i) inputs[kept - 1] = std::move(in);
  }
  const std::size_t dropped = inputs.size() - kept;
  inputs.resize(kept);
  return dropped;
}

}  // namespace callcheck::cli
