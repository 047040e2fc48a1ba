// Every translation unit that touches RapidJSON includes this header before
// any RapidJSON header. It owns RapidJSON's quirks (PERFORMANCE.md 5.4,
// RELIABILITY.md 2.6), pinned by tests/unit/adapter_test.cc:
//  - RapidJSON must fail loudly, not silently, when an assertion trips in a
//    release build; valijson's own replacement builds a std::string from
//    __FILE__ on every check (8.5x parse cost), so we throw through a cold
//    out-of-line function instead.
//  - std::string members (RAPIDJSON_HAS_STDSTRING) are on everywhere, so all
//    translation units see one layout of rapidjson::GenericValue.
// valijson is not included here: schema/valijson_adapter.h adds it, in
// schema/ only.
#ifndef CALLCHECK_DOCUMENT_RAPIDJSON_ADAPTER_H_
#define CALLCHECK_DOCUMENT_RAPIDJSON_ADAPTER_H_

#ifdef RAPIDJSON_ASSERT
#error "document/rapidjson_adapter.h must be included before any RapidJSON header"
#endif

namespace callcheck::detail {
[[noreturn]] [[gnu::cold]] void rapidjson_assertion_failed(const char *expression);
}  // namespace callcheck::detail

#define RAPIDJSON_ASSERT(x) ((x) ? static_cast<void>(0) : ::callcheck::detail::rapidjson_assertion_failed(#x))
#define RAPIDJSON_HAS_STDSTRING 1

#include <rapidjson/document.h>  // IWYU pragma: export
#include <rapidjson/error/en.h>  // IWYU pragma: export
#include <rapidjson/reader.h>    // IWYU pragma: export

#endif  // CALLCHECK_DOCUMENT_RAPIDJSON_ADAPTER_H_
