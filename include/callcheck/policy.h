// Team policies (issue 14 item 2b): a JSON Schema of the team's own, checked
// on top of the built-in checks. Each violation is a CC110 policy-violation
// finding whose message is the violated schema node's `$comment`, else its
// `description`, else its `title`, else the validator's own text.
//
//   callcheck::PolicyLoad load = callcheck::compile_policy("policy.schema.json", fetch);
//   if (load.errors.empty()) options.policies.push_back(load.schema);
//
// The library never reads files: `fetch` returns the bytes of a file named
// relative to the schema's folder ('/' separators, already lexically
// confined to that folder: no absolute path, no `..` above it, no URI
// scheme). The caller adds what only the file system knows (symlinks, the
// repository's trust root); the CLI does (src/cli/user_schemas.cc).
// A compiled policy is immutable and may be shared by any number of threads
// and Options; it is compiled once, its sub-schemas on first use.
#ifndef CALLCHECK_POLICY_H_
#define CALLCHECK_POLICY_H_

#include <cstddef>      // std::size_t
#include <functional>   // std::function
#include <memory>       // std::shared_ptr
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/diagnostic.h"

namespace callcheck {

class PolicySchema;  // opaque: a compiled team policy

// What `fetch` hands back for one file.
struct PolicyFile {
  bool ok = false;
  std::string text;
  std::string error;  // one line, when !ok; never the content
};
using PolicyFetch = std::function<PolicyFile(const std::string &relative_path)>;

// A CC401 of one policy. `file` is the schema file it is located in,
// relative to the schema's folder; "" means the policy as a whole (its main
// file could not be read, or valijson refused it): the caller locates that
// one at the configuration entry that names the policy.
struct PolicyError {
  std::string file;
  Diagnostic diagnostic;
};

struct PolicyLoad {
  std::shared_ptr<const PolicySchema> schema;  // null when errors is not empty
  std::vector<PolicyError> errors;
};

// Limits of one policy, whatever the repository says (bytes are checked by
// the library too, so a caller's fetch cannot lift them).
inline constexpr std::size_t kMaxPolicyFileBytes = std::size_t{256} << 10U;  // one schema file
inline constexpr std::size_t kMaxPolicyFiles = 32;                           // files one policy reaches
inline constexpr std::size_t kMaxPolicyNodes = 10000;                        // schema nodes once every $ref is expanded
inline constexpr std::size_t kMaxPolicyDepth = 128;  // nested schema levels once $refs are followed

// `main_file` is relative to the schema's folder (usually its file name);
// `display_prefix` is prepended to file names in the messages of findings
// (the CLI passes the folder as users see it, e.g. "policies/").
[[nodiscard]] auto compile_policy(std::string_view main_file, const PolicyFetch &fetch,
                                  std::string_view display_prefix = "") -> PolicyLoad;

}  // namespace callcheck

#endif  // CALLCHECK_POLICY_H_
