// The CLI side of team policies (`schemas` in .callcheck.json, issue 14 item
// 2b): reads and compiles each schema once per run, for the configuration
// that names it (config_session.h calls this from load_config).
//
// Confinement (issue 18): the schema path is checked like `baseline`
// (check_config_path: relative, inside the configuration's root, no symlink
// leaving it); every file a `$ref` reaches must stay, lexically
// (policy/confine.h) and once symlinks are resolved, inside the main schema
// file's folder and the root. Nothing is fetched from the network, ever.
#ifndef CALLCHECK_CLI_USER_SCHEMAS_H_
#define CALLCHECK_CLI_USER_SCHEMAS_H_

#include <filesystem>  // std::filesystem::path
#include <map>         // std::map
#include <memory>      // std::shared_ptr
#include <string>      // std::string
#include <vector>      // std::vector

#include "callcheck/callcheck.h"
#include "config/config.h"

namespace callcheck::cli {

// One compiled schema per absolute path and root, shared by every
// configuration that names it; its errors are reported by the first.
struct UserSchemaCache {
  struct Entry {
    std::shared_ptr<const PolicySchema> schema;
    std::vector<std::string> files;  // every file it read (absolute): callcheck's own, never checked as payloads
  };
  std::map<std::string, Entry> entries;
};

// What one configuration's `schemas` produced besides the compiled policies.
struct UserSchemaLoad {
  std::vector<Report> reports;     // CC401s inside schema files, one Report per file
  std::vector<std::string> files;  // every schema file read (absolute)
};

// Fills `compiled` of each entry of `config.schemas`. CC401s about an entry
// (its path, its main file, valijson's refusal) go to `config_errors`,
// located at the entry; the rest to `out`.
void load_user_schemas(detail::Config &config, const std::filesystem::path &config_dir,
                       const std::filesystem::path &root, UserSchemaCache &cache,
                       std::vector<Diagnostic> &config_errors, UserSchemaLoad &out);

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_USER_SCHEMAS_H_
