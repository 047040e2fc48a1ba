#include "document/rapidjson_adapter.h"

#include <stdexcept>  // std::logic_error
#include <string>     // std::string

namespace callcheck::detail {

void rapidjson_assertion_failed(const char *expression) {
  // A RapidJSON invariant broke: a bug, not bad input. Throwing keeps the
  // process alive; check() turns it into an internal-error diagnostic.
  throw std::logic_error(std::string("RapidJSON assertion failed: ") + expression);
}

}  // namespace callcheck::detail
