// The one place valijson is included from (schema/ only). valijson's RapidJSON
// adapter replaces RAPIDJSON_ASSERT when VALIJSON_USE_EXCEPTIONS is defined
// (Debian's CMake target defines it), or #warns that it cannot: our
// RAPIDJSON_ASSERT (document/rapidjson_adapter.h) must win, because
// valijson's builds a std::string from __FILE__ on every check. Hide the
// macro from that one guard only: exceptions.hpp, which really needs it, is
// included first so it keeps throwing instead of abort()ing. Pinned by
// tests/unit/adapter_test.cc.
#ifndef CALLCHECK_SCHEMA_VALIJSON_ADAPTER_H_
#define CALLCHECK_SCHEMA_VALIJSON_ADAPTER_H_

#include "document/rapidjson_adapter.h"
#include "util/no_iostream.h"  // valijson's exceptions.hpp and schema_parser.hpp include <iostream>

#include <valijson/exceptions.hpp>
#pragma push_macro("VALIJSON_USE_EXCEPTIONS")
#undef VALIJSON_USE_EXCEPTIONS
#include <valijson/adapters/rapidjson_adapter.hpp>  // IWYU pragma: export
#pragma pop_macro("VALIJSON_USE_EXCEPTIONS")

#endif  // CALLCHECK_SCHEMA_VALIJSON_ADAPTER_H_
