// The valijson side of team policies (callcheck/policy.h): compiling the
// files src/policy/load.cc read and checked, and validating payloads against
// them with CC110 findings. valijson stays in schema/ (script.source_layout).
#ifndef CALLCHECK_SCHEMA_USER_SCHEMA_H_
#define CALLCHECK_SCHEMA_USER_SCHEMA_H_

#include <cstddef>  // std::size_t
#include <memory>   // std::shared_ptr
#include <string>   // std::string
#include <vector>   // std::vector

#include "callcheck/options.h"
#include "callcheck/policy.h"
#include "document/document.h"
#include "finding.h"

namespace callcheck::detail {

// One schema node valijson will compile (reached from the main file's root
// through schema keywords and `$ref`s), in the file it is written in.
struct PolicyGraphNode {
  std::size_t file = 0;
  std::string pointer;           // RFC 6901, in `file`
  const Value *value = nullptr;  // an object or a boolean
  long ref = -1;                 // a `$ref` node: the node it resolves to
};

// What the loader hands over: checked (every ref confined and resolved, no
// cycle, within the limits), so compiling cannot meet valijson's crashes.
struct PolicyInput {
  std::vector<std::string> names;      // display name of each file; [0] is the main file
  std::vector<const Value *> roots;    // the parsed root of each file
  std::vector<PolicyGraphNode> nodes;  // [0] is the main file's root
};

// Compiles the policy; on valijson's refusal returns null and its message.
[[nodiscard]] auto build_policy(const PolicyInput &input, std::string &error) -> std::shared_ptr<const PolicySchema>;

// CC110 findings of every policy in `options.policies` (none when CC110 is
// off or not selected).
[[nodiscard]] auto validate_policies(const Document &doc, const Options &options) -> std::vector<Finding>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_SCHEMA_USER_SCHEMA_H_
