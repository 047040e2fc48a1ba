#include "cli/user_schemas.h"

#include <fmt/format.h>

#include "cli/input.h"
#include "cli/trust_root.h"

namespace callcheck::cli {
namespace fs = std::filesystem;

void load_user_schemas(detail::Config &config, const fs::path &config_dir, const fs::path &root, UserSchemaCache &cache,
                       std::vector<Diagnostic> &config_errors, UserSchemaLoad &out) {
  std::vector<Report> &reports = out.reports;
  std::vector<std::string> &files = out.files;
  for (detail::ConfigSchema &entry : config.schemas) {
    ConfigPathCheck path = check_config_path(entry.schema, config_dir, root);
    if (path.error) {
      config_errors.push_back(std::move(*path.error));
      continue;
    }
    const std::string key = path.resolved.string() + '\n' + root.string();
    if (const auto it = cache.entries.find(key); it != cache.entries.end()) {
      entry.compiled = it->second.schema;
      files.insert(files.end(), it->second.files.begin(), it->second.files.end());
      continue;
    }
    UserSchemaCache::Entry &cached = cache.entries[key];
    const fs::path dir = path.resolved.parent_path();
    const std::string shown_dir = display_path(dir.string());
    const std::string prefix = shown_dir.empty() || shown_dir == "." ? std::string() : shown_dir + "/";
    // The library confined the name lexically; what only the file system
    // knows is checked here, before anything is opened.
    auto fetch = [&](const std::string &relative) -> PolicyFile {
      PolicyFile f;
      const fs::path file = absolute_lexical(dir / relative);
      if (!lexically_inside(file, dir)) {
        f.error = "it leaves the schema's folder";
      } else if (!resolves_inside(file, dir)) {
        f.error = "it is a symlink that leaves the schema's folder";
      } else if (!resolves_inside(file, root)) {
        f.error = "it is a symlink that leaves the repository";
      } else {
        cached.files.push_back(file.string());
        ReadResult r = read_file(file.string(), kMaxPolicyFileBytes, "");
        f.ok = r.ok;
        f.text = std::move(r.bytes);
        f.error = std::move(r.error);
      }
      return f;
    };
    PolicyLoad load = compile_policy(path.resolved.filename().string(), fetch, prefix);
    files.insert(files.end(), cached.files.begin(), cached.files.end());
    cached.schema = load.schema;
    entry.compiled = load.schema;
    for (PolicyError &e : load.errors) {
      if (e.file.empty()) {
        // About the policy as a whole: located at the entry that names it.
        e.diagnostic.pointer = entry.schema.pointer;
        e.diagnostic.span = entry.schema.span;
        config_errors.push_back(std::move(e.diagnostic));
        continue;
      }
      const std::string source = display_path((dir / e.file).string());
      if (reports.empty() || reports.back().source != source) {
        reports.emplace_back();
        reports.back().source = source;
      }
      reports.back().diagnostics.push_back(std::move(e.diagnostic));
    }
  }
}

}  // namespace callcheck::cli
