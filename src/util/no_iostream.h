// <iostream> kept out of a TU, with the names it declares (issue 14). Its
// static initialiser constructs std::cout, std::cerr, std::cin, their wide
// twins and the classic locale in every process that links such a TU: a
// quarter of a one-file run. callcheck writes through cli/out.h, and the
// third-party headers that include <iostream> (CLI11, valijson) only name
// the standard streams in code callcheck never runs: App::exit()'s default
// arguments (callcheck passes its own streams), the deprecated and retired
// option helpers (unused), valijson's abort() path (it is built to throw).
// Include this before them; any use of the streams would then be a bug,
// which tests/scripts/no_iostream.sh would see as ios_base::Init in the
// binary. Other standard libraries (libc++ initialises its streams inside
// the library, whatever is included) get <iostream> itself.
#ifndef CALLCHECK_UTIL_NO_IOSTREAM_H_
#define CALLCHECK_UTIL_NO_IOSTREAM_H_

#include <istream>  // std::istream
#include <ostream>  // std::ostream

#if defined(__GLIBCXX__) && !defined(_GLIBCXX_IOSTREAM)
#define _GLIBCXX_IOSTREAM 1  // NOLINT: <iostream>'s own include guard
namespace std {              // NOLINT: exactly the declarations of libstdc++'s <iostream>
extern istream cin;
extern ostream cout;
extern ostream cerr;
extern ostream clog;
}  // namespace std
#else
#include <iostream>
#endif

#endif  // CALLCHECK_UTIL_NO_IOSTREAM_H_
