// One verdict from each schema engine for one value: the compiled checker
// (tools/schemac) and valijson, the oracle. Shared by the corpus test
// (tests/unit/schema_oracle_test.cc) and fuzz_schema, so both hold the
// checkers to the same comparison.
#ifndef CALLCHECK_TESTS_FUZZ_SCHEMA_ORACLE_H_
#define CALLCHECK_TESTS_FUZZ_SCHEMA_ORACLE_H_

#include "schema/valijson_adapter.h"

#include <valijson/validator.hpp>

#include <string_view>  // std::string_view

#include "schema/compiled.h"
#include "schema/registry.h"

namespace callcheck::detail {

struct OracleVerdict {
  bool compiled = false;
  bool valijson = false;
};

// Both verdicts of `value` against schemas/<path> (an embedded schema).
inline auto oracle_verdict(std::string_view path, const rapidjson::Value &value) -> OracleVerdict {
  thread_local valijson::Validator validator;
  const CompiledCheck check = compiled_check(path);
  const valijson::Schema &schema = SchemaRegistry::instance().compiled(path);
  const valijson::adapters::RapidJsonAdapter target(value);
  return OracleVerdict{check != nullptr && check(value), validator.validate(schema, target, nullptr)};
}

}  // namespace callcheck::detail

#endif  // CALLCHECK_TESTS_FUZZ_SCHEMA_ORACLE_H_
