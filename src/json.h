// Every translation unit that touches RapidJSON or valijson includes this
// header first. It owns two third-party quirks (PERFORMANCE.md 5.4,
// RELIABILITY.md 2.6):
//  - RapidJSON must fail loudly, not silently, when an assertion trips in a
//    release build; valijson's own replacement builds a std::string from
//    __FILE__ on every check (8.5x parse cost), so we throw through a cold
//    out-of-line function instead.
//  - valijson's adapter must see RAPIDJSON_ASSERT before any RapidJSON header.
#ifndef CALLCHECK_JSON_H_
#define CALLCHECK_JSON_H_

#ifdef RAPIDJSON_ASSERT
#error "src/json.h must be included before any RapidJSON header"
#endif

namespace callcheck::detail {
[[noreturn]] [[gnu::cold]] void rapidjson_assertion_failed(const char *expression);
}  // namespace callcheck::detail

#define RAPIDJSON_ASSERT(x) \
  ((x) ? static_cast<void>(0) : ::callcheck::detail::rapidjson_assertion_failed(#x))
#define RAPIDJSON_HAS_STDSTRING 1

// valijson's adapter replaces RAPIDJSON_ASSERT when VALIJSON_USE_EXCEPTIONS
// is defined (Debian's CMake target defines it), or #warns that it cannot.
// Hide the macro from that one guard only: exceptions.hpp, which really needs
// it, is included first so it keeps throwing instead of abort()ing.
#include <valijson/exceptions.hpp>
#pragma push_macro("VALIJSON_USE_EXCEPTIONS")
#undef VALIJSON_USE_EXCEPTIONS
#include <valijson/adapters/rapidjson_adapter.hpp>  // IWYU pragma: export
#pragma pop_macro("VALIJSON_USE_EXCEPTIONS")
#include <rapidjson/document.h>                     // IWYU pragma: export
#include <rapidjson/error/en.h>                     // IWYU pragma: export
#include <rapidjson/reader.h>                       // IWYU pragma: export

#endif  // CALLCHECK_JSON_H_
