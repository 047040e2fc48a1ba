// What ConfigSession (config_session.h) holds per configuration and
// baseline file it loaded, shared by the files that implement it.
#ifndef CALLCHECK_CLI_CONFIG_SESSION_LOADED_H_
#define CALLCHECK_CLI_CONFIG_SESSION_LOADED_H_

#include <filesystem>  // std::filesystem::path
#include <memory>      // std::unique_ptr
#include <string>      // std::string
#include <vector>      // std::vector

#include "cli/config_session.h"
#include "cli/trust_root.h"
#include "cli/user_schemas.h"
#include "config/baseline.h"
#include "config/config.h"

namespace callcheck::cli {

inline constexpr const char *kConfigName = ".callcheck.json";

inline auto absolute_normal(const std::string &path) -> std::filesystem::path { return absolute_lexical(path); }

// '/' separators; "../x.json" for files outside `dir`.
inline auto relative_to(const std::filesystem::path &file, const std::filesystem::path &dir) -> std::string {
  const std::filesystem::path rel = file.lexically_relative(dir);
  return rel.empty() ? file.generic_string() : rel.generic_string();
}

struct ConfigSession::LoadedConfig {
  std::string path;  // as read
  std::string display;
  std::filesystem::path dir;
  std::filesystem::path root;  // what the paths it names must stay inside (trust_root.h)
  detail::ConfigLoad load;
  std::string baseline;          // its `baseline`, resolved and checked; "" = none
  std::vector<std::string> app;  // its `app` (callcheck audit), resolved and checked
  UserSchemaLoad policies;       // its `schemas`: what they read, their CC401s (cli/user_schemas.h)
  Options top;                   // base + top level + command line: filters this config's CC402
  std::vector<detail::SuppressionUse> uses;
};

struct ConfigSession::LoadedBaseline {
  std::string display;
  std::filesystem::path dir;
  std::vector<Diagnostic> errors;
  std::unique_ptr<detail::BaselineFilter> filter;
  Options filter_options;
};

}  // namespace callcheck::cli

#endif  // CALLCHECK_CLI_CONFIG_SESSION_LOADED_H_
