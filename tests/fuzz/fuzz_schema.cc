// libFuzzer target: see run_schema in fuzz_common.h for the invariants.
#include "fuzz_common.h"

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) -> int {
  return callcheck::fuzz::drive(callcheck::fuzz::run_schema, data, size);
}
